"""What the search list and the map show for a place found or a saved destination."""

from __future__ import annotations

import math

from .destinations import Destination
from .routes import distance_m, known
from .rows import Row
from .texts import Texts

CATEGORY_ICONS = {"fuel": "mdi6.gas-station", "charging": "mdi6.ev-station", "parking": "mdi6.parking",
                  "food": "mdi6.silverware-fork-knife", "shop": "mdi6.store", "car_service": "mdi6.car-wrench",
                  "address": "mdi6.map-marker", "street": "mdi6.road-variant"}
SAVED_ICONS = {"home": "mdi6.home", "favourite": "mdi6.star", "recent": "mdi6.history"}


def place_name(place, texts: Texts) -> str:
    """Its name; a nameless place by its address, or by what it is ("Fuel")."""
    return (place.name or " ".join(filter(None, (place.street, place.housenumber)))
            or texts.category(place.category))


def icon(item) -> str:
    if isinstance(item, Destination):
        return SAVED_ICONS[item.kind]
    return CATEGORY_ICONS.get(item.category, "mdi6.map-marker")


def row(item, here: tuple[float, float], texts: Texts, *, crow_flies: bool = False) -> Row:
    """A list row: name, what it is (and its street), distance. The distance is the search's (from the car
    when asked) unless `crow_flies`: along a route the search measures from the route's start."""
    metres = getattr(item, "distance_m", math.nan)
    if (math.isnan(metres) or crow_flies) and known(here):
        metres = distance_m(here, (item.lat, item.lon))
    trailing = "" if math.isnan(metres) else texts.distance(metres)
    if isinstance(item, Destination):
        return Row(item.name, texts.destination_kind(item.kind), icon(item), trailing)
    title, kind = place_name(item, texts), texts.category(item.category)
    street = " ".join(filter(None, (item.street, item.housenumber)))
    return Row(title, " · ".join(filter(None, (kind if kind != title else "", street))), icon(item), trailing)


def marker(item, texts: Texts) -> dict:
    """A map marker: {lat, lon, icon, label}."""
    label = item.name if isinstance(item, Destination) else place_name(item, texts)
    return {"lat": item.lat, "lon": item.lon, "label": label, "icon": icon(item)}
