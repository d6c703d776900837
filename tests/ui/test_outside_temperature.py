"""The outside temperature in the status bar: what the weather app published, in the driver's unit."""

from __future__ import annotations

import time

import pytest

from headunit.host.errors import PermissionDenied
from headunit.host.weather_access import PluginWeather
from tests.shell import find, settle


def test_the_status_bar_shows_the_published_temperature_in_the_drivers_unit(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    shown = find(window, "outsideTemperature")
    assert not shown.isVisible()  # nothing read yet: nothing made up

    PluginWeather(runtime.weather, "org.example.weather", may_publish=True).publish(-2.4, "snow", time.time())
    settle(qtbot)
    assert shown.isVisible() and find(window, "outsideTemperatureText").property("text") == "-2 °C"

    runtime.settings.set("temperatureUnit", "F")
    settle(qtbot)
    assert find(window, "outsideTemperatureText").property("text") == "28 °F"


def test_hours_old_weather_is_not_shown_as_the_temperature_outside(make_shell, qtbot):
    runtime, window = make_shell(1280, 720)
    PluginWeather(runtime.weather, "org.example.weather", may_publish=True).publish(21, "clear", time.time() - 4 * 3600)
    settle(qtbot)
    assert not find(window, "outsideTemperature").isVisible()


def test_only_the_weather_app_publishes(make_shell):
    runtime, _ = make_shell(1280, 720)
    with pytest.raises(PermissionDenied):
        PluginWeather(runtime.weather, "org.example.music", may_publish=False).publish(20, "clear", time.time())
    with pytest.raises(ValueError, match="condition 'sunny' is not one of clear"):
        PluginWeather(runtime.weather, "org.example.weather", may_publish=True).publish(20, "sunny", time.time())
