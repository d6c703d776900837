"""The app mall: apps for the head unit, browsed, searched, installed, updated, uninstalled and rolled back.
Public plugin API only.

Installing is the shell's: the mall asks through `ctx.packages` (capability install), and the shell downloads,
verifies and asks the driver's consent on its own sheet. See mall.py.
"""

from __future__ import annotations

from headunit.sdk import Plugin, PluginContext

from .mall import Mall


class AppMall(Plugin):
    def start(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.mall = Mall(ctx)
        ctx.expose("mall", self.mall)
        ctx.handle_intent("show-app", self._show_app)
        self.mall.refreshIfOld()

    def _show_app(self, params: dict) -> bool:
        self.mall.openApp(params["id"])
        return self.ctx.send_intent("open-app", id=self.ctx.id)

    def stop(self) -> None:
        self.mall.stop()
