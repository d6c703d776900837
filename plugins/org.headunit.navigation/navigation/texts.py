"""Distances, durations and names as a driver reads them: in the driver's units, number format and language.

The phrases are looked up when they are shown (`ctx.tr`), so a language switch reaches them at the next refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

METRES_PER_MILE = 1609.344
FEET_PER_METRE = 3.28084


def rounded_distance(metres: float, miles: bool) -> tuple[float, int, str]:
    """(value, decimals, unit) the way a driver reads a distance: 10 m steps close by, 50 m steps up to a
    kilometre, then kilometres with one decimal below 10; feet below a tenth of a mile, then miles alike."""
    metres = max(0.0, metres)
    if miles:
        mi = metres / METRES_PER_MILE
        if mi < 0.1:
            return round(metres * FEET_PER_METRE / 50) * 50, 0, "ft"
        return mi, 1 if mi < 9.95 else 0, "mi"
    step = 10 if metres < 300 else 50
    if round(metres / step) * step < 1000:
        return round(metres / step) * step, 0, "m"
    km = metres / 1000
    return km, 1 if km < 9.95 else 0, "km"


class Texts:
    """The plugin's phrases with numbers or names in them."""

    def __init__(self, ctx) -> None:
        self._ctx = ctx
        self.miles = False

    def number(self, value: float, decimals: int) -> str:
        return QLocale().toString(float(value), "f", decimals)

    def distance_parts(self, metres: float) -> tuple[str, str]:
        """The number and the unit apart, for a figure in large type with its unit beside it."""
        value, decimals, unit = rounded_distance(metres, self.miles)
        return self.number(value, decimals), self.unit(unit)

    def unit(self, unit: str) -> str:
        match unit:
            case "m": return self._ctx.tr("m")
            case "km": return self._ctx.tr("km")
            case "ft": return self._ctx.tr("ft")
        return self._ctx.tr("mi")

    def distance(self, metres: float) -> str:
        value, decimals, unit = rounded_distance(metres, self.miles)
        number = self.number(value, decimals)
        match unit:
            case "m": return self._ctx.tr("%1 m").replace("%1", number)
            case "km": return self._ctx.tr("%1 km").replace("%1", number)
            case "ft": return self._ctx.tr("%1 ft").replace("%1", number)
        return self._ctx.tr("%1 mi").replace("%1", number)

    def duration(self, seconds: float) -> str:
        minutes = max(1, round(seconds / 60))
        if minutes < 60:
            return self._ctx.tr("%1 min").replace("%1", str(minutes))
        return self._ctx.tr("%1 h %2 min").replace("%1", str(minutes // 60)).replace("%2", str(minutes % 60))

    def via(self, road: str) -> str:
        return self._ctx.tr("via %1").replace("%1", road) if road else ""

    def category(self, category: str) -> str:
        match category:
            case "fuel": return self._ctx.tr("Fuel")
            case "charging": return self._ctx.tr("Charging")
            case "parking": return self._ctx.tr("Parking")
            case "food": return self._ctx.tr("Food")
            case "shop": return self._ctx.tr("Shop")
            case "car_service": return self._ctx.tr("Car service")
            case "address": return self._ctx.tr("Address")
            case "street": return self._ctx.tr("Street")
        return ""

    def destination_kind(self, kind: str) -> str:
        """Under a saved place's name: what it is to the driver."""
        match kind:
            case "home": return self._ctx.tr("Home")
            case "favourite": return self._ctx.tr("Favourite")
        return self._ctx.tr("Recent")

    def results_title(self, category: str, along: bool) -> str:
        """The heading over category results."""
        name = self.category(category)
        if along:
            return self._ctx.tr("%1 along the route").replace("%1", name)
        return self._ctx.tr("%1 nearby").replace("%1", name)

    def text_results_title(self, text: str) -> str:
        return self._ctx.tr("Results for “%1”").replace("%1", text)

    def nothing_found(self) -> str:
        return self._ctx.tr("Nothing found")

    def no_destinations(self) -> str:
        return self._ctx.tr("Your recent destinations will show here")

    def position_unknown(self) -> str:
        return self._ctx.tr("The car's position is not known yet")

    def no_route(self, name: str) -> str:
        return self._ctx.tr("No route to %1").replace("%1", name)

    def no_route_from_here(self) -> str:
        """A reroute found nothing: the car is somewhere no road on the map leads on from."""
        return self._ctx.tr("No route from here")

    def problem(self, reason: str) -> str:
        """Why a route or a search found nothing, from its reason code (Jobs), in a sentence a driver reads."""
        match reason:
            case "position_unknown": return self.position_unknown()
            case "no_region": return self._ctx.tr("No map on this head unit covers where the car is")
            case "outside_region": return self._ctx.tr("This place is beyond the edge of the map")
            case "no_road_near_start": return self._ctx.tr("There is no road near the car")
            case "no_road_near_destination": return self._ctx.tr("There is no road near this place")
            case "not_connected": return self._ctx.tr("No road on the map leads there")
        return self._ctx.tr("The map cannot answer this")

    def unnamed(self) -> str:
        """A place sent without a name."""
        return self._ctx.tr("Destination")

    def rerouting(self) -> str:
        return self._ctx.tr("Rerouting")
