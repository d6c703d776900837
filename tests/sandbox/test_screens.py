"""An outside plugin that ignores the templates (raw text field, long list, its own keyboard, a video):
while the car is not parked none of its own pixels reach the screen; parked, its page does."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor

from tests.sandbox.conftest import OUTSIDE_PLUGINS, open_sandboxed
from tests.video_files import CLIP_RGB, rogue_with_clip

ROGUE = "org.example.rogue"
MAGENTA = QColor("#ff00ff")  # the rogue page's background: no shell token is anywhere near it


def magenta_share(image) -> float:
    return colour_share(image, (255, 0, 255))


def colour_share(image, rgb: tuple[int, int, int], tolerance: int = 30) -> float:
    hits = total = 0
    for y in range(0, image.height(), 8):
        for x in range(0, image.width(), 8):
            total += 1
            c = image.pixelColor(x, y)
            hits += abs(c.red() - rgb[0]) + abs(c.green() - rgb[1]) + abs(c.blue() - rgb[2]) < tolerance
    return hits / total


@pytest.mark.parametrize("size", [(800, 480), (1280, 720)])
@pytest.mark.parametrize("night", [False, True])
def test_moving_shows_the_shells_template_never_the_apps_pixels(make_shell, qtbot, tmp_path, size, night):
    runtime, window = make_shell(*size, drive="moving", night=night, third_party_paths=[OUTSIDE_PLUGINS])
    open_sandboxed(qtbot, runtime, window, ROGUE)
    image = window.grabWindow()
    image.save(str(tmp_path / f"rogue-moving-{size[0]}-{'night' if night else 'day'}.png"))
    assert magenta_share(image) == 0
    template = runtime.sandbox.pageTemplate(ROGUE, 0)
    assert template["title"] == "Rogue's picks" and len(template["rows"]) == 20
    # The shell's own list shows what fits of the 20 rows, at most six, and says how many wait.
    texts = _visible_texts(window)
    assert "Pick 1" in texts and "Pick 7" not in texts
    assert any("more when parked" in t for t in texts)


@pytest.mark.parametrize("size", [(800, 480), (1280, 720)])
def test_parked_shows_the_apps_own_page(make_shell, qtbot, tmp_path, size):
    runtime, window = make_shell(*size, drive="parked", third_party_paths=[OUTSIDE_PLUGINS])
    open_sandboxed(qtbot, runtime, window, ROGUE)
    image = window.grabWindow()
    image.save(str(tmp_path / f"rogue-parked-{size[0]}.png"))
    assert magenta_share(image) > 0.2


def test_the_page_is_hidden_the_moment_the_car_moves_and_back_when_parked(make_shell, qtbot):
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[OUTSIDE_PLUGINS])
    open_sandboxed(qtbot, runtime, window, ROGUE)
    assert magenta_share(window.grabWindow()) > 0.2
    runtime.simulator.applyDrive("moving")
    qtbot.waitUntil(lambda: not runtime.driving.parked, timeout=3000)
    qtbot.wait(100)
    assert magenta_share(window.grabWindow()) == 0
    runtime.simulator.applyDrive("parked")
    qtbot.waitUntil(lambda: magenta_share(window.grabWindow()) > 0.2, timeout=5000)


def test_parked_its_video_plays_and_moving_none_of_it_is_shown(make_shell, qtbot, tmp_path, plugin_log):
    """The rogue page's MediaPlayer plays a real clip (written at test time into a copy of the plugin) in its
    own process, as the player reports on the process's output (the shell's log); moving, none of its page is
    shown."""
    plugins = rogue_with_clip(tmp_path)
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[plugins])
    log = plugin_log

    def positions() -> list[int]:
        return [int(p) for p in re.findall(r"rogue video: position (\d+)", log())]

    open_sandboxed(qtbot, runtime, window, ROGUE)
    qtbot.waitUntil(lambda: "rogue video: state 1" in log(), timeout=10_000)  # MediaPlayer.PlayingState
    qtbot.waitUntil(lambda: len(set(positions())) >= 5 and max(positions()) >= 500, timeout=10_000)
    # Its frames are decoded and handed to its VideoOutput (whose sink counts them). Qt Quick's software
    # renderer, which the plugin's process uses, does not draw a VideoOutput: the page shows no picture.
    qtbot.waitUntil(lambda: "rogue video: frames 20" in log(), timeout=10_000)
    assert "rogue video: error" not in log(), log()[-2000:]
    assert magenta_share(window.grabWindow()) > 0.2

    runtime.simulator.applyDrive("moving")
    qtbot.waitUntil(lambda: not runtime.driving.parked, timeout=3000)
    qtbot.wait(100)
    played = len(positions())
    image = window.grabWindow()
    image.save(str(tmp_path / "rogue-video-moving.png"))
    assert colour_share(image, CLIP_RGB) == 0 and magenta_share(image) == 0
    assert "Rogue's picks" in _visible_texts(window)
    # It plays on in its process (the rogue does not pause), and none of it is on the screen.
    qtbot.waitUntil(lambda: len(positions()) > played + 3, timeout=5000)
    assert colour_share(window.grabWindow(), CLIP_RGB) == 0 and magenta_share(window.grabWindow()) == 0


def test_without_a_template_the_app_is_available_when_parked(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.plain", page=PAGE)
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    open_sandboxed(qtbot, runtime, window, "org.example.plain")
    assert "Available when parked" in _visible_texts(window)
    assert magenta_share(window.grabWindow()) == 0


PAGE = 'import QtQuick\nRectangle { color: "#ff00ff" }\n'


def _visible_texts(window) -> list[str]:

    from tests.shell import descendants

    out = []
    for item in descendants(window.contentItem()):
        if item.isVisible() and item.property("text") and _shown(item):
            out.append(str(item.property("text")))
    return out


def _shown(item) -> bool:
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True
