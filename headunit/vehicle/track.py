"""Recorded tracks (GPX) and movement along them."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from pathlib import Path

EARTH_RADIUS_M = 6_371_000.0


class TrackError(ValueError):
    """A track file that cannot be played."""


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points, in metres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def bearing_deg(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Initial bearing from a to b, degrees clockwise from north."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    y = math.sin(lon2 - lon1) * math.cos(lat2)
    x = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return math.degrees(math.atan2(y, x)) % 360


def offset(point: tuple[float, float], heading: float, metres: float) -> tuple[float, float]:
    """The point `metres` away from `point` towards `heading` (small distances)."""
    lat, lon = point
    d_lat = metres * math.cos(math.radians(heading)) / EARTH_RADIUS_M
    d_lon = metres * math.sin(math.radians(heading)) / (EARTH_RADIUS_M * math.cos(math.radians(lat)))
    return lat + math.degrees(d_lat), lon + math.degrees(d_lon)


@dataclass
class Track:
    """A named drive: the points the simulated car follows."""

    name: str
    points: list[tuple[float, float]]
    loop: bool = True  # a recorded drive starts again at its end; a route stops there

    def __post_init__(self) -> None:
        self._cumulative = [0.0]
        for a, b in zip(self.points, self.points[1:]):
            self._cumulative.append(self._cumulative[-1] + distance_m(a, b))

    @property
    def length_m(self) -> float:
        return self._cumulative[-1]

    def at(self, travelled_m: float) -> tuple[float, float, float]:
        """(lat, lon, heading) after `travelled_m` metres, looping at the end or staying there."""
        d = travelled_m % self.length_m if self.loop else max(0.0, min(travelled_m, self.length_m))
        i = min(bisect.bisect_right(self._cumulative, d) - 1, len(self.points) - 2)
        a, b = self.points[i], self.points[i + 1]
        seg = self._cumulative[i + 1] - self._cumulative[i]
        t = 0.0 if seg == 0 else (d - self._cumulative[i]) / seg
        return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, bearing_deg(a, b)

    @classmethod
    def from_gpx(cls, path: Path) -> "Track":
        import xml.etree.ElementTree as ET  # here, not at the top: 1 MB that only a GPX track needs

        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as exc:
            raise TrackError(f"{path}: not a readable GPX file ({exc})") from None
        points = []
        for el in root.iter():
            if el.tag.rsplit("}", 1)[-1] in ("trkpt", "rtept"):
                try:
                    points.append((float(el.attrib["lat"]), float(el.attrib["lon"])))
                except (KeyError, ValueError):
                    raise TrackError(f"{path}: a track point without a numeric lat and lon") from None
        if len(points) < 2:
            raise TrackError(f"{path}: expected a track of at least 2 points, found {len(points)}")
        name = next((el.text for el in root.iter() if el.tag.endswith("}name") and el.text), path.stem)
        return cls(name, points)
