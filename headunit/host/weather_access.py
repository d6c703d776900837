"""A plugin's view of the weather outside: any app reads it; the weather app (category "weather") publishes what
it read for the car's position, for the status bar and other apps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from headunit.host.errors import PermissionDenied

if TYPE_CHECKING:
    from headunit.shell.weather import Weather


class PluginWeather:
    """`ctx.weather`."""

    def __init__(self, weather: "Weather", plugin_id: str, may_publish: bool):
        self._weather, self._plugin, self._may_publish = weather, plugin_id, may_publish

    @property
    def state(self) -> "Weather":
        """The shell's Weather object: temperatureC, condition, updated, demo, and `changed`."""
        return self._weather

    def publish(self, temperature_c: float, condition: str, updated: float, demo: bool = False) -> None:
        """The weather at the car now: °C, the backend's condition word, when it was read (epoch seconds), and
        whether it came from a demo provider. GUI thread."""
        if not self._may_publish:
            raise PermissionDenied(self._plugin, "category weather", "ctx.weather.publish()")
        self._weather.publish(self._plugin, temperature_c, condition, updated, demo)

    def clear(self) -> None:
        """Nothing is known of the weather any more. Category weather only (PermissionDenied otherwise)."""
        if not self._may_publish:
            raise PermissionDenied(self._plugin, "category weather", "ctx.weather.clear()")
        self._weather.clear(self._plugin)
