"""WeatherStore: the weather app's state for its page and tile.

The forecast at the car's position is read on the worker through the cache, every 10 minutes and when the car
has moved more than 5 km; an offline car shows the last forecast with its age. While a route is active the
store also reads the weather along it (sampled by distance and ETA) and warns of hazards ahead.
"""

from __future__ import annotations

import datetime as dt
import math
import time

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from .jobs import Jobs
from .texts import Texts, icon, parse_time

QML_IMPORT_NAME = "HeadUnit.Plugins.Weather"
QML_IMPORT_MAJOR_VERSION = 1

REFRESH_MS = 10 * 60 * 1000
#: After a failed or stale read: try again this soon.
RETRY_MS = 30 * 1000
MOVED_M = 5_000.0
#: The age on screen is rewritten this often.
AGE_TICK_MS = 30 * 1000
HOURS, DAYS = 24, 7


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(min(1.0, math.sqrt(h)))


@QmlElement
@QmlUncreatable("created by the plugin; views take it as a required property")
class WeatherStore(QObject):
    changed = Signal()
    ageChanged = Signal()
    unitsChanged = Signal()
    routeChanged = Signal()

    def __init__(self, ctx, jobs: Jobs, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx, self._jobs = ctx, jobs
        self._texts = Texts(ctx)
        self._vehicle = ctx.vehicle
        self._language = ""
        self._forecast: dict = {}
        self._produced = math.nan
        self._from_cache = False
        self._stale = False
        self._error = ""
        self._busy = False
        self._online = True
        self._request = 0
        self._fetched_at: tuple[float, float] | None = None
        self._place: tuple[float, float] | None = None  # a place another app asked about (show-weather)

        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.refresh)
        self._age_timer = QTimer(self, interval=AGE_TICK_MS)
        self._age_timer.timeout.connect(self.ageChanged)
        self._age_timer.start()

        jobs.forecastLoaded.connect(self._loaded)
        self._vehicle.latitudeChanged.connect(self._maybe_moved)
        self._vehicle.longitudeChanged.connect(self._maybe_moved)

        self._route = RouteSection(ctx, jobs, self._texts, self)
        self._route.changed.connect(self.routeChanged)
        # The first read once the event loop runs, on a timer of its own that shutdown() stops: a shell that
        # stops before then must not read a vehicle that is already gone.
        self._first = QTimer(self, singleShot=True, interval=0)
        self._first.timeout.connect(self.refresh)
        self._first.start()

    def shutdown(self) -> None:
        self._first.stop()
        self._timer.stop()
        self._retry.stop()
        self._age_timer.stop()
        self._route.stop()

    # Reading

    def _here(self) -> tuple[float, float] | None:
        if self._place is not None:
            return self._place
        lat, lon = self._vehicle.latitude, self._vehicle.longitude
        return None if math.isnan(lat) or math.isnan(lon) else (lat, lon)

    def _maybe_moved(self) -> None:
        here = self._here()
        if here is not None and (self._fetched_at is None or metres_between(here, self._fetched_at) > MOVED_M):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the forecast again (from the cache while it is fresh, so it costs nothing)."""
        here = self._here()
        if here is None:
            self._error = "position_unknown"
            self.changed.emit()
            return
        self._fetched_at = here
        self._busy = True
        self._request = self._jobs.forecast(*here)
        self.changed.emit()

    def show_place(self, lat: float, lon: float) -> None:
        """The weather at a place another app sent (show-weather), until the driver goes back."""
        self._place = (lat, lon)
        self.refresh()

    @Slot(result=bool)
    def back(self) -> bool:
        if self._place is None:
            return False
        self._place = None
        self.refresh()
        return True

    def _loaded(self, request: int, forecast: dict, produced: float, from_cache: bool, stale: bool,
                error: str) -> None:
        if request != self._request:
            return
        self._busy = False
        if error and not forecast:
            self._error = error
            self._stale = bool(self._forecast)
        else:
            self._forecast, self._produced, self._from_cache, self._stale, self._error = (
                forecast, produced, from_cache, stale, "")
            if self._place is None:
                self._publish()
        if error or stale:
            self._retry.start()
        self.changed.emit()
        self.ageChanged.emit()

    def _publish(self) -> None:
        current = self._forecast.get("current") or {}
        temperature = current.get("temperature_c")
        if temperature is None:
            return
        self._ctx.weather.publish(float(temperature), current.get("condition") or "", self._produced,
                                  bool(self._forecast.get("demo")))

    # The driver's units and language, which the views pass in

    def _set_unit(self, name: str, value: bool) -> None:
        if getattr(self._texts, name) != value:
            setattr(self._texts, name, value)
            self._rewrite()

    def _rewrite(self) -> None:
        self.unitsChanged.emit()
        self.changed.emit()
        self.ageChanged.emit()
        self._route.render()

    @Property(str, notify=unitsChanged, final=True)
    def temperatureUnit(self) -> str:
        return "F" if self._texts.fahrenheit else "C"

    @temperatureUnit.setter
    def temperatureUnit(self, unit: str) -> None:
        self._set_unit("fahrenheit", unit == "F")

    @Property(str, notify=unitsChanged, final=True)
    def distanceUnit(self) -> str:
        return "mi" if self._texts.miles else "km"

    @distanceUnit.setter
    def distanceUnit(self, unit: str) -> None:
        self._set_unit("miles", unit == "mi")

    @Property(bool, notify=unitsChanged, final=True)
    def clock24h(self) -> bool:
        return self._texts.clock24h

    @clock24h.setter
    def clock24h(self, on: bool) -> None:
        self._set_unit("clock24h", bool(on))

    @Property(bool, notify=changed, final=True)
    def online(self) -> bool:
        """Whether the backend link is up (the views pass in the shell's Cloud.online): back online, the
        forecast is read again at once."""
        return self._online

    @online.setter
    def online(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self.changed.emit()
            self.ageChanged.emit()
            if online:
                self.refresh()

    @Property(str, notify=unitsChanged, final=True)
    def language(self) -> str:
        return self._language

    @language.setter
    def language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self._rewrite()

    # What the page and tile show

    @property
    def _current(self) -> dict:
        return self._forecast.get("current") or {}

    @Property(bool, notify=changed, final=True)
    def available(self) -> bool:
        return bool(self._forecast)

    @Property(bool, notify=changed, final=True)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=changed, final=True)
    def message(self) -> str:
        """Why there is no forecast to show ("" when there is one)."""
        if self._forecast:
            return ""
        if self._error == "position_unknown":
            return self._texts.position_unknown()
        if self._error:
            return self._texts.unavailable()
        return ""

    @Property(bool, notify=changed, final=True)
    def demo(self) -> bool:
        return bool(self._forecast.get("demo"))

    @Property(bool, notify=changed, final=True)
    def offline(self) -> bool:
        """The forecast shown is the last one read: the backend cannot be reached now."""
        return bool(self._forecast) and (self._stale or not self._online)

    @Property(bool, notify=changed, final=True)
    def elsewhere(self) -> bool:
        """Showing a place another app asked about, not the car's position."""
        return self._place is not None

    @Property(str, notify=ageChanged, final=True)
    def ageText(self) -> str:
        """How old the forecast is, when it came from the cache: "Updated 12 min ago", "Offline · updated 35 min ago"."""
        if not self._forecast or math.isnan(self._produced):
            return ""
        age = max(0.0, time.time() - self._produced)
        if self._stale or not self._online:
            return self._texts.offline_from(age)
        if self._from_cache and age >= 60:
            return self._texts.updated_ago(age)
        return ""

    @Property(float, notify=changed, final=True)
    def temperatureC(self) -> float:
        value = self._current.get("temperature_c")
        return math.nan if value is None else float(value)

    @Property(str, notify=changed, final=True)
    def temperature(self) -> str:
        return self._texts.degrees(self._current.get("temperature_c")) if self._forecast else ""

    @Property(str, notify=changed, final=True)
    def temperatureValue(self) -> str:
        """The figure alone ("6"), for the headline that shows `unitSymbol` beside it: the unit once."""
        return self._texts.degrees_value(self._current.get("temperature_c")) if self._forecast else ""

    @Property(str, notify=changed, final=True)
    def temperatureText(self) -> str:
        """"6 °C": the temperature with its unit, where nothing else on screen names the unit."""
        return self._texts.temperature(self._current.get("temperature_c")) if self._forecast else ""

    @Property(str, notify=unitsChanged, final=True)
    def unitSymbol(self) -> str:
        return "°F" if self._texts.fahrenheit else "°C"

    @Property(str, notify=changed, final=True)
    def condition(self) -> str:
        return self._current.get("condition") or ""

    @Property(str, notify=changed, final=True)
    def conditionText(self) -> str:
        return self._texts.condition(self._current.get("condition"))

    @Property(str, notify=changed, final=True)
    def icon(self) -> str:
        return icon(self._current.get("condition"), self._current.get("is_day") is False) if self._forecast else ""

    @Property(str, notify=changed, final=True)
    def feelsLike(self) -> str:
        return self._texts.temperature(self._current.get("apparent_temperature_c")) if self._forecast else ""

    @Property(str, notify=changed, final=True)
    def wind(self) -> str:
        return self._texts.wind(self._current.get("wind_speed_kmh")) if self._forecast else ""

    @Property(str, notify=changed, final=True)
    def humidity(self) -> str:
        return self._texts.percent(self._current.get("humidity_percent")) if self._forecast else ""

    @Property(str, notify=changed, final=True)
    def visibility(self) -> str:
        return self._texts.visibility(self._current.get("visibility_m")) if self._forecast else ""

    def _hours_ahead(self) -> list[dict]:
        start = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
        hours = []
        for hour in self._forecast.get("hourly") or []:
            try:
                when = parse_time(hour["time"])
            except (KeyError, ValueError):
                continue
            if when >= start:
                hours.append({**hour, "_when": when})
        return hours[:HOURS]

    def _next_change(self) -> dict | None:
        """The first hour ahead whose condition differs from now's."""
        now, at = self._current.get("condition"), dt.datetime.now(dt.UTC)
        for hour in self._hours_ahead():
            condition = hour.get("condition")
            if condition and condition != now and hour["_when"] > at:
                return hour
        return None

    @Property(list, notify=changed, final=True)
    def hours(self) -> list:
        """The next 24 hours: time, icon, temperature, chance of rain, and whether the hour is the next change
        (which the page keeps while driving, when it shows only every fourth hour)."""
        rows = []
        now = dt.datetime.now(dt.UTC)
        change = self._next_change()
        change_at = change["_when"] if change else None
        for hour in self._hours_ahead():
            chance = hour.get("precipitation_probability_percent")
            current = hour["_when"] <= now
            # The hour under way is "now": the same temperature and sky as the headline, never the hour's mean.
            shown = {**hour, **{k: v for k, v in self._current.items() if v is not None}} if current else hour
            rows.append({
                "time": self._ctx.tr("Now") if current else self._texts.clock(hour["_when"]),
                "icon": icon(shown.get("condition"), current and self._current.get("is_day") is False),
                "temperature": self._texts.degrees(shown.get("temperature_c")),
                "rain": self._texts.percent(chance) if chance else "",
                "change": hour["_when"] == change_at,
            })
        return rows

    @Property(list, notify=changed, final=True)
    def days(self) -> list:
        """7 days: weekday, icon, condition, high and low."""
        today = dt.date.today()
        rows = []
        for day in (self._forecast.get("daily") or [])[:DAYS]:
            try:
                date = dt.date.fromisoformat(day["date"])
            except (KeyError, ValueError):
                continue
            rows.append({
                "day": self._texts.weekday(date, today),
                "icon": icon(day.get("condition")),
                "condition": self._texts.condition(day.get("condition")),
                "high": self._texts.degrees(day.get("temperature_max_c")),
                "low": self._texts.degrees(day.get("temperature_min_c")),
            })
        return rows

    @Property(str, notify=changed, final=True)
    def nextChange(self) -> str:
        """The next change of condition in the coming hours: "Rain from 15:00" ("" when none)."""
        change = self._next_change()
        return self._texts.condition_from(change["condition"], change["_when"]) if change else ""

    @Property(QObject, constant=True, final=True)
    def route(self) -> "RouteSection":
        return self._route


from .routeview import RouteSection  # noqa: E402 - after the store, which it does not need
