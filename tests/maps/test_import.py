"""Importing OSM extracts as regions: what a region holds, re-imports, and failures that keep the old region."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import osmium
import psutil
import pytest

from headunit.maps import DiskFull, MapError, MapLibrary, NotAnExtract, Router
from headunit.maps.importer import STAGES
from tests.maps.conftest import FONTVIEILLE, HELSINKI_PBF, MONACO_PBF, PLACE_DU_CASINO, ROOT, copy_region


def poi_only_extract(path: Path) -> Path:
    """A valid PBF with one fuel station and not a single way."""
    with contextlib.closing(osmium.SimpleWriter(str(path))) as writer:
        writer.add_node(osmium.osm.mutable.Node(id=1, location=(7.4277, 43.7394),
                                                 tags={"amenity": "fuel", "name": "Station"}))
    return path


def leftovers(library: MapLibrary) -> list[str]:
    return sorted(p.name for p in library.root.iterdir() if p.name.startswith("."))


def assert_intact(library: MapLibrary, name: str, sha256: str) -> None:
    """The region is still there, from the same file, complete, and routes."""
    region = library.get(name)
    assert region.sha256 == sha256 and region.is_complete()
    assert Router(region).route(PLACE_DU_CASINO, FONTVIEILLE, alternates=0)
    assert leftovers(library) == []


@pytest.fixture
def city(tmp_path: Path, monaco_region) -> MapLibrary:
    """A library of this test's own holding Monaco as the region "city"."""
    library = MapLibrary(tmp_path / "maps")
    copy_region(monaco_region, library, "city")
    return library


def test_monaco_has_roads_places_and_routing_tiles(monaco_region):
    counts = monaco_region.counts
    assert counts["roads"] > 1000
    assert counts["places_fuel"] >= 10
    assert counts["places_parking"] >= 100
    assert counts["streets"] > 300 and counts["routing_tiles"] > 0 and counts["features"] > 1000
    assert {"de", "en", "fr"} <= set(monaco_region.languages)
    assert monaco_region.source == "monaco.osm.pbf" and monaco_region.is_complete()
    assert monaco_region.contains(*PLACE_DU_CASINO) and not monaco_region.contains(60.17, 24.94)


def test_helsinki_imports_as_a_second_region(maps_library, helsinki_region):
    assert helsinki_region.counts["roads"] > 500
    assert {"fi", "sv", "zh"} <= set(helsinki_region.languages)
    assert [r.name for r in maps_library.regions()] == ["helsinki", "monaco"]
    assert maps_library.region_at(60.1699, 24.9384).name == "helsinki"
    assert maps_library.region_at(*PLACE_DU_CASINO).name == "monaco"
    assert maps_library.region_at(0.0, 0.0) is None


def test_the_same_file_again_is_up_to_date_and_rebuilds_nothing(maps_library, monaco_region):
    files = [monaco_region.path / "region.json", monaco_region.search_db, monaco_region.render_db]
    before = [f.stat().st_mtime_ns for f in files]
    started = time.perf_counter()
    result = maps_library.import_pbf(MONACO_PBF, name="monaco")
    assert result.up_to_date and time.perf_counter() - started < 0.5
    assert [f.stat().st_mtime_ns for f in files] == before
    assert result.region == monaco_region


def test_import_reports_every_stage_up_to_done(tmp_path: Path):
    seen: dict[str, list[float]] = {}
    result = MapLibrary(tmp_path / "maps").import_pbf(
        HELSINKI_PBF, progress=lambda stage, fraction: seen.setdefault(stage, []).append(fraction))
    assert result.region.name == "helsinki" and not result.up_to_date
    assert set(seen) == set(STAGES)
    for fractions in seen.values():
        assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert set(result.stage_seconds) == set(STAGES)


def test_force_rebuilds_a_region_from_the_same_file(tmp_path: Path):
    library = MapLibrary(tmp_path / "maps")
    first = library.import_pbf(HELSINKI_PBF).region
    first_folder = first.path.stat().st_ino
    again = library.import_pbf(HELSINKI_PBF, force=True)
    assert not again.up_to_date and again.region.sha256 == first.sha256
    assert again.region.path.stat().st_ino != first_folder  # a new folder, swapped in
    assert leftovers(library) == []


@pytest.mark.parametrize("content, expected", [
    (b"", "is empty"),
    (b"just some notes\n", r"not an OpenStreetMap PBF extract \(it looks like text\)"),
    (b'<?xml version="1.0"?>\n<osm version="0.6"></osm>\n', "OSM XML"),
    (bytes(range(256)), "some other binary file"),
])
def test_a_file_that_is_not_a_pbf_is_refused_and_the_region_kept(city, tmp_path, content, expected):
    sha256 = city.get("city").sha256
    fake = tmp_path / "monaco.osm.pbf"
    fake.write_bytes(content)
    with pytest.raises(NotAnExtract, match=expected) as caught:
        city.import_pbf(fake, name="city", force=True)
    assert str(fake) in str(caught.value)
    assert_intact(city, "city", sha256)


def test_a_truncated_extract_is_refused_and_the_region_kept(city, tmp_path):
    sha256 = city.get("city").sha256
    cut = tmp_path / "cut.osm.pbf"
    cut.write_bytes(MONACO_PBF.read_bytes()[:600_000])
    with pytest.raises(NotAnExtract, match="could not be read as an OSM extract") as caught:
        city.import_pbf(cut, name="city")
    assert str(cut) in str(caught.value)
    assert_intact(city, "city", sha256)


def test_an_import_killed_midway_leaves_the_region_and_is_tidied_up_later(city):
    sha256 = city.get("city").sha256
    script = ("import sys; from headunit.maps import MapLibrary; "
              "MapLibrary(sys.argv[1]).import_pbf(sys.argv[2], name='city', force=True)")
    child = subprocess.Popen([sys.executable, "-c", script, str(city.root), str(MONACO_PBF)], cwd=ROOT)
    deadline = time.monotonic() + 30
    while not any((city.root / name / "search.db").exists() for name in leftovers(city)):
        assert child.poll() is None and time.monotonic() < deadline, "the import never got going"
        time.sleep(0.01)
    child.kill()  # SIGKILL: no clean-up runs in the child
    child.wait()
    orphans = [p for p in psutil.process_iter(["cmdline"]) if str(city.root) in " ".join(p.info["cmdline"] or ())]
    psutil.wait_procs(orphans, timeout=30)  # its tile builder runs on to its end, as it would after a crash
    assert city.get("city").sha256 == sha256 and leftovers(city) != []
    city.import_pbf(HELSINKI_PBF, name="other")  # the next import clears what the dead one left
    assert leftovers(city) == []
    assert_intact(city, "city", sha256)


def test_a_missing_file_is_named(city, tmp_path):
    with pytest.raises(NotAnExtract, match="no such file") as caught:
        city.import_pbf(tmp_path / "gone.osm.pbf", name="city")
    assert "gone.osm.pbf" in str(caught.value)


def test_an_extract_with_no_roads_is_refused_and_the_region_kept(city, tmp_path):
    sha256 = city.get("city").sha256
    pbf = poi_only_extract(tmp_path / "poi.osm.pbf")
    with pytest.raises(MapError, match="has no roads to route on") as caught:
        city.import_pbf(pbf, name="city")
    assert str(pbf) in str(caught.value)
    assert_intact(city, "city", sha256)


def test_ctrl_c_during_an_import_removes_the_partial_region(city):
    sha256 = city.get("city").sha256

    def interrupt(stage: str, fraction: float) -> None:
        if stage == "drawing data" and fraction > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        city.import_pbf(HELSINKI_PBF, name="city", progress=interrupt)
    assert_intact(city, "city", sha256)
    assert [p.name() for p in psutil.Process().children(recursive=True)] == []  # the tile builder was stopped


@contextlib.contextmanager
def tiny_disk(folder: Path, size: str):
    """A tmpfs of `size` mounted at `folder`: writes past it fail with ENOSPC, as on a full SD card."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


# The disk really fills: a 6 MB tmpfs holds Helsinki (about 2 MB) but not Monaco (about 8 MB) beside it, so
# whichever writer hits the end first (valhalla_build_tiles through its memory maps, or SQLite) fails the
# way it would on a full SD card. Mocking one write would not show that every writer's failure is caught.
def test_a_full_disk_is_reported_and_the_region_kept(tmp_path):
    with tiny_disk(tmp_path / "disk", "6m") as disk:
        library = MapLibrary(disk / "maps")
        previous = library.import_pbf(HELSINKI_PBF, name="city").region
        with pytest.raises(DiskFull) as caught:
            library.import_pbf(MONACO_PBF, name="city")
        message = str(caught.value)
        assert message.startswith("Disk full") and str(library.root) in message and "monaco.osm.pbf" in message
        region = library.get("city")
        assert region.sha256 == previous.sha256 and region.is_complete()
        assert Router(region).route((60.1699, 24.9384), (60.1710, 24.9450), alternates=0)
        assert leftovers(library) == []


def test_regions_are_listed_and_removed(tmp_path, monaco_region):
    library = MapLibrary(tmp_path / "maps")
    assert library.regions() == []
    copy_region(monaco_region, library, "a")
    copy_region(monaco_region, library, "b")
    assert [r.name for r in library.regions()] == ["a", "b"]
    library.remove("a")
    assert [r.name for r in library.regions()] == ["b"] and leftovers(library) == []
    with pytest.raises(MapError, match="no map region named 'a'.*regions: b"):
        library.remove("a")
    with pytest.raises(MapError, match="not a region name"):
        library.import_pbf(HELSINKI_PBF, name="../escape")


def test_a_region_folder_moved_elsewhere_still_routes(tmp_path, monaco_region):
    library = MapLibrary(tmp_path / "elsewhere")
    moved = copy_region(monaco_region, library, "riviera")
    routes = Router(moved).route(PLACE_DU_CASINO, FONTVIEILLE)
    assert routes[0].distance_m > 1000


def test_two_imports_at_once_into_one_library(tmp_path):
    library = MapLibrary(tmp_path / "maps")
    with ThreadPoolExecutor(2) as pool:
        jobs = [pool.submit(library.import_pbf, pbf, name) for pbf, name in ((MONACO_PBF, "a"), (HELSINKI_PBF, "b"))]
        results = [job.result() for job in jobs]
    assert [r.region.name for r in results] == ["a", "b"] and leftovers(library) == []
    assert Router(library.get("b")).route((60.1699, 24.9384), (60.1710, 24.9450), alternates=0)
