"""`ctx.packages` (capability: install): an app asks, the shell installs, the driver consents.

Installing is privileged, so the app that browses the catalog never installs anything itself. It asks with
`ctx.packages.install(app_id)`; the shell (`PackageDesk`) downloads the package from the app store
(headunit/packages/appstore.py), verifies it (`Installer.inspect`), and shows its own consent sheet
(qml/HeadUnit/Shell/ConsentSheet.qml, parked only, the way the payment sheet is drawn): each capability in plain
words, and for an update the capabilities before and after with the added ones marked. Only the driver's tap on
that sheet installs; the app hears how it went through its handle. Uninstalling and rolling back are asked on the
same sheet, from the app or from Settings › Apps.

The sheet is an item of the shell's scene given this desk as a property after the window loads: no QML singleton
leads to it, so no app's page can press its buttons.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit import paths
from headunit.packages import capabilities, state_file
from headunit.host.handles import RequestHandle
from headunit.host.errors import PermissionDenied, require_gui_thread

if TYPE_CHECKING:
    from headunit.host.apps import Apps
    from headunit.host.host import PluginHost
    from headunit.shell.notifications import Notifications
    from headunit.vehicle.driving import DrivingState

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

#: How often a linked shell asks the store what it has withdrawn (also at every link-up).
REVOCATION_CHECK_MS = 15 * 60 * 1000

#: The steps a request reports, in the order they can come, and the final ones.
STEPS = ("downloading", "waiting_for_consent", "installing", "uninstalling", "rolling_back", "installed",
         "uninstalled", "rolled_back", "declined_by_driver", "failed")
WORKING = {"install": "installing", "uninstall": "uninstalling", "rollback": "rolling_back"}
FINAL = ("installed", "uninstalled", "rolled_back", "declined_by_driver", "failed")


class PackageError(Exception):
    """A request the shell will not act on: what is wrong with it."""


# The plugin's side


class PackageHandle(RequestHandle):
    """One request. `outcome(state, details)` fires for each step (STEPS): `downloading`, `waiting_for_consent`
    (the shell's sheet is up), `installing` (or `uninstalling`, `rolling_back`), then one of `installed`, `uninstalled`, `rolled_back`,
    `declined_by_driver` (cancelled on the sheet, or the car was not parked) or `failed` (details["reason"])."""

    FINAL = FINAL


class PackagesBase(QObject):
    """`ctx.packages`: the catalog to browse, and requests the shell carries out. The subclasses say how the
    shell is reached: in its own process, or through a sandbox's channel."""

    #: The catalog or the installed apps changed: read `catalog()` and `installed()` again.
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._handles: dict[str, PackageHandle] = {}

    def deliver(self, request_id: str, state: str, details: dict[str, Any]) -> None:
        handle = self._handles.get(request_id)
        if handle is not None:
            handle._deliver(state, details)
            if handle.done:
                self._handles.pop(request_id, None)

    def _handle(self, request_id: str) -> PackageHandle:
        handle = PackageHandle(request_id, self)
        self._handles[request_id] = handle
        return handle

    def _request(self, action: str, app_id: str) -> str:
        raise NotImplementedError

    def catalog(self) -> list[dict[str, Any]]:
        """The store's apps, each {id, name, version, description, icon, rating, ratings, capabilities,
        capability_words, screenshots, installed_version, previous_version, update, revoked}; the last
        catalog fetched while offline."""
        raise NotImplementedError

    def installed(self) -> list[dict[str, Any]]:
        """The apps installed from packages: {id, version, previous_version, capabilities, revoked, source}."""
        raise NotImplementedError

    def refresh(self) -> bool:
        """Fetch the catalog again in the background; `changed` fires when it has arrived. False when none will
        (the head unit is not linked to a backend yet)."""
        raise NotImplementedError

    @property
    def refreshing(self) -> bool:
        raise NotImplementedError

    @property
    def error(self) -> str:
        """Why the last refresh failed ("" when it did not)."""
        raise NotImplementedError

    def install(self, app_id: str) -> PackageHandle:
        """Ask for `app_id` (a new app or an update) to be installed: the shell downloads and verifies it,
        and installs only when the driver taps Install on its sheet. Parked only."""
        require_gui_thread("ctx.packages.install()")
        return self._handle(self._request("install", app_id))

    def uninstall(self, app_id: str) -> PackageHandle:
        """Ask for `app_id` to be removed; the driver chooses on the shell's sheet whether its data is kept."""
        require_gui_thread("ctx.packages.uninstall()")
        return self._handle(self._request("uninstall", app_id))

    def rollback(self, app_id: str) -> PackageHandle:
        """Ask for `app_id`'s previous version (and its data) to come back, on the shell's sheet."""
        require_gui_thread("ctx.packages.rollback()")
        return self._handle(self._request("rollback", app_id))


class PluginPackages(PackagesBase):
    """`ctx.packages` in the shell's process."""

    def __init__(self, desk: "PackageDesk", plugin_id: str, parent: QObject | None = None):
        super().__init__(parent)
        self._desk, self._plugin = desk, plugin_id
        desk.outcome.connect(self._relay)
        desk.catalogChanged.connect(self.changed)

    def _relay(self, request_id: str, plugin: str, state: str, details: dict) -> None:
        if plugin == self._plugin:
            self.deliver(request_id, state, details)

    def _request(self, action: str, app_id: str) -> str:
        return self._desk.request(self._plugin, action, app_id)

    def catalog(self) -> list[dict[str, Any]]:
        return self._desk.catalog()

    def installed(self) -> list[dict[str, Any]]:
        return self._desk.installed()

    def refresh(self) -> bool:
        return self._desk.refresh()

    @property
    def refreshing(self) -> bool:
        return self._desk.refreshing

    @property
    def error(self) -> str:
        return self._desk.error


class RemotePackages(PackagesBase):
    """`ctx.packages` in a sandbox: every call goes to the shell (`PackageCalls`), which checks the manifest
    again; steps and catalog changes come back as notifications (`on_notification`)."""

    def __init__(self, call: Callable[..., Any], parent: QObject | None = None):
        super().__init__(parent)
        self._call = call
        self._refreshing, self._error = False, ""

    def on_notification(self, method: str, params: dict[str, Any]) -> None:
        if method == "packages.outcome":
            self.deliver(params["id"], params["state"], params.get("details") or {})
        elif method == "packages.changed":
            self._refreshing, self._error = bool(params.get("refreshing")), str(params.get("error") or "")
            self.changed.emit()

    def _request(self, action: str, app_id: str) -> str:
        return str(self._call("packages.request", action=action, app_id=app_id))

    def catalog(self) -> list[dict[str, Any]]:
        return list(self._call("packages.catalog"))

    def installed(self) -> list[dict[str, Any]]:
        return list(self._call("packages.installed"))

    def refresh(self) -> bool:
        return bool(self._call("packages.refresh"))

    @property
    def refreshing(self) -> bool:
        return self._refreshing

    @property
    def error(self) -> str:
        return self._error


class PackageCalls:
    """`_call_packages_*` handlers for the sandbox service: a sandboxed plugin's ctx.packages, checked against
    its manifest here, in the shell. A sandboxed app can ask; only the driver's tap on the sheet installs."""

    def __init__(self, sandbox: Any, host: "PluginHost", desk: "PackageDesk"):
        self._sandbox, self._host, self._desk = sandbox, host, desk
        desk.outcome.connect(self._relay)
        desk.catalogChanged.connect(self._changed)

    def _require(self, key: str, what: str) -> None:
        record = self._host.record(key)
        if record is None or record.manifest is None or "install" not in record.manifest.capabilities:
            raise PermissionDenied(key, "install", what)

    def _relay(self, request_id: str, plugin: str, state: str, details: dict) -> None:
        self._sandbox.notify_plugin(plugin, "packages.outcome", {"id": request_id, "state": state, "details": details})

    def _changed(self) -> None:
        state = {"refreshing": self._desk.refreshing, "error": self._desk.error}
        for record in self._host.records():
            if record.manifest is not None and "install" in record.manifest.capabilities and record.loaded:
                self._sandbox.notify_plugin(record.key, "packages.changed", state)

    def _call_packages_catalog(self, key: str, params: dict[str, Any]) -> list:
        self._require(key, "packages.catalog()")
        return self._desk.catalog()

    def _call_packages_installed(self, key: str, params: dict[str, Any]) -> list:
        self._require(key, "packages.installed()")
        return self._desk.installed()

    def _call_packages_refresh(self, key: str, params: dict[str, Any]) -> bool:
        self._require(key, "packages.refresh()")
        return self._desk.refresh()

    def _call_packages_request(self, key: str, params: dict[str, Any]) -> str:
        self._require(key, "packages.request()")
        action, app_id = params.get("action"), params.get("app_id")
        if not isinstance(action, str) or not isinstance(app_id, str):
            raise TypeError("packages.request: expected an action and an app id")
        return self._desk.request(key, action, app_id)


# The shell's side


@dataclass
class PackageRequest:
    """An install, update or removal waiting for the driver's consent."""

    id: str
    plugin: str  # who asked: a plugin id, or "headunit" for Settings › Apps
    action: str  # install, uninstall or rollback
    app_id: str
    stage: str = "preparing"  # preparing, consent, working, done, failed
    name: str = ""
    icon: str = ""
    old_version: str = ""
    new_version: str = ""
    old_capabilities: list[str] = field(default_factory=list)
    new_capabilities: list[str] = field(default_factory=list)
    package: Path | None = None
    reason: str = ""


def _get(entry: Any, name: str, default: Any = None) -> Any:
    """A field of a catalog entry or an installed record, whether the store hands dicts or dataclasses."""
    if isinstance(entry, dict):
        return entry.get(name, default)
    return getattr(entry, name, default)


def _installed_dict(entry: Any) -> dict[str, Any]:
    return {"id": str(_get(entry, "id", "")), "version": str(_get(entry, "version", "")),
            "previous_version": str(_get(entry, "previous_version") or ""),
            "capabilities": sorted(_get(entry, "capabilities", ()) or ()),
            "revoked": bool(_get(entry, "revoked", False)), "source": str(_get(entry, "source", "") or "")}


def _rating(entry: Any) -> tuple[float, int]:
    rating = _get(entry, "rating")
    if isinstance(rating, dict):  # {average, count}
        return float(rating.get("average") or 0), int(rating.get("count") or 0)
    count = _get(entry, "ratings_count", _get(entry, "ratings", 0))
    return float(rating or 0), int(count if isinstance(count, (int, float)) else 0)


def _catalog_dict(entry: Any) -> dict[str, Any]:
    average, count = _rating(entry)
    latest = _get(entry, "latest")
    version = _get(entry, "version") or (_get(latest, "version") if latest is not None else "") or ""
    capabilities = _get(entry, "capabilities") or (_get(latest, "capabilities") if latest is not None else ()) or ()
    icon = str(_get(entry, "icon", "") or "")
    return {
        "id": str(_get(entry, "id", "")), "name": str(_get(entry, "name", "") or _get(entry, "id", "")),
        "version": str(version), "description": str(_get(entry, "description", "") or ""),
        "developer": str(_get(entry, "developer", "") or _get(entry, "author", "") or ""),
        "icon": icon if icon.startswith("mdi6.") else "mdi6.puzzle-outline",
        "icon_url": icon if "://" in icon else str(_get(entry, "icon_url", "") or ""),
        "rating": round(average, 1), "ratings": count, "capabilities": sorted(capabilities),
        "screenshots": [str(s) for s in (_get(entry, "screenshots") or ())],
        "category": str(_get(entry, "category", "") or ""), "size": int(_get(entry, "size", 0) or 0),
    }


def _default_store(base_url: str) -> Any:
    from headunit.packages.appstore import AppStore

    return AppStore(base_url or None)


def _default_installer(developer_mode: bool) -> Any:
    from headunit.packages.installer import Installer

    return Installer(developer_mode=developer_mode)


@QmlElement
@QmlUncreatable("the shell sets its consent sheet's desk")
class PackageDesk(QObject):  # type: ignore[operator]  # PySide's stubs: QmlUncreatable, a class
    """The shell's package installs: one sheet at a time, every install made by the shell itself."""

    #: Any property of the sheet changed (QML re-reads).
    changed = Signal()
    #: The catalog or the installed apps changed.
    catalogChanged = Signal()
    #: A request's step: request id, who asked, step (STEPS), details (app id, reason, version).
    outcome = Signal(str, str, str, "QVariantMap")  # type: ignore[arg-type]  # a C++ type name
    # From the worker thread to the GUI thread.
    _done = Signal(object, object)
    _withdrawn = Signal(str, str, str)  # app id, version, the store's reason

    def __init__(self, driving: "DrivingState", notifications: "Notifications", language: Callable[[], str], *,
                 backend_url: Callable[[], str] = lambda: "",
                 store: Callable[[str], Any] = _default_store,
                 installer: Callable[[], Any] | None = None,
                 developer_mode: Callable[[], bool] = lambda: False, parent: QObject | None = None):
        super().__init__(parent)
        self._driving, self._notifications, self._language = driving, notifications, language
        self._store_factory, self._backend_url = store, backend_url
        self._store_url: str | None = None  # the backend the store was made for
        self._developer_mode = developer_mode
        self._installer_factory = installer or (lambda: _default_installer(self._developer_mode_on()))
        self._store: Any = None
        self._host: "PluginHost | None" = None
        self._apps: "Apps | None" = None
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="packages")
        self._closed = False
        self._ids = itertools.count(1)
        self._current: PackageRequest | None = None
        self._catalog: list[dict[str, Any]] = self._read_cache()
        self._installed: list[dict[str, Any]] = []
        self._refreshing, self._again, self._error = False, False, ""
        self._done.connect(lambda fn, value: fn(value))
        self._withdrawn.connect(self._tell_withdrawn)
        driving.stateChanged.connect(self._follow_driving)
        # While linked, the store's withdrawals reach the car at least this often (and at every link-up).
        self._revocation_timer = QTimer(self, interval=REVOCATION_CHECK_MS)
        self._revocation_timer.timeout.connect(self._check_revocations)
        # Read on the worker: the installer's imports (signatures, cryptography) stay off the shell's start.
        QTimer.singleShot(0, lambda: self._run(self._read_installed, self._installed_read))

    def attach(self, host: "PluginHost", apps: "Apps | None" = None) -> None:
        """The plugin host and the apps model, made after the services: an install shows up in both."""
        self._host, self._apps = host, apps

    def set_store(self, store: Any) -> None:
        """Browse and download from `store` (an AppStore: refresh(), apps(), download(id) -> Path) from now on,
        whatever the shell is linked to."""
        self._store, self._store_url = store, None

    def close(self) -> None:
        self._closed = True
        self._io.shutdown(wait=True)

    def _developer_mode_on(self) -> bool:
        try:
            return bool(self._developer_mode())
        except KeyError:  # a settings file from before the setting existed
            return False

    # Work off the GUI thread

    def _run(self, fn: Callable[[], Any], then: Callable[[tuple[Any, BaseException | None]], None]) -> None:
        def work() -> None:
            try:
                result: tuple[Any, BaseException | None] = (fn(), None)
            except Exception as exc:  # noqa: BLE001 - every failure is reported to the driver and the app
                log.warning("packages: %s", exc)
                result = (None, exc)
            self._done.emit(then, result)

        if not self._closed:  # work asked for after the shell began to close is not done
            self._io.submit(work)

    def _installer(self) -> Any:
        return self._installer_factory()

    def _store_client(self) -> Any:
        """The app store of the backend the shell is linked to now (made again when that changes)."""
        url = self._backend_url()
        if self._store is None or (self._store_url is not None and url != self._store_url):
            self._store, self._store_url = self._store_factory(url), url
        return self._store

    # The catalog, cached for offline

    @staticmethod
    def _cache_file() -> Path:
        return paths.cache_dir() / "appmall" / "catalog.json"

    def _read_cache(self) -> list[dict[str, Any]]:
        try:
            data = json.loads(self._cache_file().read_text(encoding="utf-8"))
            return [e for e in data if isinstance(e, dict) and e.get("id")] if isinstance(data, list) else []
        except (OSError, ValueError):
            return []

    def _write_cache(self, catalog: list[dict[str, Any]]) -> None:
        path = self._cache_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(catalog), encoding="utf-8")
        tmp.replace(path)

    def refresh(self) -> bool:
        if self._refreshing:
            self._again = True  # asked while one is under way (the link just came up): once more after it
            return True
        if self._store is None and not self._backend_url():
            return False  # not linked yet: the cached catalog shows until the link is up
        self._refreshing = True

        def fetch() -> tuple[list[dict[str, Any]], set[str]]:
            store = self._store_client()
            store.refresh()
            catalog = [_catalog_dict(e) for e in store.apps()]
            self._write_cache(catalog)
            return catalog, self._apply_revocations(store)

        def fetched(result: tuple[Any, BaseException | None]) -> None:
            value, exc = result
            self._refreshing = False
            if self._again:
                self._again = False
                QTimer.singleShot(0, self.refresh)
            self._error = "" if exc is None else str(exc)
            if exc is None:
                self._catalog, withdrawn = value
                for app_id in withdrawn:  # a withdrawn version stops running now
                    self._stop_running(app_id)
                    self._refresh_host(app_id)
            self._reload_installed()

        self._run(fetch, fetched)
        self.catalogChanged.emit()
        return True

    @Slot(str, str)
    def link_ready(self, url: str, error: str) -> None:
        """Cloud.linkReady (from the link's thread, queued here): once the backend link is up, what the store
        withdrew meanwhile is disabled now, and every REVOCATION_CHECK_MS after, while an app from the store is
        installed."""
        if url and not error:
            self._check_revocations()
            self._revocation_timer.start()

    def _check_revocations(self) -> None:
        if state_file().exists():  # with nothing from the store installed there is nothing to withdraw
            self.refresh()

    def _apply_revocations(self, store: Any) -> set[str]:
        """Versions the store has withdrawn since are disabled now (on the worker thread, after a refresh);
        the ids of the apps that had one."""
        if not hasattr(store, "revoked"):
            return set()
        from headunit.packages.appstore import apply_revocations

        withdrawn = apply_revocations(store, self._installer(), refresh=False)
        for app_id, version, reason in withdrawn:
            log.warning("packages: %s %s withdrawn by the store and disabled: %s", app_id, version, reason)
            self._withdrawn.emit(app_id, version, reason)
        return {app_id for app_id, _, _ in withdrawn}

    def _tell_withdrawn(self, app_id: str, version: str, reason: str) -> None:
        title = QCoreApplication.translate("Packages", "%1 was withdrawn by the store and is turned off")
        self._notifications.post(app_id, title.replace("%1", self._name_of(app_id)), reason, "warning")

    @property
    def refreshing(self) -> bool:
        return self._refreshing

    @property
    def error(self) -> str:
        return self._error

    def _read_installed(self) -> list[dict[str, Any]]:
        if not state_file().exists():
            return []  # nothing was ever installed: the package code stays unloaded
        return [_installed_dict(e) for e in self._installer().installed()]

    def _installed_read(self, result: tuple[Any, BaseException | None]) -> None:
        installed, exc = result
        self._installed = installed if exc is None else []
        self.catalogChanged.emit()

    def _reload_installed(self) -> None:
        try:
            result: tuple[Any, BaseException | None] = (self._read_installed(), None)
        except Exception as exc:  # noqa: BLE001 - an unreadable state: nothing shows as installed
            log.warning("packages: installed apps: %s", exc)
            result = (None, exc)
        self._installed_read(result)

    def installed(self) -> list[dict[str, Any]]:
        return [dict(e) for e in self._installed]

    def installed_app(self, app_id: str) -> dict[str, Any] | None:
        return next((dict(e) for e in self._installed if e["id"] == app_id), None)

    def catalog(self) -> list[dict[str, Any]]:
        language = self._language()
        installed = {e["id"]: e for e in self._installed}
        apps = []
        for entry in self._catalog:
            mine = installed.get(entry["id"])
            before = set(mine["capabilities"]) if mine else set(entry["capabilities"])
            apps.append({**entry,
                         # For an installed app, what its newest version would add is marked.
                         "capability_words": [capabilities.words(c, language, added=c not in before)
                                              for c in entry["capabilities"]],
                         "installed_version": mine["version"] if mine else "",
                         "previous_version": mine["previous_version"] if mine else "",
                         "revoked": bool(mine and mine["revoked"]),
                         "update": bool(mine and mine["version"] != entry["version"])})
        return apps

    def _entry(self, app_id: str) -> dict[str, Any] | None:
        return next((e for e in self._catalog if e["id"] == app_id), None)

    # Requests

    def request(self, plugin: str, action: str, app_id: str) -> str:
        """Show a sheet for `action` (install, uninstall, rollback) on `app_id`; its steps arrive through
        `outcome`. Refused at once (declined_by_driver) unless parked, or (failed, busy) while another sheet is up."""
        if action not in ("install", "uninstall", "rollback"):
            raise PackageError(f"action: expected install, uninstall or rollback, got {action!r}")
        if not isinstance(app_id, str) or not app_id:
            raise PackageError("app_id: expected an app id")
        req = PackageRequest(id=f"pkg-{next(self._ids)}", plugin=plugin, action=action, app_id=app_id)
        entry, mine = self._entry(app_id), self.installed_app(app_id)
        req.name = (entry or {}).get("name") or self._name_of(app_id)
        req.icon = (entry or {}).get("icon") or "mdi6.puzzle-outline"
        if not self._driving.parked:
            self._notifications.show_toast(QCoreApplication.translate("Packages", "Installing apps needs the car parked"), "warning")
            self._later(req, "declined_by_driver", reason="not-parked")
            return req.id
        if self._current is not None and self._current.stage in ("preparing", "consent", "working"):
            self._later(req, "failed", reason="busy")
            return req.id
        if action != "install" and mine is None:
            self._later(req, "failed", reason=f"{app_id} is not installed from a package")
            return req.id
        if action == "rollback" and not (mine or {}).get("previous_version"):
            self._later(req, "failed", reason=f"{app_id} has no previous version to go back to")
            return req.id
        if mine:
            req.old_version, req.old_capabilities = mine["version"], list(mine["capabilities"])
        self._current = req
        if action == "install":
            self._prepare(req)
        else:
            req.stage = "consent"
            if action == "rollback":
                req.new_version = mine["previous_version"] if mine else ""
            self._later(req, "waiting_for_consent")
        self.changed.emit()
        return req.id

    def _name_of(self, app_id: str) -> str:
        record = self._host.record(app_id) if self._host else None
        if record is not None and record.manifest is not None:
            return record.manifest.display_name(self._language())
        return app_id

    def _later(self, req: PackageRequest, state: str, **detail: Any) -> None:
        # After request() returns: the app has its handle before the first step arrives.
        QTimer.singleShot(0, lambda: self._report(req, state, **detail))

    def _report(self, req: PackageRequest, state: str, **detail: Any) -> None:
        details = {"app_id": req.app_id, **{k: v for k, v in detail.items() if v is not None}}
        self.outcome.emit(req.id, req.plugin, state, details)

    def _prepare(self, req: PackageRequest) -> None:
        """Download and verify off the GUI thread, then ask the driver."""
        self._later(req, "downloading")

        def fetch() -> tuple[Path, Any]:
            package = Path(self._store_client().download(req.app_id))
            self._installer().inspect(package)  # raises PackageError naming what is wrong; writes nothing
            from headunit.packages.format import read_header

            return package, read_header(package)

        def fetched(result: tuple[Any, BaseException | None]) -> None:
            value, exc = result
            if req is not self._current or req.stage != "preparing":
                return  # cancelled meanwhile
            if exc is not None:
                return self._fail(req, str(exc) or type(exc).__name__)
            package, header = value
            if header.id != req.app_id:
                return self._fail(req, f"the store sent {header.id} for {req.app_id}")
            req.package, req.new_version = package, header.version
            req.new_capabilities = sorted(header.capabilities)
            req.name = header.name or req.name
            if not self._driving.parked:
                return self._decline(req, "not-parked")
            req.stage = "consent"
            self.changed.emit()
            self._report(req, "waiting_for_consent", version=req.new_version)

        self._run(fetch, fetched)

    def _fail(self, req: PackageRequest, reason: str) -> None:
        req.stage, req.reason = "failed", reason
        self.changed.emit()
        self._report(req, "failed", reason=reason)

    def _decline(self, req: PackageRequest, reason: str) -> None:
        if req is self._current:
            self._current = None
        self.changed.emit()
        self._report(req, "declined_by_driver", reason=reason)

    def _follow_driving(self) -> None:
        """Moving off while the sheet asks: it closes, declined; work already started finishes."""
        req = self._current
        if req is not None and req.stage in ("preparing", "consent") and not self._driving.parked:
            self._notifications.show_toast(QCoreApplication.translate("Packages", "Installing apps needs the car parked"), "warning")
            self._decline(req, "not-parked")

    # The driver's answers (the sheet's)

    @Slot()
    def confirm(self) -> None:
        """Install, update or roll back, as the sheet shows it."""
        req = self._current
        if req is None or req.stage != "consent" or req.action == "uninstall" or not self._driving.parked:
            return
        if req.action == "install":
            shown, version = sorted(req.new_capabilities), req.new_version

            def consent(change: Any) -> bool:
                # The driver agreed to what the sheet showed, and only to that: a package that changed after it
                # was inspected is not installed.
                return sorted(_get(change, "new_capabilities", ())) == shown and _get(change, "new_version") == version

            package = req.package
            self._work(req, lambda installer: installer.install(package, consent=consent), "installed")
        else:
            self._work(req, lambda installer: installer.rollback(req.app_id), "rolled_back")

    @Slot(bool)
    def confirmUninstall(self, keep_data: bool) -> None:
        req = self._current
        if req is None or req.stage != "consent" or req.action != "uninstall" or not self._driving.parked:
            return
        self._work(req, lambda installer: installer.uninstall(req.app_id, keep_data=keep_data), "uninstalled",
                   keep_data=keep_data)

    @Slot()
    def cancel(self) -> None:
        """Cancel (asking) or close (after)."""
        req = self._current
        if req is None:
            return
        if req.stage in ("preparing", "consent"):
            self._decline(req, "cancelled")
        elif req.stage != "working":
            self._current = None
            self.changed.emit()

    def _work(self, req: PackageRequest, fn: Callable[[Any], Any], final: str, **detail: Any) -> None:
        req.stage = "working"
        self._stop_running(req.app_id)  # its files change under it
        self.changed.emit()
        self._report(req, WORKING[req.action])

        def done(result: tuple[Any, BaseException | None]) -> None:
            value, exc = result
            self._reload_installed()
            self._refresh_host(req.app_id)
            if exc is not None:
                return self._fail(req, str(exc) or type(exc).__name__)
            if final == "installed" and _get(value, "status") in ("pending", "declined"):
                return self._fail(req, "the package asks for more than was shown; nothing was installed")
            req.stage = "done"
            self.changed.emit()
            self._report(req, final, version=req.new_version or None, **detail)

        self._run(lambda: fn(self._installer()), done)

    # The running plugins

    def _stop_running(self, app_id: str) -> None:
        host = self._host
        record = host.record(app_id) if host else None
        if host is not None and record is not None and record.loaded:
            if self._apps is not None:
                self._apps.closeApp(app_id)
            host.stop_now(app_id)

    def _refresh_host(self, app_id: str) -> None:
        """What is on disk now is what the shell runs: a new or changed plugin registered afresh from its
        folder, a removed one gone."""
        host = self._host
        if host is None:
            return
        from headunit.host.discovery import Candidate

        record = host.record(app_id)
        if record is not None and record.origin == "builtin":
            return  # a package never replaces a first-party plugin
        folder = paths.user_plugins_dir() / app_id
        host.register_again(app_id, Candidate(folder, "user") if (folder / "plugin.toml").is_file() else None)
        if self._apps is not None:
            self._apps.reload_records()

    # The sheet (QML reads these)

    @Property(bool, notify=changed, final=True)
    def shown(self) -> bool:
        return self._current is not None

    @Property(str, notify=changed, final=True)
    def stage(self) -> str:
        return self._current.stage if self._current else ""

    @Property(str, notify=changed, final=True)
    def action(self) -> str:
        """install (a new app), update, uninstall or rollback."""
        req = self._current
        if req is None:
            return ""
        return "update" if req.action == "install" and req.old_version else req.action

    @Property(str, notify=changed, final=True)
    def appId(self) -> str:
        return self._current.app_id if self._current else ""

    @Property(str, notify=changed, final=True)
    def appName(self) -> str:
        return self._current.name if self._current else ""

    @Property(str, notify=changed, final=True)
    def appIcon(self) -> str:
        return self._current.icon if self._current else ""

    @Property(str, notify=changed, final=True)
    def askedBy(self) -> str:
        req = self._current
        if req is None or req.plugin == "headunit":
            return ""
        return self._name_of(req.plugin)

    @Property(str, notify=changed, final=True)
    def oldVersion(self) -> str:
        return self._current.old_version if self._current else ""

    @Property(str, notify=changed, final=True)
    def newVersion(self) -> str:
        return self._current.new_version if self._current else ""

    @Property("QVariantList", notify=changed, final=True)  # type: ignore[arg-type]  # a C++ type name
    def capabilities(self) -> list:
        """What the app will be allowed: each in plain words, the ones an update adds marked `added`."""
        req = self._current
        if req is None:
            return []
        language = self._language()
        caps = req.new_capabilities if req.action == "install" else req.old_capabilities
        old = set(req.old_capabilities) if req.old_version else set(caps)
        return [capabilities.words(c, language, added=c not in old) for c in caps]

    @Property("QVariantList", notify=changed, final=True)  # type: ignore[arg-type]  # a C++ type name
    def previousCapabilities(self) -> list:
        """For an update: what the running version may use (empty for a new app)."""
        req = self._current
        if req is None or not req.old_version or req.action != "install":
            return []
        language = self._language()
        return [capabilities.words(c, language) for c in req.old_capabilities]

    @Property(int, notify=changed, final=True)
    def addedCount(self) -> int:
        req = self._current
        if req is None or not req.old_version or req.action != "install":
            return 0
        return len(set(req.new_capabilities) - set(req.old_capabilities))

    @Property(str, notify=changed, final=True)
    def reason(self) -> str:
        return self._current.reason if self._current else ""
