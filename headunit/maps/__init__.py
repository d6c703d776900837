"""Offline maps: regions imported from OpenStreetMap extracts, place search, car routing and map drawing.

    library = MapLibrary()                       # the regions under data_dir()/maps
    library.import_pbf("monaco.osm.pbf")         # routing tiles, search index, drawing data
    region = library.region_at(43.7394, 7.4277)
    routes = Router(region).route((43.7394, 7.4277), (43.7311, 7.4197), language="de")
    fuel = SearchIndex(region.search_db).nearest("fuel", 43.7394, 7.4277)

Names are imported on first use, so `import headunit.maps` stays cheap for the shell's start-up.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "MapError": "errors", "NoRoute": "errors", "NotAnExtract": "errors", "DiskFull": "errors",
    "MapLibrary": "regions", "Region": "regions", "ImportResult": "regions",
    "SearchIndex": "search", "Place": "search", "CATEGORIES": "search",
    "Router": "routing", "Route": "routing", "Maneuver": "routing",
    "Guidance": "guidance", "TileRenderer": "tiles", "TileServer": "tileserver",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value
