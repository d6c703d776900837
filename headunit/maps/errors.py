"""What can go wrong with maps, as exceptions whose message a driver or a developer can act on.

    MapError                 anything the maps code reports (the CLI prints its message and exits 1)
     ├── NotAnExtract        the file is missing, empty or not an OSM PBF extract
     ├── DiskFull            the disk filled up while a region was being imported
     └── NoRoute             no route between two points (no map, no road near, or nothing connects them)
"""

from __future__ import annotations


class MapError(Exception):
    """A problem with map data or a map request; the message says what and where (for the CLI and logs), and
    `reason` says which problem it is in a word, for an app to put in the driver's language:
    "no_region" (no map covers the point), "outside_region", "no_road_near_start",
    "no_road_near_destination", "not_connected", or "" for anything else."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class NotAnExtract(MapError):
    """The file given to import is not an OpenStreetMap PBF extract."""


class DiskFull(MapError):
    """No space was left on the disk while importing; the previous region is untouched."""


class NoRoute(MapError):
    """No route could be found; the message starts with "No route:" and says why."""
