"""The weather along the route ahead: points by distance with the time the car passes them, the forecast hour
there and its hazards (pure Python, no Qt).

The car's weather store asks the backend for one forecast per `forecast_key` (0.1° ≈ 11 km, so points close
together share one cached request), then calls `route_weather(sample_route(...), forecasts)`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .hazards import hazards_of

EARTH_RADIUS_M = 6_371_008.8
NEAREST_HOUR = timedelta(minutes=90)


@dataclass(frozen=True)
class RoutePoint:
    lat: float
    lon: float
    distance_m: float  # from the car, along the route
    eta: datetime  # aware UTC; the last point of a sample is the destination


@dataclass(frozen=True)
class RouteWeather:
    point: RoutePoint
    hour: dict | None  # the forecast's hourly entry at point.eta, None when no forecast covers it
    hazards: tuple[str, ...]


def haversine_m(a: Sequence[float], b: Sequence[float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _utc(at: datetime) -> datetime:
    if at.tzinfo is None:
        return at.replace(tzinfo=UTC)
    return at.astimezone(UTC)


def sample_route(shape, remaining_m: float, remaining_s: float, now: datetime, *, every_m: float = 10_000.0,
                 max_points: int = 10) -> list[RoutePoint]:
    """Points along the route ahead every `every_m` (spread wider so there are at most `max_points`), each with
    the time the car passes it: `remaining_s` spread evenly over the distance. Always ends with the destination;
    a route shorter than `every_m` gives just the destination; no shape gives nothing.

    `shape` is the whole route [[lat, lon], …] from where guidance started; the part ahead is its last
    `remaining_m` metres (scaled to the shape's own length when they differ)."""
    points = [(float(p[0]), float(p[1])) for p in (shape or [])]
    if not points:
        return []
    now = _utc(now)
    remaining_m = max(0.0, float(remaining_m or 0.0))
    remaining_s = max(0.0, float(remaining_s or 0.0))
    legs = [haversine_m(a, b) for a, b in zip(points, points[1:])]
    total = sum(legs)
    destination = RoutePoint(points[-1][0], points[-1][1], remaining_m, now + timedelta(seconds=remaining_s))
    if total <= 0 or remaining_m <= 0:
        return [destination]
    ahead_on_shape = min(remaining_m, total)
    scale = remaining_m / ahead_on_shape  # route metres per shape metre ahead
    start = total - ahead_on_shape  # shape distance where the car is
    every = max(float(every_m), 1.0)
    max_points = max(1, int(max_points))
    count = int(remaining_m // every)  # intermediate points at every, 2·every, … short of the destination
    if count and remaining_m - count * every < every * 0.25:
        count -= 1  # no point right next to the destination
    if count > max_points - 1:
        count = max_points - 1
        every = remaining_m / (count + 1)
    result = []
    for i in range(1, count + 1):
        distance = i * every
        lat, lon = _at(points, legs, start + distance / scale)
        eta = now + timedelta(seconds=remaining_s * distance / remaining_m)
        result.append(RoutePoint(lat, lon, distance, eta))
    result.append(destination)
    return result


def _at(points, legs, along: float) -> tuple[float, float]:
    """The point `along` metres from the shape's start (linear between its points)."""
    for (a, b), length in zip(zip(points, points[1:]), legs):
        if along <= length:
            f = 0.0 if length <= 0 else along / length
            return a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
        along -= length
    return points[-1]


def _time(value) -> datetime | None:
    if isinstance(value, datetime):
        return _utc(value)
    if isinstance(value, str):
        try:
            return _utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return None
    return None


def hour_at(forecast: Mapping | None, at: datetime) -> dict | None:
    """The hourly entry covering `at`: the one whose hour contains it, else the nearest within 90 min."""
    if not forecast:
        return None
    at = _utc(at)
    best, best_gap = None, None
    for hour in forecast.get("hourly") or ():
        start = _time(hour.get("time")) if isinstance(hour, Mapping) else None
        if start is None:
            continue
        if start <= at < start + timedelta(hours=1):
            return dict(hour)
        gap = abs(start - at)
        if gap <= NEAREST_HOUR and (best_gap is None or gap < best_gap):
            best, best_gap = hour, gap
    return None if best is None else dict(best)


def forecast_key(lat: float, lon: float) -> tuple[float, float]:
    """The place a point's forecast is asked for: rounded to 0.1° so nearby points share one cached request."""
    return round(float(lat), 1) + 0.0, round(float(lon), 1) + 0.0  # + 0.0: no -0.0 keys


def route_weather(points: Sequence[RoutePoint], forecasts: Mapping[tuple[float, float], dict]) -> list[RouteWeather]:
    """Each point with the forecast hour at its ETA (from `forecasts[forecast_key(point)]`) and its hazards."""
    result = []
    for point in points:
        hour = hour_at(forecasts.get(forecast_key(point.lat, point.lon)), point.eta)
        result.append(RouteWeather(point, hour, tuple(hazards_of(hour))))
    return result
