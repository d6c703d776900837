"""Telling the driver about hazards ahead on the route: one notification (and one spoken prompt while navigation
speaks) per hazard kind per route (pure Python, no Qt).

A kind is told again only on a new route, or after an update without it (the hazard went and came back).
The phrases come from `texts` (the app's Texts, translated with ctx.tr); `EnglishAlertTexts` is the fallback and
the reference for what each method returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from .hazards import KINDS
from .route import RoutePoint, RouteWeather

METRES_PER_MILE = 1609.344


class AlertTexts(Protocol):
    """The phrases RouteAlerts needs; `kind` is one of hazards.KINDS, `units` "km" or "mi"."""

    def alert_title(self, kind: str) -> str:
        """Notification title, e.g. "Ice on your route"."""
        ...

    def alert_ahead(self, kind: str, distance: str) -> str:
        """E.g. "Ice ahead in 25 km" (`distance` from alert_distance)."""
        ...

    def alert_at_destination(self, kind: str) -> str:
        """E.g. "Snow at your destination"."""
        ...

    def alert_distance(self, metres: float, units: str) -> str:
        """A rounded distance a driver hears well, e.g. "25 km", "16 mi", "800 m"."""
        ...


_WORDS = {"ice": "Ice", "snow": "Snow", "storm": "Storm", "fog": "Fog", "heat": "Heat"}


class EnglishAlertTexts:
    """Plain English phrases (the fallback until the app's Texts implements AlertTexts)."""

    def alert_title(self, kind: str) -> str:
        return f"{_WORDS.get(kind, kind.capitalize())} on your route"

    def alert_ahead(self, kind: str, distance: str) -> str:
        return f"{_WORDS.get(kind, kind.capitalize())} ahead in {distance}"

    def alert_at_destination(self, kind: str) -> str:
        return f"{_WORDS.get(kind, kind.capitalize())} at your destination"

    def alert_distance(self, metres: float, units: str) -> str:
        return spoken_distance(metres, units)


def spoken_distance(metres: float, units: str = "km") -> str:
    """Whole kilometres or miles (nearest 5 beyond 20), metres or a tenth of a mile close by."""
    metres = max(0.0, float(metres))
    if units == "mi":
        miles = metres / METRES_PER_MILE
        if miles < 1:
            return f"{max(0.1, round(miles, 1)):g} mi"
        return f"{_round(miles)} mi"
    if metres < 1000:
        return f"{max(100, round(metres / 100) * 100)} m"
    return f"{_round(metres / 1000)} km"


def _round(value: float) -> int:
    return round(value / 5) * 5 if value >= 20 else max(1, round(value))


class RouteAlerts:
    """Tells the driver once per hazard kind per route (a new route, or the hazard gone and back, may tell again):
    `notify(title, body, level)` and, when `speaking()` is true, `speak(text)`. Texts short, no reading needed:
    "Ice ahead in 25 km", "Snow at your destination"."""

    LEVEL = "warning"

    def __init__(self, notify: Callable[[str, str, str], object], speak: Callable[[str], object],
                 speaking: Callable[[], bool], texts: AlertTexts | None = None):
        self._notify, self._speak, self._speaking = notify, speak, speaking
        self._texts = texts
        self._fallback = EnglishAlertTexts()
        self._route: str | None = None
        self._told: set[str] = set()

    def reset(self) -> None:
        """Navigation ended: forget the route, so the next one tells again."""
        self._route = None
        self._told = set()

    def update(self, route_id: str, weather: Sequence[RouteWeather], units: str = "km") -> list[tuple[str, RoutePoint]]:
        """Tell what is new on this route; returns the (kind, first point with it) told now, nearest first."""
        if route_id != self._route:
            self._route = route_id
            self._told = set()
        first: dict[str, tuple[RoutePoint, bool]] = {}
        for i, item in enumerate(weather):
            for kind in item.hazards:
                if kind not in first:
                    first[kind] = (item.point, i == len(weather) - 1)
        self._told &= set(first)  # gone hazards may be told again when they come back
        new = sorted((kind for kind in first if kind not in self._told),
                     key=lambda k: (first[k][0].distance_m, KINDS.index(k) if k in KINDS else len(KINDS)))
        told = []
        for kind in new:
            point, at_destination = first[kind]
            text = (self._text("alert_at_destination", kind) if at_destination
                    else self._text("alert_ahead", kind, self._text("alert_distance", point.distance_m, units)))
            self._notify(self._text("alert_title", kind), text, self.LEVEL)
            if self._speaking():
                self._speak(text)
            self._told.add(kind)
            told.append((kind, point))
        return told

    def _text(self, name: str, *args) -> str:
        method = getattr(self._texts, name, None) if self._texts is not None else None
        if method is None:
            method = getattr(self._fallback, name)
        return method(*args)
