"""Sandbox: the shell's side of every sandboxed plugin (QML singleton `Sandbox`).

It starts a plugin's process when the app is opened or an intent needs it, serves the plugin's calls
after checking each against the manifest (never trusting the plugin's side), keeps the driving
templates the plugin publishes for the shell to draw, tells the compositor which Wayland client is
which plugin, and contains what goes wrong: a process that stops answering gets a sheet (wait or
close), a crash a toast, and three crashes in ten minutes disable the app with the reason.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit import paths
from headunit.host.errors import HeadUnitError, IntentError, PermissionDenied
from headunit.host.plugin_runtime import SANDBOXED
from headunit.sandbox import bwrap
from headunit.sandbox.limits import ADDRESS_SPACE_LIMIT, DEFAULT_CPU_BUDGET
from headunit.sandbox.readings import readings_for
from headunit.sandbox.templates import MAX_DEPTH, MAX_STEPS, TemplateError, is_step, keep_image, read_image, validate_page, validate_tile
from headunit.shell.qml_services import singleton_of

if TYPE_CHECKING:
    from headunit.host.host import PluginHost, PluginRecord
    from headunit.sandbox.process import PluginProcess

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

CRASH_LIMIT = 3
CRASH_WINDOW_S = 600.0


@dataclass
class AppState:
    process: PluginProcess | None = None
    ready: bool = False
    page_stack: list[dict[str, Any]] = field(default_factory=list)
    #: New screens in this task while the car is not parked (headunit.sandbox.templates, MAX_STEPS).
    steps: int = 0
    tile: dict[str, Any] | None = None
    raw_types: list[str] = field(default_factory=list)
    crashes: deque = field(default_factory=lambda: deque(maxlen=CRASH_LIMIT))
    page_size: tuple[int, int] | None = None
    on_ready: list[Callable[[], None]] = field(default_factory=list)


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the sandbox")
class Sandbox(QObject):
    create = singleton_of("sandbox")

    #: Any app's templates, readiness or responsiveness changed (QML re-reads through the functions below).
    revisionChanged = Signal()
    #: A plugin's process answers again, or stopped answering (QML asks `isResponding(id)`).
    notRespondingChanged = Signal()
    #: The compositor was made (when the first plugin process starts).
    compositorChanged = Signal()
    #: A plugin's process ended, asked to or not (and no successor runs yet): plugin id.
    appEnded = Signal(str)
    # Results of calls served on the I/O thread come back to the GUI thread through this.
    _answer = Signal(object, object, object, object)

    def __init__(self, host: "PluginHost", services: Any, *, allow_unsandboxed: bool = False,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._host, self._services = host, services
        # Plugins' network and disk calls get threads of their own: a slow one never holds up the shell's saves.
        self._io = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sandbox-calls")
        self.allow_unsandboxed = allow_unsandboxed
        self._apps: dict[str, AppState] = {}
        self._revision = 0
        self._compositor: QObject | None = None
        self._window = None
        #: More objects serving plugin calls (`_call_<method>` with dots as underscores), beside this one's own.
        self.call_handlers: list[object] = []
        #: Plugin folders whose processes run another module than the plugin runtime (dev mode's, which reloads).
        self.runtime_modules: dict[Path, str] = {}
        #: The processor each plugin process may use (headunit.sandbox.limits); tests shorten its window.
        self.cpu_budget = DEFAULT_CPU_BUDGET
        #: The tile pictures the shell checked and shows, a folder an app each; no sandbox sees it. Tiles are
        #: published afresh by each run's processes, so the last run's copies (an uninstalled app's too) go.
        self.pictures_root = paths.cache_dir() / "tile-pictures"
        shutil.rmtree(self.pictures_root, ignore_errors=True)
        self._answer.connect(self._deliver_answer)
        services.driving.stateChanged.connect(self._send_driving)
        services.vehicle.updated.connect(self._send_vehicle)
        services.theme.nightChanged.connect(self._send_theme)
        services.cloud.operationFinished.connect(self._send_operation_finished)

    def process_of(self, key: str) -> "PluginProcess | None":
        """The plugin's current process (starting, running or asked to stop), if it has one."""
        state = self._apps.get(key)
        return state.process if state is not None else None

    # Which plugins it serves

    def why_not_available(self) -> str | None:
        """None when third-party plugins can run here, else why not."""
        if self.allow_unsandboxed:
            return None
        return bwrap.available()

    def can_run(self, key: str) -> bool:
        """Whether a sandbox can be made for the plugin; if not, it is failed with the reason."""
        why = self.why_not_available()
        if why is not None:
            self._host.fail(key, f"{key}: third-party plugins run only in a sandbox, and {why}")
        return why is None

    def _state(self, key: str) -> AppState:
        return self._apps.setdefault(key, AppState())

    def _bump(self) -> None:
        self._revision += 1
        self.revisionChanged.emit()

    @Property(int, notify=revisionChanged, final=True)
    def revision(self) -> int:
        return self._revision

    @Property(bool, constant=True, final=True)
    def unsandboxed(self) -> bool:
        """The emulator runs third-party plugins without bubblewrap (its banner says so)."""
        return self.allow_unsandboxed and bwrap.available() is not None

    # Starting and stopping

    def ensure_running(self, key: str, then: Callable[[], None] | None = None) -> bool:
        """Start the plugin's process if it is not running; `then` runs once it has started the plugin."""
        record = self._host.record(key)
        if record is None or record.status != "ok":
            return False
        state = self._state(key)
        if state.process is not None and state.process.stopping:
            # Asked to stop and not gone yet: its successor starts now, and only the successor's end counts.
            state.process, state.ready, state.on_ready, state.page_size = None, False, [], None
        if then is not None:
            if state.ready:
                then()
            else:
                state.on_ready.append(then)
        if state.process is not None:
            return True
        if not self.can_run(key):
            return False
        self.ensure_compositor()  # the plugin's Qt connects to it as it starts, tile or page
        from headunit.sandbox.process import RUNTIME_MODULE, PluginProcess

        m = record.manifest
        data = self._host.data_root / m.id if "storage" in m.capabilities else None
        # What the handlers' services bring in for its capabilities (the map tiles, the music folders).
        binds = bwrap.Binds.merge(h.sandbox_binds(m) for h in self.call_handlers if hasattr(h, "sandbox_binds"))
        process = PluginProcess(m.id, record.folder, data, network="network" in m.capabilities,
                                audio="audio" in m.capabilities, sandboxed=bwrap.available() is None,
                                wayland_socket=self._wayland_socket(), binds=binds, cpu_budget=self.cpu_budget,
                                runtime_module=self.runtime_modules.get(record.folder.resolve(), RUNTIME_MODULE))
        process.requested.connect(lambda call_id, method, params: self._serve(key, call_id, method, params))
        process.notified.connect(lambda method, params: self._on_notified(key, method, params))
        process.respondingChanged.connect(lambda _: (self.notRespondingChanged.emit(), self._bump()))
        process.ended.connect(lambda why, asked: self._on_ended(key, process, why, asked))
        state.process, state.ready = process, False
        process.start()
        return True

    def stop(self, key: str) -> None:
        state = self._apps.get(key)
        if state and state.process:
            state.process.stop()

    def stop_all(self) -> None:
        """At shutdown: every plugin is asked to stop (its `stop()` saves), given a second, then ended."""
        running = [s.process for s in self._apps.values() if s.process is not None]
        for process in running:
            process.stop()
        for process in running:
            process.kill_and_wait(1000)
        self._io.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """After the shell's views are gone: the compositor, whose surfaces they showed."""
        if self._compositor is not None:
            import shiboken6
            from PySide6.QtCore import QCoreApplication, QEvent

            # Buffers the deleted views held are released by deferred deletes: run them while the clients'
            # resources exist, and the compositor's own after it, or a later event loop releases freed ones.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            shiboken6.delete(self._compositor)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            self._compositor = None

    def _on_ended(self, key: str, process: "PluginProcess", why: str, asked: bool) -> None:
        state = self._state(key)
        process.deleteLater()
        if state.process is not process:
            return  # a process that was stopping when its successor started
        state.process, state.ready, state.on_ready = None, False, []
        state.page_size = None
        self.notRespondingChanged.emit()
        self._bump()
        self.appEnded.emit(key)
        record = self._host.record(key)
        if asked or record is None or record.status != "ok":
            return
        log.error("plugin %s: process ended: %s", key, why)
        now = time.monotonic()
        state.crashes.append(now)
        if len(state.crashes) == CRASH_LIMIT and now - state.crashes[0] <= CRASH_WINDOW_S:
            state.crashes.clear()
            self._host.disable_after_crashes(key, f"stopped {CRASH_LIMIT} times in {CRASH_WINDOW_S / 60:.0f} minutes; "
                                                  f"the last time {why}")
        else:
            self._host.report_crash(key, process.end_kind, why)

    # Health, for QML

    @Slot(str, result=bool)
    def isResponding(self, key: str) -> bool:
        state = self._apps.get(key)
        return state is None or state.process is None or state.process.responding

    @Slot(result=list)
    def notResponding(self) -> list:
        return [k for k, s in self._apps.items() if s.process is not None and not s.process.responding]

    @Slot(str)
    def closeApp(self, key: str) -> None:
        """The driver closed an app that stopped responding: its process ends, which counts as a crash."""
        state = self._apps.get(key)
        if state and state.process:
            state.process.end("it stopped responding and was closed", "unresponsive")

    @Slot(str, int, result=bool)
    def isReady(self, key: str, _revision: int = 0) -> bool:
        state = self._apps.get(key)
        return bool(state and state.ready)

    @Slot(str, result=int)
    def residentBytes(self, key: str) -> int:
        state = self._apps.get(key)
        return state.process.resident() if state and state.process else 0

    # Templates, for QML

    @Slot(str, int, result="QVariant")
    def pageTemplate(self, key: str, _revision: int = 0) -> Any:
        """The template on top of the app's stack, as far down as the restrictions allow; None without one."""
        state = self._apps.get(key)
        if not state or not state.page_stack:
            return None
        depth = len(state.page_stack)
        if not self._services.driving.parked:
            depth = min(depth, MAX_DEPTH)
        return state.page_stack[depth - 1]

    @Slot(str, int, result="QVariant")
    def tileTemplate(self, key: str, _revision: int = 0) -> Any:
        state = self._apps.get(key)
        return state.tile if state else None

    @Slot(str, str, str, int)
    def activate(self, key: str, slot: str, action: str, index: int) -> None:
        """The driver tapped a template's row or action."""
        state = self._apps.get(key)
        if state and state.process and state.process.channel:
            state.process.channel.notify("templates.action", {"slot": slot, "action": action, "index": index})

    @Slot(str, result=bool)
    def back(self, key: str) -> bool:
        """Back inside the app's templates: true when it went back a level."""
        state = self._apps.get(key)
        if not state or len(state.page_stack) < 2:
            return False
        state.page_stack.pop()
        if len(state.page_stack) == 1:
            state.steps = 0  # back at the first level: a new task
        if state.process and state.process.channel:
            state.process.channel.notify("templates.back", {})
        self._bump()
        return True

    # The page: a Wayland surface of the plugin's process

    @Slot(str, int, int)
    def openPage(self, key: str, width: int, height: int) -> None:
        """The app was opened: its process shows its page (composited only while parked)."""
        state = self._state(key)
        if state.page_size == (width, height) and state.process is not None and not state.process.stopping:
            return
        self.ensure_compositor()

        def show() -> None:
            process = self._state(key).process
            if process is not None and process.channel is not None:
                state.page_size = (width, height)
                process.channel.request("page.show", {"width": width, "height": height}, self._log_error(key))

        self.ensure_running(key, show)

    @Slot(int, result=str)
    def ownerOf(self, pid: int) -> str:
        """The plugin whose process (or a process below it) is `pid`; "" for none: its surface is refused."""
        for key, state in self._apps.items():
            if state.process is not None and state.process.owns_process(pid):
                return key
        return ""

    def set_window(self, window) -> None:
        self._window = window

    def _wayland_socket(self) -> Path | None:
        from headunit.sandbox.process import runtime_dir

        return runtime_dir() / "wayland" if self._window is not None else None

    def ensure_compositor(self) -> None:
        """Make the shell a Wayland compositor over its own window, the first time a page is to be shown."""
        if self._compositor is not None or self._window is None:
            return
        from PySide6.QtQml import QQmlComponent, qmlEngine

        engine = qmlEngine(self._window) or self._services.engine
        component = QQmlComponent(engine)
        component.loadFromModule("HeadUnit.Shell", "SandboxCompositor")
        socket = self._wayland_socket()
        self._compositor = component.createWithInitialProperties(
            {"window": self._window, "socketName": str(socket)})
        if self._compositor is None:
            log.error("the compositor could not be made: %s", component.errorString())
            return
        self._compositor.setParent(self)
        self.compositorChanged.emit()

    @Property(QObject, notify=compositorChanged, final=True)
    def compositor(self) -> QObject | None:
        return self._compositor

    # Serving the plugin's calls: every one checked here, against the manifest

    def _record(self, key: str) -> "PluginRecord":
        return self._host.record(key)

    def _require(self, key: str, capability: str, what: str) -> None:
        if capability not in self._record(key).manifest.capabilities:
            raise PermissionDenied(key, capability, what)

    def _serve(self, key: str, call_id: Any, method: str, params: dict[str, Any]) -> None:
        state = self._apps.get(key)
        process = state.process if state else None
        if process is None or process.channel is None:
            return
        if self._host.record(key) is None:  # its plugin was just removed: nothing is served to its last process
            process.channel.reply_error(call_id, HeadUnitError(f"{key}: the plugin was removed"))
            return
        name = "_call_" + method.replace(".", "_")
        handler = next((getattr(h, name) for h in (self, *self.call_handlers) if hasattr(h, name)), None)
        try:
            if handler is None:
                raise HeadUnitError(f"{method!r} is not part of the plugin API")
            result = handler(key, params)
        except (HeadUnitError, TemplateError, KeyError, TypeError, ValueError) as exc:
            process.channel.reply_error(call_id, exc)
            return
        if isinstance(result, OnIoThread):
            self._io.submit(self._run_on_io, key, call_id, result.fn)
        elif isinstance(result, Later):
            result.start(lambda answer, error: self._deliver_answer(key, call_id, answer, error))
        else:
            process.channel.reply(call_id, result)

    def _run_on_io(self, key: str, call_id: Any, fn: Callable[[], Any]) -> None:
        try:
            self._answer.emit(key, call_id, fn(), None)
        except Exception as exc:  # noqa: BLE001 - goes back to the plugin as its error
            self._answer.emit(key, call_id, None, exc)

    def _deliver_answer(self, key: str, call_id: Any, result: Any, error: BaseException | None) -> None:
        state = self._apps.get(key)
        if state is None or state.process is None or state.process.channel is None:
            return
        if error is not None:
            state.process.channel.reply_error(call_id, error)
        else:
            state.process.channel.reply(call_id, result)

    def _log_error(self, key: str):
        def done(result: Any, error: Any) -> None:
            if error is not None:
                log.warning("plugin %s: %s", key, error)
        return done

    def _call_hello(self, key: str, params: dict[str, Any]) -> dict[str, Any]:
        record = self._record(key)
        m = record.manifest
        driving = self._services.driving
        readings, ages = readings_for(self._services.vehicle, m.capabilities)
        return {
            "id": m.id, "version": m.version, "folder": str(record.folder), "idIsFolder": record.origin != "entry-point",
            "capabilities": sorted(m.capabilities), "intents": sorted(m.intents),
            "data_dir": str(self._host.data_root / m.id) if "storage" in m.capabilities else None,
            "language": self._services.settings.get("language"),
            "settings": {s.key: self._host.plugin_setting(key, s.key) for s in m.settings},
            "driving": {"state": driving.state, "stale": driving.stale},
            "vehicle": {"readings": readings, "ages": ages},
            "night": self._services.theme.night, "dpi": self._services.theme.dpScale * 160.0,
            "memoryLimit": ADDRESS_SPACE_LIMIT,
        }

    def _call_notify(self, key: str, params: dict[str, Any]) -> int:
        self._require(key, "notifications", "notify()")
        return self._services.notifications.post(key, str(params.get("title", ""))[:200],
                                                 str(params.get("body", ""))[:2000], _level(params))

    def _call_intent_send(self, key: str, params: dict[str, Any]) -> Any:
        """Routed like any intent. To another sandboxed app it goes without waiting, and its answer is sent back
        to this plugin when it comes."""
        name, args = params.get("name"), params.get("params", {})
        if not isinstance(name, str) or not isinstance(args, dict):
            raise IntentError("intent.send: expected a name and an object of parameters")
        target = self._host.intents.target(key, name, args)
        if target is None or target.runtime != SANDBOXED:
            return self._host.route_intent(key, name, args)

        def ask(done: Callable[[Any, BaseException | None], None]) -> None:
            def answered(result: Any, error: Any) -> None:
                done(result, None if error is None else IntentError(f"intent {name!r}: {target.key}: {error}"))
            self.deliver_intent(target.key, name, dict(args), answered)
        return Later(ask)

    def _call_templates_push(self, key: str, params: dict[str, Any]) -> bool:
        template = validate_page(params.get("template"))
        state = self._state(key)
        if not self._services.driving.parked and len(state.page_stack) >= MAX_DEPTH:
            raise TemplateError(f"templates.push: at most {MAX_DEPTH} levels while driving; more when parked")
        self._count_step(state, "templates.push")
        state.page_stack.append(template)
        self._bump()
        return True

    def _with_image_url(self, key: str, tile: dict[str, Any]) -> dict[str, Any]:
        """The tile with its `image` as the URL of the shell's own copy of the picture, checked as it was read
        (templates.read_image)."""
        if "image" not in tile:
            return tile
        record = self._record(key)
        m = record.manifest
        data = self._host.data_root / m.id if "storage" in m.capabilities else None
        picture, suffix = read_image(tile["image"], record.folder, data)
        kept = keep_image(picture, suffix, self.pictures_root / m.id)
        return {**tile, "image": QUrl.fromLocalFile(str(kept)).toString()}

    def _count_step(self, state: AppState, what: str) -> None:
        """One more new screen in this task; refused past MAX_STEPS while the car is not parked."""
        if self._services.driving.parked:
            state.steps = 0
            return
        if state.steps >= MAX_STEPS:
            raise TemplateError(f"{what}: at most {MAX_STEPS} new screens in one task while driving; "
                                "more when parked, or after going back to the first screen")
        state.steps += 1

    def _cloud(self, key: str):
        self._require(key, "network", "cloud")
        from headunit.host.cloud_access import PluginCloud

        m = self._record(key).manifest
        return PluginCloud(self._services.cloud, key, tuple(m.capabilities))

    def _call_cloud_get(self, key: str, params: dict[str, Any]) -> "OnIoThread":
        cloud = self._cloud(key)
        path, query = _text(params, "path"), params.get("params") or {}

        def get() -> dict[str, Any]:
            reading = cloud.get(path, dict(query))
            return {"data": reading.data, "age_seconds": reading.age_seconds, "from_cache": reading.from_cache,
                    "stale": reading.stale, "status": reading.status}
        return OnIoThread(get)

    def _call_cloud_submit(self, key: str, params: dict[str, Any]) -> "OnIoThread":
        cloud = self._cloud(key)
        return OnIoThread(lambda: cloud.submit(_text(params, "lane"), _text(params, "method"), _text(params, "path"),
                                                params.get("body"), not_after=params.get("not_after")))

    def _call_cloud_put(self, key: str, params: dict[str, Any]) -> "OnIoThread":
        cloud = self._cloud(key)
        return OnIoThread(lambda: cloud.put(_text(params, "collection"), _text(params, "key"), params.get("value")))

    def _call_cloud_delete(self, key: str, params: dict[str, Any]) -> "OnIoThread":
        cloud = self._cloud(key)
        return OnIoThread(lambda: cloud.delete(_text(params, "collection"), _text(params, "key")))

    def _call_cloud_items(self, key: str, params: dict[str, Any]) -> "OnIoThread":
        cloud = self._cloud(key)
        return OnIoThread(lambda: cloud.items(_text(params, "collection")))

    def _call_audio_speak(self, key: str, params: dict[str, Any]) -> bool:
        self._require(key, "audio", "audio")
        language = params.get("language") or self._services.settings.get("language")
        self._services.speech.say(key, _text(params, "text")[:500], str(language))
        return True

    def _call_audio_cancelSpeech(self, key: str, params: dict[str, Any]) -> bool:
        self._require(key, "audio", "audio")
        self._services.speech.cancel(key)
        return True

    # Notifications from the plugin

    def _on_notified(self, key: str, method: str, params: dict[str, Any]) -> None:
        state = self._state(key)
        try:
            match method:
                case "ready":
                    state.ready = True
                    callbacks, state.on_ready = state.on_ready, []
                    for callback in callbacks:
                        callback()
                case "templates.page":
                    stack = params.get("stack")
                    if not isinstance(stack, list) or len(stack) > 16:
                        raise TemplateError("templates.page: expected a list of at most 16 templates")
                    stack = [validate_page(t) for t in stack]
                    back = len(stack) < len(state.page_stack) and stack == state.page_stack[:len(stack)]
                    if back and len(stack) <= 1:
                        state.steps = 0  # back at the first level: a new task
                    elif not back and stack and is_step(state.page_stack[-1] if state.page_stack else None, stack[-1]):
                        self._count_step(state, "templates.page")
                    state.page_stack = stack
                case "templates.tile":
                    state.tile = self._with_image_url(key, validate_tile(params.get("template")))
                case "toast":
                    self._services.notifications.show_toast(f"{self._record(key).manifest.name}: "
                                                            f"{str(params.get('text', ''))[:200]}", _level(params))
                case "report.rawTypes":
                    types = params.get("types")
                    state.raw_types = [str(t)[:40] for t in types[:20]] if isinstance(types, list) else []
                    if state.raw_types:
                        log.warning("plugin %s shows %s: its own page is shown only when parked", key,
                                    ", ".join(state.raw_types))
                case "failed":
                    self._host.fail(key, str(params.get("reason", "the plugin failed"))[:2000])
                    return
                case _:
                    return
        except TemplateError as exc:
            log.warning("plugin %s: %s", key, exc)
            self._services.notifications.show_toast(f"{self._record(key).manifest.name}: {exc}", "error")
            return
        self._bump()

    # What the shell tells every running plugin

    def _broadcast(self, method: str, params_for: Callable[[str], dict[str, Any] | None]) -> None:
        for key, state in self._apps.items():
            if self._host.record(key) is None:
                continue  # its plugin was just removed (uninstalled, withdrawn): its process is on its way out
            if state.process is not None and state.process.channel is not None:
                params = params_for(key)
                if params is not None:
                    state.process.channel.notify(method, params)

    def _send_driving(self) -> None:
        driving = self._services.driving
        if driving.parked:
            for state in self._apps.values():
                state.steps = 0  # parked: every app's next task starts afresh
        self._broadcast("driving", lambda key: {"state": driving.state, "stale": driving.stale})
        self._bump()

    def _send_vehicle(self, names: list) -> None:
        def params(key: str) -> dict[str, Any] | None:
            readings, ages = readings_for(self._services.vehicle, self._record(key).manifest.capabilities, names)
            return {"readings": readings, "ages": ages} if readings else None
        self._broadcast("vehicle", params)

    def send_language(self, language: str) -> None:
        self._broadcast("language", lambda key: {"language": language})

    def _send_operation_finished(self, op_id: str, plugin: str, state: str, status: int) -> None:
        self._broadcast("cloud.finished", lambda key: {"op_id": op_id, "state": state, "status": status}
                        if key == plugin else None)

    def _send_theme(self) -> None:
        self._broadcast("theme", lambda key: {"night": self._services.theme.night})

    def notify_plugin(self, key: str, method: str, params: dict[str, Any]) -> None:
        """Tell one plugin's process something, if it runs (such as a payment's outcome)."""
        state = self._apps.get(key)
        if state and state.process and state.process.channel:
            state.process.channel.notify(method, params)

    def send_setting(self, key: str, setting: str, value: Any) -> None:
        state = self._apps.get(key)
        if state and state.process and state.process.channel:
            state.process.channel.notify("setting", {"key": setting, "value": value})

    def deliver_intent(self, key: str, name: str, params: dict[str, Any], reply: Callable[[Any, Any], None]) -> None:
        """Hand an intent to the plugin's handler (starting the process first); `reply(result, error)`."""
        def send() -> None:
            process = self._state(key).process
            if process is None or process.channel is None:
                reply(None, IntentError(f"intent {name!r}: {key} is not running"))
                return
            process.channel.request("intent.handle", {"name": name, "params": params}, reply)

        if not self.ensure_running(key, send):
            reply(None, IntentError(f"intent {name!r}: {key} could not be started"))


class Later:
    """A call answered when something else answers first (another plugin's process): `start(done)` begins it,
    and `done(result, error)` is called on the GUI thread with the answer."""

    def __init__(self, start: Callable[[Callable[[Any, BaseException | None], None]], None]):
        self.start = start


class OnIoThread:
    """A call the shell serves off the GUI thread (network, disk); its answer goes back when it is done."""

    def __init__(self, fn: Callable[[], Any]):
        self.fn = fn


def _text(params: dict[str, Any], name: str) -> str:
    value = params.get(name)
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected a string, got {type(value).__name__}")
    return value


def _level(params: dict[str, Any]) -> str:
    level = params.get("level", "info")
    return level if level in ("info", "success", "warning", "error") else "info"
