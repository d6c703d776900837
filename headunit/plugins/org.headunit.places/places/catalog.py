"""The places the app knows, and finding them. Pure Python, no Qt."""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ("fuel", "parking", "food")


@dataclass(frozen=True)
class Place:
    name: str
    category: str
    lat: float
    lon: float
    street: str = ""

    def distance_m(self, lat: float, lon: float) -> float:
        """Equirectangular distance: plenty for places a few kilometres away."""
        x = math.radians(self.lon - lon) * math.cos(math.radians((self.lat + lat) / 2))
        return math.hypot(x, math.radians(self.lat - lat)) * 6_371_000


def fold(text: str) -> str:
    """Lower case without accents, so "cafe" finds "Café"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def load(path: Path) -> list[Place]:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [Place(r["name"], r["category"], float(r["lat"]), float(r["lon"]), r.get("street", "")) for r in rows]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a list of places ({exc})") from None


def find(places: list[Place], *, text: str = "", category: str = "", near: tuple[float, float] | None = None,
         limit: int = 50) -> list[Place]:
    """Places whose name has a word starting with `text` (accents ignored), of `category`, nearest first."""
    query = fold(text.strip())
    found = [
        p for p in places
        if (not category or p.category == category)
        and (not query or any(word.startswith(query) for word in fold(p.name).split()) or fold(p.name).startswith(query))
    ]
    if near and not any(math.isnan(v) for v in near):
        found.sort(key=lambda p: p.distance_m(*near))
    return found[:limit]
