"""Registering devices, joining accounts, bearer tokens and account isolation."""

import hashlib

import sqlalchemy as sa

from tests.backend.api import Api


def test_a_new_device_gets_a_new_account_and_a_working_token(client):
    car = Api.register(client)

    assert car.device["device_id"].startswith("dev_")
    assert car.get("/v1/sync/changes").status_code == 200


def test_a_second_device_joins_with_the_account_key_and_shares_data_once_approved(client):
    car = Api.register(client)
    phone = Api.register(client, account_key=car.device["account_key"], kind="phone")

    assert phone.device["account_id"] == car.device["account_id"]
    assert (car.device["status"], phone.device["status"]) == ("approved", "pending")
    assert phone.get("/v1/sync/changes").json()["error"] == "device_not_approved"
    car.approve(phone)
    car.write("PUT", "/v1/sync/items/favourites/home", {"value": {"name": "Home"}})
    assert [c["key"] for c in phone.get("/v1/sync/changes").json()["changes"]] == ["home"]


def test_a_wrong_account_key_is_forbidden(client):
    answer = client.post("/v1/devices", json={"name": "car", "kind": "car", "account_key": "guess"})

    assert answer.status_code == 403
    assert answer.json()["error"] == "bad_account_key"


def test_requests_without_a_valid_token_are_unauthorized(client):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic eDp5"}):
        answer = client.get("/v1/orders", headers=headers)
        assert answer.status_code == 401
        assert answer.json()["error"] == "unauthorized"
        assert answer.headers["WWW-Authenticate"] == "Bearer"


def test_tokens_and_account_keys_are_stored_only_as_sha256(client, database):
    car = Api.register(client)

    with database.connect() as conn:
        device = conn.execute(sa.text("SELECT * FROM devices")).mappings().one()
        account = conn.execute(sa.text("SELECT * FROM accounts")).mappings().one()
    stored = " ".join(str(v) for v in [*device.values(), *account.values()])
    assert car.device["token"] not in stored
    assert car.device["account_key"] not in stored
    assert device["token_hash"] == hashlib.sha256(car.device["token"].encode()).hexdigest()


def test_health_needs_no_token_and_names_the_database(client, db_url):
    answer = client.get("/v1/health")

    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["database"] == ("sqlite" if db_url.startswith("sqlite") else "postgresql")


def test_another_accounts_resources_answer_404(client):
    owner, stranger = Api.register(client), Api.register(client)
    card = owner.add_card()
    order = owner.order(card, ("philips-longlife-w5w", 1)).json()
    owner.write("PUT", "/v1/sync/items/settings/units", {"value": "metric"})

    assert stranger.get(f"/v1/orders/{order['order_id']}").status_code == 404
    assert stranger.get("/v1/orders").json()["items"] == []
    assert stranger.get("/v1/ledger").json()["items"] == []
    assert stranger.get("/v1/wallet/cards").json()["items"] == []
    assert stranger.get("/v1/sync/changes").json()["changes"] == []
    assert stranger.write("DELETE", f"/v1/wallet/cards/{card}").status_code == 404
    assert stranger.order(card, ("philips-longlife-w5w", 1)).json()["error"] == "unknown_payment_method"
    assert owner.get(f"/v1/orders/{order['order_id']}").status_code == 200
    assert len(owner.get("/v1/wallet/cards").json()["items"]) == 1

