"""The trip computer: distance, driving time and average speed, kept since reset across starts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from headunit.host import loader
from headunit.host.manifest import load_manifest
from headunit.vehicle.driving import DrivingState
from headunit.vehicle.state import VehicleState

ROOT = Path(__file__).resolve().parents[3]
TRIP_ID = "org.headunit.tripcomputer"
TRIP_FOLDER = ROOT / "headunit" / "plugins" / TRIP_ID


@pytest.fixture
def modules(qapp):
    """The plugin's modules, imported as the host imports them."""
    loader.load_entry_class(load_manifest(TRIP_FOLDER))
    package = f"{loader.namespace_for(TRIP_ID)}.tripcomputer"
    return sys.modules[f"{package}.trip"], sys.modules[f"{package}.store"]


class TestTrip:
    def test_distance_is_speed_times_time(self, modules):
        """10 s at 36 km/h is 100 m, averaging 36 km/h."""
        trip = modules[0].Trip()
        trip.add(10, 36, driving=True)
        assert (trip.distance_m, trip.driving_s, trip.average_kmh) == pytest.approx((100, 10, 36))

    def test_average_counts_time_stopped_at_a_light(self, modules):
        """Time standing still but not parked counts as driving time and lowers the average."""
        trip = modules[0].Trip()
        trip.add(10, 72, driving=True)
        trip.add(10, 0, driving=True)
        assert (trip.distance_m, trip.driving_s, trip.average_kmh) == pytest.approx((200, 20, 36))

    def test_parked_time_is_not_counted(self, modules):
        """Time parked adds neither distance nor driving time."""
        trip = modules[0].Trip(100.0, 10.0)
        trip.add(3600, 50, driving=False)
        assert (trip.distance_m, trip.driving_s) == (100.0, 10.0)

    def test_nothing_driven_averages_zero(self, modules):
        """No time driven gives an average of 0, not a division error; negative intervals are ignored."""
        trip = modules[0].Trip()
        trip.add(0, 50, driving=True)
        trip.add(-5, 50, driving=True)
        assert (trip.distance_m, trip.driving_s, trip.average_kmh) == (0, 0, 0)

    def test_reverse_adds_no_negative_distance(self, modules):
        """A negative speed never subtracts distance."""
        trip = modules[0].Trip()
        trip.add(10, -10, driving=True)
        assert (trip.distance_m, trip.driving_s) == (0, 10)


class FakeClock:
    def __init__(self):
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


class Car:
    """A car's bus repeating its state every second, and a TripStore sampling it on its 1 s timer."""

    def __init__(self, trip_module, store_module):
        self.clock = FakeClock()
        self.vehicle = VehicleState(clock=self.clock)
        self.driving = DrivingState(self.vehicle)
        self.state = {"speed": 0.0, "gear": "P", "parkingBrake": True}
        self.vehicle.publish(**self.state)
        self.saves: list[bool] = []
        self.store = store_module.TripStore(self.vehicle, self.driving, trip_module.Trip(),
                                            lambda trip, now, saves=self.saves: saves.append(now), clock=self.clock)

    def set(self, speed: float, gear: str, brake: bool) -> None:
        self.state.update(speed=speed, gear=gear, parkingBrake=brake)
        self.vehicle.publish(**self.state)

    def elapse(self, seconds: int) -> None:
        for _ in range(seconds):
            self.clock.now += 1
            self.vehicle.publish(**self.state)
            self.store.sample()


class TestTripStore:
    """The store fed by vehicle state and the driving state, with a clock the test moves."""

    @pytest.fixture
    def car(self, modules):
        car = Car(*modules)
        yield car
        car.store.stop()

    def test_driving_accumulates_since_start_and_since_reset(self, car):
        """Driving 10 s at 72 km/h shows 200 m, 10 s and 72 km/h on both trips."""
        car.set(72, "D", False)
        car.elapse(10)
        assert (car.store.startDistance, car.store.startDrivingTime, car.store.startAverageSpeed) == \
            pytest.approx((200, 10, 72))
        assert (car.store.resetDistance, car.store.resetDrivingTime) == pytest.approx((200, 10))

    def test_parked_time_is_not_counted(self, car):
        """Time parked adds neither distance nor driving time."""
        car.set(72, "D", False)
        car.elapse(10)
        car.set(0, "P", True)
        car.elapse(120)
        assert car.driving.state == "parked"
        assert (car.store.startDistance, car.store.startDrivingTime) == pytest.approx((200, 10))
        car.set(0, "D", False)
        car.elapse(10)
        assert (car.store.startDrivingTime, car.store.startAverageSpeed) == pytest.approx((20, 36))

    def test_changes_are_offered_for_saving_and_a_reset_is_saved_at_once(self, car, qtbot):
        """Driving offers the trip for a throttled save; a reset asks for an immediate one."""
        car.set(36, "D", False)
        car.elapse(3)
        assert car.saves and not any(car.saves)
        with qtbot.waitSignal(car.store.changed, timeout=100):
            car.store.reset()
        assert car.saves[-1] is True
        assert car.store.resetDistance == 0 and car.store.startDistance == pytest.approx(30)


@pytest.fixture
def drive(qtbot):
    """Open the trip computer in `runtime`, drive at 180 km/h until 30 m are on the clock, and return its store."""
    def drive(runtime):
        assert runtime.apps.openApp(TRIP_ID)
        store = runtime.host.record(TRIP_ID).context.exposed()["store"]
        runtime.simulator.applyDrive("moving")
        runtime.simulator.setSpeed(180)
        qtbot.waitUntil(lambda: store.resetDistance > 30, timeout=3000)
        return store
    return drive


def store_of(runtime):
    assert runtime.host.load(TRIP_ID)
    return runtime.host.record(TRIP_ID).context.exposed()["store"]


def test_since_reset_survives_a_restart_and_since_start_does_not(runtimes, drive, headunit_home):
    """After a restart the trip since reset is what it was at shutdown, and the trip since start begins at 0."""
    first = runtimes.start()
    store = drive(first)
    first.simulator.applyDrive("parked")  # nothing more accrues between reading and stopping
    saved = (store.resetDistance, store.resetDrivingTime)
    runtimes.stop(first)
    assert saved[0] > 30
    assert (headunit_home / "data" / "plugin-data" / TRIP_ID / "storage.db").is_file()

    store = store_of(runtimes.start())
    assert (store.resetDistance, store.resetDrivingTime) == pytest.approx(saved)
    assert (store.startDistance, store.startDrivingTime) == (0, 0)


def test_reset_trip_intent_zeroes_since_reset_for_good(runtimes, drive):
    """The reset-trip intent clears the trip since reset (not since start), and it stays cleared after a restart."""
    runtime = runtimes.start()
    store = drive(runtime)
    runtime.simulator.setSpeed(0)
    runtime.simulator.applyDrive("parked")
    assert runtime.host.route_intent("shell", "reset-trip", {}) is None
    assert store.resetDistance == 0 and store.resetDrivingTime == 0
    assert store.startDistance > 30
    runtimes.stop(runtime)

    assert store_of(runtimes.start()).resetDistance == 0


def test_reset_each_start_setting_begins_every_start_at_zero(runtimes, drive):
    """With reset_each_start on, a new start shows 0 since reset although the last drive was saved."""
    runtime = runtimes.start()
    assert runtime.host.plugin_setting(TRIP_ID, "reset_each_start") is False
    runtime.apps.setSetting(TRIP_ID, "reset_each_start", True)
    drive(runtime)
    runtimes.stop(runtime)

    again = runtimes.start()
    assert again.host.plugin_setting(TRIP_ID, "reset_each_start") is True
    assert store_of(again).resetDistance == 0


def _readout_text(panel, name: str) -> str:
    from tests.shell import descendants

    readout = next(i for i in descendants(panel) if i.objectName() == name)
    return " ".join(t for t in (readout.property("value"), readout.property("unit")) if t)


def test_the_page_shows_one_trips_figures_in_agreeing_words(make_shell, qtbot):
    """Moving for a few seconds: the distance in metres, the time under a minute and the average speed agree
    (never "0.2 km · 0:00 h · 50 km/h"), and they update while the car moves."""
    from tests.shell import find, settle

    runtime, window = make_shell(800, 480, drive="moving", language="de")
    assert runtime.apps.openApp(TRIP_ID)
    settle(qtbot)
    store = runtime.host.record(TRIP_ID).context.exposed()["store"]
    runtime.simulator.setSpeed(180)
    qtbot.waitUntil(lambda: store.resetDistance > 150, timeout=5000)
    settle(qtbot, 100)
    panel = find(window, "sinceReset")
    distance, time_, average = (_readout_text(panel, n) for n in ("distance", "drivingTime", "averageSpeed"))
    assert distance.endswith(" m") and "," not in distance, distance
    assert time_ == "< 1 Min.", time_
    assert average.endswith(" km/h") and average != "0 km/h", average
    qtbot.waitUntil(lambda: _readout_text(panel, "distance") != distance, timeout=3000)
