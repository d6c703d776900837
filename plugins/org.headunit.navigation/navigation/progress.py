"""Progress: the drive being guided, as the panel and the tile show it."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Property, QObject, QTimer, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from .drive import Drive
from .routes import icon_for
from .texts import Texts

QML_IMPORT_NAME = "HeadUnit.Plugins.Navigation"
QML_IMPORT_MAJOR_VERSION = 1

#: The arrival time moves on with the clock even while the car stands (no new fixes): read it again this often.
CLOCK_MS = 30_000


@QmlElement
@QmlUncreatable("the navigation store owns it")
class Progress(QObject):
    changed = Signal()

    def __init__(self, texts: Texts, parent: QObject | None = None):
        super().__init__(parent)
        self._texts = texts
        self._drive: Drive | None = None
        self._clock = QTimer(self, interval=CLOCK_MS)
        self._clock.timeout.connect(self.changed)

    def follow(self, drive: Drive | None) -> None:
        """Show `drive` (None: nothing is guided)."""
        self._drive = drive
        if drive is None:
            self._clock.stop()
        else:
            self._clock.start()
        self.changed.emit()

    def _update(self):
        return self._drive.update if self._drive is not None else None

    def _next(self):
        """The last update, for what it says of the next manoeuvre; None while a reroute has failed, since the
        manoeuvre belongs to the route the car has left."""
        return None if self.rerouteError else self._update()

    @Property(str, notify=changed, final=True)
    def kind(self) -> str:
        """The next manoeuvre: left, right, roundabout, arrive, … (headunit.maps.routing.KINDS)."""
        update = self._next()
        return update.kind if update else ""

    @Property(str, notify=changed, final=True)
    def icon(self) -> str:
        update = self._next()
        if not update:
            return "mdi6.navigation-variant"
        return icon_for(update.kind, self._drive.route.maneuvers[update.next_maneuver].type)

    @Property(str, notify=changed, final=True)
    def distance(self) -> str:
        """To the next manoeuvre, the number alone ("350"), for large type beside its unit."""
        update = self._next()
        return self._texts.distance_parts(update.distance_to_next_m)[0] if update else ""

    @Property(str, notify=changed, final=True)
    def distanceUnit(self) -> str:
        update = self._next()
        return self._texts.distance_parts(update.distance_to_next_m)[1] if update else ""

    @Property(str, notify=changed, final=True)
    def street(self) -> str:
        update = self._next()
        return update.street if update else ""

    @Property(str, notify=changed, final=True)
    def instruction(self) -> str:
        """The router's instruction for the next manoeuvre, in the language the route was asked in."""
        update = self._next()
        return update.instruction if update else ""

    @Property(str, notify=changed, final=True)
    def remaining(self) -> str:
        update = self._update()
        return self._texts.distance_parts(update.remaining_m)[0] if update else ""

    @Property(str, notify=changed, final=True)
    def remainingUnit(self) -> str:
        update = self._update()
        return self._texts.distance_parts(update.remaining_m)[1] if update else ""

    @Property(float, notify=changed, final=True)
    def remainingSeconds(self) -> float:
        update = self._update()
        return update.remaining_s if update else math.nan

    @Property(float, notify=changed, final=True)
    def arrivalTime(self) -> float:
        """Seconds since the epoch the car should arrive at; NaN when nothing is guided."""
        return time.time() + self.remainingSeconds

    @Property(bool, notify=changed, final=True)
    def rerouting(self) -> bool:
        return self._drive is not None and self._drive.rerouting

    @Property(str, notify=changed, final=True)
    def rerouteError(self) -> str:
        """"No route from here" while the car is off the route and no new one was found (the drive keeps
        trying); "" otherwise."""
        failed = self._drive is not None and self._drive.reroute_error
        return self._texts.no_route_from_here() if failed else ""
