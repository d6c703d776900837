"""Turn-by-turn guidance on real Monaco routes: a car driven along the route shape at 50 km/h with one fix a
second hears each prompt once, in order, at the right distance, in the route's language; leaving the route
is noticed once, a GPS jump is not, and a reroute from where the car left it leads to the destination."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Iterator

import pytest

from headunit.maps.guidance import Guidance, GuidanceUpdate, approach_text, spoken_distance
from headunit.maps.routing import Route, Router
from headunit.vehicle.track import Track, distance_m, offset

CASINO = (43.73942, 7.42772)  # Place du Casino
#: Avenue Albert II in Fontvieille: the route there passes under its last street in a tunnel first.
FONTVIEILLE = (43.7306, 7.4190)
SPEED_KMH = 50.0
STEP_M = SPEED_KMH / 3.6  # one fix a second
PRE_WINDOW_M = max(40.0, 5 * STEP_M)
ALERT_WINDOW_M = max(200.0, 15 * STEP_M)
ORDER = {"alert": 0, "pre": 1, "post": 2, "arrive": 3}


@pytest.fixture(scope="module")
def router(monaco_region) -> Router:
    return Router(monaco_region)


@pytest.fixture(scope="module")
def route(router) -> Route:
    return router.route(CASINO, FONTVIEILLE, language="en")[0]


@pytest.fixture(scope="module")
def drive_en(route) -> list[tuple[float, GuidanceUpdate]]:
    return drive(Guidance(route), fixes_along(route))


Fix = tuple[float, float, float, float, float]  # travelled m, lat, lon, heading, time s


def fixes_along(route: Route, *, start_m: float = 0.0, end_m: float | None = None,
                start_s: float = 0.0) -> Iterator[Fix]:
    """Positions along the route's shape at 50 km/h, one a second, ending on its last point."""
    track = Track("route", route.shape, loop=False)
    end = track.length_m if end_m is None else end_m
    travelled, now = start_m, start_s
    while True:
        lat, lon, heading = track.at(min(travelled, end))
        yield min(travelled, end), lat, lon, heading, now
        if travelled >= end:
            return
        travelled, now = travelled + STEP_M, now + 1.0


def drive(guidance: Guidance, fixes, speed_kmh: float = SPEED_KMH) -> list[tuple[float, GuidanceUpdate]]:
    return [(travelled, guidance.update(lat, lon, speed_kmh, heading, now))
            for travelled, lat, lon, heading, now in fixes]


def prompts_of(updates: list[tuple[float, GuidanceUpdate]]) -> list[tuple[float, object]]:
    return [(travelled, p) for travelled, u in updates for p in u.prompts]


def maneuver_positions(route: Route) -> list[float]:
    """Metres along the shape at which each maneuver happens."""
    cumulative = [0.0]
    for a, b in zip(route.shape, route.shape[1:]):
        cumulative.append(cumulative[-1] + distance_m(a, b))
    return [cumulative[m.begin_shape_index] for m in route.maneuvers]


def sideways(fix: Fix, metres: float) -> Fix:
    """The same fix moved `metres` to the right of the direction of travel."""
    travelled, lat, lon, heading, now = fix
    return (travelled, *offset((lat, lon), (heading + 90) % 360, metres), heading, now)


class TestPrompts:
    def test_each_prompt_is_said_once_in_route_order_ending_with_one_arrival(self, route, drive_en):
        """Departure first, then per maneuver at most an alert, a pre and a post, in that order; the
        arrival once, last."""
        prompts = [p for _, p in prompts_of(drive_en)]
        keys = [(p.maneuver, ORDER[p.kind]) for p in prompts]
        assert keys == sorted(set(keys))
        assert (prompts[0].kind, prompts[0].maneuver) == ("pre", 0)
        assert [p.kind for p in prompts].count("arrive") == 1
        assert (prompts[-1].kind, prompts[-1].maneuver) == ("arrive", len(route.maneuvers) - 1)
        counts = Counter((p.maneuver, p.kind) for p in prompts)
        assert max(counts.values()) == 1
        assert {p.maneuver for p in prompts if p.kind == "pre"} == set(range(len(route.maneuvers) - 1))

    def test_pre_prompts_come_just_before_their_maneuver(self, route, drive_en):
        """Each turn's pre prompt comes before the turn, within 5 s at 50 km/h, and no more than one fix
        later than that unless the maneuver before it was closer still."""
        at = maneuver_positions(route)
        pres = [(travelled, p) for travelled, p in prompts_of(drive_en) if p.kind == "pre" and p.maneuver > 0]
        for travelled, p in pres:
            ahead = at[p.maneuver] - travelled
            assert 0 < ahead <= PRE_WINDOW_M + 1, (p, ahead)
            if at[p.maneuver] - at[p.maneuver - 1] > PRE_WINDOW_M + STEP_M:
                assert ahead > PRE_WINDOW_M - STEP_M - 1, (p, ahead)

    def test_alerts_say_how_far_the_maneuver_is(self, route, drive_en):
        """After a long leg the maneuver is announced about 200 m ahead, with the distance."""
        at = maneuver_positions(route)
        alerts = [(travelled, p) for travelled, p in prompts_of(drive_en) if p.kind == "alert"]
        assert alerts
        for travelled, p in alerts:
            ahead = at[p.maneuver] - travelled
            assert ALERT_WINDOW_M - STEP_M - 1 < ahead <= ALERT_WINDOW_M + 1
            assert at[p.maneuver] - at[p.maneuver - 1] > ALERT_WINDOW_M
            assert p.text == "In 200 meters, " + route.maneuvers[p.maneuver].verbal_alert[0].lower() \
                + route.maneuvers[p.maneuver].verbal_alert[1:]

    def test_a_long_leg_is_announced_after_the_turn_onto_it(self, route, drive_en):
        """Turning onto Avenue d'Ostende (1 km) is followed by "Continue for 1 kilometer"."""
        posts = [(travelled, p) for travelled, p in prompts_of(drive_en) if p.kind == "post"]
        at = maneuver_positions(route)
        assert [p.text for _, p in posts] == ["Continue for 1 kilometer."]
        travelled, p = posts[0]
        assert route.maneuvers[p.maneuver].street_names == ["Avenue d'Ostende"]
        assert 0 < travelled - at[p.maneuver] <= STEP_M + 1

    def test_german_route_gives_german_prompts(self, router):
        route = router.route(CASINO, FONTVIEILLE, language="de")[0]
        texts = [p.text for _, p in prompts_of(drive(Guidance(route), fixes_along(route)))]
        assert texts[0].startswith("Auf Place du Casino Richtung Nordwesten fahren.")
        assert "In 200 Metern, auf Place d'Armes fahren und die zweite Ausfahrt auf Avenue du Port nehmen." in texts
        assert "einen Kilometer weiter der Route folgen." in texts
        assert texts[-1] == "Ziel befindet sich auf der rechten Seite."
        english = {"Turn", "Continue", "meters", "Enter", "Exit", "destination"}
        assert not [t for t in texts if english & set(t.replace(".", " ").split())]

    def test_a_maneuver_jumped_over_gets_no_prompts_late(self, route):
        """GPS is lost while the car passes two turns: neither is announced late; the one ahead still is."""
        at = maneuver_positions(route)
        guidance = Guidance(route)
        before = drive(guidance, fixes_along(route, end_m=at[2] - 100))
        lost_s = (at[3] + 20 - before[-1][0]) / STEP_M
        after = drive(guidance, fixes_along(route, start_m=at[3] + 20, start_s=len(before) - 1 + lost_s))
        assert after[0][1].on_route
        said = {(p.maneuver, p.kind) for _, p in prompts_of(before + after)}
        assert not {(2, "pre"), (3, "pre"), (2, "alert"), (3, "alert")} & said
        assert (4, "pre") in said
        assert after[-1][1].arrived


    def test_a_car_that_stopped_at_the_destination_while_fixes_came_late_has_arrived(self, route):
        """The head unit was busy for a few seconds while the car drove the last 200 m at 130 km/h: the next
        fix already stands at the destination, speed 0. The car covered that gap at its old speed, so it is on
        the route and has arrived, not off the route."""
        guidance = Guidance(route)
        length_m = Track("route", route.shape, loop=False).length_m
        before = drive(guidance, fixes_along(route, end_m=length_m - 200), speed_kmh=130.0)
        _, lat, lon, heading, _ = list(fixes_along(route))[-1]
        last = guidance.update(lat, lon, 0.0, heading, before[-1][0] / STEP_M + 200 / (130 / 3.6))
        assert last.on_route and last.arrived and not last.off_route
        assert [p.kind for p in last.prompts] == ["arrive"]


class TestProgress:
    def test_distances_and_times_count_down_to_the_destination(self, route, drive_en):
        first, last = drive_en[0][1], drive_en[-1][1]
        assert first.remaining_m == pytest.approx(route.distance_m, rel=0.01)
        assert first.remaining_s == pytest.approx(route.duration_s, rel=0.01)
        assert first.next_maneuver == 1
        assert first.street == "Boulevard des Moulins"
        assert first.kind == route.maneuvers[1].kind
        assert first.distance_to_next_m == pytest.approx(maneuver_positions(route)[1], abs=2)
        remaining = [u.remaining_m for _, u in drive_en]
        assert remaining == sorted(remaining, reverse=True)
        seconds = [u.remaining_s for _, u in drive_en]
        assert seconds == sorted(seconds, reverse=True)
        assert last.arrived and last.remaining_m == 0 and last.remaining_s == 0
        assert last.next_maneuver == len(route.maneuvers) - 1

    def test_progress_follows_the_car_where_the_route_passes_its_own_end(self, route, drive_en):
        """The tunnel passes within metres of the last street: matching searches ahead of the car only,
        so progress never jumps there, and the car does not arrive in the tunnel."""
        for travelled, update in drive_en:
            assert update.progress_m == pytest.approx(travelled, abs=3), travelled
            assert update.on_route and not update.off_route
        arrivals = [travelled for travelled, u in drive_en if u.arrived]
        assert arrivals[0] > maneuver_positions(route)[-1] - 25 - STEP_M

    def test_gps_noise_in_the_tunnel_does_not_skip_ahead_to_the_street_above(self, route):
        """Fixes in the tunnel that GPS puts on the route's last street, which it passes under, without a
        heading: matching searches only a little ahead of the car, so it stays in the tunnel, neither advanced
        nor arrived, and the prompts for the roundabout after the tunnel still come."""
        guidance = Guidance(route)
        last_street = Track("last", route.shape[route.maneuvers[-2].begin_shape_index:], loop=False)
        on_last_street = [last_street.at(d)[:2] for d in range(0, int(last_street.length_m) + 1)]
        tunnel = route.maneuvers.index(next(m for m in route.maneuvers if "Tunnel" in " ".join(m.street_names)))
        at = maneuver_positions(route)
        noisy, moved = [], 0
        for travelled, lat, lon, heading, now in fixes_along(route):
            if at[tunnel] < travelled < at[tunnel + 1] - 30:  # not where both meet at the roundabout
                nearest = min(on_last_street, key=lambda p: distance_m(p, (lat, lon)))
                if distance_m(nearest, (lat, lon)) < 15:
                    lat, lon, heading, moved = *nearest, None, moved + 1
            noisy.append((travelled, lat, lon, heading, now))
        assert moved >= 10
        updates = drive(guidance, noisy)
        for travelled, update in updates:
            assert update.progress_m == pytest.approx(travelled, abs=25), travelled
            if abs(travelled - (at[-1] - 25)) > 1:
                assert update.arrived == (travelled > at[-1] - 25), travelled
        said = {(p.maneuver, p.kind) for _, p in prompts_of(updates)}
        assert {(tunnel + 1, "alert"), (tunnel + 1, "pre"), (tunnel + 2, "pre")} <= said

    def test_arrival_is_sticky_and_parking_beside_the_road_is_not_leaving_it(self, route):
        guidance = Guidance(route)
        updates = drive(guidance, fixes_along(route))
        assert updates[-1][1].arrived
        travelled, lat, lon, heading, now = next(fixes_along(route, start_m=math.inf))
        for second in range(1, 5):
            parked = guidance.update(*offset((lat, lon), heading + 90, 60), 5, heading + 90, now + second)
            assert parked.arrived and not parked.off_route and not parked.prompts


class TestOffRoute:
    def test_leaving_the_route_is_reported_once(self, route):
        """80 m to the side of Avenue d'Ostende for six seconds: one off-route event, after two fixes."""
        guidance = Guidance(route)
        on = drive(guidance, fixes_along(route, end_m=900))
        away = [sideways(fix, 80) for fix in fixes_along(route, start_m=900 + STEP_M, end_m=900 + 6 * STEP_M,
                                                          start_s=len(on))]
        updates = drive(guidance, away)
        events = [i for i, (_, u) in enumerate(updates) if u.off_route]
        assert events == [1]
        assert not any(u.on_route for _, u in updates)
        assert not prompts_of(updates)
        assert updates[-1][1].progress_m == pytest.approx(on[-1][1].progress_m)

    def test_a_single_gps_jump_is_not_leaving_the_route(self, route):
        guidance = Guidance(route)
        fixes = list(fixes_along(route))
        fixes[60] = sideways(fixes[60], 60)
        updates = drive(guidance, fixes)
        assert not any(u.off_route for _, u in updates)
        assert not updates[60][1].on_route
        assert updates[-1][1].arrived

    def test_driving_against_the_route_is_leaving_it(self, route):
        """Turning round on the road keeps the car on the route's line, but heading the wrong way."""
        guidance = Guidance(route)
        on = drive(guidance, fixes_along(route, end_m=900))
        back = [(travelled, lat, lon, (heading + 180) % 360)
                for travelled, lat, lon, heading, _ in fixes_along(route, start_m=800, end_m=900)][::-1]
        updates = drive(guidance, [(*fix, len(on) + i) for i, fix in enumerate(back[:5])])
        assert [u.off_route for _, u in updates] == [False, True, False, False, False]
        assert on[-1][1].on_route

    def test_a_reroute_from_where_the_car_left_leads_to_the_destination(self, route, router):
        guidance = Guidance(route)
        on = drive(guidance, fixes_along(route, end_m=900))
        away = [sideways(fix, 80) for fix in fixes_along(route, start_m=900 + STEP_M, end_m=900 + 3 * STEP_M,
                                                          start_s=len(on))]
        updates = drive(guidance, away)
        assert any(u.off_route for _, u in updates)
        _, lat, lon, heading, _ = away[-1]
        rerouted = router.route((lat, lon), FONTVIEILLE, language="en", heading=heading)[0]
        assert distance_m(rerouted.shape[0], (lat, lon)) < 100
        new = drive(Guidance(rerouted), fixes_along(rerouted, start_s=200))
        prompts = [p for _, p in prompts_of(new)]
        assert prompts[0].maneuver == 0 and prompts[-1].kind == "arrive"
        assert [p.kind for p in prompts].count("arrive") == 1
        assert new[-1][1].arrived and not any(u.off_route for _, u in new)


class TestPhrases:
    @pytest.mark.parametrize("metres, language, spoken", [
        (208, "en", "200 meters"), (58, "en", "60 meters"), (1003, "en", "1 kilometer"),
        (1540, "en", "1.5 kilometers"), (2000, "en", "2 kilometers"),
        (312, "de", "300 Metern"), (980, "de", "einem Kilometer"), (1540, "de", "1,5 Kilometern"),
        (208, "zh_CN", "200米"), (1540, "zh_CN", "1.5公里"),
    ])
    def test_distances_are_rounded_as_valhalla_rounds_them(self, metres, language, spoken):
        assert spoken_distance(metres, language) == spoken

    def test_alert_phrases_in_each_language(self):
        assert approach_text("Turn left onto Rue Grimaldi.", 208, "en") == "In 200 meters, turn left onto Rue Grimaldi."
        assert approach_text("Links auf Rue Grimaldi abbiegen.", 208, "de") \
            == "In 200 Metern, links auf Rue Grimaldi abbiegen."
        assert approach_text("Boulevard Albert 1er wird zu Rue Grimaldi.", 208, "de") \
            == "In 200 Metern, Boulevard Albert 1er wird zu Rue Grimaldi."
        assert approach_text("左转进入Rue Grimaldi。", 208, "zh_CN") == "200米后，左转进入Rue Grimaldi。"

    @pytest.mark.parametrize("metres, spoken", [
        (20, "70 feet"), (100, "300 feet"), (213, "700 feet"), (290, "1000 feet"), (402, "a quarter mile"),
        (805, "a half mile"), (1609, "1 mile"), (2414, "1.5 miles"), (4828, "3 miles"),
    ])
    def test_a_route_in_miles_says_feet_and_miles_as_valhalla_does(self, metres, spoken):
        assert spoken_distance(metres, "en", "mi") == spoken
        assert approach_text("Turn right onto Main Street.", metres, "en_US", "mi") \
            == f"In {spoken}, turn right onto Main Street."

    def test_a_route_in_miles_without_english_words_for_them_gets_the_alert_alone(self):
        assert approach_text("Links abbiegen.", 402, "de", "mi") == "Links abbiegen."

    def test_a_language_without_a_phrase_gets_the_alert_alone(self):
        assert approach_text("Tournez à gauche sur Rue Grimaldi.", 208, "fr") == "Tournez à gauche sur Rue Grimaldi."


def test_a_route_in_miles_is_guided_in_feet_and_miles(router):
    route = router.route(CASINO, FONTVIEILLE, language="en", units="mi")[0]
    texts = [p.text for _, p in prompts_of(drive(Guidance(route), fixes_along(route)))]
    alerts = [t for t in texts if t.startswith("In ")]
    assert alerts and all(" feet, " in t or " mile, " in t or " miles, " in t for t in alerts), alerts
    assert not any("meter" in t for t in texts)


def test_a_route_too_short_to_follow_is_refused(route):
    with pytest.raises(ValueError, match="at least 2 shape points"):
        Guidance(dataclasses.replace(route, shape=[CASINO]))


def test_the_emulators_simulated_drive_is_guided_through_a_missed_turn_to_arrival(qapp, route, router):
    """The emulator drives the route, leaves it on request and drives the reroute: guidance hears each."""
    from headunit.shell.connectivity import Connectivity
    from headunit.vehicle.simulator import Simulator
    from headunit.vehicle.state import VehicleState

    clock = [1000.0]
    vehicle = VehicleState(clock=lambda: clock[0])
    sim = Simulator(vehicle, Connectivity(), clock=lambda: clock[0])
    sim.applyDrive("parked")

    def drive_for(guidance: Guidance, seconds: int) -> list[GuidanceUpdate]:
        updates = []
        for _ in range(seconds):
            clock[0] += 1
            sim.tick()
            updates.append(guidance.update(vehicle.latitude, vehicle.longitude, vehicle.speed, vehicle.heading,
                                           clock[0]))
        return updates

    sim.driveRoute([list(p) for p in route.shape])
    guidance = Guidance(route)
    before = drive_for(guidance, 60)  # 830 m at 50 km/h: on Avenue d'Ostende
    assert all(u.on_route for u in before) and not any(u.off_route for u in before)
    sim.leaveRoute()
    away = drive_for(guidance, 5)
    assert [u.off_route for u in away].count(True) == 1
    assert away.index(next(u for u in away if u.off_route)) <= 3

    rerouted = router.route((vehicle.latitude, vehicle.longitude), FONTVIEILLE, heading=vehicle.heading)[0]
    sim.driveRoute([list(p) for p in rerouted.shape])
    guidance = Guidance(rerouted)
    after = drive_for(guidance, int(rerouted.duration_s * 3))
    assert after[-1].arrived and not any(u.off_route for u in after)
    assert [p.kind for u in after for p in u.prompts].count("arrive") == 1
    assert (vehicle.speed, vehicle.gear) == (0.0, "D") and not sim.routeDriving
