"""Which vehicle readings a plugin may see: none without vehicle-data, no position without location."""

from __future__ import annotations

from collections.abc import Iterable

from headunit.host.context import LOCATION_READINGS
from headunit.vehicle.state import READINGS, VehicleState


def readings_for(vehicle: VehicleState, capabilities: Iterable[str],
                 names: Iterable[str] = READINGS) -> tuple[dict[str, object], dict[str, float]]:
    """The readings among `names` that `capabilities` allow, and their ages (only for those ever published)."""
    capabilities = set(capabilities)
    if "vehicle-data" not in capabilities:
        return {}, {}
    allowed = [n for n in names if n in READINGS and ("location" in capabilities or n not in LOCATION_READINGS)]
    readings = {n: vehicle.value(n) for n in allowed}
    ages = {n: vehicle.age(n) for n in allowed if vehicle.age(n) != float("inf")}
    # JSON has no NaN: a position never received is left out, and reads NaN on the plugin's side.
    readings = {n: v for n, v in readings.items() if not (isinstance(v, float) and v != v)}
    return readings, {n: a for n, a in ages.items() if n in readings}
