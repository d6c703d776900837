"""Route weather and alerts: hazards of a forecast hour, points along the route with their ETAs, the forecast hour
at a time, and one alert per hazard per route; then, end to end, a real backend on loopback with a forecast this
test controls: ice ahead on the route gives exactly one notification (spoken while navigation speaks), a route
that avoids the icy place none."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.plugin_parts import plugin_part


def _load(name: str):
    """The plugin's pure modules (weather.route etc. import each other)."""
    return plugin_part("org.headunit.weather/weather", name, package="_route_weather_under_test")


hazards = _load("hazards")
route = _load("route")
alerts = _load("alerts")

NOW = dt.datetime(2026, 1, 15, 8, 20, tzinfo=dt.UTC)


def hour(at: dt.datetime, *, condition="cloudy", temperature=5.0, precipitation=0.0, visibility=20000.0) -> dict:
    return {"time": at.isoformat(), "temperature_c": temperature, "precipitation_mm": precipitation,
            "precipitation_probability_percent": 0.0, "wind_speed_kmh": 10.0, "visibility_m": visibility,
            "weather_code": 3, "condition": condition}


def forecast(start: dt.datetime = NOW, hours: int = 24, **by_hour) -> dict:
    base = start.replace(minute=0, second=0, microsecond=0)
    return {"hourly": [hour(base + dt.timedelta(hours=h), **by_hour) for h in range(hours)]}


# --- hazards -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("entry", "expected"), [
    (dict(condition="clear", temperature=20), []),
    (dict(condition="ice", temperature=3), ["ice"]),
    (dict(condition="rain", temperature=0.5), ["ice"]),
    (dict(condition="drizzle", temperature=1.0), ["ice"]),
    (dict(condition="cloudy", temperature=-2, precipitation=0.2), ["ice"]),
    (dict(condition="cloudy", temperature=-2, precipitation=0.0), []),  # dry cold is no ice
    (dict(condition="rain", temperature=1.1), []),
    (dict(condition="snow", temperature=-3, precipitation=0.5), ["ice", "snow"]),
    (dict(condition="storm", temperature=20, precipitation=5), ["storm"]),
    (dict(condition="fog", temperature=8), ["fog"]),
    (dict(condition="cloudy", visibility=999), ["fog"]),
    (dict(condition="cloudy", visibility=1000), []),
    (dict(condition="clear", temperature=35), ["heat"]),
    (dict(condition="clear", temperature=34.9), []),
    (dict(condition="storm", temperature=36, visibility=500), ["storm", "fog", "heat"]),
])
def test_hazards_of_an_hour(entry, expected):
    assert hazards.hazards_of(hour(NOW, **entry)) == expected


def test_missing_values_make_no_hazard():
    assert hazards.hazards_of(None) == []
    assert hazards.hazards_of({}) == []
    assert hazards.hazards_of({"condition": None, "temperature_c": None, "visibility_m": None}) == []
    assert hazards.hazards_of({"condition": "rain", "temperature_c": None}) == []
    assert set(hazards.KINDS) == {"ice", "snow", "storm", "fog", "heat"}


# --- sampling the route ---------------------------------------------------------------------------------------

# Straight north along a meridian: 0.1° of latitude ≈ 11.12 km.
def north(km: float, points: int = 11) -> list[list[float]]:
    degrees = km / 111.195
    return [[50.0 + degrees * i / (points - 1), 8.0] for i in range(points)]


def test_points_every_10_km_with_etas_spread_evenly_and_the_destination_last():
    shape = north(55)
    points = route.sample_route(shape, 55_000, 3300, NOW)
    assert [p.distance_m for p in points] == [10_000, 20_000, 30_000, 40_000, 50_000, 55_000]
    assert points[-1].lat == pytest.approx(shape[-1][0]) and points[-1].lon == pytest.approx(8.0)
    assert points[-1].eta == NOW + dt.timedelta(seconds=3300)
    assert points[0].eta == NOW + dt.timedelta(seconds=600)
    assert points[0].lat == pytest.approx(50.0 + 10 / 111.195, abs=1e-4)
    assert all(p.eta.tzinfo is not None and p.eta.utcoffset() == dt.timedelta(0) for p in points)
    assert [p.eta for p in points] == sorted(p.eta for p in points)


def test_only_the_part_ahead_is_sampled():
    shape = north(100)  # 100 km route, 30 km left: the car is at 70 km
    points = route.sample_route(shape, 30_000, 1800, NOW)
    assert [p.distance_m for p in points] == [10_000, 20_000, 30_000]
    assert points[0].lat == pytest.approx(50.0 + 80 / 111.195, abs=1e-4)


def test_no_point_right_before_the_destination():
    points = route.sample_route(north(21), 21_000, 1200, NOW)
    assert [p.distance_m for p in points] == [10_000, 21_000]


def test_a_short_route_gives_just_the_destination():
    shape = north(4)
    points = route.sample_route(shape, 4_000, 300, NOW)
    assert len(points) == 1
    assert (points[0].lat, points[0].lon, points[0].distance_m) == (pytest.approx(shape[-1][0]), 8.0, 4_000)
    assert route.sample_route(shape, 0, 0, NOW)[0].eta == NOW
    assert route.sample_route([], 1000, 60, NOW) == []
    assert len(route.sample_route([[50, 8]], 1000, 60, NOW)) == 1


def test_a_long_route_is_spread_over_at_most_max_points():
    points = route.sample_route(north(500, 51), 500_000, 18_000, NOW)
    assert len(points) == 10
    assert points[-1].distance_m == 500_000
    assert [round(p.distance_m) for p in points[:-1]] == [50_000 * i for i in range(1, 10)]
    assert len(route.sample_route(north(500, 51), 500_000, 18_000, NOW, max_points=3)) == 3


def test_a_naive_now_is_taken_as_utc():
    points = route.sample_route(north(20), 20_000, 600, NOW.replace(tzinfo=None))
    assert points[-1].eta == NOW + dt.timedelta(seconds=600)


# --- the hour at a time ---------------------------------------------------------------------------------------

def test_hour_at_takes_the_hour_containing_the_time_or_the_nearest_within_90_minutes():
    data = forecast(NOW, hours=3, temperature=1.0)
    for i, entry in enumerate(data["hourly"]):
        entry["temperature_c"] = float(i)
    base = NOW.replace(minute=0)
    assert route.hour_at(data, base)["temperature_c"] == 0
    assert route.hour_at(data, base + dt.timedelta(minutes=59))["temperature_c"] == 0
    assert route.hour_at(data, base + dt.timedelta(hours=1, minutes=30))["temperature_c"] == 1
    assert route.hour_at(data, base + dt.timedelta(hours=3, minutes=30))["temperature_c"] == 2  # after the last
    assert route.hour_at(data, base - dt.timedelta(minutes=80))["temperature_c"] == 0  # before the first
    assert route.hour_at(data, base + dt.timedelta(hours=3, minutes=31)) is None
    assert route.hour_at(data, base - dt.timedelta(minutes=91)) is None
    assert route.hour_at(None, NOW) is None and route.hour_at({"hourly": []}, NOW) is None
    data["hourly"][0]["time"] = data["hourly"][0]["time"].replace("+00:00", "Z")
    assert route.hour_at(data, base)["temperature_c"] == 0


def test_forecast_keys_round_to_a_tenth_of_a_degree():
    assert route.forecast_key(50.04, 8.06) == (50.0, 8.1)
    assert route.forecast_key(50.06, -0.04) == (50.1, 0.0)
    assert route.forecast_key(50.01, 8.02) == route.forecast_key(49.98, 7.96)


def test_route_weather_finds_each_point_in_its_forecast():
    points = route.sample_route(north(30), 30_000, 5400, NOW)  # 30 min per 10 km
    icy = forecast(condition="ice", temperature=-1, precipitation=0.3)
    forecasts = {route.forecast_key(p.lat, p.lon): forecast() for p in points}
    forecasts[route.forecast_key(points[1].lat, points[1].lon)] = icy
    del forecasts[route.forecast_key(points[2].lat, points[2].lon)]
    weather = route.route_weather(points, forecasts)
    assert [w.point for w in weather] == points
    assert [w.hazards for w in weather] == [(), ("ice",), ()]
    assert weather[1].hour["condition"] == "ice"
    assert weather[2].hour is None


# --- alerts -----------------------------------------------------------------------------------------------------

class Recorder:
    def __init__(self, speaking=True):
        self.notified, self.spoken, self.is_speaking = [], [], speaking

    def alerts(self, texts=None):
        return alerts.RouteAlerts(lambda t, b, level: self.notified.append((t, b, level)), self.spoken.append,
                                  lambda: self.is_speaking, texts)


def at(distance_m: float, *kinds: str) -> object:
    point = route.RoutePoint(50.0, 8.0, distance_m, NOW + dt.timedelta(seconds=distance_m / 25))
    return route.RouteWeather(point, {}, tuple(kinds))


def test_ice_ahead_is_told_once_and_spoken():
    r = Recorder()
    a = r.alerts()
    weather = [at(10_000), at(25_000, "ice"), at(35_000, "ice"), at(40_000)]
    told = a.update("1", weather)
    assert [(kind, p.distance_m) for kind, p in told] == [("ice", 25_000)]
    assert r.notified == [("Ice on your route", "Ice ahead in 25 km", "warning")]
    assert r.spoken == ["Ice ahead in 25 km"]
    for _ in range(3):
        assert a.update("1", weather) == []
    assert len(r.notified) == 1 and len(r.spoken) == 1


def test_not_spoken_while_navigation_is_silent():
    r = Recorder(speaking=False)
    r.alerts().update("1", [at(10_000, "fog"), at(20_000)])
    assert r.notified == [("Fog on your route", "Fog ahead in 10 km", "warning")]
    assert r.spoken == []


def test_at_the_destination_and_several_kinds_nearest_first():
    r = Recorder()
    told = r.alerts().update("1", [at(10_000), at(30_000, "storm", "fog"), at(50_000, "snow")])
    assert [k for k, _ in told] == ["storm", "fog", "snow"]
    assert [b for _, b, _ in r.notified] == ["Storm ahead in 30 km", "Fog ahead in 30 km",
                                             "Snow at your destination"]


def test_a_new_route_or_a_hazard_gone_and_back_tells_again():
    r = Recorder()
    a = r.alerts()
    a.update("1", [at(20_000, "ice"), at(30_000)])
    a.update("1", [at(10_000, "ice"), at(20_000)])  # closer: still the same ice
    assert len(r.notified) == 1
    a.update("2", [at(20_000, "ice"), at(30_000)])
    assert len(r.notified) == 2
    a.update("2", [at(20_000), at(30_000)])  # gone
    a.update("2", [at(15_000, "ice"), at(30_000)])  # back
    assert len(r.notified) == 3
    a.reset()
    a.update("2", [at(15_000, "ice"), at(30_000)])
    assert len(r.notified) == 4
    assert a.update("2", []) == []


def test_miles_and_translated_texts():
    r = Recorder()
    r.alerts().update("1", [at(40_234, "heat"), at(60_000)], units="mi")
    assert r.notified[0][1] == "Heat ahead in 25 mi"

    class German:
        def alert_title(self, kind):
            return {"ice": "Glätte"}[kind] + " auf der Route"

        def alert_ahead(self, kind, distance):
            return f"Glätte in {distance}"

        def alert_at_destination(self, kind):
            return "Glätte am Ziel"

        def alert_distance(self, metres, units):
            return f"{metres / 1000:.0f} Kilometern"

    r = Recorder()
    a = r.alerts(German())
    a.update("1", [at(25_000, "ice"), at(30_000)])
    a.update("2", [at(10_000), at(30_000, "ice")])
    assert r.notified == [("Glätte auf der Route", "Glätte in 25 Kilometern", "warning"),
                          ("Glätte auf der Route", "Glätte am Ziel", "warning")]

    class Partial:  # an app Texts without the alert phrases yet: English stands in
        pass

    r = Recorder()
    r.alerts(Partial()).update("1", [at(800, "ice"), at(3000)])
    assert r.notified[0][1] == "Ice ahead in 800 m"


@pytest.mark.parametrize(("metres", "units", "text"), [
    (640, "km", "600 m"), (30, "km", "100 m"), (1400, "km", "1 km"), (12_600, "km", "13 km"),
    (26_000, "km", "25 km"), (800, "mi", "0.5 mi"), (16_093, "mi", "10 mi"), (48_280, "mi", "30 mi"),
])
def test_spoken_distances(metres, units, text):
    assert alerts.spoken_distance(metres, units) == text


# --- end to end: the weather app in a running shell, a real backend on loopback ------------------------------

WEATHER = "org.headunit.weather"
NAVIGATION = "org.headunit.navigation"
ICY = (50.3, 8.0)  # the one place (to 0.1°) where the forecast says ice


class IcyPlaceWeather:
    """A weather provider this test controls: ice all day at ICY, a mild grey day everywhere else."""

    provider = "test"

    def __init__(self):
        self.asked: list[tuple[float, float]] = []

    def hour_weather(self, lat: float, lon: float, hour: int) -> tuple[str, int, float, float]:
        """(condition, WMO code, temperature °C, precipitation mm) at `hour` hours from now."""
        icy = (round(lat, 1), round(lon, 1)) == ICY
        return ("ice", 66, -1.0, 0.4) if icy else ("cloudy", 3, 7.0, 0.0)

    def forecast(self, lat: float, lon: float):
        from headunit_backend.weather import CurrentWeather, DailyWeather, Forecast, HourlyWeather, Location

        self.asked.append((lat, lon))
        condition, code, temperature, rain = self.hour_weather(lat, lon, 0)
        wet = condition != "cloudy"
        issued = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
        hours = []
        for h in range(24):
            h_condition, h_code, h_temperature, h_rain = self.hour_weather(lat, lon, h)
            hours.append(HourlyWeather(time=issued + dt.timedelta(hours=h), temperature_c=h_temperature,
                                       precipitation_mm=h_rain,
                                       precipitation_probability_percent=80.0 if h_rain else 5.0,
                                       wind_speed_kmh=12.0, visibility_m=5000.0 if h_rain else 20000.0,
                                       weather_code=h_code, condition=h_condition))
        current = CurrentWeather(time=issued, temperature_c=temperature, apparent_temperature_c=temperature - 2,
                                 humidity_percent=80.0, precipitation_mm=rain, wind_speed_kmh=12.0,
                                 wind_direction_deg=270.0, wind_gusts_kmh=20.0, visibility_m=hours[0].visibility_m,
                                 weather_code=code, condition=condition, is_day=True)
        daily = [DailyWeather(date=issued.date() + dt.timedelta(days=d), temperature_max_c=temperature + 2,
                              temperature_min_c=temperature - 2, precipitation_mm=rain * 24,
                              precipitation_probability_percent=80.0 if wet else 5.0, wind_speed_max_kmh=20.0,
                              weather_code=code, condition=condition, sunrise=None, sunset=None)
                 for d in range(7)]
        return Forecast(provider="test", demo=False, location=Location(lat=lat, lon=lon), issued_at=issued,
                        current=current, hourly=hours, daily=daily)


class RainInTwoHours(IcyPlaceWeather):
    """Grey now, rain from two hours on: a change that a summary of every fourth hour would pass over."""

    def hour_weather(self, lat: float, lon: float, hour: int) -> tuple[str, int, float, float]:
        return ("rain", 63, 6.0, 1.5) if hour >= 2 else ("cloudy", 3, 7.0, 0.0)


@pytest.fixture
def weather_backend(tmp_path, request):
    """The backend app in-process behind uvicorn on 127.0.0.1 with a weather provider this test controls
    (IcyPlaceWeather unless the test passes another class as the parameter); yields (url, provider)."""
    import socket
    import threading
    import time

    import uvicorn

    from headunit_backend.app import create_app

    provider = getattr(request, "param", IcyPlaceWeather)()
    app = create_app(f"sqlite:///{tmp_path / 'backend.db'}", weather=provider)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="icy-backend", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the test backend did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", provider
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def car(runtimes, qtbot, monkeypatch, weather_backend):
    """(runtime, store, spoken): the shell with every plugin, connected to the icy backend; `spoken` collects
    (app id, text) of every prompt the voice starts."""
    from PySide6.QtQuick import QQuickWindow  # noqa: F401

    from headunit.shell.theme import SCREEN_PRESETS, dpi_for

    monkeypatch.setenv("HEADUNIT_TTS_ENGINE", "mock")
    url, _provider = weather_backend
    size = (1280, 720)
    runtime = runtimes.start(dpi=dpi_for(*size, SCREEN_PRESETS[size]), drive="parked", backend=url)
    window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=size[0], shellHeight=size[1])
    window.show()
    with qtbot.waitSignal(runtime.host.idleLoadFinished, timeout=10_000):
        runtime.host.load_all_in_idle()
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    record = runtime.host.record(WEATHER)
    assert record and record.context, record.reason if record else "weather not registered"
    store = record.context.exposed()["weather"]
    spoken: list[tuple[str, str]] = []
    runtime.speech.started.connect(lambda owner, text: spoken.append((owner, text)))
    return runtime, store, spoken


def drive(runtime, shape: list[list[float]], remaining_m: float, remaining_s: float) -> None:
    """Navigation guides along `shape`, as the navigation app publishes it (ctx.navigation)."""
    nav = runtime.navigation
    nav.set_route(NAVIGATION, "Test destination", shape[-1][0], shape[-1][1], [tuple(p) for p in shape])
    nav.set_progress(remaining_m, remaining_s, kind="straight", instruction="Continue", street="B3",
                     distance_m=remaining_m)


def weather_alerts(runtime) -> list:
    return [n for n in runtime.notifications.items() if n.source == WEATHER]


def test_ice_ahead_on_the_route_gives_exactly_one_alert_spoken_while_navigating(car, qtbot, weather_backend):
    runtime, store, spoken = car
    _url, provider = weather_backend
    shape = north(55)  # 50.0 → 50.49 along 8.0°E: passes the icy place at 50.3
    drive(runtime, shape, 55_000, 3300)
    qtbot.waitUntil(lambda: len(weather_alerts(runtime)) >= 1, timeout=20_000)
    assert any((round(lat, 1), round(lon, 1)) == ICY for lat, lon in provider.asked)  # really asked the backend
    [alert] = weather_alerts(runtime)
    assert alert.level == "warning"
    assert "Ice" in alert.title or "ice" in (alert.title + alert.body).lower()
    assert alert.body.startswith("Ice ahead in") and alert.body.endswith(" km")
    qtbot.waitUntil(lambda: any(owner == WEATHER for owner, _ in spoken), timeout=10_000)
    assert [text for owner, text in spoken if owner == WEATHER] == [alert.body]

    # The car drives on: the route's weather is read and judged again (from the cache), no second alert.
    judged = []
    store.route.changed.connect(lambda: judged.append(1))
    for remaining in (49_000, 43_000, 37_000):
        before = len(judged)
        runtime.navigation.set_progress(remaining, remaining * 0.06, kind="straight", instruction="Continue",
                                        street="B3", distance_m=remaining)
        qtbot.waitUntil(lambda: len(judged) > before, timeout=10_000)
        qtbot.wait(200)
    qtbot.wait(1000)
    assert len(weather_alerts(runtime)) == 1
    assert len([t for o, t in spoken if o == WEATHER]) == 1


def test_a_route_that_avoids_the_icy_place_gives_no_alert(car, qtbot, weather_backend):
    runtime, store, spoken = car
    _url, provider = weather_backend
    shape = [[lat, 9.0] for lat, _ in north(55)]  # the same stretch 1° further east: the ice stays off the route
    drive(runtime, shape, 55_000, 3300)
    qtbot.waitUntil(lambda: sum(1 for _lat, lon in provider.asked if round(lon, 1) == 9.0) >= 5, timeout=20_000)
    qtbot.waitUntil(lambda: store.route.active, timeout=10_000)  # the route's weather arrived and was judged
    qtbot.wait(1000)
    assert weather_alerts(runtime) == []
    assert not [t for o, t in spoken if o == WEATHER]
    assert ICY not in {(round(lat, 1), round(lon, 1)) for lat, lon in provider.asked}


def test_while_moving_the_route_shows_the_places_that_fit_and_says_how_many_wait_until_parked(car, qtbot):
    from tests.shell import find, named, settle

    runtime, store, _spoken = car
    drive(runtime, north(55), 55_000, 3300)
    qtbot.waitUntil(lambda: store.route.active and len(store.route.points) >= 5, timeout=20_000)
    total = len(store.route.points)
    window = runtime.engine.rootObjects()[0]
    runtime.apps.openApp(WEATHER)
    runtime.simulator.applyDrive("moving")
    qtbot.waitUntil(lambda: runtime.restrictions.active, timeout=5_000)
    settle(qtbot)

    def shown():
        return [p for p in named(window, "routePoint") if p.isVisible()]

    page, hint = find(window, "weatherPage"), find(window, "routeMoreWhenParked")
    assert 0 < len(shown()) < total
    assert hint.isVisible() and hint.property("text") == f"{total - len(shown())} more when parked"
    bottom = hint.mapToItem(page, 0, hint.height()).y()
    assert bottom <= page.height(), "the note is below the page, which does not scroll while moving"

    runtime.simulator.applyDrive("parked")
    qtbot.waitUntil(lambda: not runtime.restrictions.active, timeout=5_000)
    settle(qtbot)
    assert len(shown()) == total and not hint.isVisible()


@pytest.mark.parametrize("weather_backend", [RainInTwoHours], indirect=True)
def test_while_moving_the_hours_shown_keep_the_hour_the_tile_names_as_the_next_change(car, qtbot):
    from tests.shell import named, settle

    runtime, store, _spoken = car
    window = runtime.engine.rootObjects()[0]
    store.refresh()
    qtbot.waitUntil(lambda: store.available and not store.busy and store.nextChange != "", timeout=20_000)
    assert store.nextChange.startswith("Rain from ")
    change_time = store.nextChange.removeprefix("Rain from ")

    runtime.apps.openApp(WEATHER)
    runtime.simulator.applyDrive("moving")
    qtbot.waitUntil(lambda: runtime.restrictions.active, timeout=5_000)
    settle(qtbot)
    shown = [t.property("text") for t in named(window, "hourTime") if t.isVisible()]
    assert 0 < len(shown) <= runtime.restrictions.maxItemsPerScreen
    assert change_time in shown, f"the tile says rain from {change_time}; the hours shown are {shown}"
