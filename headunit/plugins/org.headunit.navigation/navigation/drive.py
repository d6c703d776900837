"""Drive: one guided drive to a destination.

It feeds the guidance with the car's position at most five times a second, speaks the prompts, publishes the
progress to the shell (the home screen and other apps read it as `Navigation`), and when the car leaves the
route asks for a new one from where the car is, facing the way it faces, keeping the old route on screen
until the new one arrives.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from headunit.sdk import Guidance

from .destinations import Destination
from .jobs import Jobs
from .routes import guidable, street_of

#: At most this many guidance updates a second: the simulator publishes ten fixes.
UPDATES_PER_SECOND = 5
#: After a failed reroute, try again this much later while the car is still off the route.
REROUTE_RETRY_S = 5.0


class Drive(QObject):
    #: New progress, a new route or a reroute under way: read the properties again.
    changed = Signal()
    #: A prompt was handed to the voice: its text.
    spoke = Signal(str)
    #: The destination is reached (the arrival prompt is already spoken).
    arrived = Signal()

    def __init__(self, destination: Destination, route, *, vehicle, navigation, audio, jobs: Jobs,
                 rerouting_text: Callable[[], str], clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.destination, self.route = destination, route
        self._vehicle, self._navigation, self._audio, self._jobs = vehicle, navigation, audio, jobs
        self._rerouting_text, self._clock = rerouting_text, clock
        self._guidance = Guidance(route)
        self.update = None  # the last GuidanceUpdate
        self.rerouting = False
        self.reroute_error = ""  # why the last reroute failed (MapError.reason, or "no_route"); "" on route
        self.last_reroute_s = math.nan
        self._reroute_request = 0
        self._off_route_at = math.nan
        self._last_attempt = -math.inf
        self._last_update = -math.inf
        self._running = self._stopped = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._update)
        jobs.routesFound.connect(self._rerouted)

    def start(self) -> None:
        self._running = True
        self._publish_route()
        for signal in (self._vehicle.latitudeChanged, self._vehicle.longitudeChanged, self._vehicle.headingChanged,
                       self._vehicle.speedChanged):
            signal.connect(self._schedule)
        self._update()

    def stop(self) -> None:
        """End guidance: nothing more is said or published, and the shell forgets the route."""
        if self._stopped:
            return
        self._stopped = True
        self._running = False
        self._timer.stop()
        for signal in (self._vehicle.latitudeChanged, self._vehicle.longitudeChanged, self._vehicle.headingChanged,
                       self._vehicle.speedChanged):
            signal.disconnect(self._schedule)
        self._jobs.routesFound.disconnect(self._rerouted)
        if not (self.update and self.update.arrived):
            self._audio.cancel_speech()  # what is left to say no longer applies
        self._navigation.clear()

    @property
    def running(self) -> bool:
        return self._running

    # Position fixes

    def _schedule(self) -> None:
        """Coalesce the separate latitude, longitude, heading and speed signals of one fix, and keep to the rate."""
        if self._running and not self._timer.isActive():
            wait = self._last_update + 1 / UPDATES_PER_SECOND - self._clock()
            self._timer.start(max(0, math.ceil(wait * 1000)))

    def _here(self) -> tuple[float, float]:
        return self._vehicle.latitude, self._vehicle.longitude

    def _update(self) -> None:
        lat, lon = self._here()
        if not self._running or math.isnan(lat) or math.isnan(lon):
            return
        now = self._clock()
        self._last_update = now
        # The fix is placed at the time it was taken, not when this update got to it: read late by a busy head
        # unit, as if just taken, the next fix would lie further on than the car could have driven since.
        taken = now - self._vehicle.age("latitude")
        update = self._guidance.update(lat, lon, self._vehicle.speed, self._vehicle.heading, taken)
        self.update = update
        for prompt in update.prompts:
            self._say(prompt.text, self.route.language)
        # The street named once, as the app's card names it (the router may list a name and a road number).
        street = street_of(self.route.maneuvers[update.next_maneuver])
        self._navigation.set_progress(remaining_m=update.remaining_m, remaining_s=update.remaining_s,
                                      kind=update.kind, instruction=update.instruction, street=street,
                                      distance_m=update.distance_to_next_m)
        if update.arrived:
            self.changed.emit()
            self._arrive()
            return
        if update.off_route:
            self._off_route_at = now
            self._say(self._rerouting_text())
            self._reroute()
        elif (not update.on_route and self.reroute_error and not self.rerouting
              and now - self._last_attempt >= REROUTE_RETRY_S):
            self._reroute()
        elif update.on_route:
            # Back on the route: a failed reroute no longer applies, and the next wrong turn is noticed
            # the usual way (two fixes off the route), not retried at the first stray fix.
            self._off_route_at = math.nan
            self.reroute_error = ""
        self.changed.emit()

    def _arrive(self) -> None:
        self._running = False
        self._timer.stop()
        self.arrived.emit()

    def _say(self, text: str, language: str | None = None) -> None:
        """Speak `text` in `language`: the route's for its prompts (the driver may have switched languages
        since it was asked for), the driver's own (None) for the app's phrases."""
        self._audio.speak(text, language)
        self.spoke.emit(text)

    # Rerouting

    def _reroute(self) -> None:
        self.rerouting = True
        self._last_attempt = self._clock()
        heading = self._vehicle.heading
        self._reroute_request = self._jobs.route(self._here(), (self.destination.lat, self.destination.lon), 0,
                                                 None if math.isnan(heading) else heading)

    def _rerouted(self, request: int, routes: list, error: str) -> None:
        if request != self._reroute_request or not self._running:
            return
        self.rerouting = False
        routes = [r for r in routes if guidable(r)]
        self.reroute_error = error or ("" if routes else "no_route")
        if routes:
            self.route = routes[0]
            self._guidance = Guidance(self.route)
            if not math.isnan(self._off_route_at):
                self.last_reroute_s = self._clock() - self._off_route_at
            self._off_route_at = math.nan
            self._publish_route()
            self._update()
        self.changed.emit()

    def _publish_route(self) -> None:
        self._navigation.set_route(self.destination.name, (self.destination.lat, self.destination.lon),
                                   self.route.shape)
