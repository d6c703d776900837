"""Translated screens at the smallest preset: nothing clipped, cut short or overlapping, and no glyph missing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication, QTextLayout

from headunit import i18n_build
from headunit.shell.fonts import FONT_FAMILIES
from tests.i18n.conftest import TRIP, find, settle
from tests.ui.geometry import texts

LANGUAGES = ["de", "zh_CN"]
SETTINGS_SECTIONS = 5


def _screens(runtime, window, qtbot):
    """(name, shown) for each first-party screen, shown in turn."""
    yield "home"
    shell = find(window, "shell")
    shell.setProperty("overlay", "settings")
    for section in range(SETTINGS_SECTIONS):
        find(window, "settingsView").setProperty("section", section)
        settle(qtbot)
        yield f"settings section {section}"
    shell.setProperty("overlay", "")
    assert runtime.apps.openApp(TRIP)
    settle(qtbot)
    yield "trip computer"
    find(window, "resetButton").clicked.emit()  # the first of the two taps: the confirmation label
    settle(qtbot)
    yield "trip computer, confirming a reset"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_screens_fit_at_800x480(make_shell, qtbot, tmp_path, language):
    runtime, window = make_shell(800, 480, language=language)
    problems = []
    for screen in _screens(runtime, window, qtbot):
        window.grabWindow().save(str(tmp_path / f"{screen}.png"))
        problems += [f"{screen}: {p}" for p in texts(window)[1]]
    assert problems == []


def test_the_ui_font_is_noto_sans_with_chinese_from_noto_sans_cjk_sc(qapp):
    assert QGuiApplication.font().families()[:2] == FONT_FAMILIES
    installed = set(QFontDatabase.families())
    assert set(FONT_FAMILIES) <= installed, "install fonts-noto-core and fonts-noto-cjk (scripts/install-system-deps)"
    layout = QTextLayout("行车电脑 Trip", QGuiApplication.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    used = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert used == {"Noto Sans", "Noto Sans CJK SC"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translated_character_has_a_glyph(language, qapp):
    """No translation renders a box: each character is in Noto Sans or Noto Sans CJK SC."""
    metrics = [QFontMetricsF(QFont(family)) for family in FONT_FAMILIES]
    missing = set()
    for catalogue in i18n_build.catalogues([]):
        for element in ET.parse(catalogue.ts(language)).getroot().iter():
            if element.tag in ("translation", "numerusform") and element.text:
                missing |= {c for c in element.text if not c.isspace()
                            and not any(m.inFontUcs4(ord(c)) for m in metrics)}
    assert missing == set()
