"""The store's appointments against the embedded backend: an order fitted at a workshop, moved to another time,
refused a time whose bays were all booked meanwhile (422 slot_taken, told to the driver), then cancelled; each
change sent once through the outbox's bookings lane."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ui.test_store_service import STORE, WORKSHOP, place_order


def free_slots(runtime, date: str, minutes: int) -> list[str]:
    data = runtime.cloud.client.get(f"/v1/workshops/{WORKSHOP}/slots", {"date": date, "minutes": minutes},
                                    plugin="headunit").data
    return [s["start"] for s in data["items"] if s["free"]]


def book(runtime, qtbot, slot: str) -> None:
    """Another driver's order at `slot` (the same account: the workshop counts bays, not accounts)."""
    client = runtime.cloud.client
    card = client.get("/v1/wallet/cards", plugin="headunit").data["items"][0]["payment_method_id"]
    product = next(p for p in client.get("/v1/catalog/products", {"limit": 100}, plugin="headunit").data["items"]
                   if p.get("fitting_minutes"))
    client.enqueue("payments", "POST", "/v1/orders", {
        "items": [{"product_id": product["id"], "quantity": 1}], "payment_method_id": card,
        "delivery": {"kind": "workshop", "workshop_id": WORKSHOP, "slot_start": slot}}, plugin="headunit")
    qtbot.waitUntil(lambda: runtime.cloud.client.status().pending == 0, timeout=20_000)


@pytest.fixture
def desk_with_a_booking(make_shell, qtbot):
    runtime, window = make_shell(1280, 720, backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    place_order(runtime, qtbot)
    assert runtime.apps.openApp(STORE)
    desk = runtime.host.record(STORE).instance.service
    desk.refreshOrders()
    qtbot.waitUntil(lambda: len(desk.bookings) == 1, timeout=15_000)
    desk.openBooking(desk.bookings[0]["id"])
    return runtime, desk


def backend_booking(runtime, booking_id: str) -> dict:
    return next(b for b in runtime.cloud.client.get("/v1/bookings", plugin="headunit").data["items"]
                if b["booking_id"] == booking_id)


def bookings_ops(runtime) -> list:
    return [op for op in runtime.cloud.client.outbox.operations(lane="bookings")]


def test_a_new_time_then_a_time_taken_meanwhile_then_cancelled(desk_with_a_booking, qtbot):
    runtime, desk = desk_with_a_booking
    booking = desk.booking
    start = dt.datetime.fromisoformat(booking["start"])
    day = start.date().isoformat()
    free = [s for s in free_slots(runtime, day, booking["minutes"]) if s != booking["start"]]
    assert len(free) >= 2, "the workshop's day is full"
    new_time, wanted = free[0], free[-1]

    desk.rescheduleBooking(booking["id"], new_time)
    qtbot.waitUntil(lambda: desk.booking["note"].startswith("Moved to"), timeout=20_000)
    assert desk.booking["start"] == new_time and desk.booking["changeable"]
    assert backend_booking(runtime, booking["id"])["start"] == new_time

    # Both bays of the workshop are booked at the time the driver wants next.
    book(runtime, qtbot, wanted)
    book(runtime, qtbot, wanted)
    assert wanted not in free_slots(runtime, day, booking["minutes"])
    desk.rescheduleBooking(booking["id"], wanted)
    qtbot.waitUntil(lambda: desk.booking["note"] == "That time was just taken: pick another", timeout=20_000)
    assert desk.booking["start"] == new_time and backend_booking(runtime, booking["id"])["start"] == new_time

    desk.cancelBooking(booking["id"])
    qtbot.waitUntil(lambda: desk.booking["cancelled"], timeout=20_000)
    assert backend_booking(runtime, booking["id"])["status"] == "cancelled"
    ops = bookings_ops(runtime)
    assert [(op.path.rsplit("/", 1)[-1], op.state) for op in ops] == [
        ("reschedule", "acked"), ("reschedule", "rejected"), ("cancel", "acked")]
    assert {op.plugin for op in ops} == {STORE}


def test_workshops_on_the_route_the_shell_is_guiding_in_the_order_the_car_reaches_them(make_shell, qtbot):
    runtime, window = make_shell(1280, 720, backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    runtime.simulator.setPosition(43.7470, 7.3880)  # La Turbie, above Monaco
    assert runtime.apps.openApp(STORE)
    desk = runtime.host.record(STORE).instance.service
    # The navigation app guides the car east along the hills to Roquebrune-Cap-Martin.
    runtime.navigation.set_route("org.headunit.navigation", "Roquebrune-Cap-Martin", 43.7620, 7.4780,
                                 [(43.7470, 7.3880), (43.7530, 7.4200), (43.7580, 7.4500), (43.7620, 7.4780)])
    qtbot.waitUntil(lambda: desk.routeActive, timeout=5000)
    desk.setWorkshopMode("route")
    qtbot.waitUntil(lambda: not desk.workshopsLoading and desk.workshops != [], timeout=15_000)
    ids = [w["id"] for w in desk.workshops]
    assert ids[0] == "ws-garage-canovas-la-turbie" and ids[-1] == "ws-citroen-roquebrune"
    assert "ws-porsche-fontvieille" not in ids  # down by the sea, 2.5 km off the road
    runtime.navigation.clear("org.headunit.navigation")
    qtbot.waitUntil(lambda: desk.workshopsNote == "No route is being guided", timeout=5000)


def test_an_order_confirmed_offline_waits_to_send_then_shows_with_its_booking(make_shell, qtbot):
    runtime, window = make_shell(1280, 720, backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    client = runtime.cloud.client
    client.enqueue("payments", "POST", "/v1/wallet/cards", {"processor_token": "tok_visa"}, plugin="headunit")
    qtbot.waitUntil(lambda: runtime.cloud.client.status().pending == 0, timeout=15_000)
    product = next(p for p in client.get("/v1/catalog/products", {"limit": 100}, plugin="headunit").data["items"]
                   if p.get("fitting_minutes"))
    assert runtime.apps.openApp(STORE)
    app = runtime.host.record(STORE).instance
    shop, desk = app.shop, app.service
    desk.refreshOrders()
    qtbot.waitUntil(lambda: desk.ordersNote == "" and not desk.orders, timeout=15_000)
    shop.addToBasket(product["id"])
    qtbot.waitUntil(lambda: len(shop.basket) == 1, timeout=30_000)
    slot = next(s for days in range(1, 8)
                for s in free_slots(runtime, (dt.date.today() + dt.timedelta(days=days)).isoformat(),
                                    desk.fittingMinutes))
    shop.startCheckout()
    shop.chooseWorkshop({"id": WORKSHOP, "name": "British Motors"}, slot)
    shop.checkout()
    qtbot.waitUntil(lambda: runtime.payments.shown and runtime.payments.cardId != "", timeout=10_000)
    runtime.simulator.setNetwork(False)
    qtbot.waitUntil(lambda: not runtime.cloud.online, timeout=5000)
    runtime.payments.confirm()
    qtbot.waitUntil(lambda: shop.orderState == "queued", timeout=5000)
    (waiting,) = desk.orders
    assert waiting["pending"] and waiting["subtitle"] == "Waiting to send"
    assert waiting["trailing"] == shop.basketTotal

    runtime.simulator.setNetwork(True)
    qtbot.waitUntil(lambda: shop.orderState == "succeeded", timeout=30_000)
    qtbot.waitUntil(lambda: [o["pending"] for o in desk.orders] == [False], timeout=15_000)
    qtbot.waitUntil(lambda: len(desk.bookings) == 1, timeout=15_000)
    desk.openBooking(desk.bookings[0]["id"])
    assert desk.booking["workshop"] == "British Motors" and desk.booking["start"] == slot
