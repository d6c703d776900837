"""The shell's screens at the smallest and a wide preset: everything shown, nothing clipped or overlapping."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from tests.shell import find, settle
from tests.ui.geometry import texts

SIZES = [(800, 480), (1280, 720)]
TRIP = "org.headunit.tripcomputer"


def _mean_luminance(image: QImage) -> float:
    small = image.scaled(64, 64)
    total = 0.0
    for y in range(small.height()):
        for x in range(small.width()):
            c = small.pixelColor(x, y)
            total += 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
    return total / (small.width() * small.height())


def _shoot(window, path) -> QImage:
    image = window.grabWindow()
    assert not image.isNull()
    assert image.save(str(path))
    return image


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_shows_every_plugin_tile_without_clipping(make_shell, qtbot, tmp_path, size):
    runtime, window = make_shell(*size)
    image = _shoot(window, tmp_path / "home.png")
    assert (image.width(), image.height()) == size

    boxes, problems = texts(window)
    assert problems == []
    shown = {b.text for b in boxes}
    home = find(window, "homeView")
    if home.property("contentHeight") > home.height():  # more tiles than a screen: the rest a swipe away
        home.setProperty("contentY", home.property("contentHeight") - home.height())
        settle(qtbot)
        _shoot(window, tmp_path / "home-scrolled.png")
        boxes, problems = texts(window)
        assert problems == []
        shown |= {b.text for b in boxes}
    assert {"Trip", "Settings", "Parked"} <= shown
    for record in runtime.host.records():
        if record.status == "ok":
            tile = find(window, f"tile:{record.key}")
            assert tile.isVisible() and tile.width() >= runtime.theme.dp(76)
    # The trip computer's live tile replaced the manifest's placeholder once the plugin loaded.
    assert find(window, "tileDistance").isVisible()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_trip_computer_page(make_shell, qtbot, tmp_path, size):
    runtime, window = make_shell(*size)
    assert runtime.apps.openApp(TRIP)
    settle(qtbot)
    _shoot(window, tmp_path / "trip.png")
    boxes, problems = texts(window)
    assert problems == []
    assert {"Trip computer", "Since start", "Since reset", "Reset"} <= {b.text for b in boxes}


@pytest.mark.parametrize("section", range(5))
def test_settings_sections_at_the_smallest_screen(make_shell, qtbot, section):
    runtime, window = make_shell(800, 480)
    find(window, "shell").setProperty("overlay", "settings")
    find(window, "settingsView").setProperty("section", section)
    settle(qtbot)
    _, problems = texts(window)
    assert problems == []


def test_night_is_darker_than_day(make_shell, tmp_path):
    _, day = make_shell(1280, 720)
    day_luminance = _mean_luminance(_shoot(day, tmp_path / "day.png"))
    _, night = make_shell(1280, 720, night=True)
    night_luminance = _mean_luminance(_shoot(night, tmp_path / "night.png"))
    assert night_luminance < day_luminance / 3
