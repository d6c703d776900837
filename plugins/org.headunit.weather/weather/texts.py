"""What the weather app says, in the driver's units and language.

Phrases are looked up when shown (`ctx.tr`), so a language switch reaches them at the next refresh.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QLocale, QTime

KMH_PER_MPH = 1.609344
METRES_PER_MILE = 1609.344

ICONS = {
    "clear": "mdi6.weather-sunny", "cloudy": "mdi6.weather-cloudy", "fog": "mdi6.weather-fog",
    "drizzle": "mdi6.weather-partly-rainy", "rain": "mdi6.weather-pouring", "snow": "mdi6.weather-snowy",
    "ice": "mdi6.snowflake-alert", "storm": "mdi6.weather-lightning",
}
NIGHT_ICONS = {"clear": "mdi6.weather-night"}


def icon(condition: str | None, night: bool = False) -> str:
    if night and condition in NIGHT_ICONS:
        return NIGHT_ICONS[condition]
    return ICONS.get(condition or "", "mdi6.thermometer")


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


class Texts:
    def __init__(self, ctx) -> None:
        self._ctx = ctx
        self.fahrenheit = False
        self.miles = False
        self.clock24h = True

    def number(self, value: float, decimals: int = 0) -> str:
        return QLocale().toString(float(value), "f", decimals)

    # Units

    def degrees(self, celsius: float | None) -> str:
        """"12°" in the driver's unit (the unit is in the page's header and the tile)."""
        if celsius is None or math.isnan(celsius):
            return "–"
        value = celsius * 9 / 5 + 32 if self.fahrenheit else celsius
        return f"{self.number(math.floor(value + 0.5))}°"  # rounded as the status bar rounds (half up)

    def temperature(self, celsius: float | None) -> str:
        """"12 °C" or "54 °F"."""
        if celsius is None or math.isnan(celsius):
            return "–"
        return f"{self.degrees(celsius)}{'F' if self.fahrenheit else 'C'}"

    def wind(self, kmh: float | None) -> str:
        if kmh is None:
            return "–"
        if self.miles:
            return self._ctx.tr("%1 mph").replace("%1", self.number(round(kmh / KMH_PER_MPH)))
        return self._ctx.tr("%1 km/h").replace("%1", self.number(round(kmh)))

    def visibility(self, metres: float | None) -> str:
        if metres is None:
            return "–"
        if self.miles:
            miles = metres / METRES_PER_MILE
            return self._ctx.tr("%1 mi").replace("%1", self.number(miles, 1 if miles < 10 else 0))
        km = metres / 1000
        return self._ctx.tr("%1 km").replace("%1", self.number(km, 1 if km < 10 else 0))

    def distance(self, metres: float) -> str:
        if self.miles:
            return self._ctx.tr("%1 mi").replace("%1", self.number(round(metres / METRES_PER_MILE)))
        return self._ctx.tr("%1 km").replace("%1", self.number(round(metres / 1000)))

    def percent(self, value: float | None) -> str:
        return "–" if value is None else f"{self.number(round(value))} %"

    def clock(self, when: dt.datetime) -> str:
        local = when.astimezone()
        return QTime(local.hour, local.minute).toString("HH:mm" if self.clock24h else "h AP")

    def weekday(self, date: dt.date, today: dt.date) -> str:
        if date == today:
            return self._ctx.tr("Today")
        return QLocale().dayName(date.isoweekday(), QLocale.FormatType.ShortFormat)

    # Words

    def condition(self, condition: str | None) -> str:
        match condition:
            case "clear": return self._ctx.tr("Clear")
            case "cloudy": return self._ctx.tr("Cloudy")
            case "fog": return self._ctx.tr("Fog")
            case "drizzle": return self._ctx.tr("Drizzle")
            case "rain": return self._ctx.tr("Rain")
            case "snow": return self._ctx.tr("Snow")
            case "ice": return self._ctx.tr("Freezing rain")
            case "storm": return self._ctx.tr("Thunderstorm")
        return ""

    def condition_from(self, condition: str, when: dt.datetime) -> str:
        """The next change, for the tile: "Rain from 15:00"."""
        return self._ctx.tr("%1 from %2").replace("%1", self.condition(condition)).replace("%2", self.clock(when))

    def hazard(self, kind: str) -> str:
        match kind:
            case "ice": return self._ctx.tr("Ice")
            case "snow": return self._ctx.tr("Snow")
            case "storm": return self._ctx.tr("Storm")
            case "fog": return self._ctx.tr("Fog")
            case "heat": return self._ctx.tr("Heat")
        return kind

    def hazard_ahead(self, kind: str, metres: float, destination: bool) -> str:
        """A warning row: "Ice ahead in 25 km", "Snow at your destination"."""
        if destination:
            return self.alert_at_destination(kind)
        return self.alert_ahead(kind, self.alert_distance(metres, "mi" if self.miles else "km"))

    # The alerts' phrases (alerts.AlertTexts)

    def alert_title(self, kind: str) -> str:
        return self._ctx.tr("%1 on your route").replace("%1", self.hazard(kind))

    def alert_ahead(self, kind: str, distance: str) -> str:
        return self._ctx.tr("%1 ahead in %2").replace("%1", self.hazard(kind)).replace("%2", distance)

    def alert_at_destination(self, kind: str) -> str:
        return self._ctx.tr("%1 at your destination").replace("%1", self.hazard(kind))

    def alert_distance(self, metres: float, units: str) -> str:
        """Rounded as a driver hears it well: whole km or mi (to 5 beyond 20), 100 m steps close by."""
        def whole(value: float) -> int:
            return round(value / 5) * 5 if value >= 20 else max(1, round(value))

        metres = max(0.0, float(metres))
        if units == "mi":
            miles = metres / METRES_PER_MILE
            if miles < 1:
                return self._ctx.tr("%1 mi").replace("%1", self.number(max(0.1, round(miles, 1)), 1))
            return self._ctx.tr("%1 mi").replace("%1", self.number(whole(miles)))
        if metres < 1000:
            return self._ctx.tr("%1 m").replace("%1", self.number(max(100, round(metres / 100) * 100)))
        return self._ctx.tr("%1 km").replace("%1", self.number(whole(metres / 1000)))

    def age(self, seconds: float) -> str:
        minutes = max(1, int(seconds // 60))
        if minutes < 60:
            return self._ctx.tr("%1 min").replace("%1", self.number(minutes))
        if minutes < 48 * 60:
            return self._ctx.tr("%1 h").replace("%1", self.number(minutes // 60))
        return self._ctx.tr("%1 d").replace("%1", self.number(minutes // (24 * 60)))

    def updated_ago(self, seconds: float) -> str:
        return self._ctx.tr("Updated %1 ago").replace("%1", self.age(seconds))

    def offline_from(self, seconds: float) -> str:
        return self._ctx.tr("Offline: from %1 ago").replace("%1", self.age(seconds))

    def position_unknown(self) -> str:
        return self._ctx.tr("The car's position is not known yet")

    def unavailable(self) -> str:
        return self._ctx.tr("No weather yet: the backend cannot be reached")

    def at_destination(self, name: str, when: dt.datetime) -> str:
        return self._ctx.tr("%1 at %2").replace("%1", name or self._ctx.tr("Destination")).replace("%2", self.clock(when))

    def passing_at(self, metres: float, when: dt.datetime) -> str:
        return self._ctx.tr("In %1, at %2").replace("%1", self.distance(metres)).replace("%2", self.clock(when))
