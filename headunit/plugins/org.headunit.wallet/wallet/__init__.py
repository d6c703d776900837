"""Wallet: fuel at the pump, parking, cards and receipts, on the public plugin API only.

Every payment is asked of the shell with `ctx.payments`: the shell draws the sheet (parked only) and makes
the write. The wallet reads prices, zones, sessions and cards with `ctx.cloud.get`, keeps its receipts with
`ctx.cloud.put` (collection "receipts", so they are there offline and after a restart) and its own choices
(default card, ending parking when the car drives away) in the "settings" collection.
"""

from __future__ import annotations

from headunit.sdk import Plugin, PluginContext

from .store import WalletStore


class WalletApp(Plugin):
    def start(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.store = WalletStore(ctx)
        ctx.expose("wallet", self.store)
        self.store.start()

    def stop(self) -> None:
        self.store.stop()
