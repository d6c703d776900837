"""Cached reads against a backend that goes away and comes back: last data with its age, then 304."""

from __future__ import annotations

import time

import pytest

from headunit.sync import SyncClient, UnavailableError
from tests.sync.conftest import FAST

HELSINKI = {"lat": 60.17, "lon": 24.94}


@pytest.fixture
def weather_backend(tmp_path):
    """A backend whose weather and catalog are fresh for one second, and a way to restart it on the same port."""
    from headunit_backend.process import ServerProcess

    db = f"sqlite:///{tmp_path / 'backend.db'}"
    args = ["--weather-max-age", "1", "--catalog-max-age", "1"]
    servers = [ServerProcess(db, args=args)]

    def restart() -> None:
        servers.append(ServerProcess(db, args=[*args, "--port", str(servers[0].port)]))

    yield servers, restart
    for server in servers:
        server.kill()


@pytest.mark.parametrize("path, params", [("/v1/weather", HELSINKI),
                                          ("/v1/catalog/products", {"category": "wiper-blades", "limit": 50})])
def test_last_data_with_its_age_while_the_backend_is_down_then_304(weather_backend, tmp_path, path, params):
    servers, restart = weather_backend
    client = SyncClient(servers[0].url, tmp_path / "driver", settings=FAST)
    client.register("car", "car")

    first = client.get(path, params, plugin="weather")
    assert (first.from_cache, first.stale, first.status, first.age_seconds) == (False, False, 200, 0.0)
    if path == "/v1/weather":
        assert first.data["demo"] is True and len(first.data["hourly"]) == 24
    else:
        assert first.data["total"] > 0 and all(p["category"] == "wiper-blades" for p in first.data["items"])

    hit = client.get(path, params, plugin="weather")
    assert hit.from_cache and not hit.stale and 0 <= hit.age_seconds < 1 and hit.data == first.data

    servers[0].kill()
    time.sleep(1.3)
    down = client.get(path, params, plugin="weather")
    assert down.from_cache and down.stale and down.data == first.data
    assert 1.2 < down.age_seconds < 5

    client.set_online(False)
    offline = client.get(path, params, plugin="weather")
    assert offline.stale and offline.age_seconds >= down.age_seconds
    client.set_online(True)

    restart()
    _, before = client.bytes_by_plugin()["weather"]
    back = client.get(path, params, plugin="weather")
    _, after = client.bytes_by_plugin()["weather"]
    assert back.from_cache and not back.stale and back.age_seconds == 0.0 and back.data == first.data
    assert after - before < 500  # a 304: headers only, the forecast was not sent again

    again = client.get(path, params, plugin="weather")
    assert again.from_cache and not again.stale and again.age_seconds < 1  # fresh again after the 304
    client.close()


def test_nothing_cached_and_offline_is_an_error(backend, make_client):
    client = make_client()
    client.set_online(False)
    with pytest.raises(UnavailableError) as caught:
        client.get("/v1/weather", HELSINKI, plugin="weather")
    assert caught.value.status is None and "offline" in caught.value.detail


def test_an_error_answer_without_a_cached_copy_is_an_error(backend, make_client):
    client = make_client()
    with pytest.raises(UnavailableError) as caught:
        client.get("/v1/no-such-thing", plugin="weather")
    assert caught.value.status == 404


def test_one_cache_per_profile(backend, make_client, tmp_path):
    one, two = make_client("one"), make_client("two")
    one.get("/v1/weather", HELSINKI, plugin="weather")
    assert two.get("/v1/weather", HELSINKI, plugin="weather").from_cache is False
    assert (tmp_path / "one" / "http-cache.sqlite").exists() and (tmp_path / "two" / "http-cache.sqlite").exists()


def test_a_corrupt_cache_file_is_replaced(backend, make_client, tmp_path):
    (tmp_path / "car").mkdir()
    (tmp_path / "car" / "http-cache.sqlite").write_bytes(b"not a cache" * 100)
    client = make_client("car")
    assert client.get("/v1/weather", HELSINKI, plugin="weather").status == 200
    assert list((tmp_path / "car").glob("http-cache.sqlite.corrupt-*"))


def test_a_truncated_answer_is_never_cached(backend, make_client):
    from headunit.sync import FaultInjector

    faults = FaultInjector()
    client = make_client(faults=faults)
    faults.force("truncated")
    with pytest.raises(UnavailableError, match="IncompleteRead"):
        client.get("/v1/weather", HELSINKI, plugin="weather")
    reading = client.get("/v1/weather", HELSINKI, plugin="weather")
    assert not reading.from_cache and len(reading.data["daily"]) == 7
