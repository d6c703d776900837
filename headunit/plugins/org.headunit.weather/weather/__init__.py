"""Weather: the forecast where the car is (now, 24 hours, 7 days) and, while a route is active, at the
destination at the arrival time and along the route, with spoken and posted warnings of ice, snow, storm,
fog or heat ahead. Forecasts are read through the cache (`ctx.cloud`), so an offline car shows the last one
with its age; the temperature outside goes to the status bar (`ctx.weather`). Other apps send `show-weather`.
Sandboxed, while the car moves, the shell draws its driving template instead of its page.
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
        self._template: tuple = ()
        self.store.changed.connect(self._publish_template)
        self.store.unitsChanged.connect(self._publish_template)
        ctx.templates.actionTriggered.connect(self._on_action)
        self._publish_template()

    def _publish_template(self) -> None:
        """The weather as the shell draws it while driving (when the plugin runs sandboxed): now, how it feels,
        the wind and how old the forecast is; or why there is none. Sent again only when what it says changes."""
        tr, store = self._ctx.tr, self.store
        if store.available:
            rows = [{"label": tr("Now"), "value": f"{store.temperatureText} {store.conditionText}".strip()},
                    {"label": tr("Feels like"), "value": store.feelsLike},
                    {"label": tr("Wind"), "value": store.wind}]
            subtitle, icon = store.ageText, store.icon or "mdi6.weather-partly-cloudy"
            tile = (tr("Weather"), f"{store.temperatureText} {store.conditionText}".strip(), icon)
        else:
            rows, subtitle, icon = [], store.message, "mdi6.weather-partly-cloudy"
            tile = (tr("Weather"), store.message, icon)
        page = dict(title=tr("Weather"), subtitle=subtitle, icon=icon, rows=rows,
                    actions=[{"id": "refresh", "text": tr("Refresh"), "icon": "mdi6.refresh"}])
        if (page, tile) == self._template:
            return
        self._template = (page, tile)
        self._ctx.templates.show("pane", **page)
        self._ctx.templates.tile(*tile)

    def _on_action(self, slot: str, action: str, index: int) -> None:
        if action == "refresh":
            self.store.refresh()

    def _show_weather(self, params: dict) -> bool:
        self.store.show_place(float(params["lat"]), float(params["lon"]))
        try:
            return bool(self._ctx.send_intent("open-app", id=self._ctx.id))
        except IntentError:
            return False

    def stop(self) -> None:
        self.store.shutdown()
