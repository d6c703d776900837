"""User-data writes travel together in one push, with every guarantee of a write sent alone."""

from __future__ import annotations

import uuid

import requests

from headunit.sync import FaultInjector
from tests.sync.conftest import Recorder


def test_a_lane_of_user_data_writes_drains_in_a_few_pushes_in_order(backend, make_client):
    recorder = Recorder()
    car = make_client("car", faults=FaultInjector(seed=1, rate=0.0, match=recorder))
    car.set_online(False)
    ops = [car.put_item("favourites", f"k{i % 7}", {"i": i}, plugin="org.example.places") for i in range(150)]
    car.set_online(True)
    assert car.drain(timeout=30)

    pushes = [r for r in recorder.requests if r == ("POST", "/v1/sync/push")]
    assert 3 <= len(pushes) <= 6 and len(recorder.requests) == len(pushes)  # 150 writes, 64 a push at most
    server = backend.db.operations(car.registration.device_id)
    assert [server[op][1] for op in ops] == ["done"] * 150
    assert [server[op][0] for op in ops] == sorted(server[op][0] for op in ops)  # applied in lane order
    assert backend.db.last_seq(car.registration.account_id) == 150  # each applied exactly once
    assert car.items("favourites") == {f"k{k}": {"i": max(i for i in range(150) if i % 7 == k)} for k in range(7)}


def test_a_write_sent_alone_then_pushed_applies_once(backend, make_client):
    car = make_client("car")
    token = {"Authorization": f"Bearer {car.registration.token}"}
    op_id = str(uuid.uuid4())
    alone = requests.put(f"{backend.url}/v1/sync/items/favourites/casino", json={"value": 1},
                         headers={**token, "Idempotency-Key": op_id})
    pushed = requests.post(f"{backend.url}/v1/sync/push", headers=token, json={"operations": [
        {"op_id": op_id, "method": "PUT", "path": "/v1/sync/items/favourites/casino", "body": {"value": 1}},
        {"op_id": str(uuid.uuid4()), "method": "PUT", "path": "/v1/sync/items/favourites/casino",
         "body": {"value": 2}},
        {"op_id": op_id, "method": "PUT", "path": "/v1/sync/items/favourites/casino", "body": {"value": 3}},
        {"op_id": str(uuid.uuid4()), "method": "PUT", "path": "/v1/sync/items/nowhere/x", "body": {"value": 4}},
    ]}).json()["results"]
    assert alone.status_code == 200
    assert (pushed[0]["status"], pushed[0]["replayed"], pushed[0]["response"]) == (200, True, alone.json())
    assert (pushed[1]["status"], pushed[1]["replayed"]) == (200, False)
    assert (pushed[2]["status"], pushed[2]["response"]["error"]) == (422, "idempotency_key_reused")
    assert (pushed[3]["status"], pushed[3]["response"]["error"]) == (422, "invalid_request")
    assert backend.db.last_seq(car.registration.account_id) == 2


def test_pushes_under_faults_apply_each_write_once_in_order(backend, make_client):
    faults = FaultInjector(rate=0.5, seed=11, retry_after=0)
    car = make_client("car", faults=faults)
    car.set_online(False)
    ops = [car.put_item("playlists", f"p{i % 5}", i, plugin="org.example.music") for i in range(200)]
    car.set_online(True)
    assert car.drain(timeout=60)
    assert sum(faults.injected.values()) >= 3
    server = backend.db.operations(car.registration.device_id)
    assert all(server[op][1] == "done" for op in ops)
    assert [server[op][0] for op in ops] == sorted(server[op][0] for op in ops)
    assert backend.db.last_seq(car.registration.account_id) == 200
    faults.rate = 0.0
    car.pull()
    assert car.items("playlists") == {f"p{k}": 195 + k for k in range(5)}


def test_large_values_go_in_pushes_the_backend_accepts(backend, make_client):
    recorder = Recorder()
    car = make_client("car", faults=FaultInjector(seed=1, rate=0.0, match=recorder))
    car.set_online(False)
    big = "♪" * 10_000  # 30 kB of JSON each: 40 of them would exceed the backend's 1 MiB body limit
    ops = [car.put_item("playlists", f"list-{i}", big, plugin="org.example.music") for i in range(40)]
    car.set_online(True)
    assert car.drain(timeout=60)
    assert all(car.operation(op).state == "acked" for op in ops)
    assert recorder.requests.count(("POST", "/v1/sync/push")) >= 5


def test_keys_the_backend_cannot_route_are_refused_before_anything_is_queued(make_client):
    car = make_client("car")
    try:
        car.put_item("favourites", "a/b", 1)
    except ValueError as error:
        assert "'/'" in str(error)
    else:
        raise AssertionError("a key with '/' was queued")
    assert car.status().pending == 0
