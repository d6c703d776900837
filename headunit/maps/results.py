"""What routing and search answer: routes and places, as plain data.

Kept apart from the engines (Valhalla, the search index and its OSM reader), so a sandboxed plugin rebuilds
the same types from the shell's answers without loading either.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from headunit.maps.geo import LatLon


@dataclass
class Maneuver:
    type: int  # Valhalla's maneuver type
    kind: str  # see headunit.maps.routing.KINDS
    instruction: str
    verbal_alert: str
    verbal_pre: str
    verbal_post: str
    street_names: list[str]
    length_m: float
    duration_s: float
    begin_shape_index: int
    end_shape_index: int
    bearing_after: int | None = None
    roundabout_exit: int | None = None
    #: The lanes at the maneuver, left to right, where the map has `turn:lanes`: [{"turns": ["left",
    #: "through"], "recommended": bool}]; the turns are OSM's words (left, slight_left, through, right, …).
    lanes: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Route:
    distance_m: float
    duration_s: float
    shape: list[LatLon]
    maneuvers: list[Maneuver]
    language: str  # the language of the instructions (Valhalla falls back to English)
    warnings: list[str] = field(default_factory=list)
    units: str = "km"  # what the voice texts measure in, "km" or "mi"; the fields here are in metres
    #: Where the map has `maxspeed`: [[first shape index, last shape index, km/h], …] in route order.
    speed_limits: list[list[int]] = field(default_factory=list)

    def speed_limit_at(self, shape_index: int) -> int | None:
        """The speed limit in km/h on the segment that starts at `shape_index`; None where the map has none."""
        for first, last, kmh in self.speed_limits:
            if first <= shape_index < last:
                return kmh
        return None

    def to_json(self) -> dict:
        return {"distance_m": round(self.distance_m, 1), "duration_s": round(self.duration_s, 1),
                "language": self.language, "maneuvers": [m.to_json() for m in self.maneuvers],
                "shape": [[lat, lon] for lat, lon in self.shape],
                "speed_limits": [list(limit) for limit in self.speed_limits]}


@dataclass
class Place:
    id: str  # "node/123", "way/456" or "relation/7": the OSM object
    name: str  # in the language asked for when the map has it, else the local name
    category: str
    lat: float
    lon: float
    distance_m: float = math.nan  # from `near`; along a route: from the route's start, along the route
    street: str = ""
    housenumber: str = ""
    kind: str = ""  # the OSM tag value: restaurant, cafe, supermarket, ...
    off_route_m: float = math.nan  # along a route: how far the place is from the route

    def to_json(self) -> dict:
        return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in asdict(self).items()}
