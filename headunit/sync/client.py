"""`SyncClient`: the one object a profile's apps and the shell talk to.

It owns the profile's sync.db (outbox, mirror, cursor, traffic), its HTTP cache, one transport adapter
(hence one keep-alive pool and one network switch for every request) and the background drainer and
puller. It knows nothing about Qt: callbacks run on the client's worker threads, and the shell hops to
its GUI thread itself.

The local side needs no network: opening a client opens only its files, and user-data writes and
`enqueue` land in the outbox whether or not the device is registered or the backend is known yet. Only
sending waits for a registration, which the background thread keeps retrying after `start(device_name=…)`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests

from headunit.sync.cache import CachedReader
from headunit.sync.db import SyncDB
from headunit.sync.drainer import Backoff, Drainer
from headunit.sync.errors import NotRegisteredError, SyncError, UnavailableError
from headunit.sync.mirror import LANE as USER_DATA_LANE
from headunit.sync.mirror import Mirror
from headunit.sync.models import Operation, Reading, Registration, Status
from headunit.sync.outbox import Outbox
from headunit.sync.profile import ProfileLock, load_registration, save_registration
from headunit.sync.settings import SyncSettings
from headunit.sync.transport import PLUGIN_HEADER, SHELL, Traffic, TransportAdapter

if TYPE_CHECKING:
    from headunit.sync.faults import FaultInjector

log = logging.getLogger(__name__)

SYNC_DB = "sync.db"
HTTP_CACHE = "http-cache.sqlite"


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
        self.profile_dir = Path(profile_dir)
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        self.settings = settings or SyncSettings()
        self._clock = clock
        self.db = SyncDB(self.profile_dir / SYNC_DB)
        self.outbox = Outbox(self.db, clock=clock)
        self.mirror = Mirror(self.db, self.outbox, clock=clock)
        self._registration = load_registration(self.profile_dir)
        self._traffic = Traffic(self._load_traffic())
        self.adapter = TransportAdapter(
            token=lambda: self._registration.token if self._registration else None, traffic=self._traffic,
            timeout=(self.settings.connect_timeout, self.settings.read_timeout), faults=faults)
        self._session = requests.Session()
        self._session.trust_env = False
        self._session.mount("http://", self.adapter)
        self._session.mount("https://", self.adapter)
        self._reader = CachedReader(self.profile_dir / HTTP_CACHE, self.adapter)
        self._final_callbacks: list[Callable[[Operation], None]] = []
        self._subscribers: list[Callable[[Status], None]] = []
        self._last_status: Status | None = None
        self._status_lock = threading.Lock()
        self._progress = threading.Event()
        self._last_sync: float | None = _float(self.db.get_meta("last_sync"))
        self.drainer = Drainer(self.outbox, send=self._send, push=self._push, reconcile=self._operation,
                               expire=self._expire_operation,
                               is_online=lambda: self.online and self.linked,
                               settings=self.settings, clock=clock, on_final=self._final, on_change=self._changed)
        self._pull_lock = threading.Lock()
        self._register_lock = threading.Lock()
        self._register_as: tuple[str, str] | None = None
        self._backoff = Backoff(self.settings.backoff_base, self.settings.backoff_cap)
        self._worker: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake_worker = threading.Event()
        self._profile_lock = ProfileLock(self.profile_dir)
        self._flush_lock = threading.Lock()
        self._closed = False

    # -- identity ----------------------------------------------------------------------------------

    @property
    def registration(self) -> Registration | None:
        return self._registration

    @property
    def linked(self) -> bool:
        """The backend is known and this profile is registered with it: operations can be sent."""
        return self._registration is not None and self.base_url is not None

    def register(self, name: str, kind: str = "car", account_key: str | None = None) -> Registration:
        """Register this profile as a device (once); the token is kept in the profile folder, mode 0600."""
        with self._register_lock:  # the background thread may be trying at the same moment
            if self._registration is not None:
                return self._registration
            if self.base_url is None:
                raise SyncError("registration needs the backend's address (set_backend)")
            response = self._session.post(self._url("/v1/devices"), json={
                "name": name, "kind": kind, "account_key": account_key}, headers={PLUGIN_HEADER: SHELL},
                timeout=(self.settings.connect_timeout, self.settings.read_timeout))
            if response.status_code != 201:
                raise SyncError(f"registration refused: HTTP {response.status_code} {response.text[:200]}")
            answer = response.json()
            registration = Registration(device_id=answer["device_id"], account_id=answer["account_id"],
                                        token=answer["token"], account_key=answer["account_key"],
                                        base_url=self.base_url)
            save_registration(self.profile_dir, registration)
            self._registration = registration
        self.drainer.wake()  # lanes that held their operations back until now
        self._changed()
        return registration

    def set_backend(self, base_url: str) -> None:
        """The backend's address, once known; the background thread then registers, drains and pulls."""
        self.base_url = _base(base_url)
        self.drainer.wake()
        self._wake_worker.set()
        self._changed()

    # -- reads ---------------------------------------------------------------------------------------

    def get(self, path: str, params: dict[str, Any] | None = None, *, plugin: str) -> Reading:
        """A cached GET: fresh if possible, else the last data with its age (UnavailableError if none)."""
        if not self.linked:
            raise UnavailableError(path, None, "the account is not reached yet")
        return self._reader.get(self._url(path), params, plugin=plugin)

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
            while True:
                since = self.mirror.cursor
                params = {"limit": self.settings.pull_limit}
                if since is not None:
                    params["cursor"] = since
                response = self._session.get(self._url("/v1/sync/changes"), params=params,
                                             headers={PLUGIN_HEADER: SHELL})
                response.raise_for_status()
                page = response.json()
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

    # -- connectivity and the background work ----------------------------------------------------------

    @property
    def online(self) -> bool:
        return self.adapter.online

    def set_online(self, online: bool) -> None:
        """The network switch. Offline, nothing leaves the device; back online, every lane retries at once."""
        was = self.adapter.online
        self.adapter.set_online(online)
        if online and not was:
            self.drainer.reconnected()
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
        self.drainer.start()
        if self._worker is None:
            self._stop.clear()
            self._worker = threading.Thread(target=self._background, name="sync-puller", daemon=True)
            self._worker.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake_worker.set()
        self.drainer.stop(timeout)
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
        self._session.close()
        self._reader.close()
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
        here = not self.drainer.running
        if here:
            self._profile_lock.acquire()
            self.drainer.start()
        try:
            deadline = time.monotonic() + timeout
            while self._pending():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._progress.clear()
                self._progress.wait(min(left, 0.05))
            return True
        finally:
            if here:
                self.drainer.stop()
                self._flush()
                self._profile_lock.release()

    def _pending(self) -> int:
        with self.drainer.settling:  # an operation recorded final has been announced too
            return self.outbox.counts()[0]

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
                if self._registration is None:
                    try:
                        self.register(*self._register_as)
                    except Exception as exc:  # backend unreachable or refusing: the outbox keeps the writes
                        failed_registrations += 1
                        log.info("sync: the account is not reached yet: %s", exc)
                        next_pull = time.monotonic() + self._backoff(failed_registrations)
                if self._registration is not None:
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
                      data_age=None if last_pull is None else max(0.0, now - last_pull))

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
            if last is not None and (status.online, status.linked, status.pending, status.rejected) == (
                    last.online, last.linked, last.pending, last.rejected):
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
        response.raise_for_status()
        return response.json()

    def _expire_operation(self, op_id: str) -> dict[str, Any]:
        response = self._session.post(self._url(f"/v1/operations/{op_id}/expire"), headers={PLUGIN_HEADER: SHELL})
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


def _base(url: str | None) -> str | None:
    return None if url is None else url.rstrip("/") + "/"
