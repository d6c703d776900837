"""Fitment verdicts: every reason and condition code, record validation, the choice across records, speed."""

from __future__ import annotations

import dataclasses
import random
import time

import pytest

from headunit.fitment.rules import FitmentError, Profile, parse_records, verdict
from headunit.fitment.vehicles import SIMULATED_CAR, vehicle_list

GOLF = SIMULATED_CAR  # 2021 Volkswagen Golf 1.5 eTSI petrol hatchback, 205/55 R16


def judge(*records: dict, universal: bool = False, profile: Profile | None = GOLF):
    return verdict(parse_records(list(records)), universal, profile)


def test_a_record_for_the_car_fits_with_its_position_and_quantity():
    result = judge({"make": "Volkswagen", "model": "Golf", "years": [2020, None], "engines": ["1.5 eTSI"],
                    "fuels": ["petrol"], "bodies": ["hatchback"], "tyre_sizes": ["205/55 R16"], "position": "front",
                    "quantity": 2})
    assert (result.kind, result.reason, result.position, result.quantity) == ("fits", "matches", "front", 2)
    assert result.to_json() == {"kind": "fits", "reason": "matches", "params": {}, "conditions": [],
                                "position": "front", "quantity": 2}


def test_matching_ignores_case_and_tyre_size_spacing():
    record = {"make": "VOLKSWAGEN", "model": "golf", "engines": ["1.5 ETSI"], "tyre_sizes": ["205/55R16"]}
    assert judge(record).kind == "fits"


def test_universal_products_fit_any_car_and_no_car():
    assert judge(universal=True, profile=None).reason == "universal"
    assert verdict((), True, GOLF).kind == "fits"


def test_no_records_is_unknown_no_data():
    result = verdict((), False, GOLF)
    assert (result.kind, result.reason) == ("unknown", "no_data")


def test_a_profile_without_make_fuel_or_tyre_size_is_unknown_no_vehicle():
    for profile in (None, Profile(), Profile(year=2021, body="hatchback")):
        result = judge({"make": "Volkswagen"}, profile=profile)
        assert (result.kind, result.reason) == ("unknown", "no_vehicle")


@pytest.mark.parametrize(("record", "reason", "params"), [
    ({"make": "Toyota", "model": "Corolla"}, "other_make", {"make": "Toyota"}),
    ({"make": "Volkswagen", "model": "ID.3"}, "other_model", {"model": "ID.3"}),
    ({"make": "Volkswagen", "model": "Golf", "years": [2012, 2020]}, "other_years", {"from": 2012, "to": 2020}),
    ({"make": "Volkswagen", "engines": ["2.0 TDI", "1.6 TDI"]}, "other_engine", {"engines": ["2.0 TDI", "1.6 TDI"]}),
    ({"fuels": ["electric"]}, "other_fuel", {"fuels": ["electric"]}),
    ({"make": "Volkswagen", "bodies": ["estate"]}, "other_body", {"bodies": ["estate"]}),
    ({"tyre_sizes": ["225/45 R17"]}, "other_tyre_size", {"sizes": ["225/45 R17"]}),
])
def test_each_does_not_fit_reason_names_what_differs(record, reason, params):
    result = judge(record)
    assert (result.kind, result.reason, result.params) == ("does_not_fit", reason, params)


@pytest.mark.parametrize(("missing", "record", "code", "params"), [
    ("year", {"make": "Volkswagen", "years": [2020, None]}, "confirm_year", {"from": 2020, "to": None}),
    ("engine", {"make": "Volkswagen", "engines": ["1.5 eTSI"]}, "confirm_engine", {"engines": ["1.5 eTSI"]}),
    ("fuel", {"make": "Volkswagen", "fuels": ["petrol"]}, "confirm_fuel", {"fuels": ["petrol"]}),
    ("body", {"make": "Volkswagen", "bodies": ["hatchback"]}, "confirm_body", {"bodies": ["hatchback"]}),
    ("tyre_size", {"make": "Volkswagen", "tyre_sizes": ["205/55 R16"]}, "confirm_tyre_size", {"sizes": ["205/55 R16"]}),
])
def test_a_field_the_profile_lacks_becomes_a_condition_to_confirm(missing, record, code, params):
    result = judge(record, profile=dataclasses.replace(GOLF, **{missing: None}))
    assert (result.kind, result.reason) == ("fits_if", "matches")
    assert [(c.code, c.params) for c in result.conditions] == [(code, params)]


def test_a_record_condition_must_be_confirmed():
    result = judge({"make": "Volkswagen", "model": "Golf", "condition": "with halogen headlights"})
    assert result.kind == "fits_if"
    assert result.to_json()["conditions"] == [{"code": "confirm", "params": {"text": "with halogen headlights"}}]


def test_fits_beats_fits_if_which_beats_does_not_fit():
    fits = {"make": "Volkswagen", "model": "Golf", "position": "rear", "quantity": 1}
    fits_if = {"make": "Volkswagen", "model": "Golf", "condition": "with LED headlights"}
    other = {"make": "Toyota"}
    assert judge(other, fits_if, fits).kind == "fits"
    assert judge(fits, other).position == "rear"
    assert judge(other, fits_if).kind == "fits_if"


def test_the_fits_if_with_fewest_conditions_is_chosen():
    many = {"make": "Volkswagen", "condition": "a", "years": [2020, None]}
    few = {"make": "Volkswagen", "condition": "b"}
    result = judge(many, few, profile=dataclasses.replace(GOLF, year=None))
    assert [c.params for c in result.conditions] == [{"text": "b"}]


def test_the_does_not_fit_reason_comes_from_the_closest_record():
    other_make = {"make": "Toyota", "model": "Corolla"}
    other_years = {"make": "Volkswagen", "model": "Golf", "years": [2012, 2019]}
    other_model = {"make": "Volkswagen", "model": "Passat"}
    assert judge(other_make, other_years, other_model).reason == "other_years"
    assert judge(other_make, other_model).reason == "other_model"
    assert judge(other_make).reason == "other_make"


def test_a_car_of_unknown_make_cannot_be_judged_against_a_make_record():
    profile = Profile(fuel="petrol")
    assert judge({"make": "Volkswagen"}, profile=profile).reason == "no_vehicle"
    assert judge({"fuels": ["petrol"]}, profile=profile).kind == "fits"


@pytest.mark.parametrize(("records", "field"), [
    ("golf", "fitment"),
    ([["Volkswagen"]], "fitment[0]"),
    ([{"make": "Volkswagen"}, {"model": "Golf"}], "fitment[1].model"),
    ([{"make": "Volkswagen"}, {"make": "Volkswagen", "years": [2021, 2020]}], "fitment[1].years"),
    ([{"make": "Volkswagen", "years": [2020]}], "fitment[0].years"),
    ([{"make": "Volkswagen", "fuels": ["gas"]}], "fitment[0].fuels[0]"),
    ([{"make": "Volkswagen", "bodies": ["coupe"]}], "fitment[0].bodies[0]"),
    ([{"tyre_sizes": ["205-55-16"]}], "fitment[0].tyre_sizes[0]"),
    ([{"make": "Volkswagen", "quantity": 0}], "fitment[0].quantity"),
    ([{"make": "Volkswagen", "colour": "red"}], "fitment[0].colour"),
    ([{"make": ""}], "fitment[0].make"),
    ([{"years": [2020, None]}], "fitment[0]"),
    ([{"make": "Volkswagen", "engines": []}], "fitment[0].engines"),
])
def test_bad_records_are_refused_naming_the_field(records, field):
    with pytest.raises(FitmentError) as raised:
        parse_records(records)
    assert raised.value.field == field and str(raised.value).startswith(f"{field}: ")


def test_the_years_message_says_what_is_expected():
    with pytest.raises(FitmentError, match=r"fitment\[1\]\.years: expected \[from, to\] with from ≤ to"):
        parse_records([{"make": "Volkswagen"}, {"make": "Volkswagen", "years": [2021, 2020]}])


def test_records_round_trip_to_json():
    data = [{"make": "Volkswagen", "model": "Golf", "years": [2020, None], "engines": ["1.5 eTSI"], "fuels": ["petrol"],
             "bodies": ["hatchback"], "tyre_sizes": ["205/55 R16"], "position": "front", "quantity": 2,
             "condition": "with halogen headlights"}]
    assert [r.to_json() for r in parse_records(data)] == data
    assert parse_records(None) == ()


def test_profile_json_and_summary():
    assert GOLF.summary == "2021 Volkswagen Golf 1.5 eTSI"
    assert Profile.from_json(GOLF.to_json()) == GOLF
    assert Profile.from_json({"make": "Tesla", "year": 0, "engine": ""}) == Profile(make="Tesla")
    with pytest.raises(FitmentError, match="profile.fuel"):
        Profile.from_json({"fuel": "coal"})
    with pytest.raises(FitmentError, match="profile.colour"):
        Profile.from_json({"colour": "red"})


def catalog(products: int, seed: int = 1):
    rng = random.Random(seed)
    vehicles = vehicle_list()
    items = []
    for _ in range(products):
        records = []
        for _ in range(3):
            vehicle = rng.choice(vehicles)
            variant = rng.choice(vehicle.variants)
            record = {"make": vehicle.make, "model": vehicle.model, "years": list(vehicle.years),
                      "engines": [variant.engine], "tyre_sizes": [rng.choice(vehicle.tyre_sizes)]}
            if rng.random() < 0.2:
                record["condition"] = "with halogen headlights"
            records.append(record)
        items.append((parse_records(records), rng.random() < 0.1))
    return items


@pytest.mark.parametrize("catalog_kind", ["mixed", "all for the car's model"])
def test_verdicts_for_5000_products_take_well_under_50_ms(catalog_kind):
    products = catalog(5000)
    if catalog_kind != "mixed":  # the slow case: every record names the car's make and model, so each is judged in full
        products = [(tuple(dataclasses.replace(r, make=GOLF.make, make_key="volkswagen", model=GOLF.model,
                                               model_key="golf") for r in records), u) for records, u in products]
    best = min(_timed(products) for _ in range(5))
    assert best < 0.050, f"{best * 1000:.1f} ms"


def _timed(products) -> float:
    """CPU time, so other processes on a busy test machine do not count."""
    start = time.process_time()
    for records, universal in products:
        verdict(records, universal, GOLF)
    return time.process_time() - start
