"""What the plugin host asks of whatever runs a plugin's code.

Each record names its runtime (`PluginRecord.runtime`) from registration on; the host hands every step of that
plugin's life to the runtime of that kind, so the in-process runtime and one that runs a plugin in a process
of its own sit side by side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickItem

    from headunit.host.registry import PluginRecord

#: The plugin's Python runs in the shell's process, on the GUI thread.
IN_PROCESS = "in-process"
#: The plugin's Python runs in a process of its own.
SANDBOXED = "sandboxed"


class PluginRuntime(Protocol):
    """A runtime reports a failure by calling the host's `fail(key, reason)`, never by raising to it."""

    def load(self, record: "PluginRecord") -> bool:
        """Start the plugin and compile its QML. True when it is ready to show; else it has called `fail`."""

    def create_view(self, record: "PluginRecord", kind: str, parent: "QQuickItem") -> "QQuickItem | None":
        """A new page or tile (`kind`) of a loaded plugin, inside `parent`."""

    def stop(self, record: "PluginRecord", *, deferred: bool = True, failed: bool = False) -> None:
        """Stop the plugin and remove its views. `deferred` when this may run inside one of the plugin's own
        handlers; `failed` when the plugin's own `stop()` cannot be trusted to have released what it holds."""

    def deliver_intent(self, record: "PluginRecord", name: str, params: dict[str, Any]) -> Any:
        """The answer of the loaded plugin's handler for intent `name` (parameters already checked)."""

    def setting_changed(self, record: "PluginRecord", setting_key: str) -> None:
        """Tell the loaded plugin that one of its settings changed."""

    def close(self) -> None:
        """The shell is quitting and every plugin of this kind has been stopped."""
