"""The navigation app's plain-Python parts: how distances read, the driver's destinations, routes on screen."""

from __future__ import annotations

import pytest

from tests.plugin_parts import plugin_part

PACKAGE = "headunit_plugin_org_headunit_navigation"


def _load(module: str):
    return plugin_part("org.headunit.navigation/navigation", module, package=PACKAGE)


@pytest.fixture
def texts():
    return _load("texts")


@pytest.fixture
def destinations():
    return _load("destinations")


@pytest.fixture
def routes():
    return _load("routes")


@pytest.mark.parametrize(("metres", "miles", "expected"), [
    (4, False, "0 m"),
    (87, False, "90 m"),
    (312, False, "300 m"),
    (994, False, "1.0 km"),  # never "1000 m"
    (12_345, False, "12 km"),
    (100, True, "350 ft"),
    (1609.344, True, "1.0 mi"),
])
def test_distances_read_as_on_every_other_screen(texts, metres, miles, expected):
    words = texts.Texts(ctx=None)
    words.miles, words.language = miles, "en"
    assert words.distance(metres) == expected


def test_destinations_order_home_favourites_then_recents(destinations):
    Destination, Destinations = destinations.Destination, destinations.Destinations
    places = Destinations()
    places.put(Destination("Beach", 43.74, 7.43, "recent", used=10))
    places.put(Destination("Port", 43.73, 7.42, "recent", used=20))
    places.put(Destination("Zoo", 43.73, 7.41, "favourite"))
    places.put(Destination("Bakery", 43.72, 7.41, "favourite"))
    places.put(Destination("Flat", 43.74, 7.42, "home"))
    assert [d.name for d in places.ordered()] == ["Flat", "Bakery", "Zoo", "Port", "Beach"]
    assert places.home.name == "Flat"
    assert [d.name for d in places.recents(1)] == ["Port"]


def test_a_place_driven_to_again_is_one_recent(destinations):
    places = destinations.Destinations()
    places.visit("Port", 43.73, 7.42)
    places.visit("Port Hercule", 43.73, 7.42)
    assert [d.name for d in places.recents()] == ["Port Hercule"]


def test_old_recents_fall_off_and_are_named_for_deletion(destinations):
    places = destinations.Destinations()
    dropped = []
    for i in range(destinations.MAX_RECENTS + 3):
        _, gone = places.visit(f"Stop {i}", 43.7 + i / 1000, 7.4)
        dropped += gone
    assert len(places.recents()) == destinations.MAX_RECENTS
    assert len(dropped) == 3 and all(key.startswith("recent:") for key in dropped)


def test_the_account_keeps_destinations_and_skips_what_is_not_one(destinations):
    places = destinations.Destinations()
    places.put(destinations.Destination("Made here", 43.75, 7.43, "favourite"))
    places.replace({
        "home": {"name": "Flat", "lat": 43.74, "lon": 7.42, "kind": "home"},
        "recent:x": {"name": "Port", "lat": "43.73", "lon": 7.42, "kind": "recent", "used": 5},
        "broken": {"name": "No position"},
        "other": ["not", "a", "destination"],
        "odd": {"name": "Moon", "lat": 1, "lon": 2, "kind": "planet"},
    })
    assert [d.name for d in places.ordered()] == ["Flat", "Made here", "Port"]


def test_what_lies_ahead_starts_at_the_car(routes):
    shape = [(43.730, 7.420), (43.731, 7.421), (43.732, 7.422), (43.733, 7.423)]
    assert routes.ahead_of(shape, (43.7311, 7.4211)) == [(43.7311, 7.4211), (43.732, 7.422), (43.733, 7.423)]
    assert routes.ahead_of(shape, (43.7331, 7.4231)) == [(43.7331, 7.4231), (43.733, 7.423)]


def test_manoeuvres_have_arrows_and_ramps_keep_their_side(routes):
    assert routes.icon_for("left") == "mdi6.arrow-left-top"
    assert routes.icon_for("arrive") == "mdi6.flag-checkered"
    assert routes.icon_for("ramp", 19) == "mdi6.arrow-top-left"
    assert routes.icon_for("exit", 20) == "mdi6.arrow-top-right"
    assert routes.icon_for("something new") == "mdi6.arrow-up"
