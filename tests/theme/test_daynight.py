"""Automatic day and night: which evidence wins, hysteresis and dwell so it never flickers, the hand
override, brightness per palette and the cross-fade. The car runs on a hand-turned clock."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QColor

from headunit.shell import daynight as dn
from headunit.shell.connectivity import Connectivity
from headunit.shell.daynight import DayNight
from headunit.shell.settings import Settings
from headunit.shell.theme import PALETTES, SWITCH_MS, Theme
from headunit.vehicle.simulator import Simulator
from headunit.vehicle.state import VehicleState
from tests.theme.wcag import luminance

MONACO = {"latitude": 43.7384, "longitude": 7.4246}
NOON = datetime(2024, 1, 15, 11, 0, tzinfo=UTC)  # Monaco is UTC+1 in January
MIDNIGHT = datetime(2024, 1, 15, 23, 0, tzinfo=UTC)


class Car:
    """A vehicle, settings, theme and DayNight sharing one clock that only moves when told."""

    def __init__(self, settings_path=None):
        self.t = 1000.0
        self.utc = NOON
        self.vehicle = VehicleState(clock=lambda: self.t)
        self.settings = Settings(settings_path)
        self.theme = Theme()
        self.switches: list[tuple[float, bool]] = []
        self.theme.nightChanged.connect(lambda: self.switches.append((self.t, self.theme.night)))
        self.daynight: DayNight | None = None

    def start(self, forced: bool | None = None, **readings) -> DayNight:
        if readings:
            self.vehicle.publish(**readings)
        self.daynight = DayNight(self.theme, self.settings, self.vehicle, forced=forced,
                                 clock=lambda: self.t, now=lambda: self.utc)
        return self.daynight

    def run(self, seconds: float, step: float = 0.5, readings=None) -> None:
        """Advance the clock (and the sun's time) by `seconds`; every `step` publish `readings` (a dict,
        or a function of the time elapsed giving one) and let DayNight look, as its timer would."""
        elapsed = 0.0
        while elapsed < seconds - 1e-9:
            self.t += step
            self.utc += timedelta(seconds=step)
            elapsed += step
            values = readings(elapsed) if callable(readings) else readings
            if values:
                self.vehicle.publish(**values)
            self.daynight.update()

    @property
    def night(self) -> bool:
        return self.theme.night


@pytest.fixture
def car(qapp):
    return Car()


# Which evidence wins

def test_a_fresh_ambient_reading_outranks_headlights_and_sun(car):
    car.utc = MIDNIGHT
    car.start(ambientLight=10_000.0, headlights=True, **MONACO)
    assert not car.night and car.daynight.reason == "ambient light"


def test_no_evidence_at_all_keeps_the_palette(car):
    car.start()
    assert not car.night and car.daynight.reason == ""
    car.run(60)
    assert car.switches == []


def test_the_sun_at_the_cars_position_local_midnight_is_night_and_noon_is_day(car, qapp):
    car.utc = MIDNIGHT
    car.start(**MONACO)
    assert car.night and car.daynight.reason == "sun"
    assert car.daynight.sunElevation < -60

    noon = Car()
    noon.utc = NOON
    noon.start(**MONACO)
    assert not noon.night and noon.daynight.reason == "sun"
    assert noon.daynight.sunElevation > 20


def test_at_dusk_the_switch_follows_the_sun_once(car):
    """An evening drive, the clock and the sun moving together: night once the sun has been below -4°
    for the dwell time, and never back."""
    car.utc = datetime(2024, 1, 15, 16, 0, tzinfo=UTC)  # sunset in Monaco that day is about 16:25 UTC
    car.start(**MONACO)
    assert not car.night
    car.run(90 * 60, step=5.0, readings=MONACO)
    assert [night for _, night in car.switches] == [True]
    switched_at = car.utc - timedelta(seconds=car.t - car.switches[0][0])
    from headunit.shell import sun
    assert -4.4 < sun.elevation(MONACO["latitude"], MONACO["longitude"], switched_at) < dn.SUN_NIGHT_BELOW


def test_headlights_switch_night_on(car):
    car.start(headlights=False, **MONACO)  # noon, no light sensor
    assert not car.night and car.daynight.reason == "sun"

    car.run(dn.DWELL_S - 1, readings={"headlights": True})
    assert not car.night  # not yet: the dwell time
    assert 0 < car.daynight.switchIn <= 2
    car.run(1.5, readings={"headlights": True})
    assert car.night and car.daynight.reason == "headlights"

    car.run(dn.DWELL_S + 1, readings={"headlights": False})
    assert not car.night and car.daynight.reason == "sun"  # lights off at noon: the sun says day
    assert [night for _, night in car.switches] == [True, False]


def test_a_flash_of_the_headlights_does_not_switch(car):
    car.start(headlights=False, **MONACO)
    car.run(2, readings={"headlights": True})
    car.run(60, readings={"headlights": False})
    assert car.switches == []


def test_headlights_off_says_nothing_against_the_sun(car):
    """At night with the lights off (parked, or not switched on yet) the sun still says night."""
    car.utc = MIDNIGHT
    car.start(headlights=False, **MONACO)
    assert car.night and car.daynight.reason == "sun"


def test_a_stale_ambient_reading_is_ignored(car):
    """The sensor's last word was "dark", then it fell silent: after 2 s it is no evidence, and the
    noon sun keeps the day palette."""
    car.start(ambientLight=10_000.0, headlights=False, **MONACO)
    car.vehicle.publish(ambientLight=5.0)
    car.run(120, readings={"headlights": False, **MONACO})
    assert car.vehicle.age("ambientLight") > dn.FRESH_S
    assert car.switches == [] and car.daynight.reason == "sun"


def test_a_sensor_that_never_reported_is_ignored(car):
    car.utc = MIDNIGHT
    car.start(headlights=False, **MONACO)
    assert car.vehicle.value("ambientLight") > 1000  # the initial value, never published
    assert car.night and car.daynight.reason == "sun"


# Hysteresis and dwell: never flickers

def test_dark_for_the_dwell_time_switches_exactly_once(car):
    car.start(ambientLight=10_000.0)
    car.run(dn.DWELL_S - 0.5, readings={"ambientLight": 20.0})
    assert not car.night
    car.run(1.0, readings={"ambientLight": 20.0})
    assert car.night and car.daynight.reason == "ambient light"
    car.run(300, readings={"ambientLight": 20.0})
    assert len(car.switches) == 1


def test_ambient_light_hovering_around_the_night_threshold_never_flickers(car):
    car.start(ambientLight=10_000.0)
    # Shadows and street lights: 40 and 60 lx taking turns every 2 s for five minutes.
    car.run(300, readings=lambda s: {"ambientLight": 40.0 if int(s / 2) % 2 else 60.0})
    # Sensor noise around the threshold itself, a new sample every 100 ms for ten minutes.
    rng = random.Random(3)
    car.run(600, step=0.1, readings=lambda s: {"ambientLight": rng.uniform(35.0, 65.0)})
    assert car.switches == []


def test_once_night_a_reading_inside_the_band_keeps_it_night(car):
    car.start(ambientLight=20.0)
    assert car.night
    car.switches.clear()
    # Anywhere between 50 and 200 lx is the band: no way back to day from there.
    car.run(600, readings=lambda s: {"ambientLight": 60.0 + 130.0 * ((s / 37) % 1)})
    # Above 200 lx in bursts shorter than the dwell time: lit petrol stations along a night road.
    car.run(300, readings=lambda s: {"ambientLight": 400.0 if s % 20 < 8 else 30.0})
    assert car.switches == []
    car.run(dn.DWELL_S + 1, readings={"ambientLight": 5_000.0})
    assert [night for _, night in car.switches] == [False]


def test_the_sun_hovering_in_its_band_keeps_the_palette(car):
    """Between -4° and +2° (twilight) the palette stays as it is, whichever it was."""
    from headunit.shell import sun
    lat, lon = MONACO["latitude"], MONACO["longitude"]
    twilight = datetime(2024, 1, 15, 16, 30, tzinfo=UTC)
    assert dn.SUN_NIGHT_BELOW < sun.elevation(lat, lon, twilight) < dn.SUN_DAY_ABOVE
    for was_night in (False, True):
        c = Car()
        c.utc = twilight
        c.theme.set_night(was_night)
        c.start(**MONACO)
        assert c.night == was_night and c.daynight.reason == "sun"


# By hand, and for the run

def test_the_hand_override_wins_over_every_sensor(car):
    car.start(ambientLight=10_000.0, **MONACO)
    car.settings.set("themeMode", "night")
    assert car.night and car.daynight.reason == "manual"
    car.run(60, readings={"ambientLight": 10_000.0})
    assert car.night

    car.settings.set("themeMode", "day")
    car.run(60, readings={"ambientLight": 1.0, "headlights": True})
    assert not car.night and car.daynight.reason == "manual"

    # Back to automatic: the evidence applies at once, no dwell for a choice made by hand.
    car.settings.set("themeMode", "auto")
    assert car.night and car.daynight.reason == "ambient light"


def test_forced_night_for_the_run_wins_and_leaves_the_setting_alone(car):
    car.settings.set("themeMode", "day")
    car.start(forced=True, ambientLight=10_000.0)
    assert car.night and car.daynight.reason == "forced"
    assert car.settings.get("themeMode") == "day"


def test_the_reason_is_notified(car, qtbot):
    car.start(ambientLight=10_000.0)
    with qtbot.waitSignal(car.daynight.changed, timeout=100):
        car.settings.set("themeMode", "night")
    assert car.daynight.property("reason") == "manual" and car.daynight.property("night") is True


# Brightness per palette

def test_brightness_is_remembered_per_palette(tmp_path, qapp, qtbot):
    path = tmp_path / "settings.json"
    car = Car(path)
    car.start(ambientLight=10_000.0)
    assert car.settings.brightness == 1.0
    with qtbot.waitSignal(car.settings.brightnessChanged, timeout=100):
        car.settings.set("themeMode", "night")
    assert car.settings.brightness == 0.6  # the night default

    car.settings.setProperty("brightness", 0.3)  # as the QML slider writes it
    assert (car.settings.get("nightBrightness"), car.settings.get("dayBrightness")) == (0.3, 1.0)
    car.settings.set("themeMode", "day")
    assert car.settings.brightness == 1.0
    car.settings.set("brightness", 0.8)
    car.settings.save()

    saved = json.loads(path.read_text())["shell"]
    assert (saved["dayBrightness"], saved["nightBrightness"]) == (0.8, 0.3)
    again = Car(path)
    again.settings.set("themeMode", "night")
    again.start()
    assert again.settings.brightness == 0.3


def test_a_single_brightness_from_an_older_file_becomes_the_day_value(tmp_path, qapp):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"shell": {"brightness": 0.7}}))
    settings = Settings(path)
    assert (settings.get("dayBrightness"), settings.get("nightBrightness")) == (0.7, 0.6)


# The cross-fade

def test_the_switch_cross_fades_every_colour_over_250_ms_easing_out(qapp, qtbot):
    from PySide6.QtCore import QElapsedTimer

    theme = Theme()
    elapsed, steps = QElapsedTimer(), []
    theme.paletteChanged.connect(lambda: steps.append((elapsed.elapsed(), luminance(theme.property("background")))))
    elapsed.start()
    theme.set_night(True, animate=True)
    assert theme.night  # the flag flips at once; the colours follow
    qtbot.waitUntil(lambda: theme.property("background") == QColor(PALETTES["night"]["background"]), timeout=1000)

    day, night = luminance(PALETTES["day"]["background"]), luminance(PALETTES["night"]["background"])
    lums = [lum for _, lum in steps]
    assert lums == sorted(lums, reverse=True)  # only ever darker
    assert len([lum for lum in lums if night < lum < day]) >= 5  # smooth: several frames in between
    assert SWITCH_MS - 20 <= steps[-1][0] <= SWITCH_MS + 150  # done in 250 ms (plus a timer tick)
    # Ease-out: most of the way is covered in the first half of the time.
    halfway = [lum for t, lum in steps if t <= SWITCH_MS / 2]
    assert halfway and (day - halfway[-1]) / (day - night) > 0.7


def test_an_unanimated_switch_is_immediate_and_a_reversal_mid_fade_starts_from_where_it_is(qapp, qtbot):
    theme = Theme()
    theme.set_night(True)
    assert theme.property("text") == QColor(PALETTES["night"]["text"])
    theme.set_night(False, animate=True)
    qtbot.wait(SWITCH_MS // 3)
    mid = luminance(theme.property("background"))
    theme.set_night(True, animate=True)
    qtbot.wait(20)
    assert luminance(theme.property("background")) <= mid + 1e-9  # no jump back to full day first
    qtbot.waitUntil(lambda: theme.property("background") == QColor(PALETTES["night"]["background"]), timeout=1000)


# The emulator's car

def test_the_simulator_can_shift_the_time_of_day_and_lose_its_light_sensor(qapp):
    t = [0.0]
    vehicle = VehicleState(clock=lambda: t[0])
    simulator = Simulator(vehicle, Connectivity(), clock=lambda: t[0])
    assert vehicle.age("ambientLight") == 0

    simulator.setAmbientSensor(False)
    t[0] += 3.0
    simulator.tick()
    assert vehicle.age("ambientLight") == pytest.approx(3.0) and vehicle.age("headlights") == 0

    simulator.setClockOffset(6)
    shift = simulator.utc_now() - datetime.now(UTC)
    assert abs(shift.total_seconds() - 6 * 3600) < 5
