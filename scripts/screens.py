#!/usr/bin/env python3
"""`make screens`: every first-party screen of HeadUnit, rendered offscreen into docs/screens/, with an index.

    .venv/bin/python scripts/screens.py                 # the committed set: en at every size, de and zh_CN at 1280x720
    .venv/bin/python scripts/screens.py --all           # every size in every language (docs/screens/, not committed)
    .venv/bin/python scripts/screens.py --size 800x480 --lang de --only home,settings-display --out /tmp/shots

Each (size, language, day or night) is one shell process that opens every screen in turn, parked and then
moving, and saves one PNG per screen: `<out>/<lang>/<size>/<screen>-<day|night>-<parked|moving>.png`. At most
two processes run at once. The status bar's clock reads a fixed time and the car starts at the same place,
so two runs differ only where live data (the weather's age, a moving car) does.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screens"
SIZES = ("800x480", "1280x720", "1920x720")
LANGUAGES = ("en", "de", "zh_CN")
SHADES = ("day", "night")
DRIVES = ("parked", "moving")
#: What the committed gallery holds: en at every size; the other languages at one size (`--all` renders the rest).
COMMITTED = {"en": SIZES, "de": ("1280x720",), "zh_CN": ("1280x720",)}
#: The status bar's clock in every picture.
CLOCK = "10:08"
NAVIGATION = "org.headunit.navigation"
#: Where the guidance screens drive to: the casino, a few streets from the simulated car's start.
DESTINATION = ("Casino de Monte-Carlo", 43.73953, 7.42855)
SEARCH_TEXT = "Casino"
#: How long a screen is given to settle after it opens (animations are 250 ms; a map loads its tiles).
SETTLE_MS = 700
MAP_SETTLE_MS = 1600
FIRST_MAP_SETTLE_MS = 4000
#: How long the car drives the route before a guidance screen is taken while moving.
ROUTE_DRIVE_MS = 6000


# The screens: a name, a title for the index, and what a driver does to get there.

@dataclass(frozen=True)
class Screen:
    name: str
    title: str
    drives: tuple[str, ...] = DRIVES
    map: bool = False


def _source() -> Path:
    """The package whose shell is rendered: the one `headunit` is imported from (PYTHONPATH may point elsewhere)."""
    import headunit

    return Path(headunit.__file__).resolve().parent


def first_party_apps(root: Path | None = None) -> list[str]:
    root = root or _source()
    return sorted(p.name for p in (root / "plugins").iterdir() if (p / "plugin.toml").exists())


SETTINGS_PAGES = ("display", "units", "language", "apps", "about", "account", "vehicle")
TITLES = {"tripcomputer": "Trip computer", "store": "Accessory store", "appmall": "App mall"}


def screens(root: Path | None = None) -> list[Screen]:
    root = root or _source()
    found = [Screen("home", "Home")]
    for app in first_party_apps(root):
        short = app.rsplit(".", 1)[-1]
        found.append(Screen(short, TITLES.get(short, short.capitalize()), map=app == NAVIGATION))
        if app == NAVIGATION:
            found.append(Screen("navigation-search", "Navigation, search with the keyboard", drives=("parked",),
                                map=True))
            found.append(Screen("navigation-preview", "Navigation, routes to a place", map=True))
            found.append(Screen("navigation-guidance", "Navigation, guiding", map=True))
    found += [Screen(f"settings-{page}", f"Settings › {page.capitalize()}") for page in SETTINGS_PAGES]
    shell_qml = (root / "qml" / "HeadUnit" / "Shell" / "Shell.qml").read_text(encoding="utf-8")
    if '"allapps"' in shell_qml:
        found.append(Screen("allapps", "All apps"))
    found += [Screen("recents", "Recent apps"), Screen("notifications", "Notifications")]
    return found


def file_name(screen: str, shade: str, drive: str) -> str:
    return f"{screen}-{shade}-{drive}.png"


# One shell process: one size, one language, day or night.

def render(size: str, lang: str, shade: str, out: Path, only: set[str] | None = None) -> list[Path]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QTimer

    from headunit.gui import default_backend
    from headunit.runtime import Options, Runtime, ensure_app
    from headunit.shell.theme import SCREEN_PRESETS, dpi_for

    width, height = (int(n) for n in size.split("x"))
    app = ensure_app()
    runtime = Runtime(Options(dpi=dpi_for(width, height, SCREEN_PRESETS.get((width, height), 10.1)),
                              simulator=True, night=shade == "night", language=lang, drive="parked",
                              backend=default_backend("emulator")))
    window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=width, shellHeight=height)

    def pump(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(condition: Callable[[], bool], timeout_ms: int) -> bool:
        waited = 0
        while not condition() and waited < timeout_ms:
            pump(50)
            waited += 50
        return condition()

    def items(root=None):
        pending = list((root or window.contentItem()).childItems())
        while pending:
            item = pending.pop()
            yield item
            pending.extend(item.childItems())

    def find(name: str):
        return next((i for i in items() if i.objectName() == name), None)

    started = {"frame": False, "loaded": False}

    def first_frame() -> None:
        if not started["frame"]:
            started["frame"] = True
            runtime.host.load_all_in_idle()
            runtime.start_cloud()

    window.frameSwapped.connect(first_frame)
    runtime.host.idleLoadFinished.connect(lambda: started.update(loaded=True))
    window.show()
    wait_for(lambda: started["loaded"], 60_000)
    runtime.start_media()
    wait_for(lambda: not runtime.cloud.starting, 30_000)  # the status bar shows the backend link once it is up
    pump(SETTLE_MS)
    shell = find("shell")

    def reset() -> None:
        if runtime.simulator.property("routeDriving"):
            runtime.simulator.stopTrack()
            runtime.simulator.setPosition(*HOME_START)
            runtime.simulator.applyDrive("moving" if drive_now["moving"] else "parked")
        store = navigation_store()
        if store is not None and store.property("state") in ("preview", "guiding", "arrived"):
            store.stop()
        app.inputMethod().hide()
        for field in (i for i in items() if i.objectName() == "textEntryField"):
            field.setProperty("text", "")  # what the search screen typed
        shell.setProperty("overlay", "")
        runtime.apps.goHome()

    def navigation_store():
        record = runtime.host.record(NAVIGATION)
        return getattr(record.instance, "store", None) if record and record.instance else None

    def open_screen(screen: Screen) -> bool:
        name = screen.name
        if name == "home":
            return True
        if name.startswith("settings-"):
            runtime.apps.openSettings(name.removeprefix("settings-"))
            return True
        if name in ("recents", "notifications", "allapps"):
            if name == "recents":  # the apps a driver opened last, the latest first
                for app_id in ("org.headunit.weather", "org.headunit.music", NAVIGATION):
                    runtime.apps.openApp(app_id)
                    pump(SETTLE_MS // 2)
                runtime.apps.goHome()
            shell.setProperty("overlay", name)
            return True
        app_id = next((a for a in first_party_apps() if a.rsplit(".", 1)[-1] == name.split("-")[0]), None)
        if app_id is None or not runtime.apps.openApp(app_id):
            return False
        if name in ("navigation-preview", "navigation-guidance"):
            store = navigation_store()
            if store is None:
                return False
            store.previewTo(*DESTINATION)
            if not wait_for(lambda: store.property("canStart"), 10_000):
                return False
            if name == "navigation-guidance":
                store.start()
                if drive_now["moving"]:
                    # Moving: the car drives the route a few seconds, so the map turns with its heading.
                    pump(300)
                    runtime.simulator.driveRoute(runtime.navigation.property("routeShape"))
                    pump(ROUTE_DRIVE_MS)
        elif name == "navigation-search":
            pump(SETTLE_MS)
            field = next((f for f in items() if f.objectName() == "textEntryField" and f.isVisible()), None)
            if field is None:
                return False
            window.requestActivate()
            field.forceActiveFocus()
            field.setProperty("text", SEARCH_TEXT)
            app.inputMethod().show()
        return True

    wanted = [s for s in screens() if only is None or s.name in only]
    written: list[Path] = []
    folder = out / lang / size
    folder.mkdir(parents=True, exist_ok=True)
    drive_now = {"moving": False}
    maps_shown = False  # the first map waits longest: its tiles are drawn for the first time
    for drive in DRIVES:
        runtime.simulator.setPosition(*HOME_START)
        runtime.simulator.applyDrive(drive)
        drive_now["moving"] = drive == "moving"
        for screen in wanted:
            if drive not in screen.drives:
                continue
            reset()
            pump(300)
            if not open_screen(screen):
                print(f"screens: {lang} {size} {shade} {drive}: cannot show {screen.name}", file=sys.stderr)
                continue
            pump((FIRST_MAP_SETTLE_MS if screen.map and not maps_shown else MAP_SETTLE_MS) if screen.map
                 else SETTLE_MS)
            maps_shown |= screen.map
            clock = find("clock")
            if clock is not None:
                clock.setProperty("text", CLOCK)
            image = window.grabWindow()
            path = folder / file_name(screen.name, shade, drive)
            save_png(image, path)
            written.append(path)
    reset()
    app.quit()
    runtime.shutdown()
    return written


#: The simulated car's start, the same in every process (the emulator's default).
HOME_START = (43.73942, 7.42772)


def save_png(image, path: Path) -> None:
    """A small PNG: 256 colours (Pillow's quantizer, from the dev extra), compressed as far as PNG goes."""
    try:
        from PIL import Image
    except ImportError:
        image.save(str(path), "PNG", 0)
        return
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 100)  # fast; recompressed below
    import io

    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    picture.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(path, optimize=True)


# The index page.

def write_index(out: Path, sets: dict[str, tuple[str, ...]]) -> Path:
    lines = [
        "# Screens",
        "",
        "Every first-party screen of HeadUnit, rendered offscreen by `make screens` (`scripts/screens.py`): day and",
        "night, parked and moving. English at every screen preset; German and Chinese at 1280×720 (`make screens",
        "ARGS=--all` renders the other sizes of those too, which git ignores). The clock reads " + CLOCK + "; the",
        "weather and the map are the emulator's demo data and the Monaco region.",
        "",
        "The tests compare a few of these screens to the pictures in `tests/reference/`",
        "(`tests/ui/test_reference_images.py`); `make screens-reference` renders those again after an intended change.",
        "",
        "Before and after the work on the driver's view: [before-after.md](before-after.md).",
        "",
    ]
    for lang, sizes in sets.items():
        for size in sizes:
            folder = out / lang / size
            if not folder.exists():
                continue
            lines += [f"## {lang}, {size.replace('x', '×')}", "",
                      "| screen | day, parked | day, moving | night, parked | night, moving |",
                      "|---|---|---|---|---|"]
            for screen in screens():
                cells = []
                for shade in SHADES:
                    for drive in DRIVES:
                        name = file_name(screen.name, shade, drive)
                        cells.append(f"[<img src=\"{lang}/{size}/{name}\" width=\"240\">]({lang}/{size}/{name})"
                                     if (folder / name).exists() else "–")
                lines.append(f"| {screen.title} | " + " | ".join(cells) + " |")
            lines.append("")
    index = out / "README.md"
    index.write_text("\n".join(lines), encoding="utf-8")
    return index


# The harness: processes, at most two at once.

def _child(size: str, lang: str, shade: str, out: Path, only: set[str] | None, home: Path) -> tuple[str, int, str]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--size", size, "--lang", lang,
               "--shade", shade, "--out", str(out)]
    if only:
        command += ["--only", ",".join(sorted(only))]
    env = dict(os.environ, HEADUNIT_HOME=str(home / f"{lang}-{size}-{shade}"), QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    label = f"{lang} {size} {shade}: {time.monotonic() - started:.0f} s"
    return label, done.returncode, done.stderr


def _map_region(home: Path) -> None:
    """The demo region imported once, then linked into each process's home."""
    region = home / "shared" / "maps"
    if not (region / "monaco").exists():
        subprocess.run([sys.executable, "-m", "headunit", "maps", "import",
                        str(_source() / "assets" / "maps" / "monaco.osm.pbf"), "--name", "monaco"],
                       env=dict(os.environ, HEADUNIT_HOME=str(home / "shared")), check=True,
                       capture_output=True)


def _link_region(home: Path, target: Path) -> None:
    import shutil

    from headunit import paths

    source = home / "shared"
    os.environ["HEADUNIT_HOME"] = str(source)
    maps = paths.data_dir() / "maps"
    os.environ["HEADUNIT_HOME"] = str(target)
    destination = paths.data_dir() / "maps"
    if not destination.exists():
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(maps, destination, copy_function=os.link)


def render_all(sets: dict[str, tuple[str, ...]], out: Path, only: set[str] | None, jobs: int) -> int:
    failed = 0
    with tempfile.TemporaryDirectory(prefix="headunit-screens-") as tmp:
        home = Path(tmp)
        _map_region(home)
        tasks = [(size, lang, shade) for lang, sizes in sets.items() for size in sizes for shade in SHADES]
        for size, lang, shade in tasks:
            _link_region(home, home / f"{lang}-{size}-{shade}")
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for label, code, stderr in pool.map(lambda t: _child(*t, out, only, home), tasks):
                problems = [line for line in stderr.splitlines() if line.startswith("screens:")]
                print(f"{label}{'' if code == 0 else f', exit status {code}'}", flush=True)
                for line in problems:
                    print("  " + line, flush=True)
                if code != 0:
                    failed += 1
                    print("\n".join(stderr.splitlines()[-15:]), file=sys.stderr)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="every size in every language")
    parser.add_argument("--size", choices=SIZES, action="append", help="only this size (repeatable)")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="only this language (repeatable)")
    parser.add_argument("--only", help="only these screens, by name, comma separated")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default docs/screens)")
    parser.add_argument("--jobs", type=int, default=2, help="shell processes at once (default 2)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--shade", choices=SHADES, help=argparse.SUPPRESS)
    parser.add_argument("--list", action="store_true", help="print the screens' names and exit")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    if args.list:
        print("\n".join(s.name for s in screens()))
        return 0
    if args.child:
        render(args.size[0], args.lang[0], args.shade, args.out, only)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)  # the pictures are written and the shell is shut down: no need for the interpreter's teardown
    if args.all or args.size or args.lang:
        sets = {lang: tuple(args.size or SIZES) for lang in (args.lang or LANGUAGES)}
    else:
        sets = dict(COMMITTED)
    started = time.monotonic()
    failed = render_all(sets, args.out, only, max(1, args.jobs))
    if args.out == OUT and only is None:
        print(f"index: {write_index(args.out, sets if not args.all else dict(COMMITTED)).relative_to(ROOT)}")
    print(f"{time.monotonic() - started:.0f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
