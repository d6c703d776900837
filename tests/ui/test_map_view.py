"""The shell's MapView as a driver sees it while guided: names that stay upright on a turning map, the car low
on the screen looking ahead, and a route that starts at the car."""

from __future__ import annotations

import json
import math

import pytest
from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QPointF, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine, QQmlExpression

from tests.shell import descendants, settle

#: Boulevard des Moulins, Monte-Carlo: a straight street of shops, heading north-east.
MOULINS = [(43.7420, 7.4280), (43.7428, 7.4293), (43.7436, 7.4305), (43.7444, 7.4318), (43.7452, 7.4331),
           (43.7460, 7.4343)]

WINDOW = b"""
import QtQuick
import HeadUnit.Controls

Window {
    width: 1280
    height: 720
    visible: true
    MapView {
        objectName: "testMap"
        anchors.fill: parent
        zoomLevel: 17
    }
}
"""


@pytest.fixture
def map_view(qtbot, qapp, tmp_path, monkeypatch, install_region):
    from headunit.runtime import Options, Runtime

    monkeypatch.setenv("HEADUNIT_HOME", str(tmp_path / "home"))
    install_region("monaco")
    runtime = Runtime(Options(drive="moving"))
    runtime.simulator.stopTrack()
    runtime.simulator.setSpeed(0)
    runtime.simulator.setPosition(*MOULINS[2])
    runtime.simulator.setHeading(90)
    component = QQmlComponent(runtime.engine)
    component.setData(WINDOW, QUrl("test-map.qml"))
    window = component.create()
    assert window is not None, component.errorString()
    view = next(i for i in descendants(window.contentItem()) if i.objectName() == "testMap")
    qtbot.waitUntil(lambda: bool(_items(view, "mapSurface")), timeout=10_000)
    settle(qtbot)
    yield runtime, window, view
    window.close()
    window.deleteLater()
    runtime.shutdown()


def _items(view, name: str) -> list:
    return [i for i in descendants(view) if i.objectName() == name]


def _eval(item, expression: str):
    """A QML expression evaluated in `item`'s scope (for what PySide cannot convert, such as a path); it must
    not be undefined."""
    value, failed = QQmlExpression(QQmlEngine.contextForObject(item), item, expression).evaluate()
    assert not failed, expression
    return value


def _path(item) -> list[tuple[float, float]]:
    flat = _eval(item, "JSON.stringify(path.map(c => [c.latitude, c.longitude]))")
    return [tuple(p) for p in json.loads(flat)]


def _is_inside(item, ancestor) -> bool:
    while item is not None:
        if item == ancestor:
            return True
        item = item.parentItem()
    return False


def test_names_stay_upright_while_the_map_turns_heading_up(map_view, qtbot):
    runtime, window, view = map_view
    view.setProperty("followMode", "heading-up")
    qtbot.waitUntil(lambda: abs(view.property("bearing") - 90) < 0.01, timeout=5_000)
    layer = _items(view, "mapLabels")[0]
    qtbot.waitUntil(lambda: layer.property("shownCount") >= 3, timeout=5_000)
    settle(qtbot, 300)
    shown = [i for i in _items(view, "mapLabel") if i.isVisible()]
    assert len(shown) == layer.property("shownCount")
    the_map = _items(view, "mapSurface")[0]
    for label in shown:
        # Upright on screen: neither the label nor anything between it and the window is turned, and the
        # layer is not part of the turning map.
        assert not _is_inside(label, the_map)
        item = label
        while item is not None:
            assert item.rotation() == 0, item.objectName()
            item = item.parentItem()
        assert label.property("text")
    # A name is where its place is on the turned map.
    lat, lon = MOULINS[2]
    places = runtime.maps.labels(lat - 0.008, lon - 0.012, lat + 0.008, lon + 0.012, 17, "en")
    for label in shown:
        corner = view.mapFromItem(label, QPointF(0, 0))
        assert 0 <= corner.x() and corner.x() + label.width() <= view.width()
        centre = (corner.x() + label.width() / 2, corner.y() + label.height() / 2)
        points = [_point_of(view, p["lat"], p["lon"]) for p in places if p["name"] == label.property("text")]
        assert min(math.hypot(p.x() - centre[0], p.y() - centre[1]) for p in points) < 2.0, label.property("text")
    # No two names overlap.
    boxes = [(i.x(), i.y(), i.x() + i.width(), i.y() + i.height()) for i in shown]  # all in one layer
    for n, a in enumerate(boxes):
        for b in boxes[n + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_names_come_in_the_drivers_language(map_view, qtbot):
    runtime, window, view = map_view
    maps = runtime.maps
    de = {label["name"] for label in maps.labels(43.72, 7.40, 43.76, 7.45, 15, "de")}
    zh = {label["name"] for label in maps.labels(43.72, 7.40, 43.76, 7.45, 15, "zh_CN")}
    assert "Monaco" in de and "摩納哥" in zh and "Monaco" not in zh
    assert "Monte-Carlo" in zh  # no name:zh: the local name


def _point_of(view, lat: float, lon: float):
    return QMetaObject.invokeMethod(view, "pointOf", Q_RETURN_ARG("QVariant"), Q_ARG("QVariant", lat),
                                    Q_ARG("QVariant", lon))


def _car_on_screen(view):
    return _point_of(view, *MOULINS[2])


def test_the_car_sits_low_looking_ahead_heading_up_and_in_the_middle_north_up(map_view, qtbot):
    runtime, window, view = map_view
    view.setProperty("followMode", "heading-up")
    view.setProperty("bottomInset", 120)
    view.setProperty("leftInset", 400)
    settle(qtbot, 200)
    car = _car_on_screen(view)
    assert car.x() == pytest.approx(400 + (1280 - 400) / 2, abs=3)
    assert car.y() == pytest.approx((720 - 120) * 0.75, abs=3)
    view.setProperty("followMode", "north-up")
    qtbot.waitUntil(lambda: abs(view.property("bearing")) < 0.01, timeout=5_000)
    car = _car_on_screen(view)
    assert car.y() == pytest.approx((720 - 120) / 2, abs=3)


def test_the_route_behind_the_car_is_not_drawn_and_the_rest_is_cased(map_view, qtbot):
    runtime, window, view = map_view
    view.setProperty("route", [list(p) for p in MOULINS])
    view.setProperty("routeDriven", -1)
    settle(qtbot, 100)
    line = _items(view, "routeLine")[0]
    casing = _items(view, "routeCasing")[0]
    assert len(_path(line)) == len(MOULINS)
    assert _eval(casing, "line.width") > _eval(line, "line.width")

    view.setProperty("routeDriven", 1)  # the car (at MOULINS[2]) has passed points 0 and 1
    settle(qtbot, 100)
    drawn = [c for name in ("routeLine", "routeLineHead", "routeCasing", "routeCasingHead")
             for c in _path(_items(view, name)[0])]
    for behind in MOULINS[:2]:
        assert all(_metres(c, behind) > 20 for c in drawn), f"{behind} is behind the car but drawn"
    head = _path(_items(view, "routeLineHead")[0])
    assert _metres(head[0], MOULINS[2]) < 5  # the line starts at the car
    assert len(_path(line)) == len(MOULINS) - 2


def _metres(a, b) -> float:
    dlat = math.radians(a[0] - b[0])
    dlon = math.radians(a[1] - b[1]) * math.cos(math.radians(b[0]))
    return math.hypot(dlat, dlon) * 6_371_000


def test_the_recentre_button_stands_out_from_the_night_map(map_view, qtbot):
    runtime, window, view = map_view
    runtime.theme.set_night(True)
    settle(qtbot, 400)
    card = _items(view, "followModeCard")[0]
    background = runtime.theme.property("background")  # the night map's land
    # Following: a raised disc whose edge stands clear of the map.
    assert _contrast(_eval(card, "border.color"), background) >= 3.0
    # The map left the car: the whole disc in the accent colour, clearly apart from the map.
    view.setProperty("followMode", "free")
    settle(qtbot, 100)
    assert _contrast(card.property("color"), background) >= 3.0


def _luminance(colour) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def _contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_heading_up_follows_the_car_as_it_turns_and_moves(map_view, qtbot):
    runtime, window, view = map_view
    view.setProperty("followMode", "heading-up")
    qtbot.waitUntil(lambda: abs(view.property("bearing") - 90) < 0.01, timeout=5_000)
    # Through the simulator, which goes on publishing its own state every tick.
    runtime.simulator.setPosition(*MOULINS[3])
    runtime.simulator.setHeading(200.0)
    qtbot.waitUntil(lambda: abs(view.property("bearing") - 200) < 0.01, timeout=5_000)
    car = _point_of(view, *MOULINS[3])
    assert (car.x(), car.y()) == (pytest.approx(640, abs=3), pytest.approx(720 * 0.75, abs=3))


def test_names_move_with_the_map_when_the_driver_pans_it(map_view, qtbot):
    runtime, window, view = map_view
    view.setProperty("followMode", "north-up")
    qtbot.waitUntil(lambda: abs(view.property("bearing")) < 0.01, timeout=5_000)
    settle(qtbot, 300)
    view.setProperty("followMode", "free")
    lat, lon = MOULINS[2]
    places = runtime.maps.labels(lat - 0.01, lon - 0.015, lat + 0.01, lon + 0.015, 17, "en")
    for dx in (30, 30, 200):  # small steps slide the names, a long one places them again
        _eval(view, f"(map.pan({dx}, 10), true)")
        settle(qtbot, 100)
        for label in [i for i in _items(view, "mapLabel") if i.isVisible()]:
            corner = view.mapFromItem(label, QPointF(0, 0))
            centre = (corner.x() + label.width() / 2, corner.y() + label.height() / 2)
            points = [_point_of(view, p["lat"], p["lon"]) for p in places if p["name"] == label.property("text")]
            assert min(math.hypot(p.x() - centre[0], p.y() - centre[1]) for p in points) < 2.0
