"""The loopback tile server: drawing on demand, its disk cache, errors, and QtLocation's Map fed by it."""

from __future__ import annotations

import hashlib
import http.client
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from headunit.maps import renderdata
from headunit.maps.regions import MapLibrary, Region, write_region_file
from headunit.maps.renderdata import project
from headunit.maps.tiles import PALETTES
from headunit.maps.tileserver import TileServer

MONACO = Path(__file__).resolve().parents[2] / "headunit" / "assets" / "maps" / "monaco.osm.pbf"
HARBOUR = (43.7355, 7.4235)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> MapLibrary:
    """A map library holding Monaco with its drawing data (routing and search are not needed here)."""
    root = tmp_path_factory.mktemp("maps")
    folder = root / "monaco"
    folder.mkdir()
    renderdata.build(MONACO, folder / "render.db")
    _write_region(folder, hashlib.sha256(MONACO.read_bytes()).hexdigest())
    return MapLibrary(root)


def _write_region(folder: Path, sha256: str) -> None:
    region = Region(name="monaco", path=folder, bbox=(43.71, 7.349, 43.77, 7.491), center=(43.7394, 7.4277),
                    sha256=sha256, imported="2026-11-22T00:00:00Z", source=MONACO.name)
    write_region_file(folder, region)


@pytest.fixture
def server(qapp, library: MapLibrary, tmp_path: Path):
    tiles = TileServer(library, tmp_path / "tiles")
    tiles.start()
    yield tiles
    tiles.stop()


def get(server: TileServer, path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def tile_at(lat: float, lon: float, z: int) -> tuple[int, int, int]:
    x, y = project(lon, lat)
    return z, int(x * 2**z), int(y * 2**z)


def test_url_is_the_prefix_the_osm_plugin_completes(server):
    url = server.url("monaco", "night")
    assert url == f"http://127.0.0.1:{server.port}/monaco/night/"
    z, x, y = tile_at(*HARBOUR, 16)
    status, headers, body = get(server, url.removeprefix(f"http://127.0.0.1:{server.port}") + f"{z}/{x}/{y}.png")
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert not QImage.fromData(body).isNull()


def test_a_tile_is_drawn_once_then_served_from_disk(server, library):
    z, x, y = tile_at(*HARBOUR, 16)
    status, headers, first = get(server, f"/monaco/day/{z}/{x}/{y}.png")
    assert status == 200 and headers["X-Tile-Cache"] == "miss"
    region = library.get("monaco")
    cached = server.cache_root / "monaco" / region.sha256[:12] / "day-256px-v2" / str(z) / str(x) / f"{y}.png"
    assert cached.read_bytes() == first
    status, headers, second = get(server, f"/monaco/day/{z}/{x}/{y}.png")
    assert status == 200 and headers["X-Tile-Cache"] == "hit"
    assert second == first
    assert server.stats["rendered"] == 1 and server.stats["from_cache"] == 1


def test_a_reimported_region_never_shows_old_tiles(server, library):
    region = library.get("monaco")
    z, x, y = tile_at(*HARBOUR, 15)
    assert get(server, f"/monaco/day/{z}/{x}/{y}.png")[1]["X-Tile-Cache"] == "miss"
    old_folder = server.cache_root / "monaco" / region.sha256[:12]
    try:
        _write_region(region.path, "f" * 64)  # what an import of a newer extract leaves behind
        status, headers, _ = get(server, f"/monaco/day/{z}/{x}/{y}.png")
        assert status == 200 and headers["X-Tile-Cache"] == "miss"
        assert (server.cache_root / "monaco" / "ffffffffffff" / "day-256px-v2" / str(z) / str(x)
                / f"{y}.png").is_file()
        assert not old_folder.exists(), "tiles of the old import take no disk space"
        assert server.qt_cache_dir("monaco", "day").is_relative_to(server.cache_root / "monaco" / "ffffffffffff")
    finally:
        _write_region(region.path, region.sha256)


def test_tiles_drawn_by_an_older_renderer_are_drawn_again(server, library):
    z, x, y = tile_at(*HARBOUR, 16)
    get(server, f"/monaco/day/{z}/{x}/{y}.png")
    stamp = server.tile_path(library.get("monaco"), "day", z, x, y).parents[2] / "RENDERER"
    stamp.write_text("an older HeadUnit\n")
    restarted = TileServer(library, server.cache_root)  # the next start of the car, with new code
    restarted.start()
    try:
        assert get(restarted, f"/monaco/day/{z}/{x}/{y}.png")[1]["X-Tile-Cache"] == "miss"
        assert get(restarted, f"/monaco/day/{z}/{x}/{y}.png")[1]["X-Tile-Cache"] == "hit"
    finally:
        restarted.stop()


def test_tiles_with_names_baked_in_are_never_served_again(server, library):
    """Tiles of the renderer before version 2 carry street names, which turn with a heading-up map."""
    region = library.get("monaco")
    z, x, y = tile_at(*HARBOUR, 16)
    old = server.cache_root / "monaco" / region.sha256[:12] / "day" / str(z) / str(x) / f"{y}.png"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"an old tile with names")
    (old.parents[2] / "RENDERER").write_text("1 format 2 256px\n")
    status, headers, body = get(server, f"/monaco/day/{z}/{x}/{y}.png")
    assert status == 200 and headers["X-Tile-Cache"] == "miss" and body != b"an old tile with names"
    assert not old.parents[2].exists(), "the old tiles take no disk space"


def test_the_tile_cache_stays_under_its_bound_dropping_the_least_recently_used(qapp, library, tmp_path):
    bound = 120_000
    server = TileServer(library, tmp_path / "tiles", max_bytes=bound)
    server.start()
    try:
        z, x0, y0 = tile_at(*HARBOUR, 17)
        first = f"/monaco/day/{z}/{x0}/{y0}.png"
        get(server, first)
        sizes = 0
        for dx in range(-4, 5):
            for dy in range(-3, 4):
                sizes += len(get(server, f"/monaco/day/{z}/{x0 + dx}/{y0 + dy}.png")[2])
                get(server, first)  # the driver keeps coming back here: it stays
                on_disk = sum(p.stat().st_size for p in server.cache_root.rglob("*.png"))
                assert on_disk <= bound
        assert sizes > 2 * bound, "the test drew enough to pass the bound"
        assert server.stats["evicted"] > 0
        assert server.cache_bytes() == sum(p.stat().st_size for p in server.cache_root.rglob("*.png"))
        assert get(server, first)[1]["X-Tile-Cache"] == "hit"
    finally:
        server.stop()


def test_hidpi_tiles_are_drawn_at_512_px_and_cached_apart(qapp, library, tmp_path):
    server = TileServer(library, tmp_path / "tiles", tile_px=512)
    server.start()
    try:
        z, x, y = tile_at(*HARBOUR, 16)
        image = QImage.fromData(get(server, f"/monaco/day/{z}/{x}/{y}.png")[2])
        assert (image.width(), image.height()) == (512, 512)
        assert server.tile_path(library.get("monaco"), "day", z, x, y).parents[2].name == "day-512px-v2"
    finally:
        server.stop()


def test_the_names_are_served_beside_the_tiles_in_the_drivers_language(server):
    import json

    status, headers, body = get(server, "/monaco/labels?s=43.72&w=7.40&n=43.76&e=7.45&z=15&lang=zh_CN")
    assert status == 200 and headers["Content-Type"] == "application/json"
    names = [label["name"] for label in json.loads(body)]
    assert names[0] == "摩納哥" and "Monte-Carlo" in names
    assert get(server, "/monaco/labels?s=43.72&w=7.40")[0] == 400
    assert get(server, "/atlantis/labels?s=1&w=1&n=2&e=2&z=15")[0] == 404


def test_day_and_night_tiles_are_cached_apart(server):
    z, x, y = tile_at(*HARBOUR, 16)
    day = get(server, f"/monaco/day/{z}/{x}/{y}.png")[2]
    night = get(server, f"/monaco/night/{z}/{x}/{y}.png")[2]
    assert day != night
    assert server.qt_cache_dir("monaco", "day") != server.qt_cache_dir("monaco", "night")


def test_a_tile_outside_the_region_is_plain_and_cached(server):
    z, x, y = tile_at(48.8566, 2.3522, 16)  # Paris
    status, headers, body = get(server, f"/monaco/night/{z}/{x}/{y}.png")
    assert status == 200 and headers["X-Tile-Cache"] == "miss"
    image = QImage.fromData(body)
    land = PALETTES["night"].land.upper()
    assert {image.pixelColor(px, py).name().upper() for px in range(0, 256, 16) for py in range(0, 256, 16)} == {land}
    assert get(server, f"/monaco/night/{z}/{x}/{y}.png")[1]["X-Tile-Cache"] == "hit"


@pytest.mark.parametrize("path, status", [
    ("/atlantis/day/16/34119/23896.png", 404),  # no such region
    ("/monaco/sepia/16/34119/23896.png", 404),  # no such style
    ("/monaco/day/16/34119.png", 404),  # not a tile address
    ("/monaco/day/16/x/23896.png", 400),
    ("/monaco/day/16/65536/23896.png", 400),  # x beyond the zoom level's 2^16 columns
    ("/monaco/day/-1/0/0.png", 400),
    ("/monaco/day/40/0/0.png", 400),
])
def test_bad_addresses_get_4xx_with_a_reason(server, path, status):
    code, headers, body = get(server, path)
    assert code == status
    assert headers["Content-Type"].startswith("text/plain")
    assert body.strip()


MAP_QML = b"""
import QtQuick
import QtLocation
import QtPositioning

Window {
    id: window
    required property string tileHost
    required property string qtCache
    required property real latitude
    required property real longitude
    width: 640
    height: 400
    visible: true

    Map {
        anchors.fill: parent
        plugin: Plugin {
            name: "osm"
            PluginParameter { name: "osm.mapping.custom.host"; value: window.tileHost }
            PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
            PluginParameter { name: "osm.mapping.cache.directory"; value: window.qtCache }
        }
        // The custom host's map type is the last one the plugin offers.
        activeMapType: supportedMapTypes[supportedMapTypes.length - 1]
        center: QtPositioning.coordinate(window.latitude, window.longitude)
        zoomLevel: 16
    }
}
"""


def test_qtlocation_map_shows_our_tiles(qapp, qtbot, server):
    import PySide6.QtQuick  # noqa: F401  (types the root as a QQuickWindow, for grabWindow)
    from PySide6.QtQml import QQmlComponent, QQmlEngine

    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(MAP_QML, "MapHarness.qml")
    qt_cache = server.qt_cache_dir("monaco", "day")
    window = component.createWithInitialProperties({
        "tileHost": server.url("monaco", "day"), "qtCache": str(qt_cache),
        "latitude": HARBOUR[0], "longitude": HARBOUR[1],
    })
    assert window is not None, component.errorString()
    try:
        # 640x400 at zoom 16 needs about 3x2 tiles, more at the edges.
        qtbot.waitUntil(lambda: server.stats["rendered"] + server.stats["from_cache"] >= 6, timeout=20000)
        day = PALETTES["day"]

        def shows_sea_and_roads() -> bool:
            image = window.grabWindow()
            found = [image.pixelColor(x, y).name().upper() for x in range(0, 640, 4) for y in range(0, 400, 4)]
            sea = found.count(day.sea.upper()) / len(found)
            roads = (found.count(day.minor.upper()) + found.count(day.primary.upper())) / len(found)
            return sea > 0.15 and roads > 0.02

        qtbot.waitUntil(shows_sea_and_roads, timeout=20000)
        assert server.stats["errors"] == 0
    finally:
        window.deleteLater()
        engine.deleteLater()
    assert qt_cache.is_dir(), "QtLocation should keep its own tile cache under the server's cache root"


def test_a_sandboxed_plugins_map_gets_the_names_through_the_tile_socket(server, library, tmp_path, monkeypatch):
    from headunit.sandbox.map_mirror import TILE_SOCKET, MirroredMaps

    server.listen_unix(tmp_path / TILE_SOCKET)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    region = library.get("monaco")
    maps = MirroredMaps()
    try:
        assert maps.labels(43.72, 7.40, 43.76, 7.45, 15, "zh_CN") == []  # no region yet
        maps.follow({"region": "monaco", "sha256": region.sha256, "center": list(region.center)})
        names = [label["name"] for label in maps.labels(43.72, 7.40, 43.76, 7.45, 15, "zh_CN")]
        assert names[0] == "摩納哥" and "Monte-Carlo" in names
    finally:
        maps.close()
