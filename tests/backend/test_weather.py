"""Weather: the deterministic demo provider, the Open-Meteo adapter (from a saved answer) and HTTP caching."""

import copy
import datetime as dt
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from fastapi.testclient import TestClient
from requests.adapters import BaseAdapter

from headunit_backend.app import create_app
from headunit_backend.weather import DemoWeather, OpenMeteoWeather, WeatherUnavailable, from_open_meteo
from tests.backend.api import Api

SAVED = Path(__file__).parent / "data" / "open-meteo-forecast-helsinki.json"
CONDITIONS = {"clear", "cloudy", "fog", "drizzle", "rain", "snow", "ice", "storm"}


@pytest.fixture
def db_url(sqlite_url):
    """Weather touches the database only to authenticate: SQLite is enough here."""
    return sqlite_url


def at(hour: int, minute: int = 0):
    return lambda: dt.datetime(2026, 11, 22, hour, minute, tzinfo=dt.UTC)


def test_demo_weather_says_it_is_demo_and_is_complete():
    forecast = DemoWeather(at(9)).forecast(60.17, 24.94)

    assert (forecast.provider, forecast.demo) == ("demo", True)
    assert len(forecast.hourly) == 24 and len(forecast.daily) == 7
    assert forecast.hourly[0].time == forecast.issued_at == dt.datetime(2026, 11, 22, 9, tzinfo=dt.UTC)
    assert {h.condition for h in forecast.hourly} | {d.condition for d in forecast.daily} <= CONDITIONS
    assert all(d.temperature_min_c <= d.temperature_max_c for d in forecast.daily)
    assert -40 < forecast.current.temperature_c < 45


def test_demo_weather_is_the_same_for_a_place_and_hour_and_changes_with_them():
    base = DemoWeather(at(9)).forecast(43.731, 7.421)

    assert DemoWeather(at(9, 59)).forecast(43.734, 7.419) == base  # same rounded place, same hour
    assert DemoWeather(at(10)).forecast(43.731, 7.421) != base
    assert DemoWeather(at(9)).forecast(60.17, 24.94) != base


class SavedAnswer(BaseAdapter):
    """A requests transport that answers every request with one saved body and remembers the requests."""

    def __init__(self, body: bytes, status: int = 200):
        super().__init__()
        self.body, self.status, self.requests = body, status, []

    def send(self, request, **kwargs):
        self.requests.append(request)
        response = requests.Response()
        response.status_code, response._content, response.url = self.status, self.body, request.url
        response.headers["Content-Type"] = "application/json"
        response.request = request
        return response

    def close(self):
        pass


def open_meteo(body: bytes, status: int = 200) -> tuple[OpenMeteoWeather, SavedAnswer]:
    session, transport = requests.Session(), SavedAnswer(body, status)
    session.mount("https://", transport)
    return OpenMeteoWeather(session), transport


def test_the_open_meteo_adapter_asks_for_metric_gmt_forecasts():
    provider, transport = open_meteo(SAVED.read_bytes())
    provider.forecast(60.17, 24.94)

    sent = urlsplit(transport.requests[0].url)
    query = {k: v[0] for k, v in parse_qs(sent.query).items()}
    assert sent.netloc == "api.open-meteo.com" and sent.path == "/v1/forecast"
    assert (query["latitude"], query["longitude"], query["timezone"]) == ("60.1700", "24.9400", "GMT")
    assert {"temperature_2m", "weather_code", "visibility"} <= set(query["current"].split(","))
    assert {"temperature_2m_max", "sunrise", "precipitation_sum"} <= set(query["daily"].split(","))


def test_the_open_meteo_adapter_maps_a_saved_answer():
    forecast, _ = open_meteo(SAVED.read_bytes())
    forecast = forecast.forecast(60.17, 24.94)
    saved = json.loads(SAVED.read_text())

    assert (forecast.provider, forecast.demo) == ("open-meteo", False)
    assert "Open-Meteo" in forecast.attribution
    assert forecast.issued_at == dt.datetime(2026, 11, 22, 10, 15, tzinfo=dt.UTC)
    now = forecast.current
    assert (now.temperature_c, now.wind_gusts_kmh, now.visibility_m, now.is_day) == (1.9, 37.1, 4100.0, True)
    assert (now.weather_code, now.condition) == (71, "snow")
    assert len(forecast.hourly) == 24
    assert forecast.hourly[0].time == dt.datetime(2026, 11, 22, 10, tzinfo=dt.UTC)
    assert forecast.hourly[0].temperature_c == saved["hourly"]["temperature_2m"][10]
    assert [d.date.isoformat() for d in forecast.daily] == saved["daily"]["time"]
    assert forecast.daily[0].sunrise == dt.datetime(2026, 11, 22, 6, 51, tzinfo=dt.UTC)
    assert forecast.daily[2].condition == "rain" and forecast.daily[4].condition == "fog"


def test_the_open_meteo_adapter_converts_a_local_timezone_and_imperial_units():
    saved = json.loads(SAVED.read_text())
    local = copy.deepcopy(saved)
    local.update(utc_offset_seconds=7200, timezone="Europe/Helsinki")
    local["current"]["time"] = "2026-11-22T12:15"
    local["hourly"]["time"] = [(dt.datetime.fromisoformat(t) + dt.timedelta(hours=2)).isoformat(timespec="minutes")
                               for t in saved["hourly"]["time"]]
    local["current_units"].update(temperature_2m="°F", wind_speed_10m="mp/h")
    local["current"].update(temperature_2m=35.42, wind_speed_10m=11.62)

    mapped, original = from_open_meteo(local), from_open_meteo(saved)

    assert mapped.issued_at == original.issued_at
    assert mapped.hourly == original.hourly
    assert (mapped.current.temperature_c, mapped.current.wind_speed_kmh) == (1.9, 18.7)


def test_the_open_meteo_adapter_reports_failures_as_unavailable():
    with pytest.raises(WeatherUnavailable):
        open_meteo(b'{"error": true, "reason": "Latitude must be in range of -90 to 90"}', status=400)[0].forecast(0, 0)
    with pytest.raises(WeatherUnavailable):
        open_meteo(b"<html>gateway timeout</html>")[0].forecast(0, 0)


def test_an_upstream_failure_is_a_502(sqlite_url):
    provider, _ = open_meteo(b"", status=503)
    with TestClient(create_app(sqlite_url, weather=provider)) as client:
        answer = Api.register(client).get("/v1/weather", params={"lat": 60.17, "lon": 24.94})

    assert answer.status_code == 502
    assert answer.json()["error"] == "upstream_error"


def test_weather_answers_are_cacheable_and_revalidate_with_304(api):
    first = api.get("/v1/weather", params={"lat": 60.17, "lon": 24.94})

    assert first.status_code == 200 and first.json()["demo"] is True
    assert first.headers["Cache-Control"] == "max-age=600, stale-while-revalidate=60, stale-if-error=86400"
    etag = first.headers["ETag"]
    for presented in (etag, f"W/{etag}", f'"other", {etag}'):
        again = api.get("/v1/weather", params={"lat": 60.17, "lon": 24.94}, headers={"If-None-Match": presented})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["ETag"] == etag
    elsewhere = api.get("/v1/weather", params={"lat": 43.73, "lon": 7.42}, headers={"If-None-Match": etag})
    assert elsewhere.status_code == 200 and elsewhere.headers["ETag"] != etag


def test_cache_lifetimes_are_configurable(sqlite_url):
    with TestClient(create_app(sqlite_url, weather_max_age=2, catalog_max_age=1)) as client:
        api = Api.register(client)
        weather = api.get("/v1/weather", params={"lat": 1, "lon": 2})
        catalog = api.get("/v1/catalog/categories")

    assert weather.headers["Cache-Control"].startswith("max-age=2,")
    assert catalog.headers["Cache-Control"] == "max-age=1, stale-if-error=86400"


@pytest.mark.parametrize("query", [{"lat": 91, "lon": 0}, {"lat": 0, "lon": -181}, {"lat": "north", "lon": 0}, {}])
def test_impossible_places_are_422(api, query):
    answer = api.get("/v1/weather", params=query)

    assert answer.status_code == 422
    assert answer.json()["error"] == "invalid_request"
