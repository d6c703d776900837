"""DrivingState: parked, idling or moving, from vehicle state, failing closed.

Parked is gear P, or the parking brake on at speed 0; idling is not parked at speed 0;
anything else is moving. A signal older than STALE_AFTER seconds, or never received, counts as moving;
`missing` then names what it should have come from (its source's key, "gps" or "brake", else the reading).
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, QTimer, Signal
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QmlUncreatable

from headunit.shell.qml_services import singleton_of
from headunit.vehicle.state import VehicleState

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

STALE_AFTER = 2.0
#: The readings the driving state depends on.
SIGNALS = ("speed", "gear", "parkingBrake")
#: How often staleness is checked; a lost signal is noticed within STALE_AFTER + CHECK_INTERVAL.
CHECK_INTERVAL_MS = 250


def classify(speed: float, gear: str, parking_brake: bool, stale: bool) -> str:
    if stale:
        return "moving"
    if gear == "P" or (parking_brake and speed == 0):
        return "parked"
    return "idling" if speed == 0 else "moving"


@QmlNamedElement("Driving")
@QmlSingleton
@QmlUncreatable("the shell owns the driving state")
class DrivingState(QObject):
    create = singleton_of("driving")

    stateChanged = Signal()

    def __init__(self, vehicle: VehicleState, parent: QObject | None = None):
        super().__init__(parent)
        self._vehicle = vehicle
        self._state, self._stale = "moving", True
        self._missing: list[str] = list(SIGNALS)
        self._labels: dict[str, str] = {}
        vehicle.updated.connect(self._evaluate)
        self._timer = QTimer(self, interval=CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self._evaluate)
        self._timer.start()
        self._evaluate()

    def _evaluate(self, *_: object) -> None:
        v = self._vehicle
        missing = list(dict.fromkeys(self._labels.get(name, name) for name in SIGNALS
                                     if v.age(name) > STALE_AFTER))
        stale = bool(missing)
        state = classify(v.value("speed"), v.value("gear"), v.value("parkingBrake"), stale)
        if (state, stale, missing) != (self._state, self._stale, self._missing):
            self._state, self._stale, self._missing = state, stale, missing
            self.stateChanged.emit()

    def set_source_labels(self, labels: dict[str, str]) -> None:
        """reading -> the key of the source it comes from ("gps", "brake"), for `missing`."""
        self._labels = dict(labels)
        self._evaluate()

    @Property(str, notify=stateChanged, final=True)
    def state(self) -> str:
        """parked, idling or moving."""
        return self._state

    @Property(bool, notify=stateChanged, final=True)
    def parked(self) -> bool:
        return self._state == "parked"

    @Property(bool, notify=stateChanged, final=True)
    def stale(self) -> bool:
        """True while a signal is missing or too old: the state then reads moving."""
        return self._stale

    @Property("QStringList", notify=stateChanged, final=True)
    def missing(self) -> list[str]:
        """While stale, what is missing: a source's key ("gps", "brake", "gear", "obd", "can") or, with no
        source configured for it, the reading ("speed", "gear", "parkingBrake")."""
        return self._missing
