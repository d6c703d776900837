"""The store's shop against the embedded backend: the catalog mirrored on the car, a product that fits, one that
fits if, one that does not, reviews, the basket and checkout, at 800x480 and 1280x720, day and night, parked and
then moving. Nothing is cut, clipped or overlapping; while moving the lists keep to six rows and checkout waits
for the car to be parked. The frames are kept in the test's folder."""

from __future__ import annotations

import sqlite3

import pytest

from headunit.fitment.vehicles import SIMULATED_CAR
from tests.plugin_parts import plugin_part
from tests.shell import find, settle
from tests.ui.geometry import texts

STORE = "org.headunit.store"
SIZES = [(800, 480), (1280, 720)]
HOME = {"name": "Ada Lovelace", "street": "12 Boulevard des Moulins", "postcode": "98000", "city": "Monaco",
        "country": "MC"}


def product_row(runtime, product_id: str) -> dict:
    """A product as the store's mirror on the car holds it, read on a connection of the test's own."""
    connection = sqlite3.connect(runtime.host.data_root / STORE / "storage.db")
    connection.row_factory = sqlite3.Row
    try:
        return dict(connection.execute("SELECT * FROM products WHERE id = ?", (product_id,)).fetchone())
    finally:
        connection.close()


def verdict_kinds(runtime) -> dict[str, list[str]]:
    """kind -> product ids, judged for the simulated car by the store's own mirror code on its database file."""
    catalog = plugin_part("org.headunit.store/store", "catalog", package="headunit_plugin_org_headunit_store.store")
    connection = sqlite3.connect(runtime.host.data_root / STORE / "storage.db", check_same_thread=False)
    try:
        kinds: dict[str, list[str]] = {}
        for pid, verdict in sorted(catalog.Mirror(connection).verdicts(SIMULATED_CAR).items()):
            kinds.setdefault(verdict.kind, []).append(pid)
        return kinds
    finally:
        connection.close()


@pytest.fixture
def store(make_shell, qtbot):
    def make(size=(1280, 720), night=False, card=False):
        runtime, window = make_shell(*size, backend="embedded", night=night)
        runtime.start_cloud()
        assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
        if card:
            runtime.cloud.client.enqueue("payments", "POST", "/v1/wallet/cards", {"processor_token": "tok_visa"},
                                         plugin="headunit")
            qtbot.waitUntil(lambda: runtime.cloud.client.status().pending == 0, timeout=15_000)
        assert runtime.apps.openApp(STORE)
        shop = runtime.host.record(STORE).instance.shop
        shop.syncIfOld()
        qtbot.waitUntil(lambda: shop.fitCount > 0 and not shop.syncing and len(shop.categories) > 5, timeout=30_000)
        return runtime, window, shop
    return make


def inside(item, root) -> bool:
    while item is not None:
        if item == root:
            return True
        item = item.parentItem()
    return False


def readable(window, shots, name: str) -> set[str]:
    """The texts of the store's page (the shell's bar and toasts are other tests' concern), after checking that
    none is cut, clipped or overlapping; the frame is kept."""
    window.grabWindow().save(str(shots / f"{name}.png"))
    boxes, problems = texts(window)
    area = find(window, "storeSections").parentItem()
    ours = {id(b.item) for b in boxes if inside(b.item, area)}
    theirs = [str(b) for b in boxes if id(b.item) not in ours]  # a toast passing over the page, say
    mine = [p for p in problems if any(str(b) in p for b in boxes if id(b.item) in ours)
            and not any(t in p for t in theirs)]
    assert mine == [], name
    return {b.text for b in boxes if id(b.item) in ours}


def rows_on_screen(window) -> list:
    return [i for i in descendants_named(window, "storeRow:") if i.isVisible()]


def descendants_named(window, prefix: str) -> list:
    from tests.shell import descendants

    return [i for i in descendants(window.contentItem()) if i.objectName().startswith(prefix)]


@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_browse_a_product_reviews_basket_and_checkout_parked_then_moving(store, qtbot, tmp_path, size, night):
    runtime, window, shop = store(size, night)
    kinds = verdict_kinds(runtime)
    assert kinds["fits"] and kinds["fits_if"] and kinds["does_not_fit"], kinds

    settle(qtbot)
    shown = readable(window, tmp_path, "1-browse")
    assert "Wiper blades" in shown and any(t.endswith("parts") for t in shown)

    shop.showCategory("wiper-blades")
    qtbot.waitUntil(lambda: shop.total > 0 and len(shop.items) == shop.total, timeout=10_000)
    settle(qtbot)
    shown = readable(window, tmp_path, "2-category")
    assert {"Fits", "Does not fit"} & shown

    said = {}
    for kind in ("fits", "fits_if", "does_not_fit"):
        shop.openProduct(kinds[kind][0])
        qtbot.waitUntil(lambda: shop.product.get("verdict") == kind, timeout=10_000)
        settle(qtbot)
        said[kind] = shop.product["verdictText"]
        assert said[kind] in readable(window, tmp_path, f"3-product-{kind}")
    assert said["fits"].startswith("Fits: ") and said["fits_if"].startswith("Fits if: ")
    assert said["does_not_fit"].startswith("Does not fit: ")

    shop.openProduct(kinds["fits"][0])
    qtbot.waitUntil(lambda: shop.product.get("verdict") == "fits", timeout=10_000)
    shop.showReviews()
    qtbot.waitUntil(lambda: sum(b["count"] for b in shop.histogram) > 0 or shop.productNote != "", timeout=10_000)
    settle(qtbot)
    readable(window, tmp_path, "4-reviews")

    shop.addToBasket(kinds["fits"][0])
    shop.addToBasket(kinds["fits_if"][0])
    shop.showSection("basket")
    qtbot.waitUntil(lambda: len(shop.basket) == 2, timeout=10_000)
    settle(qtbot)
    assert "Basket" in readable(window, tmp_path, "5-basket")
    shop.startCheckout()
    for key, value in HOME.items():
        shop.setAddressField(key, value)
    settle(qtbot)
    assert "Deliver home" in readable(window, tmp_path, "6-checkout")
    assert shop.canCheckout

    # Moving: checkout waits, the fields give way, the lists keep to six rows and say what waits.
    runtime.simulator.applyDrive("moving")
    settle(qtbot)
    assert not shop.canCheckout and shop.checkoutNote == "Checkout needs the car parked"
    shown = readable(window, tmp_path, "7-checkout-moving")
    assert "Checkout needs the car parked" in shown and "Typing is available when parked" in shown
    shop.checkout()
    settle(qtbot)
    assert not find(window, "paymentSheet").isVisible()

    shop.showSection("forCar")
    shop.showCategory("")
    qtbot.waitUntil(lambda: shop.total > 6, timeout=10_000)
    settle(qtbot)
    shown = readable(window, tmp_path, "8-for-my-car-moving")
    assert 1 <= len(shop.items) <= 6 and 1 <= len(rows_on_screen(window)) <= 6
    assert find(window, "storeMoreWhenParked").isVisible()
    assert any(t.endswith("more when parked") for t in shown)
    assert not find(window, "storeShowMore").isVisible()

    shop.showSection("browse")
    settle(qtbot)
    readable(window, tmp_path, "9-browse-moving")
    assert len(descendants_named(window, "storeCategory:")) <= 6


def test_checkout_asks_the_shell_to_pay_for_the_order_and_follows_it(store, qtbot):
    runtime, window, shop = store(card=True)
    kinds = verdict_kinds(runtime)
    product = kinds["fits"][0]
    confirmed = []
    shop.orderConfirmed.connect(confirmed.append)
    shop.addToBasket(product)
    shop.addToBasket(product)
    shop.showSection("basket")
    qtbot.waitUntil(lambda: shop.basketCount == 2 and len(shop.basket) == 1, timeout=10_000)
    shop.startCheckout()
    shop.checkout()
    assert shop.checkoutNote.startswith("Still needed: name, street")  # nothing asked of the shell yet
    for key, value in HOME.items():
        shop.setAddressField(key, value + "  ")
    request = shop.order_request()
    assert request["kind"] == "order" and request["merchant"] == {"id": "headunit-store", "name": "Accessory store"}
    assert request["request"] == {"method": "POST", "path": "/v1/orders", "body": {
        "items": [{"product_id": product, "quantity": 2}], "delivery": {"kind": "home", "address": HOME}}}
    assert request["amount_cents"] > 0 and len(request["details"]) <= 4

    shop.checkout()
    qtbot.waitUntil(lambda: runtime.payments.shown and runtime.payments.cardId != "", timeout=10_000)
    assert find(window, "paymentSheet").isVisible()
    runtime.payments.confirm()
    qtbot.waitUntil(lambda: shop.orderState == "succeeded", timeout=20_000)
    (sent,) = [op for op in runtime.cloud.client.outbox.operations(lane="payments") if op.path == "/v1/orders"]
    assert sent.body["items"] == [{"product_id": product, "quantity": 2}]
    assert sent.body["delivery"] == {"kind": "home", "address": HOME}
    assert [o["order_id"] for o in confirmed] == [shop.lastOrder["id"]]
    assert shop.basketCount == 0 and shop.lastOrder["total"].startswith("€")

    # Confirmed while parked, the order stays on screen with its state while driving.
    runtime.simulator.applyDrive("moving")
    settle(qtbot)
    assert find(window, "storeOrderPlaced").isVisible()


def test_a_line_sold_out_since_it_went_into_the_basket_is_named_when_the_shop_refuses(store, qtbot):
    runtime, window, shop = store(card=True)
    shop.addToBasket("juice-booster-2")
    shop.setQuantity("juice-booster-2", 3)  # the shop has two
    shop.showSection("basket")
    qtbot.waitUntil(lambda: shop.basketCount == 3 and len(shop.basket) == 1, timeout=10_000)
    shop.startCheckout()
    for key, value in HOME.items():
        shop.setAddressField(key, value)
    shop.checkout()
    qtbot.waitUntil(lambda: runtime.payments.shown and runtime.payments.cardId != "", timeout=10_000)
    runtime.payments.confirm()
    qtbot.waitUntil(lambda: shop.orderState == "refused", timeout=20_000)
    name = product_row(runtime, "juice-booster-2")["name"]
    assert shop.checkoutNote == f"{name} is no longer in stock: take it out of the basket"
    assert shop.basketCount == 3, "the basket is the driver's to change"


def test_delivery_to_a_workshop_names_the_workshop_and_the_time(store, qtbot):
    runtime, window, shop = store()
    with_fitting = next(pid for pid in verdict_kinds(runtime)["fits"]
                        if product_row(runtime, pid)["fitting_minutes"])
    shop.addToBasket(with_fitting)
    qtbot.waitUntil(lambda: shop.fittingMinutes > 0, timeout=10_000)
    shop.startCheckout()
    shop.setDelivery("workshop")
    assert shop.checkoutNote == "" and not shop.canCheckout
    shop.chooseWorkshop({"id": "ws-british-motors-monaco", "name": "British Motors"}, "2030-03-04T10:00:00+01:00")
    assert shop.canCheckout and shop.workshop["name"] == "British Motors"
    request = shop.order_request()
    assert request["request"]["body"]["delivery"] == {
        "kind": "workshop", "workshop_id": "ws-british-motors-monaco", "slot_start": "2030-03-04T10:00:00+01:00"}
    assert {"label": "Delivery", "value": "Fitted at British Motors"} in request["details"]


def saved_basket(runtime) -> list[tuple[str, int]]:
    connection = sqlite3.connect(runtime.host.data_root / STORE / "storage.db")
    try:
        return connection.execute("SELECT product_id, quantity FROM basket ORDER BY added_at").fetchall()
    finally:
        connection.close()


def test_the_basket_survives_the_app_stopping_and_starting_again(store, qtbot):
    runtime, window, shop = store()
    fits = verdict_kinds(runtime)["fits"]
    shop.addToBasket(fits[0])
    shop.addToBasket(fits[1])
    shop.setQuantity(fits[1], 3)
    shop.setAddressField("city", "Monaco")
    qtbot.waitUntil(lambda: saved_basket(runtime) == [(fits[0], 1), (fits[1], 3)], timeout=5000)

    runtime.apps.setEnabled(STORE, False)  # stop(): a new instance and context on the next open, as after a restart
    qtbot.waitUntil(lambda: runtime.host.record(STORE).instance is None, timeout=10_000)
    runtime.apps.setEnabled(STORE, True)
    assert runtime.apps.openApp(STORE)
    again = runtime.host.record(STORE).instance.shop
    assert again is not shop
    qtbot.waitUntil(lambda: again.basketCount == 4 and len(again.basket) == 2, timeout=10_000)
    assert [(line["id"], line["quantity"]) for line in again.basket] == [(fits[0], 1), (fits[1], 3)]
    assert again.address["city"] == "Monaco"


def test_a_review_and_a_report_are_sent_once_and_their_answers_told(store, qtbot):
    runtime, window, shop = store()
    product = verdict_kinds(runtime)["fits"][0]
    shop.openProduct(product)
    qtbot.waitUntil(lambda: shop.product.get("name") is not None, timeout=10_000)
    shop.writeReview()
    assert shop.page == "review"
    shop.submitReview(5, "  Clicked straight on.  ")
    qtbot.waitUntil(lambda: shop.reviewNote == "Thank you: your review is published", timeout=15_000)
    (op,) = [op for op in runtime.cloud.client.outbox.operations(lane="reviews")]
    assert op.path == f"/v1/catalog/products/{product}/reviews"
    assert op.body == {"rating": 5, "text": "Clicked straight on.", "vehicle": "2021 Volkswagen Golf 1.5 eTSI"}
    qtbot.waitUntil(lambda: any(r["vehicle"] == "2021 Volkswagen Golf 1.5 eTSI" for r in shop.reviews), timeout=10_000)

    shop.submitReview(4, "Again")
    qtbot.waitUntil(lambda: shop.reviewNote == "You have already reviewed this product", timeout=15_000)

    other = next(r for r in shop.reviews if r["vehicle"] != "2021 Volkswagen Golf 1.5 eTSI") \
        if len(shop.reviews) > 1 else None
    if other is None:  # a product with seeded reviews
        with_reviews = next(pid for pid in verdict_kinds(runtime)["fits"] + verdict_kinds(runtime)["does_not_fit"]
                            if product_row(runtime, pid)["review_count"])
        shop.openProduct(with_reviews)
        qtbot.waitUntil(lambda: len(shop.reviews) > 0, timeout=10_000)
        other = shop.reviews[0]
    shop.reportReview(other["id"], "spam")
    qtbot.waitUntil(lambda: shop.reviewNote == "Thank you: the review was reported", timeout=15_000)
    reports = [op for op in runtime.cloud.client.outbox.operations(lane="reviews") if op.path.endswith("/reports")]
    assert [(op.path, op.body) for op in reports] == [(f"/v1/catalog/reviews/{other['id']}/reports", {"reason": "spam"})]
    assert next(r for r in shop.reviews if r["id"] == other["id"])["reported"]
    shop.reportReview(other["id"], "fake")  # reported from this car already: not sent again
    shop._reported.clear()  # as another car of the account would: the backend answers already_reported
    shop.reportReview(other["id"], "fake")
    qtbot.waitUntil(lambda: shop.reviewNote == "Your account has already reported this review, or wrote it",
                    timeout=15_000)


def test_offline_the_store_browses_the_mirror_with_its_age(store, qtbot):
    runtime, window, shop = store(size=(800, 480))
    runtime.simulator.setNetwork(False)
    qtbot.waitUntil(lambda: not runtime.cloud.online, timeout=10_000)
    shop.sync()
    qtbot.waitUntil(lambda: not shop.syncing, timeout=10_000)
    assert shop.catalogNote == "Offline: catalog as of just now"
    shop.showCategory("wiper-blades")
    qtbot.waitUntil(lambda: shop.total > 0, timeout=10_000)
    settle(qtbot)
    assert find(window, "storeCatalogNote").isVisible()


def test_show_product_opens_the_store_at_the_product_and_the_tile_counts_what_fits(store, qtbot):
    runtime, window, shop = store(size=(800, 480))
    kinds = verdict_kinds(runtime)
    settle(qtbot)
    fitting = len(kinds["fits"]) + len(kinds.get("fits_if", []))
    assert shop.fitCount == fitting
    assert find(window, "storeTileTitle").property("text") == "For your Golf"
    assert find(window, "storeTileSubtitle").property("text") == f"{fitting} parts"

    product = kinds["does_not_fit"][0]
    assert runtime.host.route_intent("org.headunit.navigation", "show-product", {"id": product}) is True
    qtbot.waitUntil(lambda: shop.product.get("verdict") == "does_not_fit", timeout=10_000)
    settle(qtbot)
    assert find(window, "storeProduct").isVisible()
    assert shop.product["id"] == product
    assert shop.back() and shop.page == ""


def test_an_order_confirmed_offline_waits_to_send_then_is_placed_once(store, qtbot):
    runtime, window, shop = store(card=True)
    runtime.cloud.client.get("/v1/wallet/cards", plugin="headunit")  # the sheet shows the cards it has seen
    product = verdict_kinds(runtime)["fits"][0]
    shop.addToBasket(product)
    qtbot.waitUntil(lambda: len(shop.basket) == 1, timeout=10_000)
    shop.startCheckout()
    for key, value in HOME.items():
        shop.setAddressField(key, value)
    runtime.simulator.setNetwork(False)
    qtbot.waitUntil(lambda: not runtime.cloud.online, timeout=10_000)
    shop.checkout()
    qtbot.waitUntil(lambda: runtime.payments.shown and runtime.payments.cardId != "", timeout=10_000)
    runtime.payments.confirm()
    qtbot.waitUntil(lambda: shop.orderState == "queued", timeout=10_000)
    assert shop.checkoutNote == "Waiting to send" and not shop.canCheckout
    shop.checkout()  # a second tap while it waits asks for nothing more
    runtime.simulator.setNetwork(True)
    qtbot.waitUntil(lambda: shop.orderState == "succeeded", timeout=30_000)
    orders = [op for op in runtime.cloud.client.outbox.operations(lane="payments") if op.path == "/v1/orders"]
    assert len(orders) == 1 and orders[0].state == "acked"
    assert shop.basketCount == 0 and shop.lastOrder["id"]


def test_a_product_opened_from_maintenance_goes_back_there_and_a_new_car_gets_new_verdicts(store, qtbot):
    runtime, window, shop = store()
    shop.showSection("maintenance")
    product = verdict_kinds(runtime)["fits"][0]
    shop.openProduct(product)
    assert (shop.section, shop.page) == ("browse", "product")
    assert shop.back() and shop.section == "maintenance"

    for_golf = shop.fitCount
    assert runtime.vehicle_profile.pick("Toyota", "RAV4", "XA50", "2.5 Hybrid")
    qtbot.waitUntil(lambda: shop.fitCount != for_golf and shop.fitCount > 0, timeout=10_000)
    assert shop.carName == "RAV4"
    golf_only = next(pid for pid in verdict_kinds(runtime)["fits"] if '"Golf"' in product_row(runtime, pid)["fitment"]
                     and '"RAV4"' not in product_row(runtime, pid)["fitment"])
    shop.openProduct(golf_only)
    qtbot.waitUntil(lambda: shop.product.get("id") == golf_only and "verdict" in shop.product, timeout=10_000)
    assert shop.product["verdict"] == "does_not_fit"
    assert shop.product["verdictText"].startswith("Does not fit: made for")


def test_the_driving_template_holds_the_basket_and_at_most_six_rows(store, qtbot):
    from headunit.sandbox.templates import validate_page, validate_tile

    runtime, window, shop = store()
    templates = runtime.host.record(STORE).context.templates
    fits = verdict_kinds(runtime)["fits"]
    shop.addToBasket(fits[0])
    shop.addToBasket(fits[1])
    page = validate_page(templates.page_stack[-1])
    assert page["kind"] == "list" and 1 <= len(page["rows"]) <= 6
    assert {"title": "Basket: 2 items", "subtitle": "Checkout needs the car parked", "icon": "mdi6.cart-outline"} \
        in page["rows"]
    tile = validate_tile(templates.tile_data)
    assert tile["title"] == "For your Golf" and tile["subtitle"].endswith(" parts")
