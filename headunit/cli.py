"""The `headunit` command: the same interface for drivers' devices, developers, plugin authors and tests."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from headunit import startup  # noqa: F401 - first, so start-up timing begins here
from headunit import __version__

DRIVES = ("parked", "idling", "moving")


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,4})x(\d{3,4})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720, got {text!r}")
    return int(match[1]), int(match[2])


def _position(text: str) -> tuple[float, float]:
    try:
        lat, lon = (float(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LAT,LON such as 43.7283,7.4165, got {text!r}") from None
    return lat, lon


def _destination(text: str) -> tuple[float, float, str]:
    parts = text.split(",", 2)
    lat, lon = _position(",".join(parts[:2]))
    return lat, lon, parts[2].strip() if len(parts) > 2 else ""


def _language(text: str) -> str:
    from headunit.i18n import normalize_language
    from headunit.shell.settings import LANGUAGES

    language = normalize_language(text)
    if language is None:
        raise argparse.ArgumentTypeError(f"expected one of {', '.join(LANGUAGES)}, got {text!r}")
    return language


def _source(text: str) -> str:
    """A vehicle source spec, checked now so a typo fails before the window opens (imports only with --source)."""
    from headunit.vehicle.cli import source_spec

    return source_spec(text)


#: Commands that open the shell: the car runs one at every start, so their command line is parsed without
#: importing the maps, music and sync commands' modules (13 ms before the first frame).
GUI_COMMANDS = ("emulator", "run")


def _parser(*, gui_only: bool = False) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="headunit", description="An open in-vehicle infotainment platform.")
    parser.add_argument("--version", action="version", version=f"headunit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    plugin_paths = argparse.ArgumentParser(add_help=False)
    plugin_paths.add_argument("--plugins-path", action="append", default=[], metavar="DIR",
                              help="another folder of plugins (repeatable; also HEADUNIT_PLUGINS_PATH)")

    gui = argparse.ArgumentParser(add_help=False, parents=[plugin_paths])
    gui.add_argument("--timings", action="store_true", help="print each start-up phase")
    gui.add_argument("--lang", type=_language, metavar="CODE",
                     help="the language for this run (en, en_US, de, zh_CN), leaving the saved setting as it is")
    gui.add_argument("--backend", metavar="URL",
                     help="the backend to sync with: a URL, 'embedded' (the emulator's default: its own, on a free "
                          "loopback port) or 'none' (also HEADUNIT_BACKEND)")
    gui.add_argument("--sandbox-all", action="store_true",
                     help="run the shell's own plugins sandboxed too, as every third-party plugin is")
    gui.add_argument("--source", action="append", type=_source, default=[], metavar="SPEC",
                     help="a vehicle source, e.g. gpsd:127.0.0.1:2947 or gpio:/dev/gpiochip0:17=parkingBrake "
                          "(repeatable; docs/vehicle-sources.md). run: instead of vehicle.toml's; emulator: "
                          "instead of the simulator, for what the source reads")

    emulator = sub.add_parser("emulator", parents=[gui], help="the shell beside a simulated car")
    emulator.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH",
                          help="screen preset: 800x480, 1024x600, 1280x720 (default) or 1920x720")
    emulator.add_argument("--screenshot", type=Path, metavar="FILE.png",
                          help="render the settled frame offscreen to FILE.png and exit")
    emulator.add_argument("--open", dest="open_app", metavar="PLUGIN_ID", help="open this app, or the shell's settings")
    emulator.add_argument("--drive", choices=DRIVES, default="parked", help="the car's state (default parked)")
    emulator.add_argument("--night", action="store_true", default=None, help="use the night palette")
    emulator.add_argument("--type", dest="type_text", metavar="TEXT",
                          help="type TEXT into the open app's first text field, as if tapped (keyboard shown)")
    emulator.add_argument("--at", type=_position, metavar="LAT,LON", help="put the simulated car here")
    emulator.add_argument("--route-to", type=_destination, metavar="LAT,LON[,NAME]",
                          help="guide the car there on the best route and drive it (the navigation app's guide-to)")
    emulator.add_argument("--tap", action="append", default=[], metavar="NAME",
                          help="after the app opens, tap the item with this objectName (repeatable, in order), "
                               "as a driver would: to put a sheet on screen for a screenshot")
    emulator.add_argument("--then-drive", choices=DRIVES, metavar="STATE",
                          help="after the taps, put the car in this state (parked, idling or moving), as a driver "
                               "setting off with a sheet open would")
    emulator.add_argument("--clock", metavar="HH:MM", help=argparse.SUPPRESS)  # the status bar's time in a screenshot
    emulator.add_argument("--unsandboxed", action="store_true",
                          help="where bubblewrap cannot run, run third-party plugins without a sandbox (a banner "
                               "says so); never on a car")
    emulator.add_argument("--dev", type=Path, metavar="DIR", help="run the plugin in DIR, reloading it as you edit it")

    run = sub.add_parser("run", parents=[gui], help="the in-car shell: full screen, no control panel")
    run.add_argument("--dpi", type=float, help="the screen's DPI when it reports a wrong size")

    plugins = sub.add_parser("plugins", help="list, check, enable, disable, install, update and remove plugins")
    psub = plugins.add_subparsers(dest="plugins_command", required=True, metavar="ACTION")
    listing = psub.add_parser("list", parents=[plugin_paths], help="every plugin found, with its status")
    listing.add_argument("--json", action="store_true", help="a JSON list of objects")
    check = psub.add_parser("check", help="validate a plugin folder; exit status 1 with the errors")
    check.add_argument("path", type=Path)
    check.add_argument("--strict", action="store_true",
                       help="also grade the plugin against the quality tiers (docs/plugin-quality.md)")
    for action in ("enable", "disable"):
        p = psub.add_parser(action, parents=[plugin_paths], help=f"{action} a plugin by id")
        p.add_argument("plugin_id")
    if gui_only:
        return parser
    from headunit.authoring.cli import add_commands as add_scaffold_commands
    from headunit.packages.cli import add_author_commands as add_package_commands
    from headunit.packages.cli import add_plugins_commands as add_install_commands

    add_install_commands(psub)
    # What a plugin author runs: each action's parser sets `handler`, the function that runs it.
    author = sub.add_parser("plugin", help="make a plugin: scaffold, pack and sign it")
    asub = author.add_subparsers(dest="plugin_command", required=True, metavar="ACTION")
    add_scaffold_commands(asub)
    add_package_commands(asub)
    from headunit.fitment.cli import add_commands as add_vehicle_commands
    from headunit.maps.cli import add_commands as add_map_commands
    from headunit.media.cli import add_commands as add_music_commands
    from headunit.sync.account import add_commands as add_account_commands
    from headunit.sync.cli import add_commands as add_sync_commands

    add_map_commands(sub)
    add_music_commands(sub)
    add_sync_commands(sub)
    add_account_commands(sub)
    add_vehicle_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(gui_only=bool(argv) and argv[0] in GUI_COMMANDS).parse_args(argv)
    if args.command in GUI_COMMANDS:
        from headunit.gui import Launch, launch

        return launch(Launch(
            mode=args.command, size=getattr(args, "size", (1280, 720)), dpi=getattr(args, "dpi", None),
            screenshot=getattr(args, "screenshot", None), open_app=getattr(args, "open_app", None),
            drive=getattr(args, "drive", None), night=getattr(args, "night", None), timings=args.timings,
            type_text=getattr(args, "type_text", None), at=getattr(args, "at", None),
            taps=tuple(getattr(args, "tap", ())),
            route_to=getattr(args, "route_to", None),
            then_drive=getattr(args, "then_drive", None), clock=getattr(args, "clock", None),
            plugin_paths=tuple(args.plugins_path), language=args.lang, backend=args.backend,
            sandbox_all=args.sandbox_all, unsandboxed=getattr(args, "unsandboxed", False),
            dev=getattr(args, "dev", None), sources=tuple(args.source),
        ))
    if getattr(args, "handler", None) is not None:
        return args.handler(args)
    if args.command == "sync":
        from headunit.sync.cli import run as run_sync

        return run_sync(args)
    if args.command == "account":
        from headunit.sync.account import run as run_account

        return run_account(args)
    if args.command == "music":
        from headunit.media.cli import run as run_music

        return run_music(args)
    if args.command == "vehicle":
        from headunit.fitment.cli import run as run_vehicle

        return run_vehicle(args)
    if args.command in ("maps", "nav"):
        from headunit.maps.cli import run as run_maps

        return run_maps(args)
    from headunit import plugin_commands

    return plugin_commands.run(args)


if __name__ == "__main__":
    sys.exit(main())
