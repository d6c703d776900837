"""The route weather section: while a route is active, the weather at the destination at the arrival time and
along the route at the times the car passes, with a warning row per hazard ahead, and the alerts a driver
hears (route.py, hazards.py and alerts.py do the reckoning)."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from .texts import icon

QML_IMPORT_NAME = "HeadUnit.Plugins.Weather"
QML_IMPORT_MAJOR_VERSION = 1

#: The route's weather is read again when the car has come this much closer to the destination.
ROUTE_STEP_M = 5_000.0


@QmlElement
@QmlUncreatable("the weather store's `route`")
class RouteSection(QObject):
    changed = Signal()

    def __init__(self, ctx, jobs, texts, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx, self._jobs, self._texts = ctx, jobs, texts
        self._nav = ctx.navigation.state
        self._route_number = 0
        self._request = 0
        self._sampled_at_m = math.nan
        self._weather: list = []  # RouteWeather, the destination last
        self._alerts = None
        self._stopped = False
        self._nav.routeChanged.connect(self._route_changed)
        self._nav.progressChanged.connect(self._progress)
        jobs.forecastsLoaded.connect(self._loaded)
        if self._nav.active:
            self._route_changed()

    def stop(self) -> None:
        self._stopped = True

    def _make_alerts(self):
        from .alerts import RouteAlerts

        # Navigation speaks its prompts while it guides (it has no mute): so do the warnings then.
        return RouteAlerts(self._ctx.notify, self._ctx.audio.speak, lambda: bool(self._nav.active), self._texts)

    def _route_changed(self) -> None:
        self._route_number += 1
        if self._alerts is not None and not self._nav.active:
            self._alerts.reset()
        self._weather, self._sampled_at_m, self._request = [], math.nan, 0
        self.changed.emit()
        self._sample()

    def _progress(self) -> None:
        remaining = self._nav.remainingMeters
        if math.isnan(self._sampled_at_m) or (not math.isnan(remaining)
                                              and self._sampled_at_m - remaining >= ROUTE_STEP_M):
            self._sample()

    def _sample(self) -> None:
        if self._stopped or not self._nav.active:
            return
        try:
            from .route import forecast_key, sample_route
        except ImportError as exc:  # the route weather is not part of this build
            self._ctx.log.warning("route weather unavailable: %s", exc)
            return
        shape = [tuple(p) for p in self._nav.routeShape]
        remaining_m, remaining_s = self._nav.remainingMeters, self._nav.remainingSeconds
        if len(shape) < 2 or math.isnan(remaining_m) or math.isnan(remaining_s):
            return
        self._points = sample_route(shape, remaining_m, remaining_s, dt.datetime.now(dt.UTC))
        self._sampled_at_m = remaining_m
        keys = list(dict.fromkeys(forecast_key(p.lat, p.lon) for p in self._points))
        self._request = self._jobs.forecasts(keys)

    def _loaded(self, request: int, forecasts: dict) -> None:
        if request != self._request or self._stopped:
            return
        from .route import route_weather

        self._weather = route_weather(self._points, forecasts)
        if self._alerts is None:
            self._alerts = self._make_alerts()
        self._alerts.update(str(self._route_number), self._weather, "mi" if self._texts.miles else "km")
        self.changed.emit()

    def render(self) -> None:
        self.changed.emit()

    # What the page and tile show

    @Property(bool, notify=changed, final=True)
    def active(self) -> bool:
        return bool(self._nav.active) and bool(self._weather)

    @Property(str, notify=changed, final=True)
    def destinationTitle(self) -> str:
        if not self._weather:
            return ""
        return self._texts.at_destination(self._nav.destinationName, self._weather[-1].point.eta)

    @Property(str, notify=changed, final=True)
    def destinationIcon(self) -> str:
        hour = self._weather[-1].hour if self._weather else None
        return icon(hour.get("condition")) if hour else ""

    @Property(str, notify=changed, final=True)
    def destinationTemperature(self) -> str:
        hour = self._weather[-1].hour if self._weather else None
        return self._texts.temperature(hour.get("temperature_c")) if hour else "–"

    @Property(str, notify=changed, final=True)
    def destinationCondition(self) -> str:
        hour = self._weather[-1].hour if self._weather else None
        return self._texts.condition(hour.get("condition")) if hour else ""

    @Property(list, notify=changed, final=True)
    def points(self) -> list:
        """Along the route (not the destination): where, when, the weather there."""
        rows = []
        for item in self._weather[:-1]:
            hour = item.hour or {}
            rows.append({
                "title": self._texts.passing_at(item.point.distance_m, item.point.eta),
                "subtitle": self._texts.condition(hour.get("condition")),
                "icon": icon(hour.get("condition")) if hour else "mdi6.help-circle-outline",
                "trailing": self._texts.temperature(hour.get("temperature_c")) if hour else "–",
                "hazard": bool(item.hazards),
            })
        return rows

    def _ahead(self) -> list[tuple[str, float, bool]]:
        """(kind, distance, at the destination) for the first place each hazard lies ahead."""
        seen, found = set(), []
        last = len(self._weather) - 1
        for index, item in enumerate(self._weather):
            for kind in item.hazards:
                if kind not in seen:
                    seen.add(kind)
                    found.append((kind, item.point.distance_m, index == last))
        return found

    @Property(list, notify=changed, final=True)
    def warnings(self) -> list:
        """One clear row per hazard ahead: "Ice ahead in 25 km"."""
        return [self._texts.hazard_ahead(kind, metres, destination) for kind, metres, destination in self._ahead()]

    @Property(str, notify=changed, final=True)
    def tileWarning(self) -> str:
        warnings = self.warnings
        return warnings[0] if warnings else ""
