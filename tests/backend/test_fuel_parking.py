"""Fuel and parking (sandbox fuel network and parking operator): a hold first, the final amount captured, the
rest released."""

import datetime as dt

import pytest

from headunit_backend.audit import audit
from headunit_backend.db import Database
from headunit_backend.fuel import sandbox_prices
from headunit_backend.parking import price_cents

#: A fuel station on the Monaco map (amenity=fuel), as the car names it.
STATION = {"id": "osm:node/1699777834", "name": "Agip"}


def ledger(api) -> list[tuple[str, int]]:
    return [(e["kind"], e["amount_cents"]) for e in api.get("/v1/ledger").json()["items"]]


def start_fuel(api, card: str, hold: int = 8000, **overrides):
    body = {"station": STATION, "pump": 4, "fuel": "diesel", "hold_cents": hold, "currency": "EUR",
            "payment_method_id": card, **overrides}
    return api.write("POST", "/v1/fuel/sessions", body)


def assert_audit_clean(db_url: str) -> None:
    db = Database(db_url)
    try:
        assert audit(db).clean
    finally:
        db.dispose()


def test_any_map_station_gets_deterministic_sandbox_prices_in_milli_cents_per_litre(api):
    prices = api.get("/v1/fuel/prices", params={"station": STATION["id"]}).json()

    petrol = prices["prices"]["petrol"]
    assert prices == {"station": STATION["id"], "currency": "EUR", "sandbox": True,
                      "prices": {"petrol": petrol, "diesel": petrol - 10_000}}
    assert 179_900 <= petrol <= 199_900 and petrol % 100 == 0  # €1.799–1.999, three decimals
    assert api.get("/v1/fuel/prices", params={"station": STATION["id"]}).json() == prices  # the same every time
    assert api.get("/v1/fuel/prices", params={"station": "osm:way/62661603"}).status_code == 200


def test_sandbox_prices_are_stable_and_spread_over_the_range():
    many = [sandbox_prices(f"osm:node/{n}")["petrol"] for n in range(1, 400)]

    assert sandbox_prices("osm:node/1699777834") == sandbox_prices("osm:node/1699777834")
    assert min(many) >= 179_900 and max(many) <= 199_900 and len(set(many)) > 100
    assert all(sandbox_prices(f"osm:node/{n}")["diesel"] == p - 10_000 for n, p in zip(range(1, 400), many))


@pytest.mark.parametrize("station", ["nowhere", "mc-fontvieille", "osm:node/", "osm:node/0", "osm:node/12a",
                                     "osm:tag/12", "OSM:node/12", "osm:node/" + "1" * 40, " osm:node/12"])
def test_malformed_station_ids_are_refused(api, station):
    prices = api.get("/v1/fuel/prices", params={"station": station})
    start = start_fuel(api, "pm_any", station={"id": station, "name": "x"})

    assert (prices.status_code, prices.json()["error"]) == (422, "invalid_request")
    assert (start.status_code, start.json()["error"]) == (422, "invalid_request")
    assert ledger(api) == []


def test_fuelling_captures_litres_times_price_and_releases_the_rest(api, db_url):
    session = start_fuel(api, api.add_card())
    assert session.status_code == 201
    sid = session.json()["session_id"]
    assert (session.json()["status"], session.json()["payment"]["status"]) == ("authorized", "authorized")

    done = api.write("POST", f"/v1/sandbox/fuel/sessions/{sid}/dispense", {"litres_milli": 32_450})

    assert done.status_code == 200
    fuelled = done.json()
    price = api.get("/v1/fuel/prices", params={"station": STATION["id"]}).json()["prices"]["diesel"]
    expected = (32_450 * price + 500_000) // 1_000_000  # litres × price, to the nearest cent
    assert fuelled["station"] == STATION and fuelled["sandbox"] is True
    assert (fuelled["status"], fuelled["litres_milli"], fuelled["amount_cents"], fuelled["price_milli_per_litre"]) \
        == ("completed", 32_450, expected, price)
    assert ledger(api) == [("authorize", 8000), ("capture", expected), ("void", 8000 - expected)]
    assert api.get(f"/v1/fuel/sessions/{sid}").json() == fuelled
    again = api.write("POST", f"/v1/sandbox/fuel/sessions/{sid}/dispense", {"litres_milli": 1000})
    assert (again.status_code, again.json()["error"]) == (422, "invalid_payment_state")
    assert_audit_clean(db_url)


def test_the_pump_stops_at_the_hold_and_a_canceled_session_releases_it(api, db_url):
    card = api.add_card()
    capped = start_fuel(api, card, hold=1000).json()["session_id"]
    canceled = start_fuel(api, card).json()["session_id"]

    full = api.write("POST", f"/v1/sandbox/fuel/sessions/{capped}/dispense", {"litres_milli": 100_000}).json()
    cancel = api.write("POST", f"/v1/fuel/sessions/{canceled}/cancel").json()

    assert full["amount_cents"] <= 1000 and full["litres_milli"] < 100_000
    assert (cancel["status"], cancel["payment"]["status"]) == ("canceled", "canceled")
    assert_audit_clean(db_url)


def test_bad_fuel_sessions_are_refused_before_any_money_moves(api):
    card = api.add_card()

    assert start_fuel(api, card, station={"id": "nowhere", "name": "x"}).json()["error"] == "invalid_request"
    assert start_fuel(api, card, station={"id": STATION["id"], "name": ""}).json()["error"] == "invalid_request"
    assert start_fuel(api, card, currency="USD").json()["error"] == "currency_mismatch"
    assert start_fuel(api, api.add_card("tok_declined")).status_code == 402
    assert start_fuel(api, card, fuel="hydrogen").json()["error"] == "invalid_request"
    assert ledger(api) == []


def test_parking_zones_near_monaco_are_sandbox_data(api):
    near = api.get("/v1/parking/zones", params={"lat": 43.7350, "lon": 7.4210}).json()["items"]
    far = api.get("/v1/parking/zones", params={"lat": 48.8566, "lon": 2.3522}).json()["items"]

    assert near[0]["zone_id"] == "mc-port" and all(z["sandbox"] for z in near)
    assert all(43.73 <= z["lat"] <= 43.75 and 7.41 <= z["lon"] <= 7.44 for z in near)
    assert far == []


def test_parking_holds_the_expected_time_and_bills_every_started_minute(api, db_url):
    expected_end = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)).isoformat()
    started = api.write("POST", "/v1/parking/sessions", {"zone_id": "mc-casino", "expected_end": expected_end,
                                                         "payment_method_id": api.add_card()})
    assert started.status_code == 201, started.text
    session = started.json()
    assert session["status"] == "active" and session["payment"]["amount_cents"] == 960  # 2 h at 4.80 €

    ended = api.write("POST", f"/v1/parking/sessions/{session['session_id']}/end").json()

    assert ended["status"] == "ended" and ended["amount_cents"] == 8  # one started minute: 4.80 € / 60, rounded up
    assert ledger(api) == [("authorize", 960), ("capture", 8), ("void", 952)]
    assert api.get("/v1/parking/sessions").json()["items"] == [ended]
    assert api.write("POST", f"/v1/parking/sessions/{session['session_id']}/end").json()["error"] == \
        "invalid_payment_state"
    assert_audit_clean(db_url)


def test_per_started_minute_pricing():
    start = dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC)
    assert price_cents(360, start, start) == 6  # at least one minute
    assert price_cents(360, start, start + dt.timedelta(minutes=10)) == 60
    assert price_cents(360, start, start + dt.timedelta(minutes=10, seconds=1)) == 66


def test_bad_parking_sessions_are_refused(api):
    card = api.add_card()
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat()
    too_long = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=3)).isoformat()

    assert api.write("POST", "/v1/parking/sessions", {"zone_id": "nowhere", "expected_end": too_long,
                                                      "payment_method_id": card}).json()["error"] == "unknown_zone"
    for end in (past, too_long):
        answer = api.write("POST", "/v1/parking/sessions", {"zone_id": "mc-casino", "expected_end": end,
                                                            "payment_method_id": card})
        assert answer.json()["error"] == "invalid_expected_end"
    assert api.write("POST", "/v1/parking/sessions/park_nope/end").status_code == 404


def test_answers_that_change_from_moment_to_moment_are_revalidated_each_time(api):
    card = api.add_card()
    fuel = start_fuel(api, card).json()["session_id"]
    end = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat()
    api.write("POST", "/v1/parking/sessions", {"zone_id": "mc-casino", "expected_end": end, "payment_method_id": card})
    payment = api.get("/v1/payments").json()["items"][0]["payment_id"]

    for path in ("/v1/wallet/cards", "/v1/payments", f"/v1/payments/{payment}", f"/v1/fuel/sessions/{fuel}",
                 "/v1/parking/sessions"):
        answer = api.get(path)
        assert (answer.status_code, answer.headers.get("cache-control")) == (200, "no-cache"), path
