"""What a route carries for the manoeuvre card beyond its turns, on the Monaco map: speed limits where OSM has
`maxspeed`, lanes where it has `turn:lanes`."""

from __future__ import annotations

import pytest

from headunit.maps.guidance import Guidance
from headunit.maps.routing import Router, lanes_of

#: On Boulevard Princesse Charlotte (maxspeed=50), driving south-west; the Jardin Exotique.
START, HEADING, JARDIN_EXOTIQUE = (43.741191, 7.425226), 213.0, (43.7309, 7.4148)
PLACE_DU_CASINO = (43.73942, 7.42772)


@pytest.fixture(scope="module")
def router(imported_regions):
    return Router(imported_regions("monaco"))


def test_a_route_knows_the_speed_limits_osm_has(router):
    route = router.route(START, JARDIN_EXOTIQUE, heading=HEADING, alternates=0)[0]
    first, last, kmh = route.speed_limits[0]
    assert (first, kmh) == (0, 50) and last > 10
    assert route.speed_limit_at(0) == 50
    assert route.speed_limit_at(len(route.shape) - 2) is None  # Boulevard Rainier III has no maxspeed
    update = Guidance(route).update(*START, 30.0, HEADING, 0.0)
    assert update.speed_limit_kmh == 50 and update.shape_index == 0


def test_the_manoeuvre_after_the_next_one_is_known(router):
    route = router.route(PLACE_DU_CASINO, JARDIN_EXOTIQUE, alternates=0)[0]
    update = Guidance(route).update(*PLACE_DU_CASINO, 0.0, None, 0.0)
    assert update.following == update.next_maneuver + 1


def test_monaco_has_no_turn_lanes_so_no_manoeuvre_has_lanes(router):
    for route in router.route(PLACE_DU_CASINO, JARDIN_EXOTIQUE, alternates=2):
        assert all(m.lanes == [] for m in route.maneuvers)


def test_lanes_come_from_the_routers_steps_left_to_right():
    step = {"intersections": [{"lanes": [
        {"indications": ["left"], "valid": False, "active": False},
        {"indications": ["straight"], "valid": False, "active": False},
        {"indications": ["straight", "right"], "valid": True, "active": True, "valid_indication": "right"},
    ]}]}
    assert lanes_of(step) == [{"turns": ["left"], "recommended": False},
                              {"turns": ["through"], "recommended": False},
                              {"turns": ["through", "right"], "recommended": True}]
    assert lanes_of({"intersections": [{}]}) == [] and lanes_of({}) == []
