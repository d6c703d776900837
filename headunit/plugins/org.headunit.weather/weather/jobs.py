"""Jobs: forecasts read from the backend through the cache, on the plugin's worker thread.

Each call returns a request number at once; the answer comes back to the GUI thread as a signal carrying that
number, so the store drops answers to questions it no longer asks (the car moved on, the route changed).
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from headunit.sdk import CloudUnavailable, HeadUnitError

PATH = "/v1/weather"


class Jobs(QObject):
    #: request, forecast ({} when none), when the server produced it (epoch s, NaN when none),
    #: from the cache, stale (offline or the backend failing), why none ("" when read)
    forecastLoaded = Signal(int, dict, float, bool, bool, str)
    #: request, {(lat, lon): forecast} for the places asked (missing ones could not be read)
    forecastsLoaded = Signal(int, object)

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._cloud = ctx.cloud
        self._numbers = itertools.count(1)

    def forecast(self, lat: float, lon: float) -> int:
        number = next(self._numbers)
        self._ctx.submit(self._forecast, number, lat, lon)
        return number

    def forecasts(self, places: Iterable[tuple[float, float]]) -> int:
        number = next(self._numbers)
        self._ctx.submit(self._forecasts, number, list(places))
        return number

    def _read(self, lat: float, lon: float):
        return self._cloud.get(PATH, {"lat": round(lat, 2), "lon": round(lon, 2)})

    def _forecast(self, number: int, lat: float, lon: float) -> None:
        try:
            reading = self._read(lat, lon)
        except (CloudUnavailable, HeadUnitError) as exc:
            self._ctx.log.info("weather: %s", exc)
            self.forecastLoaded.emit(number, {}, math.nan, False, True, "unavailable")
            return
        data = reading.data if isinstance(reading.data, dict) else {}
        if reading.status >= 400 or "current" not in data:
            self.forecastLoaded.emit(number, {}, math.nan, reading.from_cache, reading.stale, "unavailable")
            return
        produced = time.time() - reading.age_seconds
        self.forecastLoaded.emit(number, data, produced, reading.from_cache, reading.stale, "")

    def _forecasts(self, number: int, places: list[tuple[float, float]]) -> None:
        found: dict[tuple[float, float], dict] = {}
        for lat, lon in places:
            try:
                reading = self._read(lat, lon)
            except (CloudUnavailable, HeadUnitError) as exc:
                self._ctx.log.info("weather along the route: %s", exc)
                continue
            if reading.status < 400 and isinstance(reading.data, dict) and "hourly" in reading.data:
                found[(lat, lon)] = reading.data
        self.forecastsLoaded.emit(number, found)
