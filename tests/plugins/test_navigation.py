"""The navigation app in a running shell, on the Monaco map: search, route preview, guidance, the intent."""

from __future__ import annotations

import math
import time

import pytest
from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QPoint, QPointF, Qt
from PySide6.QtPositioning import QGeoCoordinate
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from tests.shell import descendants, find, named, settle

NAV = "org.headunit.navigation"
#: A point in the sea off Monaco, inside the map: no road within reach.
IN_THE_SEA = (43.7300, 7.4400)
#: A fuel station a few hundred metres by road from the car's start at Place du Casino.
NEAR = ("Agip", 43.7415782, 7.4305651)
#: The Jardin Exotique, across Monaco: far enough for the router to offer alternatives.
FAR = ("Jardin Exotique", 43.7309, 7.4148)
#: A few hundred metres up Avenue des Spélugues from the car's start.
SHORT = ("Avenue des Spélugues", 43.7417, 7.426819)
#: A point on Boulevard Princesse Charlotte, and the heading of a car driving west on it.
WRONG_TURN, WRONG_TURN_HEADING = (43.738821, 7.419595), 275.0


def visible(window, name: str) -> list[QQuickItem]:
    return [i for i in named(window, name) if i.isVisible()]


def rows_of(list_item: QQuickItem) -> list[QQuickItem]:
    """The rows an ItemList shows."""
    return [r for r in descendants(list_item) if r.inherits("QQuickAbstractButton") and r.isVisible()
            and r.height() > 0]


def action(window, label: str) -> QQuickItem:
    """The MapPage action button labelled `label`."""
    found = [b for b in descendants(window.contentItem())
             if b.inherits("QQuickAbstractButton") and b.isVisible() and b.property("text") == label]
    assert found, f"no action {label!r}"
    return found[0]


@pytest.fixture
def navigation(make_shell, install_region, qtbot, sound_server):
    """navigation(drive=..., size=...) -> (runtime, window, store): the app open on the Monaco map, its prompts
    spoken into the test session's null sink."""

    def start(*, drive: str = "parked", size: tuple[int, int] = (1280, 720), **options):
        install_region("monaco")
        runtime, window = make_shell(*size, drive=drive, **options)
        assert runtime.apps.openApp(NAV)
        settle(qtbot)
        return runtime, window, runtime.host.record(NAV).context.exposed()["nav"]

    return start


def test_while_moving_the_map_shows_only_the_places_listed(navigation, qtbot):
    runtime, window, nav = navigation(drive="moving", size=(1280, 720))
    find(window, "category:food").clicked.emit()
    qtbot.waitUntil(lambda: nav.state == "results" and not nav.busy, timeout=5000)
    settle(qtbot)
    found = nav.results.count
    assert found > 6
    assert len(find(window, "navigationMap").property("markers")) == 6  # the six rows the list shows
    nav.chooseResult(found - 1)  # a place the list hides while moving (its marker is not drawn either)
    assert nav.state == "results"
    nav.chooseResult(5)
    assert nav.state == "preview"


def test_categories_while_moving_show_six_results_at_most_and_no_text_field(navigation, qtbot):
    runtime, window, nav = navigation(drive="moving", size=(1280, 720))
    assert runtime.restrictions.active
    find(window, "category:food").clicked.emit()
    qtbot.waitUntil(lambda: nav.state == "results" and not nav.busy, timeout=5000)
    settle(qtbot)
    results = find(window, "navigationResults")
    assert results.property("count") > 6  # Monaco has plenty of places to eat...
    assert 1 <= len(rows_of(results)) <= 6  # ...but a moving car shows six at most
    assert [i for i in descendants(results) if i.objectName() == "moreWhenParked"][0].isVisible()
    assert visible(window, "textEntryField") == []
    assert "nearby" in find(window, "resultsTitle").property("text")
    assert all(row.property("trailing").endswith(("m", "km")) for row in rows_of(results))


def test_text_search_when_parked_finds_a_street(navigation, qtbot):
    runtime, window, nav = navigation()
    field = visible(window, "textEntryField")[0]
    field.setProperty("text", "princesse gr")
    qtbot.waitUntil(lambda: nav.state == "results" and not nav.busy and nav.results.count > 0, timeout=5000)
    settle(qtbot)
    titles = [row.property("title") for row in rows_of(find(window, "navigationResults"))]
    assert "Avenue Princesse Grace" in titles


def test_a_result_previews_up_to_three_routes_and_start_guides(navigation, qtbot):
    runtime, window, nav = navigation()
    find(window, "category:fuel").clicked.emit()
    qtbot.waitUntil(lambda: nav.state == "results" and nav.results.count > 0, timeout=5000)
    settle(qtbot)
    rows_of(find(window, "navigationResults"))[0].clicked.emit()
    qtbot.waitUntil(lambda: nav.state == "preview" and not nav.previewBusy, timeout=5000)
    settle(qtbot)
    routes = find(window, "navigationRoutes")
    assert 1 <= len(rows_of(routes)) <= 3
    assert all(row.property("title").endswith("min") for row in rows_of(routes))
    map_view = find(window, "navigationMap")
    assert len(map_view.property("route")) >= 2
    assert len(map_view.property("alternatives")) == len(rows_of(routes)) - 1

    action(window, "Start").clicked.emit()
    qtbot.waitUntil(lambda: runtime.navigation.active, timeout=3000)
    settle(qtbot)
    assert nav.state == "guiding"
    assert find(window, "guidancePanel").isVisible()
    assert find(window, "maneuverIcon").property("name").startswith("mdi6.")
    assert find(window, "maneuverDistance").property("text") != ""
    assert next_turn(window) != ""
    assert runtime.navigation.destinationName == nav.destinationName
    assert not math.isnan(runtime.navigation.remainingMeters)

    end_route(window, qtbot)
    assert not runtime.navigation.active
    assert nav.state == "browse"


@pytest.mark.parametrize(("language", "title", "reason"), [
    ("en", "No route to Offshore", "There is no road near this place"),
    ("de", "Keine Route nach Offshore", "In der Nähe dieses Ortes gibt es keine Straße"),
])
def test_no_route_says_why_in_the_drivers_language(navigation, qtbot, language, title, reason):
    runtime, window, nav = navigation(language=language)
    nav.previewTo("Offshore", *IN_THE_SEA)
    qtbot.waitUntil(lambda: nav.state == "preview" and not nav.previewBusy, timeout=5000)
    settle(qtbot)
    assert find(window, "noRouteTitle").property("text") == title
    assert find(window, "noRouteReason").property("text") == reason  # no coordinates, no English
    assert visible(window, "navigationRoutes") == []
    with pytest.raises(AssertionError):
        action(window, "Start" if language == "en" else "Starten")


def test_navigate_to_from_another_app_opens_a_preview(navigation, plugin_factory, qtbot):
    plugin_factory("org.t.sender", python="""
        from headunit.sdk import Plugin

        class Main(Plugin):
            def start(self, ctx):
                self.ctx = ctx
    """)
    runtime, window, nav = navigation(plugin_paths=[plugin_factory.root])
    runtime.apps.goHome()
    sender = runtime.host.record("org.t.sender").context
    name, lat, lon = NEAR
    assert sender.send_intent("navigate-to", lat=lat, lon=lon, name=name) is True
    assert runtime.apps.currentApp == NAV
    qtbot.waitUntil(lambda: nav.state == "preview" and not nav.previewBusy, timeout=5000)
    settle(qtbot)
    assert find(window, "previewName").property("text") == name
    assert 1 <= len(rows_of(find(window, "navigationRoutes"))) <= 3


def test_the_shell_back_button_walks_back_through_the_app(navigation, qtbot):
    runtime, window, nav = navigation()
    find(window, "category:parking").clicked.emit()
    qtbot.waitUntil(lambda: nav.results.count > 0, timeout=5000)
    nav.chooseResult(0)
    qtbot.waitUntil(lambda: nav.state == "preview", timeout=5000)
    assert nav.back() and nav.state == "results"
    assert nav.back() and nav.state == "browse"
    assert not nav.back()


def tap(window, item: QQuickItem) -> None:
    """A finger on the middle of `item`, as the driver would tap it."""
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(centre))


def next_turn(window) -> str:
    """What the manoeuvre card says of the next turn: the street, or the router's sentence where the card
    shows one instead (a nameless road, a reroute)."""
    instruction = find(window, "maneuverInstruction")
    if instruction.isVisible():
        return instruction.property("text")
    street = find(window, "maneuverStreet")
    return street.property("text") if street.isVisible() else ""


def end_route(window, qtbot, hold_ms: int = 1100) -> None:
    """A finger held on End until the guidance ends."""
    end = find(window, "endRoute")
    assert end.isVisible()
    centre = end.mapToScene(QPointF(end.width() / 2, end.height() / 2)).toPoint()
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(centre))
    qtbot.wait(hold_ms)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(centre))
    settle(qtbot)


def _preview_and_start(window, nav, qtbot, target=NEAR):
    nav.previewTo(*target)
    qtbot.waitUntil(lambda: nav.canStart, timeout=5000)
    action(window, "Start").clicked.emit()
    qtbot.waitUntil(lambda: nav.state == "guiding", timeout=3000)


def test_a_wrong_turn_reroutes_from_where_the_car_is(navigation, qtbot):
    runtime, window, nav = navigation()
    _preview_and_start(window, nav, qtbot)
    qtbot.waitUntil(lambda: nav.prompts != [], timeout=3000)  # the first instruction, said at the start
    car = runtime.simulator
    car.driveRoute(nav.routeShape)
    car.setSpeed(40)
    qtbot.wait(1000)
    old_route = nav.routeShape
    # A wrong turn: the car ends up heading west on Boulevard Princesse Charlotte, away from the route.
    car.leaveRoute()
    car.setPosition(*WRONG_TURN)
    car.setHeading(WRONG_TURN_HEADING)
    qtbot.waitUntil(lambda: not math.isnan(nav.lastRerouteSeconds), timeout=8000)
    assert nav.lastRerouteSeconds < 1.0  # from noticing the wrong turn to the new route on screen
    assert "Rerouting" in nav.prompts
    assert nav.routeShape != old_route
    assert math.dist(nav.routeShape[0], WRONG_TURN) < 0.001  # it starts where the car is
    assert runtime.navigation.routeShape == nav.routeShape
    settle(qtbot)
    assert next_turn(window) not in ("", "Rerouting…")


def test_arriving_says_so_and_done_ends_the_drive(navigation, qtbot):
    runtime, window, nav = navigation()
    _preview_and_start(window, nav, qtbot, SHORT)
    runtime.simulator.driveRoute(nav.routeShape)
    runtime.simulator.setSpeed(180)
    qtbot.waitUntil(lambda: nav.state == "arrived", timeout=20_000)
    settle(qtbot)
    assert find(window, "arrivedTitle").isVisible()
    assert find(window, "arrivedName").property("text") == SHORT[0]
    assert "destination" in nav.prompts[-1]  # the router's arrival sentence, spoken
    assert runtime.navigation.active  # until Done, or a few seconds
    action(window, "Done").clicked.emit()
    assert not runtime.navigation.active and nav.state == "browse"


def test_the_tile_follows_the_drive_and_offers_recent_destinations(navigation, qtbot):
    runtime, window, nav = navigation()
    _preview_and_start(window, nav, qtbot)
    runtime.apps.goHome()
    settle(qtbot)
    assert find(window, "tileManeuverIcon").isVisible()
    assert find(window, "tileManeuverDistance").property("text") != ""

    runtime.apps.openApp(NAV)
    settle(qtbot)
    end_route(window, qtbot)
    runtime.apps.goHome()
    settle(qtbot)
    recent = visible(window, "tileRecent")
    assert [r.property("title") for r in recent] == [NEAR[0]]
    tap(window, recent[0])
    qtbot.waitUntil(lambda: runtime.apps.currentApp == NAV and nav.state == "preview", timeout=3000)
    assert nav.destinationName == NEAR[0]


def test_home_gives_the_tile_its_drive_home(navigation, qtbot):
    runtime, window, nav = navigation()
    nav.previewTo(*NEAR)
    qtbot.waitUntil(lambda: nav.canStart, timeout=5000)
    settle(qtbot)
    find(window, "setHome").clicked.emit()
    runtime.apps.goHome()
    qtbot.waitUntil(lambda: nav.saved.homeEta != "", timeout=5000)
    settle(qtbot)
    home = find(window, "tileHome")
    assert home.isVisible() and home.property("trailing").endswith("min")
    runtime.apps.openApp(NAV)
    nav.back()
    settle(qtbot)
    titles = [row.property("title") for row in rows_of(find(window, "navigationResults"))]
    assert titles == [NEAR[0]]  # home, listed first (and no recent: nothing was driven to)


def test_the_drive_is_guided_in_the_drivers_language(navigation, qtbot):
    runtime, window, nav = navigation(language="de", size=(800, 480))
    nav.previewTo(*NEAR)
    qtbot.waitUntil(lambda: nav.canStart, timeout=5000)
    settle(qtbot)
    assert all(row.property("title").endswith("Min.") for row in rows_of(find(window, "navigationRoutes")))
    action(window, "Starten").clicked.emit()
    qtbot.waitUntil(lambda: nav.prompts != [], timeout=3000)
    settle(qtbot)
    assert "Richtung" in nav.prompts[0]  # "Auf Place du Casino Richtung Nordwesten fahren …": German too
    assert find(window, "maneuverDistance").property("text") != ""
    assert find(window, "endRoute").property("text") == "Beenden"


def test_tapping_an_alternative_chooses_it(navigation, qtbot):
    runtime, window, nav = navigation()
    nav.previewTo(*FAR)
    qtbot.waitUntil(lambda: nav.canStart, timeout=5000)
    settle(qtbot)
    options = rows_of(find(window, "navigationRoutes"))
    assert len(options) == 3  # the best route and two alternatives across Monaco
    best, alternative = nav.routeShape, nav.alternativeShapes[0]
    find(window, "navigationMap").alternativeTapped.emit(0)  # what a tap on the first grey line sends
    settle(qtbot)
    assert nav.chosenRoute == 1
    assert nav.routeShape == alternative and best in nav.alternativeShapes
    assert [row.property("iconName") for row in rows_of(find(window, "navigationRoutes"))] == [
        "mdi6.map-marker-path", "mdi6.check-circle", "mdi6.map-marker-path"]
    action(window, "Start").clicked.emit()
    qtbot.waitUntil(lambda: runtime.navigation.active, timeout=3000)
    assert runtime.navigation.routeShape == alternative


def test_a_place_chosen_in_the_places_app_is_previewed_here(navigation, qtbot):
    runtime, window, nav = navigation()
    assert runtime.apps.openApp("org.headunit.places")
    qtbot.waitUntil(lambda: any(p.property("count") > 0 for p in visible(window, "placesList")), timeout=5000)
    settle(qtbot)
    first = rows_of(visible(window, "placesList")[0])[0]
    first.clicked.emit()
    qtbot.waitUntil(lambda: runtime.apps.currentApp == NAV and nav.state == "preview" and not nav.previewBusy,
                    timeout=5000)
    assert nav.destinationName == first.property("title")
    assert nav.canStart


def test_a_failed_reroute_says_so_and_clears_back_on_the_route(navigation, qtbot):
    runtime, window, nav = navigation()
    _preview_and_start(window, nav, qtbot)
    car = runtime.simulator
    route = nav.routeShape
    car.driveRoute(route)
    car.setSpeed(30)
    qtbot.waitUntil(lambda: next_turn(window) != "", timeout=3000)
    # Off into the sea, where no road leads on from: no new route, and the panel says so instead of the old
    # route's next turn.
    car.setPosition(*IN_THE_SEA)
    car.setHeading(150)
    qtbot.waitUntil(lambda: nav.progress.rerouteError != "", timeout=8000)
    settle(qtbot)
    assert find(window, "maneuverInstruction").property("text") == "No route from here"
    assert find(window, "maneuverDistance").property("text") == ""
    assert nav.routeShape == route  # the old route stays on the map

    # Back on the route: guidance carries on along it.
    car.driveRoute(route)
    qtbot.waitUntil(lambda: nav.progress.rerouteError == "", timeout=3000)
    settle(qtbot)
    assert next_turn(window) not in ("", "No route from here", "Rerouting…")

    # Standing on the route, one stray fix far off it is GPS noise, as before the failed reroute: no reroute.
    car.setSpeed(0)
    here = (runtime.vehicle.latitude, runtime.vehicle.longitude)
    qtbot.wait(6000)  # longer than a failed reroute waits before it tries again
    rerouting = []
    nav.progress.changed.connect(lambda: rerouting.append(nav.progress.rerouting))
    car.setPosition(*IN_THE_SEA)
    qtbot.wait(300)
    car.setPosition(*here)
    qtbot.wait(500)
    assert rerouting and not any(rerouting)
    assert nav.progress.rerouteError == ""


def test_prompts_are_spoken_in_the_language_of_the_route(navigation, qtbot):
    runtime, window, nav = navigation()
    spoken = []  # (text, language) as handed to the voice
    runtime.speech._speak.connect(lambda number, text, language: spoken.append((text, language)))
    _preview_and_start(window, nav, qtbot, SHORT)
    qtbot.waitUntil(lambda: nav.prompts != [], timeout=3000)
    runtime.settings.set("language", "de")  # the driver switches to German on the way: the route stays English
    runtime.simulator.driveRoute(nav.routeShape)
    runtime.simulator.setSpeed(180)
    qtbot.waitUntil(lambda: nav.state == "arrived", timeout=20_000)
    qtbot.waitUntil(lambda: not runtime.speech.speaking, timeout=30_000)
    assert [text for text, _ in spoken] == nav.prompts
    assert "destination" in spoken[-1][0] and {language for _, language in spoken} == {"en"}


def test_a_fix_read_late_by_a_busy_head_unit_is_not_taken_for_leaving_the_route(navigation, qtbot):
    """Guidance places a fix on the route at the time it was taken. Read seconds late, as if just taken, the next
    fix would lie further on than the car could have driven since, and the drive would be rerouted."""
    runtime, window, nav = navigation()
    _preview_and_start(window, nav, qtbot, SHORT)
    qtbot.waitUntil(lambda: nav.prompts != [], timeout=3000)
    route = nav.routeShape
    rerouting = []
    nav.progress.changed.connect(lambda: rerouting.append(nav.progress.rerouting))
    car = runtime.simulator
    car.driveRoute(route)
    car.setSpeed(180)
    car.setSignalLost(True)  # the fix at the start of the route is the last one for a while
    time.sleep(4)  # the head unit is busy: guidance gets to that fix four seconds after it was taken
    qtbot.wait(200)
    car.setSignalLost(False)  # the next fix, 210 m on
    qtbot.waitUntil(lambda: nav.state == "arrived", timeout=20_000)
    assert "Rerouting" not in nav.prompts and not any(rerouting)
    assert nav.routeShape == route


def test_an_american_driver_gets_routes_spoken_in_miles(navigation):
    runtime, window, nav = navigation(language="en_US")
    assert runtime.settings.get("distanceUnit") == "mi"
    maps = runtime.host.record(NAV).context.maps
    route = maps.route((43.73942, 7.42772), FAR[1:], alternates=0)[0]
    posts = " ".join(m.verbal_post for m in route.maneuvers)
    assert ("feet" in posts or "mile" in posts) and "meter" not in posts
    assert 1000 < route.distance_m < 5000  # still metres


def _screen_point(geo_map: QQuickItem, lat: float, lon: float) -> QPointF:
    """Where (lat, lon) is in the window, as the map draws it."""
    point = QMetaObject.invokeMethod(geo_map, "fromCoordinate", Qt.ConnectionType.DirectConnection,
                                     Q_RETURN_ARG("QPointF"), Q_ARG("QGeoCoordinate", QGeoCoordinate(lat, lon)),
                                     Q_ARG("bool", False))
    return geo_map.mapToScene(point)


def _distance_to_path(point: QPointF, path: list[QPointF]) -> float:
    def to_segment(a: QPointF, b: QPointF) -> float:
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length_sq = dx * dx + dy * dy or 1e-9
        t = max(0.0, min(1.0, ((point.x() - a.x()) * dx + (point.y() - a.y()) * dy) / length_sq))
        return math.hypot(point.x() - a.x() - t * dx, point.y() - a.y() - t * dy)
    return min(to_segment(a, b) for a, b in zip(path, path[1:]))


def test_a_finger_beside_the_thin_alternative_line_chooses_it(navigation, qtbot):
    runtime, window, nav = navigation()
    nav.previewTo(*FAR)
    qtbot.waitUntil(lambda: nav.canStart and len(nav.alternativeShapes) > 0, timeout=5000)
    settle(qtbot, 1000)
    geo_map = [i for i in descendants(find(window, "navigationMap")) if i.inherits("QDeclarativeGeoMap")][0]
    finger_px = runtime.theme.dp(18)  # beside the 7 dp line drawn, well inside a touch target (76 dp)
    panel = find(window, "previewPanel")
    panel_right = panel.mapToScene(QPointF(panel.width(), 0)).x()
    alternative = [_screen_point(geo_map, *p) for p in nav.alternativeShapes[0]]
    others = [[_screen_point(geo_map, *p) for p in shape] for shape in nav.alternativeShapes[1:]]
    destination = _screen_point(geo_map, *FAR[1:])
    candidates = []
    for a, b in zip(alternative, alternative[1:]):
        length = math.hypot(b.x() - a.x(), b.y() - a.y())
        if length < 10:
            continue
        middle = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
        finger = middle + QPointF(-(b.y() - a.y()), b.x() - a.x()) * (finger_px / length)
        clearance = min((_distance_to_path(finger, other) for other in others), default=math.inf)
        if (panel_right + 50 < finger.x() < window.width() - 150 and 150 < finger.y() < window.height() - 50
                and math.dist((finger.x(), finger.y()), (destination.x(), destination.y())) > 100):
            candidates.append((clearance, finger))
    assert candidates, "no part of the alternative shows clear of the panel"
    clearance, finger = max(candidates, key=lambda c: c[0])
    assert clearance > runtime.theme.dp(50)  # clear of the other alternative's touch target
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, finger.toPoint())
    settle(qtbot)
    assert nav.chosenRoute == 1
