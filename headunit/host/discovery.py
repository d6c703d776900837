"""Where plugins come from, in priority order:

1. first-party plugins in the tree's plugins/ folder, and the vendor's folders (`vendor_paths`: reviewed
   plugins an image ships with the shell), trusted alike (origin "builtin");
2. the user's plugins folder (`<data>/plugins`, see headunit.paths);
3. extra folders from `--plugins-path` and HEADUNIT_PLUGINS_PATH (os.pathsep separated);
4. installed Python distributions exposing a package in the `headunit.plugins` entry-point group.

A folder holding plugin.toml is one plugin; any other folder is scanned for plugin folders.
Discovery only lists folders: nothing is read or imported here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from headunit import paths
from headunit.host.manifest import MANIFEST_FILE

ENTRY_POINT_GROUP = "headunit.plugins"
ENV_PATH = "HEADUNIT_PLUGINS_PATH"


@dataclass(frozen=True)
class Candidate:
    """A folder that may hold a plugin, and where it was found."""

    folder: Path
    origin: str  # builtin, user, path or entry-point
    #: Folder plugins must be named after their id; an entry-point package is named as Python allows.
    id_is_folder: bool = True


def _plugin_folders(path: Path) -> list[Path]:
    if (path / MANIFEST_FILE).exists():
        return [path]
    if not path.is_dir():
        return []
    return sorted(
        child for child in path.iterdir() if child.is_dir() and not child.name.startswith((".", "_"))
    )


def _entry_point_folders() -> list[Path]:
    """The entry-point packages' folders, remembered in the cache folder while no folder on sys.path changes:
    reading every installed distribution's metadata costs home's first frame 15 ms, and installing or removing
    one (pip writes or deletes its .dist-info folder) changes the folder it is in."""
    cache = paths.cache_dir() / "entry-points.json"
    key = _sys_path_key()
    try:
        saved = json.loads(cache.read_text(encoding="utf-8"))
        if saved["key"] == key and saved["group"] == ENTRY_POINT_GROUP:
            folders = [Path(f) for f in saved["folders"]]
            if all(f.is_dir() for f in folders):
                return folders
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no cache, or not one this code wrote: scan
    folders = _scan_entry_points()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"group": ENTRY_POINT_GROUP, "key": key, "folders": [str(f) for f in folders]}),
                         encoding="utf-8")
    except OSError:
        pass  # a read-only cache folder: scan every time
    return folders


def _sys_path_key() -> list[list]:
    """Each sys.path folder with its modification time (ns); a folder that is not there counts as such."""
    key: list[list] = []
    for entry in sys.path:
        try:
            key.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            key.append([entry, None])
    return key


def _scan_entry_points() -> list[Path]:
    from importlib.metadata import entry_points

    folders = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        # Find the package without importing it: its Python loads lazily like any plugin's.
        spec = importlib.util.find_spec(ep.module)
        if spec and spec.submodule_search_locations:
            folders.append(Path(next(iter(spec.submodule_search_locations))))
    return folders


def discover(extra_paths: Iterable[str | Path] = (), *, builtin: bool = True, entry_points: bool = True,
             vendor_paths: Iterable[str | Path] = ()) -> list[Candidate]:
    candidates: list[Candidate] = []
    if builtin:
        candidates += [Candidate(f, "builtin") for f in _plugin_folders(paths.BUILTIN_PLUGINS_DIR)]
    for vendor in vendor_paths:
        candidates += [Candidate(f, "builtin") for f in _plugin_folders(Path(vendor).expanduser().resolve())]
    candidates += [Candidate(f, "user") for f in _plugin_folders(paths.user_plugins_dir())]
    env = [p for p in os.environ.get(ENV_PATH, "").split(os.pathsep) if p]
    for extra in [*extra_paths, *env]:
        candidates += [Candidate(f, "path") for f in _plugin_folders(Path(extra).expanduser().resolve())]
    if entry_points:
        candidates += [Candidate(f, "entry-point", id_is_folder=False) for f in _entry_point_folders()]
    # The same folder reached twice (say, by two paths) is one plugin.
    unique: dict[Path, Candidate] = {}
    for c in candidates:
        unique.setdefault(c.folder.resolve(), c)
    return list(unique.values())
