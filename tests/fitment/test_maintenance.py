"""Service reminders from the odometer, the service history and the profile."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from headunit.fitment.maintenance import service_plan
from headunit.fitment.vehicles import SIMULATED_CAR

TODAY = datetime.date(2026, 12, 6)


def plan(odometer: int, history=None, profile=SIMULATED_CAR):
    return {item.key: item for item in service_plan(profile, odometer, history or {}, TODAY)}


def test_a_combustion_car_gets_every_item_with_its_categories():
    items = plan(23_400)
    assert set(items) == {"oil", "oil_filter", "air_filter", "cabin_filter", "wipers", "tyres"}
    assert items["oil"].categories == ("engine-oil",) and items["wipers"].categories == ("wiper-blades",)
    assert items["air_filter"].categories == ("filters",) and items["tyres"].categories == ("tyres",)


def test_an_electric_car_has_no_oil_or_air_filter():
    tesla = dataclasses.replace(SIMULATED_CAR, make="Tesla", model="Model 3", fuel="electric", engine="Long Range")
    assert set(plan(10_000, profile=tesla)) == {"cabin_filter", "wipers", "tyres"}


def test_without_history_the_km_schedule_is_taken_as_kept():
    items = plan(23_400)
    assert items["oil"].due_in_km == 6_600 and items["oil"].due_on is None and items["oil"].state == "ok"
    assert items["air_filter"].due_in_km == 6_600 and items["tyres"].due_in_km == 16_600
    assert not items["oil"].recorded


def test_wipers_with_no_record_are_of_unknown_age():
    assert plan(23_400)["wipers"].state == "unknown"  # nothing says how old the blades are


@pytest.mark.parametrize(("last_km", "state", "due_in"), [(10_000, "ok", 1_600), (8_500, "soon", 100),
                                                           (8_400, "due", 0), (5_000, "due", -3_400)])
def test_the_km_since_the_last_service_gives_the_state(last_km, state, due_in):
    item = plan(23_400, {"oil": {"km": last_km, "date": "2026-10-01"}})["oil"]
    assert (item.state, item.due_in_km, item.recorded) == (state, due_in, True)


def test_the_date_of_the_last_service_gives_the_state():
    assert plan(23_400, {"oil": {"km": 23_000, "date": "2025-12-01"}})["oil"].state == "due"
    soon = plan(23_400, {"oil": {"km": 23_000, "date": "2025-12-20"}})["oil"]
    assert soon.state == "soon" and soon.due_on == datetime.date(2026, 12, 20)
    assert plan(23_400, {"wipers": {"date": "2026-09-01"}})["wipers"].state == "ok"
    air_filter = plan(23_400, {"air_filter": {"km": 23_000, "date": "2024-12-31"}})["air_filter"]
    assert air_filter.due_on == datetime.date(2026, 12, 31)


def test_most_urgent_items_come_first_and_json_is_plain():
    items = service_plan(SIMULATED_CAR, 23_400, {"oil": {"km": 8_000}}, TODAY)
    assert [i.state for i in items] == sorted((i.state for i in items), key=["due", "soon", "unknown", "ok"].index)
    assert items[0].to_json()["state"] == "due"
    assert service_plan(SIMULATED_CAR, 23_400, {"oil": {"km": 8_000, "date": "2025-01-31"}}, TODAY)[0].to_json() == {
        "key": "oil", "due_in_km": -400, "due_on": "2026-01-31", "state": "due", "categories": ["engine-oil"],
        "recorded": True}


def test_a_bad_history_date_names_the_item():
    with pytest.raises(ValueError, match="history.oil.date"):
        service_plan(SIMULATED_CAR, 23_400, {"oil": {"date": "yesterday"}}, TODAY)
