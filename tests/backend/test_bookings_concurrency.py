"""Drivers ordering the same slot at once, through real servers (one and two worker processes, SQLite and
PostgreSQL): a workshop never has more cars booked at a moment than it has bays."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from headunit_backend.process import ServerProcess
from tests.backend.api import Api
from tests.backend.test_bookings import PORSCHE, at_workshop, free_slots


@pytest.fixture(params=[("sqlite", 2), ("postgresql", 2)], ids=lambda p: f"{p[0]}-{p[1]}-workers")
def server(request, new_database):
    kind, workers = request.param
    with ServerProcess(new_database(kind), workers=workers) as running:
        yield running


def quick_fits(api: Api, count: int) -> list[str]:
    """Products in stock that fit in a 30-minute slot, one per driver: no stock row is shared, so nothing but
    the booking itself keeps the orders from committing at once."""
    items = api.get("/v1/catalog/products", params={"limit": 100}).json()["items"]
    found = [p["id"] for p in items if p["stock"] > 0 and p.get("fitting_minutes") and p["fitting_minutes"] <= 30]
    assert len(found) >= count
    return found[:count]


def test_six_drivers_at_once_fill_the_two_bays_and_the_rest_are_moved(server):
    drivers = [Api.register(requests.Session(), server.url) for _ in range(6)]
    products = quick_fits(drivers[0], len(drivers))
    cards = [driver.add_card() for driver in drivers]
    wanted = free_slots(drivers[0])[6]["start"]
    start = threading.Barrier(len(drivers))

    def order(n: int) -> dict:
        driver = Api(requests.Session(), server.url, drivers[n].device)  # a connection each, any worker
        start.wait()
        answer = driver.order(cards[n], (products[n], 1), delivery=at_workshop(wanted), timeout=30)
        assert answer.status_code == 201, answer.text
        return answer.json()["booking"]

    with ThreadPoolExecutor(len(drivers)) as pool:
        booked = list(pool.map(order, range(len(drivers))))

    at = Counter(dt.datetime.fromisoformat(b["start"]) for b in booked)
    assert at[dt.datetime.fromisoformat(wanted)] == 2  # the two bays of the slot asked for
    assert max(at.values()) == 2  # no slot overbooked
    assert sum(1 for b in booked if b["moved_from"] is None) == 2
    day = wanted[:10]
    slots = drivers[0].get(f"/v1/workshops/{PORSCHE}/slots", params={"date": day, "minutes": 30}).json()["items"]
    full = {dt.datetime.fromisoformat(s["start"]) for s in slots if not s["free"]}
    assert full >= set(at)
