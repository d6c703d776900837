"""Idempotency-Key semantics in-process: replay, reuse, missing keys, stored refusals, released failures."""

import uuid

import pytest
from fastapi.testclient import TestClient

from headunit_backend.app import create_app
from headunit_backend.payments import SandboxProcessor
from tests.backend.api import Api


def ledger_size(api: Api) -> int:
    """How many charges were booked (captures; a hold and its capture are two entries of one charge)."""
    return sum(e["kind"] == "capture" for e in api.get("/v1/ledger").json()["items"])


def test_the_same_key_twice_charges_once_and_replays_the_answer_byte_for_byte(api):
    card, key = api.add_card(), str(uuid.uuid4())

    first = api.order(card, ("castrol-edge-5w30-ll-5l", 1), key=key)
    again = api.order(card, ("castrol-edge-5w30-ll-5l", 1), key=key)

    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert ledger_size(api) == 1
    assert len(api.get("/v1/orders").json()["items"]) == 1


def test_a_key_is_the_same_key_in_any_letter_case(api):
    key = str(uuid.uuid4())
    first = api.write("PUT", "/v1/sync/items/favourites/work", {"value": 1}, key=key)
    again = api.write("PUT", "/v1/sync/items/favourites/work", {"value": 1}, key=key.upper())

    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()


def test_json_formatting_does_not_make_a_different_request(api):
    key = str(uuid.uuid4())
    api.write("PUT", "/v1/sync/items/settings/units", {"value": {"a": 1, "b": 2}}, key=key)
    again = api.http.request("PUT", "/v1/sync/items/settings/units", content=b'{ "value" : {"b":2, "a":1} }',
                             headers={**api.headers, "Idempotency-Key": key, "Content-Type": "application/json"})

    assert again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true"


@pytest.mark.parametrize("other", [
    ("PUT", "/v1/sync/items/favourites/home", {"value": "elsewhere"}),
    ("PUT", "/v1/sync/items/favourites/office", {"value": "home"}),
    ("DELETE", "/v1/sync/items/favourites/home", None),
])
def test_the_same_key_for_a_different_request_is_refused(api, other):
    key = str(uuid.uuid4())
    api.write("PUT", "/v1/sync/items/favourites/home", {"value": "home"}, key=key)

    answer = api.write(*other, key=key)

    assert answer.status_code == 422
    assert answer.json()["error"] == "idempotency_key_reused"
    assert len(api.get("/v1/sync/changes").json()["changes"]) == 1


@pytest.mark.parametrize(("key", "code"), [(None, "idempotency_key_missing"), ("order-1", "idempotency_key_invalid")])
def test_writes_need_a_uuid_idempotency_key(api, key, code):
    headers = dict(api.headers) if key is None else {**api.headers, "Idempotency-Key": key}
    answer = api.http.request("PUT", "/v1/sync/items/favourites/home", json={"value": 1}, headers=headers)

    assert answer.status_code == 400
    assert answer.json()["error"] == code


def test_a_declined_card_is_answered_402_then_replayed_and_never_booked(api):
    card, key = api.add_card("tok_declined"), str(uuid.uuid4())
    stock = api.get("/v1/catalog/products/garmin-dash-cam-67w").json()["stock"]

    first = api.order(card, ("garmin-dash-cam-67w", 1), key=key)
    again = api.order(card, ("garmin-dash-cam-67w", 1), key=key)

    assert first.status_code == again.status_code == 402
    assert first.json()["error"] == "card_declined"
    assert again.content == first.content and again.headers["Idempotent-Replayed"] == "true"
    assert ledger_size(api) == 0
    assert api.get("/v1/catalog/products/garmin-dash-cam-67w").json()["stock"] == stock


def test_insufficient_funds_is_its_own_402(api):
    answer = api.order(api.add_card("tok_insufficient_funds"), ("garmin-dash-cam-67w", 1))

    assert answer.status_code == 402
    assert answer.json()["error"] == "insufficient_funds"


def test_an_invalid_body_does_not_use_up_the_key(api):
    key = str(uuid.uuid4())
    invalid = api.write("PUT", "/v1/sync/items/favourites/home", {"wrong": 1}, key=key)
    valid = api.write("PUT", "/v1/sync/items/favourites/home", {"value": 1}, key=key)

    assert invalid.status_code == 422 and invalid.json()["error"] == "invalid_request"
    assert valid.status_code == 200 and "Idempotent-Replayed" not in valid.headers


def test_operations_report_unknown_then_done_with_the_stored_answer(api):
    key = str(uuid.uuid4())
    assert api.get(f"/v1/operations/{key}").json() == {
        "op_id": key, "status": "unknown", "response_status": None, "response": None, "created_at": None}

    answer = api.write("PUT", "/v1/sync/items/playlists/road-trip", {"value": ["a", "b"]}, key=key)
    status = api.get(f"/v1/operations/{key}").json()

    assert status["status"] == "done"
    assert status["response_status"] == 200
    assert status["response"] == answer.json()
    assert api.join().get(f"/v1/operations/{key}").json()["status"] == "unknown"  # keys are per device


class FailingOnce(SandboxProcessor):
    """A processor whose first authorisation dies with an unexpected error."""

    failed = False

    def authorize(self, *args, **kwargs):
        if not self.failed:
            type(self).failed = True
            raise RuntimeError("processor connection reset")
        return super().authorize(*args, **kwargs)


def test_a_server_error_releases_the_key_so_a_retry_runs_again(sqlite_url):
    from headunit_backend.db import Database

    app = create_app(sqlite_url, processor=FailingOnce(Database(sqlite_url)))
    with TestClient(app, raise_server_exceptions=False) as client:
        api = Api.register(client)
        card, key = api.add_card(), str(uuid.uuid4())

        failed = api.order(card, ("philips-longlife-w5w", 2), key=key)
        assert failed.status_code == 500
        assert api.get(f"/v1/operations/{key}").json()["status"] == "unknown"

        retried = api.order(card, ("philips-longlife-w5w", 2), key=key)
        assert retried.status_code == 201
        assert "Idempotent-Replayed" not in retried.headers
        assert ledger_size(api) == 1


def test_the_effect_and_the_stored_answer_commit_together(sqlite_url, monkeypatch):
    """A failure between the effect and storing its answer leaves neither: the retry applies it once."""
    from headunit_backend.idempotency import Operation

    store = Operation.store_answer
    monkeypatch.setattr(Operation, "store_answer", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("disk")))
    with TestClient(create_app(sqlite_url), raise_server_exceptions=False) as client:
        api, key = Api.register(client), str(uuid.uuid4())
        failed = api.write("PUT", "/v1/sync/items/destinations/airport", {"value": 1}, key=key)
        assert failed.status_code == 500
        assert api.get("/v1/sync/changes").json()["changes"] == []  # the effect did not commit alone
        assert api.get(f"/v1/operations/{key}").json()["status"] == "unknown"

        monkeypatch.setattr(Operation, "store_answer", store)
        retried = api.write("PUT", "/v1/sync/items/destinations/airport", {"value": 1}, key=key)
        assert retried.status_code == 200 and retried.json()["seq"] == 1
        assert [c["op_id"] for c in api.get("/v1/sync/changes").json()["changes"]] == [key]


def test_an_expired_key_refuses_a_late_copy_and_a_delivered_one_keeps_its_answer(api):
    given_up, delivered = str(uuid.uuid4()), str(uuid.uuid4())
    written = api.write("PUT", "/v1/sync/items/settings/units", {"value": "metric"}, key=delivered)

    tombstone = api.write("POST", f"/v1/operations/{given_up}/expire").json()
    late = api.write("PUT", "/v1/sync/items/settings/theme", {"value": "night"}, key=given_up)
    settled = api.write("POST", f"/v1/operations/{delivered}/expire").json()

    assert (tombstone["status"], tombstone["response_status"], tombstone["response"]["error"]) == \
        ("done", 410, "operation_expired")
    assert late.status_code == 410 and late.headers["Idempotent-Replayed"] == "true"
    assert [c["key"] for c in api.get("/v1/sync/changes").json()["changes"]] == ["units"]  # the late copy never ran
    assert (settled["status"], settled["response_status"], settled["response"]) == ("done", 200, written.json())
