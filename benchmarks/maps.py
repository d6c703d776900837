"""Offline maps on Monaco: route latency, nearest-place search, and importing the extract.

Each figure has a floor measured in the same run:
- route: the same requests (two alternates, English instructions) sent to a bare valhalla.Actor over the same
  tiles, its JSON answer left unparsed; HeadUnit's Router also parses it, decodes the shapes and builds the
  maneuvers. Pairs alternate between the two so that caches and CPU frequency treat them alike;
- nearest 5: no floor (SQLite's R*Tree is the floor's own tool); the absolute target is what a driver's
  tap-to-list needs with room to spare;
- import: the bundled valhalla_build_tiles alone on the same file, which every import has to run; HeadUnit
  also reads the extract for search, writes the search index and the drawing data.

    python -m benchmarks.maps [--runs N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import ROOT

MONACO = ROOT / "headunit" / "assets" / "maps" / "monaco.osm.pbf"

#: Absolute and relative targets.
ROUTE_RATIO = 2.0
NEAREST_P50_MS = 5.0

ROUTE_PAIRS = 60
NEAREST_QUERIES = 1000


def _p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _floor_import(folder: Path) -> float:
    """valhalla_build_tiles alone, with its default settings, on a fresh tile folder."""
    import valhalla

    from headunit.maps.importer import tile_builder

    tiles = folder / "tiles"
    tiles.mkdir(parents=True)
    config = folder / "valhalla.json"
    config.write_text(json.dumps(valhalla.get_config(tile_extract="", tile_dir=tiles)))
    started = time.perf_counter()
    subprocess.run([str(tile_builder()), "-c", str(config), str(MONACO)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _route_pairs(region, count: int, seed: int = 5) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Pairs of street points in the region, the same every run."""
    from headunit.maps.search import SearchIndex

    index = SearchIndex(region.search_db)
    streets = index.nearest("street", *region.center, limit=100_000)
    index.close()
    rng = random.Random(seed)
    return [((a.lat, a.lon), (b.lat, b.lon)) for a, b in (rng.sample(streets, 2) for _ in range(count))]


def _measure_routes(region, pairs) -> dict:
    import valhalla

    from headunit.maps.errors import NoRoute
    from headunit.maps.routing import SEARCH_CUTOFF_M, Router

    router = Router(region)
    actor = valhalla.Actor(str(region.path / "valhalla" / "valhalla.json"))
    ours, floor, skipped = [], [], 0
    for origin, destination in pairs:
        request = json.dumps({
            "locations": [{"lat": lat, "lon": lon, "search_cutoff": SEARCH_CUTOFF_M} for lat, lon in
                          (origin, destination)],
            "costing": "auto", "units": "kilometers", "alternates": 2, "language": "en-US"})
        try:
            actor.route(request)  # warm both on this pair, and skip pairs the map cannot route
            router.route(origin, destination)
        except (valhalla.ValhallaError, NoRoute):
            skipped += 1
            continue
        started = time.perf_counter()
        actor.route(request)
        floor.append(time.perf_counter() - started)
        started = time.perf_counter()
        router.route(origin, destination)
        ours.append(time.perf_counter() - started)
    ms = 1000.0
    return {"p50_ms": statistics.median(ours) * ms, "p99_ms": _p(ours, 0.99) * ms,
            "floor_p50_ms": statistics.median(floor) * ms, "floor_p99_ms": _p(floor, 0.99) * ms,
            "ratio": statistics.median(ours) / statistics.median(floor), "target_ratio": ROUTE_RATIO,
            "pairs": len(ours), "pairs_without_route": skipped}


def _measure_nearest(region, count: int, seed: int = 7) -> dict:
    from headunit.maps.search import SearchIndex

    index = SearchIndex(region.search_db)
    rng = random.Random(seed)
    min_lat, min_lon, max_lat, max_lon = region.bbox
    took = []
    for i in range(count):
        category = ("fuel", "parking", "food", "shop")[i % 4]
        lat, lon = rng.uniform(min_lat, max_lat), rng.uniform(min_lon, max_lon)
        started = time.perf_counter()
        index.nearest(category, lat, lon, limit=5)
        took.append(time.perf_counter() - started)
    texts = []
    for query in ("prin", "avenue prin", "boulevard", "rue gr", "hermitage", "casino") * 20:
        started = time.perf_counter()
        index.text(query, near=region.center)
        texts.append(time.perf_counter() - started)
    index.close()
    ms = 1000.0
    return {"p50_ms": statistics.median(took) * ms, "p99_ms": _p(took, 0.99) * ms, "queries": count,
            "target_p50_ms": NEAREST_P50_MS, "text_p50_ms": statistics.median(texts) * ms}


def measure(runs: int = 3, progress=print) -> dict:
    """Every figure, as a dict."""
    from headunit.maps.regions import MapLibrary

    with tempfile.TemporaryDirectory(prefix="headunit-bench-maps-") as tmp:
        folder = Path(tmp)
        library = MapLibrary(folder / "maps")
        ours, floor = [], []
        for i in range(runs):
            progress(f"import {i + 1}/{runs}: valhalla_build_tiles alone, then HeadUnit's import")
            floor.append(_floor_import(folder / f"floor-{i}"))
            result = library.import_pbf(MONACO, name="monaco", force=True)
            ours.append(result.seconds)
        region = library.get("monaco")
        progress(f"routes: {ROUTE_PAIRS} pairs, each through a bare valhalla.Actor and the Router")
        routes = _measure_routes(region, _route_pairs(region, ROUTE_PAIRS))
        progress(f"nearest 5: {NEAREST_QUERIES} queries")
        nearest = _measure_nearest(region, NEAREST_QUERIES)
    imports = {"seconds": statistics.median(ours), "floor_seconds": statistics.median(floor),
               "ratio": statistics.median(ours) / statistics.median(floor), "runs": runs,
               "stage_seconds": {k: round(v, 3) for k, v in result.stage_seconds.items()}}
    return {"route": routes, "nearest": nearest, "import": imports}


def verdicts(figures: dict) -> dict[str, bool]:
    return {"route": figures["route"]["ratio"] <= ROUTE_RATIO,
            "nearest": figures["nearest"]["p50_ms"] <= NEAREST_P50_MS}


def rows(figures: dict) -> list[tuple[str, str, str, str, str, bool | None]]:
    """(figure, floor, HeadUnit, ratio, target, pass) for the results table; pass is None without a target."""
    r, n, i = figures["route"], figures["nearest"], figures["import"]
    ok = verdicts(figures)
    return [
        ("route p50 (2 alternates)", f"{r['floor_p50_ms']:.2f} ms", f"{r['p50_ms']:.2f} ms", f"{r['ratio']:.2f}×",
         f"≤ {ROUTE_RATIO:g}×", ok["route"]),
        ("nearest 5 p50", "", f"{n['p50_ms']:.3f} ms", "", f"≤ {NEAREST_P50_MS:g} ms", ok["nearest"]),
        ("text search p50", "", f"{n['text_p50_ms']:.3f} ms", "", "(none)", None),
        ("import Monaco", f"{i['floor_seconds']:.2f} s", f"{i['seconds']:.2f} s", f"{i['ratio']:.2f}×", "(none)",
         None),
    ]


def print_table(figures: dict) -> None:
    table_rows = rows(figures)
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in figures["import"]["stage_seconds"].items())
    footer = (f"route: {figures['route']['pairs']} pairs of Monaco streets, floor a bare valhalla.Actor; "
              f"import: median of {figures['import']['runs']}, floor valhalla_build_tiles alone; stages "
              f"(overlapping): {stages}")
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        for *cells, ok in table_rows:
            print("  ".join(cells), "" if ok is None else "PASS" if ok else "FAIL")
        print(footer)
        return
    table = Table(title="Offline maps on Monaco (floors: bare Valhalla in the same run)")
    for index, header in enumerate(("", "floor", "HeadUnit", "ratio", "target", "")):
        table.add_column(header, justify="left" if index == 0 else "right")
    for *cells, ok in table_rows:
        table.add_row(*cells, "" if ok is None else "[bold green]PASS[/]" if ok else "[bold red]FAIL[/]")
    console = Console(width=None if sys.stdout.isatty() else 110)
    console.print(table)
    console.print(footer, style="dim")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.maps", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, metavar="N", help="imports of each kind (default 3)")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of the table")
    args = parser.parse_args(argv)
    figures = measure(runs=max(1, args.runs), progress=lambda text: print(text, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
