"""The catalog mirror: every product of the backend's catalog in the plugin's own SQLite database.

The store browses, searches and filters the mirror, never the network, so a list opens at once and works
in a tunnel. `sync()` brings it up to date page by page from `GET /v1/catalog/sync?cursor=…` (every product
changed after the cursor), keeping the cursor, so a re-sync fetches only what changed. A page that does not
read as the backend documents it is refused whole: the mirror keeps what it had and says why.

Fitment verdicts for the car's profile are computed here, from records parsed once per product version and
cached per profile: the "for my car" filter over 5,000 products costs a dictionary lookup per product.

Plain Python; no Qt. Writes go through sqlite-utils (upserts, the FTS5 index and its triggers), imported only
when the mirror writes, since it costs about 14 MB of resident memory: a car whose mirror is up to date reads
it with the standard library alone. Call it from one thread at a time (the plugin's worker).
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from headunit.sdk import CloudUnavailable, Profile, fitment_verdict, parse_fitment

SYNC_PATH = "/v1/catalog/sync"
CATEGORIES_PATH = "/v1/catalog/categories"
SYNC_PAGE = 500
#: A mirror older than this is synced again when the store opens.
FRESH_FOR_S = 5 * 60
#: At most this many pages in one sync (a runaway cursor must not loop forever).
MAX_PAGES = 1000
#: Verdict kinds that count as "for my car".
FITS = ("fits", "fits_if")
SORTS = ("popular", "price", "-price", "rating")

_ORDER = {
    "popular": "review_count DESC, rating DESC, name",
    "price": "price_cents, name",
    "-price": "price_cents DESC, name",
    "rating": "rating DESC, review_count DESC, name",
}
_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")

PRODUCT_COLUMNS = {
    "id": str, "name": str, "category": str, "description": str, "brand": str, "part_number": str,
    "price_cents": int, "currency": str, "stock": int, "rating": float, "review_count": int, "universal": int,
    "fitment": str, "fitting_minutes": int, "updated_at": str,
}


class CorruptAnswer(ValueError):
    """The backend's answer does not read as documented; the message names what was wrong."""


@dataclass(frozen=True)
class SyncResult:
    """How a sync went: pages and products applied, whether the mirror is now complete, and why not."""
    pages: int = 0
    changed: int = 0
    complete: bool = False
    offline: bool = False
    error: str = ""


def fts_query(text: str) -> str | None:
    """An FTS5 query: every word a prefix; Chinese characters as a phrase. None when there is nothing to find."""
    terms = []
    for word in _WORD.findall(text):
        if _CJK.search(word):
            terms.append('"' + " ".join(word) + '"')
        else:
            terms.append(f'"{word}"*')
    return " ".join(terms) or None


def _expect(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise CorruptAnswer(f"{where}: {message}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def product_row(item: Any, where: str) -> dict[str, Any]:
    """A product of the backend (the catalog's Product JSON) as a mirror row; CorruptAnswer names the field."""
    _expect(isinstance(item, dict), where, "expected a product object")
    for key in ("id", "name", "category"):
        _expect(isinstance(item.get(key), str) and item[key] != "", f"{where}.{key}", "expected a non-empty string")
    _expect(_is_int(item.get("price_cents")) and item["price_cents"] >= 0, f"{where}.price_cents",
            "expected a whole number of cents")
    _expect(isinstance(item.get("currency"), str) and re.fullmatch(r"[A-Z]{3}", item["currency"]) is not None,
            f"{where}.currency", "expected an ISO 4217 code")
    _expect(_is_int(item.get("stock", 0)), f"{where}.stock", "expected a whole number")
    _expect(isinstance(item.get("rating", 0), (int, float)) and not isinstance(item.get("rating", 0), bool),
            f"{where}.rating", "expected a number")
    _expect(_is_int(item.get("review_count", 0)), f"{where}.review_count", "expected a whole number")
    _expect(isinstance(item.get("universal", False), bool), f"{where}.universal", "expected true or false")
    fitment = item.get("fitment") or []
    _expect(isinstance(fitment, list), f"{where}.fitment", "expected a list of records")
    try:
        parse_fitment(fitment)
    except Exception as exc:  # noqa: BLE001 - any refusal of the records is a corrupt answer
        raise CorruptAnswer(f"{where}.{exc}") from None
    minutes = item.get("fitting_minutes")
    _expect(minutes is None or _is_int(minutes), f"{where}.fitting_minutes", "expected minutes or null")
    return {
        "id": item["id"], "name": item["name"], "category": item["category"],
        "description": str(item.get("description") or ""), "brand": str(item.get("brand") or ""),
        "part_number": str(item.get("part_number") or ""), "price_cents": item["price_cents"],
        "currency": item["currency"], "stock": item.get("stock", 0), "rating": float(item.get("rating", 0)),
        "review_count": item.get("review_count", 0), "universal": int(item.get("universal", False)),
        "fitment": json.dumps(fitment, separators=(",", ":")), "fitting_minutes": minutes,
        "updated_at": str(item.get("updated_at") or ""),
    }


def read_page(data: Any) -> tuple[list[dict[str, Any]], str, bool]:
    """A sync answer `{"items": [...], "cursor": "...", "more": bool}` as (rows, cursor, more)."""
    _expect(isinstance(data, dict), "answer", "expected an object with items, cursor and more")
    _expect(isinstance(data.get("items"), list), "items", "expected a list")
    _expect(isinstance(data.get("cursor"), str), "cursor", "expected a string")
    _expect(isinstance(data.get("more"), bool), "more", "expected true or false")
    rows = [product_row(item, f"items[{i}]") for i, item in enumerate(data["items"])]
    return rows, data["cursor"], data["more"]


def profile_key(profile: Profile | None) -> str:
    return json.dumps(profile.to_json(), sort_keys=True) if profile is not None else ""


class Mirror:
    """The catalog in the plugin's database: products (with an FTS5 index), categories and the sync state."""

    def __init__(self, connection: sqlite3.Connection, clock: Callable[[], float] = time.time):
        self.conn = connection
        self._db = None
        self._clock = clock
        # id -> (updated_at, parsed records, universal); verdicts per profile key: id -> Verdict
        self._parsed: dict[str, tuple[str, Any, bool]] = {}
        self._verdicts: dict[str, dict[str, Any]] = {}
        self._create()

    @property
    def db(self):
        """The connection as a sqlite_utils.Database, for writes (imported on first use)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _create(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if {"products", "products_fts", "categories", "mirror_state"} <= tables:
            return
        with self.db.conn:
            products = self.db["products"]
            if not products.exists():
                products.create(PRODUCT_COLUMNS, pk="id", not_null={"name", "category", "price_cents"})
                products.create_index(["category"])
            if not products.detect_fts():
                products.enable_fts(["name", "brand", "part_number", "description"], create_triggers=True,
                                    tokenize="unicode61 remove_diacritics 2")
            self.db["categories"].create({"id": str, "name": str, "position": int}, pk="id", if_not_exists=True)
            self.db["mirror_state"].create({"key": str, "value": str}, pk="key", if_not_exists=True)

    # The sync state

    def _state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM mirror_state WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def _set_state(self, **values: Any) -> None:
        self.db["mirror_state"].upsert_all(
            [{"key": k, "value": None if v is None else str(v)} for k, v in values.items()], pk="key")

    @property
    def cursor(self) -> str:
        return self._state("cursor") or ""

    @property
    def synced_at(self) -> float | None:
        """When the mirror was last complete (every page fetched), epoch seconds; None before that."""
        value = self._state("synced_at")
        return float(value) if value else None

    @property
    def last_error(self) -> str:
        return self._state("error") or ""

    def age(self) -> float | None:
        synced = self.synced_at
        return None if synced is None else max(0.0, self._clock() - synced)

    def needs_sync(self) -> bool:
        age = self.age()
        return age is None or age > FRESH_FOR_S

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM products").fetchone()[0]

    # Writing

    def apply_page(self, data: Any) -> tuple[int, str, bool]:
        """Upsert one sync page and advance the cursor, in one transaction; CorruptAnswer leaves all as it was."""
        rows, cursor, more = read_page(data)
        with self.db.conn:
            if rows:
                self.db["products"].upsert_all(rows, pk="id", batch_size=500)
            self._set_state(cursor=cursor)
        for row in rows:
            self._parsed.pop(row["id"], None)
        if rows:
            self._verdicts.clear()
        return len(rows), cursor, more

    def set_categories(self, data: Any) -> None:
        _expect(isinstance(data, dict) and isinstance(data.get("items"), list), "categories",
                "expected an object with a list of items")
        rows = []
        for i, item in enumerate(data["items"]):
            _expect(isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("name"), str),
                    f"categories.items[{i}]", "expected {id, name}")
            rows.append({"id": item["id"], "name": item["name"], "position": i})
        with self.db.conn:
            self.db.execute("DELETE FROM categories")
            if rows:
                self.db["categories"].insert_all(rows)

    def sync(self, get: Callable[[str, dict | None], Any]) -> SyncResult:
        """Fetch every page after the cursor. `get(path, params)` returns a reading with `data` and `stale`
        (ctx.cloud.get) and raises when the backend cannot be reached and nothing is cached.

        A stale reading (the backend did not answer; this is the cache) stops the sync: the mirror is not
        moved to an old answer. A corrupt page stops it too, with its reason kept for the page to show."""
        pages = changed = 0
        try:
            categories = get(CATEGORIES_PATH, None)
            if not getattr(categories, "stale", False):
                self.set_categories(categories.data)
            for _ in range(MAX_PAGES):
                params = {"limit": SYNC_PAGE}
                if self.cursor:
                    params["cursor"] = self.cursor
                reading = get(SYNC_PATH, params)
                if getattr(reading, "stale", False):
                    return SyncResult(pages, changed, False, offline=True)
                count, _cursor, more = self.apply_page(reading.data)
                pages, changed = pages + 1, changed + count
                if not more:
                    with self.db.conn:
                        self._set_state(synced_at=self._clock(), error="")
                    return SyncResult(pages, changed, True)
            raise CorruptAnswer(f"more than {MAX_PAGES} pages: the cursor does not advance")
        except CorruptAnswer as exc:
            with self.db.conn:
                self._set_state(error=str(exc))
            return SyncResult(pages, changed, False, error=str(exc))
        except CloudUnavailable as exc:  # no backend, or out of reach with nothing cached: offline
            return SyncResult(pages, changed, False, offline=True, error=str(exc))

    # Reading

    def categories(self) -> list[dict[str, Any]]:
        """Categories in shop order, each with how many products it holds."""
        counts = dict(self.conn.execute("SELECT category, count(*) FROM products GROUP BY category").fetchall())
        return [{"id": r[0], "name": r[1], "count": counts.get(r[0], 0)}
                for r in self.conn.execute("SELECT id, name FROM categories ORDER BY position").fetchall()]

    def product_categories(self) -> list[tuple[str, str]]:
        """(id, category) of every product."""
        return self.conn.execute("SELECT id, category FROM products").fetchall()

    def product(self, product_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM products WHERE id = ?", [product_id])
        return rows[0] if rows else None

    def products(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {r["id"]: r for r in self._rows(f"SELECT * FROM products WHERE id IN ({marks})", ids)}

    def _where(self, category: str | None, text: str | None) -> tuple[str, list[Any]] | None:
        clauses, params = [], []
        if category:
            clauses.append("category = ?")
            params.append(category)
        if text:
            match = fts_query(text)
            if match is None:
                return None
            clauses.append("rowid IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?)")
            params.append(match)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def query(self, *, category: str | None = None, text: str | None = None, only: set[str] | None = None,
              sort: str = "popular", offset: int = 0, limit: int = 20) -> tuple[list[dict[str, Any]], int]:
        """One page of products (whole rows) and how many match. `only`: the ids allowed (the products that
        fit the car), applied in Python over the ordered ids, which costs far less than a 5,000-id IN list."""
        if sort not in _ORDER:
            raise ValueError(f"sort: expected one of {', '.join(SORTS)}, got {sort!r}")
        where = self._where(category, text)
        if where is None:
            return [], 0
        clause, params = where
        order = _ORDER[sort]
        try:
            if only is None:
                total = self.conn.execute(f"SELECT count(*) FROM products{clause}", params).fetchone()[0]
                rows = self._rows(f"SELECT * FROM products{clause} ORDER BY {order} LIMIT ? OFFSET ?",
                                  [*params, limit, offset])
                return rows, total
            ids = [r[0] for r in self.conn.execute(f"SELECT id FROM products{clause} ORDER BY {order}", params)
                   if r[0] in only]
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc).lower() or "syntax error" in str(exc).lower():
                return [], 0  # a query FTS5 cannot read finds nothing
            raise
        chosen = ids[offset:offset + limit]
        found = self.products(chosen)
        return [found[i] for i in chosen if i in found], len(ids)

    # Fitment

    def _records(self) -> dict[str, tuple[str, Any, bool]]:
        """Every product's parsed fitment, parsed again only for products that changed since."""
        if len(self._parsed) != self.count():
            for product_id, fitment, universal, updated in self.conn.execute(
                    "SELECT id, fitment, universal, updated_at FROM products"):
                known = self._parsed.get(product_id)
                if known is None or known[0] != updated:
                    self._parsed[product_id] = (updated, parse_fitment(json.loads(fitment or "[]")), bool(universal))
        return self._parsed

    def verdicts(self, profile: Profile | None) -> dict[str, Any]:
        """id -> Verdict for every product, for this profile (cached until the catalog or profile changes)."""
        key = profile_key(profile)
        cached = self._verdicts.get(key)
        if cached is None:
            cached = {pid: fitment_verdict(records, universal, profile)
                      for pid, (_, records, universal) in self._records().items()}
            self._verdicts = {key: cached}  # one profile at a time: the car's
        return cached

    def fitting(self, profile: Profile | None) -> set[str]:
        """The ids of the products that fit the car or fit if the owner confirms a detail."""
        return {pid for pid, verdict in self.verdicts(profile).items() if verdict.kind in FITS}
