"""The link to the backend, as the shell sees it: the sync client's state for QML, and its lifetime.

The sync client (headunit.sync) is plain Python with worker threads and knows nothing about Qt. This
object owns it, starts it away from the GUI thread (with the emulator's embedded backend when there is
one), and turns its status callbacks into queued signals, so QML reads a consistent snapshot on the GUI
thread. QML reads it as the singleton `Cloud`; it cannot change anything.

The profile's database opens first, before any network: from then on plugins' user data and writes are
durable, whether or not the backend answers. The client registers the device in the background, retrying
until the account is reached (`linked`), and only then sends.

With no `--backend` (nor HEADUNIT_BACKEND), a profile linked with `headunit account link` keeps the backend
saved in its device.json (`saved_backend`); an unlinked one gets the mode's default (the emulator's
embedded backend, or none on a car). With no backend (`--backend none`, explicit) the profile's database still opens: plugins' user data and writes
persist across restarts on the car alone (`localProfile`), and no network code is loaded. `available`
stays false then (there is no backend link to show). A device that joined an account waits for a device
of it to approve it (`approvalPending`: Settings says "Waiting for approval on your phone"); one removed
from its account is not `linked`, and `linkReason` says why.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.shell.qml_services import singleton_of

if TYPE_CHECKING:
    from headunit.shell.cloud_images import CloudImageServer
    from headunit.shell.connectivity import Connectivity
    from headunit.sync.client import SyncClient

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

#: `--backend` values that are not URLs.
EMBEDDED, NO_BACKEND = "embedded", "none"


@dataclass(frozen=True)
class CloudConfig:
    """Where the shell's backend link goes and where the profile keeps its state."""

    backend: str  # EMBEDDED, NO_BACKEND or the backend's base URL
    profile_dir: Path  # the driver profile's sync database, token and HTTP cache
    backend_dir: Path  # where the embedded backend keeps its database
    device_name: str = "HeadUnit emulator"


def saved_backend(profile_dir: Path, backend_dir: Path) -> str | None:
    """The backend the profile is registered with (its device.json, written by `headunit account link`),
    or None: no registration, an unreadable one (the shell says why later), or the emulator's own embedded
    backend (a loopback URL on the port it last ran on), which the emulator starts again itself."""
    from headunit.sync.errors import StoreError
    from headunit.sync.profile import load_registration

    try:
        registration = load_registration(profile_dir)
    except (OSError, StoreError, TypeError) as exc:
        log.warning("backend link: %s", exc)
        return None
    url = registration.base_url if registration else None
    if not url:
        return None
    try:
        embedded = f"http://127.0.0.1:{int((backend_dir / 'port').read_text())}"
    except (OSError, ValueError):
        embedded = None
    return None if url.rstrip("/") == embedded else url


def _same_port_as_before(port_file: Path) -> list[str]:
    """The embedded backend's last port, if it is free: the HTTP cache is keyed by URL, so the emulator's
    cached answers survive a restart."""
    import socket

    try:
        port = int(port_file.read_text())
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
            probe.bind(("127.0.0.1", port))
    except (OSError, ValueError):
        return []
    return ["--port", str(port)]


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the backend link")
class Cloud(QObject):
    create = singleton_of("cloud")

    changed = Signal()
    #: The client is open and knows its backend (or failed to): the backend's URL, or "" with the reason.
    #: The account may not be reached yet: `linked` says when it is.
    linkReady = Signal(str, str)
    #: An operation reached its final state: op_id, plugin, state (acked, rejected, expired), HTTP status.
    operationFinished = Signal(str, str, str, int)
    _statusChanged = Signal()
    _finalArrived = Signal(object)

    def __init__(self, connectivity: "Connectivity", parent: QObject | None = None):
        super().__init__(parent)
        self._connectivity = connectivity
        self._client: "SyncClient | None" = None
        self._server = None
        self._url, self._error = "", ""
        self._status = None
        self._starting = False
        self._local_only = False
        #: Set once the profile's database is open (or could not be): what plugins' calls wait for.
        self._opened = threading.Event()
        self._bytes: dict[str, tuple[int, int]] = {}
        self._images: "CloudImageServer | None" = None
        self._images_lock = threading.Lock()  # the first URL may be asked for on any thread
        #: Brings the link up, then carries the network switch to the client, in order, off the GUI thread.
        self._link_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cloud-link")
        self._statusChanged.connect(self._refresh_status)
        self._finalArrived.connect(self._apply_final)
        self.linkReady.connect(self._on_link_ready)
        connectivity.onlineChanged.connect(self._follow_connectivity)

    # Lifetime

    def start(self, config: CloudConfig) -> None:
        """Bring the link up in a background thread: the GUI never waits for a server or a disk. With no
        backend, only the profile's database opens (the car's local profile)."""
        self._local_only = config.backend == NO_BACKEND
        self._starting = True
        self._link_thread.submit(self._bring_up, config)

    def _bring_up(self, config: CloudConfig) -> None:
        try:
            client = self._open(config)
        except Exception as exc:  # noqa: BLE001 - the shell runs on without a backend, and says why
            log.error("backend link: %s", exc)
            self._error = str(exc)  # before waking plugins' calls, which report it
            self._opened.set()
            self.linkReady.emit("", str(exc))
            return
        self._client = client
        self._opened.set()
        self._statusChanged.emit()
        url = config.backend
        if url == NO_BACKEND:
            self.linkReady.emit("", "")  # the local profile is open; there is nothing to link
            return
        if url == EMBEDDED:
            try:
                url = self._start_embedded(config)
            except Exception as exc:  # noqa: BLE001 - user data stays on the car meanwhile
                log.error("backend link: %s", exc)
                self.linkReady.emit("", str(exc))
                return
            client.set_backend(url)
        self.linkReady.emit(url, "")

    def _open(self, config: CloudConfig) -> "SyncClient":
        """The profile's sync client, open and started: local only, no network needed."""
        from headunit.sync.client import SyncClient

        client = SyncClient(None if config.backend in (EMBEDDED, NO_BACKEND) else config.backend, config.profile_dir)
        try:
            client.set_online(self._connectivity.online)
            # Only "something changed" crosses threads: the GUI thread then takes the client's newest
            # status (kept in memory), so a report queued earlier can never overwrite a newer one.
            client.subscribe(lambda status: self._statusChanged.emit())
            client.on_final(lambda op: self._finalArrived.emit(op))
            client.start(device_name=config.device_name)  # another process syncing this profile: StoreError
        except BaseException:
            client.close()
            raise
        return client

    def _start_embedded(self, config: CloudConfig) -> str:
        try:
            from headunit_backend.process import ServerProcess
        except ImportError as exc:
            raise RuntimeError("the embedded backend needs the backend extra: "
                               "pip install 'headunit[backend]'") from exc

        config.backend_dir.mkdir(parents=True, exist_ok=True)
        port_file = config.backend_dir / "port"
        self._server = ServerProcess(f"sqlite:///{config.backend_dir / 'backend.db'}",
                                     args=_same_port_as_before(port_file))
        port_file.write_text(str(self._server.port))
        return self._server.url

    # Catalog images for QML (headunit.shell.cloud_images): the token stays here

    @property
    def images(self) -> "CloudImageServer":
        with self._images_lock:
            if self._images is None:
                from headunit.shell.cloud_images import CloudImageServer, cloud_fetcher

                self._images = CloudImageServer(lambda plugin: cloud_fetcher(self, plugin))
            return self._images

    def image_url(self, image: str, plugin: str) -> str:
        """The URL an `Image` shows catalog image `image` (`v1/catalog/images/<name>`) from, as `plugin`'s."""
        return self.images.url(image, plugin)

    @Slot(str, result=str)
    def imageUrl(self, image: str) -> str:
        """For the shell's own QML: `Image { source: Cloud.imageUrl("v1/catalog/images/x.svg") }`."""
        from headunit.sync.traffic import SHELL

        return self.image_url(image, SHELL)

    def stop(self) -> None:
        if self._images is not None:
            self._images.close()
        self._link_thread.shutdown(wait=True)
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._server is not None:
            self._server.stop()
            self._server = None

    @property
    def client(self) -> "SyncClient | None":
        """The sync client once the profile's database is open (plugins reach it through their context)."""
        return self._client

    def opened_client(self, timeout: float = 30) -> "SyncClient | None":
        """The sync client, waiting (on any thread) while the link is opening the profile's database;
        None without a backend or when the database could not be opened (`error` says why)."""
        if self._starting or self._client is not None:
            self._opened.wait(timeout)
        return self._client

    def wait_ready(self, timeout: float = 30) -> bool:
        """For tests and scripts: block until the account is reached, or the link has failed."""
        deadline = time.monotonic() + timeout
        while not (self._error or (self._url and self._status and self._status.linked)) \
                and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        return not self._error and bool(self._status and self._status.linked)

    # From worker threads to the GUI thread

    def _on_link_ready(self, url: str, error: str) -> None:
        self._url, self._error, self._starting = url, error, False
        self.changed.emit()

    @property
    def starting(self) -> bool:
        """The link is being brought up (linkReady follows)."""
        return self._starting

    def _follow_connectivity(self) -> None:
        if self._client is not None:  # on the link's thread: switching reads the outbox to report status
            self._link_thread.submit(self._client.set_online, self._connectivity.online)

    def _refresh_status(self) -> None:
        if self._client is None:
            return
        self._status = self._client.latest_status or self._status  # no disk access on the GUI thread
        self._bytes = self._client.bytes_by_plugin()
        self.changed.emit()

    def _apply_final(self, op) -> None:
        self.operationFinished.emit(op.op_id, op.plugin, op.state, op.response_status or 0)

    # What QML reads

    @Property(bool, notify=changed, final=True)
    def available(self) -> bool:
        """A backend link exists (it may not be reached yet); false with no backend, even though the
        profile's local data works then (`localProfile`)."""
        return self._client is not None and not self._local_only

    @Property(bool, notify=changed, final=True)
    def localProfile(self) -> bool:
        """The profile's database is open: plugins' user data and writes persist, backend or not."""
        return self._client is not None

    @Property(bool, notify=changed, final=True)
    def approvalPending(self) -> bool:
        """The device joined an account and waits for a device of it to approve it ("Waiting for
        approval on your phone"); writes wait in the outbox meanwhile."""
        return bool(self._status and self._status.approval == "pending")

    @Property(str, notify=changed, final=True)
    def linkReason(self) -> str:
        """Why the account is not linked ("" when it is): not reached yet, waiting for approval, or this
        device was removed from its account (its data and unsent writes stay on the car)."""
        if self._client is None or self._local_only:
            return ""
        return self._status.reason if self._status else ""

    @Property(bool, notify=changed, final=True)
    def revoked(self) -> bool:
        """This device was removed from its account (Settings: "Removed from the account: `linkReason`");
        its data and unsent writes stay on the car until it is linked again."""
        return bool(self._status and self._status.revoked) and not self._local_only

    @Property(str, notify=changed, final=True)
    def url(self) -> str:
        return self._url

    @Property(str, notify=changed, final=True)
    def host(self) -> str:
        """The backend's host name (and port, if not the scheme's), for the driver: "" without a backend."""
        from urllib.parse import urlsplit

        parts = urlsplit(self._url)
        try:
            port = parts.port
        except ValueError:
            port = None
        host = parts.hostname or ""  # never the URL's user or password
        return f"{host}:{port}" if host and port else host

    @Property(str, notify=changed, final=True)
    def error(self) -> str:
        return self._error

    @Property(bool, notify=changed, final=True)
    def online(self) -> bool:
        """The account answers: the network is up and the device is registered with the backend."""
        return bool(self._status and self._status.online and self._status.linked)

    @Property(bool, notify=changed, final=True)
    def linked(self) -> bool:
        """The device is registered with a known backend; False while the account is not reached yet
        (writes wait in the outbox, on disk)."""
        return bool(self._status and self._status.linked)

    @Property(int, notify=changed, final=True)
    def pending(self) -> int:
        return self._status.pending if self._status else 0

    @Property(int, notify=changed, final=True)
    def rejected(self) -> int:
        return self._status.rejected if self._status else 0

    @Property(float, notify=changed, final=True)
    def lastSync(self) -> float:
        """When the backend last answered, in ms since the epoch (a QML Date's unit); 0 for never."""
        last = self._status.last_sync if self._status else None
        return last * 1000.0 if last else 0.0

    @Slot(str, result="QVariantList")
    def bytesOf(self, plugin_id: str) -> list:
        """[bytes up, bytes down] that the plugin's requests have cost."""
        return list(self._bytes.get(plugin_id, (0, 0)))
