"""One pass over an OSM extract for what search and the region's summary need.

`read()` collects the places a driver searches for (fuel, charging, parking, food, shops, car services,
addresses), one entry per named street, the number of roads a car can drive on, the extract's bounding box
and the languages its names come in (name:xx). Shops and car parks drawn as polygons count once, at their
centroid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import osmium

from headunit.maps.errors import NotAnExtract
from headunit.maps.geo import distance_m, line_length_m, point_along

#: Highways a car may use: the ones valhalla builds car edges for.
CAR_ROADS = frozenset({
    "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
    "tertiary", "tertiary_link", "unclassified", "residential", "living_street", "service", "road",
})
#: Named highways that count as streets to search for (a pedestrian street is still an address to go to).
STREET_ROADS = CAR_ROADS | {"pedestrian"}

FOOD = frozenset({"restaurant", "fast_food", "cafe", "food_court", "pub", "biergarten", "ice_cream"})
CAR_SERVICE_AMENITIES = frozenset({"car_wash", "vehicle_inspection"})
CAR_SERVICE_SHOPS = frozenset({"car_repair", "car", "tyres", "car_parts"})
NOT_A_SHOP = frozenset({"vacant", "no", "yes"})

#: name:xx keys that are languages (name:de, name:zh, name:zh-Hans), not name:etymology or name:prefix.
LANGUAGE_KEY = re.compile(r"name:([a-z]{2,3}(?:-[A-Za-z]{2,4})?)")

#: Streets of the same name farther apart than this are different streets (two towns in one extract).
SAME_STREET_M = 2000.0


@dataclass
class RawPlace:
    osm: str
    category: str
    kind: str
    name: str
    names: dict[str, str]
    lat: float
    lon: float
    street: str = ""
    housenumber: str = ""


@dataclass
class Extract:
    places: list[RawPlace] = field(default_factory=list)
    roads: int = 0
    bbox: tuple[float, float, float, float] | None = None  # min_lat, min_lon, max_lat, max_lon
    languages: set[str] = field(default_factory=set)

    def count(self, category: str) -> int:
        return sum(1 for p in self.places if p.category == category)


def category_of(tags: osmium.osm.TagList) -> tuple[str, str] | None:
    """(category, kind) of a tagged object, or None when a driver would not search for it."""
    amenity, shop = tags.get("amenity"), tags.get("shop")
    if amenity == "fuel":
        return "fuel", amenity
    if amenity == "charging_station":
        return "charging", amenity
    if amenity == "parking":
        return "parking", amenity
    if amenity in FOOD:
        return "food", amenity
    if amenity in CAR_SERVICE_AMENITIES:
        return "car_service", amenity
    if shop in CAR_SERVICE_SHOPS:
        return "car_service", shop
    if shop and shop not in NOT_A_SHOP:
        return "shop", shop
    if "addr:housenumber" in tags and "addr:street" in tags:
        return "address", "address"
    return None


@dataclass
class _StreetPart:
    names: dict[str, str]
    length: float
    middle: tuple[float, float]
    osm: str


class _Reader:
    def __init__(self) -> None:
        self.extract = Extract()
        self._streets: dict[str, list[list[_StreetPart]]] = {}
        self._box = [90.0, 180.0, -90.0, -180.0]

    def _names(self, tags: osmium.osm.TagList) -> dict[str, str]:
        names = {}
        for tag in tags:
            match = LANGUAGE_KEY.fullmatch(tag.k)
            if match and tag.v:
                names[match[1]] = tag.v
        self.extract.languages.update(names)
        return names

    def _add_place(self, osm: str, tags: osmium.osm.TagList, lat: float, lon: float) -> None:
        found = category_of(tags)
        if found is None:
            return
        category, kind = found
        street, housenumber = tags.get("addr:street", ""), tags.get("addr:housenumber", "")
        name = tags.get("name") or tags.get("brand") or tags.get("operator") or ""
        if not name and category == "address":
            name = f"{street} {housenumber}"
        self.extract.places.append(RawPlace(osm, category, kind, name, self._names(tags), lat, lon,
                                            street, housenumber))

    def node(self, node: osmium.osm.Node) -> None:
        self._add_place(f"node/{node.id}", node.tags, node.location.lat, node.location.lon)

    def way(self, way: osmium.osm.Way) -> None:
        highway = way.tags.get("highway")
        if highway not in STREET_ROADS:
            return
        points = [(n.location.lat, n.location.lon) for n in way.nodes if n.location.valid()]
        if not points:
            return
        if highway in CAR_ROADS:
            self.extract.roads += 1
            box = self._box
            for lat, lon in points:
                box[0], box[1], box[2], box[3] = min(box[0], lat), min(box[1], lon), max(box[2], lat), max(box[3], lon)
        name = way.tags.get("name")
        if name:
            part = _StreetPart(self._names(way.tags), line_length_m(points), point_along(points, 0.5), f"way/{way.id}")
            self._add_street_part(name, part)

    def _add_street_part(self, name: str, part: _StreetPart) -> None:
        clusters = self._streets.setdefault(name, [])
        for cluster in clusters:
            if distance_m(*cluster[0].middle, *part.middle) <= SAME_STREET_M:
                cluster.append(part)
                return
        clusters.append([part])

    def area(self, area: osmium.osm.Area) -> None:
        if "highway" in area.tags and "amenity" not in area.tags and "shop" not in area.tags:
            return
        centre = _centroid(area)
        if centre is not None:
            kind = "way" if area.from_way() else "relation"
            self._add_place(f"{kind}/{area.orig_id()}", area.tags, *centre)

    def finish(self, header_box: osmium.osm.Box) -> Extract:
        for name, clusters in self._streets.items():
            for cluster in clusters:
                longest = max(cluster, key=lambda p: p.length)
                names: dict[str, str] = {}
                for part in cluster:
                    names.update(part.names)
                self.extract.places.append(RawPlace(longest.osm, "street", "street", name, names, *longest.middle))
        if header_box.valid():
            self.extract.bbox = (header_box.bottom_left.lat, header_box.bottom_left.lon,
                                 header_box.top_right.lat, header_box.top_right.lon)
        elif self._box[0] <= self._box[2]:
            self.extract.bbox = tuple(self._box)
        elif self.extract.places:
            lats = [p.lat for p in self.extract.places]
            lons = [p.lon for p in self.extract.places]
            self.extract.bbox = (min(lats), min(lons), max(lats), max(lons))
        return self.extract


def _centroid(area: osmium.osm.Area) -> tuple[float, float] | None:
    """The area-weighted centroid of the largest outer ring (the mean of its corners if it is degenerate)."""
    best, best_size = None, -1.0
    for ring in area.outer_rings():
        points = [(n.location.lat, n.location.lon) for n in ring if n.location.valid()]
        if len(points) < 3:
            continue
        doubled = cx = cy = 0.0
        for (y0, x0), (y1, x1) in zip(points, points[1:] + points[:1]):
            cross = x0 * y1 - x1 * y0
            doubled += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(doubled) > 1e-18:
            centre = (cy / (3 * doubled), cx / (3 * doubled))
        else:
            centre = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
        if abs(doubled) > best_size:
            best, best_size = centre, abs(doubled)
    return best


def read(pbf: Path, progress: Callable[[float], None] | None = None) -> Extract:
    """Read `pbf` once. Raises NotAnExtract when osmium cannot read it."""
    report = progress or (lambda fraction: None)
    reader = _Reader()
    report(0.0)
    try:
        processor = (osmium.FileProcessor(str(pbf)).with_areas()
                     .with_filter(osmium.filter.KeyFilter("amenity", "shop", "addr:housenumber", "highway")))
        phase = "node"
        for obj in processor:
            if obj.is_node():
                reader.node(obj)
            elif obj.is_way():
                if phase == "node":
                    phase = "way"
                    report(0.4)
                reader.way(obj)
            elif obj.is_area():
                reader.area(obj)
            elif phase != "relation":
                phase = "relation"
                report(0.8)
        header_box = processor.header.box()
    except RuntimeError as exc:  # osmium's parse errors
        raise NotAnExtract(f"{pbf} could not be read as an OSM extract: {exc}") from exc
    extract = reader.finish(header_box)
    report(1.0)
    return extract
