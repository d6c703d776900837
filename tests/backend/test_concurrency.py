"""Concurrency through real servers (ServerProcess), on SQLite and PostgreSQL, with one and two workers:
one request per key at a time, no second charge after a crash, no overselling, no missed changes."""

import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa

from headunit_backend.process import ServerProcess
from tests.backend.api import Api


@pytest.fixture(scope="module", params=[("sqlite", 1), ("sqlite", 2), ("postgresql", 1), ("postgresql", 2)],
                ids=lambda p: f"{p[0]}-{p[1]}-worker{'s' if p[1] > 1 else ''}")
def server(request, new_database):
    """One server per database and worker count; tests keep apart by registering their own accounts."""
    kind, workers = request.param
    with ServerProcess(new_database(kind), workers=workers, args=["--slow-charge-delay", "0.6"]) as running:
        yield running


def captures(api: Api) -> list[dict]:
    return [e for e in api.get("/v1/ledger").json()["items"] if e["kind"] == "capture"]


def device(server, account_key=None) -> Api:
    return Api.register(requests.Session(), server.url, account_key=account_key)


def test_two_requests_with_one_key_at_once_give_one_201_and_one_409(server):
    api = device(server)
    card, key = api.add_card("tok_slow"), str(uuid.uuid4())
    start = threading.Barrier(2)

    def send(_):
        session = requests.Session()  # one connection each, possibly to different workers
        start.wait()
        return Api(session, server.url, api.device).order(card, ("thule-ck7-090", 1), key=key, timeout=30)

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(send, range(2)))

    assert sorted(a.status_code for a in answers) == [201, 409]
    conflict = next(a for a in answers if a.status_code == 409)
    assert conflict.json()["error"] == "idempotency_key_in_flight"
    assert len(captures(api)) == 1
    replay = api.order(card, ("thule-ck7-090", 1), key=key)
    assert replay.status_code == 201 and replay.headers["Idempotent-Replayed"] == "true"
    assert replay.content == next(a for a in answers if a.status_code == 201).content


def test_concurrent_orders_never_sell_more_than_the_stock(server):
    api = device(server)
    card = api.add_card()
    stock = api.get("/v1/catalog/products/pewag-servo9-rs74").json()["stock"]

    def buy(_):
        return Api(requests.Session(), server.url, api.device).order(card, ("pewag-servo9-rs74", 1), timeout=30)

    with ThreadPoolExecutor(stock * 2) as pool:
        statuses = Counter(answer.status_code for answer in pool.map(buy, range(stock * 2)))

    assert statuses == {201: stock, 422: stock}
    assert api.get("/v1/catalog/products/pewag-servo9-rs74").json()["stock"] == 0
    assert len(captures(api)) == stock


def test_a_reader_following_the_feed_during_concurrent_writes_misses_nothing(server):
    car = device(server)
    phone = device(server, account_key=car.device["account_key"])
    car.approve(phone)
    writes = [(car if n % 2 else phone, f"place-{n}") for n in range(30)]
    done = threading.Event()
    seen: list[dict] = []

    def follow():
        cursor = None
        while True:
            finished = done.is_set()
            page = car.get("/v1/sync/changes", params={"cursor": cursor, "limit": 7} if cursor else {"limit": 7})
            seen.extend(page.json()["changes"])
            cursor = page.json()["cursor"]
            if finished and not page.json()["more"]:
                return

    reader = threading.Thread(target=follow)
    reader.start()
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda w: Api(requests.Session(), server.url, w[0].device)
                      .write("PUT", f"/v1/sync/items/favourites/{w[1]}", {"value": w[1]}), writes))
    done.set()
    reader.join(30)

    assert sorted(c["key"] for c in seen) == sorted(key for _, key in writes)
    assert [c["seq"] for c in seen] == list(range(1, 31))


def test_a_key_left_in_flight_by_a_crash_is_taken_over_after_the_lease_without_a_second_charge(db_url):
    lease = ["--idempotency-lease", "8"]  # long enough for a restart on a slow machine, short for a test
    crashed = ServerProcess(db_url, args=[*lease, "--slow-charge-delay", "60"])
    api = device(crashed)
    card, key = api.add_card("tok_slow"), str(uuid.uuid4())
    outcome: list[object] = []

    def send_and_lose_the_answer():
        try:
            outcome.append(api.order(card, ("viofo-a129-plus-duo", 1), key=key, timeout=60))
        except requests.ConnectionError as error:
            outcome.append(error)

    lost = threading.Thread(target=send_and_lose_the_answer)
    lost.start()
    engine = sa.create_engine(db_url)
    charges = sa.text("SELECT count(*) FROM sandbox_holds")
    try:
        deadline = time.monotonic() + 20
        while True:  # wait until the card is charged; the answer is still on its way
            with engine.connect() as conn:
                if conn.execute(charges).scalar():
                    break
            assert time.monotonic() < deadline
            time.sleep(0.02)
        crashed.kill()
        lost.join(10)
        assert isinstance(outcome[0], requests.ConnectionError)

        with ServerProcess(db_url, args=[*lease, "--slow-charge-delay", "0"]) as restarted:
            retry = Api(requests.Session(), restarted.url, api.device)
            assert retry.order(card, ("viofo-a129-plus-duo", 1), key=key).status_code == 409  # lease still held
            deadline = time.monotonic() + 15
            while (answer := retry.order(card, ("viofo-a129-plus-duo", 1), key=key)).status_code == 409:
                assert time.monotonic() < deadline
                time.sleep(0.25)

            assert answer.status_code == 201
            assert [e["op_id"] for e in captures(retry)] == [key]
            assert retry.get(f"/v1/operations/{key}").json()["status"] == "done"
        with engine.connect() as conn:
            assert conn.execute(charges).scalar() == 1
    finally:
        crashed.kill()
        engine.dispose()
