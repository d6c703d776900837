"""InProcessRuntime: runs a plugin's Python in the shell's process, on the GUI thread, and its QML in the shell's
engine, and contains what it raises.

Loading imports the entry, creates the `Plugin` and its `PluginContext`, calls `start(ctx)` and compiles the page
and tile. Whatever raises, in those steps or later in a slot, a callback, a worker or an intent handler, becomes
the host's `fail(key, reason)`, with a reason naming the file and line inside the plugin folder.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

from headunit.host import loader
from headunit.host.context import PluginContext
from headunit.host.errors import IntentError
from headunit.host.plugin_runtime import IN_PROCESS

if TYPE_CHECKING:
    from headunit.host.host import PluginHost
    from headunit.host.registry import PluginRecord
    from headunit.host.services import Services

from headunit.host.reasons import inside as _inside, reason_for

log = logging.getLogger(__name__)


def _qml_errors(component: QQmlComponent) -> str:
    return "; ".join(f"{QUrl(e.url()).toLocalFile() or e.url().toString()}:{e.line()}: {e.description()}"
                     for e in component.errors())


class InProcessRuntime(QObject):
    kind = IN_PROCESS

    # Worker threads report exceptions through this queued signal: key and reason.
    _workerFailed = Signal(str, str)

    def __init__(self, host: "PluginHost", services: "Services", data_root: Path, engine: QQmlEngine | None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._host, self._services = host, services
        self._data_root, self._engine = data_root, engine
        self._previous_excepthook: Callable | None = None
        self._starting: str | None = None  # the key whose start() is running
        self._workerFailed.connect(host.fail)

    # Loading

    def load(self, record: "PluginRecord") -> bool:
        manifest = record.manifest
        assert manifest is not None  # only a plugin whose manifest was read is loaded
        if manifest.python:
            try:
                record.instance = loader.load_plugin_class(manifest)()
                record.context = PluginContext(self._host, self._services, manifest, self._data_root)
            except BaseException as exc:  # noqa: BLE001 - a plugin's import may raise anything
                self._host.fail(record.key, reason_for(exc, record.folder, f"loading {manifest.python}"))
                return False
            self._starting = record.key  # a start() that raises is never stopped, but what it made is
            try:
                record.instance.start(record.context)
            except BaseException as exc:  # noqa: BLE001
                self._host.fail(record.key, reason_for(exc, record.folder, "start()"))
                return False
            finally:
                self._starting = None
        return self._engine is None or self._compile(record)

    def _compile(self, record: "PluginRecord") -> bool:
        m = record.manifest
        assert m is not None and self._engine is not None
        for kind, file in (("page", m.page), ("tile", m.tile)):
            if file is None:
                continue
            component = QQmlComponent(self._engine, QUrl.fromLocalFile(str(m.folder / file)),
                                      QQmlComponent.CompilationMode.PreferSynchronous, self)
            if component.isError():
                self._host.fail(record.key, f"{kind} QML: {_qml_errors(component)}")
                return False
            record.components[kind] = component
        return True

    def create_view(self, record: "PluginRecord", kind: str, parent: QQuickItem) -> QQuickItem | None:
        component = record.components.get(kind)
        if component is None:
            return None
        properties = record.context.exposed() if record.context else {}
        assert self._engine is not None  # components are compiled only with an engine
        created = component.createWithInitialProperties(properties, self._engine.rootContext())
        if created is None:
            self._host.fail(record.key, f"{kind} QML: {_qml_errors(component) or 'could not be created'}")
            return None
        item = cast(QQuickItem, created)  # a page's or tile's root is an Item
        item.setParentItem(parent)
        item.setParent(parent)
        record.views.append(item)
        return item

    # Intents and settings

    def deliver_intent(self, record: "PluginRecord", name: str, params: dict[str, Any]) -> Any:
        handler = record.context.intent_handler(name) if record.context else None
        if handler is None:
            raise IntentError(f"intent {name!r}: {record.id} declares it but registered no handler")
        try:
            return handler(params)
        except BaseException as exc:  # noqa: BLE001
            self._host.fail(record.key, reason_for(exc, record.folder, f"intent {name!r}"))
            raise IntentError(f"intent {name!r}: {record.id} failed while handling it") from exc

    def setting_changed(self, record: "PluginRecord", setting_key: str) -> None:
        if record.context is not None:
            record.context.settingChanged.emit(setting_key)

    # Stopping

    def stop(self, record: "PluginRecord", *, deferred: bool = True, failed: bool = False) -> None:
        """`deferred`: views are deleted on the next turn of the event loop, and the plugin's objects stay alive
        until they are, so no binding sees them vanish. `failed`: the timers and other QObjects the plugin still
        holds are stopped and deleted too, so none of its code runs again."""
        views = [item for item in record.views if shiboken6.isValid(item)]
        record.views.clear()
        for item in views:
            item.setVisible(False)
        if record.instance is not None and record.key != self._starting:
            try:
                record.instance.stop()
            except BaseException as exc:  # noqa: BLE001
                log.error("plugin %s: stop() raised: %s", record.id, reason_for(exc, record.folder, "stop()"))
        context = record.context
        if context is not None:
            context.close()
        from headunit.host.leftovers import stop_timers  # only once a plugin stops, not at the shell's start

        leftovers = self._leftovers(record) if failed else []
        stop_timers(leftovers + ([context] if context is not None else []))
        # Deleted on the GUI thread, explicitly: left to Python's collector (intent handlers often make cycles)
        # the plugin's QObjects could be freed on a worker thread, timers running. Views go first, the context,
        # which owns what the plugin exposed to them, last.
        doomed = views + [obj for obj in leftovers if obj.parent() is None]
        if context is not None:
            doomed.append(context)
        if deferred:
            for obj in doomed:
                obj.deleteLater()
            retired = record.instance
            QTimer.singleShot(0, lambda: retired)  # keeps the instance until the deletes have run
        else:
            for obj in doomed:
                shiboken6.delete(obj)
        record.instance = record.context = None

    def _leftovers(self, record: "PluginRecord") -> list[QObject]:
        from headunit.host.leftovers import plugin_objects

        shared = [service for service in vars(self._services).values() if isinstance(service, QObject)]
        shared += [obj for obj in (QCoreApplication.instance(), self._engine, self._host) if obj is not None]
        return plugin_objects(record.instance, record.context, loader.namespace_for(record.id), shared)

    def close(self) -> None:
        self.uninstall_excepthook()

    # Exceptions outside the host's own calls

    def report_worker_exception(self, key: str, exc: BaseException) -> None:
        """From any thread: a plugin's worker raised."""
        record = self._host.record(key)
        self._workerFailed.emit(key, reason_for(exc, record.folder if record else key, "worker"))

    def plugin_for_traceback(self, tb) -> "PluginRecord | None":
        """The loaded plugin whose code raised, judged by the deepest frame inside a plugin folder."""
        owner = None
        for frame in traceback.extract_tb(tb):
            for record in self._host.records():
                if record.loaded and record.runtime == self.kind and _inside(frame.filename, record.folder):
                    owner = record
        return owner

    def install_excepthook(self) -> None:
        """Route exceptions raised in plugin slots and callbacks (which Qt reports through sys.excepthook) to
        the host's `fail`, instead of only printing them."""
        if self._previous_excepthook is not None:
            return
        self._previous_excepthook = sys.excepthook

        def hook(exc_type, exc, tb):
            record = self.plugin_for_traceback(tb)
            if record is None:
                self._previous_excepthook(exc_type, exc, tb)
                return
            exc.__traceback__ = tb
            self._host.fail(record.key, reason_for(exc, record.folder, "slot"))

        sys.excepthook = hook

    def uninstall_excepthook(self) -> None:
        if self._previous_excepthook is not None:
            sys.excepthook = self._previous_excepthook
            self._previous_excepthook = None
