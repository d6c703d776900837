"""The map regions on this device: each an imported OSM extract in its own folder under `data_dir()/maps`.

A region folder holds `region.json` (what was imported, when, from which file), `valhalla/` (routing tiles),
`search.db` and `render.db`. Folders whose name starts with a dot are imports in progress or being removed.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from headunit.maps.errors import MapError

log = logging.getLogger(__name__)

#: The layout of a region folder, its search index and its drawing data (search.FORMAT and renderdata.FORMAT
#: count in it: raise it when either changes); an import of another format is rebuilt even from the same file.
FORMAT = 3
REGION_FILE = "region.json"
NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")

#: (stage, fraction 0..1); stages: reading, routing tiles, search index, drawing data, finishing.
Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class Region:
    name: str
    path: Path
    bbox: tuple[float, float, float, float]  # min_lat, min_lon, max_lat, max_lon
    center: tuple[float, float]
    sha256: str
    imported: str  # ISO 8601, UTC
    counts: dict[str, int] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    source: str = ""
    format: int = FORMAT

    @property
    def search_db(self) -> Path:
        return self.path / "search.db"

    @property
    def render_db(self) -> Path:
        return self.path / "render.db"

    @property
    def routing_tiles(self) -> Path:
        return self.path / "valhalla" / "tiles"

    def contains(self, lat: float, lon: float) -> bool:
        min_lat, min_lon, max_lat, max_lon = self.bbox
        return min_lat <= lat <= max_lat and min_lon <= lon <= max_lon

    def is_complete(self) -> bool:
        return self.search_db.is_file() and self.render_db.is_file() and self.routing_tiles.is_dir()

    @classmethod
    def load(cls, folder: Path) -> Region:
        try:
            data = json.loads((folder / REGION_FILE).read_text())
            # The folder's name is the region's name, so a renamed folder is a renamed region.
            return cls(name=folder.name, path=folder, bbox=tuple(data["bbox"]), center=tuple(data["center"]),
                       sha256=data["sha256"], imported=data["imported"], counts=data.get("counts", {}),
                       languages=data.get("languages", []), source=data.get("source", ""),
                       format=data.get("format", 0))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise MapError(f"{folder / REGION_FILE} is missing or damaged ({exc}); import the region again") from exc

    def to_json(self) -> dict:
        data = asdict(self)
        data["path"] = str(self.path)
        data["bbox"], data["center"] = list(self.bbox), list(self.center)
        return data


@dataclass
class ImportResult:
    region: Region
    up_to_date: bool  # the same file was imported before: nothing was rebuilt
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)


def region_name(pbf: Path) -> str:
    """The region name a file gives by default: monaco-latest.osm.pbf -> monaco-latest."""
    stem = Path(pbf).name.lower().removesuffix(".pbf").removesuffix(".osm")
    return re.sub(r"[^a-z0-9_-]+", "-", stem).strip("-_") or "region"


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise MapError(f"{name!r} is not a region name: use lower-case letters, digits, '-' and '_' (at most 64)")
    return name


class MapLibrary:
    """The regions under `root` (default: data_dir()/maps)."""

    def __init__(self, root: Path | None = None) -> None:
        if root is None:
            from headunit.paths import data_dir

            root = data_dir() / "maps"
        self.root = Path(root)

    def regions(self) -> list[Region]:
        found = []
        if self.root.is_dir():
            for folder in sorted(self.root.iterdir()):
                if folder.name.startswith(".") or not (folder / REGION_FILE).is_file():
                    continue
                try:
                    found.append(Region.load(folder))
                except MapError as exc:
                    log.warning("%s", exc)
        return found

    def get(self, name: str) -> Region:
        folder = self.root / name
        if not NAME.fullmatch(name) or not (folder / REGION_FILE).is_file():
            known = ", ".join(r.name for r in self.regions()) or "none yet"
            raise MapError(f"no map region named {name!r} in {self.root} (regions: {known})")
        return Region.load(folder)

    def region_at(self, lat: float, lon: float) -> Region | None:
        """The region covering (lat, lon); the smallest when several do."""
        covering = [r for r in self.regions() if r.contains(lat, lon)]
        return min(covering, key=_area, default=None)

    def import_pbf(self, path: Path, name: str | None = None, progress: Progress | None = None,
                   force: bool = False) -> ImportResult:
        """Import an OSM PBF extract as region `name` (default: from the file name). The same file again
        is "up to date" and rebuilds nothing unless `force`. On any failure the previous region is kept."""
        from headunit.maps.importer import import_region

        return import_region(self, Path(path), name, progress, force)

    def remove(self, name: str) -> None:
        import secrets  # here, not at the top: it loads OpenSSL (4 MB), which only removing a region needs

        region = self.get(name)
        doomed = self.root / f".{name}.removing-{os.getpid()}-{secrets.token_hex(4)}"
        os.replace(region.path, doomed)  # gone from regions() at once, however long deleting takes
        remove_tree(doomed)


def remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path, ignore_errors=True)


def _area(region: Region) -> float:
    min_lat, min_lon, max_lat, max_lon = region.bbox
    return (max_lat - min_lat) * (max_lon - min_lon)


def write_region_file(folder: Path, region: Region) -> None:
    data = region.to_json()
    del data["path"]
    (folder / REGION_FILE).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
