"""VehicleState: the car's latest readings and how old each one is.

Sources (the emulator's simulator, or the car's own: headunit.vehicle.sources) call `publish()`; everything else reads.
A source that repeats an unchanged value still refreshes its age: an age that grows means the signal is gone.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QmlUncreatable

from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

GEARS = ("P", "R", "N", "D")

#: Reading name -> (type, initial value). Speed in km/h, heading in degrees from north, light in lux, engine
#: speed in revolutions per minute.
READINGS: dict[str, tuple[type, object]] = {
    "speed": (float, 0.0),
    "gear": (str, "P"),
    "parkingBrake": (bool, True),
    "headlights": (bool, False),
    "ambientLight": (float, 10000.0),
    "latitude": (float, math.nan),
    "longitude": (float, math.nan),
    "heading": (float, 0.0),
    "rpm": (float, 0.0),
}


def _same(a: object, b: object) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


@QmlNamedElement("Vehicle")
@QmlSingleton
@QmlUncreatable("the shell owns the vehicle state")
class VehicleState(QObject):
    create = singleton_of("vehicle")

    #: Emitted after every publish, with the names of the readings it carried.
    updated = Signal(list)

    # One change signal per reading, so a binding on speed does not wake for heading.
    speedChanged = Signal()
    gearChanged = Signal()
    parkingBrakeChanged = Signal()
    headlightsChanged = Signal()
    ambientLightChanged = Signal()
    latitudeChanged = Signal()
    longitudeChanged = Signal()
    headingChanged = Signal()
    rpmChanged = Signal()

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self._values = {name: initial for name, (_, initial) in READINGS.items()}
        self._stamps: dict[str, float] = {}  # a reading never received has no stamp: infinitely old

    def publish(self, **readings: object) -> None:
        """Record new readings (from a source), each stamped now."""
        now = self._clock()
        for name, value in readings.items():
            kind = READINGS[name][0]
            if name == "gear" and value not in GEARS:
                raise ValueError(f"gear: expected one of {', '.join(GEARS)}, got {value!r}")
            value = kind(value)
            self._stamps[name] = now
            if not _same(self._values[name], value):
                self._values[name] = value
                getattr(self, f"{name}Changed").emit()
        self.updated.emit(list(readings))

    def value(self, name: str) -> object:
        return self._values[name]

    @Slot(str, result=float)
    def age(self, name: str) -> float:
        """Seconds since `name` was last published; infinity if it never was."""
        stamp = self._stamps.get(name)
        return math.inf if stamp is None else self._clock() - stamp

    @property
    def has_position(self) -> bool:
        return not (math.isnan(self._values["latitude"]) or math.isnan(self._values["longitude"]))

    # One property per reading in READINGS, each with its own change signal.

    @Property(float, notify=speedChanged, final=True)
    def speed(self) -> float:
        return self._values["speed"]

    @Property(str, notify=gearChanged, final=True)
    def gear(self) -> str:
        return self._values["gear"]

    @Property(bool, notify=parkingBrakeChanged, final=True)
    def parkingBrake(self) -> bool:
        return self._values["parkingBrake"]

    @Property(bool, notify=headlightsChanged, final=True)
    def headlights(self) -> bool:
        return self._values["headlights"]

    @Property(float, notify=ambientLightChanged, final=True)
    def ambientLight(self) -> float:
        return self._values["ambientLight"]

    @Property(float, notify=latitudeChanged, final=True)
    def latitude(self) -> float:
        return self._values["latitude"]

    @Property(float, notify=longitudeChanged, final=True)
    def longitude(self) -> float:
        return self._values["longitude"]

    @Property(float, notify=headingChanged, final=True)
    def heading(self) -> float:
        return self._values["heading"]

    @Property(float, notify=rpmChanged, final=True)
    def rpm(self) -> float:
        return self._values["rpm"]
