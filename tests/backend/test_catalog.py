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

    assert categories >= {"wiper-blades", "bulbs", "floor-mats", "tyres", "engine-oil", "filters", "ev-charging",
                          "chargers-cables", "phone-mounts", "dash-cams", "roof-boxes", "tyre-chains", "safety",
                          "car-care"}
    assert 100 <= len(products) <= 140
    assert {p["category"] for p in products} == categories
    assert all(p["universal"] == (not p["fitment"]) for p in products)
    assert all(p["brand"] and p["price_cents"] > 0 for p in products)
    assert sum(len(p["reviews"]) for p in products) >= 10
    assert any(r.get("vehicle") for p in products for r in p["reviews"])


def test_every_reference_vehicle_has_parts_that_fit_it():
    from headunit.fitment import rules, vehicle_list

    for vehicle in vehicle_list():
        for variant in vehicle.variants:
            car = rules.Profile(make=vehicle.make, model=vehicle.model, year=vehicle.years[0], engine=variant.engine,
                                fuel=variant.fuel, body=vehicle.bodies[0], tyre_size=vehicle.tyre_sizes[0])
            fitting = {p["category"] for p in SEED["products"] if not p["universal"]
                       and rules.verdict(rules.parse_records(p["fitment"]), False, car).keeps}
            assert {"wiper-blades", "floor-mats", "tyres"} <= fitting, (car.summary, fitting)
            if variant.fuel != "electric":
                assert {"engine-oil", "filters"} <= fitting, (car.summary, fitting)
            else:
                assert "ev-charging" in fitting, (car.summary, fitting)


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
    golf_2015 = ids(api, category="wiper-blades", make="Volkswagen", model="Golf", year=2015, body="hatchback")
    golf_2021 = ids(api, category="wiper-blades", make="volkswagen", model="golf", year=2021, body="hatchback")

    assert set(golf_2015) == {"bosch-aerotwin-a863s", "bosch-rear-h840", "michelin-stealth-hybrid-600"}
    assert set(golf_2021) == {"bosch-aerotwin-a297s", "bosch-rear-h301", "michelin-stealth-hybrid-600"}
    assert set(ids(api, category="floor-mats", make="Tesla", model="Model Y")) == {
        "all-weather-mats-tesla-model-y", "petex-universal-rubber-mats"}


SIMULATED_CAR = {"make": "Volkswagen", "model": "Golf", "year": 2021, "engine": "1.5 eTSI", "fuel": "petrol",
                 "body": "hatchback", "tyre_size": "205/55 R16"}


def test_the_simulated_car_gets_what_fits_and_what_fits_if_but_not_what_does_not(api):
    mine = set(ids(api, **SIMULATED_CAR))

    assert {"castrol-edge-0w20-ll-iv-4l", "mann-hu-6020-z", "michelin-primacy-4plus-205-55-r16",
            "thule-ck7-090", "bosch-aerotwin-a297s", "garmin-dash-cam-67w"} <= mine  # fits
    assert {"thule-motion-xt-m", "philips-longlife-h8-fog", "boot-liner-golf8-hatchback"} <= mine  # fits if
    assert not {"castrol-edge-5w30-ll-5l", "mann-hu-6013-z", "bosch-aerotwin-a863s", "boot-liner-golf8-estate",
                "type2-cable-11kw-5m", "michelin-pilot-sport-5-225-45-r17"} & mine  # diesel, Mk7, estate, EV, 17"
    assert set(ids(api, tyre_size="205/55 R16", category="tyres")) == {
        p["id"] for p in SEED["products"] if p["category"] == "tyres" and "205/55 R16" in p["fitment"][0]["tyre_sizes"]}
    assert "type2-cable-11kw-5m" in ids(api, fuel="electric", category="ev-charging")


def test_a_car_without_its_engine_keeps_engine_specific_parts_as_fits_if(api):
    without_engine = ids(api, **{**SIMULATED_CAR, "engine": None}, category="engine-oil")

    assert {"castrol-edge-0w20-ll-iv-4l", "castrol-edge-5w30-ll-5l"} <= set(without_engine)


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
             for offset in range(0, len(SEED["products"]) + 10, 10)]

    assert {page["total"] for page in pages} == {len(SEED["products"])}
    seen = [p["id"] for page in pages for p in page["items"]]
    assert sorted(seen) == sorted(p["id"] for p in SEED["products"])


def test_a_product_comes_with_its_reviews_and_fitment(api):
    product = api.get("/v1/catalog/products/thule-ck7-090").json()

    assert product["price_cents"] == 8999 and product["currency"] == "EUR"
    assert product["fitment"] == [{"tyre_sizes": ["195/65 R15", "205/55 R16", "195/55 R16"], "quantity": 2}]
    assert product["universal"] is False and product["brand"] == "Thule" and product["part_number"] == "CK-7 090"
    assert sum(product["histogram"].values()) == product["review_count"]
    assert list(product["histogram"]) == ["1", "2", "3", "4", "5"]
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
                                   {"in_stock": "maybe"}, {"fuel": "coal"}, {"body": "van"}])
def test_impossible_queries_are_422(api, query):
    assert api.get("/v1/catalog/products", params=query).status_code == 422
