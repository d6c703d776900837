"""Progress: the drive being guided, as the manoeuvre card, the trip bar and the tile show it.

Figures are plain numbers (metres, seconds, seconds since the epoch, km/h) that the views write with the shell's
`Format`, so the card, the tile and every other screen read the same; names are the map's.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Property, QObject, QTimer, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from .drive import Drive
from .routes import icon_for, lane_icon, street_of
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

    def _maneuver(self, index: int):
        maneuvers = self._drive.route.maneuvers if self._drive is not None else []
        return maneuvers[index] if 0 <= index < len(maneuvers) else None

    def _name(self, index: int) -> str:
        """Where the manoeuvre leads: its street, or the destination's name for the arrival."""
        maneuver = self._maneuver(index)
        if maneuver is None:
            return ""
        if maneuver.kind == "arrive":
            return self._drive.destination.name
        name = street_of(maneuver)
        after = self._maneuver(index + 1)
        if not name and maneuver.kind == "roundabout" and after is not None and after.kind == "roundabout_exit":
            name = street_of(after)  # a nameless roundabout: the road its exit leads onto
        return name

    def _following(self, update) -> int:
        """The manoeuvre after the next one; leaving a roundabout is part of entering it, so the one after that."""
        following = update.following
        maneuver = self._maneuver(following)
        if maneuver is not None and maneuver.kind == "roundabout_exit" and update.kind == "roundabout":
            following = following + 1 if self._maneuver(following + 1) is not None else -1
        return following

    # The next manoeuvre

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
        return icon_for(update.kind, self._maneuver(update.next_maneuver).type)

    @Property(float, notify=changed, final=True)
    def distanceMeters(self) -> float:
        """To the next manoeuvre; NaN when there is none."""
        update = self._next()
        return update.distance_to_next_m if update else math.nan

    @Property(str, notify=changed, final=True)
    def street(self) -> str:
        """The one street the next manoeuvre leads onto (or the destination's name), named once."""
        update = self._next()
        return self._name(update.next_maneuver) if update else ""

    @Property(str, notify=changed, final=True)
    def instruction(self) -> str:
        """The router's sentence for the next manoeuvre, in the language the route was asked in: for a
        manoeuvre onto a road with no name, where the street says nothing."""
        update = self._next()
        return update.instruction if update else ""

    @Property(int, notify=changed, final=True)
    def exitNumber(self) -> int:
        """Which exit of the roundabout ahead; 0 when the next manoeuvre is no roundabout."""
        update = self._next()
        maneuver = self._maneuver(update.next_maneuver) if update else None
        return int(maneuver.roundabout_exit or 0) if maneuver is not None and update.kind == "roundabout" else 0

    @Property(list, notify=changed, final=True)
    def lanes(self) -> list:
        """The lanes before the next manoeuvre, left to right, where the map has them: [{icon, recommended}]."""
        update = self._next()
        maneuver = self._maneuver(update.next_maneuver) if update else None
        if maneuver is None:
            return []
        return [{"icon": lane_icon(lane["turns"], maneuver.kind, lane["recommended"]),
                 "recommended": bool(lane["recommended"])} for lane in maneuver.lanes]

    # The one after it

    @Property(str, notify=changed, final=True)
    def thenIcon(self) -> str:
        update = self._next()
        maneuver = self._maneuver(self._following(update)) if update else None
        return icon_for(maneuver.kind, maneuver.type) if maneuver is not None else ""

    @Property(str, notify=changed, final=True)
    def thenStreet(self) -> str:
        """Where the manoeuvre after the next one leads; "" when the next one is the destination."""
        update = self._next()
        return self._name(self._following(update)) if update else ""

    # The whole drive

    @Property(float, notify=changed, final=True)
    def remainingMeters(self) -> float:
        update = self._update()
        return update.remaining_m if update else math.nan

    @Property(float, notify=changed, final=True)
    def remainingSeconds(self) -> float:
        update = self._update()
        return update.remaining_s if update else math.nan

    @Property(float, notify=changed, final=True)
    def arrivalTime(self) -> float:
        """Seconds since the epoch the car should arrive at; NaN when nothing is guided."""
        return time.time() + self.remainingSeconds

    @Property(int, notify=changed, final=True)
    def routeDriven(self) -> int:
        """The index of the route's last shape point the car has passed (MapView.routeDriven); -1 before any."""
        update = self._update()
        return update.shape_index if update else -1

    @Property(int, notify=changed, final=True)
    def speedLimit(self) -> int:
        """The speed limit where the car is, in km/h (OSM `maxspeed`); 0 where the map has none."""
        update = self._update()
        return int(update.speed_limit_kmh or 0) if update else 0

    @Property(str, notify=changed, final=True)
    def speedLimitText(self) -> str:
        """The figure on the speed-limit sign, in the driver's unit: "50", or "30" (mph) for 50 km/h in miles."""
        kmh = self.speedLimit
        if kmh <= 0:
            return ""
        return str(round(kmh / 1.609344 / 5) * 5) if self._texts.miles else str(kmh)

    @Property(bool, notify=changed, final=True)
    def rerouting(self) -> bool:
        return self._drive is not None and self._drive.rerouting

    @Property(str, notify=changed, final=True)
    def rerouteError(self) -> str:
        """"No route from here" while the car is off the route and no new one was found (the drive keeps
        trying); "" otherwise."""
        failed = self._drive is not None and self._drive.reroute_error
        return self._texts.no_route_from_here() if failed else ""
