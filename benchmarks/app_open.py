"""Opening each first-party app: from the tap to its first frame, and from the home button to home's.

    python -m benchmarks app_open            # inside the suite (table, --json, --check)
    python -m benchmarks.app_open [--runs N] [--reopens N] [--json]

The shell runs offscreen at 1280x720 with its own backend, parked, every plugin loaded in idle time as after
a normal start; then, for each first-party app in turn, a tap on its tile (`Apps.openApp`, what the tile's and
the dock's taps call) until the window has swapped the first frame that holds the app's page, and a tap on
home (`Apps.goHome`) until the first frame of home. The first open of each app in a process creates its page
(the page's QML is compiled when the plugin loads, as on a car); later opens find the page kept for the
recent apps. Each run is a fresh shell process, so every run gives one first open per app; later opens are
repeated `--reopens` times per run.

Floor, same processes, same taps: a page-only app of the same kind (a Rectangle and a Label, no Python)
installed beside the shell's own, so the ratio is what an app's own page costs over the shell's switch.

Target: p50 ≤ 100 ms for every app, first open and later opens.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = 100.0
ROOT = Path(__file__).resolve().parent.parent
FLOOR_ID = "org.example.floorpage"
RESULT_PREFIX = "APPOPEN "
WIDTH, HEIGHT = 1280, 720


def first_party_apps() -> list[str]:
    return sorted(p.name for p in (ROOT / "headunit" / "plugins").iterdir() if (p / "plugin.toml").exists())


def _write_floor(root: Path) -> None:
    folder = root / FLOOR_ID
    (folder / "qml").mkdir(parents=True, exist_ok=True)
    (folder / "plugin.toml").write_text(
        f'manifest = 1\nid = "{FLOOR_ID}"\nname = "Floor"\nversion = "1.0.0"\napi = 1\n'
        'category = "utility"\nicon = "mdi6.timer-outline"\ncapabilities = []\n\n[entry]\npage = "qml/Main.qml"\n')
    (folder / "qml" / "Main.qml").write_text(
        'import QtQuick\nimport HeadUnit\nimport HeadUnit.Controls\n'
        'Rectangle { color: Theme.surface; Label { anchors.centerIn: parent; text: "Floor" } }\n')


def child(reopens: int, vendor: Path) -> dict:
    """One shell process: {app: {"first": ms, "again": [ms], "home": [ms]}}."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - types the root object as a window

    from headunit.gui import SETTLE_MS, default_backend
    from headunit.runtime import Options, Runtime, ensure_app
    from headunit.shell.theme import SCREEN_PRESETS, dpi_for

    app = ensure_app(offscreen=True)
    runtime = Runtime(Options(dpi=dpi_for(WIDTH, HEIGHT, SCREEN_PRESETS.get((WIDTH, HEIGHT), 10.1)),
                              vendor_plugin_paths=(str(vendor),), drive="parked",
                              backend=default_backend("emulator")))
    window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=WIDTH, shellHeight=HEIGHT)
    frames = [0]
    state = {"loaded": False}

    def swapped() -> None:
        frames[0] += 1
        if frames[0] == 1:
            runtime.host.load_all_in_idle()
            runtime.start_cloud()

    def pump(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    window.frameSwapped.connect(swapped)
    runtime.host.idleLoadFinished.connect(lambda: state.update(loaded=True))
    window.show()
    deadline = time.monotonic() + 60
    while not state["loaded"] or runtime.cloud.starting:
        if time.monotonic() > deadline:
            raise SystemExit("the shell did not finish loading its plugins in 60 s")
        pump(20)
    runtime.start_media()
    pump(SETTLE_MS * 2)

    def page_shown(key: str) -> bool:
        # The shell makes the page (or shows the kept one) inside openApp, on the currentApp change; the next
        # frame swapped holds it.
        return runtime.apps.currentApp == key

    def until_frame(shown, what: str, limit_s: float = 10.0) -> None:
        """Run the event loop until a frame is swapped once `shown()` holds."""
        started = time.perf_counter()
        while not shown():
            app.processEvents()
            if time.perf_counter() - started > limit_s:
                raise SystemExit(f"{what} did not show in 10 s")
        seen = frames[0]
        while frames[0] == seen:
            app.processEvents()
            if time.perf_counter() - started > limit_s:
                raise SystemExit(f"no frame of {what} in 10 s")
            time.sleep(0.0005)

    def tap(key: str) -> None:
        if not runtime.apps.openApp(key):
            raise SystemExit(f"{key} did not open")
        until_frame(lambda: page_shown(key), key)

    def home() -> None:
        runtime.apps.goHome()
        until_frame(lambda: runtime.apps.currentApp == "", "home")

    def timed(action) -> float:
        started = time.perf_counter()
        action()
        return (time.perf_counter() - started) * 1000

    keys = [FLOOR_ID] + first_party_apps()
    figures: dict[str, dict] = {k: {"first": 0.0, "again": [], "home": []} for k in keys}
    for key in keys:  # the first open of each: its page is made
        figures[key]["first"] = timed(lambda key=key: tap(key))
        pump(SETTLE_MS)  # what a driver sees first settles (transitions, a map's tiles)
        figures[key]["home"].append(timed(home))
        pump(SETTLE_MS // 2)
    for _ in range(reopens):
        for key in keys:
            figures[key]["again"].append(timed(lambda key=key: tap(key)))
            pump(SETTLE_MS // 2)
            figures[key]["home"].append(timed(home))
            pump(SETTLE_MS // 4)
    runtime.shutdown()
    return figures


def _p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(runs: int = 3, reopens: int = 5, progress=print) -> dict:
    per_app: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="headunit-bench-") as home:
        vendor = Path(home) / "vendor-plugins"
        _write_floor(vendor)
        env = dict(os.environ, HEADUNIT_HOME=home, QT_QPA_PLATFORM="offscreen")
        subprocess.run([sys.executable, "-m", "headunit", "maps", "import",
                        str(ROOT / "headunit" / "assets" / "maps" / "monaco.osm.pbf"), "--name", "monaco"],
                       env=env, check=True, capture_output=True)
        for i in range(runs + 1):  # the first warms byte code, Qt's QML cache and the tile cache: not counted
            progress(f"app open: {'warming up (unmeasured)' if i == 0 else f'run {i}/{runs}'}")
            done = subprocess.run([sys.executable, "-m", "benchmarks.app_open", "--child", "--reopens",
                                   str(reopens), "--vendor", str(vendor)], env=env, capture_output=True, text=True,
                                  timeout=600)
            line = next((ln for ln in done.stdout.splitlines() if ln.startswith(RESULT_PREFIX)), None)
            if line is None:
                raise RuntimeError(f"app open: the shell printed no result (exit {done.returncode}):\n"
                                   + "\n".join(done.stderr.splitlines()[-20:]))
            if i == 0:
                continue
            for key, f in json.loads(line.removeprefix(RESULT_PREFIX)).items():
                bucket = per_app.setdefault(key, {"first": [], "again": [], "home": []})
                bucket["first"].append(f["first"])
                bucket["again"] += f["again"]
                bucket["home"] += f["home"]

    def summary(samples: list[float]) -> dict:
        return {"p50_ms": statistics.median(samples), "p95_ms": _p(samples, 0.95), "min_ms": min(samples),
                "max_ms": max(samples), "n": len(samples)}

    apps = {key: {kind: summary(samples) for kind, samples in figures.items()} for key, figures in per_app.items()}
    return {"apps": apps, "floor": FLOOR_ID, "target_ms": TARGET_MS,
            "conditions": {"runs": runs, "reopens": reopens, "window": f"{WIDTH}x{HEIGHT}", "qpa": "offscreen",
                           "cpus": os.cpu_count()}}


def verdicts(figures: dict) -> dict[str, bool]:
    return {f"{key}:{kind}": figures["apps"][key][kind]["p50_ms"] <= TARGET_MS
            for key in figures["apps"] if key != figures["floor"] for kind in ("first", "again", "home")}


def print_table(figures: dict) -> None:
    floor = figures["apps"][figures["floor"]]
    header = ("app", "first open p50", "later opens p50 / p95", "home p50", "first / floor", "again / floor",
              "target", "")
    ok = verdicts(figures)
    table = [header]
    for key, f in figures["apps"].items():
        is_floor = key == figures["floor"]
        passed = is_floor or all(ok[f"{key}:{kind}"] for kind in ("first", "again", "home"))
        table.append((
            "floor (a bare page)" if is_floor else key.removeprefix("org.headunit."),
            f"{f['first']['p50_ms']:.1f} ms", f"{f['again']['p50_ms']:.1f} / {f['again']['p95_ms']:.1f} ms",
            f"{f['home']['p50_ms']:.1f} ms",
            "" if is_floor else f"{f['first']['p50_ms'] / floor['first']['p50_ms']:.1f}×",
            "" if is_floor else f"{f['again']['p50_ms'] / floor['again']['p50_ms']:.1f}×",
            "" if is_floor else f"p50 ≤ {TARGET_MS:g} ms", "" if is_floor else "PASS" if passed else "FAIL"))
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print("Opening each first-party app: tap to its first frame, and home again")
    for r in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
    c = figures["conditions"]
    print(f"{c['runs']} shell processes (first opens: one a process), {c['reopens']} later opens a process; "
          f"{c['window']}, QPA {c['qpa']}, {c['cpus']} CPUs; home: the home button to home's first frame, "
          "every tap")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.app_open", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh shell processes (default 3)")
    parser.add_argument("--reopens", type=int, default=5, help="later opens of each app a process (default 5)")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of the table")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--vendor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(RESULT_PREFIX + json.dumps(child(args.reopens, args.vendor)), flush=True)
        sys.stderr.flush()
        os._exit(0)  # the figures are out; a plugin's worker finishing at exit is not measured
    figures = measure(args.runs, args.reopens, progress=lambda text: print(text, file=sys.stderr, flush=True))
    print(json.dumps(figures, indent=2) if args.json else "", end="")
    if not args.json:
        print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
