"""Importing an OSM PBF extract as a region: routing tiles, search index and drawing data, all or nothing.

Everything is built in `maps/.<name>.partial-<pid>-<random>` and swapped in once complete, so a failure (not a PBF,
no roads, disk full, Ctrl+C) leaves the previous region as it was and removes the partial folder.
Valhalla's tile builder runs as a separate process while this one reads the extract and writes the search
index and the drawing data, so the import takes little longer than building the tiles alone.
"""

from __future__ import annotations

import datetime
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

from headunit.maps import extract as osm
from headunit.maps import renderdata, search
from headunit.maps.errors import DiskFull, MapError, NotAnExtract
from headunit.maps.regions import (FORMAT, ImportResult, MapLibrary, Progress, Region, check_name, region_name,
                                   remove_tree, write_region_file)
from headunit.maps.routing import MAX_CACHE_BYTES

STAGES = ("reading", "routing tiles", "search index", "drawing data", "finishing")

#: Below this much free space after a failure, the failure is put down to a full disk (valhalla_build_tiles
#: writes through memory maps and dies of SIGBUS rather than reporting ENOSPC).
LOW_SPACE_BYTES = 1 << 20

#: Lines of valhalla_build_tiles' log and how far along the build each means.
_TILE_STEPS = (
    ("Parsing ways", 0.05), ("Parsing relations", 0.2), ("Parsing nodes", 0.3), ("Creating graph edges", 0.45),
    ("Building edge shapes", 0.5), ("Enhancing local graph", 0.7), ("HierarchyBuilder", 0.8),
    ("Creating shortcuts", 0.85), ("Adding complex turn restrictions", 0.9), ("Validating", 0.95),
    ("Cleaning up", 0.99),
)

#: A PBF file starts with the length of its first BlobHeader, then that header, whose type is "OSMHeader".
_PBF_MAGIC = b"\n\tOSMHeader"


def check_pbf(path: Path) -> None:
    """Raise NotAnExtract unless `path` is an OSM PBF file (checked by its first bytes)."""
    if not path.exists():
        raise NotAnExtract(f"{path}: no such file")
    if path.is_dir():
        raise NotAnExtract(f"{path} is a folder, not an OpenStreetMap extract (.osm.pbf)")
    with path.open("rb") as f:
        head = f.read(64)
    if not head:
        raise NotAnExtract(f"{path} is empty: expected an OpenStreetMap extract (.osm.pbf)")
    if head[4:4 + len(_PBF_MAGIC)] != _PBF_MAGIC:
        text = head.lstrip()
        looks = ("OSM XML; convert it to PBF with `osmium cat`" if text.startswith((b"<?xml", b"<osm"))
                 else "text" if _is_text(head) else "some other binary file")
        raise NotAnExtract(f"{path} is not an OpenStreetMap PBF extract (it looks like {looks}); "
                           f"expected an .osm.pbf file")


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(byte >= 0x20 or byte in b"\t\r\n" for byte in head)


def file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def tile_builder() -> Path:
    from valhalla._scripts import PYVALHALLA_BIN_DIR

    return Path(PYVALHALLA_BIN_DIR) / "valhalla_build_tiles"


class _Stages:
    """Reports each stage's progress and how long it took; follows the tile builder's log as it goes."""

    def __init__(self, report: Progress | None) -> None:
        self._report = report or (lambda stage, fraction: None)
        self.started: dict[str, float] = {}
        self.seconds: dict[str, float] = {}
        self._log: Path | None = None
        self._log_offset = 0
        self._tiles = 0.0

    def __call__(self, stage: str, fraction: float) -> None:
        now = time.perf_counter()
        self.started.setdefault(stage, now)
        if fraction >= 1.0 and stage not in self.seconds:
            self.seconds[stage] = now - self.started[stage]
        self._report(stage, fraction)
        if stage != "routing tiles":
            self.follow_tiles()

    def reporter(self, stage: str):
        return lambda fraction: self(stage, fraction)

    def watch_tiles(self, log: Path) -> None:
        self._log = log
        self("routing tiles", 0.0)

    def follow_tiles(self) -> None:
        if self._log is None or self._tiles >= 1.0:
            return
        with self._log.open("rb") as f:
            f.seek(self._log_offset)
            data = f.read()
        self._log_offset += len(data)
        text = data.decode("utf-8", "replace")
        reached = max((step for marker, step in _TILE_STEPS if marker in text), default=0.0)
        if reached > self._tiles:
            self._tiles = reached
            self("routing tiles", reached)


def import_region(library: MapLibrary, pbf: Path, name: str | None, progress: Progress | None,
                  force: bool) -> ImportResult:
    start = time.perf_counter()
    check_pbf(pbf)
    name = check_name(name) if name is not None else check_name(region_name(pbf))
    digest = file_sha256(pbf)
    final = library.root / name
    previous = _existing(final)
    if previous and not force and previous.sha256 == digest and previous.format == FORMAT and previous.is_complete():
        return ImportResult(previous, up_to_date=True, seconds=time.perf_counter() - start)

    library.root.mkdir(parents=True, exist_ok=True)
    _tidy(library.root)
    partial = library.root / f".{name}.partial-{os.getpid()}-{secrets.token_hex(4)}"
    stages = _Stages(progress)
    try:
        partial.mkdir()
        _build(pbf, partial, final, name, digest, stages)
        _swap(partial, final)
    except Exception as exc:
        full = _is_disk_full(exc, library.root)
        remove_tree(partial)
        if full:
            kept = f"; the region {name} was left as it was" if previous else ""
            raise DiskFull(f"Disk full: no space left in {library.root} while importing {pbf.name}{kept}") from exc
        raise
    except BaseException:  # Ctrl+C: the same clean-up, then on with the interrupt
        remove_tree(partial)
        raise
    return ImportResult(Region.load(final), up_to_date=False, seconds=time.perf_counter() - start,
                        stage_seconds=stages.seconds)


def _existing(folder: Path) -> Region | None:
    try:
        return Region.load(folder) if folder.is_dir() else None
    except MapError:
        return None


def _build(pbf: Path, partial: Path, final: Path, name: str, digest: str, stages: _Stages) -> None:
    tiles = partial / "valhalla" / "tiles"
    tiles.mkdir(parents=True)
    config = valhalla_build_config(tiles)
    config_file = partial / "valhalla" / "valhalla.json"
    config_file.write_text(json.dumps(config))
    log_file = partial / "valhalla" / "build.log"
    stages("reading", 0.0)
    with log_file.open("wb") as log:
        builder = subprocess.Popen([str(tile_builder()), "-c", str(config_file), str(pbf.resolve())], stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=partial / "valhalla")
    try:
        stages.watch_tiles(log_file)
        data = osm.read(pbf, stages.reporter("reading"))
        if data.roads == 0:
            raise MapError(f"{pbf} has no roads to route on: a region needs an extract with streets in it")
        counts = search.write(data, partial / "search.db", stages.reporter("search index"))
        drawing = renderdata.build(pbf, partial / "render.db", stages.reporter("drawing data"))
        while builder.poll() is None:
            stages.follow_tiles()
            time.sleep(0.02)
        stages.follow_tiles()
    finally:
        if builder.poll() is None:
            builder.kill()
            builder.wait()
    routing_tiles = sum(1 for _ in tiles.rglob("*.gph"))
    if builder.returncode != 0 or routing_tiles == 0:
        raise MapError(f"Building the routing tiles from {pbf} failed ({_exit(builder.returncode)}); "
                       f"valhalla_build_tiles said: {_last_lines(log_file)}")
    stages("routing tiles", 1.0)

    stages("finishing", 0.0)
    config["mjolnir"]["tile_dir"] = str(final.resolve() / "valhalla" / "tiles")  # where they will be after the swap
    config["mjolnir"]["max_cache_size"] = MAX_CACHE_BYTES
    config["logging"]["type"] = ""
    config_file.write_text(json.dumps(config, indent=1))
    bbox = data.bbox or (0.0, 0.0, 0.0, 0.0)
    region = Region(
        name=name, path=final, bbox=bbox, center=((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2),
        sha256=digest, imported=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        counts={"roads": data.roads, "places": sum(n for c, n in counts.items() if c not in ("street", "address")),
                "streets": counts["street"], "addresses": counts["address"],
                "features": drawing.get("features", 0), "routing_tiles": routing_tiles,
                **{f"places_{c}": n for c, n in counts.items() if c not in ("street", "address")}},
        languages=sorted(data.languages), source=pbf.name)
    write_region_file(partial, region)  # last: a folder with region.json is complete
    stages("finishing", 1.0)


def valhalla_build_config(tiles: Path) -> dict:
    import valhalla

    config = valhalla.get_config(tile_extract="", tile_dir=tiles)
    config["logging"]["type"] = "std_out"  # into build.log, followed for progress and quoted on failure
    config["mjolnir"]["concurrency"] = 1  # the other core reads the extract meanwhile
    return config


def _swap(partial: Path, final: Path) -> None:
    """Put the new region in place of the old one, keeping the old one until the new one is there."""
    if not (final.exists() or final.is_symlink()):
        os.replace(partial, final)
        return
    old = final.with_name(f".{final.name}.old-{os.getpid()}-{secrets.token_hex(4)}")
    os.replace(final, old)
    try:
        os.replace(partial, final)
    except BaseException:
        os.replace(old, final)
        raise
    remove_tree(old)


def _tidy(root: Path) -> None:
    """Remove what imports that died left behind; put back a region an interrupted swap had moved aside."""
    for leftover in root.glob(".*"):
        match = re.fullmatch(r"\.(.+)\.(partial|old|removing)-(\d+)(-[0-9a-f]+)?", leftover.name)
        if not match or _alive(int(match[3])):
            continue
        region = root / match[1]
        if match[2] == "old" and not region.exists():
            os.replace(leftover, region)
        else:
            remove_tree(leftover)


def _alive(pid: int) -> bool:
    """Whether process `pid` runs (this one does: its own imports clean up after themselves)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_disk_full(exc: BaseException, root: Path) -> bool:
    chain = exc
    while chain is not None:
        if isinstance(chain, OSError) and chain.errno == errno.ENOSPC:
            return True
        if isinstance(chain, sqlite3.Error) and (getattr(chain, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
                                                 or "disk is full" in str(chain)):
            return True
        chain = chain.__cause__ or chain.__context__
    try:
        return shutil.disk_usage(root).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _exit(code: int) -> str:
    return f"killed by signal {-code}" if code < 0 else f"exit status {code}"


def _last_lines(log: Path, count: int = 3) -> str:
    try:
        lines = [line.strip() for line in log.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return "(no log)"
    cleaned = [re.sub(r"^\S+ \S+ (\x1b\[[0-9;]*m)?\[\w+\](\x1b\[0m)? ?", "", line) for line in lines[-count:]]
    return " | ".join(cleaned) or "(nothing)"
