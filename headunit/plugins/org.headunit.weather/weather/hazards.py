"""Driving hazards in one hourly entry of the backend's Forecast (pure Python, no Qt)."""

from __future__ import annotations

KINDS = ("ice", "snow", "storm", "fog", "heat")

#: The order hazards are told in when several come together: the most dangerous first.
SEVERITY = {kind: i for i, kind in enumerate(KINDS)}

ICE_MAX_C = 1.0
HEAT_MIN_C = 35.0
FOG_MAX_VISIBILITY_M = 1000.0


def hazards_of(hour: dict | None) -> list[str]:
    """Kinds for one hourly entry of the backend's Forecast, in KINDS order: ice (condition ice, or temperature
    ≤ 1 °C with precipitation > 0 or condition drizzle/rain), snow, storm, fog (condition fog or visibility
    < 1000 m), heat (temperature ≥ 35 °C). Missing values never make a hazard."""
    if not hour:
        return []
    condition = hour.get("condition")
    temperature = _number(hour.get("temperature_c"))
    precipitation = _number(hour.get("precipitation_mm"))
    visibility = _number(hour.get("visibility_m"))
    found = set()
    if condition == "ice" or (temperature is not None and temperature <= ICE_MAX_C
                              and ((precipitation or 0) > 0 or condition in ("drizzle", "rain"))):
        found.add("ice")
    if condition == "snow":
        found.add("snow")
    if condition == "storm":
        found.add("storm")
    if condition == "fog" or (visibility is not None and visibility < FOG_MAX_VISIBILITY_M):
        found.add("fog")
    if temperature is not None and temperature >= HEAT_MIN_C:
        found.add("heat")
    return [kind for kind in KINDS if kind in found]


def _number(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
