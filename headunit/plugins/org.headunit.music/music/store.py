"""MusicStore: the music app's state for its page and tile — the player, the library and search browsers, the
radio, the library's status, and the playlists and favourites they share.

The page has five sections: now playing (with the queue), library, radio, search (typing when parked) and the
library's status. The shell's back button walks back inside a section before it leaves the app.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from .browse import Browser
from .collections import Collections
from .entries import STATION, Entry, fm
from .jobs import Jobs
from .player import Player
from .radio import Radio
from .rows import Row, RowList
from .status import LibraryStatus
from .texts import Texts

QML_IMPORT_NAME = "HeadUnit.Plugins.Music"
QML_IMPORT_MAJOR_VERSION = 1

SECTIONS = ("playing", "library", "radio", "search", "status")


@QmlElement
@QmlUncreatable("created by the plugin; views take it as a required property")
class MusicStore(QObject):
    sectionChanged = Signal()
    languageChanged = Signal()
    favouriteChanged = Signal()
    #: Something started playing from a list: the page can show it.
    playStarted = Signal()

    def __init__(self, ctx, jobs: Jobs, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx, self._jobs = ctx, jobs
        self._texts = Texts(ctx)
        self._language = ""
        self._section = "playing"
        self._restrictions = ctx.restrictions

        self._player = Player(ctx, self._texts, self)
        self._collections = Collections(jobs, ctx.log, self)
        self._library = Browser(jobs, self._collections, self._player, self._texts, self._restrictions, self)
        self._finder = Browser(jobs, self._collections, self._player, self._texts, self._restrictions, self)
        self._radio = Radio(ctx, jobs, self._player, self._texts, self)
        self._status = LibraryStatus(ctx, jobs, self._texts, self)
        self._playlist_rows = RowList(self)

        self._player.snapshot.connect(jobs.save_state)
        self._player.played.connect(self._played)
        self._player.changed.connect(self.favouriteChanged)
        self._collections.changed.connect(self._collections_changed)
        self._status.libraryChanged.connect(self._library.refresh)
        self._status.libraryChanged.connect(self._player.library_changed)
        for source in (self._library, self._finder):
            source.playStarted.connect(self.playStarted)
        ctx.settingChanged.connect(self._setting_changed)
        jobs.stateLoaded.connect(self._player.restore)
        jobs.resolved.connect(self._uri_resolved)
        self._uri_request, self._uri_path = 0, ""  # the file play_uri asked for, looked up on the worker

        self._library.openCategory("albums")
        jobs.load_state()

    def shutdown(self) -> None:
        self._player.stop()
        self._radio.stop()

    # Parts

    @Property(Player, constant=True, final=True)
    def player(self) -> Player:
        return self._player

    @Property(Browser, constant=True, final=True)
    def library(self) -> Browser:
        return self._library

    @Property(Browser, constant=True, final=True)
    def finder(self) -> Browser:
        """The search section's browser: what was found, and the artists and albums opened from there."""
        return self._finder

    @Property(Radio, constant=True, final=True)
    def radio(self) -> Radio:
        return self._radio

    @Property(LibraryStatus, constant=True, final=True)
    def status(self) -> LibraryStatus:
        return self._status

    # The page

    @Property(str, notify=sectionChanged, final=True)
    def section(self) -> str:
        """playing, library, radio, search or status."""
        return self._section

    @Slot(str)
    def showSection(self, section: str) -> None:
        if section not in SECTIONS:
            raise ValueError(f"showSection: expected one of {SECTIONS}, got {section!r}")
        if section != self._section:
            self._section = section
            self.sectionChanged.emit()
        if section == "radio":
            self._radio.ensureLoaded()
        elif section == "status":
            self._status.refresh()
        elif section == "library" and self._library.kind == "recent":
            self._library.refresh()

    @Slot(result=bool)
    def back(self) -> bool:
        """One step back inside the app; False when there is none (the shell then goes home)."""
        match self._section:
            case "library": return self._library.back()
            case "search": return self._finder.back()
        return False

    @Property(str, notify=languageChanged, final=True)
    def language(self) -> str:
        return self._language

    @language.setter
    def language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self.languageChanged.emit()
            for part in (self._player, self._library, self._finder, self._radio, self._status):
                part.retranslate()
            self._render_playlists()

    # Favourites and playlists, for what plays now

    @Property(bool, notify=favouriteChanged, final=True)
    def favourite(self) -> bool:
        return self._collections.is_favourite(self._player.current)

    @Slot()
    def toggleFavourite(self) -> None:
        entry = self._player.current
        if entry is not None and entry.uri:
            self._collections.toggle_favourite(entry)

    @Property(RowList, constant=True, final=True)
    def playlists(self) -> RowList:
        """The playlists a song can be added to."""
        return self._playlist_rows

    def _render_playlists(self) -> None:
        self._playlist_rows.set_rows([
            Row(v.get("name", ""), self._texts.tracks(len(v.get("tracks", []))), "mdi6.playlist-music")
            for v in self._collections.playlists.values()])

    def _collections_changed(self) -> None:
        self._render_playlists()
        self.favouriteChanged.emit()

    @Slot(int)
    def addToPlaylist(self, index: int) -> None:
        """Add what plays to playlist `index` (as `playlists` lists them)."""
        entry = self._player.current
        keys = list(self._collections.playlists)
        if entry is not None and entry.kind != STATION and 0 <= index < len(keys):
            self._collections.add_to_playlist(keys[index], entry)
            self._ctx.toast(self._ctx.tr("Added to “%1”").replace(
                "%1", self._collections.playlists[keys[index]].get("name", "")))

    @Slot(str)
    def createPlaylist(self, name: str) -> None:
        """A new playlist holding what plays now; named "Playlist 3" when no name was typed."""
        entry = self._player.current
        name = name.strip() or self._ctx.tr("Playlist %1").replace(
            "%1", self._texts.number(len(self._collections.playlists) + 1))
        self._collections.create_playlist(name, [entry] if entry is not None and entry.kind != STATION else [])
        self._ctx.toast(self._ctx.tr("Added to “%1”").replace("%1", name))

    # Other apps: play-media

    def play_uri(self, uri: str) -> bool:
        """Play `uri`: a file (path or file: URL), an http(s) stream, or "fm:98.5". False when it names nothing
        this app can play."""
        uri = uri.strip()
        scheme = urlparse(uri).scheme.lower()
        if scheme in ("http", "https"):
            station = next((s for s in self._radio.station_entries() if s.uri == uri), None)
            self._player.play_entries([station or Entry(STATION, uri, urlparse(uri).netloc or uri)], 0)
            return True
        if scheme == "fm":
            try:
                entry = fm(float(uri[3:]))
            except ValueError:
                return False
            self._player.play_entries([entry], 0)
            return True
        if scheme == "music" and uri.startswith("music:station:"):
            return self._radio.play_station_id(uri.removeprefix("music:station:"))
        if scheme in ("", "file"):
            path = QUrl(uri).toLocalFile() if scheme == "file" else uri
            if not os.path.isabs(path) or not os.path.isfile(path):
                return False
            self._uri_request, self._uri_path = self._jobs.resolve_uri(uri), path
            return True
        return False

    @Slot(int, object)
    def _uri_resolved(self, request: int, entry) -> None:
        if request != self._uri_request:
            return
        if entry is None:
            self._ctx.toast(self._texts.not_found(self._uri_path), "error")  # gone since play_uri looked
        else:
            self._player.play_entries([entry], 0)

    # Plumbing

    def _played(self, entry: Entry) -> None:
        self._jobs.record_play(entry)

    def _setting_changed(self, key: str) -> None:
        if key == "prompts":
            self._player.prompt_mode_changed()
