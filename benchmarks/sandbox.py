"""Opening a sandboxed app: from the tap to its first frame in the shell, and what each app's process costs.

    python -m benchmarks.sandbox [--runs N]

The floor, measured in the same run: the same plugin's process started without bubblewrap (the emulator's
--unsandboxed), so the ratio is what the sandbox itself costs. Each run opens the app with its process not
running (as after a restart), waits until the shell composites the process's first frame, reads the
process tree's resident memory, and ends the process. Target: the first frame within 500 ms on a 2-core
machine.

The plugin's process starts from byte code, as on a car (the Debian package's postinst writes it): the
package is byte-compiled in place first, where PYTHONDONTWRITEBYTECODE would leave every start compiling it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PLUGIN_ID = "org.example.bench"
TARGET_MS = 500.0


def _write_plugin(root: Path) -> None:
    folder = root / PLUGIN_ID
    (folder / "qml").mkdir(parents=True)
    (folder / "plugin.toml").write_text(
        'manifest = 1\nid = "org.example.bench"\nname = "Bench"\nversion = "1.0.0"\napi = 1\n'
        'category = "utility"\nicon = "mdi6.timer-outline"\ncapabilities = []\n\n[entry]\npage = "qml/Main.qml"\n')
    (folder / "qml" / "Main.qml").write_text(
        'import QtQuick\nimport HeadUnit\nimport HeadUnit.Controls\n'
        'Rectangle { color: Theme.surface; Label { anchors.centerIn: parent; text: "Bench" } }\n')


def measure(runs: int, sandboxed: bool, root: Path) -> tuple[list[float], list[int]]:
    from PySide6.QtQuick import QQuickItem, QQuickWindow  # noqa: F401 - types the root object as a window

    from headunit.runtime import Options, Runtime, ensure_app
    from headunit.sandbox import bwrap

    app = ensure_app(offscreen=True)
    if not sandboxed:
        bwrap.available.cache_clear()
    runtime = Runtime(Options(plugin_paths=(str(root),), drive="parked", unsandboxed=not sandboxed))
    if not sandboxed:
        bwrap.available = lambda: "measuring the floor"  # the same process, started without bubblewrap
    window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=1280, shellHeight=720)
    window.show()
    times, memory = [], []
    for _ in range(runs + 1):  # the first run warms the caches and is not counted
        runtime.apps.goHome()
        started = time.perf_counter()
        runtime.apps.openApp(PLUGIN_ID)
        while True:
            app.processEvents()
            item = next((i for i in window.findChildren(QQuickItem, "sandboxedApp") if i.isVisible()), None)
            if item is not None and item.property("settled"):
                break
            if time.perf_counter() - started > 20:
                raise SystemExit("the app did not show its first frame in 20 s")
            time.sleep(0.002)
        times.append((time.perf_counter() - started) * 1000)
        deadline = time.perf_counter() + 0.5
        while time.perf_counter() < deadline:
            app.processEvents()
        memory.append(runtime.sandbox.residentBytes(PLUGIN_ID))
        runtime.apps.goHome()
        runtime.sandbox.stop(PLUGIN_ID)  # asked to stop, as when the shell quits: not a crash
        while runtime.sandbox.residentBytes(PLUGIN_ID):
            app.processEvents()
            time.sleep(0.01)
    runtime.shutdown()
    return times[1:], memory[1:]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sandbox", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    import compileall

    from headunit import paths

    compileall.compile_dir(str(paths.PACKAGE_DIR), quiet=1)
    with tempfile.TemporaryDirectory(prefix="headunit-bench-") as home:
        os.environ["HEADUNIT_HOME"] = home
        root = Path(home) / "plugins-third-party"
        _write_plugin(root)
        times, memory = measure(args.runs, not args.floor, root)
    label = "unsandboxed (floor)" if args.floor else "sandboxed"
    print(f"{label}: tap to first frame median {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f}); process memory median "
          f"{statistics.median(memory) / 2**20:.0f} MB")
    if not args.floor:
        import subprocess

        floor = subprocess.run([sys.executable, "-m", "benchmarks.sandbox", "--floor", "--runs", str(args.runs)],
                               capture_output=True, text=True)
        print(floor.stdout.strip() or floor.stderr.strip()[-500:])
        ok = statistics.median(times) <= TARGET_MS
        print(f"target: first frame within {TARGET_MS:.0f} ms: {'PASS' if ok else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
