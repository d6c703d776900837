"""Property-based tests of the API against its own OpenAPI document (schemathesis, in-process)."""

import uuid

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_headers_conformance,
                                               response_schema_conformance, status_code_conformance)

from headunit_backend.app import create_app
from tests.backend.api import Api

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]


# An in-memory database: schemathesis needs the app when this module is collected, before any fixture runs.
app = create_app("sqlite://", slow_charge_delay=0)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module")
def backend():
    with TestClient(app) as client:
        device = Api.register(client)
        device.add_card()
        yield app, device.headers


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_answer_matches_the_openapi_document_and_none_is_a_5xx(case, backend):
    headers = dict(backend[1])
    if case.method in {"POST", "PUT", "DELETE"} and case.path != "/v1/devices":
        headers["Idempotency-Key"] = str(uuid.uuid4())
    case.call_and_validate(headers=headers, checks=CHECKS)


# The same app with tiny rate limits: registration, reviews and expire soon answer 429, which must be in the
# document wherever it happens (only the checks that matter for it, and fewer examples: it is a second pass).
limited_app = create_app("sqlite://", slow_charge_delay=0, sweep_interval=0, register_limit=3, join_limit=1,
                         review_limit=1, review_address_limit=2, expire_limit=2, expire_address_limit=3)
limited_schema = schemathesis.openapi.from_asgi("/openapi.json", limited_app)


@pytest.fixture(scope="module")
def limited_backend():
    with TestClient(limited_app) as client:
        yield Api.register(client).headers


@limited_schema.include(method=["POST", "PUT", "DELETE"]).parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_rate_limited_answers_are_documented_and_none_is_a_5xx(case, limited_backend):
    headers = dict(limited_backend)
    if case.path != "/v1/devices":
        headers["Idempotency-Key"] = str(uuid.uuid4())
    case.call_and_validate(headers=headers, checks=[not_a_server_error, status_code_conformance])


def test_the_openapi_document_describes_errors_and_auth(backend):
    app, _ = backend
    document = app.openapi()
    orders = document["paths"]["/v1/orders"]["post"]

    assert {"201", "400", "401", "402", "409", "422"} <= set(orders["responses"])
    assert orders["responses"]["402"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert any(p["name"] == "Idempotency-Key" for p in orders["parameters"])
    assert "HTTPBearer" in document["components"]["securitySchemes"]
    assert "security" not in document["paths"]["/v1/health"]["get"]
