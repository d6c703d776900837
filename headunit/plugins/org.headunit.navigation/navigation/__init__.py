"""Navigation: search the map on the device, preview routes, and guide the car turn by turn with spoken prompts.

Routing and search run on the plugin's worker (`ctx.maps`); the drive in progress is published to the shell
(`ctx.navigation`) so the home screen and other apps can follow it; home, favourites and recent destinations
sync with the driver's account (`ctx.cloud`, collection "destinations"). Other apps send `navigate-to` (preview the
routes there) or `guide-to` (set off on the best one).
"""

from __future__ import annotations

from headunit.sdk import IntentError, Plugin, PluginContext

from .jobs import Jobs
from .store import NavigationStore


class NavigationApp(Plugin):
    def start(self, ctx: PluginContext) -> None:
        self._ctx = ctx
        self.jobs = Jobs(ctx)
        self.store = NavigationStore(ctx, self.jobs)
        self.jobs.setParent(self.store)
        self.store.openRequested.connect(self._open)
        ctx.expose("nav", self.store)
        ctx.handle_intent("navigate-to", self._navigate_to)
        ctx.handle_intent("guide-to", self._guide_to)

    def _navigate_to(self, params: dict) -> bool:
        """Preview the routes to the place another app sent, and bring the app to the screen."""
        self.store.previewTo(params["name"], float(params["lat"]), float(params["lon"]))
        return self._open()

    def _guide_to(self, params: dict) -> bool:
        """Guide the car to the place sent, on the best route, as soon as it is found (a voice command, the
        emulator's --route-to)."""
        self.store.guideTo(params["name"], float(params["lat"]), float(params["lon"]))
        return self._open()

    def _open(self) -> bool:
        try:
            return bool(self._ctx.send_intent("open-app", id=self._ctx.id))
        except IntentError:
            return False

    def stop(self) -> None:
        self.store.shutdown()
