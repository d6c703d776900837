"""PluginHost: registers plugins from their manifests, loads them lazily and contains their failures.

Life of a plugin:
  registered (manifest valid: its tile shows at once, drawn from the manifest)
  -> loaded on first open, or in idle time after the shell's first frame: Python imported and
     started, page and tile QML compiled
  -> failed, with a reason naming the file, whenever any step or a later slot raises; the shell and
     every other plugin keep running.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

from headunit.host import loader
from headunit.host.context import PluginContext
from headunit.host.discovery import Candidate, discover
from headunit.host.manifest import Manifest, ManifestError, ValidationCache, load_manifest
from headunit.host.errors import IntentError
from headunit.host.plugin import Plugin
from headunit.shell.notifications import Notifications
from headunit.shell.settings import Settings
from headunit.vehicle.driving import DrivingState
from headunit.vehicle.restrictions import UxRestrictions
from headunit.vehicle.state import VehicleState

if TYPE_CHECKING:
    from headunit.media.tuner import Tuner
    from headunit.shell.audio import AudioFocus, Speech
    from headunit.shell.media import MediaLibrary
    from headunit.shell.weather import Weather
    from headunit.shell.cloud import Cloud
    from headunit.shell.maps import Maps
    from headunit.shell.navigation import Navigation

log = logging.getLogger(__name__)

VIEW_KINDS = ("page", "tile")
PARAM_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "number": (int, float), "integer": (int,), "boolean": (bool,),
}


@dataclass
class PluginRecord:
    key: str  # the plugin id; the folder path when no manifest could be read or the id is taken
    folder: Path
    origin: str
    manifest: Manifest | None
    status: str = "ok"  # ok, failed or disabled
    reason: str | None = None
    loaded: bool = False
    instance: Plugin | None = None
    context: PluginContext | None = None
    components: dict[str, QQmlComponent] = field(default_factory=dict)
    views: list[QQuickItem] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.manifest.id if self.manifest else str(self.folder)

    def as_json(self) -> dict[str, Any]:
        m = self.manifest
        return {
            "id": self.id,
            "name": m.name if m else None,
            "version": m.version if m else None,
            "status": self.status,
            "reason": self.reason,
            "category": m.category if m else None,
            "capabilities": sorted(m.capabilities) if m else [],
            "origin": self.origin,
            "folder": str(self.folder),
        }


def _reason(exc: BaseException, folder: Path, phase: str) -> str:
    """'<file>:<line>: <phase>: <Type>: <message>', at the deepest frame inside the plugin folder."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _inside(f.filename, folder)]
    if isinstance(exc, SyntaxError) and exc.filename and _inside(exc.filename, folder):
        where = f"{exc.filename}:{exc.lineno}: "
    elif frames:
        where = f"{frames[-1].filename}:{frames[-1].lineno}: "
    else:
        where = f"{folder}: "
    return f"{where}{phase}: {type(exc).__name__}: {exc}"


def _inside(filename: str, folder: Path) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


def _qml_errors(component: QQmlComponent) -> str:
    return "; ".join(f"{QUrl(e.url()).toLocalFile() or e.url().toString()}:{e.line()}: {e.description()}"
                     for e in component.errors())


class PluginHost(QObject):
    #: A record's status or load state changed: its key.
    recordChanged = Signal(str)
    #: A plugin failed after registration: key and reason.
    pluginFailed = Signal(str, str)
    #: Every registered plugin has been loaded (or has failed) in idle time.
    idleLoadFinished = Signal()
    #: A plugin is about to be imported, started and compiled: its key. (Its translations go in here.)
    pluginLoading = Signal(str)
    # Worker threads report exceptions through this queued signal.
    _workerFailed = Signal(str, str)

    def __init__(self, *, vehicle: VehicleState, driving: DrivingState, notifications: Notifications,
                 settings: Settings, data_root: Path, engine: QQmlEngine | None = None,
                 validation_cache: ValidationCache | None = None, restrictions: UxRestrictions | None = None,
                 cloud: "Cloud | None" = None, maps: "Maps | None" = None, navigation: "Navigation | None" = None,
                 audio_focus: "AudioFocus | None" = None, speech: "Speech | None" = None,
                 media: "MediaLibrary | None" = None, weather: "Weather | None" = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.vehicle, self.driving, self.notifications, self.settings = vehicle, driving, notifications, settings
        self.cloud, self.maps, self.navigation = cloud, maps, navigation
        self.audio_focus, self.speech, self.media, self.weather = audio_focus, speech, media, weather
        self._tuner: "Tuner | None" = None
        self.restrictions = restrictions or UxRestrictions(driving, self)
        self.engine = engine
        self._data_root = data_root
        self._cache = validation_cache or ValidationCache(None)
        self._records: dict[str, PluginRecord] = {}
        #: Built-in intent handlers (such as open-app), tried before plugins.
        self.shell_intents: dict[str, Callable[[dict], Any]] = {}
        self._previous_excepthook: Callable | None = None
        self._workerFailed.connect(self.fail)

    # Registration

    def discover_and_register(self, extra_paths: list[str | Path] = (), **discover_options: bool) -> None:
        self.register(discover(extra_paths, **discover_options))

    def register(self, candidates: list[Candidate]) -> None:
        for c in candidates:
            try:
                manifest = load_manifest(c.folder, cache=self._cache, id_is_folder=c.id_is_folder)
            except ManifestError as exc:
                self._add(PluginRecord(str(c.folder), c.folder, c.origin, None, "failed", str(exc)))
                continue
            taken = self._records.get(manifest.id)
            if taken:
                reason = f"{manifest.path}: id: {manifest.id!r} is already used by {taken.manifest.path}"
                self._add(PluginRecord(str(c.folder), c.folder, c.origin, manifest, "failed", reason))
            else:
                status = "disabled" if self.settings.is_disabled(manifest.id) else "ok"
                self._add(PluginRecord(manifest.id, c.folder, c.origin, manifest, status))
        self._cache.save()

    def _add(self, record: PluginRecord) -> None:
        if record.status == "failed":
            log.warning("plugin failed: %s", record.reason)
        self._records[record.key] = record

    def records(self) -> list[PluginRecord]:
        return list(self._records.values())

    def record(self, key: str) -> PluginRecord | None:
        return self._records.get(key)

    # Loading

    def load(self, key: str) -> bool:
        """Import and start the plugin's Python, compile its QML. True when it is ready to show."""
        record = self._records[key]
        if record.status != "ok":
            return False
        if record.loaded:
            return True
        manifest = record.manifest
        self.pluginLoading.emit(key)
        if manifest.python:
            try:
                cls = loader.load_entry_class(manifest)
                if not (isinstance(cls, type) and issubclass(cls, Plugin)):
                    raise TypeError(f"{manifest.python} is not a subclass of headunit.sdk.Plugin")
                record.instance = cls()
                record.context = PluginContext(self, manifest, self._data_root)
            except BaseException as exc:  # noqa: BLE001 - a plugin's import may raise anything
                self.fail(key, _reason(exc, record.folder, f"loading {manifest.python}"))
                return False
            try:
                record.instance.start(record.context)
            except BaseException as exc:  # noqa: BLE001
                record.instance = None  # never started, so never stopped
                self.fail(key, _reason(exc, record.folder, "start()"))
                return False
        if self.engine is not None and not self._compile(record):
            return False
        record.loaded = True
        self.recordChanged.emit(key)
        return True

    def _compile(self, record: PluginRecord) -> bool:
        m = record.manifest
        for kind, file in (("page", m.page), ("tile", m.tile)):
            if file is None:
                continue
            component = QQmlComponent(self.engine, QUrl.fromLocalFile(str(m.folder / file)),
                                      QQmlComponent.CompilationMode.PreferSynchronous, self)
            if component.isError():
                self.fail(record.key, f"{kind} QML: {_qml_errors(component)}")
                return False
            record.components[kind] = component
        return True

    def check(self, key: str) -> list[str]:
        """Problems in a registered plugin found by importing its entry and compiling its QML, without
        starting it (what `headunit plugins check` reports)."""
        record = self._records[key]
        if record.status == "failed":
            return (record.reason or "").splitlines()
        problems = []
        m = record.manifest
        if m.python:
            try:
                cls = loader.load_entry_class(m)
                if not (isinstance(cls, type) and issubclass(cls, Plugin)):
                    problems.append(f"{m.path}: entry.python: {m.python} is not a subclass of headunit.sdk.Plugin")
            except BaseException as exc:  # noqa: BLE001
                problems.append(_reason(exc, record.folder, f"loading {m.python}"))
            finally:
                loader.unload(m.id)
        if self.engine is not None:
            for kind, file in (("page", m.page), ("tile", m.tile)):
                if file:
                    component = QQmlComponent(self.engine, QUrl.fromLocalFile(str(m.folder / file)),
                                              QQmlComponent.CompilationMode.PreferSynchronous)
                    if component.isError():
                        problems.append(f"{kind} QML: {_qml_errors(component)}")
        return problems

    def load_all_in_idle(self) -> None:
        """Load every registered plugin, one per turn of the event loop, so input stays responsive."""
        pending = [r.key for r in self._records.values() if r.status == "ok" and not r.loaded]
        # Media apps first: the driver expects the music that played at switch-off to go on at once.
        pending.sort(key=lambda key: self._records[key].manifest.category != "media")

        def next_one() -> None:
            if pending:
                self.load(pending.pop(0))
                QTimer.singleShot(0, next_one)
            else:
                self.idleLoadFinished.emit()

        QTimer.singleShot(0, next_one)

    # Views

    def create_view(self, key: str, kind: str, parent: QQuickItem) -> QQuickItem | None:
        """Create the plugin's page or tile inside `parent`, loading the plugin first if needed."""
        record = self._records.get(key)
        if record is None or kind not in VIEW_KINDS or not self.load(key):
            return None
        component = record.components.get(kind)
        if component is None:
            return None
        properties = record.context.exposed() if record.context else {}
        item = component.createWithInitialProperties(properties, self.engine.rootContext())
        if item is None:
            self.fail(key, f"{kind} QML: {_qml_errors(component) or 'could not be created'}")
            return None
        item.setParentItem(parent)
        item.setParent(parent)
        record.views.append(item)
        return item

    # Containment

    def fail(self, key: str, reason: str) -> None:
        record = self._records.get(key)
        if record is None or record.status == "failed":
            return
        log.error("plugin %s failed: %s", record.id, reason)
        record.status, record.reason = "failed", reason
        self._stop(record)
        # Announced on the next turn of the event loop: fail() may run inside a handler of the very
        # signals that would announce it (opening the app, a tile appearing).
        QTimer.singleShot(0, lambda: (self.recordChanged.emit(key), self.pluginFailed.emit(key, reason)))

    def _stop(self, record: PluginRecord, *, deferred: bool = True) -> None:
        """Stop the plugin and remove its views. `deferred` when this may run inside one of the plugin's
        own signal handlers: views are then deleted on the next turn of the event loop, and the plugin's
        objects stay alive until they are, so no binding sees them vanish."""
        views = [item for item in record.views if shiboken6.isValid(item)]
        record.views.clear()
        for item in views:
            item.setVisible(False)
        if record.instance is not None:
            try:
                record.instance.stop()
            except BaseException as exc:  # noqa: BLE001
                log.error("plugin %s: stop() raised: %s", record.id, _reason(exc, record.folder, "stop()"))
        if record.context is not None:
            record.context.close()
        # The plugin's QObjects go on the GUI thread, explicitly: left to Python's collector (its
        # intent handlers often make cycles) they could be freed on a worker thread, timers running.
        context = record.context
        if deferred:
            for item in views:
                item.deleteLater()
            if context is not None:
                context.deleteLater()  # after the views, whose deletes were posted first
            retired = record.instance
            QTimer.singleShot(0, lambda: retired)  # keeps the instance until the deletes have run
        else:
            for item in views:
                shiboken6.delete(item)
            if context is not None:
                shiboken6.delete(context)
        record.instance = record.context = None
        record.loaded = False

    def report_worker_exception(self, key: str, exc: BaseException) -> None:
        """From any thread: a plugin's worker raised."""
        self._workerFailed.emit(key, _reason(exc, self._records[key].folder, "worker"))

    def plugin_for_traceback(self, tb) -> PluginRecord | None:
        """The plugin whose code raised, judged by the deepest frame inside a plugin folder."""
        owner = None
        for frame in traceback.extract_tb(tb):
            for record in self._records.values():
                if record.loaded and _inside(frame.filename, record.folder):
                    owner = record
        return owner

    def install_excepthook(self) -> None:
        """Route exceptions raised in plugin slots and callbacks (which Qt reports through
        sys.excepthook) to `fail`, instead of only printing them."""
        if self._previous_excepthook is not None:
            return
        self._previous_excepthook = sys.excepthook

        def hook(exc_type, exc, tb):
            record = self.plugin_for_traceback(tb)
            if record is None:
                self._previous_excepthook(exc_type, exc, tb)
                return
            exc.__traceback__ = tb
            self.fail(record.key, _reason(exc, record.folder, "slot"))

        sys.excepthook = hook

    def uninstall_excepthook(self) -> None:
        if self._previous_excepthook is not None:
            sys.excepthook = self._previous_excepthook
            self._previous_excepthook = None

    # Enable and disable

    def set_disabled(self, key: str, disabled: bool) -> None:
        record = self._records[key]
        if record.manifest is None or record.key != record.manifest.id:
            raise ValueError(f"{record.id}: a plugin that failed to register cannot be enabled or disabled")
        self.settings.set_disabled(key, disabled)
        if disabled and record.status != "disabled":
            self._stop(record)
            record.status, record.reason = "disabled", None
        elif not disabled and record.status == "disabled":
            record.status = "ok"
        self.recordChanged.emit(key)

    def stop_all(self) -> None:
        for record in self._records.values():
            if record.loaded:
                self._stop(record, deferred=False)
        if self._tuner is not None:
            self._tuner.close()
        self.uninstall_excepthook()

    @property
    def tuner(self) -> "Tuner":
        """The FM tuner, looked for when an app first asks (it may be absent, saying why), and again when
        asked while it is absent: a stick plugged in after switch-on is found then."""
        if self._tuner is None or not self._tuner.available:
            from headunit.media.tuner import find_tuner

            found = find_tuner()
            if self._tuner is not None and found.reasonCode == self._tuner.reasonCode and not found.available:
                found.deleteLater()  # still missing, for the same reason: apps keep the one they hold
            else:  # an app may still hold the one before: it stays, absent, until the shell quits
                self._tuner = found
                self._tuner.setParent(self)
        return self._tuner

    # Intents

    def route_intent(self, sender: str, name: str, params: dict[str, Any]) -> Any:
        """Deliver intent `name` to the shell or to the first app that declares it; return the answer."""
        if name in self.shell_intents:
            return self.shell_intents[name](params)
        for record in self._records.values():
            m = record.manifest
            if record.status != "ok" or name not in (m.intents if m else {}):
                continue
            self._check_params(m, name, params)
            if not self.load(record.key) or record.context is None:
                raise IntentError(f"intent {name!r}: {record.id} failed to load: {record.reason}")
            handler = record.context.intent_handler(name)
            if handler is None:
                raise IntentError(f"intent {name!r}: {record.id} declares it but registered no handler")
            try:
                return handler(dict(params))
            except BaseException as exc:  # noqa: BLE001
                self.fail(record.key, _reason(exc, record.folder, f"intent {name!r}"))
                raise IntentError(f"intent {name!r}: {record.id} failed while handling it") from exc
        raise IntentError(f"intent {name!r} from {sender}: no enabled app handles it")

    @staticmethod
    def _check_params(manifest: Manifest, name: str, params: dict[str, Any]) -> None:
        declared = manifest.intents[name]
        problems = [f"{p}: missing" for p in declared if p not in params]
        problems += [f"{p}: not a parameter of {name!r}" for p in params if p not in declared]
        problems += [
            f"{p}: expected {declared[p]}, got {params[p]!r}" for p in params
            if p in declared and (not isinstance(params[p], PARAM_TYPES[declared[p]])
                                  or (declared[p] != "boolean" and isinstance(params[p], bool)))
        ]
        if problems:
            raise IntentError(f"intent {name!r} for {manifest.id}: " + "; ".join(problems))

    # Settings drawn from the manifest's schema

    def plugin_setting(self, key: str, setting_key: str) -> Any:
        manifest = self._records[key].manifest
        setting = next((s for s in manifest.settings if s.key == setting_key), None)
        if setting is None:
            raise KeyError(f"{manifest.path}: settings: no setting {setting_key!r}")
        return self.settings.plugin_values(key).get(setting_key, setting.default)

    def set_plugin_setting(self, key: str, setting_key: str, value: Any) -> None:
        manifest = self._records[key].manifest
        setting = next((s for s in manifest.settings if s.key == setting_key), None)
        if setting is None:
            raise KeyError(f"{manifest.path}: settings: no setting {setting_key!r}")
        if setting.type == "bool":
            value = bool(value)
        elif value not in setting.choices:
            raise ValueError(f"{manifest.id}: setting {setting_key!r}: expected one of {setting.choices}, got {value!r}")
        self.settings.set_plugin_value(key, setting_key, value)
        context = self._records[key].context
        if context is not None:
            context.settingChanged.emit(setting_key)
