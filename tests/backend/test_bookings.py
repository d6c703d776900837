"""Orders delivered to a partner workshop: the booking made with the order, moved when its slot was taken,
rescheduled and cancelled by its account only; and the demo fulfilment clock."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid

import pytest
import sqlalchemy as sa

from tests.backend.api import Api

PRODUCT = "philips-longlife-w5w"  # 10 minutes to fit: a 30-minute slot
PORSCHE = "ws-porsche-fontvieille"  # Mo-Fr 08:00-18:00, 2 bays
MINUTES = 30


def next_weekday(weekday: int) -> str:
    day = dt.date.today() + dt.timedelta(days=1)
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    return day.isoformat()


MONDAY, SUNDAY = next_weekday(0), next_weekday(6)  # Porsche works on one, not the other


def free_slots(api: Api, workshop_id: str = PORSCHE, minutes: int = MINUTES, *, days_ahead: int = 1) -> list[dict]:
    """The free slots of the first day from `days_ahead` on that has any."""
    for offset in range(days_ahead, days_ahead + 14):
        day = (dt.date.today() + dt.timedelta(days=offset)).isoformat()
        items = api.get(f"/v1/workshops/{workshop_id}/slots", params={"date": day, "minutes": minutes}).json()["items"]
        if any(s["free"] for s in items):
            return [s for s in items if s["free"]]
    raise AssertionError("no free slot in two weeks")


def at_workshop(slot_start: str, workshop_id: str = PORSCHE) -> dict:
    return {"kind": "workshop", "workshop_id": workshop_id, "slot_start": slot_start}


def order_at(api: Api, card: str, slot_start: str, **kwargs):
    return api.order(card, (PRODUCT, 1), delivery=at_workshop(slot_start), **kwargs)


def same_time(a: str, b: str) -> bool:
    return dt.datetime.fromisoformat(a) == dt.datetime.fromisoformat(b)


def test_an_order_to_a_workshop_books_its_slot_in_the_same_answer(api):
    card = api.add_card()
    slot = free_slots(api)[3]

    answer = order_at(api, card, slot["start"])

    assert answer.status_code == 201, answer.text
    order = answer.json()
    booking = order["booking"]
    assert order["delivery"] == at_workshop(slot["start"]) and order["fulfilment"] == "processing"
    assert (booking["start"], booking["end"], booking["status"], booking["moved_from"]) == (
        slot["start"], slot["end"], "booked", None)
    assert booking["workshop"] == {"id": PORSCHE, "name": "Porsche", "lat": 43.7300417, "lon": 7.4136284,
                                   "address": "Place Wurtemberg, 98000 Monaco"}
    assert api.get("/v1/bookings").json()["items"] == [booking]
    assert api.get(f"/v1/orders/{order['order_id']}").json() == order
    day = slot["start"][:10]
    after = api.get(f"/v1/workshops/{PORSCHE}/slots", params={"date": day, "minutes": MINUTES}).json()["items"]
    assert next(s for s in after if s["start"] == slot["start"])["free"]  # one of two bays taken


def test_a_home_order_has_no_booking(api):
    answer = api.order(api.add_card(), (PRODUCT, 1))

    assert answer.status_code == 201
    assert (answer.json()["delivery"]["kind"], answer.json()["booking"]) == ("home", None)
    assert api.get("/v1/bookings").json()["items"] == []


def test_a_slot_taken_meanwhile_books_the_nearest_free_one_and_says_so(api):
    card = api.add_card()
    wanted = free_slots(api)[4]
    others = [Api.register(api.http) for _ in range(2)]  # two bays: two other drivers fill the slot
    for other in others:
        assert order_at(other, other.add_card(), wanted["start"]).status_code == 201

    answer = order_at(api, card, wanted["start"])

    assert answer.status_code == 201, answer.text
    booking = answer.json()["booking"]
    assert same_time(booking["moved_from"], wanted["start"])
    moved_by = abs(dt.datetime.fromisoformat(booking["start"]) - dt.datetime.fromisoformat(wanted["start"]))
    assert moved_by == dt.timedelta(minutes=30)  # the neighbouring slot, the same day
    slots = api.get(f"/v1/workshops/{PORSCHE}/slots",
                    params={"date": wanted["start"][:10], "minutes": MINUTES}).json()["items"]
    assert not next(s for s in slots if s["start"] == wanted["start"])["free"]


def test_an_order_that_arrives_after_its_slot_books_a_later_one(api):
    card = api.add_card()
    days_ago = [(dt.date.today() - dt.timedelta(days=n)).isoformat() for n in range(7, 14)]
    last_week = next(s for day in days_ago  # a slot of last week: the car queued the order offline long ago
                     for s in api.get(f"/v1/workshops/{PORSCHE}/slots",
                                      params={"date": day, "minutes": MINUTES}).json()["items"])

    answer = order_at(api, card, last_week["start"])

    assert answer.status_code == 201, answer.text
    booking = answer.json()["booking"]
    assert same_time(booking["moved_from"], last_week["start"])
    assert dt.datetime.fromisoformat(booking["start"]) > dt.datetime.now(dt.UTC)


def test_a_fitting_that_would_run_past_closing_books_the_nearest_slot_it_fits(api):
    last = free_slots(api)[-1]  # 17:30-18:00: too short for four bulbs (40 minutes, a one-hour slot)

    answer = api.order(api.add_card(), (PRODUCT, 4), delivery=at_workshop(last["start"]))

    assert answer.status_code == 201, answer.text
    booking = answer.json()["booking"]
    start, end = dt.datetime.fromisoformat(booking["start"]), dt.datetime.fromisoformat(booking["end"])
    assert same_time(booking["moved_from"], last["start"])
    assert end - start == dt.timedelta(hours=1) and end == dt.datetime.fromisoformat(last["end"])


@pytest.mark.parametrize(("delivery", "code"), [
    ({"kind": "workshop", "workshop_id": "ws-nowhere", "slot_start": "2030-01-07T10:00:00+01:00"},
     "unknown_workshop"),
    ({"kind": "workshop", "workshop_id": PORSCHE, "slot_start": f"{MONDAY}T10:10:00+01:00"}, "invalid_slot"),
    ({"kind": "workshop", "workshop_id": PORSCHE, "slot_start": f"{SUNDAY}T10:00:00+01:00"}, "invalid_slot"),
    ({"kind": "workshop", "workshop_id": PORSCHE, "slot_start": f"{MONDAY}T17:45:00+01:00"}, "invalid_slot"),
    ({"kind": "workshop", "workshop_id": PORSCHE, "slot_start": "0001-01-01T00:30:00+01:00"}, "invalid_slot"),
    ({"kind": "workshop", "workshop_id": PORSCHE, "slot_start": "9999-12-31T23:30:00-01:00"}, "invalid_slot"),
    ({"kind": "workshop", "workshop_id": PORSCHE, "slot_start": "9999-12-31T10:00:00+00:00"}, "invalid_slot"),
])
def test_a_workshop_or_slot_that_does_not_exist_is_refused_before_any_money_moves(api, delivery, code):
    answer = api.order(api.add_card(), (PRODUCT, 1), delivery=delivery)

    assert (answer.status_code, answer.json()["error"]) == (422, code)
    assert api.get("/v1/ledger").json()["items"] == [] and api.get("/v1/orders").json()["items"] == []


@pytest.mark.parametrize("delivery", [
    None, {}, {"kind": "drone"}, {"kind": "home"}, {"kind": "home", "address": {"name": "A"}},
    {"kind": "home", "address": {"name": " ", "street": "s", "postcode": "1", "city": "c", "country": "MC"}},
    {"kind": "workshop", "workshop_id": PORSCHE}, {"kind": "workshop", "workshop_id": PORSCHE, "slot_start": "soon"},
    {"kind": "workshop", "workshop_id": PORSCHE, "slot_start": "2030-01-07T10:00:00"},  # no offset: whose 10:00?
    {"kind": "workshop", "workshop_id": PORSCHE, "slot_start": "2030-01-07T10:00:00+01:00", "bay": 1},
    "home", [1], {"kind": "workshop", "workshop_id": ["x"], "slot_start": 5},
])
def test_a_missing_or_malformed_delivery_is_422(api, delivery):
    body = {"items": [{"product_id": PRODUCT, "quantity": 1}], "payment_method_id": api.add_card()}
    if delivery is not None:
        body["delivery"] = delivery

    answer = api.write("POST", "/v1/orders", body)

    assert (answer.status_code, answer.json()["error"]) == (422, "invalid_request")
    assert any("delivery" in map(str, e["loc"]) for e in answer.json()["errors"])


def test_no_free_slot_at_all_refuses_the_order_and_gives_the_hold_back(api, monkeypatch):
    from headunit_backend import workshops

    monkeypatch.setattr(workshops, "nearest_free", lambda *args, **kwargs: None)
    answer = order_at(api, api.add_card(), free_slots(api)[0]["start"])

    assert (answer.status_code, answer.json()["error"]) == (422, "no_free_slot")
    assert [e["kind"] for e in api.get("/v1/ledger").json()["items"]] == ["authorize", "void"]
    assert api.get("/v1/orders").json()["items"] == [] and api.get("/v1/bookings").json()["items"] == []


def booked(api: Api, index: int = 2) -> tuple[dict, list[dict]]:
    slots = free_slots(api)
    return order_at(api, api.add_card(), slots[index]["start"]).json()["booking"], slots


def test_a_booking_is_rescheduled_once_per_key_and_only_to_a_free_slot(api):
    booking, slots = booked(api)
    key = str(uuid.uuid4())
    path = f"/v1/bookings/{booking['booking_id']}/reschedule"

    moved = api.write("POST", path, {"slot_start": slots[6]["start"]}, key=key)
    replay = api.write("POST", path, {"slot_start": slots[6]["start"]}, key=key)

    assert moved.status_code == 200, moved.text
    assert (moved.json()["start"], moved.json()["moved_from"]) == (slots[6]["start"], None)
    assert replay.json() == moved.json() and replay.headers["Idempotent-Replayed"] == "true"
    assert api.get("/v1/bookings").json()["items"][0]["start"] == slots[6]["start"]

    for other in (Api.register(api.http), Api.register(api.http)):  # both bays of slot 8
        assert order_at(other, other.add_card(), slots[8]["start"]).status_code == 201
    taken = api.write("POST", path, {"slot_start": slots[8]["start"]})
    off_grid = api.write("POST", path, {"slot_start": slots[8]["start"].replace(":00+", ":10+", 1)})
    assert (taken.status_code, taken.json()["error"]) == (422, "slot_taken")
    assert (off_grid.status_code, off_grid.json()["error"]) == (422, "invalid_slot")
    assert api.get("/v1/bookings").json()["items"][0]["start"] == slots[6]["start"]


def test_cancelling_keeps_the_order_and_cancelling_again_changes_nothing(api):
    booking, slots = booked(api)
    path = f"/v1/bookings/{booking['booking_id']}/cancel"

    first, again = api.write("POST", path), api.write("POST", path)

    assert first.status_code == 200 and first.json()["status"] == "cancelled"
    assert (again.status_code, again.json()) == (200, first.json())
    [order] = api.get("/v1/orders").json()["items"]
    assert order["booking"]["status"] == "cancelled" and order["status"] == "paid"
    refused = api.write("POST", f"/v1/bookings/{booking['booking_id']}/reschedule", {"slot_start": slots[5]["start"]})
    assert (refused.status_code, refused.json()["error"]) == (422, "booking_cancelled")
    day = slots[0]["start"][:10]  # the slot is free again
    assert all(s["free"] for s in api.get(f"/v1/workshops/{PORSCHE}/slots",
                                          params={"date": day, "minutes": MINUTES}).json()["items"]
               if s["start"] == booking["start"])


def test_another_accounts_booking_is_404_and_unchanged(api):
    booking, slots = booked(api)
    stranger = Api.register(api.http)

    for answer in (stranger.get(f"/v1/bookings/{booking['booking_id']}"),
                   stranger.write("POST", f"/v1/bookings/{booking['booking_id']}/cancel"),
                   stranger.write("POST", f"/v1/bookings/{booking['booking_id']}/reschedule",
                                  {"slot_start": slots[5]["start"]})):
        assert (answer.status_code, answer.json()["error"]) == (404, "not_found")
    assert stranger.get("/v1/bookings").json()["items"] == []
    assert api.get(f"/v1/bookings/{booking['booking_id']}").json()["status"] == "booked"


def stored(moment: dt.datetime) -> str:
    """A UTC moment as the database keeps it (naive UTC), for raw UPDATEs on either database."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")


def test_a_booking_that_has_begun_cannot_change(api, database):
    booking, slots = booked(api)
    begun = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    with database.begin() as conn:
        conn.execute(sa.text("UPDATE bookings SET start = :start WHERE id = :id"),
                     {"start": stored(begun), "id": booking["booking_id"]})

    cancel = api.write("POST", f"/v1/bookings/{booking['booking_id']}/cancel")
    move = api.write("POST", f"/v1/bookings/{booking['booking_id']}/reschedule", {"slot_start": slots[5]["start"]})

    assert (cancel.status_code, cancel.json()["error"]) == (422, "booking_in_past")
    assert (move.status_code, move.json()["error"]) == (422, "booking_in_past")


@pytest.mark.parametrize(("path", "body"), [
    ("/v1/bookings/bkg_nope/cancel", None), ("/v1/bookings/bkg_nope/reschedule", {"slot_start": "2030-01-07T10:00Z"}),
    ("/v1/bookings/" + "x" * 300 + "/cancel", None),
    ("/v1/bookings/{id}/reschedule", {}), ("/v1/bookings/{id}/reschedule", {"slot_start": "later"}),
    ("/v1/bookings/{id}/reschedule", {"slot_start": "2030-01-07T10:00:00"}),
    ("/v1/bookings/{id}/reschedule", {"slot_start": "2030-01-07T10:00:00+01:00", "extra": 1}),
    ("/v1/bookings/{id}/reschedule", [1]), ("/v1/bookings/{id}/reschedule", "x"),
    ("/v1/bookings/{id}/reschedule", {"slot_start": "1999-01-04T10:00:00+01:00"}),
    ("/v1/bookings/{id}/reschedule", {"slot_start": "0001-01-01T00:30:00+01:00"}),
    ("/v1/bookings/{id}/reschedule", {"slot_start": "9999-12-31T23:30:00-01:00"}),
    ("/v1/bookings/{id}/reschedule", {"slot_start": "9999-12-31T10:00:00+00:00"}),
])
def test_malformed_booking_writes_are_4xx_in_the_error_shape(api, path, body):
    booking, _ = booked(api)

    answer = api.write("POST", path.replace("{id}", booking["booking_id"]), body)

    assert 400 <= answer.status_code < 500, answer.text
    assert set(answer.json()) >= {"error", "detail"}
    assert api.get(f"/v1/bookings/{booking['booking_id']}").json()["start"] == booking["start"]


def test_the_demo_fulfilment_clock_moves_an_order_along(api, database):
    booking, _ = booked(api)
    home = api.order(api.add_card(), (PRODUCT, 1)).json()
    [workshop_order] = [o for o in api.get("/v1/orders").json()["items"] if o["booking"]]

    def age(order_id: str, minutes: float) -> None:
        with database.begin() as conn:
            created = stored(dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes))
            conn.execute(sa.text("UPDATE orders SET created_at = :at WHERE id = :id"), {"at": created, "id": order_id})

    def state(order_id: str) -> str:
        return api.get(f"/v1/orders/{order_id}").json()["fulfilment"]

    assert state(home["order_id"]) == "processing"
    age(home["order_id"], 3)
    age(workshop_order["order_id"], 3)
    assert (state(home["order_id"]), state(workshop_order["order_id"])) == ("shipped", "shipped")
    age(home["order_id"], 6)
    age(workshop_order["order_id"], 6)
    assert (state(home["order_id"]), state(workshop_order["order_id"])) == ("delivered", "ready")
    over = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    with database.begin() as conn:
        conn.execute(sa.text("UPDATE bookings SET start = :s, \"end\" = :e WHERE id = :id"),
                     {"s": stored(over - dt.timedelta(minutes=30)), "e": stored(over), "id": booking["booking_id"]})
    assert state(workshop_order["order_id"]) == "fitted"


def test_a_retry_that_takes_over_an_interrupted_order_books_once(db_url):
    """The first attempt stalls at the processor past the lease; the car's retry of the same key takes the
    order over and books its slot; the first attempt, when it wakes, has lost its claim and books nothing."""
    from concurrent.futures import ThreadPoolExecutor

    from fastapi.testclient import TestClient

    from headunit_backend.app import create_app
    from headunit_backend.payments import SandboxProcessor

    held, wake = threading.Event(), threading.Event()

    class StallsOnce(SandboxProcessor):
        stalled = False

        def authorize(self, *args, **kwargs):
            hold = super().authorize(*args, **kwargs)
            if not self.stalled:
                self.stalled = True
                held.set()
                wake.wait(30)
            return hold

    app = create_app(db_url, idempotency_lease=0.5, reconcile_interval=0)
    app.state.services.processor = StallsOnce(app.state.services.db)
    with TestClient(app) as client, ThreadPoolExecutor(1) as pool:
        api = Api.register(client)
        card, key = api.add_card(), str(uuid.uuid4())
        slot = free_slots(api)[2]
        first = pool.submit(order_at, api, card, slot["start"], key=key)
        assert held.wait(30)
        time.sleep(0.7)  # past the lease: the key may be taken over

        retry = order_at(api, card, slot["start"], key=key)
        wake.set()

        assert retry.status_code == 201, retry.text
        assert first.result(30).status_code == 409  # lost its claim: wrote nothing
        booked = [b["booking_id"] for b in api.get("/v1/bookings").json()["items"]]
        assert booked == [retry.json()["booking"]["booking_id"]]
        assert len(api.get("/v1/orders").json()["items"]) == 1
        assert [e["kind"] for e in api.get("/v1/ledger").json()["items"]] == ["authorize", "capture"]
        assert order_at(api, card, slot["start"], key=key).json() == retry.json()
