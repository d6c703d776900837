"""The maps on this head unit, as the shell offers them: tiles for QML's Map, routing and search for apps.

The regions and their data come from headunit.maps; this service decides which region is in use (the one
under the car), serves its tiles on loopback for QtLocation, and keeps one router and one search index per
region, opened on first use. The map's street and place names come from here too (`labels`), for the
map to draw upright over tiles that carry no text.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit import paths
from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

ATTRIBUTION = "© OpenStreetMap contributors"
#: How often a car outside its map region looks for another one.
REGION_CHECK_S = 5.0


def _area(bbox) -> float:
    return (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the maps")
class Maps(QObject):
    create = singleton_of("maps")

    regionChanged = Signal()

    def __init__(self, vehicle, root: Path | None = None, cache_root: Path | None = None,
                 parent: QObject | None = None, tile_px: int | None = None):
        super().__init__(parent)
        from headunit.maps.regions import MapLibrary

        self._vehicle = vehicle
        self.library = MapLibrary(root)
        self._cache_root = cache_root or paths.cache_dir() / "map-tiles"
        self._tile_px = tile_px
        self._server = None
        self._lock = threading.Lock()
        self._routers: dict[tuple[str, str], object] = {}
        self._indexes: dict[tuple[str, str], object] = {}
        self._region = None
        self._looked_at = -math.inf
        self.refresh()
        vehicle.latitudeChanged.connect(self._follow_car)
        vehicle.longitudeChanged.connect(self._follow_car)

    @Slot()
    def refresh(self) -> None:
        """Choose the region again from those installed: the smallest under the car, else the largest known.
        Also after an import or a removal."""
        self._looked_at = time.monotonic()
        lat, lon = self._vehicle.value("latitude"), self._vehicle.value("longitude")
        region = None if math.isnan(lat) or math.isnan(lon) else self.library.region_at(lat, lon)
        if region is None and self._region is not None:  # the same one, as it is on disk now
            region = next((r for r in self.library.regions() if r.name == self._region.name), None)
        if region is None:
            regions = self.library.regions()
            region = max(regions, key=lambda r: _area(r.bbox), default=None)
        if (region and (region.name, region.sha256)) != (self._region and (self._region.name, self._region.sha256)):
            self._region = region
            self.regionChanged.emit()

    def _follow_car(self) -> None:
        """A car that leaves its region's box gets the region it drove into (looked for every few seconds)."""
        lat, lon = self._vehicle.value("latitude"), self._vehicle.value("longitude")
        outside = self._region is None or not self._region.contains(lat, lon)
        if outside and time.monotonic() - self._looked_at > REGION_CHECK_S:
            self.refresh()

    # For QML's Map

    @Property(bool, notify=regionChanged, final=True)
    def available(self) -> bool:
        return self._region is not None

    @Property(str, notify=regionChanged, final=True)
    def region(self) -> str:
        return self._region.name if self._region else ""

    @Property(list, notify=regionChanged, final=True)
    def regionCenter(self) -> list:
        return list(self._region.center) if self._region else [math.nan, math.nan]

    @Property(str, constant=True, final=True)
    def attribution(self) -> str:
        return ATTRIBUTION

    @Slot(bool, result=str)
    def cacheDirectory(self, night: bool) -> str:
        """Where QtLocation keeps its own copy of the tiles: one folder a region import and style, since it
        files tiles by map type and coordinates, not by URL."""
        if self._region is None:
            return ""
        return str(self._tile_server().qt_cache_dir(self._region.name, "night" if night else "day"))

    @Slot(bool, result=str)
    def tileHost(self, night: bool) -> str:
        """The URL prefix of the region's tiles in the day or night style, for osm.mapping.custom.host."""
        if self._region is None:
            return ""
        return self._tile_server().url(self._region.name, "night" if night else "day")

    @Property(int, constant=True, final=True)
    def tileCacheBytes(self) -> int:
        """The bound of QtLocation's own copy of the tiles (osm.mapping.cache.disk.size); the tile server's
        cache has the same bound."""
        from headunit.maps.tileserver import DEFAULT_CACHE_BYTES

        return DEFAULT_CACHE_BYTES

    @Slot(float, float, float, float, float, str, result=list)
    def labels(self, south: float, west: float, north: float, east: float, zoom: float, language: str) -> list:
        """The region's street and place names inside the box, placed for this zoom, most important first, in
        `language` where OSM has the name in it: [{name, lat, lon, kind, rank}] (kind 1–3 places, 4 streets)."""
        if self._region is None:
            return []
        from headunit.maps.errors import MapError

        try:
            return self._tile_server().labels(self._region.name, south, west, north, east, zoom, language)
        except (MapError, LookupError, OSError) as exc:
            log.warning("map labels: %s", exc)
            return []

    def tile_px(self) -> int:
        """512 px tiles on a screen with more than one device pixel to a logical one, else 256."""
        if self._tile_px is None:
            from PySide6.QtGui import QGuiApplication

            screen = QGuiApplication.primaryScreen() if isinstance(QGuiApplication.instance(),
                                                                   QGuiApplication) else None
            self._tile_px = 512 if screen is not None and screen.devicePixelRatio() > 1.0 else 256
        return self._tile_px

    def _tile_server(self):
        """The loopback server drawing the tiles, started with the first map."""
        if self._server is None:
            from headunit.maps.tileserver import TileServer

            self._server = TileServer(self.library, self._cache_root, tile_px=self.tile_px())
            self._server.start()
        return self._server

    def tile_socket(self, path: Path) -> Path:
        """The tiles on a Unix socket at `path` as well, for sandboxed plugins' maps (started on first call)."""
        return self._tile_server().listen_unix(path)

    # For apps, through ctx.maps (blocking: call from a worker)

    def current_region(self):
        return self._region

    def router(self, region):
        from headunit.maps.routing import Router

        return self._per_import(self._routers, region, Router)

    def search_index(self, region):
        from headunit.maps.search import SearchIndex

        return self._per_import(self._indexes, region, lambda r: SearchIndex(r.search_db))

    def _per_import(self, cache: dict, region, make):
        """One object per import of a region: a re-imported region gets a new one, and the old is let go."""
        key = (region.name, region.sha256)
        with self._lock:
            if key not in cache:
                for old in [k for k in cache if k[0] == region.name]:
                    stale = cache.pop(old)
                    if hasattr(stale, "close"):
                        stale.close()
                cache[key] = make(region)
            return cache[key]

    def close(self) -> None:
        with self._lock:
            for index in self._indexes.values():
                index.close()
            self._routers.clear()
            self._indexes.clear()
        if self._server is not None:
            self._server.stop()
            self._server = None
