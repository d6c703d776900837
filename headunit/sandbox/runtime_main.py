"""The plugin runtime: one sandboxed plugin's process (`python -m headunit.sandbox.runtime_main`).

The shell starts it inside bubblewrap with the channel socket and the shell's Wayland socket in
/run/headunit. Before anything else it makes starting a program impossible (a seccomp filter). It asks the
shell who it is (`hello`), limits its own memory, starts the plugin with a `RemoteContext`, and shows the
plugin's page as a Wayland window that the shell composites into its app area while the car is parked. It
answers the shell's pings from its GUI thread, so a plugin that blocks that thread is seen as not responding.
"""

from __future__ import annotations

import logging
import os
import resource
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger("headunit.plugin-runtime")

#: QML types that bypass the driving restrictions, by the C++ class names they have at run time.
RAW_TYPES = {
    "QQuickTextInput": "TextField/TextInput", "QQuickTextEdit": "TextArea/TextEdit", "QQuickListView": "ListView",
    "QQuickGridView": "GridView", "QQuickFlickable": "Flickable", "QQuickVideoOutput": "VideoOutput",
    "QQuickVirtualKeyboard": "InputPanel", "QQuickPathView": "PathView", "QQuickTableView": "TableView",
}


def limit_resources(memory_bytes: int) -> None:
    """The process's own ceiling: an address space it cannot raise (the shell dropped every capability),
    and a lower priority than the shell's, so a busy plugin never starves the screen."""
    if memory_bytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    os.nice(10)


def raw_types_in(item) -> list[str]:
    """The restriction-bypassing types living under `item`, however they were made (a Component,
    Qt.createQmlObject, a Loader): what the shell's `plugins check` reports at run time."""
    from PySide6.QtCore import QObject

    found = set()
    for child in [item, *item.findChildren(QObject)]:
        meta = child.metaObject()
        while meta is not None:
            name = meta.className()
            if name in RAW_TYPES:
                found.add(RAW_TYPES[name])
                break
            meta = meta.superClass()
    return sorted(found)


class PluginRuntime:
    """Everything of one plugin process, wired: the channel, the mirrored shell state, the plugin, its page."""

    def __init__(self, channel_path: str):
        from PySide6.QtGui import QGuiApplication

        from headunit.shell.fonts import ui_font
        from headunit.sandbox.channel import PluginEnd

        self.app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        self.app.setFont(ui_font(self.app.font()))
        self.channel = PluginEnd(channel_path)
        self.channel.requested.connect(self._on_request)
        self.channel.notified.connect(self._on_notification)
        self.channel.closed.connect(lambda why: self.app.exit(0))
        self.init: dict[str, Any] = self.channel.call("hello", {"pid": os.getpid()}).result(30)
        limit_resources(int(self.init.get("memoryLimit", 0)))
        self.view = None
        self.plugin = None
        self._build_services()

    def _build_services(self) -> None:
        from PySide6.QtQml import QQmlEngine

        from headunit import paths
        from headunit.i18n import locale_name
        from headunit.sandbox.remote import MirroredDriving, MirroredVehicle, RemoteContext
        from headunit.shell import qml_services
        from headunit.shell.icons import Icons
        from headunit.shell.theme import Theme
        from headunit.vehicle.restrictions import UxRestrictions

        init = self.init
        self.theme = Theme(dpi=init["dpi"], night=init["night"])
        self.icons = Icons()
        self.vehicle = MirroredVehicle()
        self.vehicle.follow(init["vehicle"]["readings"], init["vehicle"]["ages"])
        self.driving = MirroredDriving()
        self.driving.follow(init["driving"]["state"], init["driving"]["stale"])
        self.restrictions = UxRestrictions(self.driving)
        from headunit.sandbox.mirrors import Mirrors

        self.mirrors = Mirrors(self.channel.call("shell.state", {}).result(30))
        # The QML singletons the mirrors stand for, by the attribute names headunit.shell.qml_services looks up.
        mirrors = self.mirrors
        self.settings, self.connectivity, self.cloud = mirrors.settings, mirrors.connectivity, mirrors.cloud
        self.navigation, self.weather, self.audio_focus = mirrors.navigation, mirrors.weather, mirrors.audio_focus
        self.maps, self.vehicle_profile = mirrors.maps, mirrors.vehicle_profile
        from headunit.shell.formats import Format

        self.format = Format(self.mirrors.settings)  # numbers in the driver's language and units
        self.ctx = RemoteContext(self.channel, init, self.vehicle, self.driving, self.restrictions,
                                 on_worker_error=lambda exc: self._report_failure(exc, "worker"), mirrors=self.mirrors)
        self.engine = QQmlEngine()
        self.engine.addImportPath(str(paths.QML_DIR))
        qml_services.attach(self.engine, self)
        self._install_translator(locale_name(init["language"]))

    def _switch_language(self, language: str) -> None:
        from PySide6.QtCore import QCoreApplication

        from headunit.i18n import locale_name

        QCoreApplication.removeTranslator(self.translator)
        self._install_translator(locale_name(language))
        self.engine.retranslate()

    def _install_translator(self, locale: str) -> None:
        from PySide6.QtCore import QCoreApplication, QTranslator

        folder = Path(self.init["folder"]) / "translations"
        self.translator = QTranslator()
        if self.translator.load(f"{self.init['id']}_{locale}", str(folder)):
            QCoreApplication.installTranslator(self.translator)

    def start_plugin(self) -> None:
        from headunit.host import loader
        from headunit.host.manifest import load_manifest

        manifest = load_manifest(Path(self.init["folder"]), id_is_folder=self.init.get("idIsFolder", True))
        self.manifest = manifest
        if manifest.python:
            self.plugin = loader.load_plugin_class(manifest)()
            self.plugin.start(self.ctx)

    def show_page(self, width: int, height: int) -> None:
        """Create the page (once) as this process's window; the shell composites it."""
        from PySide6.QtCore import QUrl
        from PySide6.QtQuick import QQuickView

        if self.view is None:
            if self.manifest.page is None:
                return
            self.view = QQuickView(self.engine, None)
            self.view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
            self.view.setColor(self.theme.property("background"))
            self.view.setTitle(self.init["id"])
            self.view.setInitialProperties(self.ctx.exposed())
            self.view.setSource(QUrl.fromLocalFile(str(self.manifest.folder / self.manifest.page)))
            if self.view.status() == QQuickView.Status.Error:
                errors = "; ".join(e.toString() for e in self.view.errors())
                raise RuntimeError(f"page QML: {errors}")
            self.view.resize(width, height)
        self.view.show()
        self.channel.notify("report.rawTypes", {"types": raw_types_in(self.view.rootObject())})

    # The shell's requests and notifications, on the GUI thread

    def _on_request(self, call_id: Any, method: str, params: dict[str, Any]) -> None:
        try:
            result = self._answer(method, params)
        except BaseException as exc:  # noqa: BLE001 - the plugin's handler may raise anything
            self.channel.reply_error(call_id, exc)
            if method != "ping":
                self._report_failure(exc, f"{method}")
            return
        self.channel.reply(call_id, result)

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        match method:
            case "ping":
                return "pong"
            case "page.show":
                self.show_page(int(params["width"]), int(params["height"]))
                return True
            case "intent.handle":
                handler = self.ctx.intent_handler(params["name"])
                if handler is None:
                    raise LookupError(f"intent {params['name']!r}: the plugin registered no handler")
                return handler(dict(params["params"]))
        raise LookupError(f"unknown request {method!r}")

    def _on_notification(self, method: str, params: dict[str, Any]) -> None:
        match method:
            case "driving":
                self.driving.follow(params["state"], params["stale"])
            case "vehicle":
                self.vehicle.follow(params["readings"], params["ages"])
            case "theme":
                self.theme.set_night(params["night"], animate=True)
            case "setting":
                self.ctx.set_setting_value(params["key"], params["value"])
            case "templates.back":
                if len(self.ctx.templates.page_stack) > 1:
                    self.ctx.templates.page_stack.pop()  # the shell popped its copy already
            case "language":
                self._switch_language(params["language"])
            case "cloud.finished":
                if self.ctx._cloud is not None:
                    self.ctx._cloud.finished.emit(params["op_id"], params["state"], int(params["status"]))
            case "payments.outcome":
                if self.ctx._payments is not None:
                    self.ctx._payments.deliver(params["id"], params["state"], params.get("details") or {})
            case "packages.outcome" | "packages.changed":
                if self.ctx._packages is not None:
                    self.ctx._packages.on_notification(method, params)
            case "templates.action":
                self.ctx.templates.actionTriggered.emit(params["slot"], params["action"], int(params.get("index", -1)))
            case "mediaKey":
                for callback in (self.ctx._audio.media_key_callbacks if self.ctx._audio else []):
                    callback(params["key"])
            case "stop":
                self.stop()
            case _:
                self.mirrors.on_notification(method, params)

    def _report_failure(self, exc: BaseException, phase: str) -> None:
        from headunit.host.reasons import reason_for

        reason = reason_for(exc, self.init["folder"], phase)
        try:
            self.channel.notify("failed", {"reason": reason})
        except Exception:  # noqa: BLE001 - the channel may be gone; the exit code tells the shell
            pass
        log.error("%s", reason)
        os._exit(3)

    def stop(self) -> None:
        """The plugin's `stop()`, its queued work, then the end of the event loop (`run` deletes the page)."""
        if self.view is not None:
            self.view.hide()
        if self.plugin is not None:
            try:
                self.plugin.stop()
            except BaseException:  # noqa: BLE001
                log.exception("stop() raised")
        self.ctx.close()
        self.app.exit(0)

    def run(self) -> int:
        def hook(exc_type, exc, tb):
            exc.__traceback__ = tb
            self._report_failure(exc, "slot")

        sys.excepthook = hook
        try:
            self.start_plugin()
        except BaseException as exc:  # noqa: BLE001
            self._report_failure(exc, "start()")
        self.channel.notify("ready", {})
        code = self.app.exec()
        self.close_page()
        return code

    def close_page(self) -> None:
        """Delete the page now, before the objects it shows: as in the shell's process, the page goes first and
        the context, which owns what the plugin exposed, after it. Left to the interpreter's exit, the objects
        went in any order, and the page's bindings read a store that was already gone (null)."""
        import shiboken6

        view, self.view = self.view, None
        if view is not None and shiboken6.isValid(view):
            shiboken6.delete(view)


def confine() -> None:
    """What the process does to itself before Qt or any plugin code is loaded: no program can be started from
    it again (headunit.sandbox.seccomp). The plugin does not run where that cannot be done."""
    from headunit.sandbox import seccomp

    seccomp.install()


def log_to_shell() -> None:
    """Log records on stderr, each line with its priority, which the shell reads and caps
    (headunit.sandbox.output)."""
    from headunit.servicemanager import JournalFormatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JournalFormatter())
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def main() -> int:
    confine()
    log_to_shell()
    channel = os.environ.get("HEADUNIT_CHANNEL") or sys.argv[1]
    return PluginRuntime(channel).run()


if __name__ == "__main__":
    sys.exit(main())
