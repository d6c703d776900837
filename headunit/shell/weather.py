"""The weather outside, as the status bar shows it: the temperature and condition the weather app last read
for the car's position, with when it was read.

The weather app publishes it (only an app of category "weather" may, on the GUI thread); the shell formats the
temperature in the driver's unit. A car with an outside-temperature sensor would publish here too.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.host.errors import require_gui_thread
from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

#: The conditions an app may publish (the backend's words, which the shell has icons for).
CONDITIONS = ("clear", "cloudy", "fog", "drizzle", "rain", "snow", "ice", "storm", "")


@QmlElement
@QmlSingleton
@QmlUncreatable("the weather app publishes it through ctx.weather")
class Weather(QObject):
    create = singleton_of("weather")

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._temperature_c = math.nan
        self._condition = ""
        self._updated = math.nan
        self._demo = False
        self._publisher = ""

    def publish(self, publisher: str, temperature_c: float, condition: str, updated: float, demo: bool) -> None:
        require_gui_thread("ctx.weather.publish()")
        if condition not in CONDITIONS:
            raise ValueError(f"ctx.weather.publish: condition {condition!r} is not one of {', '.join(CONDITIONS[:-1])}")
        self._publisher = publisher
        self._temperature_c, self._condition = float(temperature_c), condition
        self._updated, self._demo = float(updated), bool(demo)
        self.changed.emit()

    def clear(self, publisher: str) -> None:
        require_gui_thread("ctx.weather.clear()")
        if publisher == self._publisher:
            self._publisher, self._temperature_c, self._condition, self._updated = "", math.nan, "", math.nan
            self.changed.emit()

    @Property(bool, notify=changed, final=True)
    def available(self) -> bool:
        return not math.isnan(self._temperature_c)

    @Property(float, notify=changed, final=True)
    def temperatureC(self) -> float:
        """°C; NaN when nothing was published."""
        return self._temperature_c

    @Property(str, notify=changed, final=True)
    def condition(self) -> str:
        return self._condition

    @Property(float, notify=changed, final=True)
    def updated(self) -> float:
        """When the weather was read (seconds since the epoch); NaN when nothing was published."""
        return self._updated

    @Property(bool, notify=changed, final=True)
    def demo(self) -> bool:
        """From the demo provider: not the real weather."""
        return self._demo
