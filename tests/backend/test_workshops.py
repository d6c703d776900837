"""Partner workshops near a point, their opening hours and installation slots."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from headunit_backend import workshops
from headunit_backend.workshops import Slot, is_free, parse_opening, slots_of_day

MONACO = {"lat": 43.7384, "lon": 7.4246}  # Place du Casino
PORSCHE = "ws-porsche-fontvieille"  # Mo-Fr 08:00-18:00, 2 bays


def next_weekday(weekday: int, after: dt.date | None = None) -> dt.date:
    """The first date after `after` (today) that falls on `weekday` (Monday 0)."""
    day = (after or dt.date.today()) + dt.timedelta(days=1)
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    return day


def test_workshops_near_monaco_come_nearest_first_with_their_distance(api):
    answer = api.get("/v1/workshops", params=MONACO)

    assert answer.status_code == 200
    items = answer.json()["items"]
    distances = [w["distance_m"] for w in items]
    assert distances == sorted(distances) and all(d <= 25_000 for d in distances)
    names = [w["name"] for w in items]
    assert {"British Motors", "Audi", "Porsche", "Garage Canovas & Fils", "Citroën"} <= set(names)
    assert "Demo Partner Workshop Wolfsburg" not in names
    nearest = items[0]
    assert nearest["name"] == "British Motors" and nearest["osm"] == "osm:node/3087486043"
    assert nearest["distance_m"] == pytest.approx(193, abs=3)  # 144 m north, 129 m west
    assert set(nearest) >= {"id", "name", "lat", "lon", "address", "phone", "services", "rating", "bays", "opening",
                            "time_zone", "distance_m"}
    assert nearest["opening"].startswith("Mo-Fr") and nearest["time_zone"] == "Europe/Monaco"


def test_the_radius_limits_the_list_and_other_cities_have_their_own(api):
    close = api.get("/v1/workshops", params={**MONACO, "radius_km": 1}).json()["items"]
    wolfsburg = api.get("/v1/workshops", params={"lat": 52.42, "lon": 10.78}).json()["items"]

    assert [w["name"] for w in close] == ["British Motors"]
    assert [(w["name"], w["time_zone"], w["osm"]) for w in wolfsburg] == [
        ("Demo Partner Workshop Wolfsburg", "Europe/Berlin", None)]


@pytest.mark.parametrize("params", [{"lat": 91, "lon": 7.4}, {"lat": 43.7}, {"lat": "north", "lon": 7.4},
                                    {**MONACO, "radius_km": 0}, {**MONACO, "radius_km": "nan"}])
def test_a_malformed_point_is_422_naming_the_field(api, params):
    answer = api.get("/v1/workshops", params=params)

    assert answer.status_code == 422 and answer.json()["error"] == "invalid_request"


def test_a_workshop_and_its_slots_need_a_token_and_an_existing_id(api, client):
    assert client.get("/v1/workshops", params=MONACO).status_code == 401
    assert api.get(f"/v1/workshops/{PORSCHE}").json()["name"] == "Porsche"
    assert api.get("/v1/workshops/ws-nowhere").status_code == 404
    answer = api.get("/v1/workshops/ws-nowhere/slots", params={"date": "2030-01-07"})
    assert (answer.status_code, answer.json()["error"]) == (404, "not_found")


def test_a_days_slots_follow_the_opening_hours_in_the_workshops_time_zone(api):
    monday = next_weekday(0)

    answer = api.get(f"/v1/workshops/{PORSCHE}/slots", params={"date": monday.isoformat(), "minutes": 90})

    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-cache"
    items = answer.json()["items"]
    starts = [dt.datetime.fromisoformat(s["start"]) for s in items]
    offset = dt.datetime.combine(monday, dt.time(8), tzinfo=ZoneInfo("Europe/Monaco")).utcoffset()
    assert starts[0] == dt.datetime.combine(monday, dt.time(8), tzinfo=dt.timezone(offset))
    assert starts[0].utcoffset() == offset  # written with Monaco's offset, not in UTC
    assert [b - a for a, b in zip(starts, starts[1:])] == [dt.timedelta(minutes=30)] * (len(starts) - 1)
    assert dt.datetime.fromisoformat(items[-1]["end"]).time() == dt.time(18)  # the last one ends at closing
    assert len(items) == 18 and all(s["free"] for s in items)


def test_a_closed_day_has_no_slots_and_a_past_day_none_free(api):
    sunday = next_weekday(6)
    last_week = next_weekday(2, dt.date.today() - dt.timedelta(days=8))

    closed = api.get(f"/v1/workshops/{PORSCHE}/slots", params={"date": sunday.isoformat()}).json()
    past = api.get(f"/v1/workshops/{PORSCHE}/slots", params={"date": last_week.isoformat()}).json()

    assert closed["items"] == []
    assert past["items"] and not any(s["free"] for s in past["items"])


@pytest.mark.parametrize(("params", "code"), [({"date": "2026-13-01"}, "invalid_request"),
                                              ({"date": "tomorrow"}, "invalid_request"), ({}, "invalid_request"),
                                              ({"date": "9999-12-31"}, "invalid_date"),
                                              ({"date": "2030-01-07", "minutes": 0}, "invalid_request"),
                                              ({"date": "2030-01-07", "minutes": 10_000}, "invalid_request")])
def test_malformed_slot_queries_are_422(api, params, code):
    answer = api.get(f"/v1/workshops/{PORSCHE}/slots", params=params)

    assert (answer.status_code, answer.json()["error"]) == (422, code)


def test_opening_hours_with_breaks_day_lists_and_ranges():
    hours = parse_opening("Mo-We,Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; Su-Mo 20:00-21:00")

    assert hours[0] == ((dt.time(8), dt.time(12)), (dt.time(14), dt.time(18)), (dt.time(20), dt.time(21)))
    assert 3 not in hours and hours[5] == ((dt.time(9), dt.time(12)),)
    assert hours[6] == ((dt.time(20), dt.time(21)),)


@pytest.mark.parametrize(("text", "names"), [("Mo-Fr 8:00-18:00", "8:00-18:00"), ("Mx 08:00-18:00", "Mx"),
                                             ("Mo 18:00-08:00", "closes before it opens"),
                                             ("every day", "every day")])
def test_unreadable_opening_hours_say_what_is_wrong(text, names):
    with pytest.raises(ValueError, match=names):
        parse_opening(text)


def test_every_shipped_workshop_reads_and_the_monaco_ones_are_openstreetmap_places():
    shops = workshops.workshops()

    monaco = [s for s in shops.values() if 43.6 < s.lat < 43.8 and 7.3 < s.lon < 7.5]
    assert len(monaco) >= 5 and all(s.osm and s.osm.startswith("osm:") for s in monaco)
    assert all(s.hours and s.bays >= 1 and "fitting" in s.services for s in shops.values())


def test_a_slot_is_free_while_a_bay_is_free_throughout():
    shop = workshops.workshop(PORSCHE)  # 2 bays
    monday = next_weekday(0)
    now = dt.datetime.combine(monday, dt.time(6), tzinfo=shop.zone)
    at = lambda h, m=0: dt.datetime.combine(monday, dt.time(h, m), tzinfo=shop.zone)  # noqa: E731

    slot = Slot(at(10), at(11))
    assert is_free(shop, slot, [(at(9), at(10)), (at(11), at(12))], now)  # touching, not overlapping
    assert is_free(shop, slot, [(at(10), at(10, 30)), (at(10, 30), at(11))], now)  # one bay each half
    assert not is_free(shop, slot, [(at(9, 30), at(10, 30)), (at(10), at(11))], now)  # both bays at 10:00
    assert not is_free(shop, slot, [(at(10, 30), at(12)), (at(10, 30), at(11))], now)  # both at 10:30
    assert not is_free(shop, slot, [], at(10))  # begun
    assert [s.start.time() for s in slots_of_day(shop, monday, 600)] == [dt.time(8)]
