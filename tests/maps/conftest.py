"""Map regions imported once per test session from the real OSM extracts, shared by the maps tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from headunit.maps.regions import MapLibrary, Region

ROOT = Path(__file__).resolve().parents[2]
MONACO_PBF = ROOT / "headunit" / "assets" / "maps" / "monaco.osm.pbf"
HELSINKI_PBF = ROOT / "tests" / "data" / "osm" / "helsinki.osm.pbf"

PLACE_DU_CASINO = (43.73942, 7.42772)
FONTVIEILLE = (43.7311, 7.4197)


@pytest.fixture(scope="session")
def maps_library(tmp_path_factory: pytest.TempPathFactory) -> MapLibrary:
    """A library of its own (not HEADUNIT_HOME, which every test replaces) holding monaco and helsinki.
    Tests must not change it: copy a region into a library of their own for that (`region_copy`)."""
    library = MapLibrary(tmp_path_factory.mktemp("maps"))
    library.import_pbf(MONACO_PBF, name="monaco")
    library.import_pbf(HELSINKI_PBF, name="helsinki")
    return library


@pytest.fixture(scope="session")
def monaco_region(maps_library: MapLibrary) -> Region:
    return maps_library.get("monaco")


@pytest.fixture(scope="session")
def helsinki_region(maps_library: MapLibrary) -> Region:
    return maps_library.get("helsinki")


def copy_region(region: Region, library: MapLibrary, name: str) -> Region:
    """A copy of an imported region in another library, under another name (the folder's name)."""
    library.root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(region.path, library.root / name, symlinks=True)
    return library.get(name)
