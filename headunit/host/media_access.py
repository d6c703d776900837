"""A plugin's view of the media on the device (capability: media-library): the music library the shell
scans (its own folder, USB sticks, configured folders) and the FM tuner, when the car has one.

The library is read-only to plugins: the shell alone scans and writes the index, so two players never index
the same stick twice and no app can damage another's view of it. Its reads touch disk: call them from the
plugin's worker (`ctx.submit`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal

if TYPE_CHECKING:
    from headunit.media.library import Library, Track
    from headunit.media.tuner import Tuner
    from headunit.shell.media import MediaLibrary


class LibraryReader:
    """The music library's index as apps see it: browsing, search and play history, none of its writers."""

    __slots__ = ("_library",)

    def __init__(self, library: "Library") -> None:
        self._library = library

    def stats(self) -> dict:
        """{tracks, albums, artists, skipped}: what shows, and how many files could not be read."""
        return self._library.stats()

    def artists(self) -> list[dict]:
        return self._library.artists()

    def albums(self, artist: str | None = None) -> list[dict]:
        return self._library.albums(artist)

    def genres(self) -> list[dict]:
        return self._library.genres()

    def folders(self, parent: str | None = None) -> list[dict]:
        return self._library.folders(parent)

    def tracks(self, *, artist: str | None = None, album: str | None = None, genre: str | None = None,
               folder: str | None = None) -> list["Track"]:
        return self._library.tracks(artist=artist, album=album, genre=genre, folder=folder)

    def track(self, track_id: int) -> "Track | None":
        return self._library.track(track_id)

    def track_by_path(self, path: str) -> "Track | None":
        return self._library.track_by_path(path)

    def find(self, title: str, artist: str, album: str = "") -> "Track | None":
        """The track on this car that a synced entry means (see Library.find)."""
        return self._library.find(title, artist, album)

    def search(self, text: str, limit: int = 20) -> dict:
        return self._library.search(text, limit)

    def recent(self, limit: int = 20) -> list["Track"]:
        return self._library.recent(limit)

    def skipped(self) -> list[dict]:
        """Files under the present roots that could not be read, and why."""
        return self._library.skipped()

    def roots(self) -> list[dict]:
        """Where music comes from: [{path, kind, present, tracks}]."""
        return self._library.roots()

    def record_play(self, track_id: int) -> Future | None:
        """Note that `track_id` was played now (for recent()); written by the shell's library thread."""
        return self._library.record_play(track_id)


class ScanStatus(QObject):
    """The shell's scanner as apps see it: its progress and news, not its controls."""

    changed = Signal()
    scanFinished = Signal("QVariantMap")  # type: ignore[arg-type]  # PySide takes C++ type names
    scanningChanged = Signal()
    progressChanged = Signal()
    countsChanged = Signal()

    def __init__(self, service: "MediaLibrary") -> None:
        super().__init__()
        self._service = service
        for name in ("changed", "scanFinished", "scanningChanged", "progressChanged", "countsChanged"):
            getattr(service, name).connect(getattr(self, name))

    @Property(bool, notify=scanningChanged, final=True)
    def scanning(self) -> bool:
        return self._service.scanning  # type: ignore[return-value]  # PySide's stubs: a Property, not its value

    @Property(int, notify=progressChanged, final=True)
    def scanned(self) -> int:
        return self._service.scanned  # type: ignore[return-value]  # PySide's stubs: a Property, not its value

    @Property(int, notify=progressChanged, final=True)
    def found(self) -> int:
        return self._service.found  # type: ignore[return-value]  # PySide's stubs: a Property, not its value

    @Property(int, notify=countsChanged, final=True)
    def trackCount(self) -> int:
        return self._service.trackCount  # type: ignore[return-value]  # PySide's stubs: a Property, not its value

    @Property(int, notify=countsChanged, final=True)
    def skippedCount(self) -> int:
        return self._service.skippedCount  # type: ignore[return-value]  # PySide's stubs: a Property, not its value


class PluginMedia:
    """`ctx.media`."""

    def __init__(self, service: "MediaLibrary", tuner: Callable[[], "Tuner"]):
        self._service, self._find_tuner = service, tuner
        self._status = ScanStatus(service)
        application = QCoreApplication.instance()
        if application is not None and self._status.thread() is not application.thread():
            self._status.moveToThread(application.thread())  # ctx.media first used on the worker

    @property
    def library(self) -> LibraryReader:
        """Artists, albums, genres, folders, search, recently played and recording a play; opened on first
        use (raises sqlite3.Error when the index cannot be opened now)."""
        return LibraryReader(self._service.library)

    @property
    def service(self) -> ScanStatus:
        """The scanner's progress and news: `changed`, `scanFinished(report)`, `scanning`, `trackCount`…"""
        return self._status

    def rescan(self) -> None:
        """Look for new, changed and removed files now (incremental: unchanged files are not read)."""
        self._service.rescan()

    @property
    def tuner(self) -> "Tuner":
        """The FM tuner: `available` False (with `reason`) when the car has none. Looked for on first use, and
        again at each use while absent (a stick plugged in later)."""
        return self._find_tuner()
