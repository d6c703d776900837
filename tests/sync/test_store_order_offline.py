"""An order placed offline (network switch off) is sent once when the network returns, paid exactly once,
and its workshop booking appears, even though the car is killed mid-send.

Real pieces throughout: a backend server on loopback, a car (the sync client in a child process) that queues
the order as the shell's payment desk does, the outbox, the drainer and the network switch. The car is
SIGKILLed after the order reached the backend and before it recorded the answer, either once the answer has
arrived (a crash point) or while the backend is still paying (a slow card, killed from outside); it restarts
and drains. The backend then holds exactly one order, one captured payment, one booking; the car's operation
is acked with the order's answer, booking included.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from headunit.sync import SyncClient, crashpoints
from headunit_backend.audit import audit
from headunit_backend.db import Database
from headunit_backend.process import ServerProcess
from tests.backend.api import Api
from tests.sync.conftest import FAST

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = "philips-longlife-w5w"  # 10 minutes to fit: a 30-minute slot
WORKSHOP = "ws-porsche-fontvieille"  # 2 bays


@pytest.fixture
def server(tmp_path):
    with ServerProcess(f"sqlite:///{tmp_path / 'backend.db'}",
                       args=["--idempotency-lease", "2", "--slow-charge-delay", "1.5"]) as running:
        running.engine = sa.create_engine(f"sqlite:///{tmp_path / 'backend.db'}")
        yield running
        running.engine.dispose()


def count(server, sql: str, **params) -> int:
    with server.engine.connect() as conn:
        return conn.execute(sa.text(sql), params).scalar_one()


def first_free_slot(api: Api) -> dict:
    for offset in range(1, 15):
        day = (dt.date.today() + dt.timedelta(days=offset)).isoformat()
        slots = api.get(f"/v1/workshops/{WORKSHOP}/slots", params={"date": day, "minutes": 30}).json()["items"]
        if any(s["free"] for s in slots):
            return next(s for s in slots if s["free"])
    raise AssertionError("no free slot in two weeks")


def start_car(server, profile: Path, folder: Path, phase: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.sync.store_order_child", server.url, str(profile),
                             str(folder), phase], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_for(condition, what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


@pytest.mark.parametrize("killed", ["after_the_answer_arrived", "while_the_backend_pays"])
def test_an_offline_order_is_paid_once_and_booked_although_the_car_dies_mid_send(server, tmp_path, killed):
    profile, folder = tmp_path / "car", tmp_path / "exchange"
    folder.mkdir()
    car = SyncClient(server.url, profile, settings=FAST)
    registration = car.register("Store car", "car")
    car.close()  # from here on, only the car's own processes open its profile
    api = Api(requests.Session(), server.url, {"device_id": registration.device_id, "token": registration.token})
    card = api.add_card("tok_slow" if killed == "while_the_backend_pays" else "tok_visa")
    slot = first_free_slot(api)
    price = api.get(f"/v1/catalog/products/{PRODUCT}").json()["price_cents"]
    (folder / "request.json").write_text(json.dumps({
        "kind": "order", "merchant": {"id": "headunit-shop", "name": "HeadUnit shop"}, "amount_cents": price,
        "currency": "EUR", "payment_method_id": card,
        "request": {"method": "POST", "path": "/v1/orders", "body": {
            "items": [{"product_id": PRODUCT, "quantity": 1}],
            "delivery": {"kind": "workshop", "workshop_id": WORKSHOP, "slot_start": slot["start"]}}}}))

    crash_log = tmp_path / "crashes.log"
    arm = {crashpoints.ENV_ARM: "after_ack_before_outbox_update:1", crashpoints.ENV_LOG: str(crash_log)}
    first = start_car(server, profile, folder, "queue", arm if killed == "after_the_answer_arrived" else None)
    wait_for(lambda: (folder / "op_id").exists() or first.poll() is not None, "the car to queue the order")
    assert first.poll() is None, first.communicate()[0]
    op_id = (folder / "op_id").read_text()

    # Offline: the order waits on the car; the backend has seen nothing of it.
    assert count(server, "SELECT count(*) FROM operations WHERE op_id = :op", op=op_id) == 0
    assert count(server, "SELECT count(*) FROM sandbox_holds") == 0
    if killed == "after_the_answer_arrived":
        # Meanwhile both bays of the slot the driver chose are booked by two other drivers.
        for _ in range(2):
            other = Api.register(requests.Session(), server.url)
            answer = other.order(other.add_card(), (PRODUCT, 1), delivery={
                "kind": "workshop", "workshop_id": WORKSHOP, "slot_start": slot["start"]})
            assert answer.status_code == 201, answer.text

    (folder / "go").touch()  # the network returns
    if killed == "while_the_backend_pays":
        # The request is at the backend, which holds the money and has not answered yet: pull the car's plug.
        wait_for(lambda: count(server, "SELECT count(*) FROM sandbox_holds WHERE token = 'tok_slow'") == 1,
                 "the backend to hold the money")
        assert count(server, "SELECT count(*) FROM operations WHERE op_id = :op AND state = 'in_flight'",
                     op=op_id) == 1
        first.send_signal(signal.SIGKILL)
    output = first.communicate(timeout=30)[0]
    assert first.returncode == -signal.SIGKILL, output
    if killed == "after_the_answer_arrived":
        assert crash_log.read_text().split()[0] == "after_ack_before_outbox_update"
        assert count(server, "SELECT count(*) FROM operations WHERE op_id = :op AND state = 'done'", op=op_id) == 1

    restarted = start_car(server, profile, folder, "drain")
    output = restarted.communicate(timeout=60)[0]
    assert restarted.returncode == 0, output
    found = json.loads((folder / "found.json").read_text())
    result = json.loads((folder / "result.json").read_text())

    assert found["state"] == "pending"  # the car had not recorded the answer when it died
    assert (result["drained"], result["state"], result["status"]) == (True, "acked", 201)
    [order] = api.get("/v1/orders").json()["items"]
    answer = result["response"]
    assert answer["order_id"] == order["order_id"] and answer["booking"] == order["booking"]
    assert order["booking"]["workshop"]["id"] == WORKSHOP and order["booking"]["status"] == "booked"
    if killed == "after_the_answer_arrived":  # its slot was taken while it waited: the nearest free one
        assert dt.datetime.fromisoformat(order["booking"]["moved_from"]) == dt.datetime.fromisoformat(slot["start"])
        assert order["booking"]["start"] != slot["start"]
    else:
        assert (order["booking"]["start"], order["booking"]["moved_from"]) == (slot["start"], None)
    assert [b["booking_id"] for b in api.get("/v1/bookings").json()["items"]] == [order["booking"]["booking_id"]]

    # Paid exactly once: one hold at the processor, captured, and the ledger says so.
    [payment] = api.get("/v1/payments").json()["items"]
    assert (payment["status"], payment["captured_cents"]) == ("succeeded", price)
    assert [(e["kind"], e["amount_cents"], e["order_id"]) for e in api.get("/v1/ledger").json()["items"]] == [
        ("authorize", price, order["order_id"]), ("capture", price, order["order_id"])]
    # The processor's holds under this car's keys (device_id:op_id): one.
    assert count(server, "SELECT count(*) FROM sandbox_holds WHERE idempotency_key LIKE :car",
                 car=f"{registration.device_id}:%") == 1
    assert count(server, "SELECT count(*) FROM orders WHERE op_id = :op", op=op_id) == 1
    db = Database(server.db_url)
    try:
        report = audit(db)
    finally:
        db.dispose()
    assert report.clean, report.to_json()
