"""No charge is ever orphaned: a real backend is SIGKILLed while a slow card is being authorized, the basket
changes while it is down (card deleted, stock gone, price changed) or the car gives the operation up, and
the same Idempotency-Key is retried after a restart. The reconciler (or the retry's takeover) finishes what
the first attempt started; the car gets a truthful answer and the audit finds nothing."""

import threading
import time
import uuid

import pytest
import requests
import sqlalchemy as sa

from headunit_backend.audit import audit
from headunit_backend.db import Database
from headunit_backend.process import ServerProcess
from tests.backend.api import Api

PRODUCT = "viofo-a129-plus-duo"
LEASE = "3"  # long enough for a restart on a slow machine, short for a test


def killed_mid_authorisation(db_url: str):
    """A server killed while the sandbox holds `tok_slow`'s money and the answer is still on its way."""
    crashed = ServerProcess(db_url, args=["--idempotency-lease", LEASE, "--slow-charge-delay", "60",
                                          "--reconcile-interval", "0.5"])
    api = Api.register(requests.Session(), crashed.url)
    card, key = api.add_card("tok_slow"), str(uuid.uuid4())
    price = api.get(f"/v1/catalog/products/{PRODUCT}").json()["price_cents"]
    outcome: list[object] = []

    def send():
        try:
            outcome.append(api.order(card, (PRODUCT, 1), key=key, timeout=60))
        except requests.ConnectionError as error:
            outcome.append(error)

    sender = threading.Thread(target=send)
    sender.start()
    engine = sa.create_engine(db_url)
    try:
        deadline = time.monotonic() + 30
        while True:
            with engine.connect() as conn:
                if conn.execute(sa.text("SELECT count(*) FROM sandbox_holds")).scalar():
                    break
            assert time.monotonic() < deadline, crashed.output()
            time.sleep(0.02)
        crashed.kill()
        sender.join(10)
        assert isinstance(outcome[0], requests.ConnectionError)
    finally:
        crashed.kill()
        engine.dispose()
    return api, card, key, price


def change(db_url: str, variant: str, card: str, price: int) -> None:
    """The basket changes while the backend is down, as the brief's reviewer did it."""
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        if variant == "card_deleted":
            conn.execute(sa.text("UPDATE payment_methods SET deleted_at = created_at WHERE id = :id"), {"id": card})
        elif variant == "stock_gone":
            conn.execute(sa.text("UPDATE products SET stock = 0 WHERE id = :id"), {"id": PRODUCT})
        elif variant == "price_changed":
            conn.execute(sa.text("UPDATE products SET price_cents = :p WHERE id = :id"),
                         {"p": price + 1000, "id": PRODUCT})
    engine.dispose()


def settled(api: Api, key: str, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while (status := api.get(f"/v1/operations/{key}").json())["status"] != "done":
        assert time.monotonic() < deadline, status
        time.sleep(0.2)
    return status


def assert_audit_clean(db_url: str) -> None:
    db = Database(db_url)
    try:
        report = audit(db)
    finally:
        db.dispose()
    assert report.clean, report.to_json()
    assert report.counts["in_flight"] == 0


# Two of the restarts run two workers: both reconcile, and each intent must still be settled once.
@pytest.mark.parametrize(("variant", "workers"), [("card_deleted", 1), ("stock_gone", 2), ("price_changed", 2),
                                                  ("expired", 1)])
def test_a_charge_interrupted_by_a_crash_is_never_orphaned(db_url, variant, workers):
    first, card, key, price = killed_mid_authorisation(db_url)
    change(db_url, variant, card, price)

    with ServerProcess(db_url, workers=workers, args=["--idempotency-lease", LEASE, "--slow-charge-delay", "0",
                                                      "--reconcile-interval", "0.5"]) as restarted:
        api = Api(requests.Session(), restarted.url, first.device)
        if variant == "expired":
            time.sleep(float(LEASE))  # the car gives up once its deadline passed; the lease has passed too
            given_up = api.write("POST", f"/v1/operations/{key}/expire").json()
            assert given_up["status"] in ("done", "in_flight")
        status = settled(api, key)
        retry = api.order(card, (PRODUCT, 1), key=key)
        ledger = api.get("/v1/ledger").json()["items"]
        payments = api.get("/v1/payments").json()["items"]

        # The car's retry is answered with the operation's one final answer.
        assert retry.headers.get("Idempotent-Replayed") == "true"
        assert (retry.status_code, retry.json()) == (status["response_status"], status["response"])
        assert len(payments) == 1
        if variant == "stock_gone":
            # Refused, and the hold released: the car is told out_of_stock and no money stays moved.
            assert (retry.status_code, retry.json()["error"]) == (422, "out_of_stock")
            assert payments[0]["status"] == "canceled" and payments[0]["captured_cents"] == 0
            assert [(e["kind"], e["amount_cents"]) for e in ledger] == [("authorize", price), ("void", price)]
            assert api.get("/v1/orders").json()["items"] == []
        else:
            # The money was held for the basket as first priced: the order completes at that price, with the
            # card the driver confirmed, even if it was deleted or the price changed since.
            assert retry.status_code == 201, retry.text
            order = retry.json()
            assert (order["total_cents"], order["payment_method_id"]) == (price, card)
            assert payments[0]["status"] == "succeeded" and payments[0]["captured_cents"] == price
            assert [(e["kind"], e["amount_cents"], e["order_id"]) for e in ledger] == [
                ("authorize", price, order["order_id"]), ("capture", price, order["order_id"])]
            assert api.get("/v1/orders").json()["items"] == [order]
    assert_audit_clean(db_url)


class AnswerLost(Exception):
    pass


def test_a_retry_that_finds_the_first_attempts_hold_finishes_it_without_pricing_the_basket_again(db_url):
    """The processor held the money but its answer was lost (a 5xx, the key released): the retry, not the
    reconciler, finds the hold by its key and completes the order as first priced."""
    from fastapi.testclient import TestClient

    from headunit_backend.app import create_app
    from headunit_backend.payments import SandboxProcessor

    class LosesTheFirstAnswer(SandboxProcessor):
        lost = False

        def authorize(self, *args, **kwargs):
            hold = super().authorize(*args, **kwargs)
            if not self.lost:
                self.lost = True
                raise AnswerLost("connection reset after the processor answered")
            return hold

    app = create_app(db_url, reconcile_interval=0)
    app.state.services.processor = LosesTheFirstAnswer(app.state.services.db)
    with TestClient(app, raise_server_exceptions=False) as client:
        api = Api.register(client)
        card, key = api.add_card(), str(uuid.uuid4())
        price = api.get(f"/v1/catalog/products/{PRODUCT}").json()["price_cents"]
        assert api.order(card, (PRODUCT, 1), key=key).status_code == 500
        api.write("DELETE", f"/v1/wallet/cards/{card}")
        change(db_url, "price_changed", card, price)

        retry = api.order(card, (PRODUCT, 1), key=key)

        assert retry.status_code == 201, retry.text
        assert retry.json()["total_cents"] == price
        assert [e["kind"] for e in api.get("/v1/ledger").json()["items"]] == ["authorize", "capture"]
    assert_audit_clean(db_url)


def test_expire_settles_a_payment_left_in_flight_and_the_stalled_first_attempt_changes_nothing(db_url):
    """The car gives an order up while its first attempt is stalled past the lease after the processor held
    the money: `expire` completes the order (the money moved), and the stalled attempt, when it wakes, finds
    it lost its claim and writes nothing."""
    from concurrent.futures import ThreadPoolExecutor

    from fastapi.testclient import TestClient

    from headunit_backend.app import create_app
    from headunit_backend.payments import SandboxProcessor

    held, wake = threading.Event(), threading.Event()

    class Stalls(SandboxProcessor):
        def authorize(self, *args, **kwargs):
            hold = super().authorize(*args, **kwargs)
            held.set()
            wake.wait(30)
            return hold

    app = create_app(db_url, idempotency_lease=0.5, reconcile_interval=0)
    app.state.services.processor = Stalls(app.state.services.db)
    with TestClient(app) as client, ThreadPoolExecutor(1) as pool:
        api = Api.register(client)
        card, key = api.add_card(), str(uuid.uuid4())
        stalled = pool.submit(api.order, card, (PRODUCT, 1), key=key)
        assert held.wait(30)
        time.sleep(0.7)  # past the lease

        given_up = api.write("POST", f"/v1/operations/{key}/expire").json()
        wake.set()
        first = stalled.result(30)
        retry = api.order(card, (PRODUCT, 1), key=key)

        assert (given_up["status"], given_up["response_status"]) == ("done", 201)
        assert first.status_code == 409  # its claim was taken over: it stored nothing
        assert (retry.status_code, retry.json()) == (201, given_up["response"])
        assert [e["kind"] for e in api.get("/v1/ledger").json()["items"]] == ["authorize", "capture"]
        assert len(api.get("/v1/orders").json()["items"]) == 1
    assert_audit_clean(db_url)
