"""The store's orders, appointments, workshops and maintenance on screen, against the embedded backend with a real
order and its workshop booking: at 800x480 and 1280x720, day and night, parked and then moving. Nothing is cut,
clipped or overlapping; while moving the lists keep to six rows and a new time or a cancellation is refused
with the reason."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlComponent

from headunit.paths import BUILTIN_PLUGINS_DIR
from tests.shell import find, settle
from tests.ui.geometry import texts

STORE = "org.headunit.store"
WORKSHOP = "ws-british-motors-monaco"
SIZES = [(800, 480), (1280, 720)]


def place_order(runtime, qtbot) -> dict:
    """A real order of a part with a fitting service, fitted at British Motors in Monaco at its first free slot
    from tomorrow, paid with a test card: queued as the payment sheet queues it."""
    client = runtime.cloud.client
    client.enqueue("payments", "POST", "/v1/wallet/cards", {"processor_token": "tok_visa"}, plugin="headunit")
    qtbot.waitUntil(lambda: runtime.cloud.client.status().pending == 0, timeout=15_000)
    card = client.get("/v1/wallet/cards", plugin="headunit").data["items"][0]["payment_method_id"]
    products = client.get("/v1/catalog/products", {"limit": 100}, plugin="headunit").data["items"]
    product = next(p for p in products if p.get("fitting_minutes"))
    slot = None
    for days in range(1, 8):
        date = (dt.date.today() + dt.timedelta(days=days)).isoformat()
        items = client.get(f"/v1/workshops/{WORKSHOP}/slots", {"date": date, "minutes": 30}, plugin="headunit").data["items"]
        slot = next((s["start"] for s in items if s["free"]), None)
        if slot:
            break
    assert slot, "no free slot at the workshop this week"
    client.enqueue("payments", "POST", "/v1/orders", {
        "items": [{"product_id": product["id"], "quantity": 1}], "payment_method_id": card,
        "delivery": {"kind": "workshop", "workshop_id": WORKSHOP, "slot_start": slot}}, plugin="headunit")
    qtbot.waitUntil(lambda: runtime.cloud.client.status().pending == 0, timeout=20_000)
    return product


@pytest.fixture
def store(make_shell, qtbot):
    def make(size, night=False, language=None):
        runtime, window = make_shell(*size, backend="embedded", night=night, language=language)
        runtime.start_cloud()
        assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
        product = place_order(runtime, qtbot)
        runtime.simulator.setPosition(43.7384, 7.4246)  # Monaco-Ville
        assert runtime.apps.openApp(STORE)
        app = runtime.host.record(STORE).instance
        app.service.refreshOrders()
        qtbot.waitUntil(lambda: any(not o["pending"] for o in app.service.orders), timeout=15_000)
        qtbot.waitUntil(lambda: len(app.service.bookings) == 1, timeout=15_000)
        return runtime, window, app, product
    return make


def inside(item, root) -> bool:
    while item is not None:
        if item == root:
            return True
        item = item.parentItem()
    return False


def readable(window, shots, name: str) -> set[str]:
    """Every text of the store's page area on screen, after checking that none is cut, clipped or overlapping
    (the shell's status bar, its toasts and the store's section rail are other tests' concern); the frame is
    kept."""
    window.grabWindow().save(str(shots / f"{name}.png"))
    boxes, problems = texts(window)
    area = find(window, "storeOrders").parentItem()
    ours = [b for b in boxes if inside(b.item, area)]
    theirs = [b for b in boxes if not inside(b.item, area)]  # a toast passing over the page, say
    mine = [p for p in problems if any(str(b) in p for b in ours) and not any(str(b) in p for b in theirs)]
    assert mine == [], f"{name}: {mine}"
    return {b.text for b in ours}


def rows_shown(list_item) -> int:
    """How many rows of an ItemList are on screen."""
    return sum(1 for row in list_item.findChild(object, "itemListView").property("contentItem").childItems()
               if row.property("title") is not None and row.isVisible() and row.height() > 0)


@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_orders_and_the_appointment_parked_then_moving(store, qtbot, tmp_path, size, night):
    runtime, window, app, product = store(size, night)
    desk, shop = app.service, app.shop
    shop.showSection("orders")
    settle(qtbot)
    shown = readable(window, tmp_path, "orders")
    assert "Orders" in shown and "Appointments" in shown
    page = find(window, "storeOrders")

    order = next(o for o in desk.orders if not o["pending"])
    desk.openOrder(order["id"])
    page.setProperty("view", "order")
    settle(qtbot)
    shown = readable(window, tmp_path, "order")
    assert {"Processing", "Shipped", "Ready at the workshop", "Fitted"} <= shown
    assert find(window, "orderBooking").isVisible()

    booking = desk.bookings[0]
    desk.openBooking(booking["id"])
    page.setProperty("view", "booking")
    settle(qtbot)
    shown = readable(window, tmp_path, "booking")
    assert "British Motors" in shown and desk.booking["when"] in shown
    assert find(window, "bookingChange").isEnabled() and find(window, "bookingCancel").isEnabled()

    page.setProperty("view", "reschedule")
    desk.openSlots({"id": WORKSHOP, "name": "British Motors"}, desk.booking["minutes"])
    desk.chooseSlotDay(2)
    qtbot.waitUntil(lambda: any(s["free"] for s in desk.slots), timeout=10_000)
    settle(qtbot)
    readable(window, tmp_path, "reschedule")

    # Driving off: the appointment stays readable, the change waits until parked, and says so.
    page.setProperty("view", "booking")
    runtime.simulator.applyDrive("moving")
    settle(qtbot)
    shown = readable(window, tmp_path, "booking-moving")
    assert "A new time or cancelling needs the car parked" in shown
    assert not find(window, "bookingChange").isEnabled() and not find(window, "bookingCancel").isEnabled()
    assert find(window, "bookingNavigate").isEnabled()
    page.setProperty("view", "reschedule")
    settle(qtbot)
    assert "A new time needs the car parked" in readable(window, tmp_path, "reschedule-moving")
    assert not find(window, "rescheduleSlots").isVisible()
    page.setProperty("view", "")
    settle(qtbot)
    readable(window, tmp_path, "orders-moving")
    assert rows_shown(find(window, "ordersRows")) <= 6


@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_maintenance_and_the_workshop_picker_parked_then_moving(store, qtbot, tmp_path, size, night):
    runtime, window, app, _ = store(size, night)
    desk, shop = app.service, app.shop
    shop.showSection("maintenance")
    settle(qtbot)
    shown = readable(window, tmp_path, "maintenance")
    assert {"Wiper blades", "Engine oil", "23,400 km"} <= shown

    page = find(window, "storeMaintenance")
    desk.openMaintenance("wipers")
    page.setProperty("showingItem", True)
    qtbot.waitUntil(lambda: bool(desk.maintenanceItem.get("parts")), timeout=10_000)
    settle(qtbot)
    shown = readable(window, tmp_path, "maintenance-wipers")
    assert {"Wiper blades", "Check", "Mark as done"} <= shown
    assert find(window, "maintenanceDone").isEnabled()

    # The picker the checkout shows, on its own in the store's page area (the orders page showing none of
    # its views).
    shop.showSection("orders")
    orders = find(window, "storeOrders")
    orders.setProperty("view", "elsewhere")
    area = page.parentItem()
    component = QQmlComponent(runtime.engine, QUrl.fromLocalFile(str(BUILTIN_PLUGINS_DIR / STORE / "qml" / "WorkshopPicker.qml")))
    picker = component.createWithInitialProperties({"service": desk, "minutes": 30})
    assert picker is not None, component.errorString()
    try:
        picker.setParentItem(area)
        picker.setProperty("width", area.width())
        picker.setProperty("height", area.height())
        qtbot.waitUntil(lambda: len(desk.workshops) >= 3, timeout=10_000)
        settle(qtbot)
        shown = readable(window, tmp_path, "workshops")
        assert "British Motors" in shown and "Near the car" in shown
        picker.setProperty("chosen", desk.workshops[0])
        desk.openSlots(desk.workshops[0], 30)
        desk.chooseSlotDay(1)
        qtbot.waitUntil(lambda: desk.slots != [], timeout=10_000)
        settle(qtbot)
        readable(window, tmp_path, "workshop-slots")

        runtime.simulator.applyDrive("moving")
        picker.setProperty("chosen", None)
        settle(qtbot)
        readable(window, tmp_path, "workshops-moving")
        assert rows_shown(find(window, "workshops")) <= 6
    finally:
        picker.setParentItem(None)
        picker.deleteLater()
        orders.setProperty("view", "")
    shop.showSection("maintenance")
    settle(qtbot)
    shown = readable(window, tmp_path, "maintenance-wipers-moving")
    assert "Marking as done needs the car parked" in shown and not find(window, "maintenanceDone").isEnabled()
    page.setProperty("showingItem", False)
    settle(qtbot)
    readable(window, tmp_path, "maintenance-moving")
    assert rows_shown(find(window, "maintenanceRows")) <= 6


@pytest.mark.parametrize("language", ["de", "zh_CN"])
def test_in_german_and_chinese_at_the_smallest_screen(store, qtbot, tmp_path, language):
    runtime, window, app, _ = store((800, 480), language=language)
    desk, shop = app.service, app.shop
    shop.showSection("orders")
    page = find(window, "storeOrders")
    settle(qtbot)
    readable(window, tmp_path, "orders")
    page.setProperty("tab", "bookings")
    settle(qtbot)
    readable(window, tmp_path, "bookings")
    desk.openOrder(next(o for o in desk.orders if not o["pending"])["id"])
    page.setProperty("view", "order")
    settle(qtbot)
    readable(window, tmp_path, "order")
    desk.openBooking(desk.bookings[0]["id"])
    page.setProperty("view", "booking")
    settle(qtbot)
    readable(window, tmp_path, "booking")
    page.setProperty("view", "reschedule")
    desk.openSlots({"id": WORKSHOP, "name": "British Motors"}, desk.booking["minutes"])
    qtbot.waitUntil(lambda: desk.slotsNote != "" or desk.slots != [], timeout=10_000)
    settle(qtbot)
    readable(window, tmp_path, "reschedule")
    runtime.simulator.applyDrive("moving")
    page.setProperty("view", "booking")
    settle(qtbot)
    readable(window, tmp_path, "booking-moving")
    page.setProperty("view", "")
    shop.showSection("maintenance")
    settle(qtbot)
    readable(window, tmp_path, "maintenance-moving")
    maintenance = find(window, "storeMaintenance")
    desk.openMaintenance("wipers")
    maintenance.setProperty("showingItem", True)
    qtbot.waitUntil(lambda: bool(desk.maintenanceItem.get("parts")), timeout=10_000)
    settle(qtbot)
    readable(window, tmp_path, "maintenance-wipers-moving")
    runtime.simulator.applyDrive("parked")
    settle(qtbot)
    readable(window, tmp_path, "maintenance-wipers")
    maintenance.setProperty("showingItem", False)
    settle(qtbot)
    readable(window, tmp_path, "maintenance")
