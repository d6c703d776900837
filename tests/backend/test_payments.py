"""Payment intents in-process, on SQLite and PostgreSQL: authorize, capture (partial, once), void, refund
(partial, repeatable, never past the capture), idempotent retries, holds that expire, and the sandbox's keys."""

import time
import uuid

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from headunit_backend.app import create_app
from headunit_backend.audit import audit
from headunit_backend.db import Database
from headunit_backend.payments import KeyReused, PaymentDeclined, SandboxProcessor
from tests.backend.api import Api

SHOP = {"id": "cafe-42", "name": "Café 42"}


def pay(api: Api, card: str, amount: int = 1000, capture: str = "automatic", key: str | None = None):
    return api.write("POST", "/v1/payments", {"amount_cents": amount, "currency": "EUR", "payment_method_id": card,
                                              "merchant": SHOP, "reference": "table 7", "capture": capture}, key=key)


def ledger(api: Api) -> list[tuple[str, int]]:
    return [(e["kind"], e["amount_cents"]) for e in api.get("/v1/ledger").json()["items"]]


def assert_audit_clean(db_url: str) -> None:
    db = Database(db_url)
    try:
        report = audit(db)
    finally:
        db.dispose()
    assert report.clean, report.to_json()


def test_an_automatic_payment_is_held_and_captured_at_once_and_replayed(api, db_url):
    card, key = api.add_card(), str(uuid.uuid4())

    first = pay(api, card, 1250, key=key)
    again = pay(api, card, 1250, key=key)

    assert first.status_code == 201
    payment = first.json()
    assert (payment["status"], payment["amount_cents"], payment["captured_cents"], payment["refunded_cents"]) == \
        ("succeeded", 1250, 1250, 0)
    assert payment["merchant"] == SHOP and payment["card"] == {"brand": "visa", "last4": "4242"}
    assert again.content == first.content and again.headers["Idempotent-Replayed"] == "true"
    assert ledger(api) == [("authorize", 1250), ("capture", 1250)]
    assert api.get(f"/v1/payments/{payment['payment_id']}").json() == payment
    assert api.get("/v1/payments").json()["items"] == [payment]
    assert_audit_clean(db_url)


def test_a_manual_payment_captures_part_once_and_refunds_in_parts_never_past_the_capture(api, db_url):
    card = api.add_card("tok_mastercard")
    held = pay(api, card, 1000, capture="manual").json()
    assert (held["status"], held["captured_cents"]) == ("authorized", 0)
    assert held["hold_expires_at"] is not None
    pid = held["payment_id"]

    too_much = api.write("POST", f"/v1/payments/{pid}/capture", {"amount_cents": 1001})
    captured = api.write("POST", f"/v1/payments/{pid}/capture", {"amount_cents": 700})
    twice = api.write("POST", f"/v1/payments/{pid}/capture", {"amount_cents": 100})

    assert (too_much.status_code, too_much.json()["error"]) == (422, "amount_too_large")
    assert captured.status_code == 200
    assert (captured.json()["status"], captured.json()["captured_cents"]) == ("succeeded", 700)
    assert (twice.status_code, twice.json()["error"]) == (422, "invalid_payment_state")
    assert ledger(api) == [("authorize", 1000), ("capture", 700), ("void", 300)]  # the rest is released

    key = str(uuid.uuid4())
    first = api.write("POST", f"/v1/payments/{pid}/refund", {"amount_cents": 200}, key=key)
    replay = api.write("POST", f"/v1/payments/{pid}/refund", {"amount_cents": 200}, key=key)
    past = api.write("POST", f"/v1/payments/{pid}/refund", {"amount_cents": 501})
    rest = api.write("POST", f"/v1/payments/{pid}/refund", {"amount_cents": None})
    nothing = api.write("POST", f"/v1/payments/{pid}/refund", {})

    assert first.json()["refunded_cents"] == 200
    assert replay.content == first.content and replay.headers["Idempotent-Replayed"] == "true"
    assert (past.status_code, past.json()["error"]) == (422, "amount_too_large")
    assert (rest.status_code, rest.json()["refunded_cents"]) == (200, 700)
    assert (nothing.status_code, nothing.json()["error"]) == (422, "nothing_to_refund")
    assert ledger(api)[3:] == [("refund", 200), ("refund", 500)]
    assert_audit_clean(db_url)


def test_a_void_releases_the_hold_and_nothing_can_be_captured_after(api, db_url):
    pid = pay(api, api.add_card(), 900, capture="manual").json()["payment_id"]

    voided = api.write("POST", f"/v1/payments/{pid}/void")
    capture = api.write("POST", f"/v1/payments/{pid}/capture", {"amount_cents": None})
    refund = api.write("POST", f"/v1/payments/{pid}/refund", {})

    assert (voided.status_code, voided.json()["status"]) == (200, "canceled")
    assert (capture.status_code, capture.json()["error"]) == (422, "invalid_payment_state")
    assert (refund.status_code, refund.json()["error"]) == (422, "invalid_payment_state")
    assert ledger(api) == [("authorize", 900), ("void", 900)]
    assert_audit_clean(db_url)


@pytest.mark.parametrize(("token", "code"), [("tok_declined", "card_declined"),
                                             ("tok_insufficient_funds", "insufficient_funds")])
def test_a_refused_card_is_402_replayed_and_moves_no_money(api, db_url, token, code):
    card, key = api.add_card(token), str(uuid.uuid4())

    first = pay(api, card, key=key)
    again = pay(api, card, key=key)

    assert (first.status_code, first.json()["error"]) == (402, code)
    assert again.content == first.content
    assert ledger(api) == []
    assert [p["status"] for p in api.get("/v1/payments").json()["items"]] == ["failed"]
    assert_audit_clean(db_url)


def test_a_threeds_card_approves_once_added(api):
    answer = pay(api, api.add_card("tok_threeds"))

    assert (answer.status_code, answer.json()["status"], answer.json()["card"]["last4"]) == (201, "succeeded", "3220")


def test_unknown_cards_payments_and_other_accounts_payments(api):
    pid = pay(api, api.add_card()).json()["payment_id"]
    stranger = Api.register(api.http)

    assert pay(api, "pm_nope").json()["error"] == "unknown_payment_method"
    assert api.get("/v1/payments/pay_nope").status_code == 404
    assert stranger.get(f"/v1/payments/{pid}").status_code == 404
    assert stranger.write("POST", f"/v1/payments/{pid}/refund", {}).status_code == 404
    for body in ({"amount_cents": 0, "currency": "EUR", "payment_method_id": "x", "merchant": SHOP},
                 {"amount_cents": 10, "currency": "eur", "payment_method_id": "x", "merchant": SHOP},
                 {"amount_cents": 10, "currency": "EUR", "payment_method_id": "x", "merchant": SHOP, "tip": 1}):
        assert api.write("POST", "/v1/payments", body).json()["error"] == "invalid_request"


def test_a_hold_expires_the_capture_is_refused_and_the_reconciler_records_the_release(db_url):
    with TestClient(create_app(db_url, hold_expiry=1.0, reconcile_interval=0.3)) as client:
        api = Api.register(client)
        pid = pay(api, api.add_card(), 500, capture="manual").json()["payment_id"]
        time.sleep(1.2)

        late = api.write("POST", f"/v1/payments/{pid}/capture", {"amount_cents": None})
        deadline = time.monotonic() + 10
        while api.get(f"/v1/payments/{pid}").json()["status"] != "canceled":
            assert time.monotonic() < deadline
            time.sleep(0.1)

        assert (late.status_code, late.json()["error"]) == (422, "hold_expired")
        assert ledger(api) == [("authorize", 500), ("expire", 500)]
    assert_audit_clean(db_url)


def test_the_sandbox_refuses_a_reused_key_before_moving_money_and_answers_a_repeat_with_the_first_hold(db_url):
    db = Database(db_url)
    from headunit_backend.app import prepare_database
    prepare_database(db)
    sandbox = SandboxProcessor(db)
    try:
        first = sandbox.authorize("k1", "tok_visa", 100, "EUR")
        assert sandbox.authorize("k1", "tok_visa", 100, "EUR") == first
        with pytest.raises(KeyReused):
            sandbox.authorize("k1", "tok_visa", 200, "EUR")
        with pytest.raises(KeyReused):
            sandbox.authorize("k1", "tok_mastercard", 100, "EUR")
        with pytest.raises(PaymentDeclined):
            sandbox.authorize("k2", "tok_declined", 100, "EUR")
        assert sandbox.lookup("k1") == first and sandbox.lookup("k3") is None
        captured = sandbox.capture("c1", first.hold_id, 60)
        assert sandbox.capture("c1", first.hold_id, 60) == captured  # a repeat, not a second capture
        with pytest.raises(KeyReused):
            sandbox.capture("c1", first.hold_id, 70)
        sandbox.refund("r1", first.hold_id, 60)
        with db.read() as conn:
            holds = conn.execute(sa.text("SELECT amount_cents, captured_cents, refunded_cents FROM sandbox_holds "
                                         "WHERE idempotency_key = 'k1'")).all()
        assert [tuple(h) for h in holds] == [(100, 60, 60)]
    finally:
        db.dispose()


def test_an_orders_payment_changes_only_with_its_order(api):
    """The buyer cannot refund (or void) the payment of an order through /v1/payments and keep the goods."""
    order = api.order(api.add_card(), ("philips-longlife-w5w", 1)).json()

    refund = api.write("POST", f"/v1/payments/{order['payment_id']}/refund", {})

    assert (refund.status_code, refund.json()["error"]) == (422, "invalid_payment_state")
    assert [e["kind"] for e in api.get("/v1/ledger").json()["items"]] == ["authorize", "capture"]
