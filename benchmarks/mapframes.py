"""The moving map: frame times while a QtLocation Map pans over Monaco at zoom 16, fed by our tile server.

    python -m benchmarks.mapframes [--frames N] [--rounds N] [--json]

A 1280x720 window holds a QtLocation `Map` (osm plugin, custom host = our `TileServer`) at zoom 16 over
Monaco. The server's disk cache is filled first (every tile the pan will need, drawn by `TileRenderer`,
which also gives the tile drawing times per zoom). Then the map pans a few pixels every frame, driven by
the window's own `frameSwapped`, so each frame starts as soon as the last one is on screen:

- map, first pass: Qt fetches each tile over loopback from the warm server cache, decodes and uploads it
  while panning (what a driver sees entering a street for the first time in a session);
- map, second pass: the same pan again, every tile already in Qt's memory and texture caches, in
  rounds alternating with the floor and the bare window below.

Floor, same window size, same run: the same tiles as plain `Image` items (smooth: false) in one `Item`
moved by the same pixels each frame. It does the map's visual work (a window of 256 px textured tiles,
moving) with nothing of QtLocation, so the ratio is the Map's own overhead. A bare window with one panned
`Rectangle` is reported beside it: what presenting a 1280x720 frame costs here at all. It is not the floor,
because it draws no textures, and with a software GPU texturing the window is most of a map frame's cost;
the warm-versus-cold comparison is not a floor either, since both sides are the map.

Frame time is the interval between consecutive `frameSwapped` signals (the full cost of a frame: GUI
thread, sync, render and present; nothing throttles it, see below). Also reported: the render thread's
share, `beforeSynchronizing` to `frameSwapped`.

The offscreen platform renders Qt Quick with the software (QPainter) backend, a different renderer from
the GPU path a car uses, so the frames are measured in a child process under Xvfb (`xvfb-run`), where
Qt Quick renders through OpenGL (Mesa llvmpipe here). Xvfb has no vblank, so Qt finds vsync "broken" and
frames are not throttled to 60 Hz: the intervals are the cost per frame.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import run_frames_child

#: Targets: a frame in at most 16 ms at the median (60 fps), a tile drawn well within 45 ms.
FRAME_P50_MS = 16.0
TILE_P50_MS = 45.0

WIDTH, HEIGHT = 1280, 720
ZOOM = 16
START = (43.7360, 7.4180)  # west of Port Hercule; the pan runs east-south-east across the harbour
STEP = (4, 1)  # pixels per frame
MONACO = Path(__file__).resolve().parent.parent / "headunit" / "assets" / "maps" / "monaco.osm.pbf"
RESULT_PREFIX = "MAPFRAMES "

MAP_QML = """
import QtQuick
import QtLocation
import QtPositioning

Window {
    id: window
    required property string tileHost
    required property string qtCache
    width: %(width)d
    height: %(height)d
    visible: true
    color: "#F2F4F7"

    function step(dx, dy) { map.pan(dx, dy) }
    function reset() { map.center = QtPositioning.coordinate(%(lat)f, %(lon)f) }

    Map {
        id: map
        anchors.fill: parent
        copyrightsVisible: false
        plugin: Plugin {
            name: "osm"
            PluginParameter { name: "osm.mapping.custom.host"; value: window.tileHost }
            PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
            PluginParameter { name: "osm.mapping.cache.directory"; value: window.qtCache }
        }
        activeMapType: supportedMapTypes[supportedMapTypes.length - 1]
        center: QtPositioning.coordinate(%(lat)f, %(lon)f)
        zoomLevel: %(zoom)d
    }
}
"""

FLOOR_QML = """
import QtQuick

Window {
    id: window
    required property var tiles  // [[file url, x, y], ...] relative to the window's starting view
    width: %(width)d
    height: %(height)d
    visible: true
    color: "#F2F4F7"

    function step(dx, dy) { plane.x -= dx; plane.y -= dy }
    function reset() { plane.x = 0; plane.y = 0 }

    Item {
        id: plane
        Repeater {
            model: window.tiles
            Image { source: modelData[0]; x: modelData[1]; y: modelData[2]; width: 256; height: 256; smooth: false }
        }
    }
}
"""


BARE_QML = """
import QtQuick

Window {
    width: %(width)d
    height: %(height)d
    visible: true
    color: "#F2F4F7"

    function step(dx, dy) { square.x -= dx; square.y -= dy }
    function reset() { square.x = 600; square.y = 300 }

    Rectangle { id: square; x: 600; y: 300; width: 256; height: 256; color: "#0A5FC2" }
}
"""


def _p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _summary(samples_s: list[float]) -> dict:
    ms = [s * 1000 for s in samples_s]
    return {"p50_ms": statistics.median(ms), "p95_ms": _p(ms, 0.95), "max_ms": max(ms), "frames": len(ms)}


# --- the child: runs under Xvfb ----------------------------------------------------------------------


def _tiles_for_pan(frames: int) -> list[tuple[int, int, int]]:
    """Every zoom-16 tile the window shows along the pan, with a tile of margin."""
    from headunit.maps.renderdata import project

    x, y = project(START[1], START[0])
    cx, cy = x * 256 * 2**ZOOM, y * 256 * 2**ZOOM
    left, top = cx - WIDTH / 2 - 256, cy - HEIGHT / 2 - 256
    right = cx + WIDTH / 2 + STEP[0] * frames + 256
    bottom = cy + HEIGHT / 2 + STEP[1] * frames + 256
    return [(ZOOM, tx, ty) for tx in range(int(left // 256), int(right // 256) + 1)
            for ty in range(int(top // 256), int(bottom // 256) + 1)]


def _tile_times(renderer, zooms=(14, 16, 17), per_zoom: int = 60) -> dict:
    """Drawing time (PNG encoding included) of the tiles nearest Monaco's centre that show the region."""
    from headunit.maps.renderdata import project

    x, y = project(7.4230, 43.7370)
    figures = {}
    for z in zooms:
        n = 2**z
        cx, cy = int(x * n), int(y * n)
        square = [(z, cx + dx, cy + dy) for dx in range(-12, 13) for dy in range(-12, 13)]
        square.sort(key=lambda t: (t[1] - cx) ** 2 + (t[2] - cy) ** 2)
        chosen = [t for t in square if renderer.covers(*t)][:per_zoom]
        renderer.render(*chosen[0])  # the first tile of a renderer opens its database and fonts
        times = []
        for tile in chosen:
            t = time.perf_counter()
            renderer.render(*tile)
            times.append(time.perf_counter() - t)
        figures[str(z)] = _summary(times) | {"tiles": len(times)}
    return figures


def _floor_tiles(server, region: str, tiles: list[tuple[int, int, int]]) -> list[list]:
    """The pan's tiles as (file URL, x, y) in window pixels at the start, for the floor's Images."""
    from PySide6.QtCore import QUrl

    from headunit.maps.renderdata import project

    x, y = project(START[1], START[0])
    left, top = x * 256 * 2**ZOOM - WIDTH / 2, y * 256 * 2**ZOOM - HEIGHT / 2
    placed = []
    for z, tx, ty in tiles:
        path = server.tile_path(server.library.get(region), "day", z, tx, ty)
        placed.append([QUrl.fromLocalFile(str(path)).toString(), round(tx * 256 - left), round(ty * 256 - top)])
    return placed


class _FrameDriver:
    """Pans a window one step per presented frame and records when frames start and finish."""

    def __init__(self, app, window) -> None:
        from PySide6.QtCore import Qt

        self.app, self.window = app, window
        self.swaps: list[float] = []
        self.render_starts: list[float] = []
        self.render_costs: list[float] = []
        self.frames = 0
        self.target = 0
        window.beforeSynchronizing.connect(self._render_start, Qt.ConnectionType.DirectConnection)
        window.frameSwapped.connect(self._render_end, Qt.ConnectionType.DirectConnection)
        window.frameSwapped.connect(self._next, Qt.ConnectionType.QueuedConnection)

    def _render_start(self) -> None:
        self.render_starts.append(time.perf_counter())

    def _render_end(self) -> None:
        now = time.perf_counter()
        if self.target and self.render_starts:
            self.render_costs.append(now - self.render_starts[-1])
        self.swaps.append(now)

    def _next(self) -> None:
        if not self.target:
            return
        self.frames += 1
        if self.frames > self.target:
            self.target = 0
            return
        self._invoke("step", STEP[0], STEP[1])

    def _invoke(self, name: str, *args: int) -> None:
        from PySide6.QtCore import Q_ARG, QMetaObject

        QMetaObject.invokeMethod(self.window, name, *(Q_ARG("QVariant", a) for a in args))

    def run(self, frames: int, settle) -> tuple[list[float], list[float]]:
        """Reset, let the window settle, pan `frames` frames; frame intervals and render-thread costs."""
        self._invoke("reset")
        settle()
        self.swaps.clear()
        self.render_costs.clear()
        self.frames, self.target = 0, frames
        first = len(self.swaps)
        self._invoke("step", STEP[0], STEP[1])
        deadline = time.monotonic() + 120
        while self.target and time.monotonic() < deadline:
            self.app.processEvents()
        if self.target:
            raise RuntimeError(f"only {self.frames} of {frames} frames were drawn in 120 s")
        swaps = self.swaps[first:]
        return [b - a for a, b in zip(swaps, swaps[1:])], self.render_costs[1:]


def _settle(app, server=None, quiet_s: float = 0.6, limit_s: float = 20.0):
    """Wait until the window shows a still picture (and, with a server, no tile was asked for a while)."""

    def wait() -> None:
        start = time.monotonic()
        last = (server.stats["requests"] if server else 0, time.monotonic())
        while time.monotonic() - start < limit_s:
            app.processEvents()
            time.sleep(0.005)
            seen = server.stats["requests"] if server else 0
            if seen != last[0]:
                last = (seen, time.monotonic())
            elif time.monotonic() - last[1] > quiet_s:
                return

    return wait


def child(frames: int, rounds: int) -> dict:
    """The measurement itself; needs a display (Xvfb) for GPU-path frame times."""
    import PySide6.QtQuick  # noqa: F401  (types QML windows as QQuickWindow)
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlComponent, QQmlEngine

    from headunit.maps import renderdata
    from headunit.maps.regions import MapLibrary, Region, write_region_file
    from headunit.maps.tiles import TileRenderer
    from headunit.maps.tileserver import TileServer

    app = QGuiApplication.instance() or QGuiApplication([])
    figures: dict = {"conditions": {"qpa": QGuiApplication.platformName(), "window": f"{WIDTH}x{HEIGHT}",
                                    "zoom": ZOOM, "step_px": list(STEP), "frames": frames}}
    with tempfile.TemporaryDirectory(prefix="headunit-mapframes-") as tmp:
        root = Path(tmp)
        folder = root / "maps" / "monaco"
        folder.mkdir(parents=True)
        t = time.perf_counter()
        counts = renderdata.build(MONACO, folder / "render.db")
        figures["build"] = {"seconds": time.perf_counter() - t, "counts": counts,
                            "bytes": (folder / "render.db").stat().st_size}
        write_region_file(folder, Region(name="monaco", path=folder, bbox=(43.71, 7.349, 43.77, 7.491),
                                         center=START, sha256="0" * 64, imported="", source=MONACO.name))
        figures["tiles"] = _tile_times(TileRenderer(folder / "render.db", "day"))

        server = TileServer(MapLibrary(root / "maps"), root / "cache")
        server.start()
        try:
            pan_tiles = _tiles_for_pan(frames)
            for tile in pan_tiles:  # the server's disk cache, warm before the map asks
                server.tile("monaco", "day", *tile)
            figures["conditions"]["tiles_prerendered"] = len(pan_tiles)
            floor_tiles = _floor_tiles(server, "monaco", pan_tiles)

            engine = QQmlEngine()
            components = []  # a window lives as long as its component

            def open_window(name: str, qml: str, props: dict):
                component = QQmlComponent(engine)
                components.append(component)
                component.setData((qml % {"width": WIDTH, "height": HEIGHT, "lat": START[0], "lon": START[1],
                                          "zoom": ZOOM}).encode(), QUrl(f"{name}.qml"))
                window = component.createWithInitialProperties(props)
                if window is None:
                    raise RuntimeError(component.errorString())
                return window, _FrameDriver(app, window)

            map_window, map_driver = open_window("map", MAP_QML, {
                "tileHost": server.url("monaco", "day"), "qtCache": str(server.qt_cache_dir("monaco", "day"))})
            _settle(app, server)()
            before = server.stats["requests"]
            first = map_driver.run(frames, _settle(app, server))
            first_requests = server.stats["requests"] - before
            map_window.hide()
            floor_window, floor_driver = open_window("floor", FLOOR_QML, {"tiles": floor_tiles})
            floor_window.hide()
            bare_window, bare_driver = open_window("bare", BARE_QML, {})
            bare_window.hide()
            # Floor, bare window and warm map alternate, so load from anything else on the machine hits
            # them alike.
            floor_runs, bare_runs, warm_runs = [], [], []
            before = server.stats["requests"]
            for _ in range(rounds):
                for window, driver, runs, srv in ((floor_window, floor_driver, floor_runs, None),
                                                  (bare_window, bare_driver, bare_runs, None),
                                                  (map_window, map_driver, warm_runs, server)):
                    window.show()
                    runs.append(driver.run(frames, _settle(app, srv)))
                    window.hide()
            warm_requests = server.stats["requests"] - before
            for window in (floor_window, bare_window, map_window):
                window.close()
                window.deleteLater()
            app.processEvents()

            def pooled(runs: list[tuple[list[float], list[float]]]) -> dict:
                return {"frame": _summary([v for r in runs for v in r[0]]),
                        "render_thread": _summary([v for r in runs for v in r[1]]),
                        "round_p50_ms": [statistics.median(r[0]) * 1000 for r in runs]}

            figures["conditions"]["rounds"] = rounds
            figures["frames"] = {
                "floor": pooled(floor_runs),
                "bare_window": pooled(bare_runs),
                "map_first_pass": pooled([first]) | {"tile_requests": first_requests},
                "map_second_pass": pooled(warm_runs) | {"tile_requests": warm_requests},
            }
            figures["server"] = dict(server.stats)
        finally:
            server.stop()
    return figures


# --- the harness -------------------------------------------------------------------------------------


def measure(frames: int = 300, rounds: int = 3, progress=print) -> dict:
    """Every figure, as a dict: build, tile drawing per zoom, frames (floor, map first and second pass)."""
    return run_frames_child("benchmarks.mapframes", ["--frames", str(frames), "--rounds", str(rounds)],
                            (WIDTH, HEIGHT), f"map frames: {frames} frames of panning at zoom {ZOOM}",
                            RESULT_PREFIX, progress)


def verdicts(figures: dict) -> dict[str, bool]:
    runs = figures["frames"]
    return {
        "frame_first_pass": runs["map_first_pass"]["frame"]["p50_ms"] <= FRAME_P50_MS,
        "frame_second_pass": runs["map_second_pass"]["frame"]["p50_ms"] <= FRAME_P50_MS,
        "tile": all(t["p50_ms"] <= TILE_P50_MS for t in figures["tiles"].values()),
    }


def rows(figures: dict) -> list[tuple[str, str, str, str, str, bool | None]]:
    """(figure, floor, HeadUnit, ratio, target, pass) for a results table; pass is None without a target."""
    runs = figures["frames"]
    floor = runs["floor"]["frame"]
    ok = verdicts(figures)
    out = []
    for key, label in (("map_first_pass", "pan frame, tiles loading (p50 / p95)"),
                       ("map_second_pass", "pan frame, tiles cached (p50 / p95)")):
        f = runs[key]["frame"]
        out.append((label, f"{floor['p50_ms']:.1f} / {floor['p95_ms']:.1f} ms",
                    f"{f['p50_ms']:.1f} / {f['p95_ms']:.1f} ms", f"{f['p50_ms'] / floor['p50_ms']:.2f}×",
                    f"p50 ≤ {FRAME_P50_MS:g} ms", ok["frame_" + key.removeprefix("map_")]))
    for z, t in figures["tiles"].items():
        out.append((f"tile drawn, zoom {z} (p50 / p95)", "", f"{t['p50_ms']:.1f} / {t['p95_ms']:.1f} ms", "",
                    f"p50 ≤ {TILE_P50_MS:g} ms", t["p50_ms"] <= TILE_P50_MS))
    b = figures["build"]
    out.append(("drawing data built (Monaco)", "", f"{b['seconds']:.2f} s, {b['bytes'] / 1e6:.1f} MB", "",
                "(none)", None))
    return out


def print_table(figures: dict) -> None:
    header = ("", "floor", "HeadUnit", "ratio", "target", "")
    table = [header] + [(a, b, c, d, e, "" if ok is None else "PASS" if ok else "FAIL")
                        for a, b, c, d, e, ok in rows(figures)]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print("The moving map against the floor (the same tiles as plain Images, panned the same way)")
    for r in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
    c = figures["conditions"]
    runs = figures["frames"]
    print(f"frame: interval between frameSwapped signals while panning {c['step_px'][0]},{c['step_px'][1]} px a "
          f"frame, {c['frames']} frames a run at zoom {c['zoom']}, {c['window']}, QPA {c['qpa']}; floor and "
          f"cached map: {c['rounds']} alternating runs each, pooled (run p50s: floor "
          f"{_list(runs['floor']['round_p50_ms'])}, map {_list(runs['map_second_pass']['round_p50_ms'])} ms); "
          f"bare window (one Rectangle panned) p50 {runs['bare_window']['frame']['p50_ms']:.1f} ms; "
          f"render thread (beforeSynchronizing to frameSwapped) p50: floor "
          f"{runs['floor']['render_thread']['p50_ms']:.1f} ms, map "
          f"{runs['map_first_pass']['render_thread']['p50_ms']:.1f} / "
          f"{runs['map_second_pass']['render_thread']['p50_ms']:.1f} ms; tiles fetched while panning: "
          f"{runs['map_first_pass']['tile_requests']} / {runs['map_second_pass']['tile_requests']}")


def _list(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.mapframes", description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300, help="frames of panning (default 300)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternating rounds of floor and map with warm caches (default 3)")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of the table")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(RESULT_PREFIX + json.dumps(child(args.frames, args.rounds)), flush=True)
        sys.stderr.flush()
        # Tearing down QtLocation's plugin and network threads at exit can hang; the figures are out.
        os._exit(0)
    figures = measure(args.frames, args.rounds, progress=lambda text: print(text, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
