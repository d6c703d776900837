"""The driver's settings: kept between starts, guarded against bad values, and never a reason not to start."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from headunit.shell.settings import DEFAULTS, Settings


@pytest.fixture
def path(tmp_path):
    return tmp_path / "config" / "settings.json"


def test_first_start_uses_defaults_and_writes_nothing(path, qapp):
    """Without a settings file every value is its default and nothing is written."""
    settings = Settings(path)
    assert {key: settings.get(key) for key in DEFAULTS} == DEFAULTS
    assert not path.exists()


def test_values_persist_across_instances(path, qapp):
    """Shell values, disabled plugins and plugin values saved by one instance are read by the next."""
    first = Settings(path)
    first.set("distanceUnit", "mi")
    first.set("themeMode", "night")
    first.set("clock24h", False)
    first.set("brightness", 0.5)
    first.set("language", "de")
    first.set_disabled("org.example.radio", True)
    first.set_plugin_value("org.example.radio", "region", "eu")
    first.save()

    second = Settings(path)
    assert (second.distanceUnit, second.themeMode, second.clock24h, second.brightness, second.language) == (
        "mi", "night", False, 0.5, "de")
    assert second.is_disabled("org.example.radio")
    assert second.plugin_values("org.example.radio") == {"region": "eu"}


def test_a_change_is_saved_by_itself_shortly_after(path, qtbot):
    """No explicit save: the change reaches the disk within a moment, written off the GUI thread."""
    with ThreadPoolExecutor(max_workers=1) as io:
        settings = Settings(path, io)
        settings.set("temperatureUnit", "F")
        qtbot.waitUntil(path.exists, timeout=2000)
    assert json.loads(path.read_text())["shell"]["temperatureUnit"] == "F"
    assert Settings(path).temperatureUnit == "F"


def test_change_signal_only_on_a_real_change(path, qtbot):
    """Setting the current value again emits nothing."""
    settings = Settings(path)
    with qtbot.waitSignal(settings.changed, timeout=100):
        settings.set("distanceUnit", "mi")
    with qtbot.assertNotEmitted(settings.changed):
        settings.set("distanceUnit", "mi")


@pytest.mark.parametrize(("key", "value"), [
    ("distanceUnit", "furlong"),
    ("themeMode", "dusk"),
    ("temperatureUnit", "K"),
    ("language", "xx"),
    ("clock24h", "yes"),
    ("clock24h", 1),
    ("fontSize", 12),
])
def test_invalid_value_is_refused_naming_the_key(path, qapp, key, value):
    """An unknown key, a value outside the allowed ones or of the wrong type raises ValueError naming the key and
    changes nothing."""
    settings = Settings(path)
    before = {k: settings.get(k) for k in DEFAULTS}
    with pytest.raises(ValueError, match=f"setting '{key}'"):
        settings.set(key, value)
    assert {k: settings.get(k) for k in DEFAULTS} == before


def test_brightness_is_kept_within_its_range(path, qapp):
    """Brightness is clamped to 0.1..1.0."""
    settings = Settings(path)
    settings.set("brightness", 0.01)
    assert settings.brightness == 0.1
    settings.set("brightness", 3)
    assert settings.brightness == 1.0


def test_qml_property_writes_go_through_the_same_checks(path, qapp):
    """Writing a setting as a Qt property (as QML does) stores it."""
    settings = Settings(path)
    settings.setProperty("distanceUnit", "mi")
    assert settings.get("distanceUnit") == "mi"


def test_corrupt_file_is_kept_aside_and_defaults_are_used(path, qapp):
    """An unreadable settings.json is renamed settings.json.bad, defaults are used, and the next save writes a good
    file."""
    path.parent.mkdir(parents=True)
    path.write_text('{"shell": {"distanceUnit": "mi"')
    settings = Settings(path)
    assert {key: settings.get(key) for key in DEFAULTS} == DEFAULTS
    bad = path.with_name("settings.json.bad")
    assert bad.read_text() == '{"shell": {"distanceUnit": "mi"'
    assert not path.exists()

    settings.set("distanceUnit", "mi")
    settings.save()
    assert Settings(path).distanceUnit == "mi"
    assert bad.exists()


def test_invalid_values_in_the_file_fall_back_to_defaults(path, qapp):
    """A hand-edited file with one bad value keeps every good value."""
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"shell": {"distanceUnit": "furlong", "themeMode": "night", "unknown": 1,
                                          "brightness": 1}}))
    settings = Settings(path)
    assert (settings.distanceUnit, settings.themeMode, settings.brightness) == ("km", "night", 1.0)
