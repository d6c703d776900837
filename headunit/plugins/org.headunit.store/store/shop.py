"""Shop: the store's state for its QML (browse, product, reviews, basket, checkout) and its work on the worker.

Lists come from the catalog mirror (catalog.py), read on the plugin's worker and handed to the GUI thread
with a request number, so a slow answer never replaces a newer one. While the car is not parked a list holds
at most `Restrictions.maxItemsPerScreen` rows, and checkout, typing and writing reviews wait until it is
parked. Paying is the shell's: `ctx.payments.request(kind="order", …)` shows its sheet, and the order is
followed through the handle's outcomes.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import Property, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.sdk import CloudUnavailable, PluginContext, Profile

from . import words
from .catalog import FITS, SORTS, Mirror

QML_IMPORT_NAME = "HeadUnit.Plugins.Store"
QML_IMPORT_MAJOR_VERSION = 1

SECTIONS = ("browse", "forCar", "basket", "orders", "maintenance")
PAGES = ("", "list", "product", "reviews", "review", "checkout")
PAGE_SIZE = 20
REPORT_REASONS = ("spam", "offensive", "off_topic", "fake")
MERCHANT_ID = "headunit-store"
ADDRESS_FIELDS = ("name", "street", "postcode", "city", "country")
CATEGORY_ICONS = {
    "wiper-blades": "mdi6.wiper", "bulbs": "mdi6.lightbulb-outline", "floor-mats": "mdi6.rug",
    "tyres": "mdi6.tire", "engine-oil": "mdi6.oil", "filters": "mdi6.air-filter", "ev-charging": "mdi6.ev-station",
    "chargers-cables": "mdi6.cable-data", "phone-mounts": "mdi6.cellphone-link", "dash-cams": "mdi6.cctv",
    "roof-boxes": "mdi6.car-back", "tyre-chains": "mdi6.snowflake", "safety": "mdi6.medical-bag",
    "car-care": "mdi6.spray-bottle",
}


#: The shop's own tables beside the catalog mirror: the basket, what it keeps (the address, reviews reported)
#: and the orders confirmed on this car.
LOCAL_TABLES = """
CREATE TABLE IF NOT EXISTS basket (product_id TEXT PRIMARY KEY, quantity INTEGER NOT NULL, added_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orders (order_id TEXT PRIMARY KEY, order_json TEXT NOT NULL, confirmed_at REAL NOT NULL);
"""


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


@QmlElement
@QmlUncreatable("made by the store app")
class Shop(QObject):
    changed = Signal()
    #: An order the driver confirmed was accepted by the backend: its Order answer (with `booking`).
    orderConfirmed = Signal(dict)
    # Results from the worker, carried to the GUI thread: a function and its value.
    _result = Signal(object, object)

    def __init__(self, ctx: PluginContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._mirror: Mirror | None = None
        self._tables_made = False
        self._requests = itertools.count(1)
        self._list_request = 0
        self._section, self._page = "browse", ""
        # Where a product opened from another section (a maintenance suggestion, an order) goes back to.
        self._came_from: tuple[str, str] | None = None
        self._category, self._query, self._sort, self._limit = "", "", "popular", PAGE_SIZE
        self._rows: list[dict] = []
        self._total = 0
        self._categories: list[dict] = []
        self._verdicts: dict[str, Any] = {}
        self._fit_count = -1
        self._profile: Profile | None = None
        self._catalog_size = 0
        self._mirror_age: float | None = None
        self._syncing = False
        # How the last sync ended: "" (fine), "offline", "update_failed" or "read_failed", and the reason.
        self._sync_state, self._sync_reason = "", ""
        self._product: dict | None = None
        self._detail: dict | None = None
        self._detail_note = ""
        self._review_note = ""
        self._reported: set[str] = set()
        # Reviews written on this car, by product: shown at once, before a cached product page has them.
        self._written: dict[str, dict] = {}
        self._sending_reviews: dict[str, dict] = {}
        self._ops: dict[str, tuple[str, str]] = {}
        self._early: dict[str, tuple[str, int]] = {}
        self._basket: dict[str, int] = {}
        self._basket_rows: dict[str, dict] = {}
        self._delivery = "home"
        self._address: dict[str, str] = {k: "" for k in ADDRESS_FIELDS}
        self._workshop: dict | None = None
        self._slot = ""
        self._checkout_note = ""
        self._order_state = ""
        self._order: dict | None = None
        self._orders: list[dict] = []
        self._handles: list = []
        self._result.connect(lambda fn, value: fn(value))
        self._clock = QTimer(self, interval=60_000)  # ages tick on
        self._clock.timeout.connect(self._tick)

    # Lifetime

    def start(self) -> None:
        _ = self.ctx.cloud  # made on the GUI thread, its home, before the worker uses it
        self.ctx.driving.stateChanged.connect(self._follow_driving)
        self.ctx.cloud.finished.connect(self._op_finished)
        profile = self.ctx.vehicle.profile
        profile.changed.connect(self._profile_changed)
        self._profile = self._read_profile()
        self._clock.start()
        self._work(self._load_local, self._local_loaded)
        self._work(self._read_mirror_state, self._mirror_state_read)
        self.refresh_list()  # from the mirror as it is: the page syncs it when the store is opened
        self.publish_template()

    def stop(self) -> None:
        self._clock.stop()

    def _work(self, fn, then) -> None:
        """`fn()` on the plugin's worker; `then((value, error))` on the GUI thread."""
        def run() -> None:
            try:
                value = (fn(), None)
            except Exception as exc:  # noqa: BLE001 - shown on the page, never a failed app
                self.ctx.log.warning("store: %s", exc, exc_info=not isinstance(exc, CloudUnavailable))
                value = (None, exc)
            self._result.emit(then, value)
        self.ctx.submit(run)

    def mirror(self) -> Mirror:
        """The catalog mirror; made on first use, on the worker."""
        if self._mirror is None:
            self._mirror = Mirror(self.ctx.storage())
        return self._mirror

    def _tick(self) -> None:
        if self._mirror_age is not None:
            self._mirror_age += 60
        self.changed.emit()

    # The car

    def _read_profile(self) -> Profile | None:
        try:
            data = self.ctx.vehicle.profile.data()
        except Exception as exc:  # noqa: BLE001 - a profile the store cannot read is "no car yet"
            self.ctx.log.warning("store: the vehicle profile cannot be read: %s", exc)
            return None
        return Profile.from_json(data) if data else None

    def profile(self) -> Profile | None:
        """The car's current profile (the service desk plans maintenance from it)."""
        return self._profile

    def _profile_changed(self) -> None:
        self._profile = self._read_profile()
        self._fit_count = -1
        self.refresh_list()
        if self._product is not None:
            self.openProduct(self._product["id"])
        self.changed.emit()

    def _car_name(self) -> str:
        p = self._profile
        if p is None:
            return ""
        return p.model or p.make or ""

    # Local state: basket, address, orders confirmed on this car

    def _db(self) -> sqlite3.Connection:
        """The plugin's database with the shop's own tables (the catalog mirror keeps its own); on the worker."""
        db = self.ctx.storage()
        if not self._tables_made:
            with db:
                db.executescript(LOCAL_TABLES)
            self._tables_made = True
        return db

    def _load_local(self):
        db = self._db()
        basket = dict(db.execute("SELECT product_id, quantity FROM basket ORDER BY added_at").fetchall())
        kept = {key: json.loads(value) for key, value in db.execute("SELECT key, value FROM kept")}
        orders = [json.loads(text) for (text,) in db.execute("SELECT order_json FROM orders ORDER BY confirmed_at DESC")]
        return basket, kept, orders, self.mirror().products(basket)

    def _local_loaded(self, result) -> None:
        value, error = result
        if error is not None:
            return
        basket, kept, orders, rows = value
        self._basket.update({k: v for k, v in basket.items() if k not in self._basket})
        self._basket_rows.update(rows)
        saved = kept.get("address")
        if isinstance(saved, dict):
            self._address.update({k: str(saved.get(k, "")) for k in ADDRESS_FIELDS})
        self._reported |= set(kept.get("reported") or ())
        self._orders = [o for o in orders if isinstance(o, dict)]
        self.changed.emit()
        self.publish_template()

    def _keep(self, key: str, value: Any) -> None:
        text = json.dumps(value)
        def save() -> None:
            with self._db() as db:
                db.execute("INSERT OR REPLACE INTO kept (key, value) VALUES (?, ?)", (key, text))
        self._work(save, lambda r: None)

    def _save_basket(self) -> None:
        lines = dict(self._basket)

        def save() -> None:
            with self._db() as db:
                db.execute("DELETE FROM basket")
                now = time.time()
                for n, (pid, qty) in enumerate(lines.items()):
                    db.execute("INSERT INTO basket (product_id, quantity, added_at) VALUES (?, ?, ?)",
                               [pid, qty, now + n / 1000])
        self._work(save, lambda r: None)

    # The mirror

    def _read_mirror_state(self):
        m = self.mirror()
        return m.age(), m.last_error, m.count()

    def _mirror_state_read(self, result) -> None:
        value, error = result
        if error is None:
            self._mirror_age, last_error, self._catalog_size = value
            if last_error and not self._sync_state:
                self._sync_state, self._sync_reason = "update_failed", last_error
            self.changed.emit()

    @Slot()
    def syncIfOld(self) -> None:
        """Sync when the mirror is older than a few minutes: the page asks when it is shown and when the car comes
        online while it is open, so a car that never opens the store never syncs (nor loads sqlite-utils)."""
        self._work(lambda: self.mirror().needs_sync(), lambda r: r[0] and self.sync())

    @Slot()
    def sync(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.changed.emit()
        cloud = self.ctx.cloud

        def run():
            result = self.mirror().sync(cloud.get)
            return result, self.mirror().age(), self.mirror().count()
        self._work(run, self._synced)

    def _synced(self, result) -> None:
        self._syncing = False
        value, error = result
        if error is not None:
            self._sync_state, self._sync_reason = "update_failed", str(error)
        else:
            outcome, self._mirror_age, self._catalog_size = value
            if outcome.error and not outcome.offline:
                self._sync_state, self._sync_reason = "update_failed", outcome.error
            elif outcome.offline:
                self._sync_state, self._sync_reason = "offline", ""
            else:
                self._sync_state, self._sync_reason = "", ""
            if outcome.changed:
                self._fit_count = -1
                self.refresh_list()
                self._refresh_basket_rows()
        self.changed.emit()
        self.publish_template()

    # Lists

    def _for_car(self) -> bool:
        return self._section == "forCar"

    def refresh_list(self) -> None:
        request = self._list_request = next(self._requests)
        category, text, sort, limit = self._category, self._query.strip(), self._sort, self._limit
        for_car, profile = self._for_car(), self._profile
        listing = self._page == "list" or bool(text)

        def read():
            m = self.mirror()
            verdicts = m.verdicts(profile)
            fitting = {pid for pid, v in verdicts.items() if v.kind in FITS}
            only = fitting if for_car else None
            rows, total = m.query(category=category or None, text=text or None, only=only, sort=sort,
                                  limit=limit) if listing else ([], 0)
            if for_car:  # what fits for certain first, then what fits if the owner confirms a detail
                rows.sort(key=lambda r: verdicts[r["id"]].kind != "fits")
            counts: dict[str, int] = {}
            for pid, cat in m.product_categories():
                if not for_car or pid in fitting:
                    counts[cat] = counts.get(cat, 0) + 1
            categories = [{**c, "count": counts.get(c["id"], 0)} for c in m.categories()]
            return rows, total, {r["id"]: verdicts.get(r["id"]) for r in rows}, categories, len(fitting)

        self._work(read, lambda r: self._listed(request, r))

    def _listed(self, request: int, result) -> None:
        if request != self._list_request:
            return  # a newer list was asked for meanwhile
        value, error = result
        if error is not None:
            self._rows, self._total = [], 0
            self._sync_state, self._sync_reason = "read_failed", str(error)
        else:
            self._rows, self._total, verdicts, self._categories, self._fit_count = value
            self._verdicts.update(verdicts)
        self.changed.emit()
        self.publish_template()

    def _image(self, product_id: str) -> str:
        """The product's picture, fetched by the shell (the token stays there)."""
        return self.ctx.cloud.image_url(f"v1/catalog/images/{product_id}.svg")

    def _row(self, r: dict) -> dict:
        verdict = words.verdict_words(self.ctx, self._verdicts.get(r["id"]), self._car_name())
        return {"id": r["id"], "title": r["name"], "brand": r.get("brand") or "",
                "image": self._image(r["id"]), "verdict": verdict["kind"], "verdictTitle": verdict["title"],
                "verdictText": verdict["text"], "price": words.money(r["price_cents"], r["currency"]),
                "rating": float(r.get("rating") or 0), "reviews": int(r.get("review_count") or 0),
                "ratingText": words.number(r.get("rating") or 0) if r.get("review_count") else "",
                "stock": words.stock(self.ctx, int(r.get("stock") or 0)),
                "inStock": int(r.get("stock") or 0) > 0}

    def _max_rows(self) -> int:
        return int(self.ctx.restrictions.maxItemsPerScreen or 0)

    @Property("QVariantList", notify=changed, final=True)
    def items(self) -> list:
        """The list on screen: at most Restrictions.maxItemsPerScreen rows while the car is not parked."""
        rows = self._rows
        limit = self._max_rows()
        if limit:
            rows = rows[:limit]
        return [self._row(r) for r in rows]

    @Property(int, notify=changed, final=True)
    def total(self) -> int:
        return self._total

    @Property(int, notify=changed, final=True)
    def hiddenItems(self) -> int:
        """Rows that wait for the car to be parked (the list is cut to the driving limit)."""
        limit = self._max_rows()
        return max(0, self._total - limit) if limit else 0

    @Property(bool, notify=changed, final=True)
    def hasMore(self) -> bool:
        return not self._max_rows() and len(self._rows) < self._total

    @Slot()
    def loadMore(self) -> None:
        if self._max_rows():
            return  # long lists page only while parked
        self._limit += PAGE_SIZE
        self.refresh_list()

    @Property("QVariantList", notify=changed, final=True)
    def categories(self) -> list:
        shown = [c for c in self._categories if c["count"] or not self._for_car()]
        return [{"id": c["id"], "title": c["name"], "icon": CATEGORY_ICONS.get(c["id"], "mdi6.tag-outline"),
                 "subtitle": self.ctx.tr("%1 parts").replace("%1", str(c["count"])), "count": c["count"]}
                for c in shown]

    @Property(str, notify=changed, final=True)
    def section(self) -> str:
        return self._section

    @Property(str, notify=changed, final=True)
    def page(self) -> str:
        return self._page

    @Property(str, notify=changed, final=True)
    def category(self) -> str:
        return self._category

    @Property(str, notify=changed, final=True)
    def query(self) -> str:
        return self._query

    @Property(str, notify=changed, final=True)
    def listTitle(self) -> str:
        if self._query.strip():
            return self.ctx.tr("Results for “%1”").replace("%1", self._query.strip())
        name = next((c["name"] for c in self._categories if c["id"] == self._category), "")
        if self._for_car():
            return name or self.ctx.tr("For my car")
        return name or self.ctx.tr("All products")

    @Property(str, notify=changed, final=True)
    def sort(self) -> str:
        return self._sort

    @Property(str, notify=changed, final=True)
    def sortLabel(self) -> str:
        return {"popular": self.ctx.tr("Popular"), "price": self.ctx.tr("Price: low to high"),
                "-price": self.ctx.tr("Price: high to low"), "rating": self.ctx.tr("Best rated")}[self._sort]

    @Slot()
    def nextSort(self) -> None:
        self._sort = SORTS[(SORTS.index(self._sort) + 1) % len(SORTS)]
        self._limit = PAGE_SIZE
        self.refresh_list()
        self.changed.emit()

    @Slot(str)
    def showSection(self, section: str) -> None:
        if section not in SECTIONS:
            return
        self._came_from = None
        if section != self._section or self._page in ("product", "reviews", "review", "checkout"):
            self._page = ""
        if section in ("browse", "forCar") and section != self._section:
            self._category, self._query = "", ""
        self._section = section
        self._limit = PAGE_SIZE
        if section in ("browse", "forCar"):
            self.refresh_list()
        elif section == "basket":
            self._refresh_basket_rows()
        self.changed.emit()

    @Slot(str)
    def showCategory(self, category: str) -> None:
        if self._section not in ("browse", "forCar"):
            self._section = "browse"
        self._category, self._query, self._page, self._limit = category, "", "list", PAGE_SIZE
        self.refresh_list()
        self.changed.emit()

    @Slot(str)
    def search(self, text: str) -> None:
        if self._section not in ("browse", "forCar"):
            self._section = "browse"
        self._query, self._category, self._limit = text, "", PAGE_SIZE
        self._page = "list" if text.strip() else ""
        self.refresh_list()
        self.changed.emit()

    @Slot(result=bool)
    def back(self) -> bool:
        """One level up inside the app; False at a section's first level (the shell then goes home)."""
        match self._page:
            case "reviews":
                self._page = "product"
            case "review":
                self._page = "reviews"
            case "product":
                self._page = "list" if (self._category or self._query.strip()) and self._section in (
                    "browse", "forCar") else ""
                self._product = None
                if self._came_from is not None:
                    (self._section, self._page), self._came_from = self._came_from, None
            case "checkout":
                self._page = ""
            case "list":
                self._page, self._category, self._query = "", "", ""
                self.refresh_list()
            case _:
                return False
        self.changed.emit()
        return True

    # What fits the car: for the tile and for the service desk

    @Property(int, notify=changed, final=True)
    def fitCount(self) -> int:
        """How many products fit the car (fits or fits if); -1 until counted."""
        return self._fit_count

    @Property(str, notify=changed, final=True)
    def carName(self) -> str:
        return self._car_name()

    @Property(str, notify=changed, final=True)
    def carSummary(self) -> str:
        return self._profile.summary if self._profile is not None else ""

    def verdicts_for_categories(self, categories: list[str]) -> list[dict]:
        """Products that fit the car in these categories, best first (call it on the worker): the service
        desk suggests them with a maintenance reminder. Each: id, name, category, price, verdict, verdictText."""
        m = self.mirror()
        verdicts = m.verdicts(self._profile)
        found = []
        for category in categories:
            rows, _ = m.query(category=category, only={p for p, v in verdicts.items() if v.kind in FITS},
                              sort="rating", limit=5)
            for r in rows:
                said = words.verdict_words(self.ctx, verdicts[r["id"]], self._car_name())
                found.append({"id": r["id"], "name": r["name"], "category": r["category"],
                              "price": words.money(r["price_cents"], r["currency"]), "price_cents": r["price_cents"],
                              "currency": r["currency"], "image": self._image(r["id"]), "verdict": said["kind"],
                              "verdictText": said["text"]})
        return found

    # Mirror state on screen

    @Property(bool, notify=changed, final=True)
    def syncing(self) -> bool:
        return self._syncing

    @Property(str, notify=changed, final=True)
    def catalogNote(self) -> str:
        """Where the list comes from when it is not fresh: its age offline, or why it was not updated."""
        problem = {"update_failed": self.ctx.tr("The catalog could not be updated: %1"),
                   "read_failed": self.ctx.tr("The catalog cannot be read: %1")}.get(self._sync_state, "")
        problem = problem.replace("%1", self._sync_reason)
        if self._catalog_size == 0 and self._mirror_age is None:
            if self._syncing:
                return self.ctx.tr("Loading the catalog…")
            return problem or self.ctx.tr("The catalog loads when the car is online")
        age = words.age(self.ctx, self._mirror_age)
        if problem:
            return self.ctx.tr("%1. Showing the catalog as of %2").replace("%1", problem).replace("%2", age)
        if self._sync_state == "offline":
            return self.ctx.tr("Offline: catalog as of %1").replace("%1", age)
        return ""

    @Slot()
    def retranslate(self) -> None:
        """The driver chose another language: every text is read again (they are translated when read)."""
        self.changed.emit()
        self.publish_template()

    # The product page

    @Slot(str)
    def openProduct(self, product_id: str) -> None:
        if self._section not in ("browse", "forCar"):
            self._came_from = (self._section, self._page)
            self._section = "browse"
        elif self._page != "product":
            self._came_from = None
        if self._page != "product" or (self._product or {}).get("id") != product_id:
            self._detail, self._detail_note, self._review_note = None, "", ""
        self._page = "product"
        self._product = {"id": product_id}
        profile = self._profile

        def read():
            m = self.mirror()
            return m.product(product_id), m.verdicts(profile).get(product_id)
        self._work(read, lambda r: self._product_read(product_id, r))
        self._read_detail(product_id)
        self.changed.emit()

    def _product_read(self, product_id: str, result) -> None:
        value, error = result
        if (self._product or {}).get("id") != product_id:
            return
        row, verdict = value if error is None else (None, None)
        if row is None:
            self._detail_note = self.ctx.tr("This product is not in the catalog on the car yet")
            self._product = {"id": product_id, "missing": True}
        else:
            self._product = row
            self._verdicts[product_id] = verdict
        self.changed.emit()

    def _read_detail(self, product_id: str) -> None:
        cloud = self.ctx.cloud

        def read():
            reading = cloud.get(f"/v1/catalog/products/{product_id}")
            return reading.data, (reading.age_seconds if reading.stale else None)
        self._work(read, lambda r: self._detail_read(product_id, r))

    def _detail_read(self, product_id: str, result) -> None:
        if (self._product or {}).get("id") != product_id:
            return
        value, error = result
        if error is not None:
            self._detail_note = self.ctx.tr("Reviews load when the car is online") \
                if isinstance(error, CloudUnavailable) else \
                self.ctx.tr("Reviews could not be read: %1").replace("%1", str(error))
        else:
            data, stale_age = value
            self._detail = data if isinstance(data, dict) else None
            self._detail_note = self.ctx.tr("Offline: reviews as of %1").replace(
                "%1", words.age(self.ctx, stale_age)) if stale_age is not None else ""
        self.changed.emit()

    @Property("QVariantMap", notify=changed, final=True)
    def product(self) -> dict:
        p = self._product
        if not p or "name" not in p:
            return {"id": p["id"], "loading": "missing" not in p} if p else {}
        said = words.verdict_words(self.ctx, self._verdicts.get(p["id"]), self._car_name())
        minutes = p.get("fitting_minutes")
        return {
            "id": p["id"], "name": p["name"], "brand": p.get("brand") or "",
            "partNumber": p.get("part_number") or "", "description": p.get("description") or "",
            "image": self._image(p["id"]), "price": words.money(p["price_cents"], p["currency"]),
            "stock": words.stock(self.ctx, int(p.get("stock") or 0)), "inStock": int(p.get("stock") or 0) > 0,
            "rating": float(p.get("rating") or 0), "ratingText": words.number(p.get("rating") or 0),
            "reviews": int(p.get("review_count") or 0),
            "verdict": said["kind"], "verdictTitle": said["title"], "verdictDetail": said["detail"],
            "verdictText": said["text"],
            "fitting": self.ctx.tr("A partner workshop can fit it in %1 min").replace("%1", str(minutes))
            if minutes else "",
            "inBasket": self._basket.get(p["id"], 0),
        }

    @Property(str, notify=changed, final=True)
    def productNote(self) -> str:
        return self._detail_note

    # Reviews

    @Property("QVariantList", notify=changed, final=True)
    def histogram(self) -> list:
        counts = (self._detail or {}).get("histogram") or {}
        values = {s: int(counts.get(str(s), 0) or 0) for s in range(1, 6)}
        top = max(values.values(), default=0) or 1
        return [{"stars": s, "count": values[s], "fraction": values[s] / top} for s in range(5, 0, -1)]

    @Property("QVariantList", notify=changed, final=True)
    def reviews(self) -> list:
        shown = []
        listed = [r for r in (self._detail or {}).get("reviews") or [] if isinstance(r, dict)]
        own = self._written.get((self._product or {}).get("id", ""))
        if own and own.get("review_id") and not any(r.get("review_id") == own["review_id"] for r in listed):
            listed.insert(0, own)
        for r in listed:
            if not isinstance(r, dict) or "review_id" not in r:
                continue
            when = parse_time(r.get("created_at"))
            shown.append({"id": r["review_id"], "rating": int(r.get("rating") or 0), "text": r.get("text") or "",
                          "date": QLocale(QLocale().name()).toString(when.date(), QLocale.FormatType.ShortFormat)
                          if when else "",
                          "verified": bool(r.get("verified_purchase")), "vehicle": r.get("vehicle") or "",
                          "reported": r["review_id"] in self._reported,
                          "own": r["review_id"].startswith("this-car:")})
        return shown

    @Property(str, notify=changed, final=True)
    def reviewNote(self) -> str:
        return self._review_note

    @Slot()
    def showReviews(self) -> None:
        if self._product is not None:
            self._page = "reviews"
            self.changed.emit()

    @Slot()
    def writeReview(self) -> None:
        if self._product is None:
            return
        if not self.ctx.driving.parked:
            self._review_note = self.ctx.tr("Writing a review needs the car parked")
        else:
            self._page, self._review_note = "review", ""
        self.changed.emit()

    @Property("QVariantList", notify=changed, final=True)
    def reportReasons(self) -> list:
        return [{"value": "spam", "label": self.ctx.tr("Spam or advertising")},
                {"value": "offensive", "label": self.ctx.tr("Offensive")},
                {"value": "off_topic", "label": self.ctx.tr("Not about this product")},
                {"value": "fake", "label": self.ctx.tr("Fake review")}]

    @Slot(str, str)
    def reportReview(self, review_id: str, reason: str) -> None:
        if reason not in REPORT_REASONS or not review_id or review_id in self._reported:
            return
        self._reported.add(review_id)
        self._keep("reported", sorted(self._reported))
        self._review_note = self.ctx.tr("Reporting the review…")
        self._submit("report", review_id, "POST", f"/v1/catalog/reviews/{review_id}/reports", {"reason": reason})
        self.changed.emit()

    @Slot(int, str)
    def submitReview(self, rating: int, text: str) -> None:
        product = self._product
        if not product or not 1 <= rating <= 5:
            self._review_note = self.ctx.tr("Choose from one to five stars")
            self.changed.emit()
            return
        if not self.ctx.driving.parked:
            self._review_note = self.ctx.tr("Writing a review needs the car parked")
            self.changed.emit()
            return
        body: dict[str, Any] = {"rating": rating, "text": text.strip()[:2000]}
        if self._profile is not None and self._profile.summary:
            body["vehicle"] = self._profile.summary[:80]
        self._sending_reviews[product["id"]] = {**body, "created_at": datetime.now().astimezone().isoformat()}
        self._submit("review", product["id"], "POST", f"/v1/catalog/products/{product['id']}/reviews", body)
        self._review_note = self.ctx.tr("Sending your review…")
        self._page = "reviews"
        self.changed.emit()

    def _submit(self, kind: str, ref: str, method: str, path: str, body: dict) -> None:
        cloud = self.ctx.cloud

        def send() -> str:
            op_id = cloud.submit("reviews", method, path, body)
            self._ops[op_id] = (kind, ref)  # before the GUI thread can hear that it finished
            return op_id

        def sent(result) -> None:
            op_id, error = result
            if error is not None:
                self._review_note = self.ctx.tr("Not sent: %1").replace("%1", str(error))
                self.changed.emit()
            elif op_id in self._early:
                self._op_finished(op_id, *self._early.pop(op_id))
        self._work(send, sent)

    def _op_finished(self, op_id: str, state: str, status: int) -> None:
        known = self._ops.pop(op_id, None)
        if known is None:
            self._early[op_id] = (state, status)
            return
        kind, ref = known
        if kind == "report":
            if state == "acked":
                self._review_note = self.ctx.tr("Thank you: the review was reported")
            elif status == 422:  # already_reported or own_review: one report per account, none of your own
                self._review_note = self.ctx.tr("Your account has already reported this review, or wrote it")
            else:
                self._reported.discard(ref)
                self._keep("reported", sorted(self._reported))
                self._review_note = self.ctx.tr("The report was not sent")
        else:
            if state == "acked":
                self._review_note = self.ctx.tr("Thank you: your review is published")
                self._written[ref] = {**self._sending_reviews.pop(ref, {}), "review_id": f"this-car:{op_id}"}
            else:
                self._sending_reviews.pop(ref, None)
                self._review_note = self.ctx.tr("You have already reviewed this product") if status == 422 \
                    else self.ctx.tr("Your review was not published")
        self.changed.emit()

    # The basket

    def _refresh_basket_rows(self) -> None:
        ids = list(self._basket)
        self._work(lambda: self.mirror().products(ids), self._basket_rows_read)

    def _basket_rows_read(self, result) -> None:
        value, error = result
        if error is None:
            self._basket_rows.update(value)
            self.changed.emit()

    @Slot(str)
    def addToBasket(self, product_id: str) -> None:
        self._basket[product_id] = min(99, self._basket.get(product_id, 0) + 1)
        if self._product and self._product.get("id") == product_id and "name" in self._product:
            self._basket_rows[product_id] = self._product
        else:
            self._refresh_basket_rows()
        self._save_basket()  # no toast: the button says how many are in the basket, the section's badge counts
        self.changed.emit()
        self.publish_template()

    @Slot(str, int)
    def setQuantity(self, product_id: str, quantity: int) -> None:
        if product_id not in self._basket:
            return
        if quantity <= 0:
            del self._basket[product_id]
        else:
            self._basket[product_id] = min(99, quantity)
        self._save_basket()
        self.changed.emit()
        self.publish_template()

    def _lines(self) -> list[tuple[dict, int]]:
        return [(self._basket_rows[pid], qty) for pid, qty in self._basket.items() if pid in self._basket_rows]

    @Property("QVariantList", notify=changed, final=True)
    def basket(self) -> list:
        rows = []
        for row, qty in self._lines():
            rows.append({"id": row["id"], "title": row["name"], "image": self._image(row["id"]), "quantity": qty,
                         "price": words.money(row["price_cents"], row["currency"]),
                         "lineTotal": words.money(row["price_cents"] * qty, row["currency"]),
                         "stock": words.stock(self.ctx, int(row.get("stock") or 0)),
                         "fitting": bool(row.get("fitting_minutes"))})
        return rows

    @Property(int, notify=changed, final=True)
    def basketCount(self) -> int:
        return sum(self._basket.values())

    def total_cents(self) -> tuple[int, str]:
        lines = self._lines()
        currency = lines[0][0]["currency"] if lines else "EUR"
        return sum(row["price_cents"] * qty for row, qty in lines), currency

    @Property(str, notify=changed, final=True)
    def basketTotal(self) -> str:
        cents, currency = self.total_cents()
        return words.money(cents, currency)

    @Property(int, notify=changed, final=True)
    def fittingMinutes(self) -> int:
        """How long a workshop needs to fit what is in the basket (the slots asked for are this long)."""
        return sum(row.get("fitting_minutes") or 0 for row, _ in self._lines())

    # Checkout

    @Property(bool, notify=changed, final=True)
    def parked(self) -> bool:
        return self.ctx.driving.parked

    @Slot()
    def startCheckout(self) -> None:
        self._section, self._page = "basket", "checkout"
        self._checkout_note = "" if self.ctx.driving.parked else self.ctx.tr("Checkout needs the car parked")
        if self._order_state in ("succeeded", "refused", "failed", "declined"):
            self._order_state = ""
        self.changed.emit()

    @Property(str, notify=changed, final=True)
    def delivery(self) -> str:
        return self._delivery

    @Slot(str)
    def setDelivery(self, kind: str) -> None:
        if kind in ("home", "workshop"):
            self._delivery = kind
            self._checkout_note = ""
            self.changed.emit()

    @Property("QVariantMap", notify=changed, final=True)
    def address(self) -> dict:
        return dict(self._address)

    @Slot(str, str)
    def setAddressField(self, key: str, value: str) -> None:
        if key in ADDRESS_FIELDS and self._address.get(key) != value[:120]:
            self._address[key] = value[:120]  # as typed: trimmed when the order is made
            self._keep("address", self._address)
            self.changed.emit()

    @Slot("QVariant", str)
    def chooseWorkshop(self, workshop: Any, slot_start: str) -> None:
        """From the workshop picker: the workshop (its object from /v1/workshops) and the slot's start."""
        if hasattr(workshop, "toVariant"):
            workshop = workshop.toVariant()
        self._workshop = dict(workshop) if isinstance(workshop, dict) and workshop.get("id") else None
        self._slot = slot_start if self._workshop else ""
        self._delivery = "workshop"
        self._checkout_note = ""
        self.changed.emit()

    @Property("QVariantMap", notify=changed, final=True)
    def workshop(self) -> dict:
        if not self._workshop:
            return {}
        return {"id": self._workshop["id"], "name": self._workshop.get("name", ""),
                "address": self._workshop.get("address", ""), "slot": self._slot_text()}

    def _slot_text(self) -> str:
        when = parse_time(self._slot)
        if when is None:
            return ""
        locale = QLocale(QLocale().name())
        return locale.toString(when.date(), "ddd d MMM") + " " + when.strftime("%H:%M")

    def _missing(self) -> list[str]:
        if not self._lines():
            return [self.ctx.tr("something in the basket")]
        if self._delivery == "workshop":
            return [] if self._workshop and self._slot else [self.ctx.tr("a workshop and a time")]
        labels = {"name": self.ctx.tr("name"), "street": self.ctx.tr("street"), "postcode": self.ctx.tr("postcode"),
                  "city": self.ctx.tr("city"), "country": self.ctx.tr("country")}
        return [labels[k] for k in ADDRESS_FIELDS if not self._address.get(k, "").strip()]

    @Property(bool, notify=changed, final=True)
    def canCheckout(self) -> bool:
        return self.ctx.driving.parked and not self._missing() and self._order_state not in ("confirm", "queued",
                                                                                              "sent")

    @Property(str, notify=changed, final=True)
    def checkoutNote(self) -> str:
        if not self.ctx.driving.parked and self._order_state not in ("queued", "sent", "succeeded"):
            return self.ctx.tr("Checkout needs the car parked")
        return self._checkout_note

    @Property(str, notify=changed, final=True)
    def orderState(self) -> str:
        return self._order_state

    def order_request(self) -> dict:
        """The payment request for the basket as it stands: the shell's sheet shows it, then sends its write."""
        cents, currency = self.total_cents()
        lines = self._lines()
        items = [{"product_id": row["id"], "quantity": qty} for row, qty in lines]
        if self._delivery == "workshop":
            delivery: dict[str, Any] = {"kind": "workshop", "workshop_id": self._workshop["id"],
                                        "slot_start": self._slot}
            where = self.ctx.tr("Fitted at %1").replace("%1", self._workshop.get("name", ""))
        else:
            address = {k: self._address[k].strip() for k in ADDRESS_FIELDS}
            delivery = {"kind": "home", "address": address}
            where = ", ".join(p for p in (address["street"], address["city"]) if p)
        count = sum(qty for _, qty in lines)
        details = [{"label": self.ctx.tr("Items"),
                    "value": lines[0][0]["name"] if len(lines) == 1 and count == 1 else
                    self.ctx.tr("%1 items").replace("%1", str(count))},
                   {"label": self.ctx.tr("Delivery"), "value": where}]
        if self._delivery == "workshop" and self._slot:
            details.append({"label": self.ctx.tr("Appointment"), "value": self._slot_text()})
        if self._profile is not None and self._profile.summary:
            details.append({"label": self.ctx.tr("For"), "value": self._profile.summary})
        return {"kind": "order", "merchant": {"id": MERCHANT_ID, "name": self.ctx.tr("Accessory store")},
                "amount_cents": cents, "currency": currency,
                "request": {"method": "POST", "path": "/v1/orders", "body": {"items": items, "delivery": delivery}},
                "details": details[:4]}

    @Slot()
    def checkout(self) -> None:
        if not self.ctx.driving.parked:
            self._checkout_note = self.ctx.tr("Checkout needs the car parked")
            self.changed.emit()
            return
        missing = self._missing()
        if missing:
            self._checkout_note = self.ctx.tr("Still needed: %1").replace("%1", ", ".join(missing))
            self.changed.emit()
            return
        if self._order_state in ("confirm", "queued", "sent"):
            return
        try:
            handle = self.ctx.payments.request(**self.order_request())
        except ValueError as exc:
            self._checkout_note = self.ctx.tr("The order cannot be paid: %1").replace("%1", str(exc))
            self.changed.emit()
            return
        self._order_state = "confirm"
        self._checkout_note = self.ctx.tr("Confirm on the screen")
        self._handles.append(handle)
        handle.outcome.connect(lambda state, details: self._order_outcome(handle, state, details))
        self.changed.emit()

    def _order_outcome(self, handle, state: str, details: dict) -> None:
        match state:
            case "queued":
                self._order_state, self._checkout_note = "queued", self.ctx.tr("Waiting to send")
            case "sent":
                self._order_state, self._checkout_note = "sent", self.ctx.tr("Sent, waiting for the shop")
            case "succeeded":
                order = details.get("answer") or {}
                self._order_state, self._order = "succeeded", order
                self._checkout_note = self.ctx.tr("Order placed")
                self._basket.clear()
                self._save_basket()
                self._remember_order(order)
                self.orderConfirmed.emit(order)
            case "refused":
                self._order_state = "refused"
                self._checkout_note = self._refusal(details)
            case "failed":
                self._order_state = "failed"
                self._checkout_note = self.ctx.tr("Not sent: %1").replace("%1", details.get("reason", ""))
            case "declined_by_driver":
                self._order_state = "declined"
                self._checkout_note = self.ctx.tr("Checkout needs the car parked") \
                    if details.get("reason") == "not-parked" else ""
        if handle.done and handle in self._handles:
            self._handles.remove(handle)
        self.changed.emit()
        self.publish_template()

    def _refusal(self, details: dict) -> str:
        """The shop's refusal in the driver's words: a line sold out since it went into the basket is named by
        its title (the shop's answer names its id), anything else as the shop said it."""
        reason = details.get("reason") or details.get("code", "")
        if details.get("code") == "out_of_stock":
            sold_out = [self._basket_rows[pid]["name"] for pid in self._basket
                        if pid in self._basket_rows and repr(pid) in reason]
            if sold_out:
                return self.ctx.tr("%1 is no longer in stock: take it out of the basket").replace("%1", sold_out[0])
        return self.ctx.tr("Refused: %1").replace("%1", reason)

    def _remember_order(self, order: dict) -> None:
        if not order.get("order_id"):
            return
        self._orders = [order] + [o for o in self._orders if o.get("order_id") != order["order_id"]]
        text = json.dumps(order)
        def save() -> None:
            with self._db() as db:
                db.execute("INSERT OR REPLACE INTO orders (order_id, order_json, confirmed_at) VALUES (?, ?, ?)",
                           (order["order_id"], text, time.time()))
        self._work(save, lambda r: None)

    @Property("QVariantMap", notify=changed, final=True)
    def lastOrder(self) -> dict:
        """The order just confirmed: it stays on screen, also while driving."""
        o = self._order
        if not o:
            return {}
        booking = o.get("booking") or {}
        when = parse_time(booking.get("start"))
        return {"id": o.get("order_id", ""), "total": words.money(o.get("total_cents"), o.get("currency")),
                "state": words.fulfilment(self.ctx, o.get("fulfilment") or "processing"),
                "workshop": (booking.get("workshop") or {}).get("name", ""),
                "when": (QLocale(QLocale().name()).toString(when.date(), "ddd d MMM") + " " + when.strftime("%H:%M"))
                if when else "",
                "moved": bool(booking.get("moved_from"))}

    # Driving

    def _follow_driving(self) -> None:
        if not self.ctx.driving.parked and self._page == "review":
            self._page = "reviews"  # typing waits until parked
        self.changed.emit()
        self.publish_template()

    def publish_template(self) -> None:
        """What the shell draws while moving when the store runs sandboxed: orders in progress, the basket."""
        rows = []
        for order in self._orders[:3]:
            booking = order.get("booking") or {}
            state = words.fulfilment(self.ctx, order.get("fulfilment") or "processing")
            rows.append({"title": self.ctx.tr("Order %1").replace("%1", words.money(order.get("total_cents"),
                                                                                   order.get("currency"))),
                         "subtitle": state, "icon": "mdi6.package-variant-closed"})
            if booking and booking.get("status") == "booked":
                rows.append({"title": (booking.get("workshop") or {}).get("name", "") or self.ctx.tr("Workshop"),
                             "subtitle": booking.get("start", "")[:16].replace("T", " "), "icon": "mdi6.car-wrench"})
        if self._basket:
            rows.append({"title": self.ctx.tr("Basket: %1 items").replace("%1", str(self.basketCount)),
                         "subtitle": self.ctx.tr("Checkout needs the car parked"), "icon": "mdi6.cart-outline"})
        if not rows:
            rows.append({"title": self.ctx.tr("Nothing on order"),
                         "subtitle": self.ctx.tr("Browse the store when parked"), "icon": "mdi6.shopping-outline"})
        try:
            self.ctx.templates.show("list", title=self.ctx.tr("Accessory store"), rows=rows[:6])
            if self._fit_count > 0 and self._car_name():
                self.ctx.templates.tile(self.ctx.tr("For your %1").replace("%1", self._car_name()),
                                        self.ctx.tr("%1 parts").replace("%1", str(self._fit_count)),
                                        "mdi6.shopping-outline")
        except ValueError as exc:
            self.ctx.log.warning("template: %s", exc)
