"""Where workshops are for the driver: near the car, or along the route being guided, in the order the car
reaches them. Plain Python, no Qt."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

EARTH_RADIUS_M = 6_371_000.0
#: A workshop counts as "on the way" within this distance of the route.
ROUTE_CORRIDOR_M = 2_000.0
#: The backend is asked around points this far apart along the route ahead ...
ROUTE_SAMPLE_EVERY_M = 30_000.0
#: ... and at most this many points (a longer route is sampled more sparsely).
ROUTE_MAX_SAMPLES = 8

Point = tuple[float, float]


def haversine_m(a: Sequence[float], b: Sequence[float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _project(p: Point, a: Point, b: Point) -> tuple[float, float]:
    """(distance in metres from p to the segment a-b, fraction of a-b where it is closest), on a local plane."""
    scale = math.cos(math.radians((a[0] + b[0]) / 2))
    ax, ay = a[1] * scale, a[0]
    bx, by = b[1] * scale, b[0]
    px, py = p[1] * scale, p[0]
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    f = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    closest = (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
    return haversine_m(p, closest), f


class RouteShape:
    """A route as [(lat, lon), …] with each point's distance from its start."""

    def __init__(self, shape: Iterable[Sequence[float]]):
        self.points: list[Point] = [(float(p[0]), float(p[1])) for p in shape]
        self.along: list[float] = [0.0]
        for a, b in zip(self.points, self.points[1:]):
            self.along.append(self.along[-1] + haversine_m(a, b))

    @property
    def length_m(self) -> float:
        return self.along[-1]

    def locate(self, p: Point) -> tuple[float, float]:
        """(metres from the route, metres along the route) of the route's point closest to `p`."""
        if len(self.points) == 1:
            return haversine_m(p, self.points[0]), 0.0
        best = (math.inf, 0.0)
        for i, (a, b) in enumerate(zip(self.points, self.points[1:])):
            off, f = _project(p, a, b)
            if off < best[0]:
                best = (off, self.along[i] + (self.along[i + 1] - self.along[i]) * f)
        return best

    def point_at(self, along: float) -> Point:
        along = max(0.0, min(along, self.length_m))
        for i in range(1, len(self.points)):
            if along <= self.along[i]:
                leg = self.along[i] - self.along[i - 1]
                f = 0.0 if leg <= 0 else (along - self.along[i - 1]) / leg
                a, b = self.points[i - 1], self.points[i]
                return a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
        return self.points[-1]

    def samples(self, start_m: float, *, every_m: float = ROUTE_SAMPLE_EVERY_M,
                limit: int = ROUTE_MAX_SAMPLES) -> list[Point]:
        """Points from `start_m` to the end, evenly spread, at most `limit`; the end always among them."""
        ahead = max(0.0, self.length_m - start_m)
        count = max(1, min(limit, math.ceil(ahead / every_m) + 1))
        if count == 1:
            return [self.point_at(start_m)]
        step = ahead / (count - 1)
        return [self.point_at(start_m + step * i) for i in range(count)]


def sample_radius_km(shape: RouteShape, start_m: float, samples: int, corridor_m: float = ROUTE_CORRIDOR_M) -> float:
    """The search radius around each sample that covers the corridor between neighbouring samples."""
    ahead = max(0.0, shape.length_m - start_m)
    gap = ahead / max(1, samples - 1) if samples > 1 else 0.0
    return math.ceil((math.hypot(gap / 2, corridor_m) + 500) / 1000)


def along_route(workshops: Iterable[Mapping], shape: RouteShape, car: Point | None,
                corridor_m: float = ROUTE_CORRIDOR_M) -> list[dict]:
    """The workshops within `corridor_m` of the route ahead of the car, in the order the car reaches them, each
    with `detour_m` (its distance from the route) and `distance_m` (along the route from the car, plus the
    detour). Each workshop once, however many of the backend's answers named it."""
    start = shape.locate(car)[1] if car is not None else 0.0
    found: dict[str, dict] = {}
    for w in workshops:
        key = str(w.get("id"))
        if key in found:
            continue
        off, along = shape.locate((float(w["lat"]), float(w["lon"])))
        if off > corridor_m or along < start - corridor_m:
            continue
        found[key] = {**w, "detour_m": off, "distance_m": max(0.0, along - start) + off, "_along": along}
    ordered = sorted(found.values(), key=lambda w: (w["_along"], w["detour_m"]))
    for w in ordered:
        del w["_along"]
    return ordered


def nearest_first(workshops: Iterable[Mapping], car: Point) -> list[dict]:
    """Each workshop once, with `distance_m` from the car (the backend's own when it gives one), nearest first."""
    found: dict[str, dict] = {}
    for w in workshops:
        key = str(w.get("id"))
        if key not in found:
            distance = w.get("distance_m")
            if distance is None:
                distance = haversine_m(car, (float(w["lat"]), float(w["lon"])))
            found[key] = {**w, "distance_m": float(distance)}
    return sorted(found.values(), key=lambda w: w["distance_m"])
