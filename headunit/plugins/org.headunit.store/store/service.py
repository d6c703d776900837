"""ServiceDesk: fitting at a workshop and the car's maintenance, for the store's QML (exposed as `service`).

- Workshops near the car, or along the route being guided in the order the car reaches them, and the free
  slots of a day for the basket's fitting time (the checkout's WorkshopPicker).
- Orders and bookings, read with `ctx.cloud.get` (the cache answers offline, with its age), plus the orders
  confirmed on this car and not yet at the backend ("Waiting to send").
- Changing and cancelling a booking: `ctx.cloud.submit("bookings", ...)`, followed to its answer through
  `ctx.cloud.finished`. Reminders before an appointment (60 and 15 minutes), once each, re-armed from the cached
  bookings after a restart.
- Maintenance from `service_plan` for the car's profile and odometer, with the parts that fit each item, "mark
  as done" kept on the car, and one notification when an item becomes due.

Every backend call and write runs on the plugin's worker; results come back to the GUI thread through a signal.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import time
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Property, QDate, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.sdk import HeadUnitError, IntentError, PluginContext

from .service_geo import (ROUTE_CORRIDOR_M, RouteShape, along_route, haversine_m, nearest_first,
                          sample_radius_km)
from .service_times import (due_reminders, epoch, next_reminder_at, open_now, parse_time, slot_days, wall_clock)

QML_IMPORT_NAME = "HeadUnit.Plugins.Store"
QML_IMPORT_MAJOR_VERSION = 1

#: Workshops near the car: the backend's search radius.
NEAR_RADIUS_KM = 25
#: The workshops near the car are searched again once it has moved this far.
RESEARCH_AFTER_M = 1_000.0
#: The backend's search around the car is cached by position rounded to about 100 m.
POSITION_DECIMALS = 3
#: A workshop books at least this long, even for parts it only hands over (the backend's rule).
HANDOVER_MINUTES = 30
#: Ages and reminders are looked at this often.
TICK_MS = 30_000
#: An order confirmed on the car that never reached the backend is no longer shown after this long (the
#: shell sends a payment within 10 minutes or never).
PENDING_ORDER_LIFETIME_S = 15 * 60
#: The key of the order the shop's checkout is paying for right now.
CHECKOUT = "checkout"
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CNY": "¥", "CHF": "CHF"}
FULFILMENT_ICONS = {"processing": "mdi6.progress-clock", "shipped": "mdi6.truck-delivery-outline",
                    "ready": "mdi6.store-outline", "delivered": "mdi6.package-variant-closed",
                    "fitted": "mdi6.check-decagram"}
MAINTENANCE_ICONS = {"oil": "mdi6.oil", "oil_filter": "mdi6.filter-outline", "air_filter": "mdi6.air-filter",
                     "cabin_filter": "mdi6.fan", "wipers": "mdi6.wiper", "tyres": "mdi6.tire"}
STATE_ORDER = {"due": 0, "soon": 1, "unknown": 2, "ok": 3}
#: Short date patterns by language (QLocale name prefix): without and with the year; the last is the default.
DATE_PATTERNS = (("zh", "M月d日 ddd", "yyyy年M月d日"), ("de", "ddd, d. MMM", "d. MMM yyyy"),
                 ("en_US", "ddd, MMM d", "MMM d, yyyy"), ("", "ddd d MMM", "d MMM yyyy"))

SCHEMA = """
CREATE TABLE IF NOT EXISTS service_reminders (key TEXT PRIMARY KEY, sent_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS service_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, item TEXT NOT NULL, km REAL, date TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS service_due_notified (key TEXT PRIMARY KEY, sent_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS service_pending_orders (
    id TEXT PRIMARY KEY, state TEXT NOT NULL, confirmed_at REAL NOT NULL, order_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS service_booking_ops (
    op_id TEXT PRIMARY KEY, booking_id TEXT NOT NULL, kind TEXT NOT NULL, slot_start TEXT, submitted_at REAL NOT NULL);
"""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


@QmlElement
@QmlUncreatable("made by the store app")
class ServiceDesk(QObject):
    changed = Signal()
    workshopsChanged = Signal()
    slotsChanged = Signal()
    ordersChanged = Signal()
    maintenanceChanged = Signal()
    # Results from the worker, carried to the GUI thread: a function and its value.
    _result = Signal(object, object)

    def __init__(self, ctx: PluginContext, shop: Any, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.time):
        super().__init__(parent)
        self.ctx, self.shop, self._clock = ctx, shop, clock
        self._db = None
        # Workshops and slots
        self._mode = "near"
        self._workshops: list[dict] = []
        self._workshops_note = ""
        self._workshops_loading = False
        self._workshops_request = 0
        self._searched_at: tuple[float, float] | None = None
        self._slot_workshop: dict = {}
        self._slot_minutes = 60
        self._slot_day = 0
        self._slots: list[dict] = []
        self._slots_note = ""
        self._slots_request = 0
        # Orders and bookings
        self._orders: list[dict] = []
        self._orders_fetched: float | None = None  # when the backend's answer shown was made (epoch), if stale
        self._orders_note = ""
        self._bookings: list[dict] = []
        self._bookings_known = False
        self._pending: dict[str, dict] = {}
        self._ops: dict[str, dict] = {}
        self._booking_notes: dict[str, str] = {}
        self._order_id = ""
        self._booking_id = ""
        self._checkout_key: str | None = None
        self._confirmed: dict[str, dict] = {}  # orders placed from this car while it runs, by id
        # Reminders and maintenance
        self._sent: set[str] = set()
        self._due_sent: set[str] = set()
        self._history: dict[str, dict] = {}
        self._plan: list[dict] = []
        self._plan_note = ""
        self._plan_odometer: float | None = None
        self._plan_key: tuple | None = None
        self._item_key = ""
        self._parts: dict[str, list[dict]] = {}

        self._local_loaded = False  # until then, nothing is reminded of or notified: what was sent is unknown
        self._result.connect(lambda fn, value: fn(value))
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._reminder = QTimer(self, singleShot=True)
        self._reminder.timeout.connect(self._remind)

    # Lifetime

    def start(self) -> None:
        # The database is the plugin's one connection, shared with the shop: it is opened and used on the
        # worker only, where calls take turns, so neither opens it twice nor interleaves a transaction.
        self._work(self._read_local, self._local_read)
        try:
            _ = self.ctx.cloud  # made on the GUI thread, its home, before the worker uses it
            self.ctx.cloud.finished.connect(self._op_finished)
        except HeadUnitError as exc:
            self.ctx.log.info("service: no backend: %s", exc)
        self.ctx.driving.stateChanged.connect(self.changed)
        confirmed = getattr(self.shop, "orderConfirmed", None)
        if confirmed is not None:
            confirmed.connect(self.order_confirmed)
        shop_changed = getattr(self.shop, "changed", None)
        if shop_changed is not None:
            shop_changed.connect(self._follow_checkout)
            shop_changed.connect(self.changed)  # the basket's fitting time
        try:
            moved = getattr(self.ctx.vehicle, "latitudeChanged", None)
        except HeadUnitError:
            moved = None
        if moved is not None:
            moved.connect(self._car_moved)
        route = getattr(self._navigation(), "routeChanged", None)
        if route is not None:
            route.connect(self._route_changed)
        profile = getattr(self._vehicle_profile(), "changed", None)
        if profile is not None:
            profile.connect(self._profile_changed)
        self._tick.start()
        self.refreshWorkshops()

    def stop(self) -> None:
        self._tick.stop()
        self._reminder.stop()

    def _refuse(self, message: str) -> None:
        """A call from the page that cannot be done (stale or wrong arguments): said in the log, and the app
        goes on; an exception in a slot would close the whole store."""
        self.ctx.log.warning("service: %s", message)

    def _work(self, fn: Callable[[], Any], then: Callable[[tuple[Any, BaseException | None]], None]) -> None:
        """`fn()` on the plugin's worker; `then((value, error))` on the GUI thread."""
        def run() -> None:
            try:
                value = (fn(), None)
            except Exception as exc:  # noqa: BLE001 - said on the page, never a failed app
                value = (None, exc)
            self._result.emit(then, value)
        self.ctx.submit(run)

    def _write(self, sql: str, *params: Any) -> None:
        def write() -> None:
            if self._db is None:  # it could not be opened: _local_read said so
                return
            with self._db:  # opened by the first call on the worker, _read_local
                self._db.execute(sql, params)
        self.ctx.submit(write)

    def _read_local(self) -> dict:
        """On the worker: what the car keeps (reminders sent, maintenance history, orders waiting to send,
        booking changes under way)."""
        db = self._db = self.ctx.storage()
        with db:
            db.executescript(SCHEMA)
        return {
            "sent": [row[0] for row in db.execute("SELECT key FROM service_reminders")],
            "due_sent": [row[0] for row in db.execute("SELECT key FROM service_due_notified")],
            "history": db.execute("SELECT item, km, date FROM service_history ORDER BY id").fetchall(),
            "pending": db.execute("SELECT id, state, confirmed_at, order_json FROM service_pending_orders").fetchall(),
            "ops": db.execute("SELECT op_id, booking_id, kind, slot_start FROM service_booking_ops").fetchall()}

    def _local_read(self, result) -> None:
        local, error = result
        if error is not None:
            self.ctx.log.warning("service: the car's own records cannot be read: %s", error)
            local = {"sent": [], "due_sent": [], "history": [], "pending": [], "ops": []}
        self._sent |= set(local["sent"])
        self._due_sent |= set(local["due_sent"])
        for item, km, date in local["history"]:
            self._history[item] = {"km": km, "date": date}
        now = self._clock()
        for key, state, confirmed_at, order_json in local["pending"]:
            if now - confirmed_at < PENDING_ORDER_LIFETIME_S:
                self._pending.setdefault(key, {"state": state, "confirmed_at": confirmed_at, **json.loads(order_json)})
        for op_id, booking_id, kind, slot_start in local["ops"]:
            self._ops.setdefault(op_id, {"booking_id": booking_id, "kind": kind, "slot_start": slot_start})
        self._local_loaded = True
        self.refreshOrders()
        self.refreshMaintenance()

    def _on_tick(self) -> None:
        self._remind()
        self._drop_old_pending()
        self.changed.emit()
        self.ordersChanged.emit()

    def _car_moved(self) -> None:
        """Near the car: the list follows the car, searched again once it is a kilometre from the last search
        (or has its first position)."""
        here = self._here()
        if self._mode != "near" or here is None:
            return
        if self._searched_at is None or haversine_m(here, self._searched_at) > RESEARCH_AFTER_M:
            self.refreshWorkshops()

    def _route_changed(self) -> None:
        if self._mode == "route":
            self.refreshWorkshops()
        self.changed.emit()

    def _profile_changed(self) -> None:
        """The profile changed, or its odometer's tenth of a kilometre: the plan is made again once a whole
        kilometre more is on it (or anything else changed)."""
        try:
            profile = self.shop.profile()
        except Exception:  # noqa: BLE001 - refreshMaintenance says what is missing
            profile = None
        odometer = self._odometer_km(profile)
        key = (repr(profile), None if odometer is None else int(odometer))
        if key != self._plan_key:
            self._plan_key = key
            self.refreshMaintenance()

    # Text helpers

    def _money(self, cents: Any, currency: str | None) -> str:
        if not _is_number(cents):
            return ""
        return QLocale(QLocale().name()).toCurrencyString(cents / 100.0,
                                                          CURRENCY_SYMBOLS.get(currency or "EUR", currency or ""), 2)

    def _updated(self, fetched: float | None) -> str:
        """"Updated 9 min ago" for an answer from the cache; "" for a fresh one."""
        if fetched is None:
            return ""
        minutes = int(max(0.0, self._clock() - fetched) // 60)
        if minutes < 1:
            return self.ctx.tr("Updated just now")
        if minutes < 60:
            return self.ctx.tr("Updated %1 min ago").replace("%1", str(minutes))
        if minutes < 48 * 60:
            return self.ctx.tr("Updated %1 h ago").replace("%1", str(minutes // 60))
        return self.ctx.tr("Updated %1 days ago").replace("%1", str(minutes // (24 * 60)))

    def _date_pattern(self, with_year: bool) -> str:
        """How the driver's language writes a short date: "Tue 8 Dec", "Di., 8. Dez.", "12月8日 周二"."""
        language = QLocale().name()
        for prefix, short, long in DATE_PATTERNS:
            if language.startswith(prefix):
                return long if with_year else short
        return DATE_PATTERNS[-1][2] if with_year else DATE_PATTERNS[-1][1]

    def _date_text(self, value: dt.datetime | dt.date) -> str:
        locale = QLocale(QLocale().name())
        return locale.toString(QDate(value.year, value.month, value.day), self._date_pattern(False))

    def _day_text(self, day: dt.date) -> str:
        """"7 Dec 2026", in the driver's language."""
        return QLocale(QLocale().name()).toString(QDate(day.year, day.month, day.day), self._date_pattern(True))

    def _when(self, start: str | None) -> str:
        """"Tue 8 Dec, 14:30": the appointment on the workshop's own clock."""
        value = parse_time(start)
        if value is None:
            return ""
        today = dt.datetime.fromtimestamp(self._clock(), value.tzinfo).date()
        day = value.date()
        if day == today:
            label = self.ctx.tr("Today")
        elif day == today + dt.timedelta(days=1):
            label = self.ctx.tr("Tomorrow")
        else:
            label = self._date_text(day)
        return self.ctx.tr("%1, %2").replace("%1", label).replace("%2", wall_clock(start))

    def _fulfilment_text(self, state: str, delivery: dict | None) -> str:
        return {"processing": self.ctx.tr("Processing"), "shipped": self.ctx.tr("Shipped"),
                "ready": self.ctx.tr("Ready at the workshop"), "delivered": self.ctx.tr("Delivered"),
                "fitted": self.ctx.tr("Fitted")}.get(state, state)

    def _here(self) -> tuple[float, float] | None:
        try:
            lat, lon = self.ctx.vehicle.latitude, self.ctx.vehicle.longitude
        except HeadUnitError:
            return None
        return None if math.isnan(lat) or math.isnan(lon) else (lat, lon)

    def _navigation(self):
        try:
            return self.ctx.navigation.state
        except (HeadUnitError, AttributeError):
            return None

    def _route_shape(self) -> list:
        state = self._navigation()
        if state is None or not state.property("active"):
            return []
        return list(state.property("routeShape") or [])

    # Workshops

    @Property(str, notify=workshopsChanged, final=True)
    def workshopMode(self) -> str:
        return self._mode

    @Property(bool, notify=changed, final=True)
    def routeActive(self) -> bool:
        return len(self._route_shape()) >= 2

    @Slot(str)
    def setWorkshopMode(self, mode: str) -> None:
        if mode not in ("near", "route"):
            return self._refuse(f"setWorkshopMode: expected 'near' or 'route', got {mode!r}")
        if mode != self._mode:
            self._mode = mode
            self.refreshWorkshops()

    @Slot()
    def refreshWorkshops(self) -> None:
        self._workshops_request += 1
        request = self._workshops_request
        here = self._here()
        if self._mode == "route":
            shape = self._route_shape()
            if len(shape) < 2:
                self._show_workshops(request, [], self.ctx.tr("No route is being guided"))
                return
            self._workshops_loading = True
            self._work(lambda: self._workshops_along(shape, here), lambda r: self._workshops_loaded(request, r))
        else:
            if here is None:
                self._show_workshops(request, [], self.ctx.tr("Waiting for the car's position"))
                return
            self._workshops_loading = True
            self._searched_at = here
            params = {"lat": round(here[0], POSITION_DECIMALS), "lon": round(here[1], POSITION_DECIMALS),
                      "radius_km": NEAR_RADIUS_KM}

            def near():
                reading = self.ctx.cloud.get("/v1/workshops", params)
                items = (reading.data or {}).get("items", [])
                return nearest_first(items, here), self._fetched(reading)
            self._work(near, lambda r: self._workshops_loaded(request, r))
        self.workshopsChanged.emit()

    def _fetched(self, reading) -> float | None:
        return self._clock() - float(reading.age_seconds or 0) if reading.stale else None

    def _workshops_along(self, shape: list, here: tuple[float, float] | None):
        route = RouteShape(shape)
        start = route.locate(here)[1] if here is not None else 0.0
        points = route.samples(start)
        radius = sample_radius_km(route, start, len(points), ROUTE_CORRIDOR_M)
        found, oldest = [], None
        for lat, lon in points:
            reading = self.ctx.cloud.get("/v1/workshops", {"lat": round(lat, POSITION_DECIMALS),
                                                           "lon": round(lon, POSITION_DECIMALS), "radius_km": radius})
            found.extend((reading.data or {}).get("items", []))
            fetched = self._fetched(reading)
            if fetched is not None:
                oldest = fetched if oldest is None else min(oldest, fetched)
        return along_route(found, route, here), oldest

    def _workshops_loaded(self, request: int, result) -> None:
        if request != self._workshops_request:
            return  # an older search answered late
        value, error = result
        if error is not None:
            self._show_workshops(request, [], self.ctx.tr("Workshops are not available offline yet")
                                 if "nothing cached" in str(error).lower() or "unavailable" in type(error).__name__.lower()
                                 else self.ctx.tr("Workshops are not available: %1").replace("%1", str(error)))
            return
        items, fetched = value
        note = self._updated(fetched)
        if not items:
            note = self.ctx.tr("No partner workshop on the route") if self._mode == "route" \
                else self.ctx.tr("No partner workshop near the car")
        self._show_workshops(request, items, note)

    def _show_workshops(self, request: int, items: list[dict], note: str) -> None:
        if request != self._workshops_request:
            return
        self._workshops, self._workshops_note, self._workshops_loading = items, note, False
        self.workshopsChanged.emit()

    def _workshop_row(self, w: dict) -> dict:
        rating = w.get("rating")
        return {"id": str(w.get("id", "")), "name": w.get("name", ""), "address": w.get("address", ""),
                "phone": w.get("phone", ""), "lat": w.get("lat"), "lon": w.get("lon"),
                "distanceM": float(w.get("distance_m") or 0.0), "detourM": float(w.get("detour_m") or 0.0),
                "rating": f"★ {rating:.1f}" if _is_number(rating) else "",
                "opening": " · ".join(p.strip() for p in str(w.get("opening") or "").split(";") if p.strip()),
                "openNow": self._open_text(w), "services": list(w.get("services") or [])}

    def _open_text(self, w: dict) -> str:
        """"Open until 18:00", "Opens at 14:00" or "Closed now", on the workshop's own clock."""
        try:
            local = dt.datetime.fromtimestamp(self._clock(), ZoneInfo(str(w.get("time_zone") or "UTC")))
        except (ZoneInfoNotFoundError, ValueError):
            return ""
        state, at = open_now(str(w.get("opening") or ""), local)
        return {"open": self.ctx.tr("Open until %1").replace("%1", at),
                "later": self.ctx.tr("Opens at %1").replace("%1", at),
                "closed": self.ctx.tr("Closed now")}.get(state, "")

    @Property("QVariantList", notify=workshopsChanged, final=True)
    def workshops(self) -> list:
        return [self._workshop_row(w) for w in self._workshops]

    @Property(str, notify=workshopsChanged, final=True)
    def workshopsNote(self) -> str:
        return self._workshops_note

    @Property(bool, notify=workshopsChanged, final=True)
    def workshopsLoading(self) -> bool:
        return self._workshops_loading

    # Slots

    @Slot("QVariant", int)
    def openSlots(self, workshop: Any, minutes: int) -> None:
        """Show the slots of `workshop` (a row of `workshops`, or a booking's workshop) for a fitting of
        `minutes`, starting today."""
        workshop = dict(workshop.toVariant() if hasattr(workshop, "toVariant") else workshop or {})
        if not workshop.get("id"):
            return self._refuse(f"openSlots: the workshop has no id: {workshop!r}")
        if not isinstance(minutes, int) or minutes <= 0:
            return self._refuse(f"openSlots: minutes must be a positive whole number, got {minutes!r}")
        self._slot_workshop, self._slot_minutes, self._slot_day = workshop, minutes, 0
        self._load_slots()

    @Slot(int)
    def chooseSlotDay(self, index: int) -> None:
        if 0 <= index < len(self._days()) and index != self._slot_day:
            self._slot_day = index
            self._load_slots()

    def _days(self) -> list[dt.date]:
        return slot_days(dt.datetime.fromtimestamp(self._clock()).date())

    def _load_slots(self) -> None:
        self._slots_request += 1
        request = self._slots_request
        self._slots, self._slots_note = [], self.ctx.tr("Looking for free times…")
        path = f"/v1/workshops/{self._slot_workshop['id']}/slots"
        params = {"date": self._days()[self._slot_day].isoformat(), "minutes": self._slot_minutes}

        def read():
            reading = self.ctx.cloud.get(path, params)
            return (reading.data or {}).get("items", []), self._fetched(reading)
        self._work(read, lambda r: self._slots_loaded(request, r))
        self.slotsChanged.emit()

    def _slots_loaded(self, request: int, result) -> None:
        if request != self._slots_request:
            return
        value, error = result
        if error is not None:
            self._slots = []
            self._slots_note = self.ctx.tr("Free times need a connection")
        else:
            items, fetched = value
            now = self._clock()
            self._slots = [{"start": s["start"], "label": wall_clock(s["start"]),
                            "free": bool(s.get("free")) and (epoch(s["start"]) or 0) > now}
                           for s in items if isinstance(s, dict) and parse_time(s.get("start"))]
            if not any(s["free"] for s in self._slots):
                self._slots_note = self.ctx.tr("No free time this day")
            else:
                self._slots_note = self._updated(fetched)
        self.slotsChanged.emit()

    @Property(int, notify=changed, final=True)
    def fittingMinutes(self) -> int:
        """The slot the basket needs, as the backend books it: the parts' fitting time rounded up to the half
        hour, at least HANDOVER_MINUTES (a part only handed over), at most 600."""
        minutes = getattr(self.shop, "fittingMinutes", 0)
        minutes = minutes if _is_number(minutes) and minutes > 0 else 0
        return int(min(600, max(HANDOVER_MINUTES, math.ceil(minutes / 30) * 30)))

    @Property("QVariantMap", notify=slotsChanged, final=True)
    def slotWorkshop(self) -> dict:
        return self._workshop_row(self._slot_workshop) if self._slot_workshop else {}

    @Property(int, notify=slotsChanged, final=True)
    def slotMinutes(self) -> int:
        return self._slot_minutes

    @Property(int, notify=slotsChanged, final=True)
    def slotDay(self) -> int:
        return self._slot_day

    @Property("QVariantList", notify=slotsChanged, final=True)
    def slotDays(self) -> list:
        rows = []
        for n, day in enumerate(self._days()):
            label = self.ctx.tr("Today") if n == 0 else self.ctx.tr("Tomorrow") if n == 1 else self._date_text(day)
            rows.append({"index": n, "label": label, "date": day.isoformat()})
        return rows

    @Property("QVariantList", notify=slotsChanged, final=True)
    def slots(self) -> list:
        return list(self._slots)

    @Property(str, notify=slotsChanged, final=True)
    def slotsNote(self) -> str:
        return self._slots_note

    @Slot(str, result=str)
    def slotText(self, start: str) -> str:
        return self._when(start)

    # Orders: what the backend knows, and what this car confirmed and has not sent yet

    @Slot()
    def refreshOrders(self) -> None:
        def read():
            orders = self.ctx.cloud.get("/v1/orders")
            try:
                bookings = self.ctx.cloud.get("/v1/bookings")
            except HeadUnitError as exc:
                self.ctx.log.info("bookings: %s", exc)
                bookings = None
            return orders, bookings
        self._work(read, self._orders_loaded)

    def _orders_loaded(self, result) -> None:
        value, error = result
        if error is not None:
            self._orders_note = self.ctx.tr("Orders are not available offline yet") if not self._orders \
                else self._orders_note
            self.ordersChanged.emit()
            return
        orders, bookings = value
        self._orders = [o for o in (orders.data or {}).get("items", []) if isinstance(o, dict) and o.get("order_id")]
        listed = {o["order_id"] for o in self._orders}
        # An order this car placed that a list from the cache does not name yet.
        self._orders[:0] = [o for key, o in self._confirmed.items() if key not in listed]
        self._orders_fetched = self._fetched(orders)
        fetched = [self._orders_fetched]
        if bookings is not None:
            self._bookings = [b for b in (bookings.data or {}).get("items", [])
                              if isinstance(b, dict) and b.get("booking_id")]
            self._bookings_known = True
            fetched.append(self._fetched(bookings))
        stale = [f for f in fetched if f is not None]
        self._orders_fetched = min(stale) if stale else None
        self._orders_note = ""
        self._match_pending()
        self.ordersChanged.emit()
        self._remind()

    def _all_bookings(self) -> dict[str, dict]:
        """Every booking by id: the bookings list where it has one (fresher after a change), else the order's."""
        found: dict[str, dict] = {}
        for order in self._orders:
            booking = order.get("booking")
            if isinstance(booking, dict) and booking.get("booking_id"):
                found[booking["booking_id"]] = {**booking, "order_id": order["order_id"]}
        for booking in self._bookings:
            found[booking["booking_id"]] = {**found.get(booking["booking_id"], {}), **booking}
        return found

    # What the driver confirmed in the shop's checkout

    def _follow_checkout(self) -> None:
        """The shop's checkout, confirmed and not yet answered (offline: queued; online: sent), shows among the
        orders as waiting to send; its answer (orderConfirmed) or a refusal ends that."""
        state = getattr(self.shop, "orderState", "")
        key = self._checkout_key
        if state in ("queued", "sent"):
            if key is None or key not in self._pending:
                try:
                    request = self.shop.order_request()
                except Exception as exc:  # noqa: BLE001 - the basket changed meanwhile: nothing to show
                    self.ctx.log.info("checkout: %s", exc)
                    return
                body = request.get("request", {}).get("body", {})
                items = next((d.get("value") for d in request.get("details", []) if d.get("label") == self.ctx.tr("Items")), "")
                self._checkout_key = key = f"{CHECKOUT}-{self._clock():.0f}"
                self._pending[key] = {"state": state, "confirmed_at": self._clock(), "title": items,
                                      "items": body.get("items"), "total_cents": request.get("amount_cents"),
                                      "currency": request.get("currency"), "delivery": body.get("delivery")}
                self._save_pending(key)
                self.ordersChanged.emit()
            elif self._pending[key]["state"] != state:
                self.order_state(key, state)
        elif key is not None:
            self._checkout_key = None
            if state in ("refused", "failed", "declined"):
                self._drop_pending(key)

    def order_state(self, key: str, state: str) -> None:
        if key in self._pending:
            self._pending[key]["state"] = state
            self._save_pending(key)
            self.ordersChanged.emit()

    def order_confirmed(self, order: dict, key: str = "") -> None:
        """The backend's Order for an order placed from this car: shown at once, with its booking."""
        if not isinstance(order, dict) or not order.get("order_id"):
            return
        self._confirmed[order["order_id"]] = order
        self._orders = [order] + [o for o in self._orders if o.get("order_id") != order["order_id"]]
        if key:
            self._drop_pending(key)
        self._match_pending()
        self.ordersChanged.emit()
        self._remind()
        self.refreshOrders()

    def _save_pending(self, key: str) -> None:
        entry = self._pending[key]
        body = json.dumps({k: v for k, v in entry.items() if k not in ("state", "confirmed_at")})
        self._write("INSERT OR REPLACE INTO service_pending_orders VALUES (?, ?, ?, ?)",
                    key, entry["state"], entry["confirmed_at"], body)

    def _drop_pending(self, key: str) -> None:
        if self._pending.pop(key, None) is not None:
            self._write("DELETE FROM service_pending_orders WHERE id = ?", key)
            self.ordersChanged.emit()

    def _drop_old_pending(self) -> None:
        now = self._clock()
        for key in [k for k, p in self._pending.items() if now - p["confirmed_at"] >= PENDING_ORDER_LIFETIME_S]:
            self._drop_pending(key)

    def _match_pending(self) -> None:
        """An order waiting to send that the backend now lists (same products and total, placed after it was
        confirmed) is the backend's from now on."""
        for key, pending in list(self._pending.items()):
            wanted = sorted((i.get("product_id"), i.get("quantity")) for i in pending.get("items") or [])
            for order in self._orders:
                placed = epoch(order.get("created_at")) or 0
                if (placed >= pending["confirmed_at"] - 120 and order.get("total_cents") == pending.get("total_cents")
                        and sorted((i.get("product_id"), i.get("quantity")) for i in order.get("items") or []) == wanted):
                    self._drop_pending(key)
                    break

    def _items_text(self, items: list) -> str:
        """Every product of an order with its quantity: "2 × Osram Night Breaker H7, Bosch Aerotwin …"."""
        names = [f"{i.get('quantity', 1)} × {i.get('name', '')}" if (i.get("quantity") or 1) > 1 else i.get("name", "")
                 for i in items or [] if isinstance(i, dict)]
        return ", ".join(n for n in names if n)

    def _short_items(self, items: list) -> str:
        """An order at a glance: its first product's name up to the first comma (the sizes and variants after
        it are on the order's page), and how many more."""
        named = [i for i in items or [] if isinstance(i, dict) and i.get("name")]
        if not named:
            return ""
        first = str(named[0]["name"]).split(", ")[0]
        if len(named) == 1:
            return first
        return self.ctx.tr("%1 and %2 more").replace("%1", first).replace("%2", str(len(named) - 1))

    @Property("QVariantList", notify=ordersChanged, final=True)
    def orders(self) -> list:
        """Rows: the orders waiting to send first, then the backend's, newest first."""
        rows = []
        for key, p in sorted(self._pending.items(), key=lambda kv: -kv[1]["confirmed_at"]):
            rows.append({"id": key, "pending": True, "icon": "mdi6.cloud-upload-outline",
                         "title": (p.get("title") or "").split(", ")[0] or self._short_items(p.get("items"))
                         or self.ctx.tr("Order"),
                         "subtitle": self.ctx.tr("Waiting to send") if p["state"] in ("queued", "confirmed")
                         else self.ctx.tr("Sent, waiting for the shop"),
                         "trailing": self._money(p.get("total_cents"), p.get("currency"))})
        bookings = self._all_bookings()
        for order in self._orders:
            state = order.get("fulfilment") or "processing"
            parts = [self._fulfilment_text(state, order.get("delivery"))]
            booking = bookings.get((order.get("booking") or {}).get("booking_id", ""))
            if booking and booking.get("status", "booked") == "booked" and state not in ("fitted", "delivered"):
                parts.append(self._when(booking.get("start")))
            rows.append({"id": order["order_id"], "pending": False, "icon": FULFILMENT_ICONS.get(state, "mdi6.package-variant-closed"),
                         "title": self._short_items(order.get("items")) or order["order_id"],
                         "subtitle": " · ".join(p for p in parts if p),
                         "trailing": self._money(order.get("total_cents"), order.get("currency"))})
        return rows

    @Property(str, notify=ordersChanged, final=True)
    def ordersNote(self) -> str:
        return self._orders_note or self._updated(self._orders_fetched)

    @Slot(str)
    def openOrder(self, order_id: str) -> None:
        self._order_id = order_id
        self.ordersChanged.emit()

    @Property("QVariantMap", notify=ordersChanged, final=True)
    def order(self) -> dict:
        """The order opened: its products, where it goes, how far it got, and its booking."""
        if self._order_id in self._pending:
            p = self._pending[self._order_id]
            return {"id": self._order_id, "pending": True,
                    "title": p.get("title") or self._items_text(p.get("items")) or self.ctx.tr("Order"),
                    "total": self._money(p.get("total_cents"), p.get("currency")),
                    "status": self.ctx.tr("Waiting to send") if p["state"] in ("queued", "confirmed")
                    else self.ctx.tr("Sent, waiting for the shop"),
                    "steps": [], "delivery": self._delivery_text(p.get("delivery")), "bookingId": ""}
        order = next((o for o in self._orders if o.get("order_id") == self._order_id), None)
        if order is None:
            return {}
        state = order.get("fulfilment") or "processing"
        to_workshop = (order.get("delivery") or {}).get("kind") == "workshop" or bool(order.get("booking"))
        names = ["processing", "shipped", "ready", "fitted"] if to_workshop else ["processing", "shipped", "delivered"]
        reached = names.index(state) if state in names else 0
        created = parse_time(order.get("created_at"))
        return {"id": order["order_id"], "pending": False, "title": self._items_text(order.get("items")),
                "total": self._money(order.get("total_cents"), order.get("currency")),
                "status": self._fulfilment_text(state, order.get("delivery")),
                "placed": self.ctx.tr("Ordered %1").replace("%1", self._date_text(created.astimezone())) if created else "",
                "steps": [{"label": self._fulfilment_text(n, None), "done": i <= reached, "current": i == reached}
                          for i, n in enumerate(names)],
                "delivery": self._delivery_text(order.get("delivery")),
                "bookingId": (order.get("booking") or {}).get("booking_id", "")}

    def _delivery_text(self, delivery: dict | None) -> str:
        if not isinstance(delivery, dict):
            return ""
        if delivery.get("kind") == "home":
            address = delivery.get("address") or {}
            return self.ctx.tr("To %1").replace("%1", ", ".join(
                str(address[k]) for k in ("street", "city") if address.get(k)))
        if delivery.get("kind") == "workshop":
            return self.ctx.tr("Fitted at a workshop")
        return ""

    # Bookings

    @Property("QVariantList", notify=ordersChanged, final=True)
    def bookings(self) -> list:
        """Rows: upcoming appointments first (soonest first), then past and cancelled ones."""
        now = self._clock()
        rows = []
        for b in self._all_bookings().values():
            start = epoch(b.get("start")) or 0
            cancelled = b.get("status") == "cancelled"
            rows.append((cancelled or start < now, start if not (cancelled or start < now) else -start, {
                "id": b["booking_id"], "icon": "mdi6.calendar-remove" if cancelled else "mdi6.calendar-clock",
                "title": (b.get("workshop") or {}).get("name", ""),
                "subtitle": self.ctx.tr("Cancelled") if cancelled else self._when(b.get("start")),
                "trailing": self.ctx.tr("Moved") if b.get("moved_from") and not cancelled else ""}))
        return [row for _, _, row in sorted(rows, key=lambda r: (r[0], r[1]))]

    @Slot(str)
    def openBooking(self, booking_id: str) -> None:
        self._booking_id = booking_id
        self.ordersChanged.emit()

    def _booking_of(self, booking_id: str) -> dict | None:
        return self._all_bookings().get(booking_id)

    @Property("QVariantMap", notify=ordersChanged, final=True)
    def booking(self) -> dict:
        """The booking opened: the workshop, the time, whether the backend moved it, what is under way."""
        b = self._booking_of(self._booking_id)
        if b is None:
            return {}
        workshop = b.get("workshop") or {}
        start, end = epoch(b.get("start")), epoch(b.get("end"))
        cancelled = b.get("status") == "cancelled"
        past = start is not None and start <= self._clock()
        moved = ""
        if b.get("moved_from") and not cancelled:
            moved = self.ctx.tr("Moved from %1: that time was taken").replace("%1", self._when(b["moved_from"]))
        pending = [op for op in self._ops.values() if op["booking_id"] == b["booking_id"]]
        note = self._booking_notes.get(b["booking_id"], "")
        if pending:
            op = pending[-1]
            note = self.ctx.tr("Cancellation waiting to send") if op["kind"] == "cancel" else \
                self.ctx.tr("Change to %1 waiting to send").replace("%1", self._when(op["slot_start"]))
        minutes = int(round((end - start) / 60)) if start and end and end > start else 60
        order = next((o for o in self._orders if o.get("order_id") == b.get("order_id")), None)
        what = self.ctx.tr("%1 min").replace("%1", str(minutes))
        if order is not None and self._short_items(order.get("items")):
            what = self.ctx.tr("%1 · %2").replace("%1", what).replace("%2", self._short_items(order.get("items")))
        return {"id": b["booking_id"], "orderId": b.get("order_id", ""), "workshop": workshop.get("name", ""),
                "what": what,
                "workshopId": str(workshop.get("id", "")), "address": workshop.get("address", ""),
                "lat": workshop.get("lat"), "lon": workshop.get("lon"),
                "when": self._when(b.get("start")), "start": b.get("start", ""),
                "minutes": minutes,
                "status": self.ctx.tr("Cancelled: the parts wait at the workshop for collection") if cancelled
                else self.ctx.tr("Appointment passed") if past else self.ctx.tr("Booked"),
                "cancelled": cancelled, "past": past, "movedFrom": moved, "note": note,
                "changeable": not cancelled and not past and not pending}

    @Property(bool, notify=changed, final=True)
    def parked(self) -> bool:
        return self.ctx.driving.parked

    @Slot(str, str)
    def rescheduleBooking(self, booking_id: str, slot_start: str) -> None:
        """Move the booking to the slot starting at `slot_start`. Parked only."""
        if parse_time(slot_start) is None:
            return self._refuse(f"rescheduleBooking: slot_start is not an ISO 8601 time with an offset: {slot_start!r}")
        self._submit_booking_op(booking_id, "reschedule", {"slot_start": slot_start}, slot_start)

    @Slot(str)
    def cancelBooking(self, booking_id: str) -> None:
        """Cancel the booking (the order stays: its parts wait at the workshop). Parked only."""
        self._submit_booking_op(booking_id, "cancel", {}, None)

    def _submit_booking_op(self, booking_id: str, kind: str, body: dict, slot_start: str | None) -> None:
        booking = self._booking_of(booking_id)
        if booking is None:
            return self._refuse(f"{kind}: no booking {booking_id!r}")
        if not self.ctx.driving.parked:
            self.ctx.toast(self.ctx.tr("Changing an appointment needs the car parked"), "warning")
            return
        path = f"/v1/bookings/{booking_id}/{kind}"
        # A change that has not reached the workshop by the appointment (or the new slot) no longer makes sense.
        not_after = min(t for t in (epoch(booking.get("start")), epoch(slot_start)) if t is not None) \
            if epoch(booking.get("start")) or epoch(slot_start) else None
        submitted = self._clock()

        def submit() -> str:
            return self.ctx.cloud.submit("bookings", "POST", path, body, not_after=not_after)

        def queued(result) -> None:
            op_id, error = result
            if error is not None:
                self._booking_notes[booking_id] = self.ctx.tr("Not sent: %1").replace("%1", str(error))
            else:
                self._ops[op_id] = {"booking_id": booking_id, "kind": kind, "slot_start": slot_start}
                self._write("INSERT OR REPLACE INTO service_booking_ops VALUES (?, ?, ?, ?, ?)",
                            op_id, booking_id, kind, slot_start, submitted)
                self._booking_notes.pop(booking_id, None)
            self.ordersChanged.emit()
        self._work(submit, queued)

    def _op_finished(self, op_id: str, state: str, status: int) -> None:
        op = self._ops.pop(op_id, None)
        if op is None:
            return
        self._write("DELETE FROM service_booking_ops WHERE op_id = ?", op_id)
        booking_id, kind = op["booking_id"], op["kind"]
        if state == "acked":
            note = self.ctx.tr("Cancelled") if kind == "cancel" else \
                self.ctx.tr("Moved to %1").replace("%1", self._when(op["slot_start"]))
            level = "success"
            if kind == "reschedule":
                self._move_locally(booking_id, op["slot_start"])
            else:
                self._set_locally(booking_id, status="cancelled")
        elif state == "expired":
            note, level = self.ctx.tr("Not sent in time: nothing was changed"), "warning"
        elif status in (409, 422) and self._begun(booking_id):
            # The backend answers 422 booking_in_past once the appointment has begun.
            note, level = self.ctx.tr("The appointment has begun: it can no longer be changed"), "warning"
        elif status == 422 and kind == "reschedule":
            # slot_taken (every bay booked meanwhile), or the slot began while the change waited to be sent.
            note, level = self.ctx.tr("That time was just taken: pick another"), "warning"
        elif status == 404:
            note, level = self.ctx.tr("The workshop no longer knows this appointment"), "warning"
        else:
            note, level = self.ctx.tr("The workshop refused the change"), "warning"
        self._booking_notes[booking_id] = note
        self.ctx.toast(note, level)
        self.ordersChanged.emit()
        self.refreshOrders()

    def _begun(self, booking_id: str) -> bool:
        start = epoch((self._booking_of(booking_id) or {}).get("start"))
        return start is not None and start <= self._clock()

    def _set_locally(self, booking_id: str, **changes: Any) -> None:
        """Until the next read: the booking as the backend now has it."""
        booking = self._booking_of(booking_id) or {"booking_id": booking_id}
        updated = {**booking, **changes}
        self._bookings = [updated] + [b for b in self._bookings if b.get("booking_id") != booking_id]
        self._remind()

    def _move_locally(self, booking_id: str, slot_start: str) -> None:
        booking = self._booking_of(booking_id) or {}
        start, end = epoch(booking.get("start")), epoch(booking.get("end"))
        new_start = parse_time(slot_start)
        changes: dict[str, Any] = {"start": slot_start, "moved_from": None}
        if start is not None and end is not None and new_start is not None:
            changes["end"] = (new_start + dt.timedelta(seconds=end - start)).isoformat()
        self._set_locally(booking_id, **changes)

    @Slot(str)
    def navigateToBooking(self, booking_id: str) -> None:
        booking = self._booking_of(booking_id)
        if booking is not None:
            self.navigateToWorkshop(booking.get("workshop") or {})

    @Slot("QVariant")
    def navigateToWorkshop(self, workshop: Any) -> None:
        """Guidance to the workshop, by the navigation app (`navigate-to` with its name and position)."""
        workshop = dict(workshop.toVariant() if hasattr(workshop, "toVariant") else workshop or {})
        lat, lon = workshop.get("lat"), workshop.get("lon")
        if not (_is_number(lat) and _is_number(lon)):
            self.ctx.toast(self.ctx.tr("This workshop has no position"), "warning")
            return
        try:
            self.ctx.send_intent("navigate-to", lat=float(lat), lon=float(lon), name=str(workshop.get("name") or ""))
        except IntentError as exc:
            self.ctx.log.warning("navigate-to: %s", exc)
            self.ctx.toast(self.ctx.tr("Navigation is not available"), "warning")

    # Reminders before an appointment

    def _remind(self) -> None:
        """Post the reminders that are due (once each, kept in storage) and arm the timer for the next."""
        if not self._local_loaded or (not self._bookings_known and not self._orders):
            return
        bookings = list(self._all_bookings().values())
        now = self._clock()
        post, mark = due_reminders(bookings, self._sent, now)
        for reminder in post:
            workshop = (reminder.booking.get("workshop") or {}).get("name", "")
            title = self.ctx.tr("Workshop appointment in %1 min").replace("%1", str(reminder.lead_min))
            body = self.ctx.tr("%1 at %2").replace("%1", wall_clock(reminder.booking.get("start"))).replace("%2", workshop)
            try:
                self.ctx.notify(title, body, "info")
            except HeadUnitError as exc:
                self.ctx.log.warning("reminder: %s", exc)
        for key in mark:
            self._sent.add(key)
            self._write("INSERT OR IGNORE INTO service_reminders VALUES (?, ?)", key, now)
        self._reminder.stop()
        at = next_reminder_at(bookings, self._sent, now)
        if at is not None:
            self._reminder.start(int(min(max(0.0, at - now) * 1000 + 500, TICK_MS)))

    # Maintenance

    def _vehicle_profile(self):
        try:
            return self.ctx.vehicle.profile
        except (HeadUnitError, AttributeError):
            return None

    def _odometer_km(self, profile: Any) -> float | None:
        vehicle = self._vehicle_profile()
        value = vehicle.property("odometerKm") if isinstance(vehicle, QObject) else getattr(vehicle, "odometerKm", None)
        if not _is_number(value) or value <= 0:
            value = getattr(profile, "odometer_km", None)
        return float(value) if _is_number(value) else None

    @Slot()
    def refreshMaintenance(self) -> None:
        try:
            from headunit.sdk import service_plan  # type: ignore[attr-defined]
        except ImportError:
            service_plan = None
        try:
            profile = self.shop.profile()
        except Exception as exc:  # noqa: BLE001 - the shop's profile is the driver's; say what is missing
            self.ctx.log.info("maintenance: no profile: %s", exc)
            profile = None
        odometer = self._plan_odometer = self._odometer_km(profile)
        if service_plan is None:
            self._plan, self._plan_note = [], self.ctx.tr("Service reminders are not available")
        elif profile is None or not getattr(profile, "make", None) or odometer is None:
            self._plan, self._plan_note = [], self.ctx.tr("Set up your car in Settings › Vehicle for service reminders")
        else:
            today = dt.datetime.fromtimestamp(self._clock()).date()
            history = {k: dict(v) for k, v in self._history.items()}
            items = service_plan(profile, int(round(odometer)), history, today)
            self._plan = [self._plan_item(item) for item in items]
            self._plan.sort(key=lambda i: STATE_ORDER.get(i["state"], 3))
            self._plan_note = ""
            self._notify_due()
        self.maintenanceChanged.emit()

    def _plan_item(self, item: Any) -> dict:
        def field(name: str) -> Any:
            return item.get(name) if isinstance(item, dict) else getattr(item, name, None)
        due_on = field("due_on")
        if isinstance(due_on, str):
            due_on = dt.date.fromisoformat(due_on[:10])
        return {"key": field("key"), "state": field("state") or "ok", "due_in_km": field("due_in_km"),
                "due_on": due_on, "categories": list(field("categories") or [])}

    def _title(self, key: str) -> str:
        return {"oil": self.ctx.tr("Engine oil"), "oil_filter": self.ctx.tr("Oil filter"),
                "air_filter": self.ctx.tr("Air filter"), "cabin_filter": self.ctx.tr("Cabin filter"),
                "wipers": self.ctx.tr("Wiper blades"), "tyres": self.ctx.tr("Tyres")}.get(key, key)

    def _state_text(self, state: str) -> str:
        return {"ok": self.ctx.tr("OK"), "soon": self.ctx.tr("Soon"), "due": self.ctx.tr("Due"),
                "unknown": self.ctx.tr("Check")}.get(state, state)

    def _due_text(self, item: dict) -> str:
        """"Due in 6,600 km or by 7 Dec 2027", "Overdue by 100 km", "Overdue since 7 Dec 2026"."""
        km, on = item["due_in_km"], item["due_on"]
        today = dt.datetime.fromtimestamp(self._clock()).date()
        distance = QLocale(QLocale().name()).toString(int(round(abs(km)))) if _is_number(km) else ""
        if _is_number(km) and km <= 0:
            return self.ctx.tr("Overdue by %1 km").replace("%1", distance)
        if isinstance(on, dt.date) and on <= today:
            return self.ctx.tr("Overdue since %1").replace("%1", self._day_text(on))
        if distance and isinstance(on, dt.date):
            return self.ctx.tr("Due in %1 km or by %2").replace("%1", distance).replace("%2", self._day_text(on))
        if distance:
            return self.ctx.tr("Due in %1 km").replace("%1", distance)
        if isinstance(on, dt.date):
            return self.ctx.tr("Due by %1").replace("%1", self._day_text(on))
        return self.ctx.tr("No service recorded yet") if item["state"] == "unknown" else ""

    def _notify_due(self) -> None:
        """One notification when an item becomes due; again only after it was done and came due again."""
        if not self._local_loaded:
            return
        for item in self._plan:
            if item["state"] != "due":
                continue
            done = self._history.get(item["key"])
            key = f"{item['key']}@{done['date'] if done else 'never'}"
            if key in self._due_sent:
                continue
            self._due_sent.add(key)
            self._write("INSERT OR IGNORE INTO service_due_notified VALUES (?, ?)", key, self._clock())
            try:
                self.ctx.notify(self.ctx.tr("Service due: %1").replace("%1", self._title(item["key"])),
                                self._due_text(item), "warning")
            except HeadUnitError as exc:
                self.ctx.log.warning("maintenance: %s", exc)

    @Property("QVariantList", notify=maintenanceChanged, final=True)
    def maintenance(self) -> list:
        return [{"key": i["key"], "title": self._title(i["key"]), "subtitle": self._due_text(i),
                 "icon": MAINTENANCE_ICONS.get(i["key"], "mdi6.wrench-outline"), "state": i["state"],
                 "trailing": self._state_text(i["state"])} for i in self._plan]

    @Property(str, notify=maintenanceChanged, final=True)
    def odometer(self) -> str:
        """"23,400 km": the odometer the plan was made for."""
        if self._plan_odometer is None:
            return ""
        return self.ctx.tr("%1 km").replace("%1", QLocale(QLocale().name()).toString(int(round(self._plan_odometer))))

    @Property(str, notify=maintenanceChanged, final=True)
    def maintenanceNote(self) -> str:
        return self._plan_note

    @Property(int, notify=maintenanceChanged, final=True)
    def dueCount(self) -> int:
        return sum(1 for i in self._plan if i["state"] == "due")

    @Slot(str)
    def openMaintenance(self, key: str) -> None:
        """Open a service item; the parts that fit it are looked up in the shop's catalog (on the worker)."""
        self._item_key = key
        item = next((i for i in self._plan if i["key"] == key), None)
        if item is not None and item["categories"] and key not in self._parts:
            categories = list(item["categories"])

            def found(result) -> None:
                verdicts, error = result
                if error is not None:
                    self.ctx.log.info("maintenance parts: %s", error)
                self._parts[key] = [self._part_row(p) for p in verdicts or [] if isinstance(p, dict)]
                self.maintenanceChanged.emit()
            self._work(lambda: self.shop.verdicts_for_categories(categories), found)
        self.maintenanceChanged.emit()

    def _part_row(self, product: dict) -> dict:
        """A part as a row: its name up to the first comma as the title, the rest (sizes, variants) and what
        the owner must confirm below it, the price beside it."""
        verdict = product.get("verdict")
        kind = verdict.get("kind") if isinstance(verdict, dict) else verdict
        head, _, rest = str(product.get("name", "")).partition(", ")
        confirm = (product.get("verdictText") or self.ctx.tr("Fits if you confirm a detail")) if kind == "fits_if" else ""
        return {"id": str(product.get("id") or ""), "title": head,
                "subtitle": " · ".join(p for p in (rest, confirm) if p),
                "icon": "mdi6.check-circle-outline" if kind == "fits" else "mdi6.help-circle-outline",
                "image": product.get("image") or "",
                "trailing": product.get("price") or self._money(product.get("price_cents"), product.get("currency"))}

    @Property("QVariantMap", notify=maintenanceChanged, final=True)
    def maintenanceItem(self) -> dict:
        item = next((i for i in self._plan if i["key"] == self._item_key), None)
        if item is None:
            return {}
        done = self._history.get(item["key"])
        last = ""
        if done:
            when = self._day_text(dt.date.fromisoformat(done["date"]))
            last = self.ctx.tr("Last done %1 at %2 km").replace("%1", when).replace(
                "%2", QLocale(QLocale().name()).toString(int(round(done["km"] or 0)))) if done.get("km") is not None \
                else self.ctx.tr("Last done %1").replace("%1", when)
        return {"key": item["key"], "title": self._title(item["key"]), "state": item["state"],
                "stateText": self._state_text(item["state"]), "due": self._due_text(item), "lastDone": last,
                "icon": MAINTENANCE_ICONS.get(item["key"], "mdi6.wrench-outline"),
                "parts": self._parts.get(item["key"], [])}

    @Slot(str)
    def markDone(self, key: str) -> None:
        """The item was serviced today at the current odometer reading. Parked only."""
        if not self.ctx.driving.parked:
            self.ctx.toast(self.ctx.tr("Marking a service as done needs the car parked"), "warning")
            return
        if key not in {i["key"] for i in self._plan}:
            return self._refuse(f"markDone: no service item {key!r} in the plan")
        try:
            profile = self.shop.profile()
        except Exception:  # noqa: BLE001
            profile = None
        km = self._odometer_km(profile)
        today = dt.datetime.fromtimestamp(self._clock()).date().isoformat()
        self._history[key] = {"km": km, "date": today}
        self._write("INSERT INTO service_history (item, km, date) VALUES (?, ?, ?)", key, km, today)
        self.ctx.toast(self.ctx.tr("%1 marked as done").replace("%1", self._title(key)), "success")
        self.refreshMaintenance()
