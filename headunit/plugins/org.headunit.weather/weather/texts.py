"""What the weather app says, in the driver's units and language.

Phrases are looked up when shown (`ctx.tr`), so a language switch reaches them at the next refresh.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from headunit.sdk import formats

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

    # Units: the shell's formatter (headunit.sdk.formats), so the app says a figure as every screen does.

    @property
    def language(self) -> str:
        return formats.current()["language"]

    @property
    def _temperature_unit(self) -> str:
        return "F" if self.fahrenheit else "C"

    @property
    def _distance_unit(self) -> str:
        return "mi" if self.miles else "km"

    def degrees(self, celsius: float | None) -> str:
        """"12°" in the driver's unit (where the unit is plain from the page)."""
        return formats.degrees(celsius, language=self.language, unit=self._temperature_unit)

    def degrees_value(self, celsius: float | None) -> str:
        """"12": the figure for a readout that shows the unit beside it."""
        return self.degrees(celsius).rstrip("°")

    def temperature(self, celsius: float | None) -> str:
        """"12 °C" or "54 °F"."""
        return formats.temperature(celsius, language=self.language, unit=self._temperature_unit)

    def wind(self, kmh: float | None) -> str:
        return formats.speed(kmh, language=self.language, unit=self._distance_unit)

    def visibility(self, metres: float | None) -> str:
        return formats.distance(metres, language=self.language, unit=self._distance_unit)

    def distance(self, metres: float) -> str:
        return formats.distance(metres, language=self.language, unit=self._distance_unit)

    def percent(self, value: float | None) -> str:
        return "–" if value is None else f"{self.number(round(value))} %"

    def clock(self, when: dt.datetime) -> str:
        return formats.clock(when.timestamp(), language=self.language, clock24h=self.clock24h)

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
        """Rounded as a driver hears it well: whole km or mi (to 5 beyond 20), 100 m steps close by, in the
        formatter's words."""
        def whole(value: float) -> int:
            return round(value / 5) * 5 if value >= 20 else max(1, round(value))

        metres = max(0.0, float(metres))
        if units == "mi":
            miles = metres / METRES_PER_MILE
            rounded = max(0.1, round(miles, 1)) if miles < 1 else whole(miles)
            return formats.distance(rounded * METRES_PER_MILE, language=self.language, unit="mi")
        rounded = max(100, round(metres / 100) * 100) if metres < 1000 else whole(metres / 1000) * 1000
        return formats.distance(rounded, language=self.language, unit="km")

    def age(self, seconds: float) -> str:
        """"5 min ago", as every screen says how old its data is."""
        return formats.age(seconds, language=self.language)

    def updated_ago(self, seconds: float) -> str:
        return self._ctx.tr("Updated %1").replace("%1", self.age(seconds))

    def offline_from(self, seconds: float) -> str:
        return self._ctx.tr("Offline · updated %1").replace("%1", self.age(seconds))

    def position_unknown(self) -> str:
        return self._ctx.tr("The car's position is not known yet")

    def unavailable(self) -> str:
        return self._ctx.tr("No weather yet: no connection")

    def at_destination(self, name: str, when: dt.datetime) -> str:
        return self._ctx.tr("%1 at %2").replace("%1", name or self._ctx.tr("Destination")).replace("%2", self.clock(when))

    def passing_at(self, metres: float, when: dt.datetime) -> str:
        return self._ctx.tr("In %1, at %2").replace("%1", self.distance(metres)).replace("%2", self.clock(when))
