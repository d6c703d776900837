"""The shell's view of the drive in progress: where the car is going, by which road, and what comes next.

The navigation app publishes it (only an app of category "navigation" may, and on the GUI thread); any app
with the location capability may read it, and the emulator's simulated drive follows its route.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.host.errors import require_gui_thread
from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlSingleton
@QmlUncreatable("the navigation app publishes the route through ctx.navigation")
class Navigation(QObject):
    create = singleton_of("navigation")

    routeChanged = Signal()
    progressChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._publisher = ""
        self._destination_name = ""
        self._destination = (math.nan, math.nan)
        self._shape: list[list[float]] = []
        self._remaining_m = math.nan
        self._remaining_s = math.nan
        self._next = {"kind": "", "instruction": "", "street": "", "distance_m": math.nan}

    # Publishing (the navigation app, through ctx.navigation)

    def set_route(self, publisher: str, name: str, lat: float, lon: float, shape: list[tuple[float, float]]) -> None:
        require_gui_thread("ctx.navigation.set_route()")
        self._publisher = publisher
        self._destination_name, self._destination = name, (float(lat), float(lon))
        self._shape = [[float(a), float(b)] for a, b in shape]
        self.routeChanged.emit()

    def set_progress(self, remaining_m: float, remaining_s: float, *, kind: str, instruction: str, street: str,
                     distance_m: float) -> None:
        require_gui_thread("ctx.navigation.set_progress()")
        self._remaining_m, self._remaining_s = float(remaining_m), float(remaining_s)
        self._next = {"kind": kind, "instruction": instruction, "street": street, "distance_m": float(distance_m)}
        self.progressChanged.emit()

    def clear(self, publisher: str) -> None:
        require_gui_thread("ctx.navigation.clear()")
        if publisher != self._publisher:
            return
        self._publisher, self._destination_name, self._shape = "", "", []
        self._destination = (math.nan, math.nan)
        self._remaining_m = self._remaining_s = math.nan
        self._next = {"kind": "", "instruction": "", "street": "", "distance_m": math.nan}
        self.routeChanged.emit()
        self.progressChanged.emit()

    # Reading

    @Property(bool, notify=routeChanged, final=True)
    def active(self) -> bool:
        """A route is being guided."""
        return bool(self._shape)

    @Property(str, notify=routeChanged, final=True)
    def publisher(self) -> str:
        """The id of the app guiding the car."""
        return self._publisher

    @Property(str, notify=routeChanged, final=True)
    def destinationName(self) -> str:
        return self._destination_name

    @Property(float, notify=routeChanged, final=True)
    def destinationLatitude(self) -> float:
        return self._destination[0]

    @Property(float, notify=routeChanged, final=True)
    def destinationLongitude(self) -> float:
        return self._destination[1]

    @Property(list, notify=routeChanged, final=True)
    def routeShape(self) -> list:
        """The route as [[lat, lon], …] from where guidance started."""
        return self._shape

    @Property(float, notify=progressChanged, final=True)
    def remainingMeters(self) -> float:
        return self._remaining_m

    @Property(float, notify=progressChanged, final=True)
    def remainingSeconds(self) -> float:
        return self._remaining_s

    @Property(float, notify=progressChanged, final=True)
    def arrivalTime(self) -> float:
        """Seconds since the epoch the car should arrive at; NaN when not guiding."""
        return time.time() + self._remaining_s if not math.isnan(self._remaining_s) else math.nan

    @Property(str, notify=progressChanged, final=True)
    def nextKind(self) -> str:
        """The next manoeuvre: left, right, slight_right, roundabout, arrive, …"""
        return self._next["kind"]

    @Property(str, notify=progressChanged, final=True)
    def nextInstruction(self) -> str:
        return self._next["instruction"]

    @Property(str, notify=progressChanged, final=True)
    def nextStreet(self) -> str:
        return self._next["street"]

    @Property(float, notify=progressChanged, final=True)
    def nextDistanceMeters(self) -> float:
        return self._next["distance_m"]
