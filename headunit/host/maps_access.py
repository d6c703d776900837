"""A plugin's view of the maps: routing and search over the regions on the device (capability: location),
and, for the navigation app, publishing the drive in progress to the shell.

Routing and search read disk and take milliseconds: call them from the plugin's worker (`ctx.submit`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from headunit.maps.errors import MapError, NoRoute

if TYPE_CHECKING:
    from headunit.maps.routing import Route
    from headunit.maps.search import Place
    from headunit.shell.maps import Maps
    from headunit.shell.navigation import Navigation

LatLon = tuple[float, float]


class PluginMaps:
    """`ctx.maps`: routes and places, in the driver's language and distance unit unless told otherwise."""

    def __init__(self, maps: "Maps", language: Callable[[], str], units: Callable[[], str] = lambda: "km"):
        self._maps, self._language, self._units = maps, language, units

    def _region(self, lat: float, lon: float):
        region = self._maps.library.region_at(lat, lon)
        if region is None:
            raise MapError(f"no map region covers {lat:.5f}, {lon:.5f}: import one with `headunit maps import`",
                           "no_region")
        return region

    def route(self, origin: LatLon, destination: LatLon, *, language: str | None = None, alternates: int = 2,
              heading: float | None = None, units: str | None = None) -> list["Route"]:
        """The best route first, then up to `alternates` others; its voice texts measure in `units` ("km" or
        "mi", the driver's by default). Raises NoRoute, whose `reason` says why in a word."""
        region = self._region(*origin)
        if not region.contains(*destination):
            raise NoRoute(f"No route: the destination is outside the map region {region.name!r}", "outside_region")
        return self._maps.router(region).route(origin, destination, language=language or self._language(),
                                               alternates=alternates, heading=heading, units=units or self._units())

    def nearest(self, category: str, near: LatLon, *, limit: int = 5, language: str | None = None) -> list["Place"]:
        """Places of `category` (fuel, charging, parking, food, …) nearest to `near`."""
        index = self._maps.search_index(self._region(*near))
        return index.nearest(category, near[0], near[1], limit=limit, language=language or self._language())

    def along(self, category: str, shape: Sequence[LatLon], *, limit: int = 5, language: str | None = None) -> list["Place"]:
        """Places of `category` close to the route `shape`, in the order the car reaches them."""
        index = self._maps.search_index(self._region(*shape[0]))
        return index.along(category, list(shape), limit=limit, language=language or self._language())

    def search(self, text: str, near: LatLon, *, limit: int = 20, language: str | None = None) -> list["Place"]:
        """Places, addresses and streets whose name has a word starting with `text`, nearest first."""
        index = self._maps.search_index(self._region(*near))
        return index.text(text, near=near, language=language or self._language(), limit=limit)


class PluginNavigation:
    """`ctx.navigation`: what the shell knows of the drive in progress; an app of category "navigation" also
    publishes it, so the home screen, weather along the route and the emulator's drive can follow."""

    def __init__(self, navigation: "Navigation", plugin_id: str, may_publish: bool):
        self._navigation, self._plugin, self._may_publish = navigation, plugin_id, may_publish

    @property
    def state(self) -> "Navigation":
        """The shell's Navigation object (read it; its signals say when it changes)."""
        return self._navigation

    def _check(self) -> None:
        if not self._may_publish:
            from headunit.host.errors import PermissionDenied

            raise PermissionDenied(self._plugin, "category navigation", "ctx.navigation publishing")

    def set_route(self, name: str, destination: LatLon, shape: Sequence[LatLon]) -> None:
        """A route is being guided: the destination's name, its (lat, lon) and the route's shape. Category
        navigation only (PermissionDenied otherwise); GUI thread."""
        self._check()
        self._navigation.set_route(self._plugin, name, destination[0], destination[1], list(shape))

    def set_progress(self, *, remaining_m: float, remaining_s: float, kind: str, instruction: str, street: str,
                     distance_m: float) -> None:
        """Where the car is on the route: what is left, and the next maneuver (its kind, instruction, street
        and distance away). Category navigation only; GUI thread."""
        self._check()
        self._navigation.set_progress(remaining_m, remaining_s, kind=kind, instruction=instruction, street=street,
                                      distance_m=distance_m)

    def clear(self) -> None:
        """Guidance ended. Category navigation only; GUI thread."""
        self._check()
        self._navigation.clear(self._plugin)
