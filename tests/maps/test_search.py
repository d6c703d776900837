"""Place search: nearest by category, by name as the driver types it, and along a route."""

from __future__ import annotations

import contextlib
import math
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import osmium
import pytest

from headunit.maps import MapError, Router, SearchIndex, search
from headunit.maps.geo import distance_m
from tests.maps.conftest import FONTVIEILLE, PLACE_DU_CASINO


@pytest.fixture(scope="module")
def monaco(monaco_region) -> SearchIndex:
    index = SearchIndex(monaco_region.search_db)
    yield index
    index.close()


@pytest.fixture(scope="module")
def helsinki(helsinki_region) -> SearchIndex:
    index = SearchIndex(helsinki_region.search_db)
    yield index
    index.close()


def test_nearest_fuel_from_place_du_casino_is_ordered_by_distance(monaco):
    stations = monaco.nearest("fuel", *PLACE_DU_CASINO)
    assert len(stations) == 5 and {p.category for p in stations} == {"fuel"}
    distances = [p.distance_m for p in stations]
    assert distances == sorted(distances)
    for place in stations:
        assert place.distance_m == pytest.approx(distance_m(*PLACE_DU_CASINO, place.lat, place.lon))
    assert stations[0].name == "Agip" and 250 < stations[0].distance_m < 400


def test_nearest_is_the_true_nearest_however_far(monaco, monaco_region):
    every = monaco.nearest("fuel", *PLACE_DU_CASINO, limit=1000)
    assert len(every) == monaco_region.counts["places_fuel"]
    corner = (monaco_region.bbox[0], monaco_region.bbox[1])  # far from every station
    nearest = [p.id for p in sorted(monaco.nearest("fuel", *corner, limit=1000), key=lambda p: p.distance_m)]
    assert [p.id for p in monaco.nearest("fuel", *corner, limit=3)] == nearest[:3]


def test_parking_polygons_count_once_at_their_centre(monaco, monaco_region):
    lots = monaco.nearest("parking", *PLACE_DU_CASINO, limit=1000)
    assert len(lots) == monaco_region.counts["places_parking"] >= 100
    assert any(p.id.startswith("way/") for p in lots) and any(p.id.startswith("node/") for p in lots)
    assert all(monaco_region.contains(p.lat, p.lon) for p in lots)


def test_nearest_five_takes_well_under_five_milliseconds(monaco):
    took = []
    for i in range(200):
        started = time.perf_counter()
        monaco.nearest("fuel", 43.72 + i * 2e-4, 7.40 + i * 2e-4)
        took.append(time.perf_counter() - started)
    assert statistics.median(took) < 0.005


def test_a_few_letters_find_a_street(monaco):
    for query in ("prin", "avenue prin", "Princesse Gr", "PRINCESSE GRACE"):
        names = [p.name for p in monaco.text(query, near=PLACE_DU_CASINO)]
        assert "Avenue Princesse Grace" in names, query
    streets = monaco.text("avenue prin", near=PLACE_DU_CASINO)
    assert all(p.name.lower().startswith("avenue prin") for p in streets)
    assert [p.distance_m for p in streets] == sorted(p.distance_m for p in streets)


def test_accents_do_not_matter(monaco):
    plain = [p.id for p in monaco.text("rue du tenao")]
    assert plain and plain == [p.id for p in monaco.text("Rue du Ténao")]
    assert {"Rue du Ténao", "Boulevard du Tenao"} <= {p.name for p in monaco.text("ténao")}
    assert [p.name for p in monaco.text("hermitáge")] == [p.name for p in monaco.text("Hermitage")]


def test_names_come_in_the_drivers_language(monaco):
    german = monaco.text("botschaft frank", language="de")
    assert [p.name for p in german] == ["Botschaft Frankreichs in Monaco"]
    same = monaco.text("ambassade de france", language="en")
    assert [p.id for p in same] == [german[0].id] and same[0].name == "Embassy of France in Monaco"
    assert monaco.text("embassy of france", language="fr")[0].name == "Ambassade de France à Monaco"
    assert monaco.text("embassy of france", language="zh_CN")[0].name == "Ambassade de France à Monaco"


def test_chinese_names_are_found_from_their_first_characters(helsinki):
    found = helsinki.text("中國", language="zh_CN")
    assert [p.name for p in found] == ["中國樓酒家"] and found[0].category == "food"
    assert helsinki.text("中國", language="fi")[0].name == "Ravintola China"
    assert helsinki.text("樓酒")[0].id == found[0].id  # Chinese has no spaces: a run inside a name matches


def test_a_two_character_chinese_prefix_finds_the_place(tmp_path: Path):
    pbf = tmp_path / "casino.osm.pbf"
    with contextlib.closing(osmium.SimpleWriter(str(pbf))) as writer:
        writer.add_node(osmium.osm.mutable.Node(id=1, location=(7.4277, 43.7394), tags={
            "amenity": "restaurant", "name": "Café de Paris", "name:zh": "摩纳哥巴黎咖啡馆"}))
        writer.add_node(osmium.osm.mutable.Node(id=2, location=(7.4280, 43.7390), tags={
            "amenity": "fuel", "name": "Station", "name:zh": "加油站"}))
    search.build(pbf, tmp_path / "search.db")
    index = SearchIndex(tmp_path / "search.db")
    assert [p.name for p in index.text("摩纳", language="zh_CN")] == ["摩纳哥巴黎咖啡馆"]
    assert [p.name for p in index.text("摩纳", language="en")] == ["Café de Paris"]
    assert [p.id for p in index.text("巴黎")] == ["node/1"]
    assert [p.id for p in index.text("cafe de")] == ["node/1"]
    assert index.text("摩加") == []
    index.close()


def test_queries_that_are_not_words_find_nothing(monaco):
    assert monaco.text("") == [] and monaco.text("  ,;- ") == []
    assert monaco.text('"*(prin') != []  # the punctuation is ignored, the word still counts
    with pytest.raises(MapError, match="unknown category 'petrol'"):
        monaco.nearest("petrol", *PLACE_DU_CASINO)


def test_places_along_a_route_come_in_the_order_the_route_passes_them(monaco, monaco_region):
    shape = Router(monaco_region).route(PLACE_DU_CASINO, FONTVIEILLE, alternates=0)[0].shape
    found = monaco.along("fuel", shape, limit=50, max_detour_m=300)
    assert found
    assert [p.distance_m for p in found] == sorted(p.distance_m for p in found)
    for place in found:
        assert place.off_route_m <= 300
        nearest_vertex = min(distance_m(place.lat, place.lon, *point) for point in shape)
        assert place.off_route_m <= nearest_vertex + 1
    # Every station near a point of the route is found, and none far from all of them.
    near = {p.id for p in monaco.nearest("fuel", *PLACE_DU_CASINO, limit=1000)
            if min(distance_m(p.lat, p.lon, *point) for point in shape) <= 250}
    assert near <= {p.id for p in found}
    assert [p.id for p in monaco.along("fuel", shape, limit=2, max_detour_m=300)] == [p.id for p in found[:2]]


def test_search_is_safe_from_several_threads(monaco):
    expected = [p.id for p in monaco.nearest("food", *PLACE_DU_CASINO)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: [p.id for p in monaco.nearest("food", *PLACE_DU_CASINO)], range(40)))
    assert all(result == expected for result in results)


def test_a_place_becomes_json_without_nan(monaco):
    place = monaco.nearest("fuel", *PLACE_DU_CASINO, limit=1)[0]
    data = place.to_json()
    assert data["off_route_m"] is None and math.isfinite(data["distance_m"]) and data["id"].startswith("node/")
