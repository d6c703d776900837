"""The map's drawing data and its tiles, from the real Monaco extract."""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from headunit.maps import renderdata
from headunit.maps.errors import MapError, NotAnExtract
from headunit.maps.renderdata import project
from headunit.maps.tiles import PALETTES, TileRenderer

MONACO = Path(__file__).resolve().parents[2] / "headunit" / "assets" / "maps" / "monaco.osm.pbf"

HARBOUR = (43.7355, 7.4235)  # Port Hercule: quays, roads and the sea
OPEN_SEA = (43.7250, 7.4450)  # a kilometre off the coast, inside the extract
HILLS = (43.7440, 7.4000)  # inland above Beausoleil: houses, roads, no sea


@pytest.fixture(scope="module")
def monaco_render(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("render") / "render.db"
    fractions: list[float] = []
    counts = renderdata.build(MONACO, out, fractions.append)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    return out, counts


def tile_at(lat: float, lon: float, z: int) -> tuple[int, int, int]:
    x, y = project(lon, lat)
    return z, int(x * 2**z), int(y * 2**z)


def colours(png: bytes) -> Counter[str]:
    image = QImage.fromData(png)
    assert not image.isNull()
    found: Counter[str] = Counter()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            found[image.pixelColor(x, y).name().upper()] += 1
    return found


def share(found: Counter[str], colour: str) -> float:
    return found[colour.upper()] / sum(found.values())


def test_monaco_has_roads_buildings_water_and_the_sea(monaco_render):
    path, counts = monaco_render
    assert counts["roads"] > 2000
    assert counts["buildings"] > 20000
    assert counts["sea"] >= 1
    assert counts["water"] > 0 and counts["green"] > 0 and counts["rail"] > 0
    assert counts["labels"] > 100
    db = sqlite3.connect(path)
    names = {name for (name,) in db.execute("SELECT name FROM label")}
    assert {"Monte-Carlo", "La Condamine"} <= names
    assert "Boulevard Princesse Charlotte" in names
    db.close()


@pytest.mark.parametrize("style", ["day", "night"])
def test_tiles_carry_no_names_which_would_turn_with_the_map(qapp, monaco_render, style):
    """Street names are drawn by the map, upright; in a tile they would turn (and read upside down)."""
    path, _ = monaco_render
    db = sqlite3.connect(path)
    rows = db.execute("SELECT name, x, y, zooms FROM label WHERE name IN (?, ?)",
                      ("Boulevard Princesse Charlotte", "Monte-Carlo")).fetchall()
    db.close()
    assert rows
    renderer = TileRenderer(path, style)
    for name, x, y, zooms in rows:
        z = max(z for z in range(20) if zooms & (1 << z))  # a zoom where the name was placed
        image = QImage.fromData(renderer.render(z, int(x * 2**z), int(y * 2**z)))
        # Text is darker than anything drawn on the day map and lighter than anything on the night map
        # (a name on the tile gave 56 to 431 such pixels).
        ink = [image.pixelColor(px, py).lightnessF() for px in range(image.width()) for py in range(image.height())]
        assert sum(1 for v in ink if (v < 0.45 if style == "day" else v > 0.55)) == 0, name


def test_labels_have_their_names_in_the_shells_languages(monaco_render):
    from headunit.maps.renderdata import LabelIndex

    path, _ = monaco_render
    index = LabelIndex(path)
    try:
        box = (43.72, 7.40, 43.76, 7.45)
        en = index.labels(*box, 15, "en")
        zh = index.labels(*box, 15, "zh_CN")
        assert [label["rank"] for label in en] == sorted(label["rank"] for label in en)  # most important first
        assert en[0]["kind"] == 1 and en[0]["name"] == "Monaco"
        assert zh[0]["name"] == "摩納哥"
        assert {"Monte-Carlo", "La Condamine"} <= {label["name"] for label in zh}  # no name:zh: the local name
        assert len(index.labels(*box, 17, "en")) > len(en)  # closer in, more names
    finally:
        index.close()


def test_a_file_that_is_not_an_extract_is_refused_by_name(tmp_path):
    bogus = tmp_path / "notes.osm.pbf"
    bogus.write_text("not a map")
    with pytest.raises(NotAnExtract, match="notes.osm.pbf"):
        renderdata.build(bogus, tmp_path / "render.db")
    assert not (tmp_path / "render.db").exists()


def test_harbour_tile_shows_sea_and_roads(qapp, monaco_render):
    path, _ = monaco_render
    day = PALETTES["day"]
    found = colours(TileRenderer(path, "day").render(*tile_at(*HARBOUR, 16)))
    assert share(found, day.sea) > 0.2
    road_share = share(found, day.minor) + share(found, day.primary) + share(found, day.motorway)
    assert road_share > 0.03


def test_open_sea_is_sea_and_the_hills_are_land(qapp, monaco_render):
    path, _ = monaco_render
    day = PALETTES["day"]
    renderer = TileRenderer(path, "day")
    assert share(colours(renderer.render(*tile_at(*OPEN_SEA, 16))), day.sea) > 0.99
    hills = colours(renderer.render(*tile_at(*HILLS, 16)))
    assert share(hills, day.sea) < 0.05
    assert share(hills, day.minor) + share(hills, day.primary) > 0.02


def test_night_is_dark_and_differs_from_day(qapp, monaco_render):
    path, _ = monaco_render
    tile = tile_at(*HARBOUR, 16)
    day = QImage.fromData(TileRenderer(path, "day").render(*tile))
    night = QImage.fromData(TileRenderer(path, "night").render(*tile))

    def lightness(image: QImage) -> float:
        samples = [image.pixelColor(x, y).lightnessF() for x in range(0, 256, 8) for y in range(0, 256, 8)]
        return sum(samples) / len(samples)

    assert lightness(day) > 0.6
    assert lightness(night) < 0.25
    assert share(colours(TileRenderer(path, "night").render(*tile)), PALETTES["night"].sea) > 0.2


def test_tiles_zoomed_out_and_in_draw_the_town(qapp, monaco_render):
    path, _ = monaco_render
    renderer = TileRenderer(path, "day")
    for z in (12, 14, 17, 18):
        found = colours(renderer.render(*tile_at(43.7394, 7.4277, z)))
        assert len(found) > 20, f"zoom {z} looks empty"


def test_a_tile_outside_the_region_is_plain_land(qapp, monaco_render):
    path, _ = monaco_render
    renderer = TileRenderer(path, "day")
    far = tile_at(48.8566, 2.3522, 16)  # Paris
    assert not renderer.covers(*far)
    found = colours(renderer.render(*far))
    assert list(found) == [PALETTES["day"].land.upper()]


def test_hidpi_tiles_are_512_pixels(qapp, monaco_render):
    path, _ = monaco_render
    image = QImage.fromData(TileRenderer(path, "day", tile_px=512).render(*tile_at(*HARBOUR, 16)))
    assert (image.width(), image.height()) == (512, 512)


def test_threads_draw_the_same_tiles_as_one_thread(qapp, monaco_render):
    path, _ = monaco_render
    renderer = TileRenderer(path, "night")
    z, x0, y0 = tile_at(*HARBOUR, 16)
    tiles = [(z, x0 + dx, y0 + dy) for dx in range(-2, 2) for dy in range(-2, 2)]
    expected = {t: renderer.render(*t) for t in tiles}
    results: dict[tuple[int, int, int], bytes] = {}
    errors: list[BaseException] = []

    def work(part: list[tuple[int, int, int]]) -> None:
        try:
            for t in part:
                results[t] = renderer.render(*t)
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(tiles[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == expected


def test_bad_requests_say_what_was_wrong(qapp, monaco_render, tmp_path):
    path, _ = monaco_render
    with pytest.raises(MapError, match="style"):
        TileRenderer(path, "sepia")
    with pytest.raises(MapError, match="no tile 3/8/0"):
        TileRenderer(path, "day").render(3, 8, 0)
    with pytest.raises(MapError, match="render.db"):
        TileRenderer(tmp_path / "render.db", "day")


def test_sea_polygons_close_along_the_box_edge():
    # A straight coast running west to east across a 1x1 box: land on the left (north), sea south.
    box = (0.0, 0.0, 1.0, 1.0)
    coast = ([1, 2], [-0.5, 0.5, 1.5, 0.5])
    seas, islands = renderdata.sea_polygons([coast], box)
    assert islands == []
    assert len(seas) == 1
    ys = seas[0][1::2]
    assert min(ys) == pytest.approx(0.5) and max(ys) == pytest.approx(1.0)  # y grows south
    # The same coast drawn east to west puts the sea north.
    seas, _ = renderdata.sea_polygons([([2, 1], [1.5, 0.5, -0.5, 0.5])], box)
    ys = seas[0][1::2]
    assert min(ys) == pytest.approx(0.0) and max(ys) == pytest.approx(0.5)
