"""Accounts and devices that can be trusted: approval of devices that join with the account key, revocation,
account key rotation, token replacement and pairing codes (docs/payments.md, "Accounts and devices")."""

from __future__ import annotations

import datetime as dt
import hashlib

import sqlalchemy as sa

from headunit_backend.app import create_app
from tests.backend.api import Api
from tests.backend.conftest import TestClient

PRODUCT = ("philips-longlife-w5w", 1)


def error(answer) -> tuple[int, str]:
    return answer.status_code, answer.json().get("error")


def pairing_code(device: Api) -> dict:
    answer = device.http.post("/v1/pairing", headers=device.headers)
    assert answer.status_code == 201, answer.text
    return answer.json()


def pair(client, code: str, name: str = "phone"):
    return client.post("/v1/devices", json={"name": name, "kind": "phone", "pairing_code": code})


def test_a_device_with_a_leaked_account_key_reads_and_spends_nothing_until_approved(client):
    car = Api.register(client)
    car.write("PUT", "/v1/sync/items/favourites/home", {"value": {"name": "Home", "address": "Mannerheimintie 1"}})
    card = car.add_card()
    intruder = car.join(approve=False)

    assert intruder.device["status"] == "pending"
    assert intruder.get("/v1/devices/me").json()["status"] == "pending"
    refused = [
        intruder.get("/v1/sync/changes"),
        intruder.get("/v1/wallet/cards"),
        intruder.get("/v1/orders"),
        intruder.get("/v1/ledger"),
        intruder.get("/v1/devices"),
        intruder.order(card, PRODUCT),
        intruder.write("PUT", "/v1/sync/items/favourites/home", {"value": {"name": "Not home"}}),
        intruder.write("POST", "/v1/sync/push", {"operations": []}),
        intruder.write("POST", "/v1/wallet/cards", {"processor_token": "tok_visa"}),
        intruder.write("DELETE", f"/v1/wallet/cards/{card}"),
        intruder.write("POST", f"/v1/devices/{intruder.device['device_id']}/approve"),
        intruder.write("POST", "/v1/pairing"),
        intruder.write("POST", "/v1/account/key"),
        intruder.write("POST", "/v1/devices/me/token"),
        intruder.write("DELETE", f"/v1/devices/{car.device['device_id']}"),
    ]
    for answer in refused:
        assert error(answer) == (403, "device_not_approved"), answer.request.url
    assert car.get("/v1/orders").json()["items"] == []  # the refused order charged nothing
    assert len(car.get("/v1/wallet/cards").json()["items"]) == 1
    assert car.get("/v1/sync/changes").json()["changes"][0]["value"]["name"] == "Home"

    devices = car.get("/v1/devices").json()["items"]
    assert [(d["device_id"], d["status"], d["this_device"]) for d in devices] == [
        (car.device["device_id"], "approved", True), (intruder.device["device_id"], "pending", False)]

    approved = car.http.post(f"/v1/devices/{intruder.device['device_id']}/approve", headers=car.headers)
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert intruder.get("/v1/sync/changes").json()["changes"][0]["value"]["address"] == "Mannerheimintie 1"
    assert [c["payment_method_id"] for c in intruder.get("/v1/wallet/cards").json()["items"]] == [card]
    assert intruder.order(card, PRODUCT).status_code == 201


def test_only_an_approved_device_of_the_same_account_approves(client):
    car = Api.register(client)
    first, second = car.join(approve=False), car.join(approve=False)
    stranger = Api.register(client)

    assert error(stranger.write("POST", f"/v1/devices/{first.device['device_id']}/approve")) == (404, "not_found")
    assert error(second.write("POST", f"/v1/devices/{first.device['device_id']}/approve")) \
        == (403, "device_not_approved")
    assert first.get("/v1/devices/me").json()["status"] == "pending"
    car.approve(first)
    car.approve(first)  # approving twice changes nothing
    first.approve(second)  # any approved device of the account may approve
    assert second.get("/v1/wallet/cards").status_code == 200


def test_a_revoked_device_is_refused_at_its_very_next_request(client):
    car = Api.register(client)
    phone = car.join()
    assert phone.get("/v1/wallet/cards").status_code == 200

    revoked = car.http.delete(f"/v1/devices/{phone.device['device_id']}", headers=car.headers)
    assert revoked.status_code == 200 and revoked.json() == {"device_id": phone.device["device_id"], "revoked": True}

    for answer in (phone.get("/v1/wallet/cards"), phone.get("/v1/devices/me"), phone.write("POST", "/v1/pairing")):
        assert error(answer) == (401, "unauthorized")
    assert [d["device_id"] for d in car.get("/v1/devices").json()["items"]] == [car.device["device_id"]]
    assert error(car.http.delete(f"/v1/devices/{phone.device['device_id']}", headers=car.headers)) \
        == (404, "not_found")


def test_a_pending_device_can_be_declined_and_a_device_can_remove_itself(client):
    car = Api.register(client)
    pending = car.join(approve=False)
    phone = car.join()

    assert car.http.delete(f"/v1/devices/{pending.device['device_id']}", headers=car.headers).status_code == 200
    assert error(pending.get("/v1/devices/me")) == (401, "unauthorized")
    assert phone.http.delete(f"/v1/devices/{phone.device['device_id']}", headers=phone.headers).status_code == 200
    assert error(phone.get("/v1/devices/me")) == (401, "unauthorized")
    assert car.get("/v1/devices/me").status_code == 200


def test_devices_of_another_account_cannot_be_renamed_or_revoked(client):
    car, stranger = Api.register(client), Api.register(client)
    target = f"/v1/devices/{car.device['device_id']}"

    assert error(stranger.http.patch(target, json={"name": "mine"}, headers=stranger.headers)) == (404, "not_found")
    assert error(stranger.http.delete(target, headers=stranger.headers)) == (404, "not_found")
    renamed = car.http.patch(target, json={"name": "Golf VIII"}, headers=car.headers)
    assert renamed.status_code == 200 and renamed.json()["name"] == "Golf VIII"
    assert car.get("/v1/devices/me").json()["name"] == "Golf VIII"
    assert car.http.patch(target, json={"name": ""}, headers=car.headers).status_code == 422


def test_a_rotated_account_key_refuses_the_old_one(client):
    car = Api.register(client)
    old_key = car.device["account_key"]
    phone = car.join()

    rotated = car.http.post("/v1/account/key", headers=car.headers)
    assert rotated.status_code == 200
    new_key = rotated.json()["account_key"]
    assert new_key != old_key

    refused = client.post("/v1/devices", json={"name": "thief", "kind": "car", "account_key": old_key})
    assert error(refused) == (403, "bad_account_key")
    joined = Api.register(client, account_key=new_key)
    assert joined.device["account_id"] == car.device["account_id"] and joined.device["status"] == "pending"
    assert phone.get("/v1/wallet/cards").status_code == 200  # devices already on the account stay


def test_a_device_replaces_its_own_token_without_locking_itself_out(client):
    car = Api.register(client)
    old = dict(car.headers)

    first = car.http.post("/v1/devices/me/token", headers=old).json()["token"]
    second = car.http.post("/v1/devices/me/token", headers=old).json()["token"]  # the first answer was lost
    assert car.http.get("/v1/devices/me", headers=old).status_code == 200  # the old one works until...
    assert car.http.get("/v1/devices/me", headers={"Authorization": f"Bearer {first}"}).status_code == 401
    assert car.http.get("/v1/wallet/cards", headers={"Authorization": f"Bearer {second}"}).status_code == 200
    assert error(car.http.get("/v1/devices/me", headers=old)) == (401, "unauthorized")  # ...the new one is used
    assert car.http.get("/v1/devices/me", headers={"Authorization": f"Bearer {second}"}).json()["device_id"] \
        == car.device["device_id"]


def test_a_pairing_code_joins_a_phone_approved_once_and_only_once(client, database):
    car = Api.register(client)
    code = pairing_code(car)
    assert code["url"].endswith(f"/pair/{code['code']}")
    expires = dt.datetime.fromisoformat(code["expires_at"])
    assert dt.timedelta(minutes=9) < expires - dt.datetime.now(dt.UTC) <= dt.timedelta(minutes=10)

    phone = pair(client, code["code"])
    assert phone.status_code == 201
    assert phone.json()["account_id"] == car.device["account_id"]
    assert phone.json()["status"] == "approved"
    assert phone.json()["account_key"] is None  # a phone gets a token, not the account's key
    headers = {"Authorization": f"Bearer {phone.json()['token']}"}
    assert client.get("/v1/wallet/cards", headers=headers).status_code == 200
    assert client.get("/v1/devices/me", headers=headers).json()["kind"] == "phone"

    again = pair(client, code["code"], "second phone")
    assert error(again) == (403, "bad_pairing_code") and "already used" in again.json()["detail"]
    assert len(car.get("/v1/devices").json()["items"]) == 2

    with database.connect() as conn:
        stored = " ".join(str(v) for row in conn.execute(sa.text("SELECT * FROM pairing_codes")).all() for v in row)
    assert code["code"] not in stored
    assert hashlib.sha256(code["code"].encode()).hexdigest() in stored


def test_a_pairing_link_names_the_public_address_phones_reach(sqlite_url):
    with TestClient(create_app(sqlite_url, public_url="https://cars.example.com")) as http:
        code = pairing_code(Api.register(http))
    assert code["url"] == f"https://cars.example.com/pair/{code['code']}"


def test_a_pairing_code_expires_after_ten_minutes(client, database):
    car = Api.register(client)
    code = pairing_code(car)
    with database.begin() as conn:
        conn.execute(sa.text("UPDATE pairing_codes SET expires_at = :past"),
                     {"past": dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=1)})

    answer = pair(client, code["code"])
    assert error(answer) == (403, "bad_pairing_code") and "expired" in answer.json()["detail"]
    assert len(car.get("/v1/devices").json()["items"]) == 1


def test_pairing_codes_need_an_approved_issuer(client):
    car = Api.register(client)
    pending = car.join(approve=False)
    assert error(pending.write("POST", "/v1/pairing")) == (403, "device_not_approved")
    assert error(pair(client, "made-up-code")) == (403, "bad_pairing_code")

    phone = car.join()
    code = pairing_code(phone)
    car.http.delete(f"/v1/devices/{phone.device['device_id']}", headers=car.headers)
    answer = pair(client, code["code"])  # the device that showed it was removed since
    assert error(answer) == (403, "bad_pairing_code")


def test_a_registration_brings_an_account_key_or_a_pairing_code_not_both(client):
    car = Api.register(client)
    code = pairing_code(car)
    answer = client.post("/v1/devices", json={"name": "phone", "kind": "phone", "pairing_code": code["code"],
                                              "account_key": car.device["account_key"]})
    assert error(answer) == (422, "invalid_request")
    assert pair(client, code["code"]).status_code == 201  # the refused request did not use the code up


def test_the_first_registration_still_creates_an_approved_account(client):
    car = Api.register(client)
    assert car.device["status"] == "approved" and car.device["account_key"]
    me = car.get("/v1/devices/me").json()
    assert me == {"device_id": car.device["device_id"], "account_id": car.device["account_id"],
                  "name": "test car", "kind": "car", "status": "approved"}
