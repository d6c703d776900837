"""Reports and the catalog feed under concurrent writers, through real servers with two workers on SQLite and
PostgreSQL: a review reported by many accounts at once is hidden once, and a car following the sync feed
while orders take stock ends with the stock the server has."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from headunit_backend.process import ServerProcess
from tests.backend.api import Api


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request, new_database):
    with ServerProcess(new_database(request.param), workers=2) as running:
        yield running


def device(server) -> Api:
    return Api.register(requests.Session(), server.url)


def test_many_accounts_reporting_at_once_hide_the_review_once(server):
    product = "bosch-cabin-filter-atto3"
    before = device(server).get(f"/v1/catalog/products/{product}").json()
    written = device(server).write("POST", f"/v1/catalog/products/{product}/reviews", {"rating": 1}).json()
    reporters = [device(server) for _ in range(6)]
    start = threading.Barrier(len(reporters))

    def send(reporter: Api):
        start.wait()
        return reporter.write("POST", f"/v1/catalog/reviews/{written['review_id']}/reports", {"reason": "fake"})

    with ThreadPoolExecutor(len(reporters)) as pool:
        answers = list(pool.map(send, reporters))

    statuses = sorted(a.status_code for a in answers)
    assert statuses.count(201) >= 3 and set(statuses) <= {201, 404}  # after the third, the review is gone
    after = device(server).get(f"/v1/catalog/products/{product}").json()
    assert (after["review_count"], after["histogram"]) == (before["review_count"], before["histogram"])
    assert written["review_id"] not in [r["review_id"] for r in after["reviews"]]


def test_a_car_following_the_sync_feed_during_orders_ends_with_the_servers_stock(server):
    reader = device(server)
    mirror: dict[str, int] = {}
    cursor = None

    def follow() -> None:
        nonlocal cursor
        while True:
            page = reader.get("/v1/catalog/sync", params={"cursor": cursor} if cursor else {}).json()
            mirror.update({p["id"]: p["stock"] for p in page["items"]})
            cursor = page["cursor"]
            if not page["more"]:
                return

    follow()
    products = ["hi-vis-vest-en20471-4pack", "microfibre-drying-towels-6", "anker-usb-c-cable-1m"]
    buyers = [device(server) for _ in range(4)]
    cards = [buyer.add_card() for buyer in buyers]
    done = threading.Event()

    def buy(i: int) -> None:
        for n in range(3):
            buyers[i].order(cards[i], (products[(i + n) % len(products)], 1))

    def keep_following() -> None:
        while not done.is_set():
            follow()

    with ThreadPoolExecutor(5) as pool:
        following = pool.submit(keep_following)
        list(pool.map(buy, range(len(buyers))))
        done.set()
        following.result()
    follow()

    for product in products:
        assert mirror[product] == reader.get(f"/v1/catalog/products/{product}").json()["stock"]
