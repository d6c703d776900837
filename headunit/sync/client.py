"""`SyncClient`: the one object a profile's apps and the shell talk to.

It owns the profile's sync.db (outbox, mirror, cursor, traffic), its HTTP cache, one transport adapter
(hence one keep-alive pool and one network switch for every request) and the background drainer and
puller. It knows nothing about Qt: callbacks run on the client's worker threads, and the shell hops to
its GUI thread itself.

The local side needs no network: opening a client opens only its files, and user-data writes and
`enqueue` land in the outbox whether or not the device is registered or the backend is known yet. Only
sending waits for a registration, which the background thread keeps retrying after `start(device_name=…)`.

The network side (requests, requests-cache, the drainer) is loaded only once a backend is known: a
profile with no backend (`SyncClient(None, folder)`, the car's local profile) never imports it.

Linking (`link(account_key)`) makes the profile a device of another account; the device then waits for
approval (`Status.approval == "pending"`: the backend answers `403 device_not_approved`), and once approved
the car's data is merged into the account (see `Mirror.merge`). A device removed from its account (its
token answers 401) stops sending and reports `Status.linked == False` with the reason; nothing is deleted.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headunit.sync.db import SyncDB
from headunit.sync.errors import NotRegisteredError, SyncError, UnavailableError
from headunit.sync.files import private_folder
from headunit.sync.mirror import LANE as USER_DATA_LANE
from headunit.sync.mirror import Mirror
from headunit.sync.models import BinaryReading, Operation, Reading, Registration, Status
from headunit.sync.outbox import Outbox
from headunit.sync.profile import ProfileLock, load_registration, save_registration
from headunit.sync.settings import SyncSettings
from headunit.sync.traffic import SHELL, Traffic

if TYPE_CHECKING:
    import requests

    from headunit.sync.cache import CachedReader
    from headunit.sync.drainer import Drainer
    from headunit.sync.faults import FaultInjector
    from headunit.sync.transport import TransportAdapter

log = logging.getLogger(__name__)

SYNC_DB = "sync.db"
HTTP_CACHE = "http-cache.sqlite"
PLUGIN_HEADER = "X-HeadUnit-Plugin"  # as headunit.sync.transport, which needs requests

#: `Status.approval`: the device joined an account and waits for a device of it to approve it, or was.
PENDING, APPROVED = "pending", "approved"
NOT_APPROVED = "device_not_approved"


class _Network:
    """What a client loads once it knows its backend: one adapter, two sessions over it, the drainer."""

    def __init__(self, adapter: TransportAdapter, session: requests.Session, reader: CachedReader,
                 drainer: Drainer, backoff):
        self.adapter, self.session, self.reader, self.drainer, self.backoff = adapter, session, reader, drainer, backoff


class SyncClient:
    """Cached reads, durable writes and user-data sync for one driver profile (a folder).

        client = SyncClient("https://cloud.example", profile_dir)
        client.start(device_name="My car")                    # register (retried until it answers), then
                                                              # drain and pull in the background
        reading = client.get("/v1/weather", {"lat": 60.2, "lon": 24.9}, plugin="org.headunit.weather")
        client.put_item("favourites", "home", {"lat": 60.2, "lon": 24.9}, plugin="org.headunit.navigation")
        client.enqueue("payments", "POST", "/v1/orders", order, plugin="org.headunit.store")

    `base_url` may be None when the backend's address is not known yet (a backend still starting):
    everything local works, and `set_backend(url)` connects later.
    `faults` (a `FaultInjector`) and `clock` (wall-clock seconds) are for tests and chaos campaigns.
    """

    def __init__(self, base_url: str | None, profile_dir: str | Path, *, settings: SyncSettings | None = None,
                 faults: FaultInjector | None = None, clock: Callable[[], float] = time.time):
        self.base_url = _base(base_url)
        self.profile_dir = private_folder(Path(profile_dir))
        self.settings = settings or SyncSettings()
        self._clock = clock
        self._faults = faults
        self.db = SyncDB(self.profile_dir / SYNC_DB)
        self.outbox = Outbox(self.db, clock=clock, lifetime=self.settings.op_lifetime)
        self.mirror = Mirror(self.db, self.outbox, clock=clock)
        self._registration = load_registration(self.profile_dir)
        self._traffic = Traffic(self._load_traffic())
        self._online = True
        self._approval: str | None = self.db.get_meta("approval")
        self._unlinked_reason: str | None = self.db.get_meta("revoked")
        #: Linked to an account whose data the car's must merge with before any write goes out (Mirror.merge).
        self._merge_pending = bool(self.db.get_meta("merge"))
        self._final_callbacks: list[Callable[[Operation], None]] = []
        self._subscribers: list[Callable[[Status], None]] = []
        self._last_status: Status | None = None
        self._status_lock = threading.Lock()
        self._progress = threading.Event()
        self._last_sync: float | None = _float(self.db.get_meta("last_sync"))
        self._pull_lock = threading.Lock()
        self._register_lock = threading.Lock()
        self._register_as: tuple[str, str] | None = None
        self._worker: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake_worker = threading.Event()
        self._profile_lock = ProfileLock(self.profile_dir)
        self._flush_lock = threading.Lock()
        self._net: _Network | None = None
        self._net_lock = threading.Lock()
        self._started = False
        self._closed = False
        if self.base_url is not None:
            self._network()

    # -- the network side, loaded once a backend is known ----------------------------------------------

    def _network(self) -> _Network:
        net = self._net
        if net is not None:
            return net
        with self._net_lock:
            if self._net is None:
                self._net = self._connect()
                if self._started:
                    self._net.drainer.start()
            return self._net

    def _connect(self) -> _Network:
        import requests

        from headunit.sync.cache import CachedReader
        from headunit.sync.drainer import Backoff, Drainer
        from headunit.sync.transport import TransportAdapter

        adapter = TransportAdapter(
            token=lambda: self._registration.token if self._registration else None, traffic=self._traffic,
            timeout=(self.settings.connect_timeout, self.settings.read_timeout), faults=self._faults)
        adapter.set_online(self._online)
        session = requests.Session()
        session.trust_env = False
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        reader = CachedReader(self.profile_dir / HTTP_CACHE, adapter)
        drainer = Drainer(self.outbox, send=self._send, push=self._push, reconcile=self._operation,
                          expire=self._expire_operation,
                          is_online=lambda: self.online and self.linked and not self._merge_pending,
                          refused=self._refused, settings=self.settings, clock=self._clock, on_final=self._final,
                          on_change=self._changed)
        return _Network(adapter, session, reader, drainer, Backoff(self.settings.backoff_base, self.settings.backoff_cap))

    @property
    def network_loaded(self) -> bool:
        """Whether the HTTP side (requests, the cache, the drainer) was loaded: never without a backend."""
        return self._net is not None

    @property
    def adapter(self) -> TransportAdapter:
        return self._network().adapter

    @property
    def drainer(self) -> Drainer:
        return self._network().drainer

    @property
    def _session(self) -> requests.Session:
        return self._network().session

    @property
    def _reader(self) -> CachedReader:
        return self._network().reader

    # -- identity ----------------------------------------------------------------------------------

    @property
    def registration(self) -> Registration | None:
        return self._registration

    @property
    def linked(self) -> bool:
        """The backend is known, this profile is registered with it, approved (not waiting for approval)
        and not removed from its account: operations can be sent."""
        return (self._registration is not None and self.base_url is not None and self._unlinked_reason is None
                and self._approval != PENDING)

    @property
    def approval(self) -> str | None:
        """"pending" while a device of the account has not approved this one, "approved" once one has (or
        the backend said so), None when not known (a device on an account of its own needs no approval)."""
        return self._approval

    @property
    def unlinked_reason(self) -> str:
        """Why operations are not sent ("" when they are)."""
        if self.base_url is None:
            return "no backend"
        if self._registration is None:
            return "not registered yet"
        if self._unlinked_reason is not None:
            return self._unlinked_reason
        if self._approval == PENDING:
            return "waiting for approval by a device of the account"
        return ""

    def register(self, name: str, kind: str = "car", account_key: str | None = None) -> Registration:
        """Register this profile as a device (once); the token is kept in the profile folder, mode 0600."""
        with self._register_lock:  # the background thread may be trying at the same moment
            if self._registration is not None:
                return self._registration
            if self.base_url is None:
                raise SyncError("registration needs the backend's address (set_backend)")
            registration, approval = self._post_device(name, kind, account_key)
            if approval is not None:
                with self.db.transaction(durable=False) as conn:
                    SyncDB.set_meta(conn, "approval", approval)
                self._approval = approval
            save_registration(self.profile_dir, registration)
            self._registration = registration
        self.drainer.wake()  # lanes that held their operations back until now
        self._changed()
        return registration

    def _post_device(self, name: str, kind: str, account_key: str | None) -> tuple[Registration, str | None]:
        if self.base_url is None:
            raise SyncError("registration needs the backend's address (set_backend)")
        response = self._session.post(self._url("/v1/devices"), json={
            "name": name, "kind": kind, "account_key": account_key}, headers={PLUGIN_HEADER: SHELL},
            timeout=(self.settings.connect_timeout, self.settings.read_timeout))
        if response.status_code != 201:
            if response.status_code == 403 and _error_code(response) == "bad_account_key":
                raise SyncError("registration refused: the account key is not valid (403 bad_account_key)")
            raise SyncError(f"registration refused: HTTP {response.status_code} {response.text[:200]}")
        answer = response.json()
        registration = Registration(device_id=answer["device_id"], account_id=answer["account_id"],
                                    token=answer["token"], account_key=answer["account_key"],
                                    base_url=self.base_url)
        approval = answer.get("status") if answer.get("status") in (PENDING, APPROVED) else None
        return registration, approval

    def link(self, account_key: str, *, device_name: str | None = None, kind: str = "car") -> Registration:
        """Make this profile a device of the account `account_key` opens, keeping all its data.

        Registers with the key (a new device of that account, replacing any earlier registration of this
        profile, which stays on its old account). The backend then holds the device `pending` until a
        device already on the account approves it (`status().approval`); the lanes wait meanwhile. Once
        approved, the car's data is merged into the account: every item of the local mirror that the
        account lacks or holds with another value is written to it (the car's value wins; the account's
        value it replaces is kept in `replaced_on_merge()`), and the account's other items are pulled in.
        Writes still in the outbox are sent by the new device, in order. Raises SyncError when the backend
        refuses the key or cannot be reached; nothing changes then."""
        if self.base_url is None:
            raise SyncError("linking needs the backend's address (set_backend)")
        self._profile_lock.acquire()  # StoreError if another process is syncing this profile
        name = device_name or (self._register_as[0] if self._register_as else None) or "HeadUnit"
        with self._register_lock:
            registration, approval = self._post_device(name, kind, account_key)
            # A new identity: its account's feed starts from no cursor, and the car's data merges into it.
            # The merge flag is durable before the new token is, so a crash in between merges into the old
            # account (harmless) rather than forgetting to merge into the new one.
            with self.db.transaction() as conn:
                for key, value in (("cursor", None), ("rebuild", 0), ("merge", 1), ("revoked", None),
                                   ("approval", approval or PENDING)):
                    SyncDB.set_meta(conn, key, value)
                conn.execute("DELETE FROM held")
            self._merge_pending = True
            save_registration(self.profile_dir, registration)
            self._registration = registration
            self._unlinked_reason = None
            self._approval = approval or PENDING
        try:
            self.check_approval()
        except Exception as exc:  # noqa: BLE001 - the background thread asks again
            log.info("sync: approval state not known yet: %s", exc)
        self.drainer.wake()
        self._wake_worker.set()
        self._changed()
        return registration

    def check_approval(self) -> str | None:
        """Ask the backend (`GET /v1/devices/me`) whether this device is approved; returns `approval`.
        A backend without device approval (404) needs none: the device counts as approved."""
        self._require_registration()
        response = self._session.get(self._url("/v1/devices/me"), headers={PLUGIN_HEADER: SHELL})
        if response.status_code == 401:
            self._revoked(401)
            return self._approval
        if response.status_code == 404:
            self._set_approval(APPROVED if self._approval == PENDING else self._approval)
            return self._approval
        response.raise_for_status()
        status = response.json().get("status")
        self._set_approval(status if status in (PENDING, APPROVED) else APPROVED)
        return self._approval

    def _set_approval(self, approval: str | None) -> None:
        if approval == self._approval:
            return
        with self.db.transaction(durable=False) as conn:
            SyncDB.set_meta(conn, "approval", approval)
        was, self._approval = self._approval, approval
        log.info("sync: device approval %s -> %s", was, approval)
        if was == PENDING and approval != PENDING and self._net is not None:
            self._net.drainer.wake()
            self._wake_worker.set()
        self._changed()

    def _revoked(self, status: int) -> None:
        reason = f"this device was removed from its account (HTTP {status}); link it again to sync"
        if self._unlinked_reason == reason:
            return
        with self.db.transaction(durable=False) as conn:
            SyncDB.set_meta(conn, "revoked", reason)
        self._unlinked_reason = reason
        log.warning("sync: %s; the outbox keeps %d operation(s)", reason, self.outbox.counts()[0])
        self._changed()

    def _refused(self, status: int, answer: Any) -> bool:
        """An answer about the device, not the operation: 403 device_not_approved (wait for approval) or
        401 (removed from the account). True when it was one: the lanes hold their operations."""
        if status == 403 and isinstance(answer, dict) and answer.get("error") == NOT_APPROVED:
            self._set_approval(PENDING)
            return True
        if status == 401 and self._registration is not None:
            self._revoked(status)
            return True
        return False

    def replaced_on_merge(self) -> list[dict[str, Any]]:
        """The account's values that the car's replaced when it was linked (nothing is lost)."""
        return self.mirror.replaced()

    def set_backend(self, base_url: str) -> None:
        """The backend's address, once known; the background thread then registers, drains and pulls.
        The network side is loaded here (never for a profile without a backend)."""
        self.base_url = _base(base_url)
        self._network().drainer.wake()
        self._wake_worker.set()
        self._changed()

    # -- reads ---------------------------------------------------------------------------------------

    def get(self, path: str, params: dict[str, Any] | None = None, *, plugin: str) -> Reading:
        """A cached GET: fresh if possible, else the last data with its age (UnavailableError if none)."""
        return self._read(path, lambda: self._reader.get(self._url(path), params, plugin=plugin))

    def get_bytes(self, path: str, *, plugin: str, max_bytes: int | None = None) -> BinaryReading:
        """`get` for a body that is not JSON (a catalog image): its bytes and media type, fresh if possible,
        else the cached copy with its age (UnavailableError if none, or if it is over `max_bytes`)."""
        return self._read(path, lambda: self._reader.get_bytes(self._url(path), plugin=plugin, max_bytes=max_bytes))

    def _read(self, path: str, read: Callable[[], Any]) -> Any:
        if not self.linked:
            reason = self.unlinked_reason
            if reason == "no backend":
                reason = "no backend link: this car keeps its data on its own profile"
            elif reason == "not registered yet":
                reason = "the account is not reached yet"
            raise UnavailableError(path, None, reason)
        try:
            return read()
        except UnavailableError as exc:
            if exc.status in (401, 403) and self._refused(exc.status, {"error": NOT_APPROVED}
                                                          if NOT_APPROVED in exc.detail else None):
                raise UnavailableError(exc.url, exc.status, self.unlinked_reason) from exc
            raise

    # -- writes --------------------------------------------------------------------------------------

    def transaction(self):
        """`with client.transaction() as conn:` groups local changes and enqueues into one durable commit."""
        return self.outbox.transaction()

    def enqueue(self, lane: str, method: str, path: str, body: Any = None, *, plugin: str,
                not_after: float | None = None, conn=None, op_id: str | None = None) -> str:
        """Queue a write for the backend; durable when this returns (or when `conn`'s transaction commits)."""
        op = self.outbox.enqueue(lane, method, path, body, plugin=plugin, not_after=not_after, conn=conn,
                                 op_id=op_id)
        self.db.after_commit(self._changed)
        return op

    def operation(self, op_id: str) -> Operation | None:
        return self.outbox.get(op_id)

    def put_item(self, collection: str, key: str, value: Any, *, plugin: str = SHELL, conn=None,
                 op_id: str | None = None) -> str:
        """Set a user-data item locally and queue it for the account (lane `user-data`); returns the op_id."""
        op = self.mirror.put(collection, key, value, plugin=plugin, conn=conn, op_id=op_id)
        self.db.after_commit(self._changed)
        return op

    def delete_item(self, collection: str, key: str, *, plugin: str = SHELL, conn=None,
                    op_id: str | None = None) -> str:
        """Delete a user-data item locally and queue the deletion; returns the op_id."""
        op = self.mirror.delete(collection, key, plugin=plugin, conn=conn, op_id=op_id)
        self.db.after_commit(self._changed)
        return op

    def items(self, collection: str) -> dict[str, Any]:
        return self.mirror.items(collection)

    # -- pull ----------------------------------------------------------------------------------------

    def pull(self) -> int:
        """Fetch the account's changes page by page; each page and its cursor commit together."""
        self._require_registration()
        applied = 0
        with self._pull_lock:
            if self.db.get_meta("merge"):
                applied = self._merge()
            while True:
                since = self.mirror.cursor
                page = self._changes_page(since)
                done = self.mirror.apply_page(page["changes"], page["cursor"], since=since)
                if done is None:
                    continue  # the cursor was reset meanwhile: fetch from where it points now
                applied += done
                if not page.get("more"):
                    break
            now = self._clock()
            self._last_sync = now
            with self.db.transaction(durable=False) as conn:
                SyncDB.set_meta(conn, "last_pull", now)
                SyncDB.set_meta(conn, "last_sync", now)
        self._changed()
        return applied

    def _changes_page(self, cursor: str | None) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": self.settings.pull_limit}
        if cursor is not None:
            params["cursor"] = cursor
        response = self._session.get(self._url("/v1/sync/changes"), params=params, headers={PLUGIN_HEADER: SHELL})
        if response.status_code in (401, 403):
            self._refused(response.status_code, _json_or_none(response))
        response.raise_for_status()
        return response.json()

    def _merge(self) -> int:
        """After linking: read the account's whole feed, then merge the car's data into it (Mirror.merge)."""
        changes: list[dict[str, Any]] = []
        cursor = None
        while True:
            page = self._changes_page(cursor)
            changes.extend(page["changes"])
            cursor = page["cursor"]
            if not page.get("more"):
                break
        pushed, pulled, replaced = self.mirror.merge(changes, cursor, plugin=SHELL,
                                                      account_id=self._registration.account_id)
        self._merge_pending = False
        if self._net is not None:
            self._net.drainer.wake()  # the lanes held their writes until the merge
        log.info("sync: merged this car's data into the account: %d item(s) sent, %d received, %d replaced",
                 pushed, pulled, replaced)
        return pulled

    # -- connectivity and the background work ----------------------------------------------------------

    @property
    def online(self) -> bool:
        return self._net.adapter.online if self._net is not None else self._online

    def set_online(self, online: bool) -> None:
        """The network switch. Offline, nothing leaves the device; back online, every lane retries at once."""
        was = self.online
        self._online = online
        net = self._net
        if net is not None:
            net.adapter.set_online(online)
        if online and not was:
            if net is not None:
                net.drainer.reconnected()
            self._wake_worker.set()
        self._changed()

    def start(self, *, device_name: str | None = None, kind: str = "car") -> None:
        """Drain the outbox and pull periodically in the background until `stop()`.

        An unregistered profile needs `device_name`: the background thread registers it, retrying with
        backoff (at once when connectivity returns) until the backend answers. Until then operations wait
        in the outbox. Raises StoreError if another process is syncing this profile."""
        if self._registration is None:
            if device_name is None:
                self._require_registration()
            self._register_as = (device_name, kind)
        self._profile_lock.acquire()
        self.outbox.prune(self._clock() - self.settings.keep_final_for)
        with self._net_lock:
            self._started = True
            if self._net is not None:
                self._net.drainer.start()
        if self._worker is None:
            self._stop.clear()
            self._worker = threading.Thread(target=self._background, name="sync-puller", daemon=True)
            self._worker.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake_worker.set()
        with self._net_lock:
            self._started = False
        if self._net is not None:
            self._net.drainer.stop(timeout)
        if self._worker is not None:
            self._worker.join(timeout)
            self._worker = None
        self._flush()
        self._profile_lock.release()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.stop()
        if self._net is not None:
            self._net.session.close()
            self._net.reader.close()
        self.db.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def drain(self, timeout: float = 30.0) -> bool:
        """Wait until no operation is pending (running the lanes meanwhile if `start()` was not called).
        False if some are still pending at the timeout."""
        if self._worker is None:  # a started client registers by itself
            self._require_registration()
        if self.base_url is None:
            raise SyncError("draining needs the backend's address (set_backend)")
        here = not self.drainer.running
        if here:
            self._profile_lock.acquire()
            self.drainer.start()
        try:
            deadline = time.monotonic() + timeout
            asked = None
            while self._pending():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                if self._worker is None and (asked is None or time.monotonic() - asked >= 1.0):
                    asked = time.monotonic()  # no background thread asks or merges for us
                    try:
                        if self._approval == PENDING:
                            self.check_approval()
                        if self._merge_pending and self.linked:
                            self.pull()
                    except Exception as exc:  # noqa: BLE001
                        log.info("sync: approval check or merge failed: %s", exc)
                self._progress.clear()
                self._progress.wait(min(left, 0.05))
            return True
        finally:
            if here:
                self.drainer.stop()
                self._flush()
                self._profile_lock.release()

    def _pending(self) -> int:
        """Operations still to send, plus one for a merge not done yet (it writes what the account lacks)."""
        merge = 1 if self._merge_pending else 0
        if self._net is None:
            return self.outbox.counts()[0] + merge
        with self.drainer.settling:  # an operation recorded final has been announced too
            return self.outbox.counts()[0] + merge

    def _background(self) -> None:
        try:
            self._pull_periodically()
        finally:
            self.db.release_thread()

    def _pull_periodically(self) -> None:
        """Register first if need be, then pull every `pull_interval` (at once when connectivity returns
        or the backend becomes known) and flush traffic counters."""
        next_pull = 0.0
        failed_registrations = 0
        while not self._stop.is_set():
            if self.online and self.base_url is not None and time.monotonic() >= next_pull:
                if self._registration is None and self._register_as is not None:
                    try:
                        self.register(*self._register_as)
                    except Exception as exc:  # backend unreachable or refusing: the outbox keeps the writes
                        failed_registrations += 1
                        log.info("sync: the account is not reached yet: %s", exc)
                        next_pull = time.monotonic() + self._network().backoff(failed_registrations)
                if self._registration is not None and self._unlinked_reason is not None:
                    next_pull = time.monotonic() + self.settings.pull_interval  # removed: wait for a new link
                elif self._registration is not None and self._approval == PENDING:
                    try:  # waiting for a device of the account to approve this one
                        self.check_approval()
                    except Exception as exc:  # noqa: BLE001
                        log.info("sync: approval check failed: %s", exc)
                    if self._approval == PENDING:
                        next_pull = time.monotonic() + self.settings.approval_poll_interval
                if self._registration is not None and self.linked and time.monotonic() >= next_pull:
                    try:
                        self.pull()
                        next_pull = time.monotonic() + self.settings.pull_interval
                    except Exception as exc:  # backend down, a bad page: try again soon
                        log.info("sync: pull failed: %s", exc)
                        next_pull = time.monotonic() + min(self.settings.pull_interval, 5.0)
            self._flush()
            timeout = min(self.settings.traffic_flush_interval, max(0.05, next_pull - time.monotonic()))
            if self._wake_worker.wait(timeout):
                self._wake_worker.clear()
                next_pull = 0.0

    # -- status and callbacks ------------------------------------------------------------------------

    def status(self) -> Status:
        pending, rejected, oldest = self.outbox.counts()
        now = self._clock()
        last_pull = _float(self.db.get_meta("last_pull"))
        return Status(online=self.online, linked=self.linked, pending=pending, rejected=rejected,
                      last_sync=self._last_sync,
                      oldest_pending_age=None if oldest is None else max(0.0, now - oldest),
                      data_age=None if last_pull is None else max(0.0, now - last_pull),
                      approval=self._approval, reason=self.unlinked_reason,
                      revoked=self._unlinked_reason is not None)

    def subscribe(self, callback: Callable[[Status], None]) -> Callable[[], None]:
        """`callback(status)` at once with the current status, then on each change of online, linked,
        pending or rejected (on the thread that made the change). Returns a function that unsubscribes."""
        self._subscribers.append(callback)
        with self._status_lock:
            self._last_status = None  # so the next report reaches everyone, this callback included
        self._changed()
        return lambda: self._subscribers.remove(callback)

    @property
    def latest_status(self) -> Status | None:
        """The newest status handed to subscribers, without touching the disk: what a UI thread shows."""
        return self._last_status

    def on_final(self, callback: Callable[[Operation], None]) -> Callable[[], None]:
        """`callback(op)` when an operation becomes acked, rejected or expired (on a lane thread). After a
        crash the same op_id may be reported again; apps dedupe by op_id. Returns an unsubscribe function."""
        self._final_callbacks.append(callback)
        return lambda: self._final_callbacks.remove(callback)

    def bytes_by_plugin(self) -> dict[str, tuple[int, int]]:
        """Bytes (up, down) each plugin moved since the profile was created."""
        return self._traffic.snapshot()

    def _final(self, op: Operation) -> None:
        if op.state in ("acked", "rejected"):
            self._last_sync = self._clock()
        if op.lane == USER_DATA_LANE and op.path.startswith("/v1/sync/items/"):
            if op.state == "acked":
                self.mirror.settle()  # a pulled change held behind this write may now apply
            elif op.state == "expired":
                # Never refused, only not sent in time: the car's value stays and goes out again, anew.
                if self.mirror.resend(op, plugin=op.plugin) is None:
                    self.mirror.settle()
            else:
                self.mirror.request_rebuild()
        self._progress.set()
        for callback in list(self._final_callbacks):
            try:
                callback(op)
            except Exception:
                log.exception("sync: on_final callback %r failed", callback)

    def _changed(self) -> None:
        if not self._subscribers:
            return
        with self._status_lock:
            status = self.status()
            last = self._last_status
            if last is not None and (status.online, status.linked, status.pending, status.rejected,
                                     status.approval, status.reason) == (
                    last.online, last.linked, last.pending, last.rejected, last.approval, last.reason):
                return
            self._last_status = status
        for callback in list(self._subscribers):
            try:
                callback(status)
            except Exception:
                log.exception("sync: status subscriber %r failed", callback)

    # -- plumbing ------------------------------------------------------------------------------------

    def _url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    def _require_registration(self) -> None:
        if self._registration is None:
            raise NotRegisteredError(f"{self.profile_dir}: no device registered; call register() first")

    def _send(self, op: Operation) -> requests.Response:
        headers = {"Idempotency-Key": op.op_id, PLUGIN_HEADER: op.plugin}
        data = None
        if op.body is not None:
            data = json.dumps(op.body, separators=(",", ":"), ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
        return self._session.request(op.method, self._url(op.path), data=data, headers=headers)

    def _push(self, ops: list[Operation]) -> requests.Response:
        body = {"operations": [{"op_id": op.op_id, "method": op.method, "path": op.path, "body": op.body}
                               for op in ops]}
        data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        return self._session.post(self._url("/v1/sync/push"), data=data,
                                  headers={"Content-Type": "application/json", PLUGIN_HEADER: ops[0].plugin})

    def _operation(self, op_id: str) -> dict[str, Any]:
        response = self._session.get(self._url(f"/v1/operations/{op_id}"), headers={PLUGIN_HEADER: SHELL})
        if response.status_code in (401, 403):
            self._refused(response.status_code, _json_or_none(response))
        response.raise_for_status()
        return response.json()

    def _expire_operation(self, op_id: str) -> dict[str, Any]:
        response = self._session.post(self._url(f"/v1/operations/{op_id}/expire"), headers={PLUGIN_HEADER: SHELL})
        if response.status_code in (401, 403):
            self._refused(response.status_code, _json_or_none(response))
        response.raise_for_status()
        return response.json()

    def _load_traffic(self) -> dict[str, tuple[int, int]]:
        rows = self.db.connection().execute("SELECT plugin, up, down FROM traffic").fetchall()
        return {plugin: (up, down) for plugin, up, down in rows}

    def _flush(self) -> None:
        with self._flush_lock:
            self._flush_locked()

    def _flush_locked(self) -> None:
        dirty = self._traffic.take_dirty()
        if not dirty and self._last_sync is None:
            return
        with self.db.transaction(durable=False) as conn:
            conn.executemany("INSERT INTO traffic (plugin, up, down) VALUES (?, ?, ?) ON CONFLICT (plugin) "
                             "DO UPDATE SET up = excluded.up, down = excluded.down",
                             [(plugin, up, down) for plugin, (up, down) in dirty.items()])
            if self._last_sync is not None:
                SyncDB.set_meta(conn, "last_sync", self._last_sync)


def _float(value) -> float | None:
    return None if value is None else float(value)


def _json_or_none(response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _error_code(response) -> str | None:
    answer = _json_or_none(response)
    return answer.get("error") if isinstance(answer, dict) else None


def _base(url: str | None) -> str | None:
    return None if url is None else url.rstrip("/") + "/"
