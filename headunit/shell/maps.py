"""The maps on this head unit, as the shell offers them: tiles for QML's Map, routing and search for apps.

The regions and their data come from headunit.maps; this service decides which region is in use (the one
under the car), serves its tiles on loopback for QtLocation, and keeps one router and one search index per
region, opened on first use.
"""

from __future__ import annotations

import logging
import math
import threading
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit import paths
from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

ATTRIBUTION = "© OpenStreetMap contributors"


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the maps")
class Maps(QObject):
    create = singleton_of("maps")

    regionChanged = Signal()

    def __init__(self, vehicle, root: Path | None = None, cache_root: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        from headunit.maps.regions import MapLibrary

        self._vehicle = vehicle
        self.library = MapLibrary(root)
        self._cache_root = cache_root or paths.cache_dir() / "map-tiles"
        self._server = None
        self._lock = threading.Lock()
        self._routers: dict[str, object] = {}
        self._indexes: dict[str, object] = {}
        self._region = None
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Look at the installed regions again (after an import or a removal)."""
        regions = self.library.regions()
        lat, lon = self._vehicle.value("latitude"), self._vehicle.value("longitude")
        here = next((r for r in regions if not math.isnan(lat) and r.contains(lat, lon)), None)
        region = here or (regions[0] if regions else None)
        if (region and region.name) != (self._region and self._region.name):
            self._region = region
            self.regionChanged.emit()

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
        import_id = f"{self._region.name}-{self._region.sha256[:12]}" if self._region else "none"
        return str(self._cache_root / "qtlocation" / import_id / ("night" if night else "day"))

    @Slot(bool, result=str)
    def tileHost(self, night: bool) -> str:
        """The URL prefix of the region's tiles in the day or night style, for osm.mapping.custom.host."""
        if self._region is None:
            return ""
        if self._server is None:
            from headunit.maps.tileserver import TileServer

            self._server = TileServer(self.library, self._cache_root)
            self._server.start()
        return self._server.url(self._region.name, "night" if night else "day")

    # For apps, through ctx.maps (blocking: call from a worker)

    def current_region(self):
        return self._region

    def router(self, region):
        from headunit.maps.routing import Router

        with self._lock:
            if region.name not in self._routers:
                self._routers[region.name] = Router(region)
            return self._routers[region.name]

    def search_index(self, region):
        from headunit.maps.search import SearchIndex

        with self._lock:
            if region.name not in self._indexes:
                self._indexes[region.name] = SearchIndex(region.search_db)
            return self._indexes[region.name]

    def close(self) -> None:
        with self._lock:
            for index in self._indexes.values():
                index.close()
            self._routers.clear()
            self._indexes.clear()
        if self._server is not None:
            self._server.stop()
            self._server = None
