"""Guidance as the driver reads it on the Monaco map: the manoeuvre card, what is left and when, the speed limit
and lanes, Start and End kept apart, and the map's turn back to north-up at the end."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from headunit.maps.geo import distance_m
from headunit.sdk import formats
from tests.plugins.test_navigation import FAR, NAV, NEAR, SHORT, action, end_route, navigation, visible  # noqa: F401
from tests.shell import descendants, find, settle

#: On Boulevard Princesse Charlotte (maxspeed 50 in OSM), driving south-west towards the Jardin Exotique.
ON_PRINCESSE_CHARLOTTE, HEADING = (43.741191, 7.425226), 213.0


def texts_in(item: QQuickItem) -> list[str]:
    """Every text the driver can see inside `item`."""
    return [i.property("text") for i in descendants(item)
            if i.isVisible() and i.inherits("QQuickText") and i.property("text")]


def centre_of(item: QQuickItem) -> QPoint:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


def tap_at(window, point: QPoint) -> None:
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def start(window, nav, qtbot, target=FAR) -> None:
    nav.previewTo(*target)
    qtbot.waitUntil(lambda: nav.canStart, timeout=5000)
    settle(qtbot)
    tap_at(window, centre_of(action(window, "Start")))
    qtbot.waitUntil(lambda: nav.state == "guiding", timeout=3000)
    settle(qtbot)


def test_the_card_names_the_next_street_once_then_the_one_after(navigation, qtbot):
    runtime, window, nav = navigation()
    start(window, nav, qtbot)
    card = find(window, "guidancePanel")
    street, then = nav.progress.street, nav.progress.thenStreet
    assert street and then and street != then
    shown = texts_in(card)
    assert shown.count(street) == 1  # not again in the router's sentence ("Turn right onto …")
    assert not any(street in text for text in shown if text != street)
    assert find(window, "maneuverThenStreet").property("text") == then
    assert runtime.navigation.nextStreet == street  # what other apps and home read: the same, once
    arrow = find(window, "maneuverArrow")
    assert min(arrow.width(), arrow.height()) >= 96  # at 1280x720
    assert find(window, "maneuverDistance").property("text") == formats.distance_value(nav.progress.distanceMeters)


def test_time_left_distance_left_and_arrival_agree_with_the_route(navigation, qtbot):
    runtime, window, nav = navigation()
    start(window, nav, qtbot)
    bar = find(window, "tripBar")
    assert bar.isVisible()
    remaining_m, remaining_s = runtime.navigation.remainingMeters, runtime.navigation.remainingSeconds
    assert 0 < remaining_m <= nav.progress.remainingMeters + 1 and remaining_s > 0
    assert find(window, "remaining").property("text") == formats.distance(remaining_m)
    assert find(window, "remainingTime").property("text") == formats.duration(remaining_s)
    arrival = find(window, "arrival").property("text")
    assert arrival in {formats.clock(time.time() + remaining_s + d) for d in (-60, 0, 60)}
    # The home tile reads the same figures.
    runtime.apps.goHome()
    settle(qtbot)
    assert find(window, "tileArrival").property("text") == arrival
    assert formats.distance(remaining_m) in find(window, "tileRemaining").property("text")


def test_the_speed_limit_shows_where_the_map_has_one(navigation, qtbot):
    runtime, window, nav = navigation()
    runtime.simulator.setPosition(*ON_PRINCESSE_CHARLOTTE)
    runtime.simulator.setHeading(HEADING)
    settle(qtbot)
    start(window, nav, qtbot)
    qtbot.waitUntil(lambda: nav.progress.speedLimit == 50, timeout=3000)  # OSM: maxspeed=50
    settle(qtbot)
    assert find(window, "speedLimitSign").isVisible()
    assert find(window, "speedLimitValue").property("text") == "50"


def test_no_speed_limit_sign_where_the_map_has_none(navigation, qtbot):
    runtime, window, nav = navigation()
    start(window, nav, qtbot, SHORT)  # Place du Casino and Avenue des Spélugues: no maxspeed in OSM
    assert nav.progress.speedLimit == 0
    assert not find(window, "speedLimitSign").isVisible()


def test_lanes_show_with_the_ones_to_take_highlighted(navigation, qtbot):
    # The Monaco extract has no turn:lanes, so the router's answer has no lanes: give the route some, as a
    # map with turn:lanes would ("left|through|through;right" before a right turn).
    runtime, window, nav = navigation()
    nav.previewTo(*FAR)
    qtbot.waitUntil(lambda: nav.canStart, timeout=5000)
    assert not any(m.lanes for m in nav._routes[0].maneuvers)
    for maneuver in nav._routes[0].maneuvers:
        maneuver.lanes = [{"turns": ["left"], "recommended": False},
                          {"turns": ["through"], "recommended": False},
                          {"turns": ["through", "right"], "recommended": True}]
    settle(qtbot)
    nav.start()
    settle(qtbot)
    lanes = find(window, "laneGuidance")
    assert lanes.isVisible()
    cells = [i for i in descendants(lanes) if i.objectName() in ("lane", "laneRecommended") and i.isVisible()]
    cells.sort(key=lambda c: c.mapToScene(QPointF(0, 0)).x())  # left to right
    assert [c.objectName() for c in cells] == ["lane", "lane", "laneRecommended"]


def test_a_second_tap_on_start_does_not_end_the_route(navigation, qtbot):
    runtime, window, nav = navigation()
    nav.previewTo(*NEAR)
    qtbot.waitUntil(lambda: nav.canStart, timeout=5000)
    settle(qtbot)
    where = centre_of(action(window, "Start"))
    tap_at(window, where)
    assert nav.state == "guiding"  # at once: the card replaces the routes
    qtbot.wait(300)
    tap_at(window, where)  # the same spot again, as an impatient finger would
    qtbot.wait(4000)
    tap_at(window, where)
    settle(qtbot)
    assert nav.guiding and runtime.navigation.active
    assert find(window, "navigationMap").property("followMode") == "heading-up"  # the stray taps left it be
    # End is elsewhere, and a tap on it only says to hold it.
    end = find(window, "endRoute")
    assert (centre_of(end) - where).manhattanLength() > 200
    tap_at(window, centre_of(end))
    settle(qtbot)
    assert nav.guiding and end.property("text") == "Hold to end"
    end_route(window, qtbot)
    assert not nav.guiding and not runtime.navigation.active


def test_arriving_turns_the_map_back_to_north_up(navigation, qtbot):
    runtime, window, nav = navigation()
    map_view = find(window, "navigationMap")
    start(window, nav, qtbot, SHORT)
    assert map_view.property("followMode") == "heading-up"
    assert map_view.property("bottomInset") >= find(window, "tripBar").height()  # the car clear of the bar
    runtime.simulator.driveRoute(nav.routeShape)
    runtime.simulator.setSpeed(180)
    # The part driven is trimmed off the line as the car goes.
    qtbot.waitUntil(lambda: map_view.property("routeDriven") > 0, timeout=10_000)
    qtbot.waitUntil(lambda: nav.state == "arrived", timeout=20_000)
    assert map_view.property("followMode") == "north-up"
    assert map_view.property("routeDriven") == -1


def test_ending_the_route_turns_the_map_back_to_north_up(navigation, qtbot):
    runtime, window, nav = navigation()
    map_view = find(window, "navigationMap")
    start(window, nav, qtbot, NEAR)
    assert map_view.property("followMode") == "heading-up"
    end_route(window, qtbot)
    assert map_view.property("followMode") == "north-up"


def test_the_home_tile_and_the_list_give_the_same_distance_to_a_place(navigation, qtbot):
    runtime, window, nav = navigation()
    start(window, nav, qtbot, NEAR)
    end_route(window, qtbot)
    # The car moves on: both measure from where it is now, as the crow flies.
    runtime.simulator.setPosition(43.7372, 7.4242)
    qtbot.wait(1500)
    settle(qtbot)
    row = [r for r in descendants(find(window, "navigationResults"))
           if r.inherits("QQuickAbstractButton") and r.isVisible() and r.property("title") == NEAR[0]][0]
    in_panel = row.property("trailing")
    runtime.apps.goHome()
    settle(qtbot)
    tile_row = [r for r in visible(window, "tileRecent") if r.property("title") == NEAR[0]][0]
    assert tile_row.property("trailing") == in_panel
    assert in_panel == formats.distance(distance_m(43.7372, 7.4242, NEAR[1], NEAR[2]))


def test_a_nameless_roundabout_is_named_by_the_road_its_exit_leads_onto(navigation, qtbot):
    runtime, window, nav = navigation()
    start(window, nav, qtbot)
    runtime.simulator.driveRoute(nav.routeShape)
    runtime.simulator.setSpeed(120)
    qtbot.waitUntil(lambda: nav.progress.kind == "roundabout", timeout=20_000)
    settle(qtbot)
    assert nav.progress.street == "Boulevard Princesse Charlotte"
    assert find(window, "maneuverStreet").property("text") == "Boulevard Princesse Charlotte"
    assert find(window, "maneuverExit").isVisible() and nav.progress.exitNumber > 0
    assert nav.progress.thenStreet != nav.progress.street  # leaving the roundabout is no manoeuvre of its own


def test_looking_for_fuel_on_the_way_keeps_the_drive_and_names_the_categories(navigation, qtbot):
    runtime, window, nav = navigation(drive="moving")
    start(window, nav, qtbot)
    tap_at(window, centre_of(find(window, "searchAlongRoute")))
    settle(qtbot)
    assert nav.guiding and nav.state == "browse"
    labels = sorted(visible(window, "categoryLabel"), key=lambda i: i.mapToScene(QPointF(0, 0)).x())
    assert [i.property("text") for i in labels] == ["Fuel", "Charging", "Parking", "Food"]  # a name under each
    tap_at(window, centre_of(find(window, "category:fuel")))
    qtbot.waitUntil(lambda: nav.state == "results" and not nav.busy, timeout=5000)
    settle(qtbot)
    assert "along the route" in find(window, "resultsTitle").property("text")
    tap_at(window, centre_of(action(window, "Route")))
    settle(qtbot)
    assert nav.state == "guiding" and find(window, "tripBar").isVisible()
