"""What the screen needs from a route beyond its figures: an icon per manoeuvre, the road it mostly follows,
and the part of it still ahead. Pure Python."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

LatLon = tuple[float, float]
EARTH_RADIUS_M = 6_371_000.0

#: Manoeuvre kinds (headunit.maps.routing.KINDS) -> icons. Roundabouts turn counter-clockwise: right-hand traffic.
ICONS = {
    "depart": "mdi6.ray-start-arrow",
    "arrive": "mdi6.flag-checkered",
    "left": "mdi6.arrow-left-top",
    "right": "mdi6.arrow-right-top",
    "slight_left": "mdi6.arrow-top-left",
    "slight_right": "mdi6.arrow-top-right",
    "keep_left": "mdi6.arrow-top-left",
    "keep_right": "mdi6.arrow-top-right",
    "sharp_left": "mdi6.arrow-bottom-left",
    "sharp_right": "mdi6.arrow-bottom-right",
    "uturn": "mdi6.arrow-u-left-top",
    "roundabout": "mdi6.rotate-left",
    "roundabout_exit": "mdi6.arrow-top-right",
    "merge": "mdi6.call-merge",
    "ferry": "mdi6.ferry",
    "straight": "mdi6.arrow-up",
    "continue": "mdi6.arrow-up",
}
#: Ramps and exits: Valhalla's maneuver type says the side (17 straight, 18/20 right, 19/21 left).
RAMP_ICONS = {17: "mdi6.arrow-up", 18: "mdi6.arrow-top-right", 19: "mdi6.arrow-top-left",
              20: "mdi6.arrow-top-right", 21: "mdi6.arrow-top-left"}


def icon_for(kind: str, maneuver_type: int | None = None) -> str:
    if kind in ("ramp", "exit"):
        return RAMP_ICONS.get(maneuver_type or 0, "mdi6.arrow-top-right")
    return ICONS.get(kind, "mdi6.arrow-up")


#: A lane's turns (OSM `turn:lanes` words) -> arrows.
LANE_ICONS = {
    "left": "mdi6.arrow-left-top", "slight_left": "mdi6.arrow-top-left", "sharp_left": "mdi6.arrow-bottom-left",
    "through": "mdi6.arrow-up", "right": "mdi6.arrow-right-top", "slight_right": "mdi6.arrow-top-right",
    "sharp_right": "mdi6.arrow-bottom-right", "reverse": "mdi6.arrow-u-left-top",
    "merge_to_left": "mdi6.arrow-top-left", "merge_to_right": "mdi6.arrow-top-right",
}


def lane_icon(turns: Sequence[str], kind: str, recommended: bool) -> str:
    """The arrow a lane shows: on a lane to take, the one of its turns the manoeuvre makes (a lane marked
    "through;right" before a right turn shows the right arrow); otherwise its first turn."""
    side = "left" if "left" in kind else "right" if "right" in kind else ""
    if recommended:
        for turn in turns:
            if (side and side in turn) or (not side and turn == "through"):
                return LANE_ICONS.get(turn, "mdi6.arrow-up")
    return LANE_ICONS.get(turns[0] if turns else "through", "mdi6.arrow-up")


def street_of(maneuver) -> str:
    """The one name a manoeuvre's road goes by on the card (the router may list a name and its number)."""
    return maneuver.street_names[0] if maneuver.street_names else ""


def guidable(route) -> bool:
    """Whether guidance can follow it: a line with at least one manoeuvre."""
    return len(route.shape) >= 2 and bool(route.maneuvers)


def main_road(route) -> str:
    """The named road the route follows for the longest distance, for "via …"; "" when none is named."""
    lengths: dict[str, float] = defaultdict(float)
    for maneuver in route.maneuvers:
        if maneuver.street_names:
            lengths[maneuver.street_names[0]] += maneuver.length_m
    return max(lengths, key=lengths.get, default="")


def distance_m(a: LatLon, b: LatLon) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def ahead_of(shape: Sequence[LatLon], here: LatLon) -> list[LatLon]:
    """The route from the shape point nearest the car to its end, starting at the car."""
    if not shape:
        return []
    nearest = min(range(len(shape)), key=lambda i: distance_m(shape[i], here))
    return [here, *shape[nearest + 1:]] if nearest + 1 < len(shape) else [here, shape[-1]]


def known(point: LatLon) -> bool:
    return not any(math.isnan(v) for v in point)
