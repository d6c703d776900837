"""Small geometry on the sphere: distances, boxes around a point, polylines and their encoding."""

from __future__ import annotations

import math
from collections.abc import Sequence

EARTH_RADIUS_M = 6_371_008.8

LatLon = tuple[float, float]


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def box_around(lat: float, lon: float, radius_m: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box holding every point within radius_m of (lat, lon)."""
    dlat = math.degrees(radius_m / EARTH_RADIUS_M)
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


class LocalPlane:
    """An equirectangular projection around a latitude: metres east and north, accurate over a city."""

    def __init__(self, lat0: float) -> None:
        self._ky = math.radians(1) * EARTH_RADIUS_M
        self._kx = self._ky * math.cos(math.radians(lat0))

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return lon * self._kx, lat * self._ky


def line_length_m(points: Sequence[LatLon]) -> float:
    return sum(distance_m(*a, *b) for a, b in zip(points, points[1:]))


def point_along(points: Sequence[LatLon], fraction: float) -> LatLon:
    """The point `fraction` (0..1) of the way along a polyline."""
    if len(points) == 1:
        return points[0]
    legs = [distance_m(*a, *b) for a, b in zip(points, points[1:])]
    remaining = sum(legs) * fraction
    for (a, b), leg in zip(zip(points, points[1:]), legs):
        if remaining <= leg and leg > 0:
            t = remaining / leg
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        remaining -= leg
    return points[-1]


def decode_polyline6(encoded: str) -> list[LatLon]:
    """Decode Google's encoded-polyline format at 1e-6 precision (what Valhalla returns)."""
    points, index, lat, lon = [], 0, 0, 0
    while index < len(encoded):
        deltas = []
        for _ in range(2):
            shift = result = 0
            while True:
                byte = ord(encoded[index]) - 63
                index += 1
                result |= (byte & 0x1F) << shift
                shift += 5
                if byte < 0x20:
                    break
            deltas.append(~(result >> 1) if result & 1 else result >> 1)
        lat, lon = lat + deltas[0], lon + deltas[1]
        points.append((lat / 1e6, lon / 1e6))
    return points
