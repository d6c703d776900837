"""The accessory store: parts and accessories that fit this car, reviews, basket and checkout, and (in
service.py) fitting at a partner workshop, orders and maintenance reminders. Public plugin API only.

The catalog is mirrored into the plugin's own database (catalog.py) and browsed from there, offline too.
Every order is paid on the shell's sheet through `ctx.payments`; the shell makes the write.
"""

from __future__ import annotations

from headunit.sdk import Plugin, PluginContext

from .service import ServiceDesk
from .shop import Shop


class StoreApp(Plugin):
    def start(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.shop = Shop(ctx)
        self.service = ServiceDesk(ctx, self.shop)
        ctx.expose("shop", self.shop)
        ctx.expose("service", self.service)
        ctx.handle_intent("show-product", self._show_product)
        self.shop.start()
        self.service.start()

    def _show_product(self, params: dict) -> bool:
        self.shop.openProduct(params["id"])
        return self.ctx.send_intent("open-app", id=self.ctx.id)

    def stop(self) -> None:
        self.shop.stop()
        self.service.stop()
