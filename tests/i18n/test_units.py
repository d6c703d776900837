"""Units and clock follow the language's region until the driver overrides one; only overrides are stored."""

from __future__ import annotations

import json

import pytest

from headunit.shell.settings import REGIONAL_KEYS, Settings, regional_defaults
from tests.i18n.conftest import find, settle

US = {"distanceUnit": "mi", "temperatureUnit": "F", "clock24h": False}
METRIC = {"distanceUnit": "km", "temperatureUnit": "C", "clock24h": True}


@pytest.fixture
def path(tmp_path):
    return tmp_path / "config" / "settings.json"


def _units(settings: Settings) -> dict:
    return {key: settings.get(key) for key in REGIONAL_KEYS}


@pytest.mark.parametrize(("language", "expected"), [("en", METRIC), ("en_US", US), ("de", METRIC), ("zh_CN", METRIC)])
def test_defaults_follow_the_language(language, expected, qapp):
    assert regional_defaults(language) == expected


def test_units_follow_a_language_switch_until_overridden(path, qtbot):
    settings = Settings(path)
    assert _units(settings) == METRIC
    with qtbot.waitSignal(settings.changed, timeout=100):
        settings.set("language", "en_US")
    assert _units(settings) == US
    assert (settings.distanceUnit, settings.temperatureUnit, settings.clock24h) == ("mi", "F", False)  # QML's view

    settings.set("distanceUnit", "km")  # a US driver who thinks in kilometres
    settings.set("language", "de")
    settings.set("language", "en_US")
    assert _units(settings) == {**US, "distanceUnit": "km"}
    assert settings.overridden("distanceUnit") and not settings.overridden("clock24h")


def test_only_overrides_are_stored(path, qapp):
    settings = Settings(path)
    settings.set("language", "en_US")
    settings.set("temperatureUnit", "C")
    settings.save()
    shell = json.loads(path.read_text())["shell"]
    assert shell["language"] == "en_US"
    assert shell["temperatureUnit"] == "C"
    assert "distanceUnit" not in shell and "clock24h" not in shell

    again = Settings(path)
    assert _units(again) == {**US, "temperatureUnit": "C"}


def test_choosing_the_language_default_again_removes_the_override(path, qapp):
    settings = Settings(path)
    settings.set("distanceUnit", "mi")
    assert settings.overridden("distanceUnit")
    settings.set("distanceUnit", "km")
    assert not settings.overridden("distanceUnit")
    settings.set("language", "en_US")
    assert settings.distanceUnit == "mi"


def test_a_forced_language_sets_units_without_being_saved(path, qapp):
    settings = Settings(path, forced_language="en_US")
    assert settings.language == "en_US" and _units(settings) == US
    settings.set("themeMode", "night")
    settings.save()
    assert json.loads(path.read_text())["shell"]["language"] == "en"


def test_the_trip_computer_shows_the_regional_unit(make_shell, qtbot):
    runtime, window = make_shell(language="en_US")
    tile = find(window, "tileDistance")
    # Nothing driven yet: the formatter's small unit of the region (feet, metres).
    unit_labels = [c for c in tile.findChildren(type(tile)) if c.property("text") in ("ft", "mi", "m", "km")]
    assert [c.property("text") for c in unit_labels] == ["ft"]
    runtime.settings.set("language", "de")
    settle(qtbot, 100)
    assert [c.property("text") for c in unit_labels] == ["m"]
