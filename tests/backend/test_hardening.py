"""Input an attacker sends, as raw bytes: every case answers a 4xx in the error shape and writes nothing.

Each case of the outside review: lone surrogates and NUL characters (in keys, values, paths and query
strings), deep nesting (incl. a DELETE body 100,000 deep), NaN/Infinity, strings and booleans where an
integer belongs, oversized chunked bodies; then one review per account and product, and the sweep of old
idempotency rows. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa

from headunit_backend import idempotency, ratelimit
from headunit_backend.app import create_app
from headunit_backend.db import Database, reviews
from headunit_backend.limits import MAX_BODY_BYTES, MAX_JSON_DEPTH, json_depth_exceeds
from headunit_backend.process import ServerProcess
from tests.backend.api import HOME, Api
from tests.backend.conftest import TestClient

PRODUCT = "bosch-aerotwin-a863s"


def count(database: sa.Engine, table: str, where: str = "") -> int:
    with database.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table} {where}")).scalar_one()


def raw(api: Api, method: str, path: str, body: bytes | None, *, key: str | None = None,
        content_type: str | None = "application/json"):
    """A request with exactly these bytes as its body (and a fresh Idempotency-Key)."""
    headers = {**api.headers, "Idempotency-Key": key or str(uuid.uuid4())}
    if content_type:
        headers["Content-Type"] = content_type
    return api.http.request(method, path, content=body, headers=headers)


def assert_refused(answer, status: int, code: str, kind: str | None = None) -> None:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["error"] == code and body["detail"]
    if code == "invalid_request":  # a business refusal (`already_reviewed`…) lists no fields
        assert isinstance(body["errors"], list)
        if kind:
            assert [e["type"] for e in body["errors"]] == [kind]


def nothing_written(database: sa.Engine) -> None:
    assert count(database, "operations") == 0
    assert count(database, "sync_items") == 0
    assert count(database, "reviews", "WHERE account_id IS NOT NULL") == 0


# --- lone surrogates and NUL characters --------------------------------------------------------------------

@pytest.mark.parametrize(("body", "kind"), [
    (rb'{"value": "\ud800"}', "string_surrogate"),
    (rb'{"value": "fine \udfff end"}', "string_surrogate"),
    (rb'{"value": {"\ud800": 1}}', "string_surrogate"),
    (rb'{"value": ["a", {"b": ["\udbff"]}]}', "string_surrogate"),
    (rb'{"value": "\u0000"}', "string_nul"),
    (rb'{"value": {"a\u0000b": 1}}', "string_nul"),
])
def test_unstorable_text_in_a_json_body_is_refused_before_any_write(api, database, body, kind):
    answer = raw(api, "PUT", "/v1/sync/items/favourites/home", body)

    assert_refused(answer, 422, "invalid_request", kind)
    nothing_written(database)


def test_a_surrogate_pair_is_one_real_character_and_is_stored(api):
    answer = raw(api, "PUT", "/v1/sync/items/favourites/emoji", rb'{"value": "\ud83d\ude97"}')

    assert answer.status_code == 200, answer.text
    assert answer.json()["value"] == "\N{AUTOMOBILE}"


def test_raw_invalid_utf8_is_a_malformed_body(api, database):
    answer = raw(api, "PUT", "/v1/sync/items/favourites/home", b'{"value": "\xed\xa0\x80"}')

    assert_refused(answer, 400, "malformed_request")
    nothing_written(database)


@pytest.mark.parametrize("path", [
    "/v1/sync/items/favourites/%00",
    "/v1/sync/items/favourites/a%00b",
    "/v1/sync/items/favourites/%ED%A0%80",  # a UTF-16 surrogate, UTF-8 encoded: no string can hold it
    "/v1/sync/items/favourites/%FF",
])
def test_unstorable_text_in_a_path_is_refused_before_any_write(api, database, path):
    put = raw(api, "PUT", path, b'{"value": 1}')
    delete = raw(api, "DELETE", path, None)

    assert_refused(put, 422, "invalid_request")
    assert_refused(delete, 422, "invalid_request")
    nothing_written(database)


@pytest.mark.parametrize("query", ["q=%00", "q=%ED%A0%80", "cursor=a%00"])
def test_unstorable_text_in_a_query_string_is_refused(api, query):
    path = "/v1/sync/changes" if query.startswith("cursor") else "/v1/catalog/products"
    assert_refused(api.get(f"{path}?{query}"), 422, "invalid_request")


def test_a_pushed_write_whose_path_decodes_to_a_nul_or_a_surrogate_is_refused_alone(api, database):
    writes = [{"op_id": str(uuid.uuid4()), "method": "PUT", "path": path, "body": {"value": 1}}
              for path in ("/v1/sync/items/favourites/a%00b", "/v1/sync/items/favourites/%ED%A0%80")]

    answer = api.http.post("/v1/sync/push", json={"operations": writes}, headers=api.headers)

    assert answer.status_code == 200, answer.text
    assert [r["status"] for r in answer.json()["results"]] == [422, 422]
    nothing_written(database)


def test_a_nul_in_a_review_is_refused_and_no_review_is_stored(api, database):
    before = api.get(f"/v1/catalog/products/{PRODUCT}").json()["review_count"]

    answer = raw(api, "POST", f"/v1/catalog/products/{PRODUCT}/reviews", rb'{"rating": 5, "text": "ok\u0000"}')

    assert_refused(answer, 422, "invalid_request", "string_nul")
    nothing_written(database)
    assert api.get(f"/v1/catalog/products/{PRODUCT}").json()["review_count"] == before


def test_registration_with_unstorable_text_creates_no_device(client, database):
    answer = client.post("/v1/devices", content=rb'{"name": "car\u0000", "kind": "car"}',
                         headers={"Content-Type": "application/json"})

    assert_refused(answer, 422, "invalid_request", "string_nul")
    assert count(database, "devices") == 0
    assert count(database, "accounts") == 0


# --- deep nesting ---------------------------------------------------------------------------------------

def nested(depth: int, inner: bytes = b"1") -> bytes:
    return b"[" * depth + inner + b"]" * depth


def test_a_value_nested_255_deep_is_refused_before_any_write(api, database):
    answer = raw(api, "PUT", "/v1/sync/items/settings/deep", b'{"value": ' + nested(255) + b"}")

    assert_refused(answer, 422, "invalid_request", "json_too_deep")
    nothing_written(database)


def test_a_delete_body_nested_100000_deep_is_refused_before_any_write(api, database):
    answer = raw(api, "DELETE", "/v1/sync/items/settings/deep", nested(100_000))

    assert_refused(answer, 422, "invalid_request", "json_too_deep")
    nothing_written(database)


def test_deep_objects_and_brackets_inside_strings(api, database):
    deep_objects = b'{"value": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}"
    assert_refused(raw(api, "PUT", "/v1/sync/items/settings/deep", deep_objects), 422, "invalid_request",
                   "json_too_deep")
    # Brackets inside a string are text, not nesting (escaped quotes included).
    text = json.dumps({"value": "[" * 500 + '\\" {{{'}).encode()
    assert raw(api, "PUT", "/v1/sync/items/settings/text", text).status_code == 200


def test_a_value_deeper_than_its_limit_gets_the_same_answer_alone_and_pushed(api):
    value = json.loads(nested(25))
    alone = api.write("PUT", "/v1/sync/items/settings/a", {"value": value})
    pushed = api.http.post("/v1/sync/push", headers=api.headers, json={"operations": [
        {"op_id": str(uuid.uuid4()), "method": "PUT", "path": "/v1/sync/items/settings/b", "body": {"value": value}}]})

    assert_refused(alone, 422, "value_too_deep")
    assert pushed.json()["results"][0]["status"] == 422
    assert pushed.json()["results"][0]["response"]["error"] == "value_too_deep"
    assert api.write("PUT", "/v1/sync/items/settings/c", {"value": json.loads(nested(24))}).status_code == 200


def test_registration_nested_deep_creates_no_device(client, database):
    answer = client.post("/v1/devices", content=b'{"name": "car", "kind": "car", "x": ' + nested(5000) + b"}",
                         headers={"Content-Type": "application/json"})

    assert_refused(answer, 422, "invalid_request", "json_too_deep")
    assert count(database, "devices") == 0


def test_the_depth_scan():
    assert not json_depth_exceeds(nested(MAX_JSON_DEPTH))
    assert json_depth_exceeds(nested(MAX_JSON_DEPTH + 1))
    assert not json_depth_exceeds(b'"' + b"[" * 100 + b'"')
    assert not json_depth_exceeds(b'["\\"[[[[", ' * 10 + b"1" + b"]" * 10)


# --- numbers and types ------------------------------------------------------------------------------------

@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"-Infinity", b"1e400", b"-1e999"])
def test_non_finite_numbers_are_refused_not_stored_as_null(api, database, number):
    answer = raw(api, "PUT", "/v1/sync/items/settings/n", b'{"value": {"x": ' + number + b"}}")

    assert_refused(answer, 422, "invalid_request", "non_finite_number")
    nothing_written(database)


def test_a_huge_integer_is_a_malformed_body_not_a_crash(api, database):
    answer = raw(api, "PUT", "/v1/sync/items/settings/n", b'{"value": ' + b"9" * 5000 + b"}")

    assert_refused(answer, 400, "malformed_request")
    nothing_written(database)


@pytest.mark.parametrize("rating", [b'"5"', b"true", b"5.0", b"null"])
def test_a_rating_must_be_a_json_integer(api, database, rating):
    answer = raw(api, "POST", f"/v1/catalog/products/{PRODUCT}/reviews", b'{"rating": ' + rating + b"}")

    assert_refused(answer, 422, "invalid_request")
    nothing_written(database)


@pytest.mark.parametrize("quantity", [b'"1"', b"true", b"1.0"])
def test_a_quantity_must_be_a_json_integer(api, database, quantity):
    body = b'{"items": [{"product_id": "' + PRODUCT.encode() + b'", "quantity": ' + quantity + \
        b'}], "payment_method_id": "pm_x", "delivery": ' + json.dumps(HOME).encode() + b'}'

    answer = raw(api, "POST", "/v1/orders", body)

    assert_refused(answer, 422, "invalid_request")
    assert [e["loc"][-1] for e in answer.json()["errors"]] == ["quantity"]
    assert count(database, "orders") == 0
    nothing_written(database)


# --- sizes ------------------------------------------------------------------------------------------------

def test_a_chunked_body_over_the_limit_is_413_and_nothing_is_written(api, database):
    def chunks():  # no Content-Length: the size is only known while it streams
        yield b'{"value": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    headers = {**api.headers, "Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"}
    answer = api.http.request("PUT", "/v1/sync/items/settings/big", content=chunks(), headers=headers)

    assert_refused(answer, 413, "payload_too_large")
    nothing_written(database)


def test_a_declared_body_over_the_limit_is_413(api, database):
    answer = raw(api, "PUT", "/v1/sync/items/settings/big", b'{"value": "' + b"x" * MAX_BODY_BYTES + b'"}')

    assert_refused(answer, 413, "payload_too_large")
    nothing_written(database)


def test_a_body_that_is_not_json_is_400(api, database):
    assert_refused(raw(api, "PUT", "/v1/sync/items/settings/x", b'{"value": '), 400, "malformed_request")
    assert_refused(raw(api, "PUT", "/v1/sync/items/settings/x", b"\xff\xfe{}"), 400, "malformed_request")
    nothing_written(database)


# --- one review per account and product -------------------------------------------------------------------

def test_an_account_reviews_a_product_once(api, database):
    before = api.get(f"/v1/catalog/products/{PRODUCT}").json()
    key = str(uuid.uuid4())
    first = api.write("POST", f"/v1/catalog/products/{PRODUCT}/reviews", {"rating": 5, "text": "great"}, key=key)
    replay = api.write("POST", f"/v1/catalog/products/{PRODUCT}/reviews", {"rating": 5, "text": "great"}, key=key)
    again = api.write("POST", f"/v1/catalog/products/{PRODUCT}/reviews", {"rating": 1, "text": "again"})
    other_device = api.join().write("POST", f"/v1/catalog/products/{PRODUCT}/reviews", {"rating": 1})

    assert first.status_code == 201 and replay.content == first.content
    assert_refused(again, 422, "already_reviewed")
    assert_refused(other_device, 422, "already_reviewed")
    after = api.get(f"/v1/catalog/products/{PRODUCT}").json()
    assert after["review_count"] == before["review_count"] + 1
    assert count(database, "reviews", "WHERE account_id IS NOT NULL") == 1
    # Another account may review it, and the same account another product.
    assert Api.register(api.http).write("POST", f"/v1/catalog/products/{PRODUCT}/reviews",
                                        {"rating": 4}).status_code == 201
    assert api.write("POST", "/v1/catalog/products/castrol-edge-5w30-ll-5l/reviews", {"rating": 4}).status_code == 201


def test_devices_of_one_account_reviewing_at_once_store_one_review(api, database):
    devices = [api] + [api.join() for _ in range(5)]
    with ThreadPoolExecutor(len(devices)) as pool:
        answers = list(pool.map(lambda d: d.write("POST", f"/v1/catalog/products/{PRODUCT}/reviews",
                                                  {"rating": 4}), devices))

    assert sorted(a.status_code for a in answers) == [201] + [422] * 5
    assert {a.json()["error"] for a in answers if a.status_code == 422} == {"already_reviewed"}
    assert count(database, "reviews", "WHERE account_id IS NOT NULL") == 1


def test_the_database_itself_refuses_a_second_review(api, database):
    api.write("POST", f"/v1/catalog/products/{PRODUCT}/reviews", {"rating": 5})
    account = api.device["account_id"]
    with pytest.raises(sa.exc.IntegrityError), database.begin() as conn:
        conn.execute(reviews.insert().values(id="rev_x", product_id=PRODUCT, account_id=account, rating=1, text="",
                                             created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))


# --- old idempotency rows are swept ---------------------------------------------------------------------

def test_the_sweep_deletes_stored_answers_and_tombstones_past_the_retention_in_batches(api, db_url, database):
    keys = [str(uuid.uuid4()) for _ in range(5)]
    for n, key in enumerate(keys[:3]):
        api.write("PUT", f"/v1/sync/items/favourites/k{n}", {"value": n}, key=key)
    for key in keys[3:]:
        assert api.write("POST", f"/v1/operations/{key}/expire").json()["response_status"] == 410
    db = Database(db_url)
    try:
        assert idempotency.sweep(db, 3600, batch=2) == 0  # all younger than an hour
        later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
        assert idempotency.sweep(db, 3600, batch=2, now=later) == 5
    finally:
        db.dispose()

    assert count(database, "operations") == 0
    assert count(database, "sync_items") == 3  # the data stays; only the keys' answers go
    assert api.get(f"/v1/operations/{keys[0]}").json()["status"] == "unknown"


def test_the_sweep_deletes_ended_rate_limit_windows(db_url, client, database):
    db = Database(db_url)
    try:
        assert ratelimit.hit(db, "test:a", 5, 60, now=1000.0) is None
        assert ratelimit.hit(db, "test:b", 5, 60, now=5000.0) is None
        assert ratelimit.sweep(db, now=2000.0) == 1
    finally:
        db.dispose()
    with database.connect() as conn:
        assert conn.execute(sa.text("SELECT key FROM rate_limits WHERE key LIKE 'test:%'")).scalars().all() == ["test:b"]


def test_the_sweep_command(sqlite_url):
    with TestClient(create_app(sqlite_url)) as http:
        device = Api.register(http)
        device.write("PUT", "/v1/sync/items/favourites/home", {"value": 1})
    time.sleep(1.0)

    result = subprocess.run([sys.executable, "-m", "headunit_backend", "sweep", "--db", sqlite_url,
                             "--retention-days", "0.00001"], capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("deleted 1 stored operations")
    engine = sa.create_engine(sqlite_url)
    assert count(engine, "operations") == 0
    engine.dispose()


def test_the_migration_keeps_an_accounts_newest_review_of_a_product(sqlite_url):
    """A database from before one-review-per-account, with an account's three reviews of one product."""
    from alembic import command

    from headunit_backend import migrate

    engine = sa.create_engine(sqlite_url)
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), "0003")
        conn.execute(sa.text("INSERT INTO accounts (id, key_hash, last_seq, created_at) "
                             "VALUES ('acct_a', :k, 0, '2026-01-01 00:00:00')"), {"k": "0" * 64})
        conn.execute(sa.text("INSERT INTO categories (id, name, position) VALUES ('c', 'C', 0)"))
        conn.execute(sa.text("INSERT INTO products (id, category_id, name, description, price_cents, currency, stock, "
                             "rating_sum, rating_count, universal, fitment_json, position) "
                             "VALUES ('p', 'c', 'P', '', 100, 'EUR', 1, 9, 3, 1, '[]', 0)"))
        for n, (rating, day) in enumerate([(1, 1), (5, 3), (3, 2)]):
            conn.execute(sa.text("INSERT INTO reviews (id, product_id, account_id, rating, text, created_at) "
                                 "VALUES (:id, 'p', 'acct_a', :rating, '', :at)"),
                         {"id": f"rev_{n}", "rating": rating, "at": f"2026-01-0{day} 00:00:00"})
        command.upgrade(migrate.config(conn), "head")
        assert conn.execute(sa.text("SELECT id FROM reviews")).scalars().all() == ["rev_1"]
        assert conn.execute(sa.text("SELECT rating_sum, rating_count FROM products")).one() == (5, 1)
    engine.dispose()


def test_a_real_server_answers_a_chunked_oversized_body_413_and_deep_json_422(sqlite_url):
    """Over HTTP through uvicorn, where the reviewer saw 400: the refusal comes before the app answers."""
    def chunks():
        yield b'{"value": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    with ServerProcess(sqlite_url) as server:
        device = Api.register(requests.Session(), server.url)
        headers = {**device.headers, "Content-Type": "application/json"}
        big = requests.put(f"{server.url}/v1/sync/items/settings/big", data=chunks(), timeout=30,
                           headers={**headers, "Idempotency-Key": str(uuid.uuid4())})
        deep = requests.delete(f"{server.url}/v1/sync/items/settings/deep", data=nested(100_000), timeout=30,
                               headers={**headers, "Idempotency-Key": str(uuid.uuid4())})

        assert_refused(big, 413, "payload_too_large")
        assert_refused(deep, 422, "invalid_request", "json_too_deep")
        assert device.get("/v1/sync/changes").json()["changes"] == []
