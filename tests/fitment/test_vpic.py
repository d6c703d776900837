"""The vPIC adapter and `GET /v1/vehicles/vin/{vin}`, against a vPIC stand-in on loopback.

The vPIC answers below are built from vPIC's documented format (DecodeVinValuesExtended, format=json: Count,
Message, SearchCriteria and one flat Results object of strings), not recorded from the service.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests_cache

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient

from headunit_backend.app import create_app
from headunit_backend.vpic import VpicClient, VpicUnavailable, parse
from tests.backend.api import Api

HONDA = "1HGCM82633A004352"
GOLF = "WVWZZZCDZMW072395"


def vpic_answer(vin: str, error_code: str = "0", **values: str) -> dict:
    """A DecodeVinValuesExtended answer built from vPIC's documented format, not recorded from the service."""
    result = {
        "ABS": "", "AirBagLocFront": "1st Row (Driver and Passenger)", "BodyClass": "Coupe",
        "DisplacementCC": "2998.832712", "DisplacementCI": "183.0", "DisplacementL": "2.998832712", "Doors": "2",
        "DriveType": "", "ElectrificationLevel": "",
        "EngineConfiguration": "V-Shaped", "EngineCylinders": "6", "EngineHP": "240", "EngineModel": "J30A4",
        "ErrorCode": error_code,
        "ErrorText": "0 - VIN decoded clean. Check Digit (9th position) is correct" if error_code == "0" else
                     "1 - Check Digit (9th position) does not calculate properly",
        "FuelTypePrimary": "Gasoline", "FuelTypeSecondary": "", "Make": "HONDA", "MakeID": "474",
        "Manufacturer": "AMERICAN HONDA MOTOR CO., INC.", "ManufacturerId": "988", "Model": "Accord", "ModelID": "1861",
        "ModelYear": "2003", "PlantCity": "MARYSVILLE", "PlantCountry": "UNITED STATES (USA)", "PlantState": "OHIO",
        "Series": "", "SuggestedVIN": "", "Trim": "EX-V6", "TransmissionStyle": "Automatic", "VIN": vin,
        "VehicleType": "PASSENGER CAR",
    }
    result.update(values)
    return {"Count": 1, "Message": "Results returned successfully. NOTE: Any missing decoded values should be "
                                   "interpreted as NHTSA does not have data on the specific variable.",
            "SearchCriteria": f"VIN(s): {vin}", "Results": [result]}


class FakeVpic:
    """Answers DecodeVinValuesExtended requests as `mode` says: json, garbage, no_results, error, slow."""

    def __init__(self):
        self.mode, self.requests, self.answers = "json", [], {}
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                owner.requests.append(self.path)
                vin = self.path.split("?")[0].rsplit("/", 1)[-1]
                if owner.mode == "slow":
                    time.sleep(1.0)
                if owner.mode == "error":
                    return self._send(500, b"<html>Server Error</html>", "text/html")
                if owner.mode == "garbage":
                    return self._send(200, b"<html>maintenance</html>", "text/html")
                if owner.mode == "no_results":
                    return self._send(200, json.dumps({"Count": 0, "Message": "No data"}).encode(), "application/json")
                body = owner.answers.get(vin) or vpic_answer(vin)
                self._send(200, json.dumps(body).encode(), "application/json; charset=utf-8")

            def _send(self, status, body, kind):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (the timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def vpic() -> Iterator[FakeVpic]:
    server = FakeVpic()
    yield server
    server.close()


def memory_client(url: str, **kwargs) -> VpicClient:
    return VpicClient(url, session=requests_cache.CachedSession(backend="memory", expire_after=60), **kwargs)


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api"


# --- the adapter ----------------------------------------------------------------------------------------------

def test_a_clean_decode_maps_vpic_fields_and_types(vpic):
    decoded = memory_client(vpic.url).decode(HONDA)

    assert decoded.clean and not decoded.check_digit_error
    assert decoded.to_json() == {
        "make": "HONDA", "model": "Accord", "model_year": 2003, "body_class": "Coupe", "fuel_type": "Gasoline",
        "electrification": None, "displacement_l": 2.998832712, "engine_cylinders": 6, "engine_model": "J30A4",
        "trim": "EX-V6", "series": None, "plant_country": "UNITED STATES (USA)", "error_codes": ["0"],
        "clean": True, "check_digit_error": False,
        "messages": ["0 - VIN decoded clean. Check Digit (9th position) is correct"]}
    assert vpic.requests == [f"/api/vehicles/DecodeVinValuesExtended/{HONDA}?format=json"]


def test_vpic_warnings_are_reported_as_vpic_said_them():
    answer = vpic_answer("1HGCM82623A004352", error_code="1,8",
                         ErrorText="1 - Check Digit (9th position) does not calculate properly; "
                                   "8 - No detailed data available currently")
    decoded = parse(answer, "1HGCM82623A004352")
    assert decoded.error_codes == ("1", "8") and not decoded.clean and decoded.check_digit_error
    assert decoded.to_json()["messages"] == ["1 - Check Digit (9th position) does not calculate properly",
                                             "8 - No detailed data available currently"]


def test_a_vin_is_asked_once_then_answered_from_the_cache(vpic):
    client = memory_client(vpic.url)
    first, second = client.decode(HONDA), client.decode(HONDA)
    assert len(vpic.requests) == 1 and not first.from_cache and second.from_cache
    client.decode(GOLF)
    assert len(vpic.requests) == 2


@pytest.mark.parametrize(("mode", "message"), [("garbage", "could not be read"), ("no_results", "could not be read"),
                                               ("error", "HTTP 500")])
def test_unusable_answers_raise_and_are_not_cached(vpic, mode, message):
    client = memory_client(vpic.url)
    vpic.mode = mode
    with pytest.raises(VpicUnavailable, match=message):
        client.decode(HONDA)
    vpic.mode = "json"
    assert not client.decode(HONDA).from_cache and len(vpic.requests) == 2


def test_a_slow_vpic_times_out(vpic):
    vpic.mode = "slow"
    with pytest.raises(VpicUnavailable, match="did not answer in time"):
        memory_client(vpic.url, timeout=0.2).decode(HONDA)


def test_a_refused_connection_is_unavailable():
    with pytest.raises(VpicUnavailable, match="could not be reached"):
        memory_client(closed_port_url()).decode(HONDA)


# --- the route ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def shared_backend(tmp_path_factory) -> Iterator[tuple[TestClient, Api]]:
    """One app for the module's route tests (building one takes most of a second); each test gives it a
    fresh vPIC client."""
    url = f"sqlite:///{tmp_path_factory.mktemp('vpic') / 'backend.db'}"
    with TestClient(create_app(url, sweep_interval=0)) as http:
        yield http, Api.register(http)


@pytest.fixture
def backend(shared_backend, vpic: FakeVpic) -> tuple[TestClient, Api]:
    http, api = shared_backend
    http.app.state.vpic = memory_client(vpic.url, timeout=0.3)
    return http, api


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'backend.db'}"


def test_the_route_answers_the_offline_decode_enriched_by_vpic(backend, vpic):
    _, api = backend
    answer = api.get(f"/v1/vehicles/vin/{HONDA}")

    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["source"] == "vpic" and data["note"] is None
    assert (data["valid"], data["manufacturer"], data["region"], data["model_year"]) == (True, "Honda",
                                                                                          "North America", 2003)
    assert data["enriched"]["model"] == "Accord" and data["enriched"]["clean"] is True
    assert "max-age=86400" in answer.headers["Cache-Control"]


def test_a_wrong_check_digit_is_refused_offline_and_vpic_agrees(backend, vpic):
    _, api = backend
    vin = "1HGCM82623A004352"
    vpic.answers[vin] = vpic_answer(vin, error_code="1")
    data = api.get(f"/v1/vehicles/vin/{vin}").json()
    assert data["valid"] is False and data["errors"][0]["code"] == "check_digit"
    assert data["enriched"]["check_digit_error"] is True and data["enriched"]["error_codes"] == ["1"]


@pytest.mark.parametrize("mode", ["garbage", "no_results", "error", "slow"])
def test_vpic_failing_gives_the_offline_answer_with_a_note(backend, vpic, mode):
    _, api = backend
    vpic.mode = mode
    answer = api.get(f"/v1/vehicles/vin/{GOLF}")
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["source"] == "offline" and data["enriched"] is None
    assert data["note"].endswith("this is the offline decode") and data["make"] == "Volkswagen"
    assert answer.headers["Cache-Control"] == "no-cache"


def test_vpic_unreachable_gives_the_offline_answer_with_a_note(backend):
    http, api = backend
    http.app.state.vpic = memory_client(closed_port_url())
    data = api.get(f"/v1/vehicles/vin/{GOLF}").json()
    assert data["source"] == "offline" and "could not be reached" in data["note"]


def test_vpic_turned_off_says_so(sqlite_url):
    with TestClient(create_app(sqlite_url, vpic_url="none", sweep_interval=0)) as http:
        answer = Api.register(http).get(f"/v1/vehicles/vin/{GOLF}")
    data = answer.json()
    assert answer.status_code == 200 and data["source"] == "offline" and "turned off" in data["note"]
    assert data["model_year"] == 2021 and data["valid"] is True


@pytest.mark.parametrize(("vin", "detail"), [("WVWZZZ", "has 6"), ("1HGCM82O33A004352", "position 8"),
                                             ("1HGCM82633A00435%24", "position 17"), ("X" * 64, "has 64")])
def test_a_malformed_vin_is_a_422_in_the_error_shape(backend, vin, detail):
    _, api = backend
    answer = api.get(f"/v1/vehicles/vin/{vin}")
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["error"] == "invalid_vin" and detail in body["detail"]


def test_an_overlong_path_is_refused_without_asking_vpic(backend, vpic):
    _, api = backend
    answer = api.get(f"/v1/vehicles/vin/{'X' * 65}")
    assert answer.status_code == 422 and answer.json()["error"] == "invalid_request" and vpic.requests == []


def test_the_route_needs_a_device_token(backend):
    http, _ = backend
    answer = http.get(f"/v1/vehicles/vin/{GOLF}")
    assert answer.status_code == 401 and answer.json()["error"] == "unauthorized"
