"""`headunit vehicle sources` and `headunit vehicle watch`: the car's sources, alive or not, and their readings
as they arrive, from the command line (on the car, over SSH, while the shell runs or not)."""

from __future__ import annotations

import argparse
import json
import math
import sys
import time

#: How long `sources` gives each source to send a first reading before it reports.
DEFAULT_WAIT = 3.0


def source_spec(text: str) -> str:
    """argparse's type for a source spec: checked at once, so a typo fails with the field it got wrong."""
    from headunit.vehicle.sources.base import SpecError
    from headunit.vehicle.sources.registry import create

    try:
        create(text)
    except SpecError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text.strip()


def add_commands(actions: argparse._SubParsersAction) -> None:
    """Add `sources` and `watch` beside `headunit vehicle decode`."""
    chosen = argparse.ArgumentParser(add_help=False)
    chosen.add_argument("--source", action="append", type=source_spec, default=[], metavar="SPEC",
                        help="a source spec instead of vehicle.toml's (repeatable), e.g. gpsd:127.0.0.1:2947")
    chosen.add_argument("--json", action="store_true", help="JSON instead of text")

    sources = actions.add_parser(
        "sources", parents=[chosen], help="the configured vehicle sources, alive or not and why",
        description="Start each configured vehicle source (--source, else <config>/vehicle.toml, else "
                    "/etc/headunit/vehicle.toml) for up to --wait seconds and report which are alive. Exit status "
                    "0 when every one is, 1 otherwise (or when none is configured).")
    sources.add_argument("--wait", type=float, default=DEFAULT_WAIT, metavar="SECONDS",
                         help=f"how long to wait for first readings (default {DEFAULT_WAIT:g})")
    sources.set_defaults(handler=run_sources)

    watch = actions.add_parser(
        "watch", parents=[chosen], help="print vehicle readings as they arrive",
        description="Start the configured vehicle sources and print each reading as the shell receives it: "
                    "with --json one object a line, {reading, value, source, age}, and {source, alive, error} "
                    "when a source comes or goes. Exit status 1 if no reading arrived.")
    watch.add_argument("--seconds", type=float, metavar="N", help="stop after N seconds (default: at Ctrl+C)")
    watch.set_defaults(handler=run_watch)


def _start(args: argparse.Namespace):
    """(app, vehicle, sources, origin): the chosen sources started, feeding a VehicleState."""
    from PySide6.QtCore import QCoreApplication

    from headunit.vehicle.sources.config import configured
    from headunit.vehicle.sources.manager import VehicleSources
    from headunit.vehicle.state import VehicleState

    app = QCoreApplication.instance() or QCoreApplication([])
    chosen = configured(tuple(args.source))
    vehicle = VehicleState()
    sources = VehicleSources(vehicle, chosen.specs)
    sources.start()
    return app, vehicle, sources, chosen.origin


def _no_sources(args: argparse.Namespace) -> int:
    from headunit.vehicle.sources.config import config_files

    message = f"no vehicle sources configured: give --source SPEC or list them in {' or '.join(map(str, config_files()))}"
    print(json.dumps({"sources": [], "error": message}) if args.json else message)
    return 1


def run_sources(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from headunit.vehicle.sources.config import ConfigError

    try:
        app, _vehicle, sources, origin = _start(args)
    except ConfigError as exc:
        print(f"headunit vehicle sources: {exc}", file=sys.stderr)
        return 2
    if not sources.sources:
        return _no_sources(args)
    try:
        deadline = time.monotonic() + max(0.0, args.wait)
        loop = QEventLoop()
        while time.monotonic() < deadline and not all(s.alive for s in sources.sources):
            QTimer.singleShot(100, loop.quit)
            loop.exec()
        status = sources.status()
    finally:
        sources.stop()
    if args.json:
        print(json.dumps({"origin": origin, "sources": status}, indent=2))
    else:
        print(f"vehicle sources from {origin}:")
        for entry in status:
            state = "alive" if entry["alive"] else f"NOT ALIVE: {entry['error']}"
            print(f"  {entry['spec']}\n    {entry['description']}\n    {state}")
    return 0 if all(entry["alive"] for entry in status) else 1


def _format(name: str, value: object) -> str:
    if name == "speed":
        return f"{value:.1f} km/h"
    if name in ("latitude", "longitude"):
        return f"{value:.6f}"
    if name == "heading":
        return f"{value:.0f}°"
    if name == "ambientLight":
        return f"{value:.0f} lx"
    return str(value)


def run_watch(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer

    from headunit.vehicle.sources.config import ConfigError

    try:
        app, vehicle, sources, _origin = _start(args)
    except ConfigError as exc:
        print(f"headunit vehicle watch: {exc}", file=sys.stderr)
        return 2
    if not sources.sources:
        return _no_sources(args)
    failed = [entry for entry in sources.status() if entry["spec"] not in {s.spec for s in sources.running()}]
    for entry in failed:
        print(f"headunit vehicle watch: {entry['error']}", file=sys.stderr)
    if not sources.running():
        return 2
    started = time.monotonic()
    received = 0
    alive = {source.spec: False for source in sources.running()}  # printed as each comes, and if it goes
    # reading -> the spec of the source giving it (the first configured, as the status bar names it)
    origin_of = {name: source.spec for source in reversed(sources.running()) for name in source.provides}

    def emit(line: dict, text: str) -> None:
        try:
            print(json.dumps(line, ensure_ascii=False) if args.json else text, flush=True)
        except BrokenPipeError:  # `| head` has read enough
            app.quit()

    def on_update(names: list) -> None:
        nonlocal received
        received += 1
        for name in names:
            value, age = vehicle.value(name), vehicle.age(name)
            emit({"reading": name, "value": None if isinstance(value, float) and math.isnan(value) else value,
                  "source": origin_of.get(name, ""), "age": round(age, 3)},
                 f"{time.monotonic() - started:7.2f} s  {name:<12} {_format(name, value):>14}  "
                 f"({origin_of.get(name, '')}, {age * 1000:.0f} ms old)")

    def check_status() -> None:
        for entry in sources.status():
            if entry["spec"] not in alive:
                continue
            spec, now_alive = str(entry["spec"]), bool(entry["alive"])
            if alive.get(spec) != now_alive:
                alive[spec] = now_alive
                emit({"source": spec, "alive": now_alive, "error": entry["error"]},
                     f"{time.monotonic() - started:7.2f} s  {spec}: "
                     f"{'alive' if now_alive else 'not alive: ' + str(entry['error'])}")

    vehicle.updated.connect(on_update)
    status_timer = QTimer(interval=250)
    status_timer.timeout.connect(check_status)
    status_timer.start()
    check_status()
    if args.seconds is not None:
        QTimer.singleShot(round(args.seconds * 1000), app.quit)
    _quit_on_interrupt(app)
    try:
        app.exec()
    finally:
        sources.stop()
    return 0 if received else 1


def _quit_on_interrupt(app) -> None:
    import signal

    from PySide6.QtCore import QTimer

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.quit())
    ticker = QTimer(app)  # Python runs signal handlers only between bytecodes: let it, four times a second
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
