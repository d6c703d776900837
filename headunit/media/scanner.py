"""Scanning: bringing the library's index up to date with the files under its roots.

Incremental: a file whose size and modification time are those indexed is not opened again (a file that
could not be decoded neither), so a rescan of an unchanged library only lists folders. New and changed files
are read with mutagen; a file that is not decodable music is noted ("skipped") with a reason a person
understands and the scan goes on. FIFOs, devices and sockets are never opened (reading a FIFO would block for
ever). Files gone from a root that is present are removed; a root that is gone is only marked absent, so a
stick plugged back in shows at once and is rescanned without reading a file.

When the system fails to read (a stick pulled out mid-scan: EIO, ENODEV, ENOENT; a folder without
permission), the file or folder is "unavailable": it is reported and logged, what the index had for it stays
as it was, nothing under it is removed, and the next scan tries it again.

Call it on one thread at a time: it is the library's writer.
"""

from __future__ import annotations

import getpass
import logging
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from headunit.media import covers as cover_art
from headunit.media.library import Library, TrackInfo
from headunit.media.tags import EXTENSIONS, FileUnavailable, Unreadable, read

log = logging.getLogger(__name__)

#: progress(scanned, found): files dealt with so far, and files found so far (found grows while listing).
Progress = Callable[[int, int], None]
PROGRESS_INTERVAL_S = 0.1
#: How long one write transaction may stay open (readers never wait; another writer waits at most this).
BATCH_S = 0.5


@dataclass
class ScanReport:
    found: int = 0  # music files found (by their extension)
    indexed: int = 0  # read and indexed: new or changed
    unchanged: int = 0  # not read again: size and time as indexed (tracks and files that could not be decoded)
    removed: int = 0  # tracks gone from the library (deleted, or no longer decodable)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # every file not in the library: (path, why)
    #: files and folders the system could not read this time: (path, why); kept as indexed, tried again
    unavailable: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False
    roots_changed: bool = False  # a root appeared, went or came back
    scanned: int = 0  # files dealt with so far (progress)
    newly_skipped: int = 0  # skipped files read this time, or whose reason changed

    @property
    def changed(self) -> bool:
        """Whether what the library shows changed: tracks, roots or the list of unreadable files."""
        return bool(self.indexed or self.removed or self.roots_changed or self.newly_skipped)

    def as_json(self) -> dict:
        return {"found": self.found, "indexed": self.indexed, "unchanged": self.unchanged, "removed": self.removed,
                "skipped": [{"path": path, "reason": reason} for path, reason in self.skipped],
                "unavailable": [{"path": path, "reason": reason} for path, reason in self.unavailable],
                "seconds": round(self.seconds, 3)}


# Roots

def user_mounts(mounts: Path) -> Path:
    """/media/<user>: where desktops mount the current user's sticks."""
    try:
        return Path(mounts) / getpass.getuser()
    except Exception:  # no user name (a container without one): no such folder
        return Path(mounts) / ".no-user"


def usb_roots(mounts: Path) -> list[Path]:
    """The mounted sticks under `mounts`: /media/X, and /media/<user>/X as desktops mount them."""
    per_user = user_mounts(mounts)
    found = []
    for child in _subfolders(mounts):
        if child == per_user and not os.path.ismount(child):
            found.extend(_subfolders(child))
        else:
            found.append(child)
    return found


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(Path(e.path) for e in os.scandir(folder) if e.is_dir() and not e.name.startswith("."))
    except OSError:
        return []


def default_roots(music_dir: Path, mounts: Path, folders: Iterable[str] = ()) -> list[tuple[Path, str]]:
    """The library's roots: each stick under `mounts`, the music folder, and the folders the driver added.
    Sticks come first: one just plugged in is what the driver wants to hear, and it is scanned first."""
    roots = [(stick, "usb") for stick in usb_roots(Path(mounts))]
    roots += [(Path(music_dir), "music")]
    roots += [(Path(folder).expanduser(), "folder") for folder in folders if folder]
    return roots


def _normalised(roots: Iterable[tuple[Path | str, str]]) -> list[tuple[str, str]]:
    """Absolute paths, each once; a root inside another root is part of that one."""
    unique: dict[str, str] = {}
    for path, kind in roots:
        unique.setdefault(os.path.abspath(os.path.expanduser(str(path))), kind)
    return [(path, kind) for path, kind in unique.items()
            if not any(path.startswith(other.rstrip(os.sep) + os.sep) for other in unique if other != path)]


def is_present(path: str, kind: str) -> bool:
    """Whether a root is there: a folder; for a stick, a folder with something in it (an empty mount point
    is a stick that was pulled out)."""
    if not os.path.isdir(path):
        return False
    if kind != "usb":
        return True
    try:
        with os.scandir(path) as entries:
            return next(entries, None) is not None
    except OSError:
        return False


def update_roots(library: Library, roots: Iterable[tuple[Path | str, str]], *, complete: bool = False) -> bool:
    """Mark each root present or absent as it is now; with `complete`, the library's other roots are absent
    too (they are not roots any more). Quick: no file is read. True when what the library shows changed."""
    roots = _normalised(roots)
    present = {path: kind for path, kind in roots if is_present(path, kind)}
    absent = [path for path, _ in roots if path not in present]
    if complete:
        absent += [r["path"] for r in library.roots() if r["path"] not in present]
    return library.set_roots(present, absent)


# Scanning

def scan(library: Library, roots: Iterable[tuple[Path | str, str]], *, progress: Progress | None = None,
         cancel: Callable[[], bool] | None = None, complete: bool = False) -> ScanReport:
    """Bring the library up to date with `roots` ((path, kind) with kind "music", "usb" or "folder").
    `cancel()` returning True stops the scan soon (what was done is kept, nothing is removed). `complete`:
    these are all the roots there are (see update_roots)."""
    started = time.monotonic()
    report = ScanReport()
    stop = cancel or (lambda: False)
    tick = _Ticker(progress, report)
    roots = _normalised(roots)
    report.roots_changed = update_roots(library, roots, complete=complete)
    covers = cover_art.CoverCache(library.covers_dir)
    tick(force=True)
    for root, kind in roots:
        if stop():
            report.cancelled = True
            break
        if is_present(root, kind):
            _RootScan(library, root, kind, covers, report, tick, stop).run()
    if report.indexed or report.removed or report.newly_skipped:
        library.rebuild_groups()
    if report.indexed or report.removed:
        covers.prune(library.covers_in_use(), older_than=time.time() - (time.monotonic() - started))
    report.seconds = time.monotonic() - started
    tick(force=True)
    log.info("music scan: %d found, %d indexed, %d unchanged, %d removed, %d skipped, %d unavailable in %.2f s%s",
             report.found, report.indexed, report.unchanged, report.removed, len(report.skipped),
             len(report.unavailable), report.seconds, " (cancelled)" if report.cancelled else "")
    return report


class _Ticker:
    """Calls progress at most every PROGRESS_INTERVAL_S (and when forced)."""

    def __init__(self, progress: Progress | None, report: ScanReport) -> None:
        self._progress, self._report, self._next = progress, report, 0.0

    def __call__(self, force: bool = False) -> None:
        if self._progress is not None and (force or time.monotonic() >= self._next):
            self._next = time.monotonic() + PROGRESS_INTERVAL_S
            self._progress(self._report.scanned, self._report.found)


@dataclass
class _Found:
    path: str  # as stored: valid UTF-8 text
    status: os.stat_result | None
    problem: str | None  # why it is skipped before it is even opened
    unavailable: str | None = None  # why the system could not look at it now (it is tried again next scan)


class _RootScan:
    """One root brought up to date: list its files, index the new and changed ones, remove the gone ones."""

    def __init__(self, library: Library, root: str, kind: str, covers: cover_art.CoverCache, report: ScanReport,
                 tick: _Ticker, stop: Callable[[], bool]) -> None:
        self.library, self.root, self.kind, self.covers = library, root, kind, covers
        self.report, self.tick, self.stop = report, tick, stop
        self.root_id = library.root_id(root)
        self.known = library.known(root)  # what is left in it when indexing ends is gone from the root
        self.unlisted: list[tuple[str, str]] = []  # folders whose listing failed: what is under them stays

    def run(self) -> None:
        found = self._list()
        if self.stop():
            self.report.cancelled = True
            return
        if self._index(found):
            self._remove_gone()

    def _list(self) -> list[_Found]:
        found = []
        for item in _walk(self.root, self.stop, self.unlisted):
            found.append(item)
            self.report.found += 1
            self.tick()
        for folder, why in self.unlisted:
            log.warning("music scan: folder %s %s; its tracks are kept until it can be listed", folder, why)
            self.report.unavailable.append((folder, why))
        return found

    def _index(self, found: list[_Found]) -> bool:
        """Index each file found, in transactions of at most BATCH_S; False when it stopped before the end
        (cancelled, or the root went away)."""
        report, folder_covers = self.report, {}
        position = 0
        while position < len(found) and not self.stop():
            deadline = time.monotonic() + BATCH_S
            with self.library.transaction():
                while position < len(found) and time.monotonic() < deadline and not self.stop():
                    item = found[position]
                    try:
                        _file(self.library, self.root_id, item, self.known.pop(item.path, None), self.covers,
                              folder_covers, report)
                    except sqlite3.Error:
                        raise  # the index itself failed (disk full, damaged): the scan stops, the index is whole
                    except FileUnavailable as exc:
                        if self._root_went_away():
                            return False
                        log.warning("music scan: %s is unavailable (%s); kept as indexed, tried again next scan",
                                    item.path, exc)
                        report.unavailable.append((item.path, str(exc)))
                    except Exception as exc:  # anything a strange file provokes costs that file, not the scan
                        log.exception("music scan: %s could not be indexed", item.path)
                        report.skipped.append((item.path, f"could not be indexed ({type(exc).__name__}: {exc})"))
                    position += 1
                    report.scanned += 1
                    self.tick()
        if position < len(found):
            report.cancelled = True
            return False
        return not self._root_went_away()

    def _root_went_away(self) -> bool:
        """A stick pulled out mid-scan: every file would fail, and none is gone for good. The next scan marks
        the root absent."""
        if is_present(self.root, self.kind):
            return False
        log.warning("music scan: %s went away during the scan; its tracks are kept", self.root)
        self.report.unavailable.append((self.root, "went away during the scan"))
        return True

    def _remove_gone(self) -> None:
        unlisted = {folder for folder, _ in self.unlisted}
        under_unlisted = tuple(folder.rstrip(os.sep) + os.sep for folder in unlisted)
        with self.library.transaction():
            for path, known in self.known.items():  # indexed before, not there now
                if path in unlisted or path.startswith(under_unlisted):
                    continue  # in a folder that could not be listed: perhaps still there
                self.report.removed += self.library.remove(path)
                self.report.newly_skipped += known.reason is not None


def _file(library: Library, root_id: int, item: _Found, known, covers: cover_art.CoverCache,
          folder_covers: dict[str, str], report: ScanReport) -> None:
    """Index one file found by _walk; raises FileUnavailable when the system cannot read it now."""
    if item.unavailable is not None:
        raise FileUnavailable(item.unavailable)
    status = item.status
    size, mtime = (status.st_size, status.st_mtime_ns) if status else (-1, -1)
    if known is not None and (known.size, known.mtime_ns) == (size, mtime) and (
            status is not None or known.reason == item.problem) and not _was_a_read_error(known.reason):
        report.unchanged += 1
        if known.root != root_id:
            library.move_to_root(item.path, root_id)
        if known.reason is not None:
            report.skipped.append((item.path, known.reason))
        return
    reason, tags = item.problem, None
    if reason is None:
        if not stat.S_ISREG(status.st_mode):
            reason = "not a regular file (a pipe or a device): never opened"
        elif size == 0:
            reason = "empty file"
        else:
            try:
                tags = read(item.path)
            except Unreadable as exc:
                reason = str(exc)
    if tags is None:
        report.removed += library.put_skipped(root_id, item.path, size, mtime, reason)
        report.skipped.append((item.path, reason))
        report.newly_skipped += known is None or known.reason != reason
        return
    cover = covers.store(tags.picture)
    if not cover:
        folder = os.path.dirname(item.path)
        if folder not in folder_covers:
            picture = cover_art.beside(folder)
            folder_covers[folder] = covers.store_file(picture) if picture else ""
        cover = folder_covers[folder]
    library.put_track(root_id, item.path, size, mtime, TrackInfo(
        title=tags.title, artist=tags.artist, album=tags.album, album_artist=tags.album_artist, genre=tags.genre,
        track_no=tags.track_no, disc_no=tags.disc_no, year=tags.year, duration=tags.duration, format=tags.format,
        cover=cover))
    report.indexed += 1


#: Reasons older versions noted for files the system failed to read: such a file is read again.
_READ_ERROR_REASONS = ("no permission", "it went away", "cannot be read", "folder cannot be read")


def _was_a_read_error(reason: str | None) -> bool:
    return reason is not None and reason.startswith(_READ_ERROR_REASONS)


def _walk(root: str, stop: Callable[[], bool], unlisted: list[tuple[str, str]]) -> Iterator[_Found]:
    """The music files under `root` (by extension), hidden files and folders left out. Folder links are
    followed, each folder once (no loops). Folders that cannot be listed (the root too) are added to
    `unlisted` as (folder, why)."""
    pending = [root]
    seen: set[tuple[int, int]] = set()
    while pending and not stop():
        folder = pending.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as scanned:
                entries = list(scanned)
        except OSError as exc:
            unlisted.append((_stored(folder), f"cannot be listed ({exc.strerror or exc})"))
            continue
        subfolders = []
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.startswith("."):
                continue  # hidden, and the "._song.mp3" resource files macOS leaves on sticks
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                subfolders.append(entry.path)
                continue
            if os.path.splitext(entry.name)[1].lower() not in EXTENSIONS:
                continue
            path = _stored(entry.path)
            if path != entry.path:
                yield _Found(path, None, "its name is not valid text (UTF-8): rename it to play it")
                continue
            try:
                yield _Found(path, entry.stat(), None)
            except OSError as exc:
                yield _unstatable(entry, path, exc)
        pending.extend(reversed(subfolders))  # depth first, in name order


def _unstatable(entry: os.DirEntry, path: str, exc: OSError) -> _Found:
    """A file whose status cannot be read: a link to nothing is skipped (tried again once its target
    appears, since its size then changes); anything else is the system failing, so it is unavailable."""
    try:
        dangling = isinstance(exc, FileNotFoundError) and entry.is_symlink()
    except OSError:
        dangling = False
    if dangling:
        return _Found(path, None, "a link to a file that is not there")
    if isinstance(exc, FileNotFoundError):
        return _Found(path, None, None, "it went away while it was being read")
    return _Found(path, None, None, f"cannot be read ({exc.strerror or exc})")


def _stored(path: str) -> str:
    """`path` as text the index can hold: names that are not UTF-8 get replacement characters."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
