"""Dev mode's hot reload (`headunit emulator --dev DIR`): from a file written to the edit on screen.

    python -m benchmarks.hot_reload [--edits N] [--unsandboxed] [--json]

A shell process runs offscreen at 1280x720, parked, with a small plugin under development open (its page: an
upper half coloured by its QML, a lower half coloured by a property of its Python object). Then, in turn, its QML
is saved with another colour (the page is made again in the plugin's process, its Python kept) and its Python is
saved with another colour (the plugin's process restarted). Each figure runs from the save (a new file renamed
over the old, as editors save) to the first grab of the shell's window that shows the new colour in the app's
area; the window is grabbed every 10 ms, which is also the figures' resolution. The plugin runs in bubblewrap
as an installed one would (`--unsandboxed` where bubblewrap cannot run).

Target: a QML edit on screen within 1 s (p95). A Python edit's figure is reported: it is the restart of the
plugin's process (interpreter, PySide, the plugin's start and its first frame).
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

TARGET_QML_MS = 1000.0
RESULT_PREFIX = "HOTRELOAD "
WIDTH, HEIGHT = 1280, 720
PLUGIN_ID = "org.example.hotreload"
QML_COLOURS = ("#1040c0", "#20a040", "#c02040", "#808000")
PY_COLOURS = ("#e07010", "#8020a0", "#008080", "#406020")

MANIFEST = f"""manifest = 1
id = "{PLUGIN_ID}"
name = "Hot reload"
version = "0.1.0"
api = 1
category = "utility"
icon = "mdi6.fire"
capabilities = []

[entry]
page = "qml/Main.qml"
python = "main:Main"
"""
PAGE = """import QtQuick

Item {
    required property QtObject look
    Rectangle { width: parent.width; height: parent.height / 2; color: "%s" }
    Rectangle { y: parent.height / 2; width: parent.width; height: parent.height / 2; color: look.color }
}
"""
MAIN = """from PySide6.QtCore import Property, QObject

from headunit.sdk import Plugin


class Look(QObject):
    @Property(str, constant=True)
    def color(self):
        return "%s"


class Main(Plugin):
    def start(self, ctx):
        ctx.expose("look", Look())
"""


def _save(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text)
    temp.replace(path)


def child(folder: Path, edits: int, unsandboxed: bool) -> dict:
    """One shell process: {"qml": [ms], "python": [ms]}."""
    from PySide6.QtCore import QEventLoop, QPointF, QTimer
    from PySide6.QtGui import QColor
    from PySide6.QtQuick import QQuickItem, QQuickWindow  # noqa: F401 - types the root object as a window

    from headunit import devmode
    from headunit.runtime import Options, Runtime, ensure_app
    from headunit.shell.theme import SCREEN_PRESETS, dpi_for

    ensure_app(offscreen=True)
    runtime = Runtime(Options(dpi=dpi_for(WIDTH, HEIGHT, SCREEN_PRESETS[(WIDTH, HEIGHT)]), drive="parked",
                              plugin_paths=(str(folder),), backend="none", unsandboxed=unsandboxed))
    window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=WIDTH, shellHeight=HEIGHT)
    loaded = []
    runtime.host.idleLoadFinished.connect(lambda: loaded.append(True))
    window.show()
    runtime.host.load_all_in_idle()
    reloader = devmode.start(runtime, window, folder)

    def pump(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def colour_at(half: str) -> QColor | None:
        page = next((i for i in window.findChildren(QQuickItem, "sandboxedApp") if i.isVisible()), None)
        if page is None:
            return None
        point = page.mapToScene(QPointF(page.width() * 0.1, page.height() * (0.1 if half == "top" else 0.9)))
        return window.grabWindow().pixelColor(round(point.x()), round(point.y()))

    def until_shown(half: str, wanted: str, limit_s: float = 20.0) -> float:
        started, want = time.perf_counter(), QColor(wanted)
        while time.perf_counter() - started < limit_s:
            seen = colour_at(half)
            if seen is not None and sum(abs(a - b) for a, b in zip(seen.getRgb()[:3], want.getRgb()[:3])) < 24:
                return (time.perf_counter() - started) * 1000
            pump(10)
        raise SystemExit(f"the {half} half never showed {wanted} in {limit_s:.0f} s")

    while not loaded:
        pump(20)
    if not runtime.apps.openApp(PLUGIN_ID):
        raise SystemExit(f"{PLUGIN_ID} did not open: {runtime.host.record(PLUGIN_ID).reason}")
    until_shown("top", QML_COLOURS[0])
    pump(500)
    figures: dict[str, list[float]] = {"qml": [], "python": []}
    for i in range(1, edits + 1):
        qml, py = QML_COLOURS[i % len(QML_COLOURS)], PY_COLOURS[i % len(PY_COLOURS)]
        _save(folder / "qml" / "Main.qml", PAGE % qml)
        figures["qml"].append(until_shown("top", qml))
        pump(300)
        _save(folder / "main.py", MAIN % py)
        figures["python"].append(until_shown("bottom", py))
        pump(700)  # the process's first frames settle, and the watcher's quiet time passes
    reloader.close()
    runtime.shutdown()
    return figures


def _p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(edits: int = 5, unsandboxed: bool | None = None, progress=print) -> dict:
    from headunit.sandbox import bwrap

    if unsandboxed is None:
        unsandboxed = bwrap.available() is not None
    with tempfile.TemporaryDirectory(prefix="headunit-bench-") as home:
        folder = Path(home) / "dev" / PLUGIN_ID
        (folder / "qml").mkdir(parents=True)
        (folder / "plugin.toml").write_text(MANIFEST)
        (folder / "qml" / "Main.qml").write_text(PAGE % QML_COLOURS[0])
        (folder / "main.py").write_text(MAIN % PY_COLOURS[0])
        env = dict(os.environ, HEADUNIT_HOME=str(Path(home) / "home"), QT_QPA_PLATFORM="offscreen")
        progress(f"hot reload: {edits} QML and {edits} Python edits"
                 f"{' (unsandboxed)' if unsandboxed else ' (in bubblewrap)'}")
        done = subprocess.run([sys.executable, "-m", "benchmarks.hot_reload", "--child", str(folder), "--edits",
                               str(edits), *(["--unsandboxed"] if unsandboxed else [])],
                              env=env, capture_output=True, text=True, timeout=600)
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith(RESULT_PREFIX)), None)
        if line is None:
            raise RuntimeError(f"hot reload: the shell printed no result (exit {done.returncode}):\n"
                               + "\n".join(done.stderr.splitlines()[-20:]))
    samples = json.loads(line.removeprefix(RESULT_PREFIX))

    def summary(values: list[float]) -> dict:
        return {"p50_ms": statistics.median(values), "p95_ms": _p(values, 0.95), "min_ms": min(values),
                "max_ms": max(values), "n": len(values), "samples_ms": values}

    return {"qml": summary(samples["qml"]), "python": summary(samples["python"]), "target_qml_ms": TARGET_QML_MS,
            "conditions": {"edits": edits, "sandbox": "none" if unsandboxed else "bubblewrap",
                           "window": f"{WIDTH}x{HEIGHT}", "qpa": "offscreen", "cpus": os.cpu_count()}}


def passed(figures: dict) -> bool:
    return figures["qml"]["p95_ms"] <= figures["target_qml_ms"]


def print_table(figures: dict) -> None:
    rows = [("edit", "p50", "p95", "min", "max", "target", "")]
    q, p = figures["qml"], figures["python"]
    rows.append(("QML (page made again)", f"{q['p50_ms']:.0f} ms", f"{q['p95_ms']:.0f} ms", f"{q['min_ms']:.0f} ms",
                 f"{q['max_ms']:.0f} ms", f"≤ {figures['target_qml_ms']:.0f} ms", "PASS" if passed(figures) else "FAIL"))
    rows.append(("Python (process restarted)", f"{p['p50_ms']:.0f} ms", f"{p['p95_ms']:.0f} ms",
                 f"{p['min_ms']:.0f} ms", f"{p['max_ms']:.0f} ms", "reported", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    c = figures["conditions"]
    print(f"\n{c['edits']} edits of each, sandbox: {c['sandbox']}, {c['window']} {c['qpa']}, {c['cpus']} CPUs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hot_reload", description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5, metavar="N", help="QML and Python edits each (default 5)")
    parser.add_argument("--unsandboxed", action="store_true", default=None,
                        help="run the plugin without bubblewrap (the default only where bubblewrap cannot run)")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of the table")
    parser.add_argument("--check", action="store_true", help="exit status 1 when the QML target is missed")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(RESULT_PREFIX + json.dumps(child(args.child, args.edits, bool(args.unsandboxed))), flush=True)
        return 0
    try:
        figures = measure(args.edits, args.unsandboxed, progress=lambda text: print(text, file=sys.stderr,
                                                                                      flush=True))
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_table(figures)
    return 1 if args.check and not passed(figures) else 0


if __name__ == "__main__":
    sys.exit(main())
