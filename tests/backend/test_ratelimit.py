"""Rate limits, on SQLite and PostgreSQL, with small limits: 429 `rate_limited` with Retry-After past the
limit, nothing done by a refused request, recovery once the window ends, one count across processes."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator

import pytest
import requests
import sqlalchemy as sa

from headunit_backend.app import create_app
from headunit_backend.process import ServerProcess
from headunit_backend.services import Settings
from tests.backend.api import Api
from tests.backend.conftest import TestClient, time_left_in_window

PRODUCTS = ["bosch-aerotwin-a863s", "castrol-edge-5w30-ll-5l", "garmin-dash-cam-67w"]


@pytest.fixture
def make_client(db_url) -> Iterator[Callable[..., TestClient]]:
    """`make_client(**settings)`: an app on this test's database with these limits."""
    opened = []

    def make(**settings) -> TestClient:
        http = TestClient(create_app(db_url, **settings))
        http.__enter__()
        opened.append(http)
        return http

    yield make
    for http in opened:
        http.__exit__(None, None, None)


def count(db_url: str, table: str) -> int:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


def assert_limited(answer) -> int:
    assert answer.status_code == 429, answer.text
    assert answer.json()["error"] == "rate_limited" and answer.json()["detail"]
    retry_after = int(answer.headers["Retry-After"])
    assert retry_after >= 1
    return retry_after


def wait_for_next_window(window: int) -> None:
    """Sleep into the next fixed window (windows start at multiples of `window` seconds)."""
    time.sleep(window - time.time() % window + 0.05)


def register(http: TestClient, **body):
    return http.post("/v1/devices", json={"name": "car", "kind": "car", **body})


def test_registrations_per_address_are_limited_then_recover(make_client, db_url):
    http = make_client(register_limit=3, register_window=2)
    wait_for_next_window(2)  # all four inside one window

    answers = [register(http) for _ in range(4)]

    assert [a.status_code for a in answers[:3]] == [201, 201, 201]
    assert assert_limited(answers[3]) <= 2
    assert count(db_url, "devices") == 3
    wait_for_next_window(2)
    assert register(http).status_code == 201


def test_account_key_guesses_are_limited(make_client, db_url):
    http = make_client(join_limit=2, join_window=60)
    time_left_in_window(60)
    owner = Api.register(http)

    guesses = [register(http, account_key=f"guess-{n}") for n in range(3)]

    assert [g.status_code for g in guesses[:2]] == [403, 403]
    assert_limited(guesses[2])
    # Even the right key waits out the window: a guesser cannot test the key it found.
    assert_limited(register(http, account_key=owner.device["account_key"]))
    assert count(db_url, "devices") == 1


def test_failed_bearer_tokens_block_the_address_until_the_window_ends(make_client):
    http = make_client(token_failure_limit=3, token_failure_window=2)
    device = Api.register(http)
    wait_for_next_window(2)

    guesses = [http.get("/v1/sync/changes", headers={"Authorization": f"Bearer guess{n}"}) for n in range(5)]

    assert [g.status_code for g in guesses[:3]] == [401, 401, 401]
    assert_limited(guesses[3])
    assert_limited(guesses[4])
    assert_limited(device.get("/v1/sync/changes"))  # the address, not the token, is blocked
    wait_for_next_window(2)
    assert device.get("/v1/sync/changes").status_code == 200


def test_a_missing_token_is_not_a_guess(make_client):
    http = make_client(token_failure_limit=1, token_failure_window=60)
    for _ in range(3):
        assert http.get("/v1/sync/changes").status_code == 401


def test_reviews_per_device_are_limited_and_a_refused_one_may_be_sent_again(make_client, db_url):
    http = make_client(review_limit=2, review_window=2)
    device = Api.register(http)
    wait_for_next_window(2)
    key = str(uuid.uuid4())

    first = [device.write("POST", f"/v1/catalog/products/{p}/reviews", {"rating": 4}) for p in PRODUCTS[:2]]
    refused = device.write("POST", f"/v1/catalog/products/{PRODUCTS[2]}/reviews", {"rating": 4}, key=key)

    assert [a.status_code for a in first] == [201, 201]
    assert_limited(refused)
    assert count(db_url, "operations") == 2  # the 429 was not stored: the key is still unused
    wait_for_next_window(2)
    again = device.write("POST", f"/v1/catalog/products/{PRODUCTS[2]}/reviews", {"rating": 4}, key=key)
    assert again.status_code == 201 and "Idempotent-Replayed" not in again.headers


def test_reviews_per_address_are_limited_across_devices(make_client):
    http = make_client(review_limit=10, review_address_limit=2, review_window=60)
    time_left_in_window(60)
    answers = [Api.register(http).write("POST", f"/v1/catalog/products/{p}/reviews", {"rating": 3})
               for p in PRODUCTS]

    assert [a.status_code for a in answers[:2]] == [201, 201]
    assert_limited(answers[2])


def test_expire_is_limited_per_device_and_a_refused_call_leaves_no_tombstone(make_client, db_url):
    http = make_client(expire_limit=3, expire_window=60)
    time_left_in_window(60)
    device, other = Api.register(http), Api.register(http)

    answers = [device.write("POST", f"/v1/operations/{uuid.uuid4()}/expire") for _ in range(5)]

    assert [a.status_code for a in answers[:3]] == [200, 200, 200]
    assert_limited(answers[3])
    assert count(db_url, "operations") == 3
    assert other.write("POST", f"/v1/operations/{uuid.uuid4()}/expire").status_code == 200  # per device


def test_two_processes_on_one_database_share_the_count(make_client, db_url):
    """Two apps stand for two API processes: each alone would allow 2, together they allow 2."""
    first = make_client(register_limit=2, register_window=60)
    second = make_client(register_limit=2, register_window=60, prepare=False)
    time_left_in_window(60)

    answers = [register(first), register(second), register(first), register(second)]

    assert [a.status_code for a in answers[:2]] == [201, 201]
    assert_limited(answers[2])
    assert_limited(answers[3])


def test_a_limit_of_zero_is_off(make_client):
    http = make_client(register_limit=0)
    assert all(register(http).status_code == 201 for _ in range(5))


def test_429_is_in_the_openapi_document_with_retry_after(make_client):
    document = make_client().get("/openapi.json").json()
    for path, method in [("/v1/devices", "post"), ("/v1/catalog/products/{product_id}/reviews", "post"),
                         ("/v1/operations/{op_id}/expire", "post"), ("/v1/sync/changes", "get")]:
        answer = document["paths"][path][method]["responses"]["429"]
        assert answer["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
        assert "Retry-After" in answer["headers"]


def test_exempt_addresses_are_never_limited(make_client):
    http = make_client(register_limit=1, token_failure_limit=1, rate_limit_exempt="192.0.2.1, testclient")
    assert all(register(http).status_code == 201 for _ in range(3))
    assert all(http.get("/v1/sync/changes", headers={"Authorization": "Bearer guess"}).status_code == 401
               for _ in range(3))


def test_a_server_process_exempts_this_machine_unless_told_otherwise(sqlite_url):
    """The emulator's embedded backend and test servers are reached over loopback: not limited by default.
    `headunit-backend serve` itself exempts nobody unless told."""
    assert Settings().rate_limit_exempt == ""
    with ServerProcess(sqlite_url, args=["--rate-limit-exempt", ""]) as strict:
        guesses = [requests.get(f"{strict.url}/v1/sync/changes", headers={"Authorization": f"Bearer g{n}"})
                   for n in range(21)]
        assert [g.status_code for g in guesses] == [401] * 20 + [429]
    with ServerProcess(sqlite_url) as default:
        guesses = [requests.get(f"{default.url}/v1/sync/changes", headers={"Authorization": f"Bearer g{n}"})
                   for n in range(21)]
        assert {g.status_code for g in guesses} == {401}
