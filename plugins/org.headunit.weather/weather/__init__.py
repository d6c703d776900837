"""Weather: the forecast where the car is (now, 24 hours, 7 days) and, while a route is active, at the
destination at the arrival time and along the route, with spoken and posted warnings of ice, snow, storm,
fog or heat ahead. Forecasts are read through the cache (`ctx.cloud`), so an offline car shows the last one
with its age; the temperature outside goes to the status bar (`ctx.weather`). Other apps send `show-weather`.
"""

from __future__ import annotations

from headunit.sdk import IntentError, Plugin, PluginContext

from .jobs import Jobs
from .store import WeatherStore


class WeatherApp(Plugin):
    def start(self, ctx: PluginContext) -> None:
        self._ctx = ctx
        self.jobs = Jobs(ctx)
        self.store = WeatherStore(ctx, self.jobs)
        self.jobs.setParent(self.store)
        ctx.expose("weather", self.store)
        ctx.handle_intent("show-weather", self._show_weather)

    def _show_weather(self, params: dict) -> bool:
        self.store.show_place(float(params["lat"]), float(params["lon"]))
        try:
            return bool(self._ctx.send_intent("open-app", id=self._ctx.id))
        except IntentError:
            return False

    def stop(self) -> None:
        self.store.shutdown()
