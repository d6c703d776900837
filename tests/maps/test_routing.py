"""Car routes over the imported regions: shapes, instructions in the driver's language, and no-route cases."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from headunit.maps import NoRoute, Router
from headunit.maps.geo import decode_polyline6, distance_m, line_length_m
from tests.maps.conftest import FONTVIEILLE, PLACE_DU_CASINO

# Helsinki's extract cuts one-way streets at its edge: nothing leads from Postikuja to this end of Vilhonkatu.
POSTIKUJA = (60.17202, 24.93737)
VILHONKATU = (60.17194, 24.94441)
SEA_OFF_MONACO = (43.7200, 7.4500)  # inside the extract, a kilometre and more from any road
# A two-way street below the Rocher: a car can set off either way.
TWO_WAY = (43.7370, 7.4210)


@pytest.fixture(scope="module")
def monaco(monaco_region) -> Router:
    return Router(monaco_region)


@pytest.fixture(scope="module")
def helsinki(helsinki_region) -> Router:
    return Router(helsinki_region)


def test_a_route_across_monaco_with_alternates(monaco):
    routes = monaco.route(PLACE_DU_CASINO, FONTVIEILLE)
    assert 1 <= len(routes) <= 3
    best = routes[0]
    assert 2000 < best.distance_m < 5000 and 60 < best.duration_s < 900
    assert best.distance_m == pytest.approx(line_length_m(best.shape), rel=0.05)
    assert distance_m(*best.shape[0], *PLACE_DU_CASINO) < 50 and distance_m(*best.shape[-1], *FONTVIEILLE) < 50
    kinds = [m.kind for m in best.maneuvers]
    assert kinds[0] == "depart" and kinds[-1] == "arrive" and "left" in kinds
    assert best.maneuvers[-1].end_shape_index == len(best.shape) - 1
    for before, after in zip(best.maneuvers, best.maneuvers[1:]):
        assert before.end_shape_index == after.begin_shape_index
    assert sum(m.length_m for m in best.maneuvers) == pytest.approx(best.distance_m, rel=0.02)
    for other in routes[1:]:
        assert other.shape != best.shape


def test_no_alternates_when_none_are_asked_for(monaco):
    assert len(monaco.route(PLACE_DU_CASINO, FONTVIEILLE, alternates=0)) == 1


def test_instructions_and_voice_texts_in_german(monaco):
    best = monaco.route(PLACE_DU_CASINO, FONTVIEILLE, language="de")[0]
    assert best.language == "de"
    turn = next(m for m in best.maneuvers if m.kind == "left")
    assert turn.instruction.startswith("Links auf") and turn.instruction.endswith("abbiegen.")
    assert "abbiegen" in turn.verbal_pre and turn.verbal_alert and turn.street_names
    assert "Ziel" in best.maneuvers[-1].instruction


def test_chinese_instructions_are_chinese(monaco):
    best = monaco.route(PLACE_DU_CASINO, FONTVIEILLE, language="zh_CN")[0]
    assert best.language == "zh_CN" and best.maneuvers[1].instruction == "左转进入 Boulevard des Moulins"


def test_a_route_in_miles_speaks_miles_and_still_measures_metres(monaco):
    metric = monaco.route(PLACE_DU_CASINO, FONTVIEILLE, alternates=0)[0]
    imperial = monaco.route(PLACE_DU_CASINO, FONTVIEILLE, alternates=0, units="mi")[0]
    assert imperial.units == "mi" and metric.units == "km"
    assert imperial.distance_m == pytest.approx(metric.distance_m, rel=0.01)
    assert [m.length_m for m in imperial.maneuvers] == pytest.approx([m.length_m for m in metric.maneuvers],
                                                                      rel=0.01, abs=2)
    posts = " ".join(m.verbal_post for m in imperial.maneuvers)
    assert ("feet" in posts or "mile" in posts) and "meters" not in posts and "kilometer" not in posts


def test_no_route_between_streets_the_map_cuts_apart(helsinki):
    with pytest.raises(NoRoute) as caught:
        helsinki.route(POSTIKUJA, VILHONKATU)
    message = str(caught.value)
    assert message.startswith("No route:") and "one-way streets or the edge of the map" in message
    assert caught.value.reason == "not_connected"
    assert helsinki.route(VILHONKATU, (60.1699, 24.9384))  # both ends are on roads


def test_no_route_from_the_sea(monaco):
    with pytest.raises(NoRoute, match=r"^No route: there is no road within 500 m of the start \(43.72000") as start:
        monaco.route(SEA_OFF_MONACO, FONTVIEILLE)
    with pytest.raises(NoRoute, match="of the destination") as destination:
        monaco.route(PLACE_DU_CASINO, SEA_OFF_MONACO)
    assert (start.value.reason, destination.value.reason) == ("no_road_near_start", "no_road_near_destination")


def test_no_route_outside_the_region(monaco):
    with pytest.raises(NoRoute, match=r"No route: the destination \(60.17194, 24.94441\) is outside the map") as caught:
        monaco.route(PLACE_DU_CASINO, VILHONKATU)
    assert caught.value.reason == "outside_region"


def test_a_heading_starts_the_route_the_way_the_car_faces(monaco):
    for heading in (20, 160):
        first = monaco.route(TWO_WAY, FONTVIEILLE, heading=heading, alternates=0)[0].maneuvers[0]
        turn = abs((first.bearing_after - heading + 180) % 360 - 180)
        assert turn <= 45, (heading, first.bearing_after)


def test_routes_from_several_threads_at_once(monaco):
    expected = monaco.route(PLACE_DU_CASINO, FONTVIEILLE, alternates=0)[0].shape
    with ThreadPoolExecutor(4) as pool:
        shapes = list(pool.map(lambda _: monaco.route(PLACE_DU_CASINO, FONTVIEILLE, alternates=0)[0].shape,
                               range(16)))
    assert all(shape == expected for shape in shapes)


def test_polyline_decoding_matches_the_published_example():
    """Google's example polyline (precision 5: 38.5,-120.2 40.7,-120.95 43.252,-126.453), read at 1e-6."""
    points = decode_polyline6("_p~iF~ps|U_ulLnnqC_mqNvxq`@")
    flat = [value for point in points for value in point]
    assert flat == pytest.approx([3.85, -12.02, 4.07, -12.095, 4.3252, -12.6453], abs=1e-9)


def test_every_point_of_the_shape_follows_on_from_the_last(monaco, monaco_region):
    shape = monaco.route(PLACE_DU_CASINO, FONTVIEILLE, alternates=0)[0].shape
    assert all(monaco_region.contains(*point) for point in shape)
    assert max(distance_m(*a, *b) for a, b in zip(shape, shape[1:])) < 500


def test_a_route_becomes_json(monaco):
    data = monaco.route(PLACE_DU_CASINO, FONTVIEILLE, alternates=0)[0].to_json()
    assert set(data) == {"distance_m", "duration_s", "language", "maneuvers", "shape", "speed_limits"}
    json.dumps(data)
    assert set(data["maneuvers"][0]) >= {"instruction", "kind", "street_names", "length_m", "duration_s", "type",
                                         "verbal_pre", "verbal_post", "verbal_alert", "begin_shape_index",
                                         "end_shape_index", "bearing_after"}
