"""Reviews: verified purchase, the reviewer's vehicle, the histogram, and reports that hide a review."""

from __future__ import annotations

import uuid

import pytest

from headunit_backend.app import create_app
from tests.backend.api import Api
from tests.backend.conftest import TestClient, time_left_in_window

PRODUCT = "mann-fp-26-009"


def detail(api: Api, product_id: str = PRODUCT) -> dict:
    answer = api.get(f"/v1/catalog/products/{product_id}")
    assert answer.status_code == 200, answer.text
    return answer.json()


def review(api: Api, rating: int = 5, product_id: str = PRODUCT, **body) -> dict:
    answer = api.write("POST", f"/v1/catalog/products/{product_id}/reviews", {"rating": rating, **body})
    assert answer.status_code == 201, answer.text
    return answer.json()


def report(api: Api, review_id: str, reason: str = "spam", key: str | None = None):
    return api.write("POST", f"/v1/catalog/reviews/{review_id}/reports", {"reason": reason}, key=key)


def test_a_review_after_an_order_is_a_verified_purchase_and_names_the_vehicle(api, client):
    api.order(api.add_card(), (PRODUCT, 1))
    stranger = Api.register(client)

    bought = review(api, 5, text="Fresh air again.", vehicle="2021 Volkswagen Golf")
    not_bought = review(stranger, 4, text="Looks right.")

    assert bought["verified_purchase"] is True and bought["vehicle"] == "2021 Volkswagen Golf"
    assert not_bought["verified_purchase"] is False and not_bought["vehicle"] is None
    shown = {r["review_id"]: r for r in detail(api)["reviews"]}
    assert shown[bought["review_id"]]["verified_purchase"] is True
    assert shown[bought["review_id"]]["vehicle"] == "2021 Volkswagen Golf"


def test_another_device_of_the_buying_account_is_verified_too(api):
    api.order(api.add_card(), (PRODUCT, 1))
    phone = api.join()

    assert review(phone, 4)["verified_purchase"] is True


def test_the_histogram_counts_each_rating_at_its_stars(api):
    before = detail(api)["histogram"]

    review(api, 2)
    after = detail(api)

    assert after["histogram"] == {**before, "2": before["2"] + 1}
    assert sum(after["histogram"].values()) == after["review_count"]


@pytest.mark.parametrize("body", [{"rating": 5, "vehicle": "x" * 81}, {"rating": 5, "vehicle": ""},
                                  {"rating": 5, "vehicle": 2021}, {"rating": "5"}, {"rating": 5, "stars": 5}])
def test_malformed_reviews_are_422_in_the_error_shape(api, body):
    answer = api.write("POST", f"/v1/catalog/products/{PRODUCT}/reviews", body)

    assert answer.status_code == 422 and answer.json()["error"] == "invalid_request"


def test_a_report_is_answered_with_its_id_and_replayed_for_the_same_key(api, client):
    written = review(Api.register(client), 1, text="BUY CHEAP WIPERS AT example.com")
    key = str(uuid.uuid4())

    first = report(api, written["review_id"], "spam", key=key)
    replay = report(api, written["review_id"], "spam", key=key)

    assert first.status_code == 201
    assert first.json() == {"report_id": first.json()["report_id"], "review_id": written["review_id"], "reason": "spam"}
    assert replay.status_code == 201 and replay.json() == first.json()
    assert replay.headers["Idempotent-Replayed"] == "true"


def test_one_report_per_account_and_none_of_ones_own_review(api, client):
    own = review(api, 5)
    other = review(Api.register(client), 1)

    assert report(api, own["review_id"]).json()["error"] == "own_review"
    assert report(api, other["review_id"], "fake").status_code == 201
    again = report(api.join(), other["review_id"], "offensive")  # another device of the same account
    assert again.status_code == 422 and again.json()["error"] == "already_reported"


def test_three_accounts_reporting_a_review_hide_it_and_take_it_out_of_the_rating(api, client):
    before = detail(api)
    fake = review(Api.register(client), 1, text="Terrible, never buy.")
    counted = detail(api)
    assert counted["review_count"] == before["review_count"] + 1
    assert counted["histogram"]["1"] == before["histogram"]["1"] + 1

    reporters = [Api.register(client) for _ in range(3)]
    for reporter in reporters[:2]:
        assert report(reporter, fake["review_id"], "fake").status_code == 201
    still_shown = detail(api)
    assert report(reporters[2], fake["review_id"], "fake").status_code == 201
    after = detail(api)

    assert fake["review_id"] in [r["review_id"] for r in still_shown["reviews"]]
    assert fake["review_id"] not in [r["review_id"] for r in after["reviews"]]
    assert (after["review_count"], after["rating"], after["histogram"]) == (
        before["review_count"], before["rating"], before["histogram"])
    listed = api.get("/v1/catalog/products", params={"q": "FreciousPlus"}).json()["items"][0]
    assert listed["review_count"] == before["review_count"]
    assert report(api, fake["review_id"]).status_code == 404  # hidden: nothing left to report


@pytest.mark.parametrize(("review_id", "body", "status"), [
    ("rev_nothing", {"reason": "spam"}, 404), ("x" * 41, {"reason": "spam"}, 422),
    ("rev_nothing", {"reason": "boring"}, 422), ("rev_nothing", {}, 422), ("rev_nothing", {"reason": 1}, 422),
    ("rev_nothing", {"reason": "spam", "also": 1}, 422)])
def test_reports_of_unknown_reviews_and_malformed_reports_are_refused(api, review_id, body, status):
    answer = api.write("POST", f"/v1/catalog/reviews/{review_id}/reports", body)

    assert answer.status_code == status and answer.json()["error"] in ("not_found", "invalid_request")


def test_reports_are_rate_limited_per_device(db_url):
    with TestClient(create_app(db_url, review_limit=2, review_window=60)) as http:
        time_left_in_window(60)
        reporter = Api.register(http)
        written = [review(Api.register(http), 3)["review_id"] for _ in range(3)]

        answers = [report(reporter, review_id) for review_id in written]

    assert [a.status_code for a in answers] == [201, 201, 429]
    assert answers[2].json()["error"] == "rate_limited" and int(answers[2].headers["Retry-After"]) >= 1
