"""The weather app in a running shell with the embedded backend (its demo provider): now, 24 hours and 7 days at
the car's position, in the driver's units, marked as demo; the status bar's outside temperature; an offline car
shows the last forecast with its age, and a fresh one once the backend is back."""

from __future__ import annotations

import math
import re

import pytest
from PySide6.QtCore import QPointF

from headunit.shell.theme import SCREEN_PRESETS, dpi_for
from tests.shell import find, named, settle

WEATHER = "org.headunit.weather"


def visible(window, name: str):
    return [i for i in named(window, name) if i.isVisible()]


def texts(window, name: str) -> list[str]:
    return [i.property("text") for i in visible(window, name)]


def open_shell(runtimes, qtbot, *, size=(1280, 720), drive="parked", **options):
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - types the root object as a window

    runtime = runtimes.start(dpi=dpi_for(*size, SCREEN_PRESETS[size]), drive=drive, **options)
    window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=size[0], shellHeight=size[1])
    window.show()
    with qtbot.waitSignal(runtime.host.idleLoadFinished, timeout=10_000):
        runtime.host.load_all_in_idle()
    return runtime, window


def store_of(runtime):
    record = runtime.host.record(WEATHER)
    assert record and record.context, record.reason if record else "not registered"
    return record.context.exposed()["weather"]


@pytest.fixture
def weather(runtimes, qtbot, monkeypatch):
    """weather(**options) -> (runtime, window, store) with the embedded backend up and a forecast read."""
    monkeypatch.setenv("HEADUNIT_TTS_ENGINE", "mock")

    def start(**options):
        runtime, window = open_shell(runtimes, qtbot, backend="embedded", **options)
        runtime.start_cloud()
        assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
        store = store_of(runtime)
        store.refresh()
        qtbot.waitUntil(lambda: store.available and not store.busy, timeout=20_000)
        return runtime, window, store

    return start


def test_the_app_shows_now_24_hours_and_7_days_marked_as_demo(weather, qtbot):
    runtime, window, store = weather()
    runtime.apps.openApp(WEATHER)
    settle(qtbot)
    assert texts(window, "currentTemperature")
    assert store.temperature.endswith("°") and store.conditionText
    assert store.wind.endswith("km/h") and store.humidity.endswith("%")
    assert re.fullmatch(r"[\d.,]+ k?m", store.visibility), store.visibility  # fog at night: "850 m"
    assert len(visible(window, "hourCell")) >= 8  # the row scrolls when parked; 24 in the model
    assert len(store.hours) == 24
    assert len(visible(window, "dayCell")) == 7
    assert visible(window, "demoMark")
    assert runtime.weather.available and runtime.weather.demo
    assert runtime.weather.temperatureC == pytest.approx(store.temperatureC)
    assert texts(window, "outsideTemperatureText") == [f"{math.floor(store.temperatureC + 0.5)} °C"]  # the status bar
    # The headline names the unit once, and "now" in the hours is the headline's temperature.
    assert store.temperatureValue + " " + store.unitSymbol == store.temperatureText
    assert "°" not in store.temperatureValue
    assert store.hours[0]["time"] == "Now" and store.hours[0]["temperature"] == store.temperature


def test_units_follow_the_settings(weather, qtbot):
    runtime, window, store = weather()
    runtime.apps.openApp(WEATHER)
    celsius = store.temperatureC
    runtime.settings.set("temperatureUnit", "F")
    runtime.settings.set("distanceUnit", "mi")
    qtbot.waitUntil(lambda: store.temperatureUnit == "F" and store.distanceUnit == "mi", timeout=3000)
    assert store.temperature == f"{math.floor(celsius * 9 / 5 + 32 + 0.5)}°"
    assert store.unitSymbol == "°F"
    assert store.wind.endswith("mph") and store.visibility.endswith("mi")
    assert all(day["high"].endswith("°") for day in store.days)


def test_backend_stopped_the_app_and_tile_show_the_last_forecast_with_its_age_and_back_refreshed(weather, qtbot):
    runtime, window, store = weather()
    temperature = store.temperature
    settle(qtbot)

    runtime.simulator.setNetwork(False)
    qtbot.waitUntil(lambda: not runtime.cloud.online, timeout=5000)
    store.refresh()
    qtbot.waitUntil(lambda: not store.busy, timeout=10_000)
    settle(qtbot)
    assert store.available and store.offline and store.temperature == temperature
    # One way of saying an age on every screen: the formatter's ("just now", "5 min ago").
    assert store.ageText in ("Offline · updated just now", "Offline · updated 1 min ago")
    assert store.ageText in texts(window, "tileAge")
    runtime.apps.openApp(WEATHER)
    settle(qtbot)
    assert texts(window, "weatherAge") == [store.ageText]

    runtime.simulator.setNetwork(True)  # back: the app reads the forecast again by itself
    qtbot.waitUntil(lambda: runtime.cloud.online, timeout=10_000)
    qtbot.waitUntil(lambda: not store.busy and not store.offline, timeout=10_000)
    settle(qtbot)
    assert store.ageText in ("", "Updated 1 min ago")
    assert not any("Offline" in t for t in texts(window, "weatherAge"))


def test_the_forecast_is_read_again_when_the_car_has_moved_more_than_5_km(weather, qtbot):
    runtime, window, store = weather()
    requests = []
    store.changed.connect(lambda: requests.append(store.busy))
    runtime.simulator.setPosition(43.74, 7.43)  # a few hundred metres: no new read
    settle(qtbot, 200)
    assert True not in requests
    runtime.simulator.setPosition(43.70, 7.27)  # Nice, about 13 km
    qtbot.waitUntil(lambda: True in requests and not store.busy, timeout=10_000)
    assert store.available


def test_show_weather_shows_the_place_sent_until_back(weather, qtbot):
    runtime, window, store = weather()
    published = (runtime.weather.temperatureC, runtime.weather.updated)
    assert runtime.host.route_intent("test", "show-weather", {"lat": 60.17, "lon": 24.94})
    qtbot.waitUntil(lambda: store.elsewhere and store.available and not store.busy, timeout=10_000)
    settle(qtbot, 200)
    assert (runtime.weather.temperatureC, runtime.weather.updated) == published  # the status bar: the car's
    assert store.back() and not store.elsewhere
    qtbot.waitUntil(lambda: not store.busy, timeout=10_000)


def test_while_moving_the_page_keeps_to_the_driving_limits_and_does_not_scroll(weather, qtbot):
    runtime, window, store = weather(drive="moving")
    runtime.apps.openApp(WEATHER)
    settle(qtbot)
    limit = runtime.restrictions.maxItemsPerScreen
    assert 0 < limit <= 6
    assert len(visible(window, "hourCell")) <= limit and len(visible(window, "dayCell")) <= limit
    page = visible(window, "weatherPage")[0]
    assert not page.property("interactive")
    assert not visible(window, "hourRow")[0].property("interactive")

    # A route adds the choice between it and here; "here" still fits the page that cannot scroll.
    start_route(runtime)
    qtbot.waitUntil(lambda: store.route.active, timeout=20_000)
    find(window, "showHere").clicked.emit()
    settle(qtbot)
    card = visible(window, "dayCard")[0]
    bottom = card.mapToScene(QPointF(0, card.height())).y()
    assert bottom <= page.mapToScene(QPointF(0, page.height())).y()


#: Monaco -> Nice -> Cuneo -> Turin, about 170 km.
ROUTE = [(43.7384, 7.4246), (43.7102, 7.2620), (44.0, 7.38), (44.3845, 7.5427), (44.7, 7.6), (45.0703, 7.6869)]


def route_length(shape) -> float:
    from math import asin, cos, radians, sin, sqrt

    total = 0.0
    for (a, b), (c, d) in zip(shape, shape[1:]):
        lat1, lon1, lat2, lon2 = map(radians, (a, b, c, d))
        h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
        total += 2 * 6_371_000 * asin(sqrt(h))
    return total


def start_route(runtime, shape=ROUTE, name="Torino"):
    """A route as the navigation app publishes it (ctx.navigation): the destination, the shape, the progress."""
    metres = route_length(shape)
    runtime.navigation.set_route("org.headunit.navigation", name, *shape[-1], shape)
    runtime.navigation.set_progress(metres, metres / 25.0, kind="straight", instruction="Head north", street="",
                                    distance_m=1000.0)


def test_while_a_route_is_active_the_app_shows_the_weather_at_the_destination_and_along_the_route(weather, qtbot):
    runtime, window, store = weather()
    runtime.apps.openApp(WEATHER)
    start_route(runtime)
    qtbot.waitUntil(lambda: store.route.active, timeout=20_000)
    settle(qtbot)
    assert store.route.destinationTitle.startswith("Torino at ")
    assert store.route.destinationTemperature.endswith("°C")
    assert visible(window, "routeWeather")
    points = store.route.points
    assert points and all(p["title"].startswith("In ") and " km, at " in p["title"] for p in points)
    assert len(visible(window, "routeWarning")) == len(store.route.warnings)
    # one notification per hazard kind ahead, worded as the warning rows (exactly once: test_weather_route.py)
    told = [n.body for n in runtime.notifications.items() if n.source == WEATHER]
    assert sorted(told) == sorted(store.route.warnings)
    assert not visible(window, "currentCard")  # the route first; one tap shows the weather here
    visible(window, "showHere")[0].clicked.emit()
    settle(qtbot)
    assert visible(window, "currentCard") and not visible(window, "routeWeather")
    visible(window, "showRoute")[0].clicked.emit()
    settle(qtbot)
    assert visible(window, "routeWeather")

    runtime.apps.goHome()
    settle(qtbot)
    assert texts(window, "tileWarningText") == store.route.warnings[:1]  # the first hazard ahead, if any
    assert texts(window, "tileTemperature") == [store.temperatureText]

    runtime.navigation.clear("org.headunit.navigation")
    qtbot.waitUntil(lambda: not store.route.active, timeout=5000)
    settle(qtbot)
    assert not visible(window, "tileWarningText")
    runtime.apps.openApp(WEATHER)
    settle(qtbot)
    assert not visible(window, "routeWeather") and visible(window, "currentCard")


def _texts():
    """The app's Texts with phrases untranslated (English)."""
    from tests.plugin_parts import plugin_part

    # Not the host's name for the plugin's package, so the two never mix.
    module = plugin_part(f"{WEATHER}/weather", "texts", package="weather_app_parts")

    class Ctx:
        def tr(self, text):
            return text

    return module.Texts(Ctx())


def test_ages_units_and_warnings_read_as_a_driver_hears_them(qapp):
    texts = _texts()
    assert texts.updated_ago(12 * 60 + 5) == "Updated 12 min ago"
    assert texts.offline_from(35 * 60) == "Offline · updated 35 min ago"
    assert texts.offline_from(3 * 3600) == "Offline · updated 3 h ago"
    assert texts.temperature(-0.4) == "0 °C" and texts.temperature(2.5) == "3 °C"
    assert texts.hazard_ahead("ice", 24_600, False) == "Ice ahead in 25 km"
    assert texts.hazard_ahead("snow", 1000, True) == "Snow at your destination"
    texts.fahrenheit, texts.miles = True, True
    assert texts.temperature(-10) == "14 °F" and texts.wind(100) == "62 mph"
    assert texts.hazard_ahead("fog", 40_000, False) == "Fog ahead in 25 mi"
