"""The facade: registration, user data across cars of one account, status, errors."""

from __future__ import annotations

import socket
import sqlite3
import stat
import time

import pytest

from headunit.sync import NotRegisteredError, StoreError, SyncClient, UnavailableError
from tests.sync.conftest import FAST, BackendDB


def test_register_keeps_the_token_private(backend, make_client, tmp_path):
    client = make_client("car")
    path = tmp_path / "car" / "device.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert client.registration.token in path.read_text()
    assert client.register("again") == client.registration  # once per profile
    client.close()
    assert SyncClient(backend.url, tmp_path / "car").registration == client.registration


def test_unregistered_profiles_cannot_sync(backend, tmp_path):
    client = SyncClient(backend.url, tmp_path / "new", settings=FAST)
    with pytest.raises(NotRegisteredError):
        client.pull()
    with pytest.raises(NotRegisteredError):
        client.start()  # nothing to register as
    with pytest.raises(NotRegisteredError):
        client.drain(1)
    client.close()


def free_port() -> int:
    """A loopback port nothing listens on: connections to it are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


APP = "org.example.app"


def test_writes_before_the_account_is_reached_are_durable_and_sent_once_it_answers(tmp_path):
    """First start with the backend down: the outbox and the mirror work at once, survive a restart, and the
    device registers by itself (one device, however many attempts) once the backend comes up."""
    from headunit_backend.process import ServerProcess

    url, profile = f"http://127.0.0.1:{free_port()}", tmp_path / "car"
    car = SyncClient(url, profile, settings=FAST)
    car.start(device_name="car")
    car.put_item("playlists", "trip", {"name": "Road trip"}, plugin=APP)
    car.put_item("destinations", "home", {"lat": 43.73}, plugin=APP)
    car.put_item("favourites", "gone", 1, plugin=APP)
    car.delete_item("favourites", "gone", plugin=APP)
    time.sleep(0.2)  # registration is refused again and again meanwhile
    status = car.status()
    assert (status.online, status.linked, status.pending) == (True, False, 4)
    assert car.registration is None
    assert APP not in car.bytes_by_plugin()  # no operation left the car
    with pytest.raises(UnavailableError, match="not reached yet"):
        car.get("/v1/weather", {"lat": 43.7, "lon": 7.4}, plugin="p")
    car.close()  # the car is switched off

    car = SyncClient(url, profile, settings=FAST)
    assert car.items("playlists") == {"trip": {"name": "Road trip"}} and car.items("favourites") == {}
    car.delete_item("destinations", "home", plugin=APP)  # offline too: must not come back
    car.start(device_name="car")
    backend_db = tmp_path / "backend.db"
    with ServerProcess(f"sqlite:///{backend_db}", args=["--port", url.rsplit(":", 1)[1]]) as server:
        assert car.drain(20)
        assert car.linked and car.status().linked
        account = car.registration.account_id
        assert BackendDB(backend_db).items(account) == {("playlists", "trip"): {"name": "Road trip"}}
        assert [op.state for op in car.outbox.operations()] == ["acked"] * 5
        car.pull()
        assert car.mirror.all_items() == {("playlists", "trip"): {"name": "Road trip"}}
        devices = sqlite3.connect(backend_db).execute("SELECT count(*) FROM devices").fetchone()[0]
        assert devices == 1
        assert server.url.rstrip("/") == url
    car.close()


def test_a_client_learns_its_backend_later(backend, tmp_path):
    car = SyncClient(None, tmp_path / "car", settings=FAST)
    car.start(device_name="car")
    car.put_item("settings", "units", "metric")
    assert not car.status().linked and car.status().pending == 1
    car.set_backend(backend.url)
    assert car.drain(10)
    assert backend.db.items(car.registration.account_id) == {("settings", "units"): "metric"}
    assert car.registration.base_url == backend.url.rstrip("/") + "/"
    car.close()


def test_only_one_process_registers_and_syncs_a_profile(tmp_path):
    url, profile = f"http://127.0.0.1:{free_port()}", tmp_path / "car"
    first, second = SyncClient(url, profile, settings=FAST), SyncClient(url, profile, settings=FAST)
    first.start(device_name="car")
    with pytest.raises(StoreError, match="another process"):
        second.start(device_name="car")
    second.put_item("favourites", "a", 1)  # the profile's outbox is shared: the syncing process sends it
    assert first.items("favourites") == {"a": 1} and first.status().pending == 1
    second.close()
    first.close()


def test_two_cars_and_a_phone_converge(backend, make_client):
    car = make_client("car")
    key = car.registration.account_key
    other, phone = make_client("other", account_key=key), make_client("phone", account_key=key)
    car.put_item("favourites", "home", {"lat": 60.17})
    other.put_item("favourites", "work", {"lat": 60.2})
    phone.put_item("settings", "units", "metric")
    for device in (car, other, phone):
        assert device.drain(5)
    phone.delete_item("favourites", "work")
    other.put_item("favourites", "home", {"lat": 61.0})  # later in server order: wins
    for device in (phone, other):
        assert device.drain(5)
    for device in (car, other, phone):
        device.pull()
        assert device.mirror.all_items() == backend.db.items(car.registration.account_id) == {
            ("favourites", "home"): {"lat": 61.0}, ("settings", "units"): "metric"}


def test_a_pending_local_write_is_not_overwritten_by_a_pull(backend, make_client):
    car = make_client("car")
    phone = make_client("phone", account_key=car.registration.account_key)
    phone.put_item("settings", "volume", 3)
    assert phone.drain(5)
    car.set_online(False)
    car.put_item("settings", "volume", 9)
    car.set_online(True)
    car.pull()  # brings the phone's older write; the car's own is still queued
    assert car.items("settings") == {"volume": 9}
    assert car.drain(5)
    car.pull()
    assert car.items("settings") == {"volume": 9}


def test_a_refused_local_write_is_undone_by_the_next_pull(backend, make_client):
    car = make_client("car")
    car.put_item("settings", "huge", "x" * 70_000)  # over the backend's 64 KiB limit
    assert car.items("settings") == {"huge": "x" * 70_000}
    assert car.drain(5)
    assert car.status().rejected == 1
    car.pull()
    assert car.items("settings") == {}


def test_status(backend, make_client):
    car = make_client("car")
    seen = []
    car.subscribe(seen.append)
    assert car.status().pending == 0 and car.status().data_age is None
    car.set_online(False)
    car.put_item("favourites", "a", 1)
    status = car.status()
    assert (status.online, status.pending, status.rejected) == (False, 1, 0)
    assert status.oldest_pending_age is not None and status.oldest_pending_age >= 0
    car.set_online(True)
    assert car.drain(5)
    car.pull()
    status = car.status()
    assert status.pending == 0 and status.oldest_pending_age is None
    assert status.last_sync is not None and 0 <= status.data_age < 5
    assert [(s.online, s.pending) for s in seen][:4] == [(True, 0), (False, 0), (False, 1), (True, 1)]
    assert car.latest_status == seen[-1]


def test_start_and_stop_in_the_background(backend, make_client, tmp_path):
    car = make_client("car")
    car.start()
    with pytest.raises(Exception, match="another process"):
        SyncClient(backend.url, tmp_path / "car", settings=FAST).start()
    finals = []
    car.on_final(finals.append)
    ids = [car.put_item("destinations", f"d{i}", i) for i in range(20)]
    assert car.drain(5)
    assert [op.op_id for op in finals] == ids
    car.stop()
    car.start()
    car.stop()
