"""The vehicle reference list and the simulated car."""

from __future__ import annotations

from headunit.fitment.rules import BODIES, FUELS, Profile, parse_records, verdict
from headunit.fitment.vehicles import SIMULATED_CAR, find, makes, models, profile_for, vehicle_list
from headunit.fitment.vin import decode


def test_the_list_holds_the_reference_vehicles():
    labels = [v.label for v in vehicle_list()]
    assert "Volkswagen Golf Mk8 (2020–)" in labels and "Volkswagen Golf Mk7 (2012–2020)" in labels
    assert makes() == ["BYD", "Ford", "Honda", "Hyundai", "Renault", "Skoda", "Tesla", "Toyota", "Volkswagen"]
    assert models("Volkswagen") == ["Golf", "ID.3"] and models("Tesla") == ["Model 3", "Model Y"]
    assert len(vehicle_list()) == 13


def test_every_variant_uses_the_shared_words_and_has_its_tank_or_battery():
    for vehicle in vehicle_list():
        assert set(vehicle.bodies) <= set(BODIES), vehicle.label
        # the tyre sizes parse as fitment tyre sizes
        parse_records([{"tyre_sizes": list(vehicle.tyre_sizes)}])
        for variant in vehicle.variants:
            assert variant.fuel in FUELS
            if variant.fuel == "electric":
                assert variant.battery_kwh and variant.tank_litres is None, variant
            else:
                assert variant.tank_litres, variant
            if variant.fuel == "plug-in hybrid":
                assert variant.battery_kwh, variant


def test_a_year_picks_the_generation_built_that_year():
    assert [v.generation for v in find("Volkswagen", "Golf", 2016)] == ["Mk7"]
    assert [v.generation for v in find("Volkswagen", "Golf", 2021)] == ["Mk8"]
    assert find("Tesla", "Model Y", 2019) == []


def test_a_picked_variant_makes_a_profile_with_its_sizes():
    golf = find("Volkswagen", "Golf", 2021)[0]
    profile = profile_for(golf, golf.variant("1.4 eHybrid"), year=2021, body="estate", tyre_size="225/45 R17")
    assert profile.fuel == "plug-in hybrid" and profile.tank_litres == 40 and profile.battery_kwh == 13.0
    assert profile.summary == "2021 Volkswagen Golf 1.4 eHybrid"


def test_the_simulated_car_is_a_2021_golf_mk8_whose_vin_agrees():
    car = SIMULATED_CAR
    assert (car.make, car.model, car.year, car.engine, car.fuel, car.body, car.tank_litres, car.tyre_size,
            car.odometer_km) == ("Volkswagen", "Golf", 2021, "1.5 eTSI", "petrol", "hatchback", 50, "205/55 R16",
                                 23_400)
    report = decode(car.vin)
    assert report.valid and report.make == car.make and report.model_year == car.year
    golf = find("Volkswagen", "Golf", 2021)[0]
    variant = golf.variant(car.engine)
    assert variant.tank_litres == car.tank_litres and car.tyre_size in golf.tyre_sizes
    assert Profile.from_json(car.to_json()) == car


def test_the_simulated_car_fits_a_record_for_its_generation():
    record = parse_records([{"make": "Volkswagen", "model": "Golf", "years": [2020, None],
                             "tyre_sizes": ["205/55 R16"]}])
    assert verdict(record, False, SIMULATED_CAR).kind == "fits"


def test_the_package_exports_every_name_it_lists():
    import headunit.fitment

    for name in headunit.fitment.__all__:
        assert getattr(headunit.fitment, name) is not None, name


def test_decoding_a_vin_loads_neither_qt_nor_the_backend_nor_the_fitment_rules():
    import subprocess
    import sys

    code = ("import sys; from headunit.fitment.vin import decode; decode('WVWZZZCDZMW072395'); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'headunit_backend', "
            "'headunit.fitment.rules'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert loaded.stdout.strip() == "[]"
