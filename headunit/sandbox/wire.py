"""The API's data as it crosses the channel: JSON out of the shell, the same public types back in the plugin.

JSON has no NaN (the channel refuses it): an unknown number travels as null and is NaN again on arrival.
Both sides use these functions, so a field added to a type travels without another change here.
"""

from __future__ import annotations

import math
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from headunit.maps.results import Place, Route


def no_nan(value: Any) -> Any:
    """`value` with every NaN (in lists and dicts too) as None."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: no_nan(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [no_nan(v) for v in value]
    return value


def nan_if_none(value: Any) -> float:
    return math.nan if value is None else float(value)


def place_json(place: "Place") -> dict[str, Any]:
    return no_nan(asdict(place))


def place_from(data: dict[str, Any]) -> "Place":
    from headunit.maps.results import Place

    values = {f.name: data.get(f.name) for f in fields(Place) if f.name in data}
    for name in ("distance_m", "off_route_m"):
        values[name] = nan_if_none(values.get(name))
    return Place(**values)


def route_json(route: "Route") -> dict[str, Any]:
    return no_nan(asdict(route))


def route_from(data: dict[str, Any]) -> "Route":
    from headunit.maps.results import Maneuver, Route

    maneuvers = [Maneuver(**{f.name: m[f.name] for f in fields(Maneuver) if f.name in m}) for m in data["maneuvers"]]
    return Route(distance_m=float(data["distance_m"]), duration_s=float(data["duration_s"]),
                 shape=[(float(lat), float(lon)) for lat, lon in data["shape"]], maneuvers=maneuvers,
                 language=data["language"], warnings=list(data.get("warnings", [])), units=data.get("units", "km"),
                 speed_limits=[list(limit) for limit in data.get("speed_limits", [])])


def track_json(track: Any) -> dict[str, Any] | None:
    return None if track is None else asdict(track)


def track_from(data: dict[str, Any] | None) -> Any:
    if data is None:
        return None
    from headunit.media.library import Track

    return Track(**{f.name: data[f.name] for f in fields(Track)})
