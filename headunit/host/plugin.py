"""The base class of a plugin's Python entry (`entry.python = "module:Class"` in plugin.toml)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headunit.host.context import PluginContext


class Plugin:
    """Subclass this and name the subclass in the manifest.

    The host creates one instance on first open (or in idle time after the shell's first frame) and
    calls `start`, on the GUI thread; `stop` when the plugin is disabled, fails or the shell quits.
    An exception from `start` marks the plugin failed; one from `stop` is logged. The shell keeps running.

    ```python
    from headunit.sdk import Plugin


    class Hello(Plugin):
        def start(self, ctx):
            self.ctx = ctx
            ctx.templates.show("pane", title=ctx.tr("Hello"))  # what the driver sees while the car moves

        def stop(self):
            self.ctx = None
    ```
    """

    def start(self, ctx: "PluginContext") -> None:
        """Set up: create stores, `ctx.expose()` them to QML, register intent handlers."""

    def stop(self) -> None:
        """Release what `start` took: save state, stop timers."""
