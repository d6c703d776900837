"""LibraryStatus: what the shell's scanner found — songs, albums, artists, a scan under way — and the files it
could not read, each with the reason, so a driver knows why a song is missing from the library."""

from __future__ import annotations

import os

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.sdk import HeadUnitError

from .jobs import Jobs
from .rows import Row, RowList
from .texts import Texts

QML_IMPORT_NAME = "HeadUnit.Plugins.Music"
QML_IMPORT_MAJOR_VERSION = 1

#: The scanner's properties this page follows.
SERVICE_PROPERTIES = ("scanning", "scanned", "found", "trackCount", "skippedCount")


@QmlElement
@QmlUncreatable("the music store owns it")
class LibraryStatus(QObject):
    changed = Signal()
    #: The library's content changed (a scan found new songs, a stick came or went).
    libraryChanged = Signal()

    def __init__(self, ctx, jobs: Jobs, texts: Texts, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx, self._jobs, self._texts = ctx, jobs, texts
        self._stats: dict = {}
        self._skipped: list[dict] = []
        self._error = ""
        self._rows = RowList(self)
        try:
            self._service = ctx.media.service
        except HeadUnitError as exc:
            ctx.log.info("no music library: %s", exc)
            self._service, self._error = None, "no_library"
        if self._service is not None:
            self._follow(self._service)
        jobs.statusLoaded.connect(self._loaded)
        self.refresh()

    def _follow(self, service: QObject) -> None:
        meta = service.metaObject()
        connected = set()
        for name in SERVICE_PROPERTIES:
            index = meta.indexOfProperty(name)
            if index < 0:
                continue
            notify = meta.property(index).notifySignal()
            signal = bytes(notify.name()).decode() if notify.isValid() else ""
            if signal and signal not in connected:
                getattr(service, signal).connect(self.changed)
                connected.add(signal)
        for signal in ("changed", "scanFinished"):
            if hasattr(service, signal):
                getattr(service, signal).connect(self._library_changed)

    def _library_changed(self, *_) -> None:
        self.refresh()
        self.libraryChanged.emit()

    def _value(self, name: str, default=0):
        return getattr(self._service, name, default) if self._service is not None else default

    # What the page shows

    @Property(bool, notify=changed, final=True)
    def available(self) -> bool:
        return self._service is not None

    @Property(bool, notify=changed, final=True)
    def scanning(self) -> bool:
        return bool(self._value("scanning", False))

    @Property(str, notify=changed, final=True)
    def progress(self) -> str:
        """"Scanning: 120 of 900 files" while a scan runs."""
        if not self.scanning:
            return ""
        found, scanned = int(self._value("found")), int(self._value("scanned"))
        if found:
            return self._ctx.tr("Scanning: %1 of %2 files").replace("%1", self._texts.number(scanned)) \
                .replace("%2", self._texts.number(found))
        return self._ctx.tr("Looking for music…")

    @Property(int, notify=changed, final=True)
    def trackCount(self) -> int:
        return int(self._value("trackCount", self._stats.get("tracks", 0)))

    @Property(str, notify=changed, final=True)
    def summary(self) -> str:
        """"7 tracks · 3 albums · 4 artists"."""
        if self._service is None or self._error:
            return self._texts.problem(self._error or "no_library")
        t = self._texts
        return " · ".join((t.tracks(self.trackCount), t.albums(int(self._stats.get("albums", 0))),
                           t.artists(int(self._stats.get("artists", 0)))))

    @Property(int, notify=changed, final=True)
    def skippedCount(self) -> int:
        return int(self._value("skippedCount", len(self._skipped))) if self._service is not None else 0

    @Property(str, notify=changed, final=True)
    def skippedTitle(self) -> str:
        n = len(self._skipped)
        if not n:
            return self._ctx.tr("Every file could be read") if self._service is not None and self._stats else ""
        return (self._ctx.tr("1 file could not be read") if n == 1
                else self._ctx.tr("%1 files could not be read").replace("%1", self._texts.number(n)))

    @Property(RowList, constant=True, final=True)
    def skipped(self) -> RowList:
        """Files that could not be read: name, why, folder."""
        return self._rows

    @Slot()
    def refresh(self) -> None:
        self._jobs.status()

    @Slot()
    def rescan(self) -> None:
        try:
            self._ctx.media.rescan()
        except HeadUnitError as exc:
            self._ctx.log.info("no rescan: %s", exc)

    @Slot(dict, list, str)
    def _loaded(self, stats: dict, skipped: list, error: str) -> None:
        self._stats, self._skipped, self._error = stats, sorted(skipped, key=lambda s: s.get("path", "")), error
        self._render()
        self.changed.emit()

    def _render(self) -> None:
        """Each file where the driver finds it (from its folder or stick on), and why in a few words."""
        self._rows.set_rows([Row(s.get("shown", os.path.basename(s.get("path", ""))),
                                 self._texts.skip_kind(s.get("reason", "")), "mdi6.file-alert-outline")
                             for s in self._skipped])

    def retranslate(self) -> None:
        self._render()
        self.changed.emit()
