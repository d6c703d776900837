"""Map tiles drawn from a region's render.db with QPainter on a QImage.

Only QImage is used (never QPixmap), so tiles render on any thread. Each thread gets its own SQLite
connection. Sizes (line widths) are in pixels of a 256 px tile; a 512 px renderer draws the same tile at
twice the density for hi-dpi screens.

Tiles carry no text. Street and place names are drawn by the map over the tiles, upright whatever the
map's bearing (renderdata.LabelIndex, qml/HeadUnit/Controls/MapLabels.qml); baked into a tile, they would
turn, and read upside down, with a heading-up map.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QDataStream, QIODevice, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygon, QPolygonF, QTransform

from headunit.maps.errors import MapError
from headunit.maps.renderdata import COORD_SCALE, FORMAT, READABLE_FORMATS, ROAD_KINDS, Kind

STYLES = ("day", "night")
#: Bump when tiles come out looking different, so caches drawn by the older code are thrown away (it is
#: part of the cache's folder names). 2: no text in tiles.
DRAWING_VERSION = 2

#: How far past the tile edge features are fetched, in 256-tile pixels: the widest road's half width.
_MARGIN_PX = 24


@dataclass(frozen=True)
class Palette:
    """The map's colours for one style. Land and text follow the theme tokens."""

    land: str
    sea: str
    water: str
    waterway: str
    residential: str
    commercial: str
    industrial: str
    sand: str
    green: str
    forest: str
    pedestrian_area: str
    building: str
    building_edge: str
    casing: str
    tunnel: str
    rail: str
    motorway: str
    motorway_casing: str
    trunk: str
    primary: str
    primary_casing: str
    secondary: str
    tertiary: str
    minor: str
    service: str
    path: str
    #: Text colours, for the label layer the map draws over the tiles (MapLabels.qml).
    label: str
    label_halo: str
    place_label: str


PALETTES = {
    "day": Palette(
        land="#F2F4F7", sea="#A9CCEB", water="#A9CCEB", waterway="#8FBCE6",
        residential="#ECEEF2", commercial="#F1ECEF", industrial="#EBEAF0", sand="#F3EBD5",
        green="#D3E8CF", forest="#C5DFC2", pedestrian_area="#FAFBFC",
        building="#E2E5EA", building_edge="#D2D7DE",
        casing="#C6CCD4", tunnel="#D4D9E0", rail="#A3ABB5",
        motorway="#F5C86A", motorway_casing="#D9A441", trunk="#F8D889",
        primary="#FCE7B0", primary_casing="#DCC289", secondary="#FFFFFF", tertiary="#FFFFFF",
        minor="#FFFFFF", service="#FFFFFF", path="#B9C0C9",
        label="#4A5560", label_halo="#FFFFFF", place_label="#0E1216",
    ),
    "night": Palette(
        land="#0A0D10", sea="#0D2034", water="#0D2034", waterway="#173552",
        residential="#0D1115", commercial="#100F14", industrial="#0F1115", sand="#16150F",
        green="#0F1D16", forest="#0F1F17", pedestrian_area="#12171D",
        building="#151A20", building_edge="#1D242C",
        casing="#05070A", tunnel="#1A2028", rail="#3A434D",
        motorway="#8A6A2E", motorway_casing="#3A2C12", trunk="#6E5A34",
        primary="#5E5643", primary_casing="#14181D", secondary="#414A55", tertiary="#38404A",
        minor="#2C333C", service="#232931", path="#3A434D",
        label="#A7B2BD", label_halo="#0A0D10", place_label="#E9EEF3",
    ),
}

# Road fill widths at zoom 16 (256 px tiles) and the zoom each class becomes visible; widths grow by
# _ROAD_GROWTH per zoom level, which tracks the real road widening on screen without drowning the map.
_ROAD_WIDTH_Z16 = {
    Kind.MOTORWAY: 9.0, Kind.TRUNK: 8.5, Kind.PRIMARY: 7.5, Kind.SECONDARY: 6.5, Kind.TERTIARY: 6.0,
    Kind.MINOR: 4.5, Kind.LIVING_STREET: 4.0, Kind.SERVICE: 2.5, Kind.PATH: 1.2, Kind.STEPS: 2.0,
}
_ROAD_GROWTH = 1.5
_ROAD_MIN_WIDTH = {
    Kind.MOTORWAY: 1.6, Kind.TRUNK: 1.5, Kind.PRIMARY: 1.4, Kind.SECONDARY: 1.2, Kind.TERTIARY: 1.0,
    Kind.MINOR: 0.8, Kind.LIVING_STREET: 0.8, Kind.SERVICE: 0.6, Kind.PATH: 0.8, Kind.STEPS: 1.0,
}
_ROAD_MAX_WIDTH = 36.0


def road_width(kind: Kind, z: float) -> float:
    """Fill width in 256-tile pixels of a road of this class at zoom z."""
    w = _ROAD_WIDTH_Z16[kind] * _ROAD_GROWTH ** (z - 16)
    if kind in (Kind.PATH, Kind.STEPS):
        w = _ROAD_WIDTH_Z16[kind] * 1.25 ** (z - 16)
    return max(_ROAD_MIN_WIDTH[kind], min(_ROAD_MAX_WIDTH, w))


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """The tile's (minx, miny, maxx, maxy) in world units."""
    n = 2.0**z
    return x / n, y / n, (x + 1) / n, (y + 1) / n


class TileRenderer:
    """Draws 256 (or 512) px PNG tiles of one region in one style; safe to call from several threads."""

    def __init__(self, render_db: Path, style: str = "day", tile_px: int = 256) -> None:
        if style not in PALETTES:
            raise MapError(f"{render_db}: unknown map style {style!r} (known: {', '.join(STYLES)})")
        if tile_px not in (256, 512):
            raise MapError(f"{render_db}: tile size must be 256 or 512 px, not {tile_px}")
        if not isinstance(QCoreApplication.instance(), QGuiApplication):
            raise MapError("drawing map tiles needs a QGuiApplication (for QPainter); create one first")
        self.path = Path(render_db)
        self.style = style
        self.tile_px = tile_px
        self.palette = PALETTES[style]
        self._local = threading.local()
        meta = dict(self._db().execute("SELECT key, value FROM meta"))
        if int(meta.get("format", 0)) not in READABLE_FORMATS:
            raise MapError(f"{render_db}: drawing data format {meta.get('format')} is not {FORMAT}; re-import")
        #: The region's extent in world units; tiles wholly outside it are plain land.
        self.box = tuple(float(v) for v in meta["box"].split(","))
        self._make_colors()
        self._blank: bytes | None = None

    # -- public ---------------------------------------------------------------------------------------

    def covers(self, z: int, x: int, y: int) -> bool:
        """Whether the tile overlaps the region at all."""
        minx, miny, maxx, maxy = tile_bounds(z, x, y)
        b = self.box
        return maxx > b[0] and minx < b[2] and maxy > b[1] and miny < b[3]

    def render(self, z: int, x: int, y: int) -> bytes:
        """The tile (z, x, y) of the XYZ scheme as PNG bytes."""
        if not (0 <= z <= 22 and 0 <= x < 2**z and 0 <= y < 2**z):
            raise MapError(f"{self.path}: no tile {z}/{x}/{y}")
        if not self.covers(z, x, y):
            return self.blank()
        return _png(self.render_image(z, x, y))

    def blank(self) -> bytes:
        """A plain land-coloured tile, for the world outside the region."""
        if self._blank is None:
            image = QImage(self.tile_px, self.tile_px, QImage.Format.Format_RGB32)
            image.fill(self._land)
            self._blank = _png(image)
        return self._blank

    def render_image(self, z: int, x: int, y: int) -> QImage:
        image = QImage(self.tile_px, self.tile_px, QImage.Format.Format_RGB32)
        image.fill(self._land)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self.tile_px != 256:
                painter.scale(self.tile_px / 256, self.tile_px / 256)
            self._draw(painter, z, x, y)
        finally:
            painter.end()
        return image

    # -- drawing --------------------------------------------------------------------------------------

    def _draw(self, painter: QPainter, z: int, x: int, y: int) -> None:
        scale = 256 * 2.0**z
        fixed = scale / COORD_SCALE
        to_tile = QTransform(fixed, 0, 0, fixed, -x * 256.0, -y * 256.0)
        margin = _MARGIN_PX / scale
        minx, miny, maxx, maxy = tile_bounds(z, x, y)
        rows = self._db().execute(
            "SELECT f.kind, f.layer, f.rings FROM feature_box b JOIN feature f ON f.id = b.id"
            " WHERE b.maxx >= ? AND b.minx <= ? AND b.maxy >= ? AND b.miny <= ? AND b.minzoom <= ?",
            (minx - margin, maxx + margin, miny - margin, maxy + margin, z),
        ).fetchall()
        areas = sorted((r for r in rows if r[0] < Kind.WATERWAY), key=_area_order)
        lines = sorted((r for r in rows if r[0] >= Kind.WATERWAY), key=lambda r: (r[1], r[0]))
        self._draw_areas(painter, areas, to_tile, z)
        # Lines by layer: tunnels (faint), ground, bridges; within a layer all casings before all fills, so
        # crossings of the same class merge instead of showing each other's edges.
        by_layer: dict[int, list[tuple[int, QPolygonF]]] = {}
        for kind, layer, blob in lines:
            by_layer.setdefault(layer, []).append((kind, _rings(blob, to_tile)[0]))
        for layer in sorted(by_layer):
            items = by_layer[layer]
            if layer < 0:
                self._draw_tunnels(painter, items, z)
                continue
            for kind, poly in items:
                pen = self._casing_pen(kind, z)
                if pen is not None:
                    painter.setPen(pen)
                    painter.drawPolyline(poly)
            for kind, poly in items:
                painter.setPen(self._fill_pen(kind, z))
                painter.drawPolyline(poly)

    def _draw_areas(self, painter: QPainter, areas: list, to_tile: QTransform, z: int) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        building_pen = QPen(self._building_edge, 1.0) if z >= 16 else Qt.PenStyle.NoPen
        for kind, _layer, blob in areas:
            if kind == Kind.BUILDING:
                painter.setPen(building_pen)
            painter.setBrush(self._fill[kind])
            rings = _rings(blob, to_tile)
            if len(rings) == 1:
                painter.drawPolygon(rings[0])
            else:
                path = QPainterPath()
                path.setFillRule(Qt.FillRule.OddEvenFill)
                for ring in rings:
                    path.addPolygon(ring)
                    path.closeSubpath()
                painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_tunnels(self, painter: QPainter, items: list[tuple[int, QPolygonF]], z: int) -> None:
        for kind, poly in items:
            if kind == Kind.RAIL or kind == Kind.WATERWAY or kind in (Kind.PATH, Kind.STEPS):
                continue
            pen = QPen(self._tunnel, max(1.0, road_width(kind, z) * 0.8))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setDashPattern([2.0, 1.5])
            painter.setPen(pen)
            painter.drawPolyline(poly)

    def _casing_pen(self, kind: int, z: int) -> QPen | None:
        if kind in (Kind.RAIL, Kind.WATERWAY, Kind.PATH, Kind.STEPS):
            return None
        width = road_width(kind, z)
        if width < 2.5:
            return None
        edge = 1.0 if z < 16 else 1.5
        pen = QPen(self._casing[kind], width + 2 * edge)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _fill_pen(self, kind: int, z: int) -> QPen:
        if kind == Kind.RAIL:
            return QPen(self._fill[kind], 1.2 if z < 16 else 1.8)
        if kind == Kind.WATERWAY:
            pen = QPen(self._fill[kind], 1.0 if z < 15 else 2.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            return pen
        pen = QPen(self._fill[kind], road_width(kind, z))
        if kind in (Kind.PATH, Kind.STEPS):
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if kind == Kind.STEPS:
                pen.setDashPattern([0.6, 0.6])
            elif z >= 16:
                pen.setDashPattern([3.0, 2.0])
            return pen
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    # -- plumbing -------------------------------------------------------------------------------------

    def _make_colors(self) -> None:
        p = self.palette
        fill = {
            Kind.SEA: p.sea, Kind.ISLAND: p.land, Kind.LANDUSE_RESIDENTIAL: p.residential,
            Kind.LANDUSE_COMMERCIAL: p.commercial, Kind.LANDUSE_INDUSTRIAL: p.industrial, Kind.SAND: p.sand,
            Kind.GREEN: p.green, Kind.FOREST: p.forest, Kind.PEDESTRIAN_AREA: p.pedestrian_area,
            Kind.WATER: p.water, Kind.BUILDING: p.building,
            Kind.WATERWAY: p.waterway, Kind.RAIL: p.rail,
            Kind.MOTORWAY: p.motorway, Kind.TRUNK: p.trunk, Kind.PRIMARY: p.primary,
            Kind.SECONDARY: p.secondary, Kind.TERTIARY: p.tertiary, Kind.MINOR: p.minor,
            Kind.LIVING_STREET: p.minor, Kind.SERVICE: p.service, Kind.PATH: p.path, Kind.STEPS: p.path,
        }
        self._fill = {int(kind): QColor(colour) for kind, colour in fill.items()}
        casing = {Kind.MOTORWAY: p.motorway_casing, Kind.TRUNK: p.motorway_casing, Kind.PRIMARY: p.primary_casing}
        self._casing = {int(kind): QColor(casing.get(kind, p.casing)) for kind in ROAD_KINDS}
        self._land = QColor(p.land)
        self._building_edge = QColor(p.building_edge)
        self._tunnel = QColor(p.tunnel)

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            if not self.path.is_file():
                raise MapError(f"{self.path}: no drawing data; import the region again")
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db


def _area_order(row: tuple) -> tuple:
    kind, layer, _ = row
    # Buildings last (above parks and water), underground areas just before them.
    return (kind == Kind.BUILDING, layer < 0, kind)


def _rings(blob: bytes, to_tile: QTransform) -> list[QPolygonF]:
    """The feature's rings in tile pixels (see renderdata's schema for the layout)."""
    stream = QDataStream(QByteArray(blob))
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    rings = []
    while not stream.atEnd():
        ring = QPolygon()
        stream >> ring
        rings.append(to_tile.map(QPolygonF(ring)))
    return rings


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # RGB888 at quality 80 (zlib level ~2) encodes in about half the time of the default for +7 % size.
    image.convertToFormat(QImage.Format.Format_RGB888).save(buffer, "PNG", 80)
    buffer.close()
    return bytes(data.data())
