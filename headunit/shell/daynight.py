"""Chooses the day or night palette: by hand, or automatically from what the car knows about the light.

In "auto" mode the evidence is taken in order of trust:

1. the ambient light sensor (VehicleState.ambientLight, lux), while its reading is fresh;
2. the headlights: on means night (off says nothing: daytime running lights, or a driver who has not
   switched them on yet at dusk, so the sun decides then);
3. the sun's elevation at the car's last known position and the current time (headunit.shell.sun);
4. headlights off with no position: day. With no evidence at all the palette stays as it is.

Hysteresis keeps it from flickering: the sensor and the sun each have a band in which the palette stays
as it is (night below 50 lx, day again only above 200 lx; night below -4°, day again only above +2°), and
an automatic switch happens only once the evidence has pointed the other way for DWELL_S seconds without
a break (a bridge, a tree's shadow or a flash of the headlights does not switch). A choice by hand
(Settings.themeMode "day" or "night", or choosing "auto" again) applies at once. `forced` (the CLI's
--night) fixes the palette for the run without touching the setting.

QML reads `DayNight.night`, `DayNight.reason` (why: "ambient light", "headlights", "sun", "manual",
"forced" or "" when nothing is known), `DayNight.switchIn` (seconds until a pending switch, 0 if none) and
`DayNight.mode` (the choice in force: "auto", "day" or "night", a forced palette included); Settings › Display
chooses with `DayNight.choose(mode)`, which also ends a forced palette.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.shell import sun
from headunit.shell.qml_services import singleton_of
from headunit.shell.settings import Settings
from headunit.shell.theme import Theme
from headunit.vehicle.state import VehicleState

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

#: Ambient light, lux: night below the first, day again only above the second. Dusk under an open sky is
#: a few hundred lux down to ~10 lx at the end of civil twilight; a lit street at night is 10-50 lx.
LUX_NIGHT_BELOW, LUX_DAY_ABOVE = 50.0, 200.0
#: The sun's apparent elevation, degrees: night below the first (well into civil twilight, when street
#: lights and headlights are on), day again only above the second.
SUN_NIGHT_BELOW, SUN_DAY_ABOVE = -4.0, 2.0
#: How long the evidence must point the other way, without a break, before an automatic switch.
DWELL_S = 10.0
#: A sensor or headlight reading older than this is not evidence (stale after 2 s, as the driving state counts it).
FRESH_S = 2.0
#: How often the evidence is looked at again without a change signal (dwell, staleness, the sun moving).
CHECK_MS = 1000

REASONS = ("ambient light", "headlights", "sun", "manual", "forced", "")


def _utc_now() -> datetime:
    return datetime.now(UTC)


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the day/night switch")
class DayNight(QObject):
    create = singleton_of("daynight")

    changed = Signal()

    def __init__(self, theme: Theme, settings: Settings, vehicle: VehicleState, *, forced: bool | None = None,
                 clock: Callable[[], float] = time.monotonic, now: Callable[[], datetime] = _utc_now,
                 parent: QObject | None = None):
        """`forced` fixes night (True) or day (False) for this run without touching the user's setting.
        `clock` (seconds, monotonic) times the dwell; `now` (aware UTC datetime) places the sun."""
        super().__init__(parent)
        self._theme, self._settings, self._vehicle, self._forced = theme, settings, vehicle, forced
        self._clock, self._now = clock, now
        self._night = theme.night
        self._reason = ""
        self._mode: str | None = None  # the mode of the last update; a new mode applies at once
        self._decided = False  # whether the palette on screen came from evidence or a choice yet
        self._pending: tuple[bool, float] | None = None  # (night, since) while the evidence disagrees
        self._sun_elevation = math.nan
        self._updating = False
        settings.changed.connect(self.update)
        for signal in (vehicle.headlightsChanged, vehicle.ambientLightChanged, vehicle.latitudeChanged):
            signal.connect(self.update)
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.update)
        self._timer.start()
        self.update()

    # The decision

    def evidence(self) -> tuple[bool | None, str]:
        """(night, reason) from the car's readings (and the sun as of the last update), with the
        hysteresis bands around the palette on screen; (None, "") when nothing is known."""
        v, night = self._vehicle, self._night
        if v.age("ambientLight") <= FRESH_S:
            lux = float(v.value("ambientLight"))
            return (lux < LUX_DAY_ABOVE if night else lux < LUX_NIGHT_BELOW), "ambient light"
        headlights_known = v.age("headlights") <= FRESH_S
        if headlights_known and v.value("headlights"):
            return True, "headlights"
        if v.has_position:
            elevation = self._sun_elevation
            return (elevation < SUN_DAY_ABOVE if night else elevation < SUN_NIGHT_BELOW), "sun"
        if headlights_known:
            return False, "headlights"
        return None, ""

    def update(self) -> None:
        if self._updating:
            return  # a palette switch notifies settings and theme, which would ask again
        self._updating = True
        try:
            self._update()
        finally:
            self._updating = False

    def _update(self) -> None:
        before = self._shown()
        v = self._vehicle
        self._sun_elevation = (sun.elevation(float(v.value("latitude")), float(v.value("longitude")), self._now())
                               if v.has_position else math.nan)
        mode = "forced" if self._forced is not None else self._settings.get("themeMode")
        new_mode, self._mode = mode != self._mode, mode
        if mode == "forced":
            self._apply(bool(self._forced), "forced", animate=False)
        elif mode in ("day", "night"):
            self._apply(mode == "night", "manual", animate=self._decided)
        else:
            night, reason = self.evidence()
            if night is None:
                self._pending = None
                self._reason = ""
            elif new_mode or not self._decided:
                self._apply(night, reason, animate=self._decided)  # first evidence, or "auto" just chosen
            elif night == self._night:
                self._pending = None
                self._reason = reason
            else:
                now = self._clock()
                if self._pending is None or self._pending[0] != night:
                    self._pending = (night, now)
                if now - self._pending[1] >= DWELL_S:
                    self._apply(night, reason, animate=True)
        if self._shown() != before:
            self.changed.emit()

    def _shown(self) -> tuple:
        """What QML shows, to notify only when that changes."""
        sun_shown = None if math.isnan(self._sun_elevation) else round(self._sun_elevation, 1)
        return self._night, self._reason, self.switchIn, sun_shown, self.mode

    def _apply(self, night: bool, reason: str, *, animate: bool) -> None:
        self._night, self._reason, self._pending, self._decided = night, reason, None, True
        self._theme.set_night(night, animate=animate)
        self._settings.set_night(night)

    # For QML: Settings › Display and the emulator's panel

    @Property(bool, notify=changed, final=True)
    def night(self) -> bool:
        return self._night

    @Property(str, notify=changed, final=True)
    def reason(self) -> str:
        """Why the palette is what it is: one of REASONS."""
        return self._reason

    @Property(str, notify=changed, final=True)
    def mode(self) -> str:
        """The choice in force: "auto", "day" or "night". A palette forced for the run shows as what it is, not as
        the "auto" the settings may still hold."""
        if self._forced is not None:
            return "night" if self._forced else "day"
        return str(self._settings.get("themeMode"))

    @Slot(str)
    def choose(self, mode: str) -> None:
        """The driver's choice (Settings › Display): it applies at once and ends a palette forced for the run."""
        forced, self._forced = self._forced, None
        self._settings.set("themeMode", mode)
        if forced is not None:
            self.update()
            self.changed.emit()

    @Property(int, notify=changed, final=True)
    def switchIn(self) -> int:
        """Whole seconds until a pending automatic switch (rounded up), 0 when none is pending."""
        if self._pending is None:
            return 0
        return max(1, math.ceil(DWELL_S - (self._clock() - self._pending[1])))

    @Property(float, notify=changed, final=True)
    def sunElevation(self) -> float:
        """The sun's apparent elevation at the car's last known position, degrees (NaN without one)."""
        return self._sun_elevation
