"""SandboxedRuntime: the plugin host's runtime for plugins that run in a process of their own.

The host hands it every step of a sandboxed plugin's life, as it hands in-process plugins to
InProcessRuntime. Nothing of the plugin's code or QML enters the shell's process: its page and tile
are the shell's own `SandboxedApp` and `TemplateTile`, which show the process's surface (parked) or
the templates it publishes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

from headunit.sandbox.service import Sandbox

if TYPE_CHECKING:
    from headunit.host.host import PluginHost
    from headunit.host.registry import PluginRecord

log = logging.getLogger(__name__)

#: The shell's own QML for a sandboxed app's page and tile.
VIEWS = {"page": "SandboxedApp", "tile": "TemplateTile"}


class SandboxedRuntime(QObject):
    def __init__(self, host: "PluginHost", sandbox: Sandbox, engine: QQmlEngine | None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._host, self._sandbox, self._engine = host, sandbox, engine
        self._components: dict[str, QQmlComponent] = {}
        self._views: dict[str, list[QQuickItem]] = {}

    def load(self, record: "PluginRecord") -> bool:
        """Nothing runs until the app is opened, except for a tile, which needs the process's template. Where
        no sandbox can be made, the plugin fails here, with the reason, before anything of it is shown."""
        if not self._sandbox.can_run(record.key):
            return False
        if record.manifest.tile is not None:
            return self._sandbox.ensure_running(record.key)
        return True

    def _component(self, kind: str) -> QQmlComponent:
        if kind not in self._components:
            component = QQmlComponent(self._engine)
            component.loadFromModule("HeadUnit.Shell", VIEWS[kind])
            self._components[kind] = component
        return self._components[kind]

    def create_view(self, record: "PluginRecord", kind: str, parent: QQuickItem) -> QQuickItem | None:
        if self._engine is None:
            return None
        if kind == "tile" and record.manifest.tile is None:
            return None
        component = self._component(kind)
        item = component.createWithInitialProperties({"pluginId": record.key}, self._engine.rootContext())
        if item is None:
            log.error("%s: the shell's %s view could not be made: %s", record.key, kind, component.errorString())
            return None
        item.setParentItem(parent)
        item.setParent(parent)
        # The shell's QML lets go of a page with destroy() when the app leaves the recent apps.
        QQmlEngine.setObjectOwnership(item, QQmlEngine.ObjectOwnership.JavaScriptOwnership)
        self._views.setdefault(record.key, []).append(item)
        return item

    def stop(self, record: "PluginRecord", *, deferred: bool = True, failed: bool = False) -> None:
        self._sandbox.stop(record.key)
        for item in self._views.pop(record.key, []):
            if shiboken6.isValid(item):
                item.setVisible(False)
                item.deleteLater() if deferred else shiboken6.delete(item)

    def deliver_intent(self, record: "PluginRecord", name: str, params: dict[str, Any]) -> Any:
        """Sent without waiting: the shell never blocks on a plugin process. The answer is logged."""
        def reply(result: Any, error: Any) -> None:
            if error is not None:
                log.warning("intent %r to %s: %s", name, record.key, error)

        self._sandbox.deliver_intent(record.key, name, params, reply)
        return None

    def setting_changed(self, record: "PluginRecord", setting_key: str) -> None:
        self._sandbox.send_setting(record.key, setting_key, self._host.plugin_setting(record.key, setting_key))

    def close(self) -> None:
        self._sandbox.stop_all()
