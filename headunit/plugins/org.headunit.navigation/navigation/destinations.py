"""Home, favourites and recent destinations: the driver's own places, synced with the account as the user-data
collection "destinations". Pure Python; the plugin reads and writes the collection on its worker."""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass

COLLECTION = "destinations"
KINDS = ("home", "favourite", "recent")
#: Recent destinations kept; older ones are deleted from the account.
MAX_RECENTS = 20


@dataclass(frozen=True)
class Destination:
    name: str
    lat: float
    lon: float
    kind: str = "recent"  # home, favourite or recent
    used: float = 0.0  # when it was last driven to (seconds since the epoch)

    @property
    def key(self) -> str:
        """One home; one favourite and one recent per place."""
        return "home" if self.kind == "home" else f"{self.kind}:{self.lat:.5f},{self.lon:.5f}"

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, value: object) -> Destination | None:
        """A destination from the account, or None when the value is not one (another app's, or damaged)."""
        if not isinstance(value, dict):
            return None
        try:
            found = cls(str(value["name"]), float(value["lat"]), float(value["lon"]), str(value.get("kind", "recent")),
                        float(value.get("used", 0.0)))
        except (KeyError, TypeError, ValueError):
            return None
        if found.kind not in KINDS or not found.name or math.isnan(found.lat) or math.isnan(found.lon):
            return None
        return found


class Destinations:
    """The collection as this car knows it, in memory."""

    def __init__(self) -> None:
        self._items: dict[str, Destination] = {}

    def replace(self, items: dict[str, object]) -> None:
        """Everything the account holds, keeping changes made here since (they are on their way up)."""
        loaded = {d.key: d for d in map(Destination.from_json, items.values()) if d is not None}
        self._items = {**loaded, **self._items}

    def put(self, destination: Destination) -> list[str]:
        """Add or replace it; the keys of recents that fell off the end, to delete."""
        self._items[destination.key] = destination
        recents = sorted((d for d in self._items.values() if d.kind == "recent"), key=lambda d: -d.used)
        dropped = [d.key for d in recents[MAX_RECENTS:]]
        for key in dropped:
            del self._items[key]
        return dropped

    def visit(self, name: str, lat: float, lon: float) -> tuple[Destination, list[str]]:
        """Remember a drive to (lat, lon) as the most recent destination."""
        recent = Destination(name, lat, lon, "recent", time.time())
        return recent, self.put(recent)

    @property
    def home(self) -> Destination | None:
        return self._items.get("home")

    def recents(self, limit: int | None = None) -> list[Destination]:
        found = sorted((d for d in self._items.values() if d.kind == "recent"), key=lambda d: -d.used)
        return found[:limit]

    def ordered(self) -> list[Destination]:
        """Home, then favourites by name, then recents, most recent first."""
        favourites = sorted((d for d in self._items.values() if d.kind == "favourite"), key=lambda d: d.name.casefold())
        return ([self.home] if self.home else []) + favourites + self.recents()
