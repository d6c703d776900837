"""Vehicles and what fits them: VIN decoding, the reference vehicle list, fitment verdicts and service plans.

Pure Python with no Qt and no backend imports, so the car, plugins and the backend share one set of rules.
Submodules load their data files on first use.
"""

from headunit.fitment.maintenance import ServiceItem, service_plan
from headunit.fitment.rules import Condition, FitmentError, Profile, Record, Verdict, parse_records, verdict
from headunit.fitment.vehicles import SIMULATED_CAR, Vehicle, Variant, vehicle_list
from headunit.fitment.vin import VinProblem, VinReport, decode

__all__ = ["SIMULATED_CAR", "Condition", "FitmentError", "Profile", "Record", "ServiceItem", "Variant", "Vehicle",
           "Verdict", "VinProblem", "VinReport", "decode", "parse_records", "service_plan", "vehicle_list",
           "verdict"]
