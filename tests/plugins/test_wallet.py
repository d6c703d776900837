"""The wallet app against the real embedded backend: fuel at a Monaco station (hold, the simulated pump,
the captured amount, the receipt), parking started and ended from the car or by driving away."""

from __future__ import annotations

import pytest

from headunit.sandbox.templates import validate_page
from headunit_backend.fuel import sandbox_prices
from tests.shell import find, link_with_a_card, settle

#: A fuel station on the Monaco map (amenity=fuel, OpenStreetMap node 1699777834, brand Agip), 10 m away.
STATION_ID = "osm:node/1699777834"
AT_THE_PUMP = (43.74166, 7.43050)
#: By the sandbox parking zone Casino.
AT_THE_CASINO = (43.7396, 7.4281)


@pytest.fixture
def wallet_shell(make_shell, install_region, qtbot):
    install_region("monaco")

    def make(position, size=(1280, 720)):
        runtime, window = make_shell(*size, backend="embedded")
        link_with_a_card(runtime, qtbot)
        runtime.simulator.setPosition(*position)
        assert runtime.apps.openApp("org.headunit.wallet")
        store = runtime.host.record("org.headunit.wallet").instance.store
        store.refresh()
        return runtime, window, store
    return make


def confirm_on_the_sheet(runtime, qtbot) -> None:
    qtbot.waitUntil(lambda: runtime.payments.shown and runtime.payments.cardId != "", timeout=10_000)
    runtime.payments.confirm()


def test_fuel_hold_then_the_pump_then_the_captured_amount_and_a_receipt(wallet_shell, qtbot):
    runtime, window, store = wallet_shell(AT_THE_PUMP)
    qtbot.waitUntil(lambda: store.stationName == "Agip" and bool(store.fuels), timeout=15_000)
    assert store.stationNote == "Demo prices: no fuel is sold"
    store.choosePump(3)
    store.chooseFuel("diesel")
    hold = store.hold_cents()
    diesel = sandbox_prices(STATION_ID)["diesel"]  # the backend's price for this station
    assert hold == -(-50 * diesel // 1000)  # a 50 L tank at that price, rounded up to the cent
    store.payFuel()
    settle(qtbot)
    assert find(window, "paymentSheet").isVisible()
    assert find(window, "paymentAmount").property("text") == f"Hold €{hold // 100}.{hold % 100:02d}"
    confirm_on_the_sheet(runtime, qtbot)
    qtbot.waitUntil(lambda: store.fuelling, timeout=20_000)
    ops = runtime.cloud.client.outbox.operations(lane="payments")
    (started,) = [op for op in ops if op.path == "/v1/fuel/sessions"]
    assert started.body["station"] == {"id": STATION_ID, "name": "Agip"}  # the map's station, as the map names it

    qtbot.waitUntil(lambda: runtime.fuel_pump.session != "", timeout=5000)
    runtime.fuel_pump.dispense(21.5)
    qtbot.waitUntil(lambda: not store.fuelling, timeout=30_000)
    receipts = store.receipts
    assert len(receipts) == 1 and receipts[0]["title"] == "Agip"
    # The list shows the receipt at once; the plugin's worker keeps it a moment later.
    qtbot.waitUntil(lambda: len(runtime.cloud.client.items("receipts")) == 1, timeout=5000)
    kept = runtime.cloud.client.items("receipts")
    (receipt,) = kept.values()
    paid = (21_500 * diesel + 500_000) // 1_000_000
    assert receipt["litres_milli"] == 21_500 and receipt["amount_cents"] == paid
    assert receipt["amount_cents"] < hold
    assert "21.50 L" in receipts[0]["subtitle"] and receipts[0]["amount"] == f"€{paid // 100}.{paid % 100:02d}"


def test_no_fuel_payment_away_from_a_station(wallet_shell, qtbot):
    runtime, window, store = wallet_shell(AT_THE_CASINO)
    qtbot.waitUntil(lambda: store.stationNote.startswith("Park at a fuel pump"), timeout=15_000)
    assert not store.canPayFuel


def test_parking_starts_and_ends_from_the_car(wallet_shell, qtbot):
    runtime, window, store = wallet_shell(AT_THE_CASINO)
    qtbot.waitUntil(lambda: bool(store.zones), timeout=15_000)
    assert store.zones[0]["name"] == "Sandbox zone Casino"
    store.startParking(60)
    settle(qtbot)
    assert find(window, "paymentAmount").property("text") == "Hold €4.80"
    confirm_on_the_sheet(runtime, qtbot)
    qtbot.waitUntil(lambda: store.parkingActive, timeout=20_000)
    assert store.parkingZone == "Sandbox zone Casino" and store.askEndOnDriveAway
    assert store._reminder.isActive()  # 10 minutes before the end
    # What it publishes for the car in motion is a valid template (the shell checks it only at a sandbox's edge).
    (template,) = runtime.host.record("org.headunit.wallet").context.templates.page_stack
    assert validate_page(template)["rows"][0]["value"] == "Sandbox zone Casino"
    store.endParking()
    qtbot.waitUntil(lambda: not store.parkingActive, timeout=20_000)
    # The receipt is kept by the plugin's worker, just after the session ends.
    qtbot.waitUntil(lambda: len(runtime.cloud.client.items("receipts")) == 1, timeout=10_000)
    (receipt,) = runtime.cloud.client.items("receipts").values()
    assert receipt["kind"] == "parking" and receipt["amount_cents"] <= 480
    # The session just ended stays on the parking page as its receipt, until the next one starts.
    shown = store.parkingReceipt
    assert shown["title"].startswith("Parking ended: €")
    assert shown["subtitle"].startswith("Sandbox zone Casino · ") and shown["subtitle"].endswith("•••• 4242")
    settle(qtbot)
    store.setTab("parking")
    settle(qtbot)
    assert find(window, "walletParkingReceipt").isVisible() and find(window, "walletPark:60").isVisible()


def test_parking_ends_when_the_car_drives_away_once_the_driver_said_so(wallet_shell, qtbot):
    runtime, window, store = wallet_shell(AT_THE_CASINO)
    qtbot.waitUntil(lambda: bool(store.zones), timeout=15_000)
    store.startParking(30)
    confirm_on_the_sheet(runtime, qtbot)
    qtbot.waitUntil(lambda: store.parkingActive, timeout=20_000)
    store.setEndOnDriveAway(True)
    runtime.simulator.applyDrive("moving")
    qtbot.waitUntil(lambda: not store.parkingActive, timeout=20_000)
    # The session ends on screen at once; the plugin's worker keeps its receipt a moment later.
    qtbot.waitUntil(lambda: len(runtime.cloud.client.items("receipts")) == 1, timeout=5000)
    assert [r["kind"] for r in runtime.cloud.client.items("receipts").values()] == ["parking"]
    settle(qtbot)
    assert find(window, "walletDriving").isVisible()  # while moving: the last receipt, nothing to pay


def test_while_moving_the_wallet_asks_for_nothing(wallet_shell, qtbot):
    runtime, window, store = wallet_shell(AT_THE_PUMP)
    qtbot.waitUntil(lambda: bool(store.fuels), timeout=15_000)
    store.choosePump(2)
    runtime.simulator.applyDrive("moving")
    settle(qtbot)
    assert not store.canPayFuel
    store.payFuel()  # even asked: the shell refuses while moving
    settle(qtbot)
    assert not find(window, "paymentSheet").isVisible()
    assert find(window, "walletDriving").isVisible()


def test_a_card_is_removed_through_the_shell_and_a_phone_is_linked_from_the_wallet(wallet_shell, qtbot):
    runtime, window, store = wallet_shell(AT_THE_CASINO)
    qtbot.waitUntil(lambda: len(store.cards) == 1, timeout=15_000)
    card = store.cards[0]["id"]
    store.removeCard(card)
    assert store.cards == []
    def removals():
        return [op for op in runtime.cloud.client.outbox.operations(lane="payments") if op.method == "DELETE"]
    qtbot.waitUntil(lambda: [op.state for op in removals()] == ["acked"], timeout=15_000)
    assert [(op.path, op.plugin, op.state) for op in removals()] == [
        (f"/v1/wallet/cards/{card}", "org.headunit.wallet", "acked")]
    store.refresh()
    settle(qtbot)
    assert store.cards == []  # a cached list from before does not bring it back
    store.addCard()
    settle(qtbot)
    assert find(window, "pairingSheet").isVisible()
