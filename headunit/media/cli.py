"""`headunit music …`: scan the music library and search it from a shell, on the library the shell uses.

`add_commands(subparsers)` adds the command to a parent parser; `run(args)` runs what was parsed and returns
the exit status: 0 when the scan ran (files that could not be read are reported, not failures), 1 with one
line on stderr when a folder named does not exist. Nothing heavy is imported until a command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    music = subparsers.add_parser("music", help="the music library: scan folders and sticks, search")
    actions = music.add_subparsers(dest="music_command", required=True, metavar="ACTION")
    scan = actions.add_parser(
        "scan", help="bring the library up to date (new, changed and removed files)",
        description="Without PATH: the music folder, the USB sticks and the folders in the setting "
                    "musicFolders, as the shell scans them. Unchanged files are not read again.")
    scan.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                      help="a folder to scan instead (once: the setting musicFolders keeps a folder in the library)")
    scan.add_argument("--json", action="store_true", help="print the report as one JSON object")
    scan.set_defaults(music_handler=_scan)
    search = actions.add_parser("search", help="tracks, artists and albums by name (accents and case ignored)")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N of each (default 20)")
    search.add_argument("--json", action="store_true", help="print the results as one JSON object")
    search.set_defaults(music_handler=_search)


def run(args: argparse.Namespace) -> int:
    return args.music_handler(args)


def _library():
    from headunit import paths
    from headunit.media.library import Library

    folder = paths.data_dir() / "music"
    return Library(folder / "library.db", folder / "covers")


def _default_roots() -> list[tuple[Path, str]]:
    from headunit import paths
    from headunit.media.scanner import default_roots

    return default_roots(paths.music_dir(), paths.media_mounts(), _configured_folders(paths.config_dir()))


def _configured_folders(config_dir: Path) -> list[str]:
    """The setting musicFolders, read without touching the settings file (the shell may be running)."""
    try:
        folders = json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))["shell"]["musicFolders"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [f for f in folders if isinstance(f, str) and f] if isinstance(folders, list) else []


def _scan(args: argparse.Namespace) -> int:
    from headunit.media.scanner import scan

    for path in args.paths:
        if not path.is_dir():
            problem = "no such folder" if not path.exists() else "not a folder"
            print(f"headunit music: {path}: {problem}", file=sys.stderr)
            return 1
    roots = [(path.absolute(), "folder") for path in args.paths] or _default_roots()
    library = _library()
    try:
        if args.json or not sys.stderr.isatty():
            report = scan(library, roots, complete=not args.paths)
        else:
            report = _scan_with_progress(library, roots, complete=not args.paths)
        stats = library.stats()
    finally:
        library.close()
    if args.json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        return 0
    print(f"{report.found:,} music files in {report.seconds:.1f} s: {report.indexed:,} read, "
          f"{report.unchanged:,} unchanged, {report.removed:,} removed, {len(report.skipped):,} could not be read")
    for path, reason in report.skipped:
        print(f"  {path}: {reason}")
    if report.unavailable:
        print(f"{len(report.unavailable):,} could not be reached now (kept as indexed, tried again next scan):")
        for path, reason in report.unavailable:
            print(f"  {path}: {reason}")
    print(f"The library has {stats['tracks']:,} tracks, {stats['albums']:,} albums, {stats['artists']:,} artists")
    if not args.paths:
        from headunit import paths

        looked = [f"{path}" + ("" if path.is_dir() else " (not there)") for path, kind in roots if kind != "usb"]
        print(f"Looked in {', '.join(looked)} and for USB sticks in {paths.media_mounts()}")
    return 0


def _scan_with_progress(library, roots, complete: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from headunit.media.scanner import scan

    with Progress(TextColumn("Scanning"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True) as bars:
        task = bars.add_task("scan", total=None)
        return scan(library, roots, complete=complete,
                    progress=lambda scanned, found: bars.update(task, completed=scanned, total=found or None))


def _search(args: argparse.Namespace) -> int:
    library = _library()
    try:
        found = library.search(args.text, limit=max(1, args.limit))
    finally:
        library.close()
    if args.json:
        print(json.dumps({"tracks": [t.as_json() for t in found["tracks"]], "artists": found["artists"],
                          "albums": found["albums"]}, indent=2, ensure_ascii=False))
        return 0
    if not any(found.values()):
        print(f"Nothing found for {args.text!r}")
        return 0
    for artist in found["artists"]:
        print(f"artist  {artist['name'] or 'Unknown artist'} ({artist['tracks']} tracks)")
    for album in found["albums"]:
        print(f"album   {album['name'] or 'Unknown album'} — {album['artist'] or 'Unknown artist'}")
    for track in found["tracks"]:
        print(f"track   {track.title} — {track.artist or 'Unknown artist'} — {track.album or 'Unknown album'}"
              f"  ({track.path})")
    return 0
