"""Car routes over a region's routing tiles, with turn-by-turn instructions and voice texts (Valhalla).

`Router(region)` loads Valhalla in-process once; `route()` returns the best route first, then up to
`alternates` others. A Router checks that the region's Valhalla configuration points at the folder the region
is in now, and rewrites it if not, so a region folder can be moved or renamed and still routes.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import valhalla

from headunit.maps.errors import MapError, NoRoute
from headunit.maps.geo import LatLon, decode_polyline6
from headunit.maps.instructions import NARRATIVE_LANGUAGE, localize_trip
from headunit.maps.regions import Region
from headunit.maps.results import Maneuver, Route  # noqa: F401 - their public home is here too

#: A start or destination farther than this from any road is "not near a road" (a point in the sea, a park).
SEARCH_CUTOFF_M = 500
#: How far the car's heading may be from the road's direction when a route starts (a reroute while driving).
HEADING_TOLERANCE_DEG = 45

#: Valhalla's tile cache: a city's tiles are a few MB (its default is 1 GB).
MAX_CACHE_BYTES = 64 * 1024 * 1024

#: Our language codes -> Valhalla's locales. Valhalla 3.9 has no Chinese narrative: a Chinese route is asked
#: for in English and headunit.maps.instructions writes its texts in Chinese.
VALHALLA_LANGUAGES = {"en": "en-US", "en_US": "en-US", "de": "de-DE", "zh_CN": NARRATIVE_LANGUAGE}

#: Valhalla's maneuver types (valhalla/odin: DirectionsLeg_Maneuver_Type) -> a short name for icons and logic.
KINDS = {
    0: "none", 1: "depart", 2: "depart", 3: "depart", 4: "arrive", 5: "arrive", 6: "arrive",
    7: "continue", 8: "continue", 9: "slight_right", 10: "right", 11: "sharp_right", 12: "uturn", 13: "uturn",
    14: "sharp_left", 15: "left", 16: "slight_left", 17: "ramp", 18: "ramp", 19: "ramp", 20: "exit", 21: "exit",
    22: "straight", 23: "keep_right", 24: "keep_left", 25: "merge", 26: "roundabout", 27: "roundabout_exit",
    28: "ferry", 29: "ferry", 37: "merge", 38: "merge",
}

#: Our distance units -> Valhalla's, which its voice texts are spoken in ("In a quarter mile, ...").
VALHALLA_UNITS = {"km": "kilometers", "mi": "miles"}
METRES_PER = {"km": 1000.0, "mi": 1609.344}

#: Valhalla's error codes for a location with no road near it, and for two locations no road connects.
_NO_ROAD_NEAR = {171}
_NOT_CONNECTED = {442, 443}


def valhalla_config(region: Region) -> Path:
    """The region's Valhalla configuration file, rewritten first if the region folder has moved since."""
    path = region.path / "valhalla" / "valhalla.json"
    tiles = str(region.routing_tiles.resolve())
    try:
        config = json.loads(path.read_text())
        if config["mjolnir"]["tile_dir"] == tiles:
            return path
    except (OSError, ValueError, KeyError):
        pass
    config = valhalla.get_config(tile_extract="", tile_dir=tiles)
    config["mjolnir"]["max_cache_size"] = MAX_CACHE_BYTES
    staged = path.with_name(f".valhalla.json.{os.getpid()}")
    staged.write_text(json.dumps(config, indent=1))
    os.replace(staged, path)
    return path


class Router:
    """Routes within one region. Thread-safe: one Valhalla actor, used by one thread at a time."""

    def __init__(self, region: Region) -> None:
        self.region = region
        if not region.routing_tiles.is_dir():
            raise MapError(f"{region.path}: the routing tiles are missing; import the region again")
        self._actor = valhalla.Actor(str(valhalla_config(region)))
        self._lock = threading.Lock()

    def route(self, origin: LatLon, destination: LatLon, *, language: str = "en", alternates: int = 2,
              heading: float | None = None, units: str = "km") -> list[Route]:
        """The best route from origin to destination, then up to `alternates` others. `heading` (degrees
        clockwise from north) makes the route start in the direction the car is facing; `units` ("km" or
        "mi") are the ones the voice texts speak in. Raises NoRoute."""
        if units not in VALHALLA_UNITS:
            raise ValueError(f"units: expected one of {', '.join(VALHALLA_UNITS)}, got {units!r}")
        if language.startswith("zh"):
            units = "km"  # headunit.maps.instructions writes the Chinese texts in metres and kilometres
        for label, point in (("start", origin), ("destination", destination)):
            if not self.region.contains(*point):
                raise NoRoute(f"No route: the {label} {_where(point)} is outside the map of {self.region.name}",
                              "outside_region")
        start = {"lat": origin[0], "lon": origin[1], "search_cutoff": SEARCH_CUTOFF_M}
        if heading is not None:
            start.update(heading=round(heading) % 360, heading_tolerance=HEADING_TOLERANCE_DEG)
        request = {
            "locations": [start, {"lat": destination[0], "lon": destination[1], "search_cutoff": SEARCH_CUTOFF_M}],
            "costing": "auto", "units": VALHALLA_UNITS[units], "alternates": max(0, alternates),
            "language": VALHALLA_LANGUAGES.get(language, language.replace("_", "-")),
        }
        try:
            with self._lock:
                answer = json.loads(self._actor.route(json.dumps(request)))
        except valhalla.ValhallaError as exc:
            raise self._no_route(exc, origin, destination) from exc
        trips = [answer["trip"]] + [alternate["trip"] for alternate in answer.get("alternates", [])]
        routes = [_route(trip, language, units) for trip in trips[:1 + max(0, alternates)]]
        self._add_lanes(request, routes)
        for route, trip in zip(routes, trips):
            self._add_speed_limits(route, trip)
        return routes

    def _add_lanes(self, request: dict, routes: list[Route]) -> None:
        """The lanes at each maneuver, where the map has `turn:lanes`. Valhalla's own answer leaves them out;
        its OSRM-style answer to the same request carries them on each step's first intersection (a step
        for each maneuver, in the same order). A few milliseconds; nothing changes when it fails."""
        try:
            with self._lock:
                answer = json.loads(self._actor.route(json.dumps({**request, "format": "osrm"})))
        except (valhalla.ValhallaError, ValueError):
            return
        for route, osrm in zip(routes, answer.get("routes", [])):
            steps = [step for leg in osrm.get("legs", []) for step in leg.get("steps", [])]
            if len(steps) != len(route.maneuvers):
                continue
            for maneuver, step in zip(route.maneuvers, steps):
                maneuver.lanes = lanes_of(step)

    def _add_speed_limits(self, route: Route, trip: dict) -> None:
        """The speed limits along the route (OSM `maxspeed`, as Valhalla keeps them on its edges), read by
        walking the route's edges again. Under a millisecond for a city's route."""
        if len(trip.get("legs", [])) != 1:
            return
        request = {"encoded_polyline": trip["legs"][0]["shape"], "shape_match": "edge_walk", "costing": "auto",
                   "filters": {"attributes": ["edge.speed_limit", "edge.begin_shape_index",
                                              "edge.end_shape_index"], "action": "include"}}
        try:
            with self._lock:
                edges = json.loads(self._actor.trace_attributes(json.dumps(request))).get("edges", [])
        except (valhalla.ValhallaError, ValueError):
            return
        limits: list[list[int]] = []
        for edge in edges:
            kmh = edge.get("speed_limit")
            first, last = edge.get("begin_shape_index"), edge.get("end_shape_index")
            if not isinstance(kmh, int) or kmh <= 0 or first is None or last is None:
                continue  # unknown (no maxspeed), or "unlimited" (255 in Valhalla)
            if kmh >= 255:
                continue
            if limits and limits[-1][2] == kmh and limits[-1][1] == first:
                limits[-1][1] = last
            else:
                limits.append([first, last, kmh])
        route.speed_limits = limits

    def _no_route(self, exc: valhalla.ValhallaError, origin: LatLon, destination: LatLon) -> NoRoute:
        code = getattr(exc, "code", None)
        if code in _NO_ROAD_NEAR:
            far = self._far_from_roads(origin, destination)
            return NoRoute(f"No route: there is no road within {SEARCH_CUTOFF_M} m of the "
                           f"{' or the '.join(label + ' ' + _where(p) for label, p in far)}",
                           f"no_road_near_{far[0][0]}")
        if code in _NOT_CONNECTED:
            return NoRoute(f"No route: no road in the map of {self.region.name} leads from {_where(origin)} to "
                           f"{_where(destination)} (one-way streets or the edge of the map cut it off)",
                           "not_connected")
        return NoRoute(f"No route: {exc}")

    def _far_from_roads(self, origin: LatLon, destination: LatLon) -> list[tuple[str, LatLon]]:
        request = {"costing": "auto", "locations": [
            {"lat": lat, "lon": lon, "search_cutoff": SEARCH_CUTOFF_M} for lat, lon in (origin, destination)]}
        try:
            with self._lock:
                found = json.loads(self._actor.locate(json.dumps(request)))
        except valhalla.ValhallaError:
            return [("start", origin), ("destination", destination)]
        far = [(label, point) for label, point, spot in zip(("start", "destination"), (origin, destination), found)
               if not spot.get("edges")]
        return far or [("start", origin), ("destination", destination)]


#: OSRM's lane indications -> OSM's `turn:lanes` words.
_LANE_TURNS = {"straight": "through", "slight left": "slight_left", "slight right": "slight_right",
               "sharp left": "sharp_left", "sharp right": "sharp_right", "uturn": "reverse", "left": "left",
               "right": "right", "merge to left": "merge_to_left", "merge to right": "merge_to_right"}


def lanes_of(step: dict) -> list[dict]:
    """The lanes at an OSRM step's maneuver, left to right: [{"turns": [...], "recommended": bool}]; [] where
    the map has no `turn:lanes` there."""
    intersections = step.get("intersections") or [{}]
    lanes = intersections[0].get("lanes") or []
    return [{"turns": [_LANE_TURNS.get(i, "through") for i in lane.get("indications", []) if i != "none"]
             or ["through"], "recommended": bool(lane.get("valid") or lane.get("active"))} for lane in lanes]


def _where(point: LatLon) -> str:
    return f"({point[0]:.5f}, {point[1]:.5f})"


def _language(asked: str, answered: str) -> str:
    """Our code for the language Valhalla answered in: the one asked for, or the English it fell back to."""
    answered_base = answered.split("-")[0]
    return asked if answered_base == asked.split("_")[0] else answered_base


def _route(trip: dict, language: str, units: str) -> Route:
    trip = localize_trip(trip, language)
    shape: list[LatLon] = []
    maneuvers: list[Maneuver] = []
    for leg in trip["legs"]:
        offset = max(0, len(shape) - 1)
        points = decode_polyline6(leg["shape"])
        shape.extend(points if not shape else points[1:])
        maneuvers.extend(_maneuver(m, offset, METRES_PER[units]) for m in leg["maneuvers"])
    summary = trip["summary"]
    return Route(distance_m=summary["length"] * METRES_PER[units], duration_s=summary["time"], shape=shape,
                 maneuvers=maneuvers, language=_language(language, trip.get("language", "en-US")),
                 warnings=[w.get("description", "") for w in trip.get("warnings", [])], units=units)


def _maneuver(m: dict, offset: int, metres_per_unit: float) -> Maneuver:
    kind = m["type"]
    return Maneuver(
        type=kind, kind=KINDS.get(kind, "continue"), instruction=m.get("instruction", ""),
        verbal_alert=m.get("verbal_transition_alert_instruction", ""),
        verbal_pre=m.get("verbal_pre_transition_instruction", ""),
        verbal_post=m.get("verbal_post_transition_instruction", ""),
        street_names=list(m.get("street_names", [])), length_m=round(m.get("length", 0.0) * metres_per_unit, 1),
        duration_s=m.get("time", 0.0), begin_shape_index=m["begin_shape_index"] + offset,
        end_shape_index=m["end_shape_index"] + offset, bearing_after=m.get("bearing_after"),
        roundabout_exit=m.get("roundabout_exit_count"))
