"""TripStore: the trip computer's state for its QML, fed by vehicle state through the plugin context."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from .trip import Trip

QML_IMPORT_NAME = "HeadUnit.Plugins.TripComputer"
QML_IMPORT_MAJOR_VERSION = 1

SAMPLE_MS = 1000


@QmlElement
@QmlUncreatable("created by the plugin; views take it as a required property")
class TripStore(QObject):
    changed = Signal()

    def __init__(self, vehicle, driving, since_reset: Trip, on_changed: Callable[[Trip, bool], None],
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self._vehicle, self._driving, self._clock = vehicle, driving, clock
        self._on_changed = on_changed
        self.since_start, self.since_reset = Trip(), since_reset
        self._last_sample, self._last_speed = clock(), vehicle.speed
        vehicle.speedChanged.connect(self.sample)
        driving.stateChanged.connect(self.sample)
        self._timer = QTimer(self, interval=SAMPLE_MS)
        self._timer.timeout.connect(self.sample)
        self._timer.start()

    @Slot()
    def sample(self) -> None:
        """Account for the time since the last sample at the speed the car had then."""
        now = self._clock()
        seconds, self._last_sample = now - self._last_sample, now
        driving = not self._driving.parked
        for trip in (self.since_start, self.since_reset):
            trip.add(seconds, self._last_speed, driving)
        self._last_speed = self._vehicle.speed
        if seconds > 0 and driving:
            self.changed.emit()
            self._on_changed(self.since_reset, False)

    @Slot()
    def reset(self) -> None:
        self.sample()
        self.since_reset = Trip()
        self.changed.emit()
        self._on_changed(self.since_reset, True)

    def stop(self) -> None:
        self._timer.stop()
        self.sample()

    @Property(float, notify=changed, final=True)
    def startDistance(self) -> float:
        """Metres since the head unit started."""
        return self.since_start.distance_m

    @Property(float, notify=changed, final=True)
    def startDrivingTime(self) -> float:
        """Seconds of driving since the head unit started."""
        return self.since_start.driving_s

    @Property(float, notify=changed, final=True)
    def startAverageSpeed(self) -> float:
        return self.since_start.average_kmh

    @Property(float, notify=changed, final=True)
    def resetDistance(self) -> float:
        """Metres since the last reset."""
        return self.since_reset.distance_m

    @Property(float, notify=changed, final=True)
    def resetDrivingTime(self) -> float:
        return self.since_reset.driving_s

    @Property(float, notify=changed, final=True)
    def resetAverageSpeed(self) -> float:
        return self.since_reset.average_kmh
