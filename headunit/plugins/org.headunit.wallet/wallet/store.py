"""WalletStore: the wallet's state for its QML, and its work with the backend (on the plugin's worker)."""

from __future__ import annotations

import math
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import Property, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.sdk import PluginContext, formats

QML_IMPORT_NAME = "HeadUnit.Plugins.Wallet"
QML_IMPORT_MAJOR_VERSION = 1

#: A fuel station counts as "here" within this distance of the car.
STATION_RADIUS_M = 50
PUMPS = 8
FUELS = ("petrol", "diesel")
#: The parking durations offered, in minutes.
DURATIONS = (30, 60, 120, 240)
REMIND_BEFORE_S = 10 * 60
#: How often a fuel session is read while the pump runs.
FUEL_POLL_MS = 3000
SETTINGS_KEY = "org.headunit.wallet"


def network_id(place_id: str) -> str:
    """The id the fuel network knows a map station by: its OpenStreetMap object, `osm:node/123456`."""
    return f"osm:{place_id}"


CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CNY": "¥"}


def brand(name: str) -> str:
    return {"amex": "American Express", "jcb": "JCB", "unionpay": "UnionPay"}.get(name.lower(), name.capitalize())


def parse_time(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


@QmlElement
@QmlUncreatable("made by the wallet app")
class WalletStore(QObject):
    changed = Signal()
    # Results from the worker, carried to the GUI thread: a function and its value.
    _result = Signal(object, object)

    def __init__(self, ctx: PluginContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._tab = "fuel"
        self._cards: list[dict] = []
        self._cards_age: float | None = None
        self._cards_error = ""
        self._receipts: dict[str, dict] = {}
        self._settings: dict[str, Any] = {}
        self._station: dict | None = None
        self._station_note = ""
        self._prices: dict[str, int] = {}
        self._price_currency = "EUR"
        self._prices_age: float | None = None
        self._pump, self._fuel = 0, "petrol"
        self._fuel_session: dict | None = None
        self._fuel_note = ""
        self._zones: list[dict] = []
        self._zone_index = 0
        self._parking: dict | None = None
        self._parking_note = ""
        self._parking_receipt: dict | None = None  # the session just ended, shown until the next one
        self._handles: list = []
        self._removed: set[str] = set()  # cards removed here: the backend names them until the removal is sent
        self._result.connect(lambda fn, value: fn(value))
        self._poll = QTimer(self, interval=FUEL_POLL_MS)
        self._poll.timeout.connect(self._poll_fuel)
        self._reminder = QTimer(self, singleShot=True)
        self._reminder.timeout.connect(self._remind)
        self._clock = QTimer(self, interval=30_000)  # ages and the time left tick on
        self._clock.timeout.connect(self.changed)

    # Lifetime

    def start(self) -> None:
        _ = self.ctx.cloud, self.ctx.maps  # made on the GUI thread, their home, before the worker uses them
        self.ctx.driving.stateChanged.connect(self._follow_driving)
        self._clock.start()
        self._work(self._load_local, self._local_loaded)
        self.refresh()
        self._publish_template()

    def stop(self) -> None:
        self._poll.stop()
        self._reminder.stop()
        self._clock.stop()

    def _work(self, fn, then) -> None:
        """`fn()` on the plugin's worker; `then((value, error))` on the GUI thread."""
        def run() -> None:
            try:
                value = (fn(), None)
            except Exception as exc:  # noqa: BLE001 - shown on the page, never a failed app
                value = (None, exc)
            self._result.emit(then, value)
        self.ctx.submit(run)

    def money(self, cents: int | None, currency: str | None = None) -> str:
        if cents is None:
            return ""
        language = QLocale().name()
        return QLocale(language).toCurrencyString(cents / 100.0,
                                                  CURRENCY_SYMBOLS.get(currency or "EUR", currency or ""), 2)

    def _age(self, seconds: float | None) -> str:
        """"just now", "5 min ago": as every screen says how old something is (headunit.sdk.formats)."""
        if seconds is None:
            return ""
        return formats.age(seconds)

    # What stays on the car: receipts, settings and the active parking session

    def _load_local(self):
        cloud = self.ctx.cloud
        return cloud.items("receipts"), cloud.items("settings").get(SETTINGS_KEY) or {}

    def _local_loaded(self, result) -> None:
        value, error = result
        if error is not None:
            self.ctx.log.info("receipts: %s", error)
            return
        receipts, settings = value
        self._receipts = {k: v for k, v in receipts.items() if isinstance(v, dict)}
        self._settings = dict(settings)
        active = self._settings.get("parking")
        if isinstance(active, dict) and active.get("status") == "active":
            self._set_parking(active)
        self.changed.emit()
        self._publish_template()

    def _save_settings(self, **changes: Any) -> None:
        self._settings.update(changes)
        settings = dict(self._settings)
        self._work(lambda: self.ctx.cloud.put("settings", SETTINGS_KEY, settings), lambda r: None)

    def _keep_receipt(self, key: str, receipt: dict) -> None:
        receipt = {**receipt, "kept_at": time.time()}
        self._receipts[key] = receipt
        self._work(lambda: self.ctx.cloud.put("receipts", key, receipt), lambda r: None)
        self.changed.emit()
        self._publish_template()

    # Reading from the backend

    @Slot()
    def refresh(self) -> None:
        self._work(lambda: self._get("/v1/wallet/cards"), self._cards_loaded)
        self._find_station()
        self._find_zones()

    def _get(self, path: str, params: dict | None = None):
        reading = self.ctx.cloud.get(path, params)
        return reading.data, (reading.age_seconds if reading.stale else None)

    def _cards_loaded(self, result) -> None:
        value, error = result
        if error is not None:
            self._cards_error = self.ctx.tr("Cards are not available offline yet")
        else:
            data, self._cards_age = value
            self._cards = [c for c in (data or {}).get("items", [])
                           if "payment_method_id" in c and c["payment_method_id"] not in self._removed]
            self._cards_error = ""
        self.changed.emit()

    def _here(self) -> tuple[float, float] | None:
        lat, lon = self.ctx.vehicle.latitude, self.ctx.vehicle.longitude
        return None if math.isnan(lat) or math.isnan(lon) else (lat, lon)

    def _find_station(self) -> None:
        here = self._here()
        if here is None:
            self._station, self._station_note = None, self.ctx.tr("Waiting for the car's position")
            self.changed.emit()
            return

        def find():
            places = self.ctx.maps.nearest("fuel", here, limit=1)
            return places[0] if places else None

        self._work(find, self._station_found)

    def _station_found(self, result) -> None:
        place, error = result
        if error is not None or place is None:
            self._station, self._station_note = None, self.ctx.tr("No fuel station on the map here")
        elif place.distance_m > STATION_RADIUS_M:
            self._station = None
            self._station_note = self.ctx.tr("Park at a fuel pump to pay for fuel (nearest: %1, %2)") \
                .replace("%1", place.name or self.ctx.tr("fuel station")).replace("%2", formats.distance(place.distance_m))
        else:
            self._station = {"id": network_id(place.id), "name": place.name or self.ctx.tr("Fuel station")}
            self._station_note = ""
            station_id = self._station["id"]
            self._work(lambda: self._get("/v1/fuel/prices", {"station": station_id}), self._prices_loaded)
        self.changed.emit()

    def _prices_loaded(self, result) -> None:
        value, error = result
        if error is not None:
            self._prices = {}
            self._station_note = self.ctx.tr("This station does not take payments from the car") \
                if any(code in str(error) for code in ("404", "422", "not_found")) else \
                self.ctx.tr("Fuel prices are not available right now")
            self.ctx.log.info("fuel prices: %s", error)  # the reason, for support; not for the driver
        else:
            data, self._prices_age = value
            self._prices = {k: int(v) for k, v in (data.get("prices") or {}).items() if k in FUELS}
            # A real station on the map, demo prices: say so.
            self._station_note = self.ctx.tr("Demo prices: no fuel is sold") \
                if data.get("sandbox") else ""
            self._price_currency = data.get("currency", "EUR")
            if self._fuel not in self._prices and self._prices:
                self._fuel = next(iter(self._prices))
        self.changed.emit()

    def _find_zones(self) -> None:
        here = self._here()
        if here is None:
            return
        self._work(lambda: self._get("/v1/parking/zones", {"lat": round(here[0], 5), "lon": round(here[1], 5)}),
                   self._zones_loaded)

    def _zones_loaded(self, result) -> None:
        value, error = result
        if error is not None:
            self._zones, self._parking_note = [], self.ctx.tr("Parking zones are not available: %1").replace("%1", str(error))
        else:
            data, _age = value
            items = data.get("items", data.get("zones", [])) if isinstance(data, dict) else data
            self._zones = [z for z in items or [] if isinstance(z, dict) and "zone_id" in z]
            self._zone_index = 0
            self._parking_note = "" if self._zones else self.ctx.tr("No parking zone here")
        self.changed.emit()

    # Fuel

    def _tank_litres(self) -> int:
        try:
            return int(self.ctx.setting("tank_litres"))
        except (KeyError, TypeError, ValueError):
            return 50

    def hold_cents(self) -> int:
        """The hold: a full tank at the station's price, rounded up to the cent."""
        price = self._prices.get(self._fuel)
        return 0 if price is None else math.ceil(self._tank_litres() * price / 1000)

    def _default_card(self) -> str | None:
        card = self._settings.get("default_card")
        return card if any(c["payment_method_id"] == card for c in self._cards) else None

    @Slot(int)
    def choosePump(self, pump: int) -> None:
        if 1 <= pump <= PUMPS:
            self._pump = pump
            self.changed.emit()

    @Slot(str)
    def chooseFuel(self, fuel: str) -> None:
        if fuel in self._prices:
            self._fuel = fuel
            self.changed.emit()

    @Slot()
    def payFuel(self) -> None:
        station, hold = self._station, self.hold_cents()
        if station is None or not self._pump or hold <= 0 or self._fuel_session is not None:
            return
        currency = self._price_currency
        price = self._prices[self._fuel]
        body = {"station": dict(station), "pump": self._pump, "fuel": self._fuel, "hold_cents": hold,
                "currency": currency}
        handle = self.ctx.payments.request(
            kind="fuel", merchant=station, amount_cents=hold, hold=True, currency=currency,
            reference=f"pump-{self._pump}",
            details=[{"label": self.ctx.tr("Pump"), "value": str(self._pump)},
                     {"label": self.ctx.tr("Fuel"), "value": f"{self.fuelName(self._fuel)} · "
                                                          f"{self.price_text(price, currency)}"},
                     {"label": self.ctx.tr("Hold for"), "value": f"{self._tank_litres()} L"}],
            request={"method": "POST", "path": "/v1/fuel/sessions", "body": body},
            payment_method_id=self._default_card())
        self._fuel_note = self.ctx.tr("Confirm on the screen")
        self._track(handle, self._fuel_outcome)
        self.changed.emit()

    def price_text(self, milli_per_litre: int, currency: str) -> str:
        return QLocale(QLocale().name()).toCurrencyString(milli_per_litre / 100_000,
                                                          CURRENCY_SYMBOLS.get(currency, currency), 3) + "/L"

    def _track(self, handle, then) -> None:
        self._handles.append(handle)

        def outcome(state: str, details: dict) -> None:
            then(state, details)
            if handle.done and handle in self._handles:
                self._handles.remove(handle)
        handle.outcome.connect(outcome)

    def _fuel_outcome(self, state: str, details: dict) -> None:
        match state:
            case "queued":
                self._fuel_note = self.ctx.tr("Waiting to send")
            case "sent":
                self._fuel_note = self.ctx.tr("Sent, waiting for the station")
            case "succeeded":
                self._fuel_session = details.get("answer") or {}
                self._fuel_note = self.ctx.tr("Pump %1 is ready: start fuelling").replace("%1", str(self._pump))
                self._poll.start()
            case "refused":
                self._fuel_note = self.ctx.tr("Refused: %1").replace("%1", details.get("reason") or details.get("code", ""))
            case "failed":
                self._fuel_note = self.ctx.tr("Not sent: %1").replace("%1", details.get("reason", ""))
            case "declined_by_driver":
                self._fuel_note = ""
        self.changed.emit()
        self._publish_template()

    def _poll_fuel(self) -> None:
        session = self._fuel_session
        if not session or "session_id" not in session:
            self._poll.stop()
            return
        path = f"/v1/fuel/sessions/{session['session_id']}"
        # The backend answers a session with Cache-Control: no-cache: every read asks it again.
        self._work(lambda: self._get(path), self._fuel_read)

    def _fuel_read(self, result) -> None:
        value, error = result
        if error is not None or self._fuel_session is None:
            return
        session, _age = value
        self._fuel_session = session
        if session.get("status") in ("completed", "canceled"):
            self._poll.stop()
            self._fuel_session = None
            if session.get("status") == "completed":
                self._keep_receipt(f"fuel-{session['session_id']}", self._fuel_receipt(session))
                self._fuel_note = self.ctx.tr("Paid %1 for %2 L").replace("%1", self.money(
                    session.get("amount_cents"), session.get("currency"))).replace(
                    "%2", f"{session.get('litres_milli', 0) / 1000:.2f}")
            else:
                self._fuel_note = self.ctx.tr("Cancelled: the hold was released")
        self.changed.emit()

    def _fuel_receipt(self, session: dict) -> dict:
        payment = session.get("payment") or {}
        return {"kind": "fuel", "merchant": (session.get("station") or {}).get("name", ""),
                "amount_cents": session.get("amount_cents"), "currency": session.get("currency", "EUR"),
                "hold_cents": session.get("hold_cents"), "litres_milli": session.get("litres_milli"),
                "pump": session.get("pump"), "fuel": session.get("fuel"), "card": payment.get("card") or {},
                "time": time.time(), "session_id": session.get("session_id")}

    @Slot()
    def cancelFuel(self) -> None:
        session = self._fuel_session
        if session and "session_id" in session:
            handle = self.ctx.payments.finish("POST", f"/v1/fuel/sessions/{session['session_id']}/cancel")
            self._track(handle, lambda state, details: self._poll_fuel() if state == "succeeded" else None)

    # Parking

    @Slot(int)
    def chooseZone(self, index: int) -> None:
        if 0 <= index < len(self._zones):
            self._zone_index = index
            self.changed.emit()

    def _zone(self) -> dict | None:
        return self._zones[self._zone_index] if self._zones else None

    def parking_estimate(self, minutes: int) -> int:
        zone = self._zone()
        return 0 if zone is None else math.ceil(zone.get("rate_cents_per_hour", 0) * minutes / 60)

    @Slot(int)
    def startParking(self, minutes: int) -> None:
        zone = self._zone()
        if zone is None or self._parking is not None or minutes not in DURATIONS:
            return
        end = datetime.now(timezone.utc) + timedelta(minutes=minutes)
        estimate = max(1, self.parking_estimate(minutes))
        handle = self.ctx.payments.request(
            kind="parking", merchant={"id": zone["zone_id"], "name": zone.get("name", zone["zone_id"])},
            amount_cents=estimate, hold=True, currency=zone.get("currency", "EUR"), reference=zone["zone_id"],
            details=[{"label": self.ctx.tr("Rate"), "value": self.ctx.tr("%1 per hour").replace(
                         "%1", self.money(zone.get("rate_cents_per_hour"), zone.get("currency")))},
                     {"label": self.ctx.tr("Until"), "value": formats.clock(end.timestamp())}],
            request={"method": "POST", "path": "/v1/parking/sessions",
                     "body": {"zone_id": zone["zone_id"], "expected_end": end.isoformat().replace("+00:00", "Z")}},
            payment_method_id=self._default_card())
        self._parking_note = self.ctx.tr("Confirm on the screen")
        self._parking_receipt = None
        self._track(handle, self._parking_outcome)
        self.changed.emit()

    def _parking_outcome(self, state: str, details: dict) -> None:
        match state:
            case "queued":
                self._parking_note = self.ctx.tr("Waiting to send")
            case "sent":
                self._parking_note = self.ctx.tr("Sent, waiting for the parking operator")
            case "succeeded":
                session = details.get("answer") or {}
                self._parking_note = ""
                self._set_parking(session)
                self._save_settings(parking=session)
            case "refused":
                self._parking_note = self.ctx.tr("Refused: %1").replace("%1", details.get("reason") or details.get("code", ""))
            case "failed":
                self._parking_note = self.ctx.tr("Not sent: %1").replace("%1", details.get("reason", ""))
            case "declined_by_driver":
                self._parking_note = ""
        self.changed.emit()
        self._publish_template()

    def _set_parking(self, session: dict | None) -> None:
        self._parking = session
        self._reminder.stop()
        end = parse_time(session.get("expected_end")) if session else None
        if end is not None:
            due = end - REMIND_BEFORE_S - time.time()
            if due > 0:
                self._reminder.start(int(min(due, 2**31 - 1) * 1000) if due * 1000 < 2**31 - 1 else 2**31 - 1)

    def _remind(self) -> None:
        if self._parking is not None:
            zone = (self._parking.get("zone") or {}).get("name", "")
            self.ctx.notify(self.ctx.tr("Parking ends in 10 minutes"), zone, "warning")

    @Slot()
    def endParking(self) -> None:
        session = self._parking
        if not session or "session_id" not in session or session.get("ending"):
            return
        session["ending"] = True
        handle = self.ctx.payments.finish("POST", f"/v1/parking/sessions/{session['session_id']}/end")
        self._parking_note = self.ctx.tr("Ending parking…")
        self._track(handle, self._parking_ended)
        self.changed.emit()

    def _parking_ended(self, state: str, details: dict) -> None:
        if state == "succeeded":
            session = details.get("answer") or {}
            payment = session.get("payment") or {}
            receipt = {
                "kind": "parking", "merchant": (session.get("zone") or {}).get("name", ""),
                "amount_cents": session.get("amount_cents"), "currency": session.get("currency", "EUR"),
                "started_at": session.get("started_at"), "ended_at": session.get("ended_at"),
                "card": payment.get("card") or {}, "time": time.time(), "session_id": session.get("session_id")}
            self._keep_receipt(f"parking-{session.get('session_id')}", receipt)
            self._parking_receipt = receipt
            self._set_parking(None)
            self._save_settings(parking=None)
            self._parking_note = ""
        elif state in ("refused", "failed"):
            if self._parking:
                self._parking.pop("ending", None)
            self._parking_note = self.ctx.tr("Parking could not be ended: %1").replace(
                "%1", details.get("reason") or details.get("code", ""))
        self.changed.emit()
        self._publish_template()

    @Slot(bool)
    def setEndOnDriveAway(self, yes: bool) -> None:
        self._save_settings(end_on_drive_away=yes)
        self.changed.emit()

    def _follow_driving(self) -> None:
        if not self.ctx.driving.parked and self._parking is not None \
                and self._settings.get("end_on_drive_away") is True and self.ctx.driving.state == "moving":
            self.ctx.toast(self.ctx.tr("Ending parking: the car drove away"))
            self.endParking()
        self.changed.emit()
        self._publish_template()

    # Cards

    @Slot(str)
    def makeDefault(self, card: str) -> None:
        self._save_settings(default_card=card)
        self.changed.emit()

    @Slot(str)
    def removeCard(self, card: str) -> None:
        handle = self.ctx.payments.finish("DELETE", f"/v1/wallet/cards/{card}")
        self._removed.add(card)

        def removed(state: str, details: dict) -> None:
            if state in ("refused", "failed"):
                self._removed.discard(card)
                self.ctx.toast(self.ctx.tr("The card could not be removed"), "warning")
                self.refresh()
        self._track(handle, removed)
        self._cards = [c for c in self._cards if c["payment_method_id"] != card]
        self.changed.emit()

    @Slot()
    def addCard(self) -> None:
        self.ctx.payments.link_phone()

    # The driving template (drawn by the shell for the sandboxed wallet; kept otherwise)

    def _publish_template(self) -> None:
        rows = []
        if self._parking is not None:
            title = self.ctx.tr("Parking")
            rows.append({"label": self.ctx.tr("Zone"), "value": (self._parking.get("zone") or {}).get("name", "")})
            rows.append({"label": self.ctx.tr("Until"), "value": self.parkingUntil})
        else:
            receipt = self._last_receipt()
            title = self.ctx.tr("Last receipt") if receipt else self.ctx.tr("Wallet")
            if receipt:
                rows.append({"label": receipt.get("merchant", ""), "value": self.money(receipt.get("amount_cents"),
                                                                                     receipt.get("currency"))})
                rows.append({"label": self.ctx.tr("When"), "value": self._age(time.time() - receipt.get("time", 0))})
        try:
            self.ctx.templates.show("pane", title=title, subtitle=self.ctx.tr("Payments are available when parked"),
                                    icon="mdi6.wallet-outline", rows=rows[:4])
        except ValueError as exc:
            self.ctx.log.warning("template: %s", exc)

    def _last_receipt(self) -> dict | None:
        return max(self._receipts.values(), key=lambda r: r.get("time", 0), default=None)

    # What QML reads

    @Property(str, notify=changed, final=True)
    def tab(self) -> str:
        return self._tab

    @Slot(str)
    def setTab(self, tab: str) -> None:
        if tab in ("fuel", "parking", "cards", "receipts"):
            self._tab = tab
            if tab in ("fuel", "parking", "cards"):
                self.refresh()
            self.changed.emit()

    @Property(bool, notify=changed, final=True)
    def parked(self) -> bool:
        return self.ctx.driving.parked

    @Property("QVariantList", notify=changed, final=True)
    def cards(self) -> list:
        default = self._settings.get("default_card") or (self._cards[0]["payment_method_id"] if self._cards else "")
        return [{"id": c["payment_method_id"], "text": f"{brand(c.get('brand', ''))} •••• {c.get('last4', '')}",
                 "isDefault": c["payment_method_id"] == default} for c in self._cards]

    @Property(str, notify=changed, final=True)
    def cardsNote(self) -> str:
        if self._cards_error:
            return self._cards_error
        if self._cards_age is not None:
            return self.ctx.tr("Offline: cards as of %1").replace("%1", self._age(self._cards_age))
        return "" if self._cards else self.ctx.tr("No card yet: add one with your phone")

    @Property("QVariantList", notify=changed, final=True)
    def receipts(self) -> list:
        now = time.time()
        rows = []
        for key, r in sorted(self._receipts.items(), key=lambda kv: -kv[1].get("time", 0)):
            card = r.get("card") or {}
            if r.get("kind") == "fuel":
                what = self.ctx.tr("Fuel · pump %1 · %2 L").replace("%1", str(r.get("pump", ""))).replace(
                    "%2", f"{(r.get('litres_milli') or 0) / 1000:.2f}")
            else:
                what = self.ctx.tr("Parking")
            rows.append({"key": key, "title": r.get("merchant", ""), "amount": self.money(r.get("amount_cents"),
                                                                                      r.get("currency")),
                         "subtitle": " · ".join(p for p in (what, self._age(now - r.get("time", now)),
                                                            f"{brand(card.get('brand', ''))} •••• {card.get('last4', '')}"
                                                            if card.get("last4") else "") if p),
                         "icon": "mdi6.gas-station" if r.get("kind") == "fuel" else "mdi6.parking"})
        return rows

    @Property(str, notify=changed, final=True)
    def stationName(self) -> str:
        return self._station["name"] if self._station else ""

    @Property(str, notify=changed, final=True)
    def stationNote(self) -> str:
        return self._station_note

    @Property(int, notify=changed, final=True)
    def pump(self) -> int:
        return self._pump

    @Property(str, notify=changed, final=True)
    def fuel(self) -> str:
        return self._fuel

    @Property("QVariantList", notify=changed, final=True)
    def fuels(self) -> list:
        return [{"id": f, "name": self.fuelName(f), "price": self.price_text(p, self._price_currency)}
                for f, p in self._prices.items()]

    def fuelName(self, fuel: str) -> str:
        return {"petrol": self.ctx.tr("Petrol"), "diesel": self.ctx.tr("Diesel")}.get(fuel, fuel)

    @Property(str, notify=changed, final=True)
    def holdText(self) -> str:
        hold = self.hold_cents()
        if not hold:
            return ""
        return self.ctx.tr("Hold %1 for %2 L: you pay for what you pump").replace(
            "%1", self.money(hold, self._price_currency)).replace("%2", str(self._tank_litres()))

    @Property(bool, notify=changed, final=True)
    def canPayFuel(self) -> bool:
        return (self.parked and self._station is not None and self._pump > 0 and self.hold_cents() > 0
                and self._fuel_session is None)

    @Property(bool, notify=changed, final=True)
    def fuelling(self) -> bool:
        return self._fuel_session is not None

    @Property(str, notify=changed, final=True)
    def fuelNote(self) -> str:
        return self._fuel_note

    @Property("QVariantList", notify=changed, final=True)
    def zones(self) -> list:
        return [{"name": z.get("name", z["zone_id"]),
                 "rate": self.ctx.tr("%1 per hour").replace("%1", self.money(z.get("rate_cents_per_hour"),
                                                                           z.get("currency")))}
                for z in self._zones]

    @Property(int, notify=changed, final=True)
    def zoneIndex(self) -> int:
        return self._zone_index

    @Property("QVariantList", notify=changed, final=True)
    def durations(self) -> list:
        def label(m: int) -> str:
            return self.ctx.tr("%1 min").replace("%1", str(m)) if m < 60 else self.ctx.tr("%1 h").replace("%1", str(m // 60))
        zone = self._zone()
        return [{"minutes": m, "label": label(m),
                 "price": self.money(self.parking_estimate(m), zone.get("currency")) if zone else ""}
                for m in DURATIONS]

    @Property(bool, notify=changed, final=True)
    def parkingActive(self) -> bool:
        return self._parking is not None

    @Property(str, notify=changed, final=True)
    def parkingZone(self) -> str:
        return (self._parking.get("zone") or {}).get("name", "") if self._parking else ""

    @Property(str, notify=changed, final=True)
    def parkingUntil(self) -> str:
        end = parse_time(self._parking.get("expected_end")) if self._parking else None
        if end is None:
            return ""
        left = max(0.0, end - time.time())
        return self.ctx.tr("%1 (%2 left)").replace("%1", formats.clock(end)).replace("%2", formats.duration(left))

    @Property(str, notify=changed, final=True)
    def parkingNote(self) -> str:
        return self._parking_note

    @Property("QVariantMap", notify=changed, final=True)
    def parkingReceipt(self) -> dict:
        """The session just ended, as its receipt: what was paid, where, from when to when, with which card."""
        r = self._parking_receipt
        if not r:
            return {}
        started, ended = parse_time(r.get("started_at")), parse_time(r.get("ended_at"))
        card = r.get("card") or {}
        period = "–".join(formats.clock(t) for t in (started, ended)) \
            if started is not None and ended is not None else ""
        return {"title": self.ctx.tr("Parking ended: %1").replace("%1", self.money(r.get("amount_cents"),
                                                                                   r.get("currency"))),
                "subtitle": " · ".join(p for p in (r.get("merchant", ""), period,
                                                   f"{brand(card.get('brand', ''))} •••• {card.get('last4')}"
                                                   if card.get("last4") else "") if p)}

    @Property(bool, notify=changed, final=True)
    def askEndOnDriveAway(self) -> bool:
        """Asked once, while a session runs: end it when the car drives away?"""
        return self._parking is not None and "end_on_drive_away" not in self._settings

    @Property(bool, notify=changed, final=True)
    def endOnDriveAway(self) -> bool:
        return self._settings.get("end_on_drive_away") is True

    @Property(str, notify=changed, final=True)
    def lastReceipt(self) -> str:
        r = self._last_receipt()
        if not r:
            return ""
        return f"{r.get('merchant', '')} · {self.money(r.get('amount_cents'), r.get('currency'))} · " \
               f"{self._age(time.time() - r.get('time', time.time()))}"
