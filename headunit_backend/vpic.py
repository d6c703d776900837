"""NHTSA's vPIC VIN decoder (`/vehicles/DecodeVinValuesExtended/{vin}?format=json`) behind a small client.

vPIC answers one flat object per VIN in `Results`, every value a string ("" where NHTSA has no data), plus
`ErrorCode` (comma-separated codes: "0" is a clean decode, anything else is a warning such as "1", the check
digit does not calculate) and `ErrorText` (one sentence per code, separated by "; "). Answers are cached
(requests-cache) so a VIN is asked once, and a short timeout keeps a slow vPIC from holding a request.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import requests

DEFAULT_URL = "https://vpic.nhtsa.dot.gov/api"
#: A VIN's decode changes only when NHTSA's data for that manufacturer does: a month is fresh enough.
CACHE_LIFETIME = datetime.timedelta(days=30)
TIMEOUT = (3.05, 5.0)  # connect, read (seconds)

#: The vPIC variables the car shows, and the names it gets them under.
FIELDS = {"Make": "make", "Model": "model", "ModelYear": "model_year", "BodyClass": "body_class",
          "FuelTypePrimary": "fuel_type", "ElectrificationLevel": "electrification",
          "DisplacementL": "displacement_l", "EngineCylinders": "engine_cylinders", "EngineModel": "engine_model",
          "Trim": "trim", "Series": "series", "PlantCountry": "plant_country"}
_NUMBERS = {"ModelYear": int, "EngineCylinders": int, "DisplacementL": float}


class VpicUnavailable(Exception):
    """vPIC could not be asked or gave no usable answer; the message says which, for the car's note."""


@dataclass(frozen=True)
class VpicDecode:
    """What vPIC said about one VIN: the variables in FIELDS (None where it has no data) and its verdict."""

    values: dict[str, Any]
    error_codes: tuple[str, ...]
    error_text: str
    from_cache: bool

    @property
    def clean(self) -> bool:
        """ErrorCode "0": decoded clean, check digit correct."""
        return self.error_codes == ("0",)

    @property
    def check_digit_error(self) -> bool:
        return "1" in self.error_codes

    def to_json(self) -> dict:
        return {**self.values, "error_codes": list(self.error_codes), "clean": self.clean,
                "check_digit_error": self.check_digit_error,
                "messages": [part.strip() for part in self.error_text.split(";") if part.strip()]}


def default_session() -> requests.Session:
    """A session caching vPIC's successful answers in the user's cache folder (shared by a server's
    workers, kept across restarts); an expired answer still serves while vPIC is down."""
    from requests_cache import CachedSession

    session = CachedSession("headunit-backend-vpic", backend="sqlite", use_cache_dir=True,
                            expire_after=CACHE_LIFETIME, allowable_codes=(200,), allowable_methods=("GET",),
                            stale_if_error=True)
    session.cache.delete(expired=True)
    return session


class VpicClient:
    def __init__(self, base_url: str = DEFAULT_URL, *, session: requests.Session | None = None,
                 timeout: float | tuple[float, float] = TIMEOUT):
        self.base_url = base_url.rstrip("/")
        self._session = session
        self.timeout = timeout

    @property
    def session(self) -> requests.Session:
        if self._session is None:
            self._session = default_session()
        return self._session

    def decode(self, vin: str) -> VpicDecode:
        """vPIC's decode of a VIN (17 letters and digits); raises VpicUnavailable."""
        url = f"{self.base_url}/vehicles/DecodeVinValuesExtended/{vin}"
        try:
            response = self.session.get(url, params={"format": "json"}, timeout=self.timeout)
        except requests.Timeout:
            raise VpicUnavailable("vPIC did not answer in time") from None
        except requests.RequestException as error:
            raise VpicUnavailable(f"vPIC could not be reached ({type(error).__name__})") from None
        if response.status_code != 200:
            raise VpicUnavailable(f"vPIC answered HTTP {response.status_code}")
        try:
            result = parse(response.json(), vin)
        except (ValueError, KeyError, TypeError, IndexError) as error:
            self._forget(response)
            raise VpicUnavailable(f"vPIC's answer could not be read: {error}") from None
        return VpicDecode(result.values, result.error_codes, result.error_text,
                          from_cache=bool(getattr(response, "from_cache", False)))

    def _forget(self, response: requests.Response) -> None:
        """Keep an unreadable answer out of the cache, so the next request asks again."""
        cache = getattr(self.session, "cache", None)
        if cache is not None:
            cache.delete(requests=[response.request])


def parse(data: Any, vin: str) -> VpicDecode:
    """The VpicDecode in a DecodeVinValuesExtended JSON answer; raises ValueError for anything else."""
    if not isinstance(data, dict) or not isinstance(data.get("Results"), list) or not data["Results"]:
        raise ValueError("no Results")
    result = data["Results"][0]
    if not isinstance(result, dict) or "ErrorCode" not in result:
        raise ValueError("Results[0] has no ErrorCode")
    values = {name: _value(key, result.get(key)) for key, name in FIELDS.items()}
    codes = tuple(code.strip() for code in str(result["ErrorCode"]).split(",") if code.strip())
    return VpicDecode(values, codes, str(result.get("ErrorText") or ""), from_cache=False)


def _value(key: str, raw: Any) -> Any:
    if raw is None or (isinstance(raw, str) and not raw.strip()) or raw == "Not Applicable":
        return None
    if key in _NUMBERS:
        try:
            return _NUMBERS[key](float(raw)) if _NUMBERS[key] is int else float(raw)
        except (TypeError, ValueError):
            return None
    return str(raw).strip()
