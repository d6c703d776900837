"""The catalog: search, filters, fitment, sorting, paging, details, reviews, images and caching."""

import json
from importlib import resources

import pytest

from tests.backend.api import Api

SEED = json.loads(resources.files("headunit_backend").joinpath("data/catalog.json").read_text())


def ids(api: Api, **query) -> list[str]:
    answer = api.get("/v1/catalog/products", params={"limit": 100, **query})
    assert answer.status_code == 200, answer.text
    return [p["id"] for p in answer.json()["items"]]


def test_the_seeded_catalog_is_a_real_shop():
    categories = {c["id"] for c in SEED["categories"]}
    products = SEED["products"]

    assert len(categories) >= 8 and len(products) >= 40
    assert {p["category"] for p in products} == categories
    assert all(p["universal"] == (not p["fitment"]) for p in products)
    assert sum(len(p["reviews"]) for p in products) >= 10


def test_categories_are_listed_in_shop_order(api):
    answer = api.get("/v1/catalog/categories")

    assert [c["id"] for c in answer.json()["items"]] == [c["id"] for c in SEED["categories"]]
    assert answer.headers["Cache-Control"] == "max-age=300, stale-if-error=86400"


def test_search_needs_every_word_and_ranks_names_first(api):
    found = ids(api, q="wiper blade")

    assert set(found) == {p["id"] for p in SEED["products"] if p["category"] == "wiper-blades"}
    assert set(ids(api, q="TYPE 2 cable")[:3]) == {"type2-cable-11kw-5m", "type2-cable-22kw-7m",
                                                   "type1-to-type2-cable-5m"}
    snow = ids(api, q="snow")
    assert snow.index("weathertech-floorliner-golf7") > snow.index("thule-ck7-090")  # only its description says snow
    assert ids(api, q="snow chains fluffy") == []


def test_fitment_keeps_parts_for_the_car_and_universal_ones(api):
    golf_2015 = ids(api, category="wiper-blades", make="Volkswagen", model="Golf", year=2015)
    golf_2021 = ids(api, category="wiper-blades", make="volkswagen", model="golf", year=2021)

    assert set(golf_2015) == {"bosch-aerotwin-a863s", "bosch-rear-h840", "michelin-stealth-hybrid-600"}
    assert set(golf_2021) == {"bosch-aerotwin-a297s", "michelin-stealth-hybrid-600"}
    assert set(ids(api, category="floor-mats", make="Tesla", model="Model Y")) == {
        "all-weather-mats-tesla-model-y", "petex-universal-rubber-mats"}


def test_price_stock_and_category_filters(api):
    cheap = api.get("/v1/catalog/products", params={"max_price_cents": 999, "limit": 100}).json()["items"]
    in_stock = ids(api, category="dash-cams", in_stock="true")

    assert cheap and all(p["price_cents"] <= 999 for p in cheap)
    assert all(p["price_cents"] >= 100_000 for p in
               api.get("/v1/catalog/products", params={"min_price_cents": 100_000}).json()["items"])
    assert "blackvue-dr590x-2ch" not in in_stock and "blackvue-dr590x-2ch" in ids(api, category="dash-cams")


@pytest.mark.parametrize(("sort", "key"), [("price", lambda p: p["price_cents"]),
                                            ("-price", lambda p: -p["price_cents"]),
                                            ("rating", lambda p: -p["rating"])])
def test_sorting(api, sort, key):
    items = api.get("/v1/catalog/products", params={"sort": sort, "limit": 100}).json()["items"]

    assert [key(p) for p in items] == sorted(key(p) for p in items)


def test_paging_covers_everything_once_and_reports_the_total(api):
    pages = [api.get("/v1/catalog/products", params={"limit": 10, "offset": offset}).json()
             for offset in range(0, 60, 10)]

    assert {page["total"] for page in pages} == {len(SEED["products"])}
    seen = [p["id"] for page in pages for p in page["items"]]
    assert sorted(seen) == sorted(p["id"] for p in SEED["products"])


def test_a_product_comes_with_its_reviews_and_fitment(api):
    product = api.get("/v1/catalog/products/thule-ck7-090").json()

    assert product["price_cents"] == 8999 and product["currency"] == "EUR"
    assert {"make": "Volkswagen", "model": "Golf", "year_from": 2012, "year_to": 2020} in product["fitment"]
    assert product["universal"] is False
    assert len(product["reviews"]) == 2
    assert product["reviews"][0]["created_at"] > product["reviews"][1]["created_at"]


def test_a_review_counts_in_the_rating_at_once(api):
    before = api.get("/v1/catalog/products/autosock-697").json()

    answer = api.write("POST", "/v1/catalog/products/autosock-697/reviews", {"rating": 5, "text": "Great in Tyrol."})
    after = api.get("/v1/catalog/products/autosock-697").json()

    assert answer.status_code == 201 and answer.json()["rating"] == 5
    assert after["review_count"] == before["review_count"] + 1
    assert after["reviews"][0]["text"] == "Great in Tyrol."
    assert after["rating"] >= before["rating"]


def test_reviews_of_unknown_products_and_bad_ratings_are_refused(api):
    assert api.write("POST", "/v1/catalog/products/nope/reviews", {"rating": 5, "text": ""}).status_code == 404
    assert api.write("POST", "/v1/catalog/products/autosock-697/reviews", {"rating": 6}).status_code == 422


def test_unknown_products_are_404(api):
    assert api.get("/v1/catalog/products/flux-capacitor").json()["error"] == "not_found"


def test_product_images_are_served_as_svg(api):
    url = api.get("/v1/catalog/products/juice-booster-2").json()["images"][0]
    image = api.get(url)

    assert image.status_code == 200
    assert image.headers["Content-Type"].startswith("image/svg+xml")
    assert image.text.startswith("<svg") and "Juice Booster 2" in image.text
    assert api.get("/v1/catalog/images/juice-booster-2.png").status_code == 404
    assert api.get("/v1/catalog/images/nothing.svg").status_code == 404


def test_catalog_answers_revalidate_and_change_when_stock_does(api):
    first = api.get("/v1/catalog/products/warning-triangle-ece-r27")
    revalidate = {"If-None-Match": first.headers["ETag"]}
    unchanged = api.get("/v1/catalog/products/warning-triangle-ece-r27", headers=revalidate)
    api.order(api.add_card(), ("warning-triangle-ece-r27", 1))
    changed = api.get("/v1/catalog/products/warning-triangle-ece-r27", headers=revalidate)

    assert unchanged.status_code == 304
    assert changed.status_code == 200 and changed.json()["stock"] == first.json()["stock"] - 1


@pytest.mark.parametrize("query", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"sort": "name"}, {"year": 1800},
                                   {"in_stock": "maybe"}])
def test_impossible_queries_are_422(api, query):
    assert api.get("/v1/catalog/products", params=query).status_code == 422
