"""`GET /v1/vehicles/vin/{vin}`: the car's own offline decode of a VIN, enriched by NHTSA's vPIC when it answers.

The offline part is `headunit.fitment.vin`, the same code the car runs, so both always agree on validity;
vPIC adds what only a registry knows (model, body, engine). When vPIC is off, down or answers something
unreadable, the answer is the offline decode with a `note` saying why: never a 5xx.
"""

from __future__ import annotations

import threading
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, Field

from headunit.fitment.vin import decode
from headunit_backend.auth import CurrentDevice
from headunit_backend.caching import NO_CACHE, cache_control, cached_json
from headunit_backend.errors import ApiError, documented
from headunit_backend.services import Services, get_services
from headunit_backend.vpic import VpicClient, VpicUnavailable

#: A decode that vPIC answered changes only with NHTSA's data; an offline one should be asked again soon.
ENRICHED_MAX_AGE = 86400

router = APIRouter(tags=["vehicles"])
_client_lock = threading.Lock()


class VinProblem(BaseModel):
    code: Literal["length", "character", "check_digit", "model_year_code"]
    message: str
    position: int | None


class VpicEnrichment(BaseModel):
    """vPIC's variables (null where NHTSA has no data) and its verdict on the VIN."""

    make: str | None
    model: str | None
    model_year: int | None
    body_class: str | None
    fuel_type: str | None
    electrification: str | None
    displacement_l: float | None
    engine_cylinders: int | None
    engine_model: str | None
    trim: str | None
    series: str | None
    plant_country: str | None
    error_codes: list[str] = Field(description='vPIC\'s ErrorCode split at commas: "0" is a clean decode; any '
                                               'other code is a warning, e.g. "1" (check digit wrong)')
    clean: bool = Field(description='ErrorCode is "0"')
    check_digit_error: bool = Field(description='ErrorCode includes "1": position 9 does not calculate')
    messages: list[str] = Field(description="vPIC's ErrorText, one sentence per code")


class VinAnswer(BaseModel):
    vin: str
    valid: bool
    errors: list[VinProblem]
    warnings: list[VinProblem]
    wmi: str
    manufacturer: str | None
    make: str | None
    region: str
    country: str | None
    model_year: int | None
    check_digit_required: bool
    check_digit_ok: bool | None
    source: Literal["vpic", "offline"]
    enriched: VpicEnrichment | None
    note: str | None = Field(description="Why the answer is the offline decode only (vPIC off, down or "
                                         "unreadable)")


def vpic_client(request: Request, services: Annotated[Services, Depends(get_services)]) -> VpicClient | None:
    """The process's vPIC client (one cache and connection pool), or None when `--vpic-url none`."""
    url = services.settings.vpic_url
    if not url or url.lower() == "none":
        return None
    with _client_lock:
        client = getattr(request.app.state, "vpic", None)
        if client is None:
            client = request.app.state.vpic = VpicClient(url)
    return client


@router.get("/vehicles/vin/{vin}", response_model=VinAnswer, responses=documented(401, 403, 422))
def decode_vin(request: Request, device: CurrentDevice,
               client: Annotated[VpicClient | None, Depends(vpic_client)],
               vin: Annotated[str, Path(description="The VIN: 17 letters and digits (spaces and dashes ignored)",
                                        max_length=64)]):
    """The offline decode (what the car itself knows) and vPIC's richer answer when it is reachable."""
    report = decode(vin)
    malformed = [problem for problem in report.errors if problem.code in ("length", "character")]
    if malformed:
        raise ApiError(422, "invalid_vin", "; ".join(problem.message for problem in malformed))
    enriched, note = None, None
    if client is None:
        note = "vPIC lookups are turned off on this server; this is the offline decode"
    else:
        try:
            enriched = client.decode(report.vin).to_json()
        except VpicUnavailable as error:
            note = f"{error}; this is the offline decode"
    answer = VinAnswer(**report.to_json(), source="vpic" if enriched else "offline", enriched=enriched, note=note)
    return cached_json(request, answer, cache_control=cache_control(ENRICHED_MAX_AGE) if enriched else NO_CACHE)
