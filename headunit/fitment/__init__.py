"""Vehicles and what fits them: VIN decoding, the reference vehicle list, fitment verdicts and service plans.

Pure Python with no Qt and no backend imports, so the car, plugins and the backend share one set of rules.
Names are imported on first use (decoding a VIN does not load the fitment rules), and the data files are read
on first use too. See docs/vehicles.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_EXPORTS = {
    "ServiceItem": "headunit.fitment.maintenance",
    "service_plan": "headunit.fitment.maintenance",
    "Condition": "headunit.fitment.rules",
    "FitmentError": "headunit.fitment.rules",
    "Profile": "headunit.fitment.rules",
    "Record": "headunit.fitment.rules",
    "Verdict": "headunit.fitment.rules",
    "parse_records": "headunit.fitment.rules",
    "verdict": "headunit.fitment.rules",
    "SIMULATED_CAR": "headunit.fitment.vehicles",
    "Variant": "headunit.fitment.vehicles",
    "Vehicle": "headunit.fitment.vehicles",
    "vehicle_list": "headunit.fitment.vehicles",
    "VinProblem": "headunit.fitment.vin",
    "VinReport": "headunit.fitment.vin",
    "decode": "headunit.fitment.vin",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from headunit.fitment.maintenance import ServiceItem, service_plan
    from headunit.fitment.rules import Condition, FitmentError, Profile, Record, Verdict, parse_records, verdict
    from headunit.fitment.vehicles import SIMULATED_CAR, Variant, Vehicle, vehicle_list
    from headunit.fitment.vin import VinProblem, VinReport, decode
