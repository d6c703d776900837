"""Every text and control colour against every background it is drawn on, in both palettes (WCAG 2).

The driving-safety rules: text at least 4.5:1, controls 3:1. The text tokens are drawn on background, surface and
surfaceRaised; onAccent is drawn on accent (an accented button); the outline and an accent-filled
control stand against background and surface.
"""

from __future__ import annotations

import pytest

from headunit.shell.theme import PALETTES
from tests.theme.wcag import contrast

TEXT = ("text", "textMuted", "accent", "danger", "success", "warning")
GROUNDS = ("background", "surface", "surfaceRaised")

TEXT_PAIRS = [(fg, bg) for fg in TEXT for bg in GROUNDS] + [("onAccent", "accent")]
CONTROL_PAIRS = [("outline", "background"), ("outline", "surface"), ("accent", "background"), ("accent", "surface")]


def test_the_wcag_formula():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic just-failing grey
    assert contrast("#FFFFFF", "#777777") == contrast("#777777", "#FFFFFF")


def test_both_palettes_have_the_same_tokens():
    assert PALETTES["day"].keys() == PALETTES["night"].keys()


@pytest.mark.parametrize("palette", ["day", "night"])
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS, ids=lambda t: t)
def test_text_is_at_least_4_5_to_1(palette, fg, bg):
    p = PALETTES[palette]
    assert contrast(p[fg], p[bg]) >= 4.5, f"{palette}: {fg} {p[fg]} on {bg} {p[bg]}"


@pytest.mark.parametrize("palette", ["day", "night"])
@pytest.mark.parametrize(("fg", "bg"), CONTROL_PAIRS, ids=lambda t: t)
def test_controls_are_at_least_3_to_1(palette, fg, bg):
    p = PALETTES[palette]
    assert contrast(p[fg], p[bg]) >= 3.0, f"{palette}: {fg} {p[fg]} on {bg} {p[bg]}"


@pytest.mark.parametrize("palette", ["day", "night"])
def test_design_handbook_margins_on_background_and_surface(palette):
    """The palette promises more than the minimum where it can: text ≥ 5.2 and outline ≥ 3.4 on
    background and surface (surfaceRaised, a later token, is held to the WCAG minimum above)."""
    p = PALETTES[palette]
    assert min(contrast(p[fg], p[bg]) for fg in TEXT for bg in ("background", "surface")) >= 5.2
    assert min(contrast(p["outline"], p[bg]) for bg in ("background", "surface")) >= 3.4


def test_night_is_darker_than_day_token_by_token():
    for token in ("background", "surface", "surfaceRaised"):
        assert contrast(PALETTES["night"][token], "#000000") < contrast(PALETTES["day"][token], "#000000")
