"""A few of the shell's screens against reference pictures (tests/reference/), with a perceptual tolerance.

A regression shows as a picture: on a difference the test writes what it drew and a diff image (the changed
pixels in magenta over the reference, greyed) beside its tmp_path and names both in the failure.

After an intended change, render the references again and look at them before committing:

    make screens-reference        # HEADUNIT_UPDATE_REFERENCE=1 pytest tests/ui/test_reference_images.py

The comparison: both pictures blurred a little (a 1.5 px Gaussian, so antialiasing and a glyph's subpixel shift
do not count), then a pixel differs when any channel is off by more than 40 of 255; the screen fails when more
than 0.4 % of its pixels differ (at 1280x720 a block of about 60x60 px: a moved button, a missing label, a
palette change, a clipped word all show; noise does not).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.shell import find, settle

Image = pytest.importorskip("PIL.Image", reason="Pillow (the dev extra) compares the pictures")
from PIL import ImageChops, ImageFilter  # noqa: E402

REFERENCE = Path(__file__).resolve().parent.parent / "reference"
UPDATE = os.environ.get("HEADUNIT_UPDATE_REFERENCE") == "1"
BLUR_PX = 1.5
CHANNEL_TOLERANCE = 40
SHARE_TOLERANCE = 0.004
CLOCK = "10:08"


@dataclass(frozen=True)
class Shot:
    name: str
    size: tuple[int, int]
    night: bool = False
    language: str = "en"
    app: str | None = None
    settings: str | None = None


SHOTS = [
    Shot("home-800x480-day", (800, 480)),
    Shot("home-1920x720-night", (1920, 720), night=True),
    Shot("tripcomputer-1280x720-day", (1280, 720), app="org.headunit.tripcomputer"),
    Shot("music-1280x720-night", (1280, 720), night=True, app="org.headunit.music"),
    Shot("settings-display-800x480-night", (800, 480), night=True, settings="display"),
    Shot("settings-units-1280x720-day-de", (1280, 720), language="de", settings="units"),
]


def _as_pil(image) -> "Image.Image":
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombytes("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits())[:rgb.sizeInBytes()],
                           "raw", "RGB", rgb.bytesPerLine())


def compare(actual: "Image.Image", reference: "Image.Image") -> tuple[float, "Image.Image"]:
    """(the share of pixels that differ, a diff picture)."""
    if actual.size != reference.size:
        return 1.0, actual
    blur = ImageFilter.GaussianBlur(BLUR_PX)
    delta = ImageChops.difference(actual.convert("RGB").filter(blur), reference.convert("RGB").filter(blur))
    # A pixel differs when its largest channel difference is over the tolerance.
    largest = ImageChops.lighter(ImageChops.lighter(*delta.split()[:2]), delta.split()[2])
    mask = largest.point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    share = mask.histogram()[255] / (actual.width * actual.height)
    backdrop = reference.convert("L").point(lambda v: 128 + v // 3).convert("RGB")
    diff = Image.composite(Image.new("RGB", actual.size, (255, 0, 255)), backdrop, mask)
    return share, diff


def render(make_shell, qtbot, shot: Shot) -> "Image.Image":
    runtime, window = make_shell(*shot.size, night=shot.night, language=shot.language)
    if shot.app:
        assert runtime.apps.openApp(shot.app)
    if shot.settings:
        runtime.apps.openSettings(shot.settings)
    settle(qtbot, 800)
    find(window, "clock").setProperty("text", CLOCK)  # the only thing on these screens that moves by itself
    return _as_pil(window.grabWindow())


@pytest.mark.parametrize("shot", SHOTS, ids=lambda s: s.name)
def test_screen_looks_like_its_reference(make_shell, qtbot, tmp_path, shot):
    actual = render(make_shell, qtbot, shot)
    reference_path = REFERENCE / f"{shot.name}.png"
    if UPDATE:
        REFERENCE.mkdir(exist_ok=True)
        actual.save(reference_path, optimize=True)
        pytest.skip(f"reference written: {reference_path}")
    assert reference_path.exists(), f"no reference picture {reference_path}: run `make screens-reference`"
    reference = Image.open(reference_path)
    share, diff = compare(actual, reference)
    if share > SHARE_TOLERANCE:
        actual_path, diff_path = tmp_path / f"{shot.name}-actual.png", tmp_path / f"{shot.name}-diff.png"
        actual.save(actual_path)
        diff.save(diff_path)
        pytest.fail(f"{shot.name}: {share:.2%} of the pixels differ from {reference_path} "
                    f"(tolerance {SHARE_TOLERANCE:.1%}{', sizes differ' if actual.size != reference.size else ''})"
                    f"\n  drawn now: {actual_path}\n  difference: {diff_path}", pytrace=False)


def test_the_comparison_sees_a_moved_button_and_ignores_antialiasing():
    """The tolerance itself: a 1 px shift of text is not a difference, a 60x60 px block is."""
    from PIL import ImageDraw

    base = Image.new("RGB", (1280, 720), (240, 242, 246))
    ImageDraw.Draw(base).text((100, 100), "Trip computer", fill=(20, 20, 20), font_size=32)
    shifted = Image.new("RGB", base.size, (240, 242, 246))
    ImageDraw.Draw(shifted).text((101, 100), "Trip computer", fill=(20, 20, 20), font_size=32)
    assert compare(shifted, base)[0] <= SHARE_TOLERANCE
    moved = base.copy()
    ImageDraw.Draw(moved).rectangle((600, 300, 660, 360), fill=(30, 90, 200))
    assert compare(moved, base)[0] > SHARE_TOLERANCE
