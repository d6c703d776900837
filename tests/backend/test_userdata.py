"""User data sync: items, deletions, the change feed's cursor and paging, last writer wins."""

import pytest

from tests.backend.api import Api


def pull_all(api: Api, limit: int = 100, cursor: str | None = None) -> tuple[list[dict], str, int]:
    """Follow the feed to its end; the changes, the final cursor and how many pages it took."""
    changes, pages = [], 0
    while True:
        page = api.get("/v1/sync/changes", params={"limit": limit, **({"cursor": cursor} if cursor else {})}).json()
        changes += page["changes"]
        cursor, pages = page["cursor"], pages + 1
        if not page["more"]:
            return changes, cursor, pages


def test_put_answers_the_stored_item_with_its_seq(api):
    answer = api.write("PUT", "/v1/sync/items/destinations/office", {"value": {"lat": 60.2, "lon": 24.9}})

    assert answer.status_code == 200
    assert answer.json() == {"seq": 1, "collection": "destinations", "key": "office",
                             "value": {"lat": 60.2, "lon": 24.9}, "deleted": False}


def test_the_feed_pages_with_its_cursor_and_resumes_where_it_stopped(api):
    for n in range(7):
        api.write("PUT", f"/v1/sync/items/favourites/place-{n}", {"value": n})

    changes, cursor, pages = pull_all(api, limit=3)

    assert [c["key"] for c in changes] == [f"place-{n}" for n in range(7)]
    assert pages == 3
    assert pull_all(api, cursor=cursor)[0] == []
    api.write("PUT", "/v1/sync/items/favourites/place-7", {"value": 7})
    assert [c["key"] for c in pull_all(api, cursor=cursor)[0]] == ["place-7"]


def test_the_last_write_in_server_order_wins_across_devices(api):
    phone = api.join()
    api.write("PUT", "/v1/sync/items/settings/units", {"value": "metric"})
    phone.write("PUT", "/v1/sync/items/settings/units", {"value": "imperial"})

    changes, _, _ = pull_all(api)

    assert len(changes) == 1
    assert changes[0]["value"] == "imperial"
    assert changes[0]["device_id"] == phone.device["device_id"]
    assert changes[0]["seq"] == 2


def test_a_deletion_reaches_other_devices_as_a_deleted_change(api):
    phone = api.join()
    api.write("PUT", "/v1/sync/items/playlists/commute", {"value": ["track-1"]})
    _, cursor, _ = pull_all(phone)

    deleted = api.write("DELETE", "/v1/sync/items/playlists/commute")
    changes, _, _ = pull_all(phone, cursor=cursor)

    assert deleted.json()["deleted"] is True
    assert [(c["key"], c["deleted"], c["value"]) for c in changes] == [("commute", True, None)]


def test_values_keep_their_json_types(api):
    values = [None, True, 0, 2.5, "text", [], {"nested": {"list": [1, "two", None]}}]
    for n, value in enumerate(values):
        api.write("PUT", f"/v1/sync/items/settings/k{n}", {"value": value})

    assert [c["value"] for c in pull_all(api)[0]] == values


def test_each_change_names_its_operation(api):
    api.write("PUT", "/v1/sync/items/favourites/home", {"value": 1}, key="5c3d8a8e-6b7a-4d55-9d0e-1f0c2b3a4d5e")

    assert pull_all(api)[0][0]["op_id"] == "5c3d8a8e-6b7a-4d55-9d0e-1f0c2b3a4d5e"


@pytest.mark.parametrize("cursor", ["not-a-cursor", "c2VxOi0x", "%%%"])
def test_a_cursor_the_server_did_not_issue_is_400(api, cursor):
    answer = api.get("/v1/sync/changes", params={"cursor": cursor})

    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_cursor"


@pytest.mark.parametrize("path", ["/v1/sync/items/shopping/x", "/v1/sync/items/favourites/" + "k" * 201])
def test_unknown_collections_and_overlong_keys_are_422(api, path):
    assert api.write("PUT", path, {"value": 1}).status_code == 422


def test_an_oversized_value_is_refused(api):
    answer = api.write("PUT", "/v1/sync/items/settings/blob", {"value": "x" * 70_000})

    assert answer.status_code == 422
    assert answer.json()["error"] == "value_too_large"


def test_a_huge_body_is_413(api):
    answer = api.write("PUT", "/v1/sync/items/settings/blob", {"value": "x" * 1_100_000})

    assert answer.status_code == 413
    assert answer.json()["error"] == "payload_too_large"


def test_accounts_do_not_see_each_others_items(client):
    first, second = Api.register(client), Api.register(client)
    first.write("PUT", "/v1/sync/items/favourites/home", {"value": "first"})
    second.write("PUT", "/v1/sync/items/favourites/home", {"value": "second"})

    assert [c["value"] for c in pull_all(first)[0]] == ["first"]
    assert [c["value"] for c in pull_all(second)[0]] == ["second"]
    assert pull_all(second)[0][0]["seq"] == 1  # seqs count per account


def test_a_push_applies_its_writes_in_order_each_under_its_own_key(api):
    import uuid

    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    writes = [{"op_id": first, "method": "PUT", "path": "/v1/sync/items/favourites/home", "body": {"value": 1}},
              {"op_id": second, "method": "DELETE", "path": "/v1/sync/items/favourites/home"}]
    answer = api.http.post(f"{api.base}/v1/sync/push", json={"operations": writes}, headers=api.headers)
    again = api.http.post(f"{api.base}/v1/sync/push", json={"operations": writes}, headers=api.headers)
    alone = api.write("DELETE", "/v1/sync/items/favourites/home", key=second)

    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [(r["op_id"], r["status"], r["response"]["seq"]) for r in results] == [(first, 200, 1), (second, 200, 2)]
    assert [r["replayed"] for r in again.json()["results"]] == [True, True]
    assert alone.headers["Idempotent-Replayed"] == "true" and alone.json() == results[1]["response"]
    changes, _, _ = pull_all(api)
    assert [(c["key"], c["deleted"], c["op_id"]) for c in changes] == [("home", True, second)]


def test_a_write_in_flight_elsewhere_stops_the_push_so_nothing_overtakes_it(api, database):
    """A is still running in another worker: A answers 409, and neither B nor C may apply before it."""
    import time
    import uuid

    import sqlalchemy as sa

    from headunit_backend.db import operations, utcnow
    from headunit_backend.idempotency import request_hash

    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    path = "/v1/sync/items/settings/units"
    with database.begin() as conn:
        conn.execute(sa.insert(operations).values(
            device_id=api.device["device_id"], op_id=a, request_hash=request_hash("PUT", path, b'{"value":1}'),
            state="in_flight", holder="another-worker", claimed_at=time.time(), created_at=utcnow()))
    writes = [{"op_id": op, "method": "PUT", "path": path, "body": {"value": n}} for n, op in enumerate((a, b, c), 1)]

    results = api.http.post(f"{api.base}/v1/sync/push", json={"operations": writes}, headers=api.headers).json()

    assert [r["status"] for r in results["results"]] == [409, None, None]
    assert pull_all(api)[0] == []


def test_a_key_with_url_characters_gets_the_same_answer_alone_and_pushed(api):
    import uuid

    op_id = str(uuid.uuid4())
    alone = api.write("PUT", "/v1/sync/items/favourites/caf%C3%A9%3F%23", {"value": 1}, key=op_id)
    pushed = api.http.post(f"{api.base}/v1/sync/push", headers=api.headers, json={"operations": [
        {"op_id": op_id, "method": "PUT", "path": "/v1/sync/items/favourites/caf%C3%A9%3F%23", "body": {"value": 1}}]})

    assert alone.status_code == 200 and alone.json()["key"] == "café?#"
    assert pushed.json()["results"][0] | {"response": None} == {"op_id": op_id, "status": 200, "response": None,
                                                                "replayed": True}


def test_a_refused_write_in_a_push_is_stored_and_the_others_apply(api):
    import uuid

    ids = [str(uuid.uuid4()) for _ in range(3)]
    values = [1, "x" * (65 * 1024), 3]  # the middle one is over the 64 KiB limit
    writes = [{"op_id": op, "method": "PUT", "path": f"/v1/sync/items/settings/k{n}", "body": {"value": v}}
              for n, (op, v) in enumerate(zip(ids, values))]

    first = api.http.post(f"{api.base}/v1/sync/push", json={"operations": writes}, headers=api.headers).json()
    again = api.http.post(f"{api.base}/v1/sync/push", json={"operations": writes}, headers=api.headers).json()

    assert [r["status"] for r in first["results"]] == [200, 422, 200]
    assert first["results"][1]["response"]["error"] == "value_too_large"
    assert [r["response"]["seq"] for r in first["results"][::2]] == [1, 2]  # nothing of the refused one
    assert [(r["status"], r["replayed"]) for r in again["results"]] == [(200, True), (422, True), (200, True)]
    assert [c["key"] for c in pull_all(api)[0]] == ["k0", "k2"]
