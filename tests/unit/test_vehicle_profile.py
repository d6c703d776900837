"""The car's vehicle profile: kept across restarts in a private file, a damaged file moved aside, edits only
while parked, the VIN decoded on the car, picks from the reference list, and an odometer that counts the
distance driven."""

from __future__ import annotations

import json
import logging
import stat

import pytest

from headunit.fitment import SIMULATED_CAR, Profile
from headunit.vehicle.driving import DrivingState
from headunit.vehicle.profile import FILE_NAME, VehicleProfile, enrichment
from headunit.vehicle.state import VehicleState
from tests.unit.test_vehicle import FakeClock

HONDA_ACCORD = "1HGCM82633A004352"  # a North American VIN whose check digit (3) calculates: a 2003 Honda


class Car:
    """A vehicle state on a fake clock, parked or driving, and profiles on one file."""

    def __init__(self, folder, qapp):
        self.clock = FakeClock()
        self.vehicle = VehicleState(clock=self.clock)
        self.park()
        self.driving = DrivingState(self.vehicle)
        self.path = folder / "profiles" / "default" / FILE_NAME

    def park(self) -> None:
        self.vehicle.publish(speed=0.0, gear="P", parkingBrake=True)

    def drive(self, speed: float) -> None:
        self.vehicle.publish(speed=speed, gear="D", parkingBrake=False)

    def profile(self, **kw) -> VehicleProfile:
        return VehicleProfile(self.path, self.vehicle, self.driving, clock=self.clock, **kw)

    def saved(self) -> dict:
        return json.loads(self.path.read_text())


@pytest.fixture
def car(tmp_path, qapp) -> Car:
    return Car(tmp_path, qapp)


def test_a_profile_is_kept_in_a_private_file_and_read_back(car):
    profile = car.profile()
    assert profile.pick("Volkswagen", "Golf", "Mk8", "1.5 eTSI")
    assert profile.setBody("hatchback") and profile.setTyreSize("205/55r16") and profile.setYear(2021)
    assert profile.setOdometer(23_400)
    assert stat.S_IMODE(car.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(car.path.parent.stat().st_mode) == 0o700

    again = car.profile()
    assert again.snapshot() == profile.snapshot()
    assert (again.make, again.model, again.generation, again.engine, again.fuel, again.tankLitres) == \
        ("Volkswagen", "Golf", "Mk8", "1.5 eTSI", "petrol", 50.0)
    assert again.tyreSize == "205/55 R16" and again.summary == "2021 Volkswagen Golf 1.5 eTSI"


def test_data_is_the_fitment_profile_json(car):
    profile = car.profile(default=lambda: SIMULATED_CAR)
    assert Profile.from_json(profile.data()) == SIMULATED_CAR
    assert profile.summary == SIMULATED_CAR.summary and profile.configured


def test_the_default_car_only_when_nothing_is_saved(car):
    first = car.profile(default=lambda: SIMULATED_CAR)
    assert first.vin == "WVWZZZCDZMW072395" and not car.path.exists()  # nothing written at start-up
    first.close()  # saved when the shell stops: the next start reads the file and needs no reference list
    assert car.profile(default=lambda: pytest.fail("the default was asked for")).vin == "WVWZZZCDZMW072395"
    assert car.profile(default=lambda: SIMULATED_CAR).clear()
    forgotten = car.profile(default=lambda: SIMULATED_CAR)
    assert (forgotten.make, forgotten.vin, forgotten.configured, forgotten.summary) == ("", "", False, "")


def test_a_damaged_file_is_moved_aside_with_a_log_line_naming_it(car, caplog):
    car.path.parent.mkdir(parents=True)
    car.path.write_text('{"profile": {"make": "Volkswagen", "year": "twenty"}}')
    with caplog.at_level(logging.WARNING, logger="headunit.vehicle.profile"):
        profile = car.profile(default=lambda: SIMULATED_CAR)
    assert profile.make == "" and not profile.configured  # empty, not the emulator's car
    aside = car.path.with_name(FILE_NAME + ".bad")
    assert aside.exists() and not car.path.exists()
    assert str(car.path) in caplog.text and str(aside) in caplog.text and "profile.year" in caplog.text


def test_edits_are_refused_while_driving_with_the_reason(car, qtbot):
    profile = car.profile(default=lambda: SIMULATED_CAR)
    car.drive(50.0)
    assert not profile.editable and profile.editReason == "The vehicle can be changed when parked"
    with qtbot.waitSignal(profile.refused) as refused:
        assert not profile.setVin(HONDA_ACCORD)
    assert refused.args == ["The vehicle can be changed when parked"]
    assert not profile.pick("Toyota", "", "", "") and not profile.setOdometer(1) and not profile.clear()
    assert not profile.setTyreSize("225/45 R17") and not profile.setBody("estate") and not profile.setYear(2020)
    assert profile.data() == SIMULATED_CAR.to_json() and not car.path.exists()
    car.park()
    assert profile.editable and profile.editReason == "" and profile.setOdometer(1)


def test_a_vin_fills_make_and_model_year_and_the_report_says_why_one_is_refused(car):
    profile = car.profile(default=lambda: SIMULATED_CAR)
    assert not profile.setVin("1HGCM82633A004353")  # the check digit is mandatory in North America
    report = profile.vinReport
    assert not report["valid"] and [e["code"] for e in report["errors"]] == ["check_digit"]
    assert profile.vin == "WVWZZZCDZMW072395" and profile.make == "Volkswagen"  # nothing changed

    assert profile.setVin("1hgcm8263-3a004352")
    report = profile.vinReport
    assert report["valid"] and report["region"] == "North America" and report["modelYear"] == 2003
    assert (profile.vin, profile.make, profile.year) == (HONDA_ACCORD, "Honda", 2003)
    assert (profile.model, profile.engine, profile.tyreSize) == ("", "", "")  # the Golf's were another car's
    assert profile.lookupState == ""  # no backend link: decoded on the car only


def test_picking_narrows_and_clears_what_no_longer_matches(car):
    profile = car.profile(default=lambda: SIMULATED_CAR)
    assert profile.makes()[:3] == ["BYD", "Ford", "Honda"] and "Golf" in profile.models("Volkswagen")
    assert [g["name"] for g in profile.generations("Volkswagen", "Golf")] == ["Mk8", "Mk7"]
    assert profile.years("Volkswagen", "Golf", "Mk7")[-1] == 2012
    assert profile.pick("Volkswagen", "Golf", "Mk7", "")
    assert profile.year == 0 and profile.engine == "" and profile.fuel == ""  # no 2021 Mk7, no 1.5 eTSI in one
    assert profile.tyreSize == "205/55 R16" and profile.body == "hatchback"  # a Mk7 can have those
    assert profile.pick("Tesla", "", "", "")
    assert (profile.make, profile.vin, profile.engine, profile.body, profile.tyreSize) == ("Tesla", "", "", "", "")
    assert profile.pick("Tesla", "Model 3", "", "Long Range") and profile.generation == ""
    assert profile.body == "saloon" and profile.fuel == "electric" and profile.batteryKwh > 0
    assert profile.tankLitres == 0 and profile.data()["tank_litres"] is None


def test_bad_values_are_refused_and_named(car, caplog):
    profile = car.profile()
    with caplog.at_level(logging.WARNING, logger="headunit.vehicle.profile"):
        assert not profile.setTyreSize("wide ones") and not profile.setBody("limousine")
        assert not profile.setOdometer(-5) and not profile.setYear(1890)
    assert "'wide ones'" in caplog.text and "'limousine'" in caplog.text and "-5" in caplog.text


def test_the_odometer_counts_the_distance_driven(car, qtbot):
    profile = car.profile(default=lambda: SIMULATED_CAR)
    changes = []
    profile.changed.connect(lambda: changes.append(profile.odometerKm))
    car.drive(0.0)
    for _ in range(36):  # 36 s at 100 km/h: 1 km
        car.clock.advance(1.0)
        car.drive(100.0)
    assert profile.odometerKm == pytest.approx(23_400 + 71 / 72, abs=1e-6)  # the first second from 0 to 100 km/h: half of it
    assert 8 <= len(changes) <= 10  # a tenth of a kilometre at a time, not every reading
    assert car.saved()["odometer_exact_km"] == pytest.approx(23_400.5, abs=0.03)  # saved at half a kilometre

    car.clock.advance(30.0)  # the signal was lost: no distance is made up across the gap
    car.drive(100.0)
    assert profile.odometerKm == pytest.approx(23_400 + 71 / 72, abs=1e-6)

    profile.close()  # the shell stops: the last metres are saved
    assert car.saved()["odometer_exact_km"] == pytest.approx(23_400 + 71 / 72, abs=1e-3)
    assert car.profile().odometerKm == pytest.approx(23_400 + 71 / 72, abs=1e-3)
    assert car.saved()["profile"]["odometer_km"] == 23_400  # the Profile's whole kilometres


def test_the_backends_vpic_answer_in_the_profiles_words():
    answer = {"vin": "WVWZZZCDZMW072395", "source": "vpic", "enriched": {
        "make": "VOLKSWAGEN", "model": "Golf", "model_year": 2021, "body_class": "Hatchback/Liftback/Notchback",
        "fuel_type": "Gasoline", "electrification": None, "displacement_l": 1.498, "engine_cylinders": 4}}
    assert enrichment(answer) == {"make": "VOLKSWAGEN", "model": "Golf", "year": 2021, "engine": "1.5 L",
                                  "fuel": "petrol", "body": "hatchback"}
    plug_in = {"enriched": {"fuel_type": "Gasoline", "electrification": "PHEV (Plug-in Hybrid Electric Vehicle)",
                            "body_class": "Sport Utility Vehicle (SUV)/Multi-Purpose Vehicle (MPV)"}}
    assert enrichment(plug_in) == {"fuel": "plug-in hybrid", "body": "suv"}
    assert enrichment({"source": "offline", "enriched": None, "note": "vPIC could not be reached"}) == {}
