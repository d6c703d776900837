"""The store's catalog mirror: synced page by page with its cursor, kept when offline or when the backend's
answer is corrupt (with the reason), searched and filtered to what fits the car, and the verdicts in words."""

from __future__ import annotations

import sqlite3

import pytest

from headunit.fitment.vehicles import SIMULATED_CAR
from headunit.sdk import CloudUnavailable, Profile, fitment_verdict, parse_fitment
from tests.plugin_parts import plugin_part

PACKAGE = "headunit_plugin_org_headunit_store.store"


@pytest.fixture
def catalog():
    return plugin_part("org.headunit.store/store", "catalog", package=PACKAGE)


@pytest.fixture
def words():
    return plugin_part("org.headunit.store/store", "words", package=PACKAGE)


def product(pid: str, name: str, category: str = "wiper-blades", price: int = 2999, **extra) -> dict:
    return {"id": pid, "name": name, "category": category, "price_cents": price, "currency": "EUR", "stock": 10,
            "rating": 4.5, "review_count": 12, "universal": False, "brand": "Bosch",
            "fitment": [{"make": "Volkswagen", "model": "Golf", "years": [2020, None], "position": "front",
                         "quantity": 2}], **extra}


GOLF_MK7_ONLY = [{"make": "Volkswagen", "model": "Golf", "years": [2012, 2020]}]
HALOGEN = [{"make": "Volkswagen", "model": "Golf", "condition": "with halogen headlights"}]


class Reading:
    def __init__(self, data, stale: bool = False):
        self.data, self.stale = data, stale


class Backend:
    """Answers /v1/catalog/sync from a list of pages, the cursor being the page's index; records each call."""

    def __init__(self, pages: list[list[dict]]):
        self.pages, self.calls, self.offline, self.stale = pages, [], False, False

    def get(self, path: str, params):
        if self.offline:
            raise CloudUnavailable("the backend cannot be reached and nothing is cached")
        self.calls.append((path, dict(params or {})))
        if path == "/v1/catalog/categories":
            return Reading({"items": [{"id": "wiper-blades", "name": "Wiper blades"}, {"id": "bulbs", "name": "Bulbs"}]},
                           self.stale)
        index = int((params or {}).get("cursor") or 0)
        page = self.pages[index] if index < len(self.pages) else []
        return Reading({"items": page, "cursor": str(min(index + 1, len(self.pages))),
                        "more": index + 1 < len(self.pages)}, self.stale)


@pytest.fixture
def mirror(catalog):
    return catalog.Mirror(sqlite3.connect(":memory:"), clock=lambda: 1_000_000.0)


def test_a_sync_fetches_every_page_after_the_cursor_and_keeps_the_cursor(mirror):
    backend = Backend([[product("a", "Bosch Aerotwin"), product("b", "Valeo Silencio")],
                       [product("c", "Osram H7 bulb", "bulbs", 1299)]])
    result = mirror.sync(backend.get)
    assert (result.pages, result.changed, result.complete) == (2, 3, True)
    assert [c[1].get("cursor") for c in backend.calls if c[0] == "/v1/catalog/sync"] == [None, "1"]
    assert mirror.count() == 3 and mirror.cursor == "2" and mirror.age() == 0
    assert [c["name"] for c in mirror.categories()] == ["Wiper blades", "Bulbs"]

    # The next sync starts at the cursor: only what changed since comes, and replaces the old row.
    backend.pages.append([product("a", "Bosch Aerotwin", price=2499, stock=0)])
    backend.calls.clear()
    mirror.sync(backend.get)
    assert [c[1].get("cursor") for c in backend.calls if c[0] == "/v1/catalog/sync"] == ["2"]
    assert mirror.count() == 3
    assert (mirror.product("a")["price_cents"], mirror.product("a")["stock"]) == (2499, 0)


def test_offline_the_mirror_keeps_what_it_has(mirror):
    backend = Backend([[product("a", "Bosch Aerotwin")]])
    mirror.sync(backend.get)
    backend.offline = True
    result = mirror.sync(backend.get)
    assert result.offline and not result.complete
    assert mirror.count() == 1 and mirror.last_error == ""
    # A cached (stale) answer is not applied as if it were new.
    backend.offline, backend.stale = False, True
    backend.pages.append([product("z", "Never applied")])
    assert mirror.sync(backend.get).offline
    assert mirror.product("z") is None


@pytest.mark.parametrize(("bad", "named"), [
    ({"price_cents": "12.00"}, "items[1].price_cents: expected a whole number of cents"),
    ({"currency": "euro"}, "items[1].currency: expected an ISO 4217 code"),
    ({"fitment": [{"model": "Golf"}]}, "items[1].fitment[0].model"),
])
def test_a_corrupt_page_is_refused_whole_and_the_old_data_kept_with_the_reason(mirror, bad, named):
    backend = Backend([[product("a", "Bosch Aerotwin")]])
    mirror.sync(backend.get)
    backend.pages.append([product("a", "Bosch Aerotwin", price=1), product("b", "Broken", **bad)])
    result = mirror.sync(backend.get)
    assert not result.complete and result.error.startswith(named)
    assert mirror.last_error == result.error
    assert mirror.product("a")["price_cents"] == 2999  # the good item of the refused page is not applied either
    assert mirror.product("b") is None and mirror.cursor == "1"


def test_an_answer_that_is_not_a_sync_page_is_refused(mirror):
    result = mirror.sync(lambda path, params: Reading(["not", "a", "page"]))
    assert result.error == "categories: expected an object with a list of items"
    result = mirror.sync(lambda path, params: Reading({"items": []} if "categories" in path else {"items": []}))
    assert result.error == "cursor: expected a string" and mirror.synced_at is None


def test_search_category_sort_and_what_fits_the_car(mirror):
    mirror.sync(Backend([[product("new", "Bosch Aerotwin A297S", price=3299, review_count=97),
                          product("old", "Bosch Aerotwin A863S", price=2999, review_count=214, fitment=GOLF_MK7_ONLY),
                          product("bulb", "Osram Night Breaker H7", "bulbs", 1999, fitment=HALOGEN),
                          product("cable", "Type 2 charging cable", "ev-charging", 19900, universal=True,
                                  fitment=[])]]).get)
    assert [r["id"] for r in mirror.query(text="aero")[0]] == ["old", "new"]  # the most reviewed first
    assert mirror.query(text="night brea")[1] == 1
    assert mirror.query(text="zzz") == ([], 0)
    assert [r["id"] for r in mirror.query(category="wiper-blades", sort="price")[0]] == ["old", "new"]
    assert [r["id"] for r in mirror.query(sort="-price")[0]][0] == "cable"

    verdicts = mirror.verdicts(SIMULATED_CAR)
    assert {k: v.kind for k, v in verdicts.items()} == {
        "new": "fits", "old": "does_not_fit", "bulb": "fits_if", "cable": "fits"}
    fitting = mirror.fitting(SIMULATED_CAR)
    assert fitting == {"new", "bulb", "cable"}
    rows, total = mirror.query(category="wiper-blades", only=fitting)
    assert [r["id"] for r in rows] == ["new"] and total == 1
    # Another car, other verdicts: the cache is per profile.
    assert mirror.fitting(Profile(make="Toyota", model="Corolla", year=2021)) == {"cable"}


def test_verdicts_in_words(words):
    class Ctx:
        @staticmethod
        def tr(text: str) -> str:
            return text

    def said(records, profile=SIMULATED_CAR, universal=False):
        return words.verdict_words(Ctx, fitment_verdict(parse_fitment(records), universal, profile), "Golf")["text"]

    assert said([{"make": "Volkswagen", "model": "Golf", "position": "front", "quantity": 2}]) == "Fits: front, set of 2"
    assert said([{"make": "Volkswagen", "model": "Golf"}]) == "Fits: your Golf"
    assert said([], universal=True) == "Fits: any car"
    assert said(HALOGEN) == "Fits if: your car has halogen headlights"
    assert said(GOLF_MK7_ONLY) == "Does not fit: for 2012–2020 models"
    assert said([{"make": "Volkswagen", "model": "Golf", "engines": ["2.0 TDI"]}]) == "Does not fit: for 2.0 TDI engines"
    assert said([{"make": "Toyota", "model": "Corolla"}]) == "Does not fit: made for Toyota cars"
    assert said([{"make": "Volkswagen", "model": "Golf", "fuels": ["diesel", "electric"]}],
                Profile(make="Volkswagen", model="Golf", year=2021)) == "Fits if: your car runs on diesel or electric"
    assert said([{"make": "Volkswagen", "model": "Golf"}], None) == \
        "Fit unknown: tell the store your car in Settings › Vehicle"


def test_the_benchmark_catalog_and_its_figures(catalog):
    """The store benchmark's measurement on a small catalog: same first page as a bare SELECT, and the filter
    keeps exactly the products the mirror judges to fit or fit if."""
    from benchmarks import store

    figures = store.measure(products=300, runs=2, progress=lambda text: None)
    assert figures["first_page"]["ms"] > 0 and figures["first_page"]["floor_ms"] > 0
    kinds = figures["fitment"]["kinds"]
    assert sum(kinds.values()) == 300
    assert figures["fitment"]["kept"] == kinds.get("fits", 0) + kinds.get("fits_if", 0)
    assert kinds.get("does_not_fit", 0) > 0 and kinds.get("fits", 0) > 0
