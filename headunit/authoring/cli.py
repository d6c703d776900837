"""`headunit plugin new`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_commands(plugin_sub: argparse._SubParsersAction) -> None:
    """The scaffold command of `headunit plugin`."""
    new = plugin_sub.add_parser(
        "new", help="make a working plugin folder: manifest, page, tile, driving template, Python, translations, "
                    "tests and a README",
        description="Make the folder PARENT/ID holding a plugin that passes `headunit plugins check`: a page and a "
                    "tile from the shell's controls, a Python entry with a store and a driving template, German "
                    "and Chinese translations, tests using headunit.testing, and a README.")
    new.add_argument("plugin_id", metavar="ID", help="the plugin's reverse-DNS id, such as com.example.hello")
    new.add_argument("--dir", dest="parent", type=Path, default=Path("."), metavar="PARENT",
                     help="where to make the folder (default: the current folder)")
    new.add_argument("--name", help="the app's name on its tile (default: from the id's last part)")
    new.set_defaults(handler=run_new)


def run_new(args: argparse.Namespace) -> int:
    from headunit.authoring.scaffold import ScaffoldError, names_for, scaffold

    try:
        folder = scaffold(args.plugin_id, args.parent, args.name)
    except ScaffoldError as exc:
        print(f"headunit plugin new: {exc}", file=sys.stderr)
        return 1
    names = names_for(args.plugin_id, args.name)
    shown = folder if not folder.is_absolute() else _relative_if_below_cwd(folder)
    print(f"made {shown}/ ({names.name}): plugin.toml, qml/Main.qml, qml/Tile.qml, {names.module}/, "
          f"translations/, tests/, README.md")
    print("next:")
    print(f"  headunit emulator --dev {shown}    (run it: edits show at once)")
    print(f"  cd {shown} && pytest    (its tests)")
    print(f"  headunit plugins check --strict {shown}    (the checks and the quality tiers)")
    return 0


def _relative_if_below_cwd(folder: Path) -> Path:
    try:
        return folder.relative_to(Path.cwd())
    except ValueError:
        return folder
