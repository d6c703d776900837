"""The search index of a region (`search.db`): places by category near a point or along a route, and by name.

One SQLite file, read-only once built:
- `places`: every place (fuel, charging, parking, food, shop, car_service, address, street) with its name,
  its translations (name:xx, as JSON) and its address;
- `places_rtree`: an R*Tree over (category, lat, lon); the category is a dimension of its own, so a query for
  fuel never walks the addresses around it;
- `places_text`: FTS5 over the names (headunit.textsearch: accents ignored, CJK by characters, prefix
  indexes for 1-3 characters).
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from headunit.maps import extract as osm
from headunit.maps.errors import MapError
from headunit.maps.geo import LatLon, LocalPlane, box_around, distance_m
from headunit.maps.results import Place  # noqa: F401 - its public home is here too
from headunit.textsearch import TOKENIZER, fts_query, is_query_error, spaced_cjk

FORMAT = 1
CATEGORIES = ("fuel", "charging", "parking", "food", "shop", "car_service", "address", "street")
_CODE = {category: code for code, category in enumerate(CATEGORIES)}

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE places (
    id INTEGER PRIMARY KEY, osm TEXT NOT NULL, category TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    names TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, street TEXT NOT NULL, housenumber TEXT NOT NULL);
CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_cat, max_cat, min_lat, max_lat, min_lon, max_lon);
CREATE VIRTUAL TABLE places_text USING fts5(
    name, other_names, cjk, content='', tokenize='{TOKENIZER}', prefix='1 2 3');
"""
_COLUMNS = "p.id, p.osm, p.category, p.kind, p.name, p.names, p.lat, p.lon, p.street, p.housenumber"


def write(extract: osm.Extract, out: Path, progress: Callable[[float], None] | None = None) -> dict[str, int]:
    """Write the index of `extract` to `out` (a new file); returns counts by category."""
    report = progress or (lambda fraction: None)
    report(0.0)
    db = sqlite3.connect(out)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        with db:
            db.execute("INSERT INTO meta VALUES ('format', ?), ('bbox', ?)", (str(FORMAT), json.dumps(extract.bbox)))
            total = max(1, len(extract.places))
            for i, place in enumerate(extract.places, start=1):
                names = json.dumps(place.names, ensure_ascii=False, sort_keys=True)
                row = db.execute(
                    "INSERT INTO places (osm, category, kind, name, names, lat, lon, street, housenumber) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (place.osm, place.category, place.kind, place.name, names, place.lat, place.lon,
                     place.street, place.housenumber)).lastrowid
                code = _CODE[place.category]
                db.execute("INSERT INTO places_rtree VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (row, code, code, place.lat, place.lat, place.lon, place.lon))
                others = " ".join(dict.fromkeys(v for v in place.names.values() if v != place.name))
                db.execute("INSERT INTO places_text (rowid, name, other_names, cjk) VALUES (?, ?, ?, ?)",
                           (row, place.name, others, spaced_cjk(f"{place.name} {others}")))
                if i % 2000 == 0:
                    report(0.9 * i / total)
            db.execute("INSERT INTO places_text (places_text) VALUES ('optimize')")
    finally:
        db.close()
    report(1.0)
    return {category: extract.count(category) for category in CATEGORIES}


def build(pbf: Path, out_path: Path, progress: Callable[[float], None] | None = None) -> dict[str, int]:
    """Read `pbf` and write its search index to `out_path`; returns counts by category."""
    report = progress or (lambda fraction: None)
    data = osm.read(pbf, lambda f: report(0.7 * f))
    return write(data, out_path, lambda f: report(0.7 + 0.3 * f))


def display_name(name: str, names: dict[str, str], language: str) -> str:
    """The name in `language` (zh_CN -> name:zh-CN, name:zh, name:zh-Hans), else the local name."""
    base = language.split("_")[0]
    candidates = (language.replace("_", "-"), base, f"{base}-Hans" if language in ("zh", "zh_CN") else None)
    for code in candidates:
        if code and names.get(code):
            return names[code]
    return name or next(iter(names.values()), "")


class SearchIndex:
    """Queries over one region's search.db. Safe to use from several threads (a connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise MapError(f"{self.path}: the search index is missing; import the region again")
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        meta = dict(self._db().execute("SELECT key, value FROM meta"))
        self.bbox: tuple[float, float, float, float] = tuple(json.loads(meta["bbox"]) or (0.0, 0.0, 0.0, 0.0))

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    def close(self) -> None:
        with self._lock:
            for db in self._connections:
                db.close()
            self._connections.clear()
        self._local = threading.local()

    def count(self, category: str | None = None) -> int:
        if category is None:
            return self._db().execute("SELECT count(*) FROM places").fetchone()[0]
        return self._db().execute("SELECT count(*) FROM places WHERE category = ?", (category,)).fetchone()[0]

    def _in_box(self, category: str, box: tuple[float, float, float, float]) -> list[tuple]:
        code = _check(category)
        return self._db().execute(
            f"SELECT {_COLUMNS} FROM places_rtree r JOIN places p ON p.id = r.id WHERE r.min_cat <= ? "
            "AND r.max_cat >= ? AND r.max_lat >= ? AND r.min_lat <= ? AND r.max_lon >= ? AND r.min_lon <= ?",
            (code, code, *box)).fetchall()

    def nearest(self, category: str, lat: float, lon: float, limit: int = 5, language: str = "en") -> list[Place]:
        """The `limit` places of `category` nearest to (lat, lon), nearest first."""
        farthest = max(distance_m(lat, lon, a, b) for a in self.bbox[0::2] for b in self.bbox[1::2])
        radius = 400.0
        while True:
            rows = self._in_box(category, box_around(lat, lon, radius))
            ranked = sorted((distance_m(lat, lon, row[6], row[7]), row) for row in rows)
            within = [item for item in ranked if item[0] <= radius]
            if len(within) >= limit or radius > farthest:
                return [_place(row, language, distance) for distance, row in ranked[:limit]]
            radius *= 4

    def along(self, category: str, shape: Sequence[LatLon], limit: int = 5, max_detour_m: float = 500.0,
              language: str = "en") -> list[Place]:
        """Places of `category` within max_detour_m of the route `shape`, in the order the route passes them
        (where it comes closest); distance_m is measured along the route from its start, off_route_m from it."""
        if len(shape) < 2:
            return self.nearest(category, *shape[0], limit=limit, language=language) if shape else []
        plane = LocalPlane(shape[0][0])
        xy = [plane.xy(*p) for p in shape]
        starts = [0.0]
        for a, b in zip(xy, xy[1:]):
            starts.append(starts[-1] + math.dist(a, b))
        best: dict[int, tuple[float, float, tuple]] = {}  # place -> (along, off route, row) where closest
        step = 32  # segments per R*Tree query: small boxes along a winding route
        for first in range(0, len(xy) - 1, step):
            last = min(first + step, len(xy) - 1)
            lats = [p[0] for p in shape[first:last + 1]]
            lons = [p[1] for p in shape[first:last + 1]]
            south, _, west, _ = box_around(min(lats), min(lons), max_detour_m)
            _, north, _, east = box_around(max(lats), max(lons), max_detour_m)
            for row in self._in_box(category, (south, north, west, east)):
                along, offset = _closest(plane.xy(row[6], row[7]), xy, starts, first, last)
                if offset <= max_detour_m and (row[0] not in best or offset < best[row[0]][1]):
                    best[row[0]] = (along, offset, row)
        passed = sorted(best.values(), key=lambda item: item[0])[:limit]
        return [_place(row, language, along, offset) for along, offset, row in passed]

    def text(self, query: str, near: LatLon | None = None, language: str = "en", limit: int = 20) -> list[Place]:
        """Places whose name (in any language) starts with each word of `query`, accents ignored.
        Streets and named places come before bare addresses; then the nearest to `near`, or the best match."""
        match = fts_query(query)
        if match is None:
            return []
        try:
            rows = self._db().execute(
                f"SELECT {_COLUMNS} FROM (SELECT rowid AS id, rank FROM places_text WHERE places_text MATCH ? "
                "ORDER BY rank LIMIT 2000) hits JOIN places p ON p.id = hits.id ORDER BY hits.rank", (match,)
            ).fetchall()
        except sqlite3.OperationalError as exc:
            if is_query_error(exc):
                return []  # a query FTS5 cannot parse finds nothing rather than failing
            raise MapError(f"{self.path}: the search index cannot be read ({exc}); re-import the region") from exc
        ranked = []
        for order, row in enumerate(rows):
            distance = distance_m(near[0], near[1], row[6], row[7]) if near else math.nan
            bare_address = row[2] == "address" and row[4] == f"{row[8]} {row[9]}"
            ranked.append(((bare_address, distance if near else order), distance, row))
        ranked.sort(key=lambda item: item[0])
        return [_place(row, language, distance) for _, distance, row in ranked[:limit]]


def _check(category: str) -> int:
    if category not in _CODE:
        raise MapError(f"unknown category {category!r}: expected one of {', '.join(CATEGORIES)}")
    return _CODE[category]


def _closest(point: tuple[float, float], xy: list, starts: list[float], first: int,
             last: int) -> tuple[float, float]:
    """(distance along the route, distance off it) where route segments first..last come closest to `point`."""
    px, py = point
    best = (math.nan, math.inf)
    for i in range(first, last):
        (ax, ay), (bx, by) = xy[i], xy[i + 1]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
        offset = math.hypot(ax + t * dx - px, ay + t * dy - py)
        if offset < best[1]:
            best = (starts[i] + t * math.sqrt(length2), offset)
    return best


def _place(row: tuple, language: str, distance: float = math.nan, off_route: float = math.nan) -> Place:
    _, osm_id, category, kind, name, names, lat, lon, street, housenumber = row
    return Place(osm_id, display_name(name, json.loads(names), language), category, lat, lon, distance, street,
                 housenumber, kind, off_route)
