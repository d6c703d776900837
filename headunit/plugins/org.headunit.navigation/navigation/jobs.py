"""Jobs: routing, search and the synced destinations, run on the plugin's worker thread.

Each call returns a request number at once; the answer comes back to the GUI thread as a signal carrying that
number, so a view drops answers to questions it no longer asks (the driver typed on, chose another place).
Errors a driver should read come back as a reason code (MapError.reason, or "unavailable"), which the page puts
into the driver's language (Texts.problem); the English message goes to the log. Anything else fails the plugin,
as the host intends.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from headunit.sdk import CloudUnavailable, HeadUnitError, MapError

from .destinations import COLLECTION

LatLon = tuple[float, float]


class Jobs(QObject):
    #: request, places (nearest first, or in the order the route passes them), why none ("" when found)
    placesFound = Signal(int, list, str)
    #: request, routes (the best first), why none ("" when found)
    routesFound = Signal(int, list, str)
    #: what the account holds, and why nothing could be read ("" when it could)
    destinationsLoaded = Signal(dict, str)

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._maps = ctx.maps
        self._cloud = ctx.cloud
        self._numbers = itertools.count(1)

    # Maps

    def nearest(self, category: str, near: LatLon, limit: int) -> int:
        return self._places(lambda: self._maps.nearest(category, near, limit=limit))

    def along(self, category: str, shape: Sequence[LatLon], limit: int) -> int:
        shape = list(shape)
        return self._places(lambda: self._maps.along(category, shape, limit=limit))

    def search(self, text: str, near: LatLon, limit: int) -> int:
        return self._places(lambda: self._maps.search(text, near, limit=limit))

    def route(self, origin: LatLon, destination: LatLon, alternates: int, heading: float | None) -> int:
        number = next(self._numbers)
        self._ctx.submit(self._answer, self.routesFound, number,
                         lambda: self._maps.route(origin, destination, alternates=alternates, heading=heading))
        return number

    def _places(self, query: Callable[[], list]) -> int:
        number = next(self._numbers)
        self._ctx.submit(self._answer, self.placesFound, number, query)
        return number

    def _answer(self, signal: Signal, number: int, query: Callable[[], list]) -> None:
        try:
            found, error = query(), ""
        except (MapError, HeadUnitError) as exc:
            self._ctx.log.info("%s", exc)
            found, error = [], getattr(exc, "reason", "") or "unavailable"
        signal.emit(number, found, error)

    # The account

    def load_destinations(self) -> None:
        self._ctx.submit(self._load)

    def save_destination(self, key: str, value: dict) -> None:
        self._ctx.submit(self._write, key, lambda: self._cloud.put(COLLECTION, key, value))

    def delete_destination(self, key: str) -> None:
        self._ctx.submit(self._write, key, lambda: self._cloud.delete(COLLECTION, key))

    def _load(self) -> None:
        try:
            items, error = self._cloud.items(COLLECTION), ""
        except CloudUnavailable as exc:
            items, error = {}, str(exc)
        self.destinationsLoaded.emit(items, error)

    def _write(self, key: str, write: Callable[[], object]) -> None:
        try:
            write()
        except CloudUnavailable as exc:
            self._ctx.log.info("destination %s kept for this session only: %s", key, exc)
