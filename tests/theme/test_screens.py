"""Day and night in the running shell: night clearly darker than day, text still at contrast as
rendered (measured in the screenshots), the reason shown in Settings › Display, and a cross-fade."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from headunit.shell import daynight as dn
from headunit.shell.theme import PALETTES, SWITCH_MS
from tests.theme.test_contrast import CONTROL_PAIRS, TEXT_PAIRS
from tests.theme.wcag import contrast, luminance, over
from tests.shell import settle
from tests.ui.geometry import texts

SIZES = [(800, 480), (1280, 720)]


def _find(window, name: str):
    pending = [window.contentItem()]
    while pending:
        item = pending.pop()
        if item.objectName() == name:
            return item
        pending.extend(item.childItems())
    raise AssertionError(f"no item named {name!r}")


def _mean_luminance(image: QImage) -> float:
    """Mean WCAG luminance over the whole frame, sampled on a 64×64 grid."""
    small = image.scaled(64, 64)
    return sum(luminance(small.pixelColor(x, y)) for y in range(64) for x in range(64)) / 64**2


def _effectively_enabled(item) -> bool:
    """Enabled and fully opaque all the way up: a dimmed, disabled control is exempt from contrast."""
    while item is not None:
        if not item.isEnabled() or item.opacity() < 1:
            return False
        item = item.parentItem()
    return True


def _rendered_text_contrast(image: QImage, window) -> list[tuple[float, str]]:
    """For every visible text in the frame: the contrast between its ground (the commonest colour in
    its painted box) and its ink (the pixel in the box that stands out most), as the screen shows it."""
    boxes, problems = texts(window)
    assert problems == []
    scale = image.width() / window.width()
    found = []
    for box in boxes:
        if not _effectively_enabled(box.item):
            continue
        r = box.rect
        rect = QRect(round(r.x() * scale), round(r.y() * scale), round(r.width() * scale), round(r.height() * scale))
        rect = rect.intersected(image.rect())
        pixels = [image.pixelColor(x, y).rgb() for y in range(rect.top(), rect.bottom() + 1)
                  for x in range(rect.left(), rect.right() + 1)]
        if not pixels:
            continue
        ground = QColor.fromRgb(Counter(pixels).most_common(1)[0][0])
        ink = max(contrast(QColor.fromRgb(p), ground) for p in set(pixels))
        found.append((ink, f"{box} ground {ground.name()}"))
    return found


def _open(runtime, window, qtbot, view: str) -> None:
    if view == "settings":
        _find(window, "shell").setProperty("overlay", "settings")
        _find(window, "settingsView").setProperty("section", 0)
    settle(qtbot)


@pytest.mark.parametrize("view", ["home", "settings"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_night_is_clearly_darker_with_text_still_at_contrast(make_shell, qtbot, tmp_path, size, view):
    """The same screen by day and, after choosing Night in the settings, by night (at the night's own
    default brightness): mean luminance under a third, and every text at 4.5:1 in the pixels."""
    runtime, window = make_shell(*size, night=None)  # automatic: the simulator's sensor says day
    _open(runtime, window, qtbot, view)
    day = window.grabWindow()
    day.save(str(tmp_path / f"day-{view}.png"))
    day_texts = _rendered_text_contrast(day, window)
    runtime.settings.set("themeMode", "night")
    settle(qtbot)
    assert runtime.theme.night and runtime.settings.brightness == 0.6
    night = window.grabWindow()
    night.save(str(tmp_path / f"night-{view}.png"))
    night_texts = _rendered_text_contrast(night, window)

    day_lum, night_lum = _mean_luminance(day), _mean_luminance(night)
    assert night_lum < day_lum / 3, (day_lum, night_lum)

    for measured, which in ((day_texts, "day"), (night_texts, "night")):
        assert len(measured) >= 5
        worst = min(measured)
        print(f"\n{which} {view} {size}: mean luminance {day_lum if which == 'day' else night_lum:.3f}, "
              f"{len(measured)} texts, lowest contrast {worst[0]:.2f}:1 ({worst[1]})")
        assert worst[0] >= 4.5, f"{which}: {worst[1]} at {worst[0]:.2f}:1"


def test_the_night_dimming_keeps_every_token_pair_at_contrast(make_shell, qtbot):
    """At the night's default brightness the shell's dimming layer lies over every colour; the pairs
    still pass as composited, and the screenshot's ground is exactly that composite."""
    runtime, window = make_shell(1280, 720, night=True)
    dimmer = _find(window, "dimmer")
    opacity, backlight = dimmer.opacity(), dimmer.property("color")
    assert 0 < opacity < 0.2  # dimmed, gently

    p = PALETTES["night"]
    shown = {token: over(backlight, opacity, p[token]) for token in p}
    for fg, bg in TEXT_PAIRS:
        assert contrast(shown[fg], shown[bg]) >= 4.5, (fg, bg)
    for fg, bg in CONTROL_PAIRS:
        assert contrast(shown[fg], shown[bg]) >= 3.0, (fg, bg)

    image = window.grabWindow()
    corner = image.pixelColor(image.width() - 4, image.height() - 4)  # the shell's background, nothing on it
    expected = shown["background"]
    assert max(abs(corner.red() - expected.red()), abs(corner.green() - expected.green()),
               abs(corner.blue() - expected.blue())) <= 2


def test_settings_says_why_it_is_night(make_shell, qtbot, monkeypatch, tmp_path):
    """The emulator's car loses its light sensor and switches its headlights on: the shell goes night
    by itself, and Settings › Display says "Automatic (now night: headlights on)"."""
    monkeypatch.setattr(dn, "DWELL_S", 0.3)  # the real 10 s would only slow the test down
    runtime, window = make_shell(800, 480, night=None)
    _open(runtime, window, qtbot, "settings")
    reason = _find(window, "themeReason")
    assert reason.property("text") == "Automatic (now day: bright ambient light)"

    runtime.simulator.setAmbientSensor(False)
    runtime.simulator.setHeadlights(True)
    qtbot.waitUntil(lambda: runtime.theme.night, timeout=dn.FRESH_S * 1000 + 3000)
    settle(qtbot)
    assert runtime.daynight.reason == "headlights"
    assert reason.property("text") == "Automatic (now night: headlights on)"
    _, problems = texts(window)
    assert problems == []
    window.grabWindow().save(str(tmp_path / "night-headlights.png"))

    runtime.settings.set("themeMode", "day")
    settle(qtbot)
    assert not runtime.theme.night and not reason.isVisible()


def test_the_switch_cross_fades_the_whole_shell(make_shell, qtbot):
    """A frame mid-switch is between day and night everywhere (no flash), and the palette's steps are
    cheap enough to run at frame rate."""
    runtime, window = make_shell(1280, 720, night=None)
    day_lum = _mean_luminance(window.grabWindow())
    runtime.settings.set("themeMode", "night")
    qtbot.wait(SWITCH_MS // 5)
    mid_lum = _mean_luminance(window.grabWindow())
    settle(qtbot)
    night_lum = _mean_luminance(window.grabWindow())
    assert night_lum < mid_lum < day_lum

    # What one step of the fade costs: every colour binding in the shell and its plugins re-evaluated.
    theme, n = runtime.theme, 30
    start = time.perf_counter()
    for _ in range(n):
        theme.paletteChanged.emit()
    per_step_ms = (time.perf_counter() - start) / n * 1000
    print(f"\none cross-fade step re-evaluates the palette bindings in {per_step_ms:.2f} ms")
    assert per_step_ms < 16  # within a 60 Hz frame, with room to spare on a desktop
