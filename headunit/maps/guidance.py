"""Turn-by-turn guidance over a route, fed one position fix at a time.

`Guidance.update()` places the car on the route (map matching), says how far it is to the next maneuver
and to the destination, which voice prompts are due now, and whether the car has left the route or
arrived. Pure Python, no Qt: a navigation app calls it from its position handler and speaks the prompts.

Voice prompts per maneuver, each spoken at most once and never late for a maneuver already passed:
- "alert": early notice, at max(200 m, 15 s at the current speed) before it, with the distance
  ("In 200 meters, turn left onto ..."), only when the leg before it is long enough to be worth it;
- "pre": just before it, at max(40 m, 5 s): valhalla's pre-transition text, which names the maneuver after
  it too when that one follows closely; for the first maneuver (depart) it is said when guidance starts;
- "post": right after it, when the leg that follows is long ("Continue for 2 kilometers.");
- "arrive": once, at the destination.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from headunit.maps.geo import EARTH_RADIUS_M, distance_m

if TYPE_CHECKING:
    from headunit.maps.routing import Maneuver, Route

ALERT_MIN_M, ALERT_LEAD_S = 200.0, 15.0
PRE_MIN_M, PRE_LEAD_S = 40.0, 5.0
#: An alert needs this much road after the previous maneuver, or it would follow its prompts at once.
ALERT_GAP_M = 100.0
#: Below this speed a GPS heading is noise.
HEADING_MIN_KMH = 5.0
#: How far a candidate segment whose direction disagrees with the car's heading is pushed back in the
#: match, so that a route passing the same road in both directions matches the side the car drives on.
WRONG_DIRECTION_PENALTY_M = 30.0
#: Heading this far from the route's direction means the car drives against the route.
OPPOSITE_DEG = 135.0
#: How far behind its last matched position the car may be matched again (GPS jitter), and how far
#: ahead beyond the distance it can have driven since (half as fast again as the fastest it went since
#: then, or 30 km/h).
MATCH_BACK_M, MATCH_AHEAD_M = 30.0, 50.0

# "In <distance>, <cue>" for the alert. valhalla has this phrase (approach_verbal_alert) but only uses it in
# its OSRM-format output, so the route's maneuvers carry the cue without a distance; these rows say it the
# way valhalla's locales do. Each row: phrase, metres, one kilometre, kilometres, decimal separator, and
# the first words of a cue written in lower case after the distance. A language without a row gets the
# cue alone, which is still right, only less precise. Chinese cues come from headunit.maps.instructions
# (Valhalla 3.9 has no Chinese texts), which writes distances the same way ("200米").
APPROACH = {
    "en": ("In {distance}, {cue}", "{n} meters", "1 kilometer", "{n} kilometers", ".",
           {"Turn", "Bear", "Make", "Keep", "Continue", "Enter", "Exit", "Take", "Merge", "Stay", "Remain",
            "Drive", "Head", "Your", "You"}),
    "de": ("In {distance}, {cue}", "{n} Metern", "einem Kilometer", "{n} Kilometern", ",",
           {"Links", "Rechts", "Leicht", "Scharf", "Nach", "Auf", "In", "Aus", "Am", "An", "Um", "Mit", "Zu",
            "Weiter", "Geradeaus", "Das", "Die", "Einfädeln"}),
    "zh": ("{distance}后，{cue}", "{n}米", "1公里", "{n}公里", ".", set()),
}


METRES_PER_MILE = 1609.344
FEET_PER_MILE = 5280


def spoken_miles(metres: float) -> str:
    """A distance in English the way valhalla says it for a route in miles: 10 ft steps below 100 ft,
    100 ft steps below 1000 ft, then a quarter, a half, 1 mile, and miles to one decimal."""
    miles = metres / METRES_PER_MILE
    feet = miles * FEET_PER_MILE
    if feet < 95:
        return f"{max(10, int(round(feet / 10)) * 10)} feet"
    if miles < 0.1875:
        return f"{int(round(feet / 100)) * 100} feet"
    if miles < 0.375:
        return "a quarter mile"
    if miles < 0.625:
        return "a half mile"
    if round(miles, 1) <= 1:
        return "1 mile"
    return f"{round(miles, 1):.1f}".removesuffix(".0") + " miles"


def spoken_distance(metres: float, language: str, units: str = "km") -> str:
    """A distance rounded the way valhalla's voice texts round it: 10 m steps below 100 m, 100 m steps
    below 1 km, then kilometres to one decimal; in English, feet and miles when `units` is "mi"."""
    if units == "mi" and _language_key(language) == "en":
        return spoken_miles(metres)
    _, unit_m, one_km, unit_km, decimal_point, _ = APPROACH[_language_key(language) or "en"]
    if metres < 95:
        return unit_m.format(n=max(10, int(round(metres / 10)) * 10))
    if metres < 950:
        return unit_m.format(n=int(round(metres / 100)) * 100)
    km = round(metres / 1000, 1)
    if km == 1:
        return one_km
    text = f"{km:.1f}".removesuffix(".0").replace(".", decimal_point)
    return unit_km.format(n=text)


def approach_text(cue: str, metres: float, language: str, units: str = "km") -> str:
    """The alert `cue` preceded by the distance to it, in `language` and `units` ("km" or "mi"; in miles
    only English has the words here, so other languages say the cue alone)."""
    key = _language_key(language)
    if key is None or (units == "mi" and key != "en"):
        return cue
    phrase, *_, lower_first = APPROACH[key]
    if cue.split(" ", 1)[0].rstrip(".") in lower_first:
        cue = cue[0].lower() + cue[1:]
    return phrase.format(distance=spoken_distance(metres, key, units), cue=cue)


def _language_key(language: str) -> str | None:
    key = language.replace("-", "_").split("_")[0].lower()
    return key if key in APPROACH else None


@dataclass(frozen=True)
class Prompt:
    """Something to say now."""

    text: str
    kind: str  # "alert", "pre", "post" or "arrive"
    maneuver: int


@dataclass(frozen=True)
class GuidanceUpdate:
    """What `Guidance.update()` found for one position fix: where the car is on the route and what is due."""

    progress_m: float  # along the route from its start
    remaining_m: float
    remaining_s: float  # the route's own durations, scaled by how much of the current leg is left
    next_maneuver: int  # index into route.maneuvers; the destination once nothing else is ahead
    distance_to_next_m: float
    instruction: str  # the next maneuver's, for the screen
    street: str
    kind: str
    prompts: list[Prompt]
    off_route: bool  # an event: true once when the car has left the route
    on_route: bool  # this fix matched the route (near it, in its direction)
    arrived: bool  # stays true once the destination is reached
    distance_from_route_m: float
    matched: tuple[float, float]  # (lat, lon) of the car's place on the route, for the map
    #: The route's shape point at the start of the segment the car is on: the part before it is driven.
    shape_index: int = 0
    #: The speed limit where the car is, in km/h; None where the map has none.
    speed_limit_kmh: int | None = None
    #: The maneuver after the next one (index into route.maneuvers); -1 when the next one is the destination.
    following: int = -1


class _LocalFrame:
    """Equirectangular metres around the route's start, for projecting the car onto the route: a few per cent
    off sideways hundreds of kilometres away, which a 40 m threshold does not notice. Lengths along the
    route are measured on the sphere."""

    def __init__(self, lat0: float, lon0: float):
        self._lat0, self._lon0 = lat0, lon0
        self._ky = math.radians(1) * EARTH_RADIUS_M
        self._kx = self._ky * math.cos(math.radians(lat0))

    def to_xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (lon - self._lon0) * self._kx, (lat - self._lat0) * self._ky

    def to_latlon(self, x: float, y: float) -> tuple[float, float]:
        return self._lat0 + y / self._ky, self._lon0 + x / self._kx


@dataclass
class _Match:
    distance_m: float  # from the car to the route
    along_m: float
    segment: int
    bearing: float


def _angle_between(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


class Guidance:
    """Follows one route. Make a new one for a new route (after a reroute, for instance)."""

    def __init__(self, route: Route, *, off_route_m: float = 40.0, off_route_after_s: float = 1.0,
                 arrive_within_m: float = 25.0, post_min_leg_m: float = 1000.0):
        if len(route.shape) < 2 or not route.maneuvers:
            raise ValueError(f"guidance needs a route with at least 2 shape points and a maneuver, got "
                             f"{len(route.shape)} points and {len(route.maneuvers)} maneuvers")
        self.route = route
        self.off_route_m, self.off_route_after_s = off_route_m, off_route_after_s
        self.arrive_within_m, self.post_min_leg_m = arrive_within_m, post_min_leg_m
        self._frame = _LocalFrame(*route.shape[0])
        self._xy = [self._frame.to_xy(lat, lon) for lat, lon in route.shape]
        self._cumulative = [0.0]
        self._bearings = []
        for (a, b), (x1, y1), (x2, y2) in zip(zip(route.shape, route.shape[1:]), self._xy, self._xy[1:]):
            self._cumulative.append(self._cumulative[-1] + distance_m(*a, *b))
            self._bearings.append(math.degrees(math.atan2(x2 - x1, y2 - y1)) % 360)
        last_index = len(self._xy) - 1
        self._maneuver_at_m = [self._cumulative[min(m.begin_shape_index, last_index)] for m in route.maneuvers]
        durations = [m.duration_s for m in route.maneuvers]
        self._duration_from = [sum(durations[i:]) for i in range(len(durations))] + [0.0]

        self._progress_m = 0.0
        self._segment = 0
        self._matched_at: float | None = None  # time of the last fix on the route
        # The fastest speed reported since then: a car that stopped after fixes came late (a busy head unit,
        # a GPS gap) covered the gap at its old speed, not at the zero it reports now.
        self._top_kmh_since_match = 0.0
        self._started = False
        self._spoken: set[tuple[str, int]] = set()
        self._off_since: float | None = None
        self._off_fixes = 0
        self._off_reported = False
        self._arrived = False

    @property
    def length_m(self) -> float:
        """The route's length in metres."""
        return self._cumulative[-1]

    def update(self, lat: float, lon: float, speed_kmh: float, heading: float | None,
               now_s: float) -> GuidanceUpdate:
        """Place a position fix on the route and say what is due. `heading` in degrees from north, or None."""
        x, y = self._frame.to_xy(lat, lon)
        speed_kmh = max(0.0, speed_kmh or 0.0)
        heading_known = heading is not None and not math.isnan(heading) and speed_kmh >= HEADING_MIN_KMH
        self._top_kmh_since_match = max(self._top_kmh_since_match, speed_kmh)
        match = self._match(x, y, heading if heading_known else None, self._top_kmh_since_match, now_s)
        wrong_way = heading_known and _angle_between(heading, match.bearing) > OPPOSITE_DEG
        on_route = match.distance_m <= self.off_route_m and not wrong_way
        if on_route:
            self._progress_m, self._segment, self._matched_at = match.along_m, match.segment, now_s
            self._top_kmh_since_match = speed_kmh

        prompts: list[Prompt] = []
        end_x, end_y = self._xy[-1]
        on_last_leg = self._next_maneuver() == len(self.route.maneuvers) - 1
        if not self._arrived and (
                (on_route and self.length_m - self._progress_m <= self.arrive_within_m)
                or (on_last_leg and math.hypot(x - end_x, y - end_y) <= self.arrive_within_m)):
            self._arrived = True
            last = len(self.route.maneuvers) - 1
            destination = self.route.maneuvers[last]
            prompts.append(Prompt(destination.verbal_pre or destination.instruction, "arrive", last))
        elif on_route and not self._arrived:
            prompts = self._due_prompts(speed_kmh / 3.6)

        return self._status(match, on_route, self._off_route_event(on_route, now_s), prompts)

    # Map matching.

    def _match(self, x: float, y: float, heading: float | None, speed_kmh: float, now_s: float) -> _Match:
        """The nearest point of the route within reach of the last match: behind it by a little GPS
        jitter, ahead of it by how far the car can have driven since, so a route passing the same road
        twice does not jump to the later pass. The first fix may match anywhere."""
        if self._matched_at is None:
            first, last = 0, len(self._bearings) - 1
        else:
            elapsed = max(0.0, now_s - self._matched_at)
            ahead = MATCH_AHEAD_M + 1.5 * elapsed * max(speed_kmh, 30.0) / 3.6
            first = max(0, bisect.bisect_right(self._cumulative, self._progress_m - MATCH_BACK_M) - 1)
            last = min(len(self._bearings) - 1,
                       bisect.bisect_left(self._cumulative, self._progress_m + ahead))
        best: _Match | None = None
        best_cost = math.inf
        for i in range(first, last + 1):
            (x1, y1), (x2, y2) = self._xy[i], self._xy[i + 1]
            dx, dy = x2 - x1, y2 - y1
            length_sq = dx * dx + dy * dy
            t = 0.0 if length_sq == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length_sq))
            distance = math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
            cost = distance
            if heading is not None and length_sq and _angle_between(heading, self._bearings[i]) > 90:
                cost += WRONG_DIRECTION_PENALTY_M
            if cost < best_cost:
                along = self._cumulative[i] + t * (self._cumulative[i + 1] - self._cumulative[i])
                best, best_cost = _Match(distance, along, i, self._bearings[i]), cost
        assert best is not None
        return best

    def _off_route_event(self, on_route: bool, now_s: float) -> bool:
        """True once when the car has been off the route for two fixes and `off_route_after_s`: a single
        GPS jump does not count. Once arrived, leaving the road is parking, not a wrong turn."""
        if on_route or self._arrived:
            self._off_since, self._off_fixes, self._off_reported = None, 0, False
            return False
        if self._off_since is None:
            self._off_since = now_s
        self._off_fixes += 1
        if (not self._off_reported and self._off_fixes >= 2
                and now_s - self._off_since >= self.off_route_after_s):
            self._off_reported = True
            return True
        return False

    # Prompts.

    def _next_maneuver(self) -> int:
        """The first maneuver after the departure still ahead of the car; the destination at the end."""
        i = bisect.bisect_right(self._maneuver_at_m, self._progress_m)
        return max(1, min(i, len(self._maneuver_at_m) - 1))

    def _due_prompts(self, speed_ms: float) -> list[Prompt]:
        maneuvers = self.route.maneuvers
        nxt = self._next_maneuver()
        current = nxt - 1
        pre_at = max(PRE_MIN_M, PRE_LEAD_S * speed_ms)
        alert_at = max(ALERT_MIN_M, ALERT_LEAD_S * speed_ms)
        prompts: list[Prompt] = []

        if not self._started:
            self._started = True
            if current == 0 and self._progress_m <= max(100.0, pre_at):
                depart = maneuvers[0]
                self._say(prompts, "pre", 0, depart.verbal_pre or depart.instruction)
            self._spoken.add(("pre", 0))  # a guidance joined mid-route does not announce the departure

        leg_after_current = self._maneuver_at_m[nxt] - self._maneuver_at_m[current]
        past_current = self._progress_m - self._maneuver_at_m[current]
        if leg_after_current >= self.post_min_leg_m and 0 < past_current <= max(100.0, pre_at):
            self._say(prompts, "post", current, maneuvers[current].verbal_post)

        to_next = self._maneuver_at_m[nxt] - self._progress_m
        upcoming: Maneuver = maneuvers[nxt]
        if (pre_at < to_next <= alert_at and leg_after_current >= alert_at + ALERT_GAP_M
                and upcoming.verbal_alert and ("pre", nxt) not in self._spoken):
            self._say(prompts, "alert", nxt, approach_text(upcoming.verbal_alert, to_next, self.route.language,
                                                          self.route.units))
        if nxt < len(maneuvers) - 1 and 0 <= to_next <= pre_at:  # the destination's is the arrive prompt
            self._say(prompts, "pre", nxt, upcoming.verbal_pre or upcoming.instruction)
        return prompts

    def _say(self, prompts: list[Prompt], kind: str, maneuver: int, text: str | None) -> None:
        if text and (kind, maneuver) not in self._spoken:
            self._spoken.add((kind, maneuver))
            prompts.append(Prompt(text, kind, maneuver))

    # Status.

    def _status(self, match: _Match, on_route: bool, off_route: bool, prompts: list[Prompt]) -> GuidanceUpdate:
        maneuvers = self.route.maneuvers
        last = len(maneuvers) - 1
        nxt = last if self._arrived else self._next_maneuver()
        to_next = 0.0 if self._arrived else max(0.0, self._maneuver_at_m[nxt] - self._progress_m)
        remaining_m = 0.0 if self._arrived else max(0.0, self.length_m - self._progress_m)
        current = nxt - 1
        leg = self._maneuver_at_m[nxt] - self._maneuver_at_m[current]
        share_left = min(1.0, to_next / leg) if leg > 0 else 0.0
        remaining_s = 0.0 if self._arrived else (
            share_left * maneuvers[current].duration_s + self._duration_from[nxt])
        upcoming = maneuvers[nxt]
        x1, y1 = self._xy[self._segment]
        x2, y2 = self._xy[self._segment + 1]
        seg_len = self._cumulative[self._segment + 1] - self._cumulative[self._segment]
        t = 0.0 if seg_len == 0 else (self._progress_m - self._cumulative[self._segment]) / seg_len
        return GuidanceUpdate(
            progress_m=self._progress_m, remaining_m=remaining_m, remaining_s=remaining_s,
            next_maneuver=nxt, distance_to_next_m=to_next, instruction=upcoming.instruction,
            street=", ".join(upcoming.street_names or ()), kind=upcoming.kind, prompts=prompts,
            off_route=off_route, on_route=on_route, arrived=self._arrived,
            distance_from_route_m=match.distance_m,
            matched=self._frame.to_latlon(x1 + t * (x2 - x1), y1 + t * (y2 - y1)),
            shape_index=len(self._xy) - 1 if self._arrived else self._segment,
            speed_limit_kmh=None if self._arrived else self.route.speed_limit_at(self._segment),
            following=nxt + 1 if nxt + 1 <= last else -1)
