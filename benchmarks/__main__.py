"""`python -m benchmarks`: HeadUnit's performance against floors measured in the same run.

    python -m benchmarks [startup|boot|sync|fleet|maps|mapframes|mapview|music|store|appopen|hotreload|all] [--runs N] [--cars N] [--json] [--check]

startup: start-up time and memory against a bare QML window; boot: `headunit run` under systemd's notify
protocol, from process start to READY=1 and to the first watchdog ping, against the same window; sync: the
sync client's enqueue, drain and cached-read figures against a loopback backend; fleet: 1,000 cars
reconnecting at once into a backend of two worker processes over PostgreSQL; maps: route latency against
Valhalla's own, nearest-5 search and Monaco's import time; mapframes: the map's frame time while panning at
zoom 16, 1280×720; mapview: the shell's MapView (names, route, car) panning and following a route
heading-up, 1280×720; music: the music library's scan rate against bare mutagen, search over 20,000 tracks
against a bare FTS5 MATCH, and the memory a 20,000-track library costs; store: the accessory store's first
page from its catalog mirror and its "for my car" filter over 5,000 products, against a bare SELECT and a
bare loop; appopen: each first-party app from the tap to its first frame and home again, first and later
opens, against a bare page; hotreload: `headunit emulator --dev`, from a saved QML or Python edit to the
change on screen.

Exit status: 0 once measured, whatever the figures (PASS/FAIL is reported), 1 with --check when a
target is missed, 2 when the measurement itself failed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile

from benchmarks import (TARGETS, app_open, boot, fleet, floor, headunit_start, hot_reload, map_frames, mapframes, maps,
                        music, store, sync)
from benchmarks.measure import MeasurementError, Sample, environment, run
from benchmarks.report import print_fleet_table, print_sync_table, print_table


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("suite", nargs="?", choices=(*SUITES, "all"), default="all", help="which benchmarks (default all)")
    parser.add_argument("--runs", type=int, default=7, metavar="N",
                        help="start-up: measured runs of each, alternating floor and HeadUnit (default 7)")
    parser.add_argument("--cars", type=int, default=1000, metavar="N", help="fleet: simulated cars (default 1000)")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of the table")
    parser.add_argument("--check", action="store_true", help="exit status 1 when a target is missed")
    return parser


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def measure(runs: int) -> dict:
    from headunit.gui import SETTLE_MS  # the floor settles as long as HeadUnit before reading its memory

    floor_samples: list[Sample] = []
    headunit_samples: list[Sample] = []
    with tempfile.TemporaryDirectory(prefix="headunit-bench-") as home:
        env = environment(home)
        floor_command, headunit_command = floor.command(SETTLE_MS), headunit_start.command()
        _progress("warming up (unmeasured): floor, HeadUnit")
        run("floor", floor_command, env)  # byte code and Qt's QML cache, as for HeadUnit
        run("headunit", headunit_command, env)  # the same, and HeadUnit's manifest validation cache
        for i in range(runs):
            _progress(f"run {i + 1}/{runs}")
            floor_samples.append(run("floor", floor_command, env))
            headunit_samples.append(run("headunit", headunit_command, env))
    return _figures(floor_samples, headunit_samples, settle_ms=SETTLE_MS)


def _figures(floor_samples: list[Sample], headunit_samples: list[Sample], settle_ms: int) -> dict:
    def series(samples: list[Sample]) -> dict:
        startup = [s.startup_s for s in samples]
        rss = [s.rss_kb for s in samples]
        return {
            "startup_s": {"median": statistics.median(startup), "min": min(startup), "max": max(startup),
                          "samples": startup},
            "rss_kb": {"median": statistics.median(rss), "min": min(rss), "max": max(rss), "samples": rss},
        }

    result = {"floor": series(floor_samples), "headunit": series(headunit_samples)}
    phase_runs = [p for p in map(headunit_start.phases, headunit_samples) if p]
    result["headunit"]["phases_ms"] = {
        phase: statistics.median(p[phase] for p in phase_runs if phase in p) for phase in phase_runs[0]
    } if phase_runs else {}
    ratios = {}
    for key, figure in (("startup", "startup_s"), ("rss", "rss_kb")):
        ratio = result["headunit"][figure]["median"] / result["floor"][figure]["median"]
        ratios[key] = {"ratio": ratio, "target": TARGETS[key], "pass": ratio <= TARGETS[key]}
    result["ratios"] = ratios
    result["pass"] = all(r["pass"] for r in ratios.values())
    result["conditions"] = {
        "runs": len(headunit_samples), "settle_ms": settle_ms, "qpa": "offscreen",
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
    }
    return result


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.runs < 1:
        _parser().error("--runs must be at least 1")
    suites = list(SUITES) if args.suite == "all" else [args.suite]
    results, passed = {}, True
    try:
        for name in suites:
            run_suite, verdict, _ = SUITES[name]
            results[name] = run_suite(args)
            passed &= verdict(results[name])
    except (MeasurementError, RuntimeError) as exc:
        print(f"benchmarks: measurement failed: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, figures in results.items():
            SUITES[name][2](figures)
    return 1 if args.check and not passed else 0


def _suite(module) -> tuple:
    """A benchmark module with the usual measure(progress=…), verdicts() and print_table()."""
    return (lambda args: module.measure(progress=_progress), lambda figures: all(module.verdicts(figures).values()),
            module.print_table)


#: Each suite: how it is measured (from the command line's arguments), whether its figures pass, how they print.
SUITES = {
    "startup": (lambda args: measure(args.runs), lambda figures: figures["pass"], print_table),
    "boot": (lambda args: boot.measure(args.runs, progress=_progress), lambda figures: all(boot.verdicts(figures).values()),
             boot.print_table),
    "sync": (lambda args: sync.measure(progress=_progress), lambda figures: all(sync.verdicts(figures).values()),
             lambda figures: print_sync_table(sync.rows(figures))),
    "fleet": (lambda args: fleet.measure(cars=args.cars, progress=_progress),
              lambda figures: figures["exactly_once"]["pass"] and figures["bounded"],
              lambda figures: print_fleet_table(fleet.rows(figures))),
    "maps": _suite(maps),
    "mapframes": _suite(mapframes),
    "mapview": _suite(map_frames),
    "music": _suite(music),
    "store": _suite(store),
    "appopen": _suite(app_open),
    "hotreload": (lambda args: hot_reload.measure(progress=_progress), hot_reload.passed, hot_reload.print_table),
}


if __name__ == "__main__":
    sys.exit(main())
