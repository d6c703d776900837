"""The emulator's car: a vehicle-state source driven by the control panel and by recorded tracks,
and the emulator's network switch.

It publishes every reading ten times a second, as a car's bus would, so ages stay fresh; "signal lost"
stops publishing, which the driving state must treat as moving within 2 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit import paths
from headunit.shell.connectivity import Connectivity
from headunit.shell.qml_services import singleton_of
from headunit.vehicle.state import GEARS, READINGS, VehicleState
from headunit.vehicle.track import Track, offset

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

DEMO_TRACK = paths.ASSETS_DIR / "tracks" / "monaco-avenue-princesse-grace.gpx"
#: Where the simulated car stands before it moves: Place du Casino, Monaco.
HOME_POSITION = (43.73942, 7.42772)

#: The speed a route is driven at when the car stands still when asked to drive it.
ROUTE_SPEED_KMH = 50.0

DRIVE_PRESETS = {
    "parked": {"gear": "P", "parkingBrake": True, "speed": 0.0},
    "idling": {"gear": "D", "parkingBrake": False, "speed": 0.0},
    "moving": {"gear": "D", "parkingBrake": False, "speed": 50.0},
}


@QmlElement
@QmlSingleton
@QmlUncreatable("the emulator owns the simulator")
class Simulator(QObject):
    create = singleton_of("simulator")

    changed = Signal()

    def __init__(self, vehicle: VehicleState, connectivity: Connectivity, tick_ms: int = 100,
                 clock: Callable[[], float] = time.monotonic, left_to_sources: frozenset[str] = frozenset(),
                 parent: QObject | None = None):
        super().__init__(parent)
        self._vehicle, self._connectivity, self._clock = vehicle, connectivity, clock
        self._values = {name: initial for name, (_, initial) in READINGS.items()}
        self._values["latitude"], self._values["longitude"] = HOME_POSITION
        self._signal_lost = False
        self._left_to_sources = left_to_sources  # readings the car's own sources (--source) give instead
        self._ambient_sensor = True  # a car without a light sensor leaves day/night to headlights and sun
        self._clock_offset_h = 0.0  # shifts the time of day the sun is placed at
        self._track: Track | None = None
        self._travelled = 0.0
        self._last_tick = clock()
        self._timer = QTimer(self, interval=tick_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self.tick()

    @Slot()
    def tick(self) -> None:
        """Move the car for the time since the last tick, then publish every reading."""
        self._move()
        if not self._signal_lost:
            left = self._left_to_sources if self._ambient_sensor else self._left_to_sources | {"ambientLight"}
            self._vehicle.publish(**{k: v for k, v in self._values.items() if k not in left})

    def _move(self) -> None:
        """Drive the time since the last move at the speed, gear and track the car had all along; a change
        moves the car up to now first, so it counts from the moment it was made."""
        now = self._clock()
        dt, self._last_tick = now - self._last_tick, now
        metres = self._values["speed"] / 3.6 * dt * (-1 if self._values["gear"] == "R" else 1)
        if metres and self._values["gear"] in ("D", "R"):
            if self._track:
                self._travelled += metres
                lat, lon, heading = self._track.at(self._travelled)
                self._values.update(latitude=lat, longitude=lon, heading=heading)
                if not self._track.loop and self._travelled >= self._track.length_m:
                    self._track = None  # the end of the route: stop there, still in D
                    self._values["speed"] = 0.0
                    self.changed.emit()
            else:
                lat, lon = offset((self._values["latitude"], self._values["longitude"]), self._values["heading"], metres)
                self._values.update(latitude=lat, longitude=lon)

    def _set(self, **values: object) -> None:
        changed = {k: v for k, v in values.items() if self._values[k] != v}
        if changed:
            self._move()
            self._values.update(changed)
            self.changed.emit()
            self.tick()

    # The control panel's API.

    @Slot(float)
    def setSpeed(self, kmh: float) -> None:
        self._set(speed=max(0.0, min(250.0, float(kmh))))

    @Slot(str)
    def setGear(self, gear: str) -> None:
        if gear not in GEARS:
            raise ValueError(f"gear: expected one of {', '.join(GEARS)}, got {gear!r}")
        self._set(gear=gear)

    @Slot(bool)
    def setParkingBrake(self, on: bool) -> None:
        self._set(parkingBrake=bool(on))

    @Slot(bool)
    def setHeadlights(self, on: bool) -> None:
        self._set(headlights=bool(on))

    @Slot(float)
    def setAmbientLight(self, lux: float) -> None:
        self._set(ambientLight=max(0.0, float(lux)))

    @Slot(float, float)
    def setPosition(self, lat: float, lon: float) -> None:
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"position: expected latitude in [-90, 90] and longitude in [-180, 180], got {lat}, {lon}")
        self.stopTrack()
        self._set(latitude=float(lat), longitude=float(lon))

    @Slot(float)
    def setHeading(self, degrees: float) -> None:
        self._set(heading=float(degrees) % 360)

    @Slot(str)
    def applyDrive(self, preset: str) -> None:
        """parked, idling or moving: the gear, brake and speed of a typical moment."""
        self._set(**DRIVE_PRESETS[preset])

    @Slot(bool)
    def setSignalLost(self, lost: bool) -> None:
        if lost != self._signal_lost:
            self._signal_lost = lost
            self.changed.emit()

    @Slot(bool)
    def setAmbientSensor(self, present: bool) -> None:
        """Whether the car has an ambient light sensor: without one its reading goes stale."""
        if bool(present) != self._ambient_sensor:
            self._ambient_sensor = bool(present)
            self.changed.emit()

    @Slot(float)
    def setClockOffset(self, hours: float) -> None:
        """Shift the time of day DayNight places the sun at, by `hours` (-24 to 24) from now."""
        hours = max(-24.0, min(24.0, float(hours)))
        if hours != self._clock_offset_h:
            self._clock_offset_h = hours
            self.changed.emit()

    def utc_now(self) -> datetime:
        """The simulated time: now in UTC, shifted by the clock offset."""
        return datetime.now(UTC) + timedelta(hours=self._clock_offset_h)

    @Slot(bool)
    def setNetwork(self, online: bool) -> None:
        """The emulator's network switch."""
        self._connectivity.set_online(bool(online))

    @Slot(str)
    def playTrack(self, path: str = "") -> None:
        """Follow the GPX track at `path` (the demo track when empty) at the current speed, looping."""
        track = Track.from_gpx(Path(path) if path else DEMO_TRACK)
        self._move()
        self._track, self._travelled = track, 0.0
        lat, lon, heading = self._track.at(0)
        self._values.update(latitude=lat, longitude=lon, heading=heading)
        self.changed.emit()
        self.tick()

    @Slot(list)
    def driveRoute(self, points: list) -> None:
        """Follow the route [[lat, lon], …] once at the current speed (50 km/h if standing), stopping at
        its end: the drive a navigation app is guiding."""
        track = Track("route", [_coordinate(p) for p in points], loop=False)
        if len(track.points) < 2 or track.length_m == 0:
            raise ValueError(f"route: expected at least 2 distinct points, got {len(track.points)}")
        self._move()
        self._track, self._travelled = track, 0.0
        lat, lon, heading = track.at(0)
        self._values.update(latitude=lat, longitude=lon, heading=heading, gear="D", parkingBrake=False)
        if self._values["speed"] == 0:
            self._values["speed"] = ROUTE_SPEED_KMH
        self.changed.emit()
        self.tick()

    @Slot()
    def leaveRoute(self) -> None:
        """Turn right off the route being driven and keep going straight, as a driver missing a turn would."""
        if self.routeDriving:
            self._move()
            self._track = None
            self._values["heading"] = (self._values["heading"] + 90) % 360
            self.changed.emit()
            self.tick()

    @Slot()
    def stopTrack(self) -> None:
        if self._track:
            self._move()
            self._track = None
            self.changed.emit()

    @Property(bool, notify=changed, final=True)
    def signalLost(self) -> bool:
        return self._signal_lost

    @Property(bool, notify=changed, final=True)
    def ambientSensor(self) -> bool:
        return self._ambient_sensor

    @Property(float, notify=changed, final=True)
    def clockOffset(self) -> float:
        """Hours the simulated time of day is ahead of now."""
        return self._clock_offset_h

    @Property(str, notify=changed, final=True)
    def trackName(self) -> str:
        """The recorded track being played; empty while driving a route."""
        return self._track.name if self._track and self._track.loop else ""

    @Property(bool, notify=changed, final=True)
    def routeDriving(self) -> bool:
        """The car is following a route given to driveRoute and has not reached its end."""
        return self._track is not None and not self._track.loop

    def value(self, name: str) -> object:
        return self._values[name]


def _coordinate(point: object) -> tuple[float, float]:
    """(lat, lon) from [lat, lon] or from a {latitude, longitude} object, as QML may pass either."""
    try:
        if isinstance(point, dict):
            lat, lon = float(point.get("latitude", point.get("lat"))), float(point.get("longitude", point.get("lon")))
        elif hasattr(point, "latitude"):
            lat, lon = float(point.latitude()), float(point.longitude())
        else:
            lat, lon = (float(v) for v in point)
    except (TypeError, ValueError):
        raise ValueError(f"route: expected points as [latitude, longitude], got {point!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"route: expected latitude in [-90, 90] and longitude in [-180, 180], got {lat}, {lon}")
    return lat, lon
