"""The music library as the shell offers it: one index of the music folder, the USB sticks and the folders the
driver added (setting "musicFolders"), kept up to date on a thread of its own. And the FM tuner, when the car
has one (`TunerProvider`).

Scans run on the "music-scan" thread, which is also the only one that writes the index; the GUI thread never
waits for them, nor for the disk at all: the sticks are listed and the mount table read on the "music-mounts"
thread (listing a stick being pulled out can hang). Sticks are watched: the mounts folder (and /media/<user>,
and each stick) with QFileSystemWatcher, and the system's mount table every few seconds, since a stick mounted
over an existing folder changes no folder listing. A stick pulled out makes its tracks disappear at once;
plugged back in, they show again before its quick rescan ends. Closing waits for a running scan at most
CLOSE_WAIT_S.
"""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit import paths
from headunit.shell.qml_services import singleton_of

if TYPE_CHECKING:
    from headunit.media.tuner import Tuner

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

#: How long the mounts may go on changing before a rescan starts (a stick mounts in several steps).
SETTLE_MS = 400
#: How often the mount table is looked at.
MOUNT_POLL_MS = 2000
MOUNT_TABLE = Path("/proc/self/mounts")
#: How long closing waits for a scan to stop (a read from a failing stick cannot be interrupted).
CLOSE_WAIT_S = 2.0


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the music library")
class MediaLibrary(QObject):
    create = singleton_of("media")

    #: What the library holds changed: a scan that found changes, a stick plugged in or pulled out.
    changed = Signal()
    #: A scan ended: its report as JSON (found, indexed, unchanged, removed, skipped, seconds).
    scanFinished = Signal("QVariantMap")
    scanningChanged = Signal()
    progressChanged = Signal()
    countsChanged = Signal()

    # From the scan thread, delivered on the GUI thread.
    _progress = Signal(int, int)
    _counted = Signal(object, bool)  # stats, whether what shows changed
    _finished = Signal(object, object)  # ScanReport or None (failed), stats
    # From the mounts thread: the folders to watch (None: unknown), the mount table's lines about the mounts
    # folder ("" where there is no mount table; None: unknown).
    _looked = Signal(object, object)

    def __init__(self, settings=None, *, db_path: Path | None = None, covers_dir: Path | None = None,
                 music_dir: Path | None = None, mounts: Path | None = None, parent: QObject | None = None):
        """Folders default to headunit.paths (music_dir(), media_mounts(), data_dir()/music). Nothing is read
        until start(), or until `library` is first used."""
        super().__init__(parent)
        self._settings = settings
        music = paths.data_dir() / "music"
        self._db_path, self._covers_dir = db_path or music / "library.db", covers_dir or music / "covers"
        self._music_dir, self._mounts = music_dir, mounts
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="music-scan")
        self._mounts_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="music-mounts")
        self._library = None
        self._library_lock = threading.Lock()
        self._cancel = threading.Event()  # closing: the scan stops for good
        self._interrupt = threading.Event()  # the sticks changed: the scan stops and starts over
        self._started = self._closed = self._scanning = self._again = False
        self._scanned = self._found = self._tracks = self._skipped_count = 0
        self._folders: list[str] = self._configured_folders()
        self._watcher: QFileSystemWatcher | None = None
        self._mount_table: str | None = None  # None until the mounts thread first read it
        self._looking = self._look_again = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._mounts_settled)
        self._mount_poll = QTimer(self, interval=MOUNT_POLL_MS)
        self._mount_poll.timeout.connect(self._look_at_mounts)
        self._looked.connect(self._on_looked)
        self._progress.connect(self._on_progress)
        self._counted.connect(self._on_counted)
        self._finished.connect(self._on_finished)
        if settings is not None:
            settings.changed.connect(self._on_settings_changed)

    # The library

    @property
    def library(self):
        """The Library (headunit.media.library): reads from any thread; opened on first use."""
        with self._library_lock:
            if self._library is None:
                if self._closed:
                    raise RuntimeError("the music library is closed")
                from headunit.media.library import Library

                self._library = Library(self._db_path, self._covers_dir, writer=self._worker)
            return self._library

    def music_dir(self) -> Path:
        return self._music_dir or paths.music_dir()

    def mounts(self) -> Path:
        return self._mounts or paths.media_mounts()

    def readable_folders(self) -> list[Path]:
        """Every folder a player reads what the library lists from: the music folder, the mounts folder (the
        sticks), the folders the driver added and the covers. A sandboxed player sees these, read-only (the
        covers folder is made now if need be: one started before the first scan sees the covers it makes)."""
        self._covers_dir.mkdir(parents=True, exist_ok=True)
        return [self.music_dir(), self.mounts(), *map(Path, self._folders), self._covers_dir]

    def roots(self, folders: list[str] | None = None) -> list[tuple[Path, str]]:
        """(path, kind) of every root as things are now: the music folder, the sticks, the added folders."""
        from headunit.media.scanner import default_roots

        return default_roots(self.music_dir(), self.mounts(), self._folders if folders is None else folders)

    # Properties

    @Property(bool, notify=scanningChanged, final=True)
    def scanning(self) -> bool:
        return self._scanning

    @Property(int, notify=progressChanged, final=True)
    def scanned(self) -> int:
        """Files dealt with by the scan running (or the last one)."""
        return self._scanned

    @Property(int, notify=progressChanged, final=True)
    def found(self) -> int:
        """Music files found by the scan running (or the last one): grows while folders are listed."""
        return self._found

    @Property(int, notify=countsChanged, final=True)
    def trackCount(self) -> int:
        return self._tracks

    @Property(int, notify=countsChanged, final=True)
    def skippedCount(self) -> int:
        """Files that could not be read (library.skipped() says which and why)."""
        return self._skipped_count

    # Scanning

    @Slot()
    def start(self) -> None:
        """Watch for sticks and bring the library up to date (incremental), all off the GUI thread."""
        if self._started or self._closed:
            return
        self._started = True
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_folder_changed)
        self._look_at_mounts()
        self.rescan()

    @Slot()
    def rescan(self) -> None:
        """Look for new, changed and removed files now (one more scan after the running one, if any)."""
        if self._closed:
            return
        if self._scanning:
            self._again = True
            return
        self._scanning = True
        self._scanned = self._found = 0
        self._interrupt.clear()
        self.scanningChanged.emit()
        self.progressChanged.emit()
        self._worker.submit(self._scan, list(self._folders))

    def _scan(self, folders: list[str]) -> None:
        """On the scan thread."""
        from headunit.media.scanner import scan, update_roots

        try:
            library = self.library
            roots = self.roots(folders)
            shown_changed = update_roots(library, roots, complete=True)
            self._tell(self._counted, library.stats(), shown_changed)  # a stick's tracks show (or go) now
            report = scan(library, roots, progress=lambda *counts: self._tell(self._progress, *counts),
                          complete=True, cancel=lambda: self._cancel.is_set() or self._interrupt.is_set())
            self._tell(self._finished, report, library.stats())
        except Exception:
            log.exception("the music library could not be scanned")
            self._tell(self._finished, None, None)

    def _tell(self, signal, *args) -> None:
        """Emit from a worker thread unless the service is closing: a scan that outlives close() (stuck in a
        read) must not reach an object the shell has already deleted."""
        if not self._cancel.is_set():
            signal.emit(*args)

    @Slot(int, int)
    def _on_progress(self, scanned: int, found: int) -> None:
        if not self._closed and (scanned, found) != (self._scanned, self._found):
            self._scanned, self._found = scanned, found
            self.progressChanged.emit()

    @Slot(object, bool)
    def _on_counted(self, stats: dict, shown_changed: bool) -> None:
        if self._closed:
            return
        self._set_counts(stats)
        if shown_changed:
            self.changed.emit()

    @Slot(object, object)
    def _on_finished(self, report, stats) -> None:
        if self._closed:
            return
        self._scanning = False
        if stats is not None:
            self._set_counts(stats)
        self.scanningChanged.emit()
        if report is None:
            self.scanFinished.emit({"error": "the music library could not be scanned; see the log"})
        else:
            if not (report.cancelled and self._again):  # an interrupted scan: the next one reports
                self.scanFinished.emit(report.as_json())
            if report.changed:
                self.changed.emit()
        if self._again:
            self._again = False
            self.rescan()

    def _set_counts(self, stats: dict) -> None:
        counts = (stats["tracks"], stats["skipped"])
        if counts != (self._tracks, self._skipped_count):
            self._tracks, self._skipped_count = counts
            self.countsChanged.emit()

    # Sticks and settings

    def _look_at_mounts(self) -> None:
        """Have the mounts thread list the sticks and read the mount table (once more after the look under way)."""
        if self._closed:
            return
        if self._looking:
            self._look_again = True
            return
        self._looking = True
        self._mounts_worker.submit(self._look)

    def _look(self) -> None:
        """On the mounts thread."""
        try:
            self._tell(self._looked, self._folders_to_watch(), self._read_mount_table())
        except Exception:  # noqa: BLE001 - the next look tries again; the watcher keeps what it had
            log.exception("the mounts folder could not be looked at")
            self._tell(self._looked, None, None)

    def _folders_to_watch(self) -> set[str]:
        """The mounts folder, /media/<user> when it is there, and each stick."""
        from headunit.media.scanner import usb_roots, user_mounts

        mounts = self.mounts()
        wanted = {mounts, user_mounts(mounts), *usb_roots(mounts)} if mounts.is_dir() else set()
        return {str(p) for p in wanted if p.is_dir()}

    def _read_mount_table(self) -> str:
        """The lines of the mount table about the mounts folder ("" where there is no such table)."""
        try:
            lines = MOUNT_TABLE.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        mounts = str(self.mounts())
        return "\n".join(line for line in lines if f" {mounts}/" in line or f" {mounts} " in line) or " "

    @Slot(object, object)
    def _on_looked(self, wanted: set[str] | None, table: str | None) -> None:
        self._looking = False
        if self._closed or self._watcher is None:
            return
        if wanted is not None:
            watched = set(self._watcher.directories())
            if wanted - watched:
                self._watcher.addPaths(sorted(wanted - watched))
            if watched - wanted:
                self._watcher.removePaths(sorted(watched - wanted))
        if table is not None and table != self._mount_table:
            first, self._mount_table = self._mount_table is None, table
            if not first:
                self._settle.start()
            elif table:
                self._mount_poll.start()
        if self._look_again:
            self._look_again = False
            self._look_at_mounts()

    @Slot(str)
    def _on_folder_changed(self, _path: str) -> None:
        self._settle.start()

    @Slot()
    def _mounts_settled(self) -> None:
        """A stick came or went: a scan running stops (keeping what it did) and starts over, so the stick's
        tracks show or go at once rather than after a long first scan of the music folder."""
        if self._closed:
            return
        self._look_at_mounts()  # the sticks to watch changed
        if self._scanning:
            self._interrupt.set()
        self.rescan()

    def _configured_folders(self) -> list[str]:
        if self._settings is None:
            return []
        return [os.path.expanduser(f) for f in self._settings.get("musicFolders")]

    @Slot()
    def _on_settings_changed(self) -> None:
        folders = self._configured_folders()
        if folders != self._folders:
            self._folders = folders
            if self._started:
                self.rescan()

    def close(self) -> None:
        """Stop watching, cancel a scan (what it did is kept), let the plays already recorded be written, and
        close the library; a scan that does not stop within CLOSE_WAIT_S is left to end on its own."""
        if self._closed:
            return
        self._closed = True
        self._cancel.set()
        self._settle.stop()
        self._mount_poll.stop()
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
        self._mounts_worker.shutdown(wait=False, cancel_futures=True)
        last = self._worker.submit(lambda: None)  # runs after the scan and the plays queued before it
        self._worker.shutdown(wait=False)
        if wait_for([last], timeout=CLOSE_WAIT_S).not_done:
            log.warning("the music scan did not stop within %.0f s (a stick that does not answer?); the library "
                        "is left open for it and closes with the process", CLOSE_WAIT_S)
            return
        with self._library_lock:
            if self._library is not None:
                self._library.close()


class TunerProvider:
    """The FM tuner apps share, looked for when an app first asks (it may be absent, saying why), and again
    when asked while it is absent: a stick plugged in after switch-on is found then. (A plain object: the shell
    makes it at start, and a Qt class of its own would cost memory before any app asks.)"""

    def __init__(self):
        self._tuner: "Tuner | None" = None
        self._earlier: list["Tuner"] = []  # tuners an app may still hold: kept, absent, until the shell quits

    def current(self) -> "Tuner":
        if self._tuner is None or not self._tuner.available:
            from headunit.media.tuner import find_tuner

            found = find_tuner()
            if self._tuner is not None and found.reasonCode == self._tuner.reasonCode and not found.available:
                found.deleteLater()  # still missing, for the same reason: apps keep the one they hold
            else:  # an app may still hold the one before: it stays, absent, until the shell quits
                if self._tuner is not None:
                    self._earlier.append(self._tuner)
                self._tuner = found
        return self._tuner

    def close(self) -> None:
        for tuner in [*self._earlier, *([self._tuner] if self._tuner is not None else [])]:
            tuner.close()
