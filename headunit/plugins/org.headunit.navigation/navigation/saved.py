"""Saved: the driver's home, favourites and recent destinations, and the drive home the tile shows.

They live in the account's user data ("destinations"), read and written on the worker: on disk at once, on
the account when it answers. A head unit without a backend keeps them for the session only.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from .destinations import Destination, Destinations
from .jobs import Jobs
from .listing import SAVED_ICONS
from .routes import distance_m, known
from .rows import Row, RowList
from .texts import Texts

QML_IMPORT_NAME = "HeadUnit.Plugins.Navigation"
QML_IMPORT_MAJOR_VERSION = 1

#: How often the drive home is worked out again.
HOME_ETA_MS = 5 * 60_000
#: Recent destinations on the tile.
TILE_RECENTS = 2


@QmlElement
@QmlUncreatable("the navigation store owns it")
class Saved(QObject):
    changed = Signal()
    #: The driver chose one of these places on the tile: preview the routes there (a Destination).
    previewRequested = Signal(object)

    def __init__(self, jobs: Jobs, texts: Texts, vehicle, log, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs, self._texts, self._vehicle, self._log = jobs, texts, vehicle, log
        self._destinations = Destinations()
        self._rows = RowList(self)
        self._home_eta_s = math.nan
        self._home_request = 0
        #: Guidance under way: the tile shows the drive, not the way home.
        self.paused = False
        self._home_timer = QTimer(self, interval=HOME_ETA_MS)
        self._home_timer.timeout.connect(self.refreshHomeEta)
        self._home_timer.start()
        jobs.destinationsLoaded.connect(self._loaded)
        jobs.routesFound.connect(self._routed)
        jobs.load_destinations()

    def stop(self) -> None:
        self._home_timer.stop()

    # What the store asks

    def ordered(self) -> list[Destination]:
        """Home, favourites, then recents: the list shown before any search."""
        return self._destinations.ordered()

    def visit(self, target: Destination) -> None:
        """A drive to `target` started: it is the most recent destination."""
        self._keep(*self._destinations.visit(target.name, target.lat, target.lon))

    def keep(self, target: Destination, kind: str) -> None:
        """Save `target` as home or as a favourite."""
        self._keep(*self._put(Destination(target.name, target.lat, target.lon, kind)))
        if kind == "home":
            self._home_eta_s = math.nan
            self.refreshHomeEta()

    def _put(self, destination: Destination) -> tuple[Destination, list[str]]:
        return destination, self._destinations.put(destination)

    def _keep(self, destination: Destination, dropped: list[str]) -> None:
        self._jobs.save_destination(destination.key, destination.to_json())
        for key in dropped:
            self._jobs.delete_destination(key)
        self.rewrite()

    # The account

    @Slot(dict, str)
    def _loaded(self, items: dict, error: str) -> None:
        if error:
            self._log.warning("destinations are kept for this session only: %s", error)
            return
        self._destinations.replace(items)
        self.rewrite()
        self.refreshHomeEta()

    # The tile

    @Property(bool, notify=changed, final=True)
    def hasHome(self) -> bool:
        return self._destinations.home is not None

    @Property(str, notify=changed, final=True)
    def homeEta(self) -> str:
        """The drive home from where the car is ("12 min"); "" until worked out."""
        return "" if math.isnan(self._home_eta_s) else self._texts.duration(self._home_eta_s)

    @Property(float, notify=changed, final=True)
    def homeArrival(self) -> float:
        """Seconds since the epoch the car would be home if it left now; NaN until worked out."""
        return time.time() + self._home_eta_s

    @Property(bool, notify=changed, final=True)
    def hasRecent(self) -> bool:
        return self._rows.count > 0

    @Property(QObject, constant=True, final=True)
    def recent(self) -> RowList:
        """The latest destinations, newest first."""
        return self._rows

    def rewrite(self) -> None:
        here = (self._vehicle.latitude, self._vehicle.longitude)
        self._rows.set_rows([
            Row(d.name, "", SAVED_ICONS["recent"],
                self._texts.distance(distance_m(here, (d.lat, d.lon))) if known(here) else "")
            for d in self._destinations.recents(TILE_RECENTS)])
        self.changed.emit()

    @Slot(int)
    def previewRecent(self, row: int) -> None:
        recents = self._destinations.recents(TILE_RECENTS)
        if 0 <= row < len(recents):
            self.previewRequested.emit(recents[row])

    @Slot()
    def previewHome(self) -> None:
        if self._destinations.home is not None:
            self.previewRequested.emit(self._destinations.home)

    @Slot()
    def refreshHomeEta(self) -> None:
        """Work out the drive home again (the tile asks when it appears; a timer every few minutes)."""
        home = self._destinations.home
        here = (self._vehicle.latitude, self._vehicle.longitude)
        if home is None or not known(here) or self.paused:
            return
        self._home_request = self._jobs.route(here, (home.lat, home.lon), 0, None)

    @Slot(int, list, str)
    def _routed(self, request: int, routes: list, error: str) -> None:
        if request == self._home_request:
            self._home_eta_s = routes[0].duration_s if routes else math.nan
            self.changed.emit()
