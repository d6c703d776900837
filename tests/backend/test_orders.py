"""Wallet, orders, payments and the ledger."""

import sqlalchemy as sa

from tests.backend.api import Api


def stock(api: Api, product_id: str) -> int:
    return api.get(f"/v1/catalog/products/{product_id}").json()["stock"]


def test_an_order_charges_once_books_once_and_takes_stock(api):
    card = api.add_card("tok_mastercard")
    before = stock(api, "castrol-edge-5w30-ll-5l"), stock(api, "bosch-rear-h840")

    answer = api.order(card, ("castrol-edge-5w30-ll-5l", 2), ("bosch-rear-h840", 1))

    assert answer.status_code == 201
    order = answer.json()
    assert order["status"] == "paid" and order["currency"] == "EUR"
    assert order["total_cents"] == 2 * 5499 + 1199
    assert [(i["product_id"], i["quantity"]) for i in order["items"]] == [("bosch-rear-h840", 1),
                                                                          ("castrol-edge-5w30-ll-5l", 2)]
    assert (stock(api, "castrol-edge-5w30-ll-5l"), stock(api, "bosch-rear-h840")) == (before[0] - 2, before[1] - 1)
    ledger = api.get("/v1/ledger").json()["items"]
    assert [(e["order_id"], e["amount_cents"], e["charge_id"], e["kind"]) for e in ledger] == [
        (order["order_id"], order["total_cents"], order["charge_id"], "authorize"),
        (order["order_id"], order["total_cents"], order["charge_id"], "capture")]
    assert {e["payment_id"] for e in ledger} == {order["payment_id"]}
    payment = api.get(f"/v1/payments/{order['payment_id']}").json()
    assert (payment["status"], payment["captured_cents"]) == ("succeeded", order["total_cents"])
    assert api.get(f"/v1/orders/{order['order_id']}").json() == order
    assert api.get("/v1/orders").json()["items"] == [order]


def test_repeated_lines_of_one_product_are_added_up(api):
    answer = api.order(api.add_card(), ("philips-longlife-w5w", 1), ("philips-longlife-w5w", 2))

    assert answer.json()["items"][0]["quantity"] == 3
    assert answer.json()["total_cents"] == 3 * 499


def test_more_than_the_stock_is_out_of_stock_and_charges_nothing(api, database):
    card = api.add_card()
    available = stock(api, "juice-booster-2")

    answer = api.order(card, ("juice-booster-2", available + 1))

    assert answer.status_code == 422 and answer.json()["error"] == "out_of_stock"
    assert stock(api, "juice-booster-2") == available
    assert api.get("/v1/ledger").json()["items"] == []
    with database.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM sandbox_holds")).scalar() == 0


def test_an_unknown_product_or_card_is_422(api):
    card = api.add_card()

    unknown_product = api.order(card, ("flux-capacitor", 1))
    unknown_card = api.order("pm_nope", ("philips-longlife-w5w", 1))

    assert (unknown_product.status_code, unknown_product.json()["error"]) == (422, "unknown_product")
    assert (unknown_card.status_code, unknown_card.json()["error"]) == (422, "unknown_payment_method")


def test_invalid_orders_are_422(api):
    card = api.add_card()
    for body in ({"items": [], "payment_method_id": card},
                 {"items": [{"product_id": "philips-longlife-w5w", "quantity": 0}], "payment_method_id": card},
                 {"items": [{"product_id": "philips-longlife-w5w", "quantity": 1}]},
                 {"items": [{"product_id": "philips-longlife-w5w", "quantity": 1}], "payment_method_id": card,
                  "coupon": "FREE"}):
        assert api.write("POST", "/v1/orders", body).status_code == 422


def test_the_wallet_keeps_token_brand_and_last4_only(api, database):
    answer = api.write("POST", "/v1/wallet/cards", {"processor_token": "tok_visa"})

    assert answer.status_code == 201
    assert {k: answer.json()[k] for k in ("brand", "last4")} == {"brand": "visa", "last4": "4242"}
    with database.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM payment_methods")).mappings().one()
    assert set(row) == {"id", "account_id", "processor_token", "brand", "last4", "created_at", "deleted_at"}
    assert (row["processor_token"], row["last4"]) == ("tok_visa", "4242")


def test_a_card_number_is_refused_and_not_stored(api, database):
    answer = api.write("POST", "/v1/wallet/cards", {"processor_token": "tok_visa", "number": "4242424242424242",
                                                     "cvc": "123"})

    assert answer.status_code == 422
    assert "4242424242424242" not in answer.text
    with database.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM payment_methods")).scalar() == 0
        stored = " ".join(str(v) for v in conn.execute(sa.text("SELECT response_body FROM operations")).scalars())
    assert "4242424242424242" not in stored


def test_an_unknown_processor_token_is_422(api):
    answer = api.write("POST", "/v1/wallet/cards", {"processor_token": "tok_made_up"})

    assert (answer.status_code, answer.json()["error"]) == (422, "invalid_processor_token")


def test_cards_can_be_listed_and_removed(api):
    visa, mastercard = api.add_card("tok_visa"), api.add_card("tok_mastercard")

    assert [c["payment_method_id"] for c in api.get("/v1/wallet/cards").json()["items"]] == [visa, mastercard]
    assert api.write("DELETE", f"/v1/wallet/cards/{visa}").status_code == 200
    assert [c["brand"] for c in api.get("/v1/wallet/cards").json()["items"]] == ["mastercard"]
    assert api.write("DELETE", f"/v1/wallet/cards/{visa}").status_code == 404
    assert api.order(visa, ("philips-longlife-w5w", 1)).json()["error"] == "unknown_payment_method"


def test_an_unknown_order_is_404(api):
    assert api.get("/v1/orders/ord_0000").status_code == 404
