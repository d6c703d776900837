"""The accessory store's catalog on the car: the first page from the mirror, and the "for my car" filter.

A synthetic catalog of 5,000 products with realistic fitment (records over the reference vehicles of
headunit/fitment/vehicles.json: make and model, years, engines, fuels, bodies, tyre sizes, position,
quantity, a condition now and then; universal accessories) is synced into the store's mirror (its real
code, plugins/org.headunit.store/store/catalog.py) in a temporary folder. Each figure has a floor measured
in the same run on the same file:

- first page: opening the mirror on the file and reading the first 20 products, most reviewed first, as the
  store does when it opens; floor: a bare sqlite3 connection's `SELECT * … ORDER BY review_count DESC
  LIMIT 20` on the same file;
- fitment filter: the verdict for every product for the simulated car (records parsed once, as the mirror
  keeps them) and the ids that fit or fit if; floor: a bare Python loop over the same records (already
  decoded from JSON) that only compares make, model and years.

    python -m benchmarks.store [--products N] [--runs N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import TARGETS

PRODUCTS = 5000
RUNS = 30
PAGE = 20

CATEGORIES = ("wiper-blades", "bulbs", "floor-mats", "tyres", "engine-oil", "filters", "ev-charging",
              "chargers-cables", "phone-mounts", "dash-cams", "roof-boxes", "tyre-chains", "safety", "car-care")
UNIVERSAL = ("chargers-cables", "phone-mounts", "dash-cams", "safety", "car-care")
BRANDS = ("Bosch", "Valeo", "Osram", "Philips", "Michelin", "Continental", "Castrol", "Mann-Filter", "Mahle",
          "Thule", "WeatherTech", "Garmin", "Nextbase", "Juice Technology", "Meguiar's", "Hella", "Febi")
POSITIONS = {"wiper-blades": ("front", "rear"), "bulbs": ("front", "rear"), "floor-mats": ("front", "rear", "all"),
             "tyre-chains": ("front",)}
CONDITIONS = ("with halogen headlights", "with roof rails", "without panoramic roof", "with LED tail lights")


def _modules():
    """The store's catalog module, imported as the host imports it (the plugin folder is not on sys.path)."""
    from tests.plugin_parts import plugin_part

    return plugin_part("org.headunit.store/store", "catalog", package="headunit_plugin_org_headunit_store.store")


def _record(rng: random.Random, vehicle, category: str) -> dict:
    record: dict = {"make": vehicle.make, "model": vehicle.model}
    first, last = vehicle.years
    record["years"] = [first, last]
    if category in ("engine-oil", "filters") and rng.random() < 0.8:
        variants = rng.sample(vehicle.variants, rng.randint(1, min(2, len(vehicle.variants))))
        record["engines"] = [v.engine for v in variants]
    if category == "ev-charging":
        record["fuels"] = ["electric", "plug-in hybrid"]
    if category in ("tyres", "tyre-chains"):
        record = {"tyre_sizes": [rng.choice(vehicle.tyre_sizes)]} if category == "tyres" else {
            **record, "tyre_sizes": [rng.choice(vehicle.tyre_sizes)]}
    if category in ("floor-mats", "roof-boxes") and rng.random() < 0.5:
        record["bodies"] = [rng.choice(vehicle.bodies)]
    if category in POSITIONS:
        record["position"] = rng.choice(POSITIONS[category])
        record["quantity"] = 2 if category != "bulbs" or rng.random() < 0.5 else 1
    if category == "tyres":
        record["quantity"] = 4
    if rng.random() < 0.08:
        record["condition"] = rng.choice(CONDITIONS)
    return record


def catalog(count: int, seed: int = 7) -> list[dict]:
    """`count` products in the backend's Product JSON, each with fitment over the reference vehicles."""
    from headunit.fitment.vehicles import vehicle_list

    vehicles = list(vehicle_list())
    rng = random.Random(seed)
    products = []
    for i in range(count):
        category = CATEGORIES[i % len(CATEGORIES)]
        universal = category in UNIVERSAL and rng.random() < 0.9
        fitment = [] if universal else [_record(rng, v, category) for v in rng.sample(vehicles, rng.randint(1, 4))]
        brand = rng.choice(BRANDS)
        products.append({
            "id": f"bench-{i:05d}", "name": f"{brand} {category.replace('-', ' ')} {rng.randint(100, 999)}",
            "category": category, "description": "A part for the benchmark's catalog.", "brand": brand,
            "part_number": f"{rng.randint(10**6, 10**7 - 1)}", "price_cents": rng.randint(499, 89_999),
            "currency": "EUR", "stock": rng.randint(0, 120), "rating": round(rng.uniform(2.5, 5.0), 1),
            "review_count": rng.randint(0, 600), "universal": universal, "fitment": fitment,
            "fitting_minutes": rng.choice((None, 15, 30, 45, 60)), "updated_at": "2026-12-01T08:00:00Z"})
    return products


class _Reading:
    def __init__(self, data):
        self.data, self.stale = data, False


def fill(path: Path, products: list[dict]) -> None:
    """The mirror on `path`, synced page by page (500 a page) from the products, as from the backend."""
    catalog_module = _modules()
    pages = [products[i:i + 500] for i in range(0, len(products), 500)]

    def get(url: str, params: dict | None):
        if url.endswith("/categories"):
            return _Reading({"items": [{"id": c, "name": c.replace("-", " ").capitalize()} for c in CATEGORIES]})
        index = int((params or {}).get("cursor") or 0)
        return _Reading({"items": pages[index], "cursor": str(index + 1), "more": index + 1 < len(pages)})

    connection = sqlite3.connect(path, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    result = catalog_module.Mirror(connection).sync(get)
    connection.close()
    if not result.complete or result.changed != len(products):
        raise RuntimeError(f"the mirror was not filled: {result}")


def _first_page(path: Path) -> tuple[float, float]:
    """(floor seconds, mirror seconds) of one first page, each on a connection of its own."""
    catalog_module = _modules()
    started = time.perf_counter()
    bare = sqlite3.connect(path)
    rows = bare.execute("SELECT * FROM products ORDER BY review_count DESC, rating DESC, name LIMIT ?",
                        (PAGE,)).fetchall()
    floor = time.perf_counter() - started
    bare.close()
    started = time.perf_counter()
    connection = sqlite3.connect(path, check_same_thread=False)
    page, total = catalog_module.Mirror(connection).query(sort="popular", limit=PAGE)
    ours = time.perf_counter() - started
    connection.close()
    if len(page) != PAGE or len(rows) != PAGE or [r["id"] for r in page] != [r[0] for r in rows]:
        raise RuntimeError("the first pages differ")
    return floor, ours


def _bare_filter(products: list[dict], car) -> set[str]:
    """The floor: a plain loop over decoded records comparing make, model and years only."""
    kept = set()
    for product in products:
        if product["universal"]:
            kept.add(product["id"])
            continue
        for record in product["fitment"]:
            if record.get("make") == car.make and record.get("model") == car.model:
                first, last = record.get("years") or (None, None)
                if (first is None or first <= car.year) and (last is None or car.year <= last):
                    kept.add(product["id"])
                    break
    return kept


def measure(products: int = PRODUCTS, runs: int = RUNS, progress=print) -> dict:
    from headunit.fitment.vehicles import SIMULATED_CAR

    catalog_module = _modules()
    items = catalog(products)
    with tempfile.TemporaryDirectory(prefix="headunit-bench-store-") as tmp:
        path = Path(tmp) / "storage.db"
        progress(f"syncing {products:,} products into the store's mirror")
        started = time.perf_counter()
        fill(path, items)
        sync_s = time.perf_counter() - started

        progress(f"first page: {runs} runs, a bare SELECT and the mirror alternating")
        _first_page(path)  # warms the page cache and byte code for both
        pages = [_first_page(path) for _ in range(runs)]

        progress(f"fitment filter: {runs} runs over {products:,} products, a bare loop and the mirror's verdicts")
        connection = sqlite3.connect(path, check_same_thread=False)
        mirror = catalog_module.Mirror(connection)
        started = time.perf_counter()
        mirror.verdicts(SIMULATED_CAR)  # parses every product's records once, as the store does on first use
        parse_s = time.perf_counter() - started
        decoded = [{"id": p["id"], "universal": p["universal"], "fitment": p["fitment"]} for p in items]
        floors, ours, kept = [], [], set()
        for _ in range(runs):
            started = time.perf_counter()
            _bare_filter(decoded, SIMULATED_CAR)
            floors.append(time.perf_counter() - started)
            mirror._verdicts.clear()  # a new profile or a changed catalog: every verdict again
            started = time.perf_counter()
            kept = mirror.fitting(SIMULATED_CAR)
            ours.append(time.perf_counter() - started)
        kinds: dict[str, int] = {}
        for verdict in mirror.verdicts(SIMULATED_CAR).values():
            kinds[verdict.kind] = kinds.get(verdict.kind, 0) + 1
        connection.close()
    ms = 1000.0
    first_floor, first_ours = zip(*pages)
    return {
        "products": products, "runs": runs, "sync_s": sync_s, "parse_ms": parse_s * ms,
        "first_page": {"ms": statistics.median(first_ours) * ms, "floor_ms": statistics.median(first_floor) * ms,
                       "ratio": statistics.median(first_ours) / statistics.median(first_floor),
                       "target_ms": TARGETS["store_first_page_ms"]},
        "fitment": {"ms": statistics.median(ours) * ms, "floor_ms": statistics.median(floors) * ms,
                    "ratio": statistics.median(ours) / statistics.median(floors), "kept": len(kept), "kinds": kinds,
                    "target_ms": TARGETS["store_fitment_filter_ms"]},
    }


def verdicts(figures: dict) -> dict[str, bool]:
    return {"first_page": figures["first_page"]["ms"] <= figures["first_page"]["target_ms"],
            "fitment": figures["fitment"]["ms"] <= figures["fitment"]["target_ms"]}


def rows(figures: dict) -> list[tuple[str, str, str, str, str, bool | None]]:
    p, f = figures["first_page"], figures["fitment"]
    ok = verdicts(figures)
    n = figures["products"]
    return [
        (f"first page ({PAGE}) from the mirror, {n:,} products", f"{p['floor_ms']:.2f} ms", f"{p['ms']:.2f} ms",
         f"{p['ratio']:.1f}×", f"≤ {p['target_ms']:g} ms", ok["first_page"]),
        (f"for-my-car filter over {n:,} products", f"{f['floor_ms']:.2f} ms", f"{f['ms']:.2f} ms",
         f"{f['ratio']:.1f}×", f"≤ {f['target_ms']:g} ms", ok["fitment"]),
        ("records parsed once (first use)", "", f"{figures['parse_ms']:.0f} ms", "", "(none)", None),
        ("sync into the mirror (10 pages)", "", f"{figures['sync_s'] * 1000:.0f} ms", "", "(none)", None),
    ]


def print_table(figures: dict) -> None:
    table_rows = rows(figures)
    kinds = ", ".join(f"{k} {v:,}" for k, v in sorted(figures["fitment"]["kinds"].items()))
    footer = (f"median of {figures['runs']} runs each, alternating; floors: a bare sqlite3 SELECT … LIMIT {PAGE} "
              f"on the same file, a bare Python loop over the same records; verdicts for the simulated car: {kinds}")
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        for *cells, ok in table_rows:
            print("  ".join(cells), "" if ok is None else "PASS" if ok else "FAIL")
        print(footer)
        return
    table = Table(title="Accessory store catalog (floors: bare sqlite3 and a bare loop in the same run)")
    for index, header in enumerate(("", "floor", "HeadUnit", "ratio", "target", "")):
        table.add_column(header, justify="left" if index == 0 else "right")
    for *cells, ok in table_rows:
        table.add_row(*cells, "" if ok is None else "[bold green]PASS[/]" if ok else "[bold red]FAIL[/]")
    console = Console(width=None if sys.stdout.isatty() else 110)
    console.print(table)
    console.print(footer, style="dim")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.store", description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=PRODUCTS, metavar="N",
                        help=f"products in the catalog (default {PRODUCTS:,})")
    parser.add_argument("--runs", type=int, default=RUNS, metavar="N", help=f"runs of each (default {RUNS})")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of the table")
    args = parser.parse_args(argv)
    figures = measure(products=max(PAGE, args.products), runs=max(1, args.runs),
                      progress=lambda text: print(text, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
