"""Distances, durations and names as a driver reads them: in the driver's units, number format and language.

Numbers go through the shell's one formatter (`headunit.sdk.formats`, QML's `Format`), so a distance reads the
same here as on every other screen. The phrases are looked up when they are shown (`ctx.tr`), so a language
switch reaches them at the next refresh.
"""

from __future__ import annotations

from headunit.sdk import formats


class Texts:
    """The plugin's phrases with numbers or names in them."""

    def __init__(self, ctx) -> None:
        self._ctx = ctx
        self.miles = False
        self.language = ""  # "" until the page says: the formatter's own setting

    def _unit(self) -> str:
        return "mi" if self.miles else "km"

    def _language(self) -> str | None:
        return self.language or None

    def distance(self, metres: float) -> str:
        """"700 m", "1.2 km": as `Format.distance` writes it."""
        return formats.distance(metres, language=self._language(), unit=self._unit())

    def duration(self, seconds: float) -> str:
        """"12 min", "1 h 05 min": as `Format.duration` writes it."""
        return formats.duration(seconds, language=self._language())

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
