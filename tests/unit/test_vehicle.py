"""Vehicle state, the driving state derived from it (failing closed), the simulator and GPX tracks."""

from __future__ import annotations

import math
import re
import time
from pathlib import Path

import pytest
from PySide6.QtQml import QJSEngine

from headunit.shell.connectivity import Connectivity
from headunit.vehicle.driving import STALE_AFTER, DrivingState, classify
from headunit.vehicle.simulator import Simulator
from headunit.vehicle.state import VehicleState
from headunit.vehicle.track import Track, TrackError, bearing_deg, distance_m, offset

ROOT = Path(__file__).resolve().parents[2]
DEMO_TRACK = ROOT / "headunit" / "assets" / "tracks" / "monaco-avenue-princesse-grace.gpx"


class FakeClock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def vehicle(clock, qapp) -> VehicleState:
    return VehicleState(clock=clock)


@pytest.fixture
def driving(vehicle) -> DrivingState:
    return DrivingState(vehicle)


def publish(vehicle: VehicleState, speed: float, gear: str, brake: bool) -> None:
    vehicle.publish(speed=speed, gear=gear, parkingBrake=brake)


class TestVehicleState:
    def test_readings_start_at_their_initial_values_and_never_received(self, vehicle):
        """Before any source publishes, readings hold their initial values and are infinitely old."""
        assert (vehicle.speed, vehicle.gear, vehicle.parkingBrake) == (0.0, "P", True)
        assert math.isnan(vehicle.latitude) and not vehicle.has_position
        assert vehicle.age("speed") == math.inf

    def test_publish_sets_values_and_ages_them_with_the_clock(self, vehicle, clock):
        """Published readings are converted to their type and age with the injected clock, each on its own."""
        vehicle.publish(speed=42, latitude=43.74, longitude=7.43)
        assert vehicle.speed == 42.0 and isinstance(vehicle.speed, float)
        assert vehicle.has_position
        clock.advance(1.5)
        vehicle.publish(gear="D")
        assert vehicle.age("speed") == pytest.approx(1.5)
        assert vehicle.age("gear") == 0
        assert vehicle.age("heading") == math.inf

    def test_repeating_an_unchanged_value_refreshes_its_age_without_a_change_signal(self, vehicle, clock, qtbot):
        """Republishing a value resets its age and reports an update but no change."""
        vehicle.publish(speed=30)
        clock.advance(1.9)
        changes = []
        vehicle.speedChanged.connect(lambda: changes.append(vehicle.speed))
        with qtbot.waitSignal(vehicle.updated) as updated:
            vehicle.publish(speed=30)
        assert updated.args == [["speed"]]
        assert vehicle.age("speed") == 0
        assert changes == []
        vehicle.publish(speed=31)
        assert changes == [31.0]

    def test_unknown_gear_is_refused(self, vehicle):
        """A gear other than P, R, N, D is refused and the gear kept."""
        with pytest.raises(ValueError, match="gear: expected one of P, R, N, D, got 'X'"):
            vehicle.publish(gear="X")
        assert vehicle.gear == "P"


@pytest.mark.parametrize(("speed", "gear", "brake", "state"), [
    (0, "P", True, "parked"),
    (0, "P", False, "parked"),
    (3, "P", False, "parked"),
    (0, "D", True, "parked"),
    (0, "N", True, "parked"),
    (0, "D", False, "idling"),
    (0, "N", False, "idling"),
    (0, "R", False, "idling"),
    (5, "D", True, "moving"),
    (50, "D", False, "moving"),
    (8, "R", False, "moving"),
    (0.5, "N", False, "moving"),
])
def test_driving_state_table(vehicle, driving, speed, gear, brake, state):
    """Parked by gear P or by the brake at speed 0; idling at 0; otherwise moving."""
    publish(vehicle, speed, gear, brake)
    assert (driving.state, driving.stale, driving.parked) == (state, False, state == "parked")
    assert classify(speed, gear, brake, stale=False) == state


def test_a_stale_signal_classifies_as_moving_whatever_it_said():
    """Stale readings classify as moving even in P with the brake on."""
    assert classify(0, "P", True, stale=True) == "moving"


class TestFailClosed:
    def test_no_signal_yet_means_moving(self, driving):
        """Before any reading arrives the car counts as moving."""
        assert (driving.state, driving.stale) == ("moving", True)

    def test_one_missing_reading_means_moving(self, vehicle, driving):
        """Without a parking-brake reading the car counts as moving even in P."""
        vehicle.publish(speed=0, gear="P")
        assert (driving.state, driving.stale) == ("moving", True)

    def test_readings_just_under_the_limit_still_count(self, vehicle, driving, clock):
        """Readings 1.9 s old still give the real state."""
        publish(vehicle, 0, "P", True)
        clock.advance(STALE_AFTER - 0.1)
        vehicle.publish(headlights=True)
        assert (driving.state, driving.stale) == ("parked", False)

    def test_readings_older_than_two_seconds_mean_moving(self, vehicle, driving, clock, qtbot):
        """The check runs on a timer, so a silent bus is noticed without any new message."""
        publish(vehicle, 0, "P", True)
        assert driving.state == "parked"
        clock.advance(STALE_AFTER + 0.1)
        with qtbot.waitSignal(driving.stateChanged, timeout=1000):
            pass
        assert (driving.state, driving.stale, driving.parked) == ("moving", True, False)

    def test_one_stale_reading_among_fresh_ones_means_moving(self, vehicle, driving, clock):
        """One reading older than 2 s is enough to count as moving."""
        publish(vehicle, 0, "P", True)
        clock.advance(STALE_AFTER + 0.1)
        vehicle.publish(speed=0, gear="P")
        assert (driving.state, driving.stale) == ("moving", True)

    def test_fresh_readings_recover_the_state(self, vehicle, driving, clock):
        """When the signal returns, the real state comes back."""
        publish(vehicle, 0, "P", True)
        clock.advance(10)
        vehicle.publish(headlights=False)
        assert driving.state == "moving"
        publish(vehicle, 0, "P", True)
        assert (driving.state, driving.stale) == ("parked", False)


class TestSimulator:
    def test_presets_drive_the_driving_state(self, qapp):
        """The simulator's parked, idling and moving presets give those driving states."""
        vehicle = VehicleState()
        sim = Simulator(vehicle, Connectivity())
        driving = DrivingState(vehicle)
        for preset in ("idling", "moving", "parked"):
            sim.applyDrive(preset)
            assert driving.state == preset

    def test_lost_signal_turns_parked_into_moving_within_two_and_a_half_seconds(self, qtbot):
        """Real time: the simulator stops publishing and the shell fails closed by itself."""
        vehicle = VehicleState()
        sim = Simulator(vehicle, Connectivity())
        driving = DrivingState(vehicle)
        sim.applyDrive("parked")
        assert (driving.state, driving.stale) == ("parked", False)
        qtbot.wait(300)
        assert driving.state == "parked"
        started = time.monotonic()
        sim.setSignalLost(True)
        qtbot.waitUntil(lambda: driving.state == "moving", timeout=2500)
        assert driving.stale
        assert time.monotonic() - started >= STALE_AFTER - 0.2
        sim.setSignalLost(False)
        qtbot.waitUntil(lambda: driving.state == "parked", timeout=500)

    def test_driving_moves_the_car_along_its_heading(self, qapp):
        """10 s at 36 km/h heading east moves the simulated car 100 m east."""
        vehicle, clock = VehicleState(), FakeClock()
        sim = Simulator(vehicle, Connectivity(), clock=clock)
        sim.setHeading(90)
        sim.applyDrive("moving")
        lat, lon = vehicle.latitude, vehicle.longitude
        sim.setSpeed(36)
        clock.advance(10)
        sim.tick()
        assert vehicle.latitude == pytest.approx(lat, abs=1e-7)
        moved = (vehicle.longitude - lon) * 111_320 * math.cos(math.radians(lat))
        assert moved == pytest.approx(100, rel=0.01)

    def test_parked_car_does_not_move(self, qapp):
        """A parked simulated car stays where it is."""
        vehicle, clock = VehicleState(), FakeClock()
        sim = Simulator(vehicle, Connectivity(), clock=clock)
        sim.applyDrive("parked")
        before = (vehicle.latitude, vehicle.longitude)
        clock.advance(60)
        sim.tick()
        assert (vehicle.latitude, vehicle.longitude) == before

    def test_controls_refuse_impossible_values(self, qapp):
        """The control panel refuses an unknown gear and an impossible position, and caps speed at 250 km/h."""
        sim = Simulator(VehicleState(), Connectivity())
        with pytest.raises(ValueError, match="gear"):
            sim.setGear("Z")
        with pytest.raises(ValueError, match="position"):
            sim.setPosition(91, 0)
        sim.setSpeed(400)
        assert sim.value("speed") == 250.0

    def test_playing_the_demo_track_follows_it(self, qapp):
        """Playing the demo track starts at its first point and follows it at the set speed."""
        vehicle, clock = VehicleState(), FakeClock()
        sim = Simulator(vehicle, Connectivity(), clock=clock)
        sim.playTrack("")
        track = Track.from_gpx(DEMO_TRACK)
        assert sim.trackName == track.name
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx(track.points[0])
        sim.applyDrive("moving")
        sim.setSpeed(36)
        clock.advance(20)
        sim.tick()
        lat, lon, _ = track.at(200)
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx((lat, lon), abs=1e-6)

    def test_driving_a_route_follows_it_once_and_stops_at_its_end(self, qapp):
        """A parked car told to drive a route sets off at 50 km/h in D, follows it, and stops at its end."""
        vehicle, clock = VehicleState(), FakeClock()
        sim = Simulator(vehicle, Connectivity(), clock=clock)
        sim.applyDrive("parked")
        points = l_shaped_route()
        sim.driveRoute([list(p) for p in points])
        assert sim.routeDriving and sim.trackName == ""
        assert (vehicle.speed, vehicle.gear, vehicle.parkingBrake) == (50.0, "D", False)
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx(points[0])
        assert vehicle.heading == pytest.approx(90, abs=0.5)
        clock.advance(9)  # 125 m: round the corner
        sim.tick()
        lat, lon, heading = Track("route", points).at(125)
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx((lat, lon), abs=1e-6)
        assert vehicle.heading == pytest.approx(heading)
        assert heading == pytest.approx(0, abs=0.5)
        clock.advance(60)
        sim.tick()
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx(points[-1], abs=1e-7)
        assert (vehicle.speed, vehicle.gear) == (0.0, "D")
        assert not sim.routeDriving
        clock.advance(10)
        sim.tick()
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx(points[-1], abs=1e-7)

    def test_a_change_counts_from_the_moment_it_was_made(self, qapp):
        """Time since the last tick (a busy head unit ticks late) is driven as the car was: a new speed does not
        apply to it backwards, and a route starts at its first point."""
        vehicle, clock = VehicleState(), FakeClock()
        sim = Simulator(vehicle, Connectivity(), clock=clock)
        sim.setHeading(90)
        sim.applyDrive("moving")
        sim.setSpeed(36)
        lat, lon = vehicle.latitude, vehicle.longitude
        clock.advance(10)
        sim.setSpeed(72)
        moved = (vehicle.longitude - lon) * 111_320 * math.cos(math.radians(lat))
        assert moved == pytest.approx(100, rel=0.01)  # 10 s at 36 km/h, not at 72
        sim.applyDrive("parked")
        clock.advance(3)
        sim.driveRoute(l_shaped_route())
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx(l_shaped_route()[0], abs=1e-7)

    def test_driving_a_route_keeps_the_speed_already_set(self, qapp):
        vehicle, clock = VehicleState(), FakeClock()
        sim = Simulator(vehicle, Connectivity(), clock=clock)
        sim.applyDrive("moving")
        sim.setSpeed(36)
        sim.driveRoute(l_shaped_route())
        clock.advance(5)
        sim.tick()
        assert vehicle.speed == 36
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx(Track("r", l_shaped_route()).at(50)[:2], abs=1e-6)

    def test_leaving_the_route_turns_right_and_drives_on_straight(self, qapp):
        """The car leaves the route 90° to the right of its heading and keeps its speed, off the route."""
        vehicle, clock = VehicleState(), FakeClock()
        sim = Simulator(vehicle, Connectivity(), clock=clock)
        sim.driveRoute(l_shaped_route())
        sim.setSpeed(36)
        clock.advance(5)
        sim.tick()
        left_at = (vehicle.latitude, vehicle.longitude)
        sim.leaveRoute()
        assert not sim.routeDriving
        assert vehicle.heading == pytest.approx(180, abs=0.5)  # was heading east
        clock.advance(10)
        sim.tick()
        assert distance_m(left_at, (vehicle.latitude, vehicle.longitude)) == pytest.approx(100, rel=0.01)
        assert bearing_deg(left_at, (vehicle.latitude, vehicle.longitude)) == pytest.approx(180, abs=0.5)
        assert vehicle.speed == 36

    def test_qml_can_hand_a_route_over_as_a_javascript_array(self, qapp):
        """Navigation.routeShape reaches driveRoute from QML as an array of [lat, lon] arrays."""
        vehicle, clock = VehicleState(), FakeClock()
        sim = Simulator(vehicle, Connectivity(), clock=clock)
        engine = QJSEngine()
        engine.globalObject().setProperty("Simulator", engine.newQObject(sim))
        points = l_shaped_route()
        result = engine.evaluate(f"Simulator.driveRoute({[list(p) for p in points]})")
        assert not result.isError(), result.toString()
        assert sim.routeDriving
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx(points[0])

    @pytest.mark.parametrize("points, message", [
        ([], "at least 2 distinct points, got 0"),
        ([[43.7, 7.4]], "at least 2 distinct points, got 1"),
        ([[43.7, 7.4], [43.7, 7.4]], "at least 2 distinct points, got 2"),
        ([[43.7, 7.4], [95, 7.4]], "latitude in"),
        ([[43.7, 7.4], "north"], "as \\[latitude, longitude\\]"),
    ])
    def test_a_route_that_cannot_be_driven_is_refused(self, qapp, points, message):
        sim = Simulator(VehicleState(), Connectivity())
        with pytest.raises(ValueError, match=f"^route: .*{message}"):
            sim.driveRoute(points)
        assert not sim.routeDriving

    def test_playing_a_track_after_a_route_loops_again(self, qapp):
        vehicle, clock = VehicleState(), FakeClock()
        sim = Simulator(vehicle, Connectivity(), clock=clock)
        sim.driveRoute(l_shaped_route())
        sim.playTrack("")
        track = Track.from_gpx(DEMO_TRACK)
        assert not sim.routeDriving and sim.trackName == track.name
        sim.setSpeed(36)
        clock.advance(track.length_m / 10 + 20)
        sim.tick()
        assert (vehicle.latitude, vehicle.longitude) == pytest.approx(track.at(200)[:2], abs=1e-6)


def l_shaped_route() -> list[tuple[float, float]]:
    """100 m east of Place du Casino, then 100 m north."""
    start = (43.73942, 7.42772)
    corner = offset(start, 90, 100)
    return [start, corner, offset(corner, 0, 100)]


class TestTrack:
    def test_demo_track_is_about_a_kilometre(self):
        """The bundled Monaco track reads as a named track of about 1 km."""
        track = Track.from_gpx(DEMO_TRACK)
        assert track.name == "Avenue Princesse Grace, Monaco"
        assert len(track.points) >= 10
        assert track.length_m == pytest.approx(1000, rel=0.1)

    def test_position_along_the_track_loops_at_the_end(self):
        """Past its end a track starts again from the beginning."""
        track = Track.from_gpx(DEMO_TRACK)
        assert track.at(0)[:2] == pytest.approx(track.points[0])
        assert track.at(track.length_m + 10) == pytest.approx(track.at(10))
        assert 0 <= track.at(10)[2] < 360

    def test_non_gpx_file_names_the_file(self, tmp_path):
        """A file that is not XML raises TrackError naming the file."""
        path = tmp_path / "route.gpx"
        path.write_text("this is not XML")
        with pytest.raises(TrackError, match=f"^{re.escape(str(path))}: not a readable GPX file"):
            Track.from_gpx(path)

    def test_missing_file_names_the_file(self, tmp_path):
        """A missing file raises TrackError naming the file."""
        with pytest.raises(TrackError, match=re.escape(str(tmp_path / "gone.gpx"))):
            Track.from_gpx(tmp_path / "gone.gpx")

    def test_gpx_with_too_few_points(self, tmp_path):
        """A GPX with one point raises TrackError saying how many it needs."""
        path = tmp_path / "one.gpx"
        path.write_text('<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
                        '<trkpt lat="43.7" lon="7.4"/></trkseg></trk></gpx>')
        with pytest.raises(TrackError, match=f"^{re.escape(str(path))}: expected a track of at least 2 points, found 1"):
            Track.from_gpx(path)

    def test_a_route_track_stays_at_its_end(self):
        """A track that does not loop ends on its last point, heading along its last stretch."""
        points = l_shaped_route()
        track = Track("route", points, loop=False)
        assert track.at(track.length_m + 50) == pytest.approx((*points[-1], track.at(track.length_m - 1)[2]))
        assert track.at(-10)[:2] == pytest.approx(points[0])
