"""`headunit maps …` and `headunit nav …`: manage map regions, plan routes and search places from a shell.

`add_commands(subparsers)` adds both commands to a parent parser; `run(args)` runs what was parsed and
returns the exit status (1 with one line on stderr for a map problem). Nothing heavy is imported until a
command runs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

#: The categories `nav search` takes (headunit.maps.search.CATEGORIES, without importing it).
CATEGORIES = ("fuel", "charging", "parking", "food", "shop", "car_service", "address", "street")


def _point(text: str) -> tuple[float, float]:
    match = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*", text)
    if not match or not (-90 <= float(match[1]) <= 90 and -180 <= float(match[2]) <= 180):
        raise argparse.ArgumentTypeError(f"expected LAT,LON such as 43.73942,7.42772, got {text!r}")
    return float(match[1]), float(match[2])


def _language(text: str) -> str:
    match = re.fullmatch(r"([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}))?", text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected a language code such as en, de or zh_CN, got {text!r}")
    return match[1].lower() + (f"_{match[2].upper()}" if match[2] else "")


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    maps = subparsers.add_parser("maps", help="offline map regions: import OSM extracts, list, remove")
    actions = maps.add_subparsers(dest="maps_command", required=True, metavar="ACTION")
    load = actions.add_parser(
        "import", help="import an OpenStreetMap extract (.osm.pbf) as a region",
        description="Build a region's routing tiles, search index and drawing data from an OSM PBF extract. "
                    "The same file again is up to date and rebuilds nothing; a failed import leaves the "
                    "previous region as it was.")
    load.add_argument("file", type=Path, metavar="FILE.osm.pbf")
    load.add_argument("--name", help="the region's name (default: from the file name)")
    load.add_argument("--force", action="store_true", help="rebuild even if the same file was imported")
    load.add_argument("--json", action="store_true", help="print the result as one JSON object")
    load.set_defaults(maps_handler=_import)
    listing = actions.add_parser("list", help="the imported regions")
    listing.add_argument("--json", action="store_true", help="a JSON list of objects")
    listing.set_defaults(maps_handler=_list)
    remove = actions.add_parser("remove", help="delete a region")
    remove.add_argument("name")
    remove.set_defaults(maps_handler=_remove)

    nav = subparsers.add_parser("nav", help="routes and place search on the imported regions")
    nav_actions = nav.add_subparsers(dest="nav_command", required=True, metavar="ACTION")
    route = nav_actions.add_parser("route", help="a car route with turn-by-turn instructions")
    route.add_argument("--from", dest="origin", type=_point, required=True, metavar="LAT,LON")
    route.add_argument("--to", dest="destination", type=_point, required=True, metavar="LAT,LON")
    route.add_argument("--lang", type=_language, default="en", metavar="CODE",
                       help="the instructions' language (en, de, ...; default en)")
    route.add_argument("--alternates", type=int, default=2, metavar="N", help="other routes besides the best (0-2)")
    route.add_argument("--heading", type=float, metavar="DEG", help="the direction the car faces at the start")
    route.add_argument("--json", action="store_true", help="print the routes as one JSON object")
    route.set_defaults(maps_handler=_route)
    find = nav_actions.add_parser(
        "search", help="places by category near a point (or along a route), or by name",
        description=f"QUERY is a category ({', '.join(CATEGORIES)}) or the start of a name.")
    find.add_argument("query", metavar="CATEGORY|TEXT")
    find.add_argument("--near", type=_point, required=True, metavar="LAT,LON")
    find.add_argument("--route-to", type=_point, metavar="LAT,LON",
                      help="with a category: places along the route from --near to here, in route order")
    find.add_argument("--max-detour", type=float, default=500.0, metavar="M",
                      help="with --route-to: how far from the route a place may be (default 500 m)")
    find.add_argument("--lang", type=_language, default="en", metavar="CODE", help="names in this language")
    find.add_argument("--limit", type=int, default=5, metavar="N", help="at most N places (default 5)")
    find.add_argument("--json", action="store_true", help="print the places as a JSON list")
    find.set_defaults(maps_handler=_search)


def run(args: argparse.Namespace) -> int:
    from headunit.maps.errors import MapError

    try:
        return args.maps_handler(args)
    except MapError as exc:
        print(f"headunit {args.command}: {exc}", file=sys.stderr)
        return 1


def _library():
    from headunit.maps.regions import MapLibrary

    return MapLibrary()


def _import(args: argparse.Namespace) -> int:
    library = _library()
    if args.json:
        result = library.import_pbf(args.file, name=args.name, force=args.force)
    else:
        result = _import_with_progress(library, args)
    region = result.region
    if args.json:
        print(json.dumps({"up_to_date": result.up_to_date, "seconds": round(result.seconds, 3),
                          "stage_seconds": {k: round(v, 3) for k, v in result.stage_seconds.items()},
                          "region": region.to_json()}, indent=2, ensure_ascii=False))
    elif result.up_to_date:
        print(f"{region.name} is up to date ({region.source}, imported {region.imported}); --force rebuilds it")
    else:
        counts = ", ".join(f"{n:,} {key.replace('_', ' ')}" for key, n in region.counts.items()
                           if not key.startswith("places_"))
        print(f"Imported {region.name} from {region.source} in {result.seconds:.1f} s: {counts}")
    return 0


def _import_with_progress(library, args: argparse.Namespace):
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    bars = Progress(TextColumn("{task.description:<14}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
    tasks: dict[str, int] = {}

    def update(stage: str, fraction: float) -> None:
        if not tasks:
            bars.start()  # only once something is built: an up-to-date region prints just its line
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=1.0)
        bars.update(tasks[stage], completed=fraction)
        if fraction >= 1.0:
            bars.stop_task(tasks[stage])

    try:
        return library.import_pbf(args.file, name=args.name, progress=update, force=args.force)
    finally:
        if tasks:
            bars.stop()


def _list(args: argparse.Namespace) -> int:
    library = _library()
    regions = library.regions()
    if args.json:
        print(json.dumps([r.to_json() for r in regions], indent=2, ensure_ascii=False))
        return 0
    if not regions:
        print(f"No map regions in {library.root}; add one with `headunit maps import FILE.osm.pbf`")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Map regions in {library.root}")
    for column in ("name", "source", "imported", "roads", "places", "streets", "area (lat, lon)"):
        table.add_column(column, justify="right" if column in ("roads", "places", "streets") else "left")
    for r in regions:
        box = f"{r.bbox[0]:.3f}..{r.bbox[2]:.3f}, {r.bbox[1]:.3f}..{r.bbox[3]:.3f}"
        table.add_row(r.name, r.source, r.imported, f"{r.counts.get('roads', 0):,}",
                      f"{r.counts.get('places', 0):,}", f"{r.counts.get('streets', 0):,}", box)
    Console().print(table)
    return 0


def _remove(args: argparse.Namespace) -> int:
    library = _library()
    library.remove(args.name)
    print(f"Removed {args.name} from {library.root}")
    return 0


def _region_at(point: tuple[float, float]):
    from headunit.maps.errors import MapError

    library = _library()
    region = library.region_at(*point)
    if region is None:
        known = ", ".join(r.name for r in library.regions()) or "none imported"
        raise MapError(f"no map region covers {point[0]:.5f}, {point[1]:.5f} (regions: {known})")
    return region


def _route(args: argparse.Namespace) -> int:
    from headunit.maps.routing import Router

    region = _region_at(args.origin)
    routes = Router(region).route(args.origin, args.destination, language=args.lang,
                                  alternates=max(0, min(args.alternates, 2)), heading=args.heading)
    best = routes[0]
    if args.json:
        print(json.dumps({**best.to_json(), "region": region.name,
                          "alternates": [r.to_json() for r in routes[1:]]}, ensure_ascii=False))
        return 0
    print(f"{best.distance_m / 1000:.1f} km, {best.duration_s / 60:.0f} min ({region.name})")
    for i, m in enumerate(best.maneuvers, start=1):
        print(f"{i:3}. {m.instruction}" + (f"  ({m.length_m:.0f} m)" if m.length_m else ""))
    for r in routes[1:]:
        print(f"  alternative: {r.distance_m / 1000:.1f} km, {r.duration_s / 60:.0f} min")
    return 0


def _search(args: argparse.Namespace) -> int:
    from headunit.maps.search import SearchIndex

    region = _region_at(args.near)
    index = SearchIndex(region.search_db)
    try:
        if args.query in CATEGORIES and args.route_to:
            from headunit.maps.routing import Router

            shape = Router(region).route(args.near, args.route_to, language=args.lang, alternates=0)[0].shape
            places = index.along(args.query, shape, limit=args.limit, max_detour_m=args.max_detour,
                                 language=args.lang)
        elif args.query in CATEGORIES:
            places = index.nearest(args.query, *args.near, limit=args.limit, language=args.lang)
        else:
            places = index.text(args.query, near=args.near, language=args.lang, limit=args.limit)
    finally:
        index.close()
    if args.json:
        print(json.dumps([p.to_json() for p in places], ensure_ascii=False))
        return 0
    if not places:
        print(f"Nothing found for {args.query!r} in {region.name}")
    for p in places:
        where = " ".join(filter(None, (p.street, p.housenumber)))
        print(f"{p.distance_m:7.0f} m  {p.name or '(' + p.category + ')'}" + (f" — {where}" if where else ""))
    return 0
