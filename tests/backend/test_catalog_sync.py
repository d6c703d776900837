"""The catalog sync feed: everything once from the start, then what changed after the cursor (stock, price and
rating included), and a write that committed late is not skipped."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
import sqlalchemy as sa

from headunit_backend import catalog
from headunit_backend.db import products
from tests.backend.test_catalog import SEED


def sync_all(api, cursor: str | None = None, limit: int = 500) -> tuple[list[dict], str]:
    """Follow the pages until `more` is false; the items of every page and the last cursor."""
    items = []
    for _ in range(100):
        page = api.get("/v1/catalog/sync", params={"limit": limit, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        cursor = body["cursor"]
        if not body["more"]:
            return items, cursor
    raise AssertionError("the feed never ended")


@pytest.fixture
def settled(monkeypatch):
    """No margin, so "changed after the cursor" is exact in the tests that do not look at the margin."""
    monkeypatch.setattr(catalog, "SYNC_MARGIN", 0.0)


def test_the_first_sync_pages_through_every_product_once(api, settled):
    items, _ = sync_all(api, limit=25)

    assert sorted(p["id"] for p in items) == sorted(p["id"] for p in SEED["products"])
    golf_oil = next(p for p in items if p["id"] == "castrol-edge-0w20-ll-iv-4l")
    assert golf_oil["brand"] == "Castrol" and golf_oil["fitting_minutes"] == 30 and golf_oil["updated_at"]
    assert {"make": "Volkswagen", "model": "Golf", "years": [2020, None],
            "engines": ["1.0 eTSI", "1.5 eTSI", "1.4 eHybrid"]} in golf_oil["fitment"]


def test_stock_price_and_rating_changes_come_again_after_the_cursor(api, database, settled):
    _, cursor = sync_all(api)
    assert sync_all(api, cursor)[0] == []

    api.order(api.add_card(), ("warning-triangle-ece-r27", 2))  # stock
    api.write("POST", "/v1/catalog/products/autosock-697/reviews", {"rating": 1})  # rating
    with database.begin() as conn:  # price, as a shop's import or an operator would change it
        conn.execute(products.update().where(products.c.id == "juice-booster-2").values(price_cents=109900))
    changed, cursor = sync_all(api, cursor)

    by_id = {p["id"]: p for p in changed}
    assert set(by_id) == {"warning-triangle-ece-r27", "autosock-697", "juice-booster-2"}
    assert by_id["juice-booster-2"]["price_cents"] == 109900
    assert by_id["autosock-697"]["review_count"] == next(p for p in SEED["products"]
                                                          if p["id"] == "autosock-697")["review_count"] + 1
    assert sync_all(api, cursor)[0] == []


def test_a_write_that_commits_late_is_still_delivered(api, database):
    """A transaction stamps its rows before it commits: a reader may already have seen later rows. The cursor
    stays `SYNC_MARGIN` behind, so such a row still comes."""
    with database.begin() as conn:  # the seed long past the margin
        conn.execute(products.update().values(updated_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)))
    _, cursor = sync_all(api)
    assert sync_all(api, cursor)[0] == []
    stamped_before_commit = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=catalog.SYNC_MARGIN / 2)
    with database.begin() as conn:
        conn.execute(products.update().where(products.c.id == "thule-ck7-090")
                     .values(stock=1, updated_at=stamped_before_commit))

    changed, _ = sync_all(api, cursor)

    assert [p["id"] for p in changed] == ["thule-ck7-090"] and changed[0]["stock"] == 1


def test_recent_changes_come_again_until_they_are_past_the_margin(api):
    first, cursor = sync_all(api)
    again, _ = sync_all(api, cursor)

    assert len(first) == len(SEED["products"])
    assert {p["id"] for p in again} == {p["id"] for p in first}  # all were seeded within the last minute


def test_sync_answers_carry_the_catalog_cache_headers(api, settled):
    answer = api.get("/v1/catalog/sync")

    assert answer.headers["Cache-Control"] == "max-age=300, stale-if-error=86400"
    assert api.get("/v1/catalog/sync", headers={"If-None-Match": answer.headers["ETag"]}).status_code == 304


@pytest.mark.parametrize("cursor", ["nonsense", base64.urlsafe_b64encode(b"p1:yesterday|x").decode(),
                                    base64.urlsafe_b64encode(b"seq:12").decode(), "%%%",
                                    base64.urlsafe_b64encode(b"p1:0001-01-01T00:00:00+05:00|x").decode()])
def test_a_cursor_this_service_did_not_issue_is_400(api, cursor):
    answer = api.get("/v1/catalog/sync", params={"cursor": cursor})

    assert answer.status_code == 400 and answer.json()["error"] == "invalid_cursor"


@pytest.mark.parametrize("limit", [0, 1001, "many"])
def test_impossible_limits_are_422(api, limit):
    assert api.get("/v1/catalog/sync", params={"limit": limit}).status_code == 422


def test_products_are_stamped_by_any_update_even_one_that_does_not_know_the_feed(database, api):
    with database.begin() as conn:
        before = conn.execute(sa.select(products.c.updated_at).where(products.c.id == "autosock-697")).scalar_one()
        conn.execute(products.update().where(products.c.id == "autosock-697").values(stock=products.c.stock + 1))
        after = conn.execute(sa.select(products.c.updated_at).where(products.c.id == "autosock-697")).scalar_one()

    assert after > before
