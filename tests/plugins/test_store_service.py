"""The store's service desk: workshops near the car and along the route, a day's slots, orders and bookings
offline with their age, changing and cancelling a booking, reminders before an appointment, and maintenance.
Against a stand-in context (tests/plugins/test_store_service_fakes.py) with a clock the test moves."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from headunit.fitment.rules import Profile
from tests.plugins.test_store_service_fakes import Clock, FakeContext, FakeShop, service_module
from tests.plugin_parts import plugin_part

GOLF = Profile(make="Volkswagen", model="Golf", year=2021, engine="1.5 eTSI", fuel="petrol", body="hatchback",
               tyre_size="205/55 R16", odometer_km=23_400)
MONACO = dt.timezone(dt.timedelta(hours=1))

WORKSHOPS = [  # as GET /v1/workshops answers, from headunit_backend/data/workshops.json
    {"id": "ws-british-motors-monaco", "name": "British Motors", "lat": 43.7397121, "lon": 7.4230091,
     "address": "Avenue du Berceau, 98000 Monaco", "phone": "+377 93 50 00 00", "services": ["fitting", "tyres"],
     "rating": 4.6, "bays": 2, "opening": "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00",
     "time_zone": "Europe/Monaco"},
    {"id": "ws-audi-fontvieille", "name": "Audi Fontvieille", "lat": 43.7301736, "lon": 7.4138835,
     "address": "Boulevard Charles III, 98000 Monaco", "phone": None, "services": ["fitting"], "rating": 4.4,
     "bays": 3, "opening": "Mo-Fr 08:30-18:30", "time_zone": "Europe/Monaco"},
    {"id": "ws-garage-canovas-la-turbie", "name": "Garage Canovas", "lat": 43.7467747, "lon": 7.3889168,
     "address": "La Turbie", "phone": None, "services": ["fitting"], "rating": 4.8, "bays": 1,
     "opening": "Mo-Fr 08:00-12:00,13:30-18:00", "time_zone": "Europe/Paris"},
    {"id": "ws-citroen-roquebrune", "name": "Citroën Roquebrune", "lat": 43.76268, "lon": 7.478674,
     "address": "Roquebrune-Cap-Martin", "phone": None, "services": ["fitting"], "rating": 4.1, "bays": 2,
     "opening": "Mo-Fr 08:00-12:00,14:00-18:00", "time_zone": "Europe/Paris"},
]


def within(items, lat, lon, radius_km):
    geo = plugin_part("org.headunit.store/store", "service_geo", package="headunit_plugin_org_headunit_store")
    found = [{**w, "distance_m": round(geo.haversine_m((lat, lon), (w["lat"], w["lon"])))} for w in items]
    return sorted((w for w in found if w["distance_m"] <= radius_km * 1000), key=lambda w: w["distance_m"])


def backend_workshops(params):
    return {"items": within(WORKSHOPS, params["lat"], params["lon"], params["radius_km"])}


def at(day: int, hour: int, minute: int = 0) -> str:
    """A time on the workshop's clock on December `day` 2026 (Monaco, UTC+1)."""
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=MONACO).isoformat()


def booking(booking_id="bkg_1", start=at(7, 14), end=at(7, 15), status="booked", moved_from=None, order_id="ord_1"):
    return {"booking_id": booking_id, "order_id": order_id, "start": start, "end": end, "status": status,
            "moved_from": moved_from, "workshop": {"id": "ws-british-motors-monaco", "name": "British Motors",
                                                   "lat": 43.7397121, "lon": 7.4230091,
                                                   "address": "Avenue du Berceau, 98000 Monaco"}}


def order(order_id="ord_1", fulfilment="processing", with_booking=True, created=at(7, 9)):
    return {"order_id": order_id, "status": "paid", "total_cents": 4590, "currency": "EUR",
            "items": [{"product_id": "wiper-golf-8", "name": "Bosch Aerotwin wiper set", "quantity": 1,
                       "unit_price_cents": 4590}], "created_at": created,
            "delivery": {"kind": "workshop", "workshop_id": "ws-british-motors-monaco", "slot_start": at(7, 14)},
            "booking": booking() if with_booking else None, "fulfilment": fulfilment}


@pytest.fixture(autouse=True)
def english():
    """Numbers, money and dates as the shell writes them in English."""
    saved = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(saved)


def reminders(ctx) -> list[tuple[str, str, str]]:
    return [n for n in ctx.notifications if n[0].startswith("Workshop appointment")]


@pytest.fixture
def clock():
    return Clock(dt.datetime(2026, 12, 7, 9, 0, tzinfo=MONACO).timestamp())  # Monday 7 December, 09:00


@pytest.fixture
def ctx(tmp_path):
    context = FakeContext(str(tmp_path / "storage.db"))
    context.cloud.answers["/v1/workshops"] = backend_workshops
    yield context
    context.close()


@pytest.fixture
def make_desk(ctx, clock, qapp):
    made = []

    def make(shop=None, context=None):
        desk = service_module().ServiceDesk(context or ctx, shop or FakeShop(GOLF), clock=clock)
        desk.start()
        made.append(desk)
        return desk
    yield make
    for desk in made:
        desk.stop()


# --- workshops ---------------------------------------------------------------------------------------------

def test_workshops_near_the_car_nearest_first_with_distance_rating_and_hours(make_desk, ctx):
    desk = make_desk()
    names = [w["name"] for w in desk.workshops]
    assert names == ["British Motors", "Audi Fontvieille", "Garage Canovas", "Citroën Roquebrune"]
    first = desk.workshops[0]
    assert 100 < first["distanceM"] < 300
    assert first["rating"] == "★ 4.6"
    assert first["opening"] == "Mo-Fr 08:00-12:00,14:00-18:00 · Sa 09:00-12:00"
    path, params = ctx.cloud.gets[-1]
    assert path == "/v1/workshops" and params == {"lat": 43.738, "lon": 7.425, "radius_km": 25}
    assert desk.workshopsNote == ""


def test_along_the_route_the_workshops_come_in_the_order_the_car_reaches_them(make_desk, ctx):
    # From La Turbie above Monaco to Roquebrune: Canovas first, Roquebrune last; Fontvieille, down by the sea
    # 2.5 km off the road, is left out.
    ctx.position = (43.7470, 7.3880)
    ctx.route.guide([(43.7470, 7.3880), (43.7530, 7.4200), (43.7580, 7.4500), (43.7620, 7.4780)])
    desk = make_desk()
    assert desk.routeActive
    desk.setWorkshopMode("route")
    assert [w["name"] for w in desk.workshops] == ["Garage Canovas", "British Motors", "Citroën Roquebrune"]
    distances = [w["distanceM"] for w in desk.workshops]
    assert distances == sorted(distances)


def test_along_the_route_only_what_is_still_ahead(make_desk, ctx):
    ctx.route.guide([(43.7470, 7.3880), (43.7530, 7.4200), (43.7580, 7.4500), (43.7620, 7.4780)])
    ctx.position = (43.7580, 7.4500)  # past La Turbie and Monaco already
    desk = make_desk()
    desk.setWorkshopMode("route")
    assert [w["name"] for w in desk.workshops] == ["Citroën Roquebrune"]


def test_no_route_being_guided_says_so(make_desk):
    desk = make_desk()
    assert not desk.routeActive
    desk.setWorkshopMode("route")
    assert desk.workshops == [] and desk.workshopsNote == "No route is being guided"


def test_offline_the_workshops_come_from_the_cache_with_their_age(make_desk, ctx):
    ctx.cloud.offline_age = 9 * 60 + 20
    desk = make_desk()
    assert len(desk.workshops) == 4 and desk.workshopsNote == "Updated 9 min ago"


def test_the_slots_of_a_day_for_the_fitting_minutes(make_desk, ctx, clock):
    def slots(params):
        day = dt.date.fromisoformat(params["date"])
        return {"items": [{"start": dt.datetime.combine(day, dt.time(h, m), MONACO).isoformat(),
                           "end": (dt.datetime.combine(day, dt.time(h, m), MONACO)
                                   + dt.timedelta(minutes=params["minutes"])).isoformat(),
                           "free": (h, m) != (10, 0)}
                          for h in (8, 9, 10, 11) for m in (0, 30)]}
    ctx.cloud.answers["/v1/workshops/ws-british-motors-monaco/slots"] = slots
    desk = make_desk()
    desk.openSlots(desk.workshops[0], 45)
    assert ctx.cloud.gets[-1] == ("/v1/workshops/ws-british-motors-monaco/slots",
                                  {"date": "2026-12-07", "minutes": 45})
    assert [d["label"] for d in desk.slotDays][:2] == ["Today", "Tomorrow"] and len(desk.slotDays) == 7
    # Today at 09:00 the slots that began are not free, and neither is the one taken.
    assert [(s["label"], s["free"]) for s in desk.slots] == [
        ("08:00", False), ("08:30", False), ("09:00", False), ("09:30", True), ("10:00", False),
        ("10:30", True), ("11:00", True), ("11:30", True)]
    desk.chooseSlotDay(1)
    assert ctx.cloud.gets[-1][1]["date"] == "2026-12-08"
    assert sum(s["free"] for s in desk.slots) == 7
    assert desk.slotText(desk.slots[0]["start"]) == "Tomorrow, 08:00"


def test_slots_need_a_connection(make_desk):
    desk = make_desk()
    desk.openSlots(desk.workshops[0], 30)
    assert desk.slots == [] and desk.slotsNote == "Free times need a connection"


def test_navigate_sends_the_workshop_name_and_position(make_desk, ctx):
    desk = make_desk()
    desk.navigateToWorkshop(desk.workshops[0])
    assert ctx.intents == [("navigate-to", {"lat": 43.7397121, "lon": 7.4230091, "name": "British Motors"})]


# --- orders and bookings -----------------------------------------------------------------------------------

def test_orders_with_their_fulfilment_and_booking(make_desk, ctx):
    ctx.cloud.answers["/v1/orders"] = {"items": [order("ord_2", "shipped", with_booking=False), order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    desk = make_desk()
    rows = desk.orders
    assert [r["subtitle"] for r in rows] == ["Shipped", "Processing · Today, 14:00"]
    assert rows[1]["trailing"] == "€45.90" and rows[1]["title"] == "Bosch Aerotwin wiper set"
    assert desk.ordersNote == ""
    desk.openOrder("ord_1")
    shown = desk.order
    assert [s["label"] for s in shown["steps"]] == ["Processing", "Shipped", "Ready at the workshop", "Fitted"]
    assert shown["bookingId"] == "bkg_1"


def test_a_booking_the_backend_moved_says_from_when(make_desk, ctx):
    moved = booking(start=at(8, 10), end=at(8, 11), moved_from=at(7, 14))
    ctx.cloud.answers["/v1/orders"] = {"items": [{**order(), "booking": moved}]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [moved]}
    desk = make_desk()
    desk.openBooking("bkg_1")
    assert desk.booking["when"] == "Tomorrow, 10:00"
    assert desk.booking["movedFrom"] == "Moved from Today, 14:00: that time was taken"
    assert desk.bookings[0]["trailing"] == "Moved"


def test_offline_orders_show_from_the_cache_with_their_age(make_desk, ctx, clock):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    ctx.cloud.offline_age = 9 * 60
    desk = make_desk()
    assert len(desk.orders) == 1 and desk.ordersNote == "Updated 9 min ago"
    clock.advance(60)  # the age goes on while the page is open
    assert desk.ordersNote == "Updated 1 h ago"


def test_offline_with_nothing_cached(make_desk):
    desk = make_desk()
    assert desk.orders == [] and desk.ordersNote == "Orders are not available offline yet"


def test_the_shops_confirmed_order_shows_at_once(make_desk, ctx):
    ctx.cloud.answers["/v1/orders"] = {"items": []}
    ctx.cloud.answers["/v1/bookings"] = {"items": []}
    shop = FakeShop(GOLF)
    desk = make_desk(shop)
    ctx.cloud.answers["/v1/orders"] = None  # the read after it fails: the shop's answer still shows
    shop.orderConfirmed.emit(order())
    assert [r["id"] for r in desk.orders] == ["ord_1"]
    assert [b["id"] for b in desk.bookings] == ["bkg_1"]


def test_reschedule_submits_and_follows_the_answer(make_desk, ctx):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    desk = make_desk()
    desk.openBooking("bkg_1")
    desk.rescheduleBooking("bkg_1", at(8, 9, 30))
    (sent,) = ctx.cloud.submitted
    assert (sent["lane"], sent["method"], sent["path"], sent["body"]) == (
        "bookings", "POST", "/v1/bookings/bkg_1/reschedule", {"slot_start": at(8, 9, 30)})
    assert sent["not_after"] == dt.datetime(2026, 12, 7, 14, tzinfo=MONACO).timestamp()  # before the appointment
    assert desk.booking["note"] == "Change to Tomorrow, 09:30 waiting to send" and not desk.booking["changeable"]
    moved = booking(start=at(8, 9, 30), end=at(8, 10, 30))
    ctx.cloud.answers["/v1/bookings"] = {"items": [moved]}
    ctx.cloud.finished.emit("op-1", "acked", 200)
    assert desk.booking["when"] == "Tomorrow, 09:30" and desk.booking["note"] == "Moved to Tomorrow, 09:30"
    assert ctx.toasts[-1] == ("Moved to Tomorrow, 09:30", "success")


def test_a_slot_taken_meanwhile_is_told_to_the_driver(make_desk, ctx):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    desk = make_desk()
    desk.openBooking("bkg_1")
    desk.rescheduleBooking("bkg_1", at(8, 9, 30))
    ctx.cloud.finished.emit("op-1", "rejected", 422)
    assert desk.booking["note"] == "That time was just taken: pick another"
    assert desk.booking["when"] == "Today, 14:00" and desk.booking["changeable"]


def test_cancel_submits_and_the_booking_shows_cancelled(make_desk, ctx):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    desk = make_desk()
    desk.openBooking("bkg_1")
    desk.cancelBooking("bkg_1")
    assert ctx.cloud.submitted[0]["path"] == "/v1/bookings/bkg_1/cancel"
    assert desk.booking["note"] == "Cancellation waiting to send"
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking(status="cancelled")]}
    ctx.cloud.finished.emit("op-1", "acked", 200)
    assert desk.booking["cancelled"] and desk.booking["status"].startswith("Cancelled")
    assert not desk.booking["changeable"]


def test_change_and_cancel_need_the_car_parked(make_desk, ctx):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    desk = make_desk()
    ctx.driving.set("moving")
    assert not desk.parked
    desk.rescheduleBooking("bkg_1", at(8, 9, 30))
    desk.cancelBooking("bkg_1")
    assert ctx.cloud.submitted == []
    assert ctx.toasts[-1] == ("Changing an appointment needs the car parked", "warning")


def test_a_change_under_way_is_followed_after_a_restart(make_desk, ctx):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    first = make_desk()
    first.cancelBooking("bkg_1")
    first.stop()
    again = make_desk()
    again.openBooking("bkg_1")
    assert again.booking["note"] == "Cancellation waiting to send"
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking(status="cancelled")]}
    ctx.cloud.finished.emit("op-1", "acked", 200)
    assert again.booking["cancelled"]


# --- reminders ---------------------------------------------------------------------------------------------

def test_reminders_60_and_15_minutes_before_once_each(make_desk, ctx, clock):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}  # today 14:00
    desk = make_desk()
    assert reminders(ctx) == []
    clock.now = dt.datetime(2026, 12, 7, 13, 0, 5, tzinfo=MONACO).timestamp()
    desk._on_tick()
    desk._on_tick()
    assert reminders(ctx) == [("Workshop appointment in 60 min", "14:00 at British Motors", "info")]
    clock.now = dt.datetime(2026, 12, 7, 13, 46, tzinfo=MONACO).timestamp()
    desk._on_tick()
    assert [n[0] for n in reminders(ctx)] == ["Workshop appointment in 60 min", "Workshop appointment in 15 min"]
    # A restart does not remind again.
    again = make_desk()
    again._on_tick()
    assert len(reminders(ctx)) == 2


def test_a_car_switched_on_late_says_only_the_nearest_reminder(make_desk, ctx, clock):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    clock.now = dt.datetime(2026, 12, 7, 13, 50, tzinfo=MONACO).timestamp()
    make_desk()
    assert [n[0] for n in reminders(ctx)] == ["Workshop appointment in 15 min"]


def test_a_moved_booking_is_reminded_of_at_its_new_time_and_a_cancelled_one_never(make_desk, ctx, clock):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    clock.now = dt.datetime(2026, 12, 7, 13, 5, tzinfo=MONACO).timestamp()
    desk = make_desk()
    assert len(reminders(ctx)) == 1
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking(start=at(7, 16), end=at(7, 17))]}
    desk.refreshOrders()
    clock.now = dt.datetime(2026, 12, 7, 15, 1, tzinfo=MONACO).timestamp()
    desk._on_tick()
    assert reminders(ctx)[-1][1] == "16:00 at British Motors" and len(reminders(ctx)) == 2
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking(start=at(7, 16), end=at(7, 17), status="cancelled")]}
    desk.refreshOrders()
    clock.now = dt.datetime(2026, 12, 7, 15, 50, tzinfo=MONACO).timestamp()
    desk._on_tick()
    assert len(reminders(ctx)) == 2


def test_reminders_are_armed_from_the_cached_bookings_offline(make_desk, ctx, clock):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    ctx.cloud.offline_age = 3 * 3600
    clock.now = dt.datetime(2026, 12, 7, 13, 1, tzinfo=MONACO).timestamp()
    make_desk()
    assert [n[0] for n in reminders(ctx)] == ["Workshop appointment in 60 min"]


# --- maintenance -------------------------------------------------------------------------------------------

PARTS = {  # as the shop's verdicts_for_categories answers
    "wiper-blades": [{"id": "wiper-golf-8", "name": "Bosch Aerotwin A863S wiper blade set, 600/475 mm",
                      "category": "wiper-blades", "price": "€45.90", "price_cents": 4590, "currency": "EUR",
                      "image": "image://cloud/v1/catalog/images/wiper-golf-8.svg", "verdict": "fits",
                      "verdictText": "Fits your Golf"}],
    "engine-oil": [{"id": "oil-5w30", "name": "Castrol Edge 5W-30, 5 L", "category": "engine-oil", "price": "€54.90",
                    "price_cents": 5490, "currency": "EUR", "image": "", "verdict": "fits_if",
                    "verdictText": "Fits if your engine takes VW 504 00"}]}


def test_maintenance_plan_with_the_parts_that_fit(make_desk, ctx):
    shop = FakeShop(GOLF, PARTS)
    desk = make_desk(shop)
    rows = {r["key"]: r for r in desk.maintenance}
    assert set(rows) == {"oil", "oil_filter", "air_filter", "cabin_filter", "wipers", "tyres"}
    assert rows["wipers"]["trailing"] == "Check"  # nothing says how old the blades are
    assert rows["oil"]["subtitle"] == "Due in 6,600 km"  # 23,400 km: the next at 30,000
    assert desk.maintenance[0]["key"] == "wipers"  # the most urgent first
    desk.openMaintenance("wipers")
    assert shop.asked == [["wiper-blades"]]
    (part,) = desk.maintenanceItem["parts"]
    assert (part["title"], part["subtitle"], part["trailing"]) == ("Bosch Aerotwin A863S wiper blade set", "600/475 mm",
                                                                  "€45.90")
    desk.openMaintenance("oil")
    assert desk.maintenanceItem["parts"][0]["subtitle"] == "5 L · Fits if your engine takes VW 504 00"


def test_an_item_due_is_notified_once(make_desk, ctx):
    desk = make_desk()
    assert ctx.notifications == []  # blades never recorded are to be checked, not announced as due
    assert {r["key"]: r["subtitle"] for r in desk.maintenance}["wipers"] == "No service recorded yet"
    desk.markDone("oil")
    ctx.vehicle_profile.drive(15_000)
    assert [title for title, _, _ in ctx.notifications] == ["Service due: Engine oil"]
    make_desk()  # a restart
    assert len(ctx.notifications) == 1


def test_mark_as_done_is_kept_with_odometer_and_date(make_desk, ctx):
    desk = make_desk()
    desk.markDone("wipers")
    assert {r["key"]: r["state"] for r in desk.maintenance}["wipers"] == "ok"
    desk.openMaintenance("wipers")
    assert desk.maintenanceItem["lastDone"] == "Last done 7 Dec 2026 at 23,400 km"
    assert desk.maintenanceItem["due"] == "Due by 7 Dec 2027"
    again = make_desk()
    assert {r["key"]: r["state"] for r in again.maintenance}["wipers"] == "ok"


def test_an_item_becomes_due_as_the_car_drives(make_desk, ctx):
    desk = make_desk()
    desk.markDone("oil")  # at 23,400 km: the next at 38,400 km
    ctx.notifications.clear()
    ctx.vehicle_profile.drive(14_000)
    assert {r["key"]: r["state"] for r in desk.maintenance}["oil"] == "soon"
    assert ctx.notifications == []
    ctx.vehicle_profile.drive(1_100)
    oil = next(r for r in desk.maintenance if r["key"] == "oil")
    assert (oil["state"], oil["subtitle"]) == ("due", "Overdue by 100 km")
    assert ("Service due: Engine oil", "Overdue by 100 km", "warning") in ctx.notifications
    ctx.vehicle_profile.drive(50)
    assert sum(n[0] == "Service due: Engine oil" for n in ctx.notifications) == 1


def test_mark_as_done_needs_the_car_parked(make_desk, ctx):
    desk = make_desk()
    ctx.driving.set("moving")
    desk.markDone("wipers")
    assert {r["key"]: r["state"] for r in desk.maintenance}["wipers"] == "unknown"


def test_without_a_vehicle_the_page_says_how_to_set_it_up(make_desk):
    desk = make_desk(FakeShop(Profile()))
    assert desk.maintenance == []
    assert desk.maintenanceNote == "Set up your car in Settings › Vehicle for service reminders"


class CheckoutShop(FakeShop):
    """The shop's checkout as the desk sees it: its order state and the request it paid with."""

    def __init__(self):
        super().__init__(GOLF)
        self.orderState = ""

    def order_request(self):
        return {"kind": "order", "amount_cents": 4590, "currency": "EUR",
                "request": {"method": "POST", "path": "/v1/orders",
                            "body": {"items": [{"product_id": "wiper-golf-8", "quantity": 1}],
                                     "delivery": {"kind": "workshop", "workshop_id": "ws-british-motors-monaco",
                                                  "slot_start": at(7, 14)}}},
                "details": [{"label": "Items", "value": "Bosch Aerotwin A863S wiper blade set, 600/475 mm"}]}


def test_the_checkout_waiting_to_send_shows_among_the_orders_until_the_backend_has_it(make_desk, ctx, clock):
    ctx.cloud.answers["/v1/orders"] = {"items": []}
    ctx.cloud.answers["/v1/bookings"] = {"items": []}
    shop = CheckoutShop()
    desk = make_desk(shop)
    shop.orderState = "queued"
    shop.changed.emit()
    assert [(r["title"], r["subtitle"], r["trailing"]) for r in desk.orders] == [
        ("Bosch Aerotwin A863S wiper blade set", "Waiting to send", "€45.90")]
    shop.orderState = "sent"
    shop.changed.emit()
    assert desk.orders[0]["subtitle"] == "Sent, waiting for the shop"
    placed = order(created=dt.datetime.fromtimestamp(clock.now + 5, MONACO).isoformat())
    shop.orderState = "succeeded"
    shop.orderConfirmed.emit(placed)
    shop.changed.emit()
    assert [(r["id"], r["pending"]) for r in desk.orders] == [("ord_1", False)]


def test_a_refused_checkout_leaves_no_order_behind(make_desk, ctx):
    ctx.cloud.answers["/v1/orders"] = {"items": []}
    ctx.cloud.answers["/v1/bookings"] = {"items": []}
    shop = CheckoutShop()
    desk = make_desk(shop)
    shop.orderState = "sent"
    shop.changed.emit()
    shop.orderState = "refused"
    shop.changed.emit()
    assert desk.orders == []


@pytest.mark.parametrize(("hour", "minute", "expected"), [
    (7, 30, "Opens at 08:00"), (9, 0, "Open until 12:00"), (12, 30, "Opens at 14:00"), (17, 59, "Open until 18:00"),
    (18, 0, "Closed now")])
def test_a_workshop_says_whether_it_is_open_on_its_own_clock(make_desk, clock, hour, minute, expected):
    clock.now = dt.datetime(2026, 12, 7, hour, minute, tzinfo=MONACO).timestamp()  # a Monday in Monaco
    desk = make_desk()
    assert desk.workshops[0]["openNow"] == expected


def test_a_workshop_is_closed_on_a_day_its_hours_leave_out(make_desk, clock):
    clock.now = dt.datetime(2026, 12, 13, 10, 0, tzinfo=MONACO).timestamp()  # a Sunday
    desk = make_desk()
    assert [w["openNow"] for w in desk.workshops][:2] == ["Closed now", "Closed now"]


def test_a_change_that_arrives_after_the_appointment_began_says_so(make_desk, ctx, clock):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}  # today 14:00
    desk = make_desk()
    desk.openBooking("bkg_1")
    desk.cancelBooking("bkg_1")
    clock.now = dt.datetime(2026, 12, 7, 14, 5, tzinfo=MONACO).timestamp()  # sent once the car was back online
    ctx.cloud.finished.emit("op-1", "rejected", 422)
    assert desk.booking["note"] == "The appointment has begun: it can no longer be changed"
    assert desk.booking["status"] == "Appointment passed" and not desk.booking["changeable"]


def test_calls_the_page_cannot_make_are_logged_and_change_nothing(make_desk, ctx, caplog):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    desk = make_desk()
    desk.rescheduleBooking("bkg_1", "tomorrow at ten")
    desk.cancelBooking("bkg_unknown")
    desk.markDone("brakes")
    desk.setWorkshopMode("anywhere")
    assert ctx.cloud.submitted == [] and desk.workshopMode == "near"
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == [
        "service: rescheduleBooking: slot_start is not an ISO 8601 time with an offset: 'tomorrow at ten'",
        "service: cancel: no booking 'bkg_unknown'",
        "service: markDone: no service item 'brakes' in the plan",
        "service: setWorkshopMode: expected 'near' or 'route', got 'anywhere'"]


def test_an_appointment_says_how_long_and_for_what(make_desk, ctx):
    ctx.cloud.answers["/v1/orders"] = {"items": [order()]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    desk = make_desk()
    desk.openBooking("bkg_1")
    assert desk.booking["what"] == "60 min · Bosch Aerotwin wiper set" and desk.booking["minutes"] == 60


def test_an_order_waiting_to_send_is_still_shown_after_a_restart(make_desk, ctx, clock):
    ctx.cloud.answers["/v1/orders"] = {"items": []}
    ctx.cloud.answers["/v1/bookings"] = {"items": []}
    shop = CheckoutShop()
    desk = make_desk(shop)
    shop.orderState = "queued"
    shop.changed.emit()
    desk.stop()
    again = make_desk(CheckoutShop())  # the car restarts before the network comes back
    assert [(r["title"], r["subtitle"]) for r in again.orders] == [("Bosch Aerotwin A863S wiper blade set",
                                                                   "Waiting to send")]
    # The network is back; the backend has it.
    ctx.cloud.answers["/v1/orders"] = {"items": [order(created=dt.datetime.fromtimestamp(clock.now + 30, MONACO).isoformat())]}
    ctx.cloud.answers["/v1/bookings"] = {"items": [booking()]}
    again.refreshOrders()
    assert [(r["id"], r["pending"]) for r in again.orders] == [("ord_1", False)]


def test_an_order_that_never_reached_the_backend_is_forgotten_after_15_minutes(make_desk, ctx, clock):
    ctx.cloud.answers["/v1/orders"] = {"items": []}
    ctx.cloud.answers["/v1/bookings"] = {"items": []}
    shop = CheckoutShop()
    desk = make_desk(shop)
    shop.orderState = "queued"
    shop.changed.emit()
    clock.advance(14)
    desk._on_tick()
    assert len(desk.orders) == 1
    clock.advance(2)
    desk._on_tick()
    assert desk.orders == []
