"""Fuel and parking (sandbox station and operator): a hold first, the final amount captured, the rest released."""

import datetime as dt

from headunit_backend.audit import audit
from headunit_backend.db import Database
from headunit_backend.parking import price_cents

STATION = {"id": "mc-port-hercule", "name": "Sandbox Fuel Port Hercule"}


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


def test_prices_are_sandbox_data_in_milli_cents_per_litre(api):
    prices = api.get("/v1/fuel/prices", params={"station": STATION["id"]}).json()

    assert prices == {"station": STATION["id"], "currency": "EUR", "sandbox": True,
                      "prices": {"petrol": 191_900, "diesel": 180_500}}
    assert api.get("/v1/fuel/prices", params={"station": "nowhere"}).status_code == 404


def test_fuelling_captures_litres_times_price_and_releases_the_rest(api, db_url):
    session = start_fuel(api, api.add_card())
    assert session.status_code == 201
    sid = session.json()["session_id"]
    assert (session.json()["status"], session.json()["payment"]["status"]) == ("authorized", "authorized")

    done = api.write("POST", f"/v1/sandbox/fuel/sessions/{sid}/dispense", {"litres_milli": 32_450})

    assert done.status_code == 200
    fuelled = done.json()
    expected = (32_450 * 180_500 + 500_000) // 1_000_000  # 58.57225 € → 5857 cents
    assert (fuelled["status"], fuelled["litres_milli"], fuelled["amount_cents"]) == ("completed", 32_450, expected)
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

    assert start_fuel(api, card, station={"id": "nowhere", "name": "x"}).json()["error"] == "unknown_station"
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
