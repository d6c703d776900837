"""The map's drawing data: OSM geometry projected once, stored in SQLite for the tile renderer.

`build()` reads an OSM extract and writes `render.db`: every drawable feature (roads by class, railways,
water and the sea, green areas, landuse tints, buildings) with its Web Mercator coordinates in world units
(0..1 across the whole world, y growing south) packed as int32 fixed point, plus labels placed once for the
whole region. An R*Tree over (x, y, zoom) lets a tile fetch only the features it draws.

Tiles carry no text: labels (with their names in each language OSM has, `name:xx`) are read by
`LabelIndex` and drawn upright by the map itself over the tiles, so they never turn with a heading-up map.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import threading
import struct
import sys
from array import array
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path

import osmium

from headunit.maps.errors import DiskFull, MapError, NotAnExtract

#: The layout of render.db. 3 added the labels' names in other languages (label.names); the renderer and
#: LabelIndex still read 2 (names in the local language only).
FORMAT = 3
READABLE_FORMATS = (2, 3)

#: name:xx keys that are languages (name:de, name:zh, name:zh-Hans), not name:etymology or name:prefix.
_LANGUAGE_KEY = re.compile(r"name:([a-z]{2,3}(?:-[A-Za-z]{2,4})?)")
#: The languages whose names the labels keep: those the shell speaks (en, en_US, de, zh_CN) and their variants.
LABEL_LANGUAGES = frozenset({"en", "en-US", "en-GB", "de", "zh", "zh-Hans", "zh-CN"})

#: Stored coordinates are world units times this, as int32: 1.9 cm steps at the equator, finer than a pixel
#: up to zoom 21, in half the bytes of doubles.
COORD_SCALE = 2**31 - 1  # so x = 1.0 (180° east) still fits

#: A feature's zoom range in the R*Tree is [its minimum zoom, MAX_ZOOM], so a tile never fetches what it
#: would not draw.
MAX_ZOOM = 30


class Kind(IntEnum):
    """What a feature is. The value is also the drawing order within a geometry type."""

    # Areas: the sea first (built from the coastline), islands on it, then what lies on land.
    SEA = 1
    ISLAND = 2
    LANDUSE_RESIDENTIAL = 3
    LANDUSE_COMMERCIAL = 4
    LANDUSE_INDUSTRIAL = 5
    SAND = 6
    GREEN = 7
    FOREST = 8
    PEDESTRIAN_AREA = 9
    WATER = 11
    BUILDING = 12
    # Lines
    WATERWAY = 20
    RAIL = 21
    STEPS = 30
    PATH = 31
    SERVICE = 32
    LIVING_STREET = 33
    MINOR = 34
    TERTIARY = 35
    SECONDARY = 36
    PRIMARY = 37
    TRUNK = 38
    MOTORWAY = 39


#: Kinds drawn as filled polygons; all the others are lines.
AREA_KINDS = frozenset(k for k in Kind if k < 20)
ROAD_KINDS = frozenset(k for k in Kind if k >= 30)

_HIGHWAY = {
    "motorway": Kind.MOTORWAY, "motorway_link": Kind.MOTORWAY,
    "trunk": Kind.TRUNK, "trunk_link": Kind.TRUNK,
    "primary": Kind.PRIMARY, "primary_link": Kind.PRIMARY,
    "secondary": Kind.SECONDARY, "secondary_link": Kind.SECONDARY,
    "tertiary": Kind.TERTIARY, "tertiary_link": Kind.TERTIARY,
    "residential": Kind.MINOR, "unclassified": Kind.MINOR, "road": Kind.MINOR,
    "living_street": Kind.LIVING_STREET,
    "service": Kind.SERVICE, "track": Kind.SERVICE, "raceway": Kind.SERVICE,
    "pedestrian": Kind.PATH, "footway": Kind.PATH, "path": Kind.PATH, "cycleway": Kind.PATH,
    "bridleway": Kind.PATH,
    "steps": Kind.STEPS,
}

#: The zoom from which each kind is drawn.
MIN_ZOOM = {
    Kind.LANDUSE_RESIDENTIAL: 10, Kind.LANDUSE_COMMERCIAL: 12, Kind.LANDUSE_INDUSTRIAL: 12,
    Kind.SAND: 12, Kind.GREEN: 11, Kind.FOREST: 10, Kind.PEDESTRIAN_AREA: 15,
    Kind.SEA: 0, Kind.ISLAND: 0, Kind.WATER: 10, Kind.BUILDING: 15,
    Kind.WATERWAY: 12, Kind.RAIL: 12,
    Kind.STEPS: 16, Kind.PATH: 15, Kind.SERVICE: 14, Kind.LIVING_STREET: 13, Kind.MINOR: 13,
    Kind.TERTIARY: 11, Kind.SECONDARY: 10, Kind.PRIMARY: 8, Kind.TRUNK: 6, Kind.MOTORWAY: 5,
}

_AREA_TAGS: list[tuple[str, dict[str, Kind]]] = [
    ("building", {}),  # any value but "no"
    ("natural", {"water": Kind.WATER, "wood": Kind.FOREST, "scrub": Kind.GREEN, "grassland": Kind.GREEN,
                 "heath": Kind.GREEN, "beach": Kind.SAND, "sand": Kind.SAND}),
    ("waterway", {"riverbank": Kind.WATER, "dock": Kind.WATER}),
    ("landuse", {"reservoir": Kind.WATER, "basin": Kind.WATER, "forest": Kind.FOREST, "grass": Kind.GREEN,
                 "meadow": Kind.GREEN, "village_green": Kind.GREEN, "recreation_ground": Kind.GREEN,
                 "cemetery": Kind.GREEN, "allotments": Kind.GREEN, "orchard": Kind.GREEN,
                 "vineyard": Kind.GREEN, "farmland": Kind.GREEN,
                 "residential": Kind.LANDUSE_RESIDENTIAL, "commercial": Kind.LANDUSE_COMMERCIAL,
                 "retail": Kind.LANDUSE_COMMERCIAL, "industrial": Kind.LANDUSE_INDUSTRIAL,
                 "railway": Kind.LANDUSE_INDUSTRIAL, "construction": Kind.LANDUSE_INDUSTRIAL,
                 "quarry": Kind.LANDUSE_INDUSTRIAL}),
    ("leisure", {"park": Kind.GREEN, "garden": Kind.GREEN, "golf_course": Kind.GREEN, "pitch": Kind.GREEN,
                 "common": Kind.GREEN, "nature_reserve": Kind.GREEN, "dog_park": Kind.GREEN,
                 "playground": Kind.GREEN, "swimming_pool": Kind.WATER}),
    ("amenity", {"grave_yard": Kind.GREEN}),
    ("highway", {"pedestrian": Kind.PEDESTRIAN_AREA}),
    ("place", {"square": Kind.PEDESTRIAN_AREA}),
]

_WATERWAYS = frozenset({"river", "stream", "canal", "drain", "ditch"})
_RAILWAYS = frozenset({"rail", "light_rail", "narrow_gauge", "tram", "subway", "funicular", "monorail"})

#: Place labels: place=* -> (rank, the zoom from which the name is shown).
_PLACES = {
    "city": (1, 8), "town": (2, 10), "village": (3, 12), "suburb": (4, 13), "quarter": (5, 14),
    "neighbourhood": (6, 15), "hamlet": (6, 14), "locality": (7, 16), "square": (7, 17),
}
#: Road labels by road kind: rank and the zoom from which the name is shown.
_ROAD_LABELS = {
    Kind.MOTORWAY: (10, 14), Kind.TRUNK: (10, 14), Kind.PRIMARY: (11, 15), Kind.SECONDARY: (12, 15),
    Kind.TERTIARY: (13, 16), Kind.MINOR: (14, 16), Kind.LIVING_STREET: (15, 17), Kind.PATH: (16, 18),
    Kind.SERVICE: (16, 18), Kind.STEPS: (17, 19),
}


class LabelKind(IntEnum):
    PLACE_MAJOR = 1  # city, town
    PLACE = 2  # village, suburb, quarter
    PLACE_MINOR = 3  # neighbourhood, hamlet, locality
    ROAD = 4


def project(lon: float, lat: float) -> tuple[float, float]:
    """Web Mercator in world units: x, y in 0..1, y growing south (the tile scheme's orientation)."""
    lat = max(-85.05112878, min(85.05112878, lat))
    s = math.sin(math.radians(lat))
    return (lon + 180.0) / 360.0, 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)


def unproject(x: float, y: float) -> tuple[float, float]:
    """Inverse of project(): (lon, lat)."""
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return x * 360.0 - 180.0, lat


def _area_kind(tags: osmium.osm.TagList) -> Kind | None:
    for key, values in _AREA_TAGS:
        value = tags.get(key)
        if value is None:
            continue
        if key == "building":
            if value != "no":
                return Kind.BUILDING
            continue
        kind = values.get(value)
        if kind is not None:
            return kind
    return None


def _line_kind(tags: osmium.osm.TagList) -> Kind | None:
    highway = tags.get("highway")
    if highway is not None:
        if tags.get("area") == "yes":
            return None
        return _HIGHWAY.get(highway)
    railway = tags.get("railway")
    if railway in _RAILWAYS:
        return Kind.RAIL
    if tags.get("waterway") in _WATERWAYS:
        return Kind.WATERWAY
    return None


def _names(tags: osmium.osm.TagList) -> dict[str, str]:
    """The object's name in other languages: {"de": …, "zh-Hans": …} from name:xx."""
    names = {}
    for tag in tags:
        if tag.k.startswith("name:") and tag.v:
            match = _LANGUAGE_KEY.fullmatch(tag.k)
            if match and match[1] in LABEL_LANGUAGES:
                names[match[1]] = tag.v
    return names


def _layer(tags: osmium.osm.TagList) -> int:
    """-1 in a tunnel, +1 on a bridge, 0 otherwise: tunnels are drawn faint and bridges above the rest."""
    if tags.get("tunnel", "no") not in ("no", "false") or tags.get("location") == "underground":
        return -1
    if tags.get("bridge", "no") not in ("no", "false"):
        return 1
    return 0


class _Feature:
    __slots__ = ("kind", "layer", "name", "rings", "points", "minx", "miny", "maxx", "maxy")

    def __init__(self, kind: Kind, layer: int, name: str | None, rings: list[list[float]]) -> None:
        self.kind = kind
        self.layer = layer
        self.name = name
        self.points = array("d")
        for ring in rings:
            self.points.extend(ring)
        self.rings = [len(ring) // 2 for ring in rings]
        xs = self.points[0::2]
        ys = self.points[1::2]
        self.minx, self.maxx, self.miny, self.maxy = min(xs), max(xs), min(ys), max(ys)

    def pack(self) -> bytes:
        """The rings as QDataStream writes a QPolygon each (little-endian), in COORD_SCALE units."""
        out = bytearray()
        start = 0
        for count in self.rings:
            ring = array("i", [int(v * COORD_SCALE + 0.5) for v in self.points[2 * start:2 * (start + count)]])
            if sys.byteorder != "little":
                ring.byteswap()
            out += struct.pack("<I", count)
            out += ring.tobytes()
            start += count
        return bytes(out)


class _Collector:
    """Walks the extract once and keeps what the map draws, already projected."""

    def __init__(self) -> None:
        self.features: list[_Feature] = []
        self.coastlines: list[tuple[list[int], list[float]]] = []  # node ids, flat x/y
        self.places: list[tuple[str, str, float, float, dict[str, str]]] = []
        #: A feature's names in other languages, by the feature's index in `features` (named roads only).
        self.names: dict[int, dict[str, str]] = {}

    def node(self, n: osmium.osm.Node) -> None:
        place = n.tags.get("place")
        name = n.tags.get("name")
        if place in _PLACES and name:
            x, y = project(n.location.lon, n.location.lat)
            self.places.append((place, name, x, y, _names(n.tags)))

    def way(self, w: osmium.osm.Way) -> None:
        tags = w.tags
        if tags.get("natural") == "coastline":
            ids, flat = self._way_points(w)
            if len(ids) >= 2:
                self.coastlines.append((ids, flat))
        kind = _line_kind(tags)
        if kind is None:
            return
        _, flat = self._way_points(w)
        if len(flat) >= 4:
            name = tags.get("name")
            if name:
                names = _names(tags)
                if names:
                    self.names[len(self.features)] = names
            self.features.append(_Feature(kind, _layer(tags), name, [flat]))

    def area(self, a: osmium.osm.Area) -> None:
        kind = _area_kind(a.tags)
        if kind is None:
            return
        layer = -1 if a.tags.get("location") == "underground" else 0
        if kind == Kind.WATER and a.tags.get("tunnel", "no") != "no":
            return
        for outer in a.outer_rings():
            rings = [self._ring(outer)]
            rings.extend(self._ring(inner) for inner in a.inner_rings(outer))
            rings = [r for r in rings if len(r) >= 6]
            if rings:
                self.features.append(_Feature(kind, layer, None, rings))

    def _ring(self, ring: osmium.osm.OuterRing | osmium.osm.InnerRing) -> list[float]:
        flat: list[float] = []
        for node in ring:
            loc = node.location
            flat.extend(project(loc.lon, loc.lat))
        return flat

    def _way_points(self, w: osmium.osm.Way) -> tuple[list[int], list[float]]:
        ids: list[int] = []
        flat: list[float] = []
        for node in w.nodes:
            loc = node.location
            if not loc.valid():
                continue
            ids.append(node.ref)
            flat.extend(project(loc.lon, loc.lat))
        return ids, flat


def _schema(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        PRAGMA page_size = 4096;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        -- kind: Kind; layer: -1 tunnel, 0, +1 bridge. rings: one or more rings (a line is one ring), each a
        -- little-endian uint32 point count then int32 x, y pairs in world units times COORD_SCALE: the layout
        -- QDataStream reads as a QPolygon, so the renderer builds polygons without a Python loop over points.
        CREATE TABLE feature (
            id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, layer INTEGER NOT NULL, name TEXT,
            rings BLOB NOT NULL
        );
        CREATE VIRTUAL TABLE feature_box USING rtree(id, minx, maxx, miny, maxy, minzoom, maxzoom);
        -- A label is anchored at (x, y) and turned by angle degrees; zooms is a bitmask of the zooms
        -- at which it is shown (placed once for the region, so tiles agree at their edges).
        -- names: the name in other languages as JSON ({"de": …}), or NULL. Ids follow the labels' priority.
        CREATE TABLE label (
            id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, name TEXT NOT NULL,
            x REAL NOT NULL, y REAL NOT NULL, angle REAL NOT NULL, room REAL NOT NULL, zooms INTEGER NOT NULL,
            names TEXT
        );
        CREATE VIRTUAL TABLE label_box USING rtree(id, minx, maxx, miny, maxy);
        """
    )


# --- The sea -------------------------------------------------------------------------------------------
#
# OSM has no sea polygons, only natural=coastline ways with the land on their left. Joined into chains and
# clipped to the extract's box, each piece of coast enters the box at one edge and leaves at another, with
# the sea on its right. Walking the box edge clockwise (on the map, north up) from where one piece leaves to
# where the next one enters keeps the sea on the right too, so alternating pieces and edge walks closes the
# sea polygons. Closed chains wholly inside the box are islands.

Box = tuple[float, float, float, float]  # minx, miny, maxx, maxy in world units


def _join_chains(ways: list[tuple[list[int], list[float]]]) -> list[tuple[list[float], bool]]:
    """Join coastline ways end to start; returns (flat points, closed) chains."""
    by_start: dict[int, int] = {}
    for i, (ids, _) in enumerate(ways):
        by_start.setdefault(ids[0], i)
    used = [False] * len(ways)
    # Start from ways no other way leads into, so open chains are walked from their real start.
    ends = {ids[-1] for ids, _ in ways}
    order = [i for i, (ids, _) in enumerate(ways) if ids[0] not in ends]
    order += [i for i, (ids, _) in enumerate(ways) if ids[0] in ends]
    chains: list[tuple[list[float], bool]] = []
    for first in order:
        if used[first]:
            continue
        used[first] = True
        ids, flat = ways[first]
        start_id, end_id = ids[0], ids[-1]
        points = list(flat)
        while end_id != start_id:
            nxt = by_start.get(end_id)
            if nxt is None or used[nxt]:
                break
            used[nxt] = True
            ids, flat = ways[nxt]
            points.extend(flat[2:])
            end_id = ids[-1]
        chains.append((points, end_id == start_id))
    return chains


def _inside(x: float, y: float, box: Box) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _clip_segment(x0: float, y0: float, x1: float, y1: float, box: Box) -> tuple[float, float] | None:
    """Liang-Barsky: the parameter range (t0, t1) of the segment inside the box, or None."""
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return None
            t0 = max(t0, t)
        else:
            if t < t0:
                return None
            t1 = min(t1, t)
    return t0, t1


def _clip_chain(points: list[float], box: Box) -> list[list[float]]:
    """The pieces of a polyline inside the box, each a flat point list."""
    pieces: list[list[float]] = []
    current: list[float] = []
    n = len(points) // 2
    for i in range(n - 1):
        x0, y0, x1, y1 = points[2 * i], points[2 * i + 1], points[2 * i + 2], points[2 * i + 3]
        span = _clip_segment(x0, y0, x1, y1, box)
        if span is None:
            if current:
                pieces.append(current)
                current = []
            continue
        t0, t1 = span
        ax, ay = x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0
        bx, by = x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1
        if not current:
            current = [ax, ay]
        current.extend((bx, by))
        if t1 < 1.0:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [p for p in pieces if len(p) >= 4]


def _edge_position(x: float, y: float, box: Box) -> float:
    """Distance along the box edge, clockwise on the map from the north-west corner."""
    minx, miny, maxx, maxy = box
    w, h = maxx - minx, maxy - miny
    distances = {"n": y - miny, "e": maxx - x, "s": maxy - y, "w": x - minx}
    side = min(distances, key=distances.__getitem__)
    if side == "n":
        return x - minx
    if side == "e":
        return w + (y - miny)
    if side == "s":
        return w + h + (maxx - x)
    return 2 * w + h + (maxy - y)


def _snap_to_edge(x: float, y: float, box: Box) -> tuple[float, float]:
    """The nearest point on the box edge (for a coastline that stops short of it)."""
    minx, miny, maxx, maxy = box
    options = [(x - minx, minx, y), (maxx - x, maxx, y), (y - miny, x, miny), (maxy - y, x, maxy)]
    _, sx, sy = min(options)
    return sx, sy


def _corners_between(a: float, b: float, box: Box) -> list[float]:
    """Box corners passed walking clockwise from edge position a to b."""
    minx, miny, maxx, maxy = box
    w, h = maxx - minx, maxy - miny
    perimeter = 2 * (w + h)
    corners = [(w, maxx, miny), (w + h, maxx, maxy), (2 * w + h, minx, maxy), (perimeter, minx, miny)]
    length = (b - a) % perimeter
    passed: list[tuple[float, float, float]] = []
    for offset in (0.0, perimeter):
        for pos, cx, cy in corners:
            p = pos + offset
            if a < p < a + length:
                passed.append((p, cx, cy))
    passed.sort()
    flat: list[float] = []
    for _, cx, cy in passed:
        flat.extend((cx, cy))
    return flat


def sea_polygons(coastlines: list[tuple[list[int], list[float]]],
                 box: Box) -> tuple[list[list[float]], list[list[float]]]:
    """Sea polygons and islands (flat x, y rings) inside `box` from coastline ways (node ids, flat x, y)."""
    pieces: list[list[float]] = []
    islands: list[list[float]] = []
    for points, closed in _join_chains(coastlines):
        xs, ys = points[0::2], points[1::2]
        if closed and min(xs) > box[0] and max(xs) < box[2] and min(ys) > box[1] and max(ys) < box[3]:
            islands.append(points)
            continue
        if closed:
            # Start the ring outside the box so clipping yields whole pieces.
            n = len(points) // 2
            out = next((i for i in range(n) if not _inside(points[2 * i], points[2 * i + 1], box)), 0)
            points = points[2 * out:] + points[2:2 * out + 2]
        for piece in _clip_chain(points, box):
            if not _on_edge(piece[0], piece[1], box):
                piece[:0] = _snap_to_edge(piece[0], piece[1], box)
            if not _on_edge(piece[-2], piece[-1], box):
                piece.extend(_snap_to_edge(piece[-2], piece[-1], box))
            pieces.append(piece)
    if not pieces:
        if islands:
            minx, miny, maxx, maxy = box
            return [[minx, miny, maxx, miny, maxx, maxy, minx, maxy]], islands
        return [], islands
    entries = [(_edge_position(p[0], p[1], box), i) for i, p in enumerate(pieces)]
    entries.sort()
    used = [False] * len(pieces)
    perimeter = 2 * ((box[2] - box[0]) + (box[3] - box[1]))
    seas: list[list[float]] = []
    for _, start in entries:
        if used[start]:
            continue
        ring: list[float] = []
        current = start
        for _guard in range(len(pieces) + 1):
            used[current] = True
            piece = pieces[current]
            ring.extend(piece)
            leave = _edge_position(piece[-2], piece[-1], box)
            # The next entry clockwise from where this piece leaves.
            nxt = min(entries, key=lambda e: (e[0] - leave) % perimeter)[1]
            enter = _edge_position(pieces[nxt][0], pieces[nxt][1], box)
            ring.extend(_corners_between(leave, enter, box))
            if nxt == start or used[nxt]:
                break
            current = nxt
        if len(ring) >= 6:
            seas.append(ring)
    return seas, islands


def _on_edge(x: float, y: float, box: Box) -> bool:
    eps = 1e-12
    return (abs(x - box[0]) < eps or abs(x - box[2]) < eps or abs(y - box[1]) < eps
            or abs(y - box[3]) < eps)


# --- Labels --------------------------------------------------------------------------------------------
#
# Labels are placed once for the whole region, per zoom, greedily by rank with an estimate of their size
# in pixels, so two tiles that share a label both draw it (each its half) and none is cut at a tile edge.

#: Label font sizes in pixels of a 256 px tile, by LabelKind.
LABEL_FONT_PX = {LabelKind.PLACE_MAJOR: 17, LabelKind.PLACE: 14, LabelKind.PLACE_MINOR: 12, LabelKind.ROAD: 11}
LABEL_ZOOMS = range(8, 20)


def text_width_px(text: str, font_px: float) -> float:
    """A generous estimate of the drawn width, so placement never lets real glyphs overlap."""
    wide = sum(1 for ch in text if ord(ch) > 0x2E80)
    return font_px * (0.58 * (len(text) - wide) + 1.0 * wide) + 4


def _road_anchor(points: array) -> tuple[float, float, float, float] | None:
    """The middle of the way's longest nearly straight run: (x, y, angle in degrees, run length)."""
    n = len(points) // 2
    best: tuple[float, int, int] | None = None
    run_start, run_len, run_dir = 0, 0.0, None
    for i in range(n - 1):
        dx = points[2 * i + 2] - points[2 * i]
        dy = points[2 * i + 3] - points[2 * i + 1]
        seg = math.hypot(dx, dy)
        if seg == 0:
            continue
        direction = math.atan2(dy, dx)
        # A run stays within ~11 degrees of its first segment, so straight text stays on the road.
        if run_dir is not None and abs((direction - run_dir + math.pi) % (2 * math.pi) - math.pi) < 0.2:
            run_len += seg
        else:
            run_start, run_len, run_dir = i, seg, direction
        if best is None or run_len > best[0]:
            best = (run_len, run_start, i + 1)
    if best is None:
        return None
    length, a, b = best
    ax, ay, bx, by = points[2 * a], points[2 * a + 1], points[2 * b], points[2 * b + 1]
    # The point half way along the run.
    half, walked = length / 2, 0.0
    x, y = (ax + bx) / 2, (ay + by) / 2
    for i in range(a, b):
        x0, y0, x1, y1 = points[2 * i], points[2 * i + 1], points[2 * i + 2], points[2 * i + 3]
        seg = math.hypot(x1 - x0, y1 - y0)
        if walked + seg >= half and seg > 0:
            t = (half - walked) / seg
            x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            break
        walked += seg
    angle = math.degrees(math.atan2(by - ay, bx - ax))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    return x, y, angle, length


class _Label:
    __slots__ = ("kind", "name", "x", "y", "angle", "room", "rank", "minzoom", "zooms", "names")

    def __init__(self, kind: LabelKind, name: str, x: float, y: float, angle: float, room: float,
                 rank: int, minzoom: int, names: dict[str, str] | None = None) -> None:
        self.kind, self.name, self.x, self.y = kind, name, x, y
        self.angle, self.room, self.rank, self.minzoom = angle, room, rank, minzoom
        self.zooms = 0
        self.names = names or {}

    def width_px(self) -> float:
        return text_width_px(self.name, LABEL_FONT_PX[self.kind])

    def half_extent_px(self) -> tuple[float, float]:
        """Half width and height of the label's axis-aligned box, in pixels."""
        w, h = self.width_px() / 2 + 2, LABEL_FONT_PX[self.kind] * 0.75 + 2
        if self.angle:
            a = math.radians(self.angle)
            c, s = abs(math.cos(a)), abs(math.sin(a))
            w, h = w * c + h * s, w * s + h * c
        return w, h


def _collect_labels(collector: _Collector) -> list[_Label]:
    labels: list[_Label] = []
    for place, name, x, y, names in collector.places:
        rank, minzoom = _PLACES[place]
        kind = LabelKind.PLACE_MAJOR if rank <= 2 else LabelKind.PLACE if rank <= 5 else LabelKind.PLACE_MINOR
        labels.append(_Label(kind, name, x, y, 0.0, math.inf, rank, minzoom, names))
    for i, f in enumerate(collector.features):
        if f.name and f.kind in _ROAD_LABELS and f.layer >= 0:
            anchor = _road_anchor(f.points)
            if anchor:
                rank, minzoom = _ROAD_LABELS[f.kind]
                x, y, angle, room = anchor
                labels.append(_Label(LabelKind.ROAD, f.name, x, y, angle, room, rank, minzoom,
                                     collector.names.get(i)))
    # Higher rank first; among equals the longer run first (it reads better), then by name for stability.
    labels.sort(key=lambda label: (label.rank, -label.room, label.name))
    for z in LABEL_ZOOMS:
        scale = 256 * 2**z
        cell = 256.0
        grid: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        seen_names: dict[str, list[tuple[float, float]]] = {}
        for label in labels:
            if z < label.minzoom:
                continue
            hw, hh = label.half_extent_px()
            if label.kind == LabelKind.ROAD and label.room * scale < label.width_px() + 16:
                continue  # the name would run past the straight part of the road
            px, py = label.x * scale, label.y * scale
            same = seen_names.get(label.name, ())
            if label.kind == LabelKind.ROAD and any(math.hypot(px - sx, py - sy) < 320 for sx, sy in same):
                continue
            box = (px - hw, py - hh, px + hw, py + hh)
            cells = [(cx, cy) for cx in range(int(box[0] // cell), int(box[2] // cell) + 1)
                     for cy in range(int(box[1] // cell), int(box[3] // cell) + 1)]
            if any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3]
                   for c in cells for o in grid.get(c, ())):
                continue
            for c in cells:
                grid.setdefault(c, []).append(box)
            seen_names.setdefault(label.name, []).append((px, py))
            label.zooms |= 1 << z
    return [label for label in labels if label.zooms]


# --- Build ---------------------------------------------------------------------------------------------


def _read(pbf: Path, progress: Callable[[float], None]) -> tuple[_Collector, Box]:
    collector = _Collector()
    reader = osmium.io.Reader(str(pbf), osmium.osm.osm_entity_bits.NOTHING)
    try:
        header_box = reader.header().box()
    finally:
        reader.close()
    seen = 0
    # Untagged nodes and ways still give areas and lines their locations; they need not reach Python.
    processor = osmium.FileProcessor(str(pbf)).with_areas().with_filter(osmium.filter.EmptyTagFilter())
    for obj in processor:
        seen += 1
        if seen % 50000 == 0:
            progress(min(0.75, 0.75 * (1 - 1 / (1 + seen / 400000))))
        if obj.is_node():
            if obj.tags:
                collector.node(obj)
        elif obj.is_way():
            if obj.tags:
                collector.way(obj)
        elif obj.is_area():
            collector.area(obj)
    fs = collector.features
    if header_box.valid():
        minx, maxy = project(header_box.bottom_left.lon, header_box.bottom_left.lat)
        maxx, miny = project(header_box.top_right.lon, header_box.top_right.lat)
        box = (minx, miny, maxx, maxy)
    elif fs:  # no box in the header: the data's own extent
        box = (min(f.minx for f in fs), min(f.miny for f in fs), max(f.maxx for f in fs), max(f.maxy for f in fs))
    else:
        box = (0.0, 0.0, 1.0, 1.0)
    return collector, box


def build(pbf: Path, out: Path, progress: Callable[[float], None] | None = None) -> dict:
    """Read the extract `pbf` and write its drawing data to `out` (replaced if present).

    Returns counts: roads, buildings, water, sea, green, rail, labels, features.
    `progress` gets a fraction 0..1 as the build advances.
    """
    report = progress or (lambda fraction: None)
    pbf, out = Path(pbf), Path(out)
    report(0.0)
    try:
        collector, box = _read(pbf, report)
    except RuntimeError as exc:  # what osmium raises for a file it cannot read
        raise NotAnExtract(f"{pbf}: not a readable OSM PBF extract ({exc})") from exc
    if not collector.features:
        raise MapError(f"{pbf}: nothing to draw (no roads, buildings, water or land use)")
    report(0.75)
    seas, islands = sea_polygons(collector.coastlines, box)
    collector.features.extend(_Feature(Kind.SEA, 0, None, [ring]) for ring in seas)
    collector.features.extend(_Feature(Kind.ISLAND, 0, None, [ring]) for ring in islands)
    labels = _collect_labels(collector)
    report(0.85)

    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    try:
        _schema(db)
        _write(db, collector.features, labels, box, pbf)
        db.commit()
    except BaseException as exc:
        db.close()
        out.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
            raise DiskFull(f"{out}: the disk filled up while writing the map's drawing data") from exc
        raise
    db.close()
    report(1.0)
    counts = {
        "roads": sum(1 for f in collector.features if f.kind in ROAD_KINDS),
        "buildings": sum(1 for f in collector.features if f.kind == Kind.BUILDING),
        "water": sum(1 for f in collector.features if f.kind in (Kind.WATER, Kind.WATERWAY)),
        "sea": len(seas),
        "green": sum(1 for f in collector.features if f.kind in (Kind.GREEN, Kind.FOREST)),
        "rail": sum(1 for f in collector.features if f.kind == Kind.RAIL),
        "labels": len(labels),
        "features": len(collector.features),
    }
    return counts


def _write(db: sqlite3.Connection, features: list[_Feature], labels: list[_Label], box: Box, pbf: Path) -> None:
    # Insert in drawing order so a tile's rows come back mostly sorted already.
    features.sort(key=lambda f: (f.kind not in AREA_KINDS, f.layer, f.kind))
    rows = []
    boxes = []
    for i, f in enumerate(features, start=1):
        rows.append((i, int(f.kind), f.layer, f.name, f.pack()))
        boxes.append((i, f.minx, f.maxx, f.miny, f.maxy, MIN_ZOOM[f.kind], MAX_ZOOM))
    db.executemany("INSERT INTO feature VALUES (?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO feature_box VALUES (?, ?, ?, ?, ?, ?, ?)", boxes)
    label_rows = []
    label_boxes = []
    for i, label in enumerate(labels, start=1):
        label_rows.append((i, int(label.kind), label.name, label.x, label.y, label.angle,
                           min(label.room, 1.0), label.zooms,
                           json.dumps(label.names, ensure_ascii=False, sort_keys=True) if label.names else None))
        # The label's extent at the lowest zoom it shows at, the largest in world units.
        lowest = (label.zooms & -label.zooms).bit_length() - 1
        scale = 256 * 2**lowest
        hw, hh = label.half_extent_px()
        hw, hh = hw / scale, hh / scale
        label_boxes.append((i, label.x - hw, label.x + hw, label.y - hh, label.y + hh))
    db.executemany("INSERT INTO label VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", label_rows)
    db.executemany("INSERT INTO label_box VALUES (?, ?, ?, ?, ?)", label_boxes)
    west, north = unproject(box[0], box[1])
    east, south = unproject(box[2], box[3])
    meta = {
        "format": str(FORMAT), "source": pbf.name,
        "box": ",".join(repr(v) for v in box),
        "bbox": f"{south:.7f},{west:.7f},{north:.7f},{east:.7f}",
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


# --- Reading labels ------------------------------------------------------------------------------------


class LabelIndex:
    """The labels of one region's render.db for a map that draws them itself, upright, over its tiles.

    `labels()` answers a box and a zoom with the labels placed at that zoom, in priority order (places
    before streets, major before minor), each named in the driver's language where OSM has it. Placement
    at import avoids overlaps on a north-up map; the map still culls on screen, since a turned map puts
    other labels side by side. Safe to call from several threads.
    """

    def __init__(self, render_db: Path) -> None:
        self.path = Path(render_db)
        if not self.path.is_file():
            raise MapError(f"{self.path}: no drawing data; import the region again")
        self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock:
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(label)")}
        if int(meta.get("format", 0)) not in READABLE_FORMATS:
            raise MapError(f"{render_db}: drawing data format {meta.get('format')} is not {FORMAT}; re-import")
        self._has_names = "names" in columns

    def labels(self, south: float, west: float, north: float, east: float, zoom: float, language: str = "",
               limit: int = 400) -> list[dict]:
        """Labels inside the box at this zoom: [{"name", "lat", "lon", "kind", "rank"}], highest priority first.

        A label placed at import at this zoom, the next two or any lower one is included: placement there
        kept names along their roads apart, but upright names collide differently (and need no straight run of
        road), so the map culls them on screen.

        kind is a LabelKind value (1 major place … 4 street); rank is the label's place in the priority order
        (0 first), so a map can keep the more important of two that collide on screen."""
        from headunit.maps.search import display_name

        z = max(LABEL_ZOOMS.start, min(LABEL_ZOOMS.stop - 1, int(math.floor(zoom + 1e-9))))
        minx, maxy = project(west, south)
        maxx, miny = project(east, north)
        names_column = "l.names" if self._has_names else "NULL"
        with self._lock:
            rows = self._db.execute(
                f"SELECT l.kind, l.name, l.x, l.y, {names_column} FROM label_box b JOIN label l ON l.id = b.id"
                " WHERE b.maxx >= ? AND b.minx <= ? AND b.maxy >= ? AND b.miny <= ? AND l.zooms & ? != 0"
                " ORDER BY l.id LIMIT ?",
                (minx, maxx, miny, maxy, (8 << z) - 1, limit),
            ).fetchall()
        out = []
        for rank, (kind, name, x, y, names) in enumerate(rows):
            if not (minx <= x <= maxx and miny <= y <= maxy):
                continue
            shown = display_name(name, json.loads(names), language) if names and language else name
            lon, lat = unproject(x, y)
            out.append({"name": shown, "lat": lat, "lon": lon, "kind": kind, "rank": rank})
        return out

    def close(self) -> None:
        with self._lock:
            self._db.close()
