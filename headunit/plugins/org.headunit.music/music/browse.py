"""Browser: a drill-down through the library — artists, albums, genres, folders, playlists, favourites, recently
played, or what a search found — one level at a time, each read on the worker.

The page shows the top level of the stack; tapping a group opens a deeper level, tapping a song plays the songs of
that level from it. While the car moves, rows the list template hides cannot be chosen, and levels deeper than
the limit do not open (the template says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from .collections import Collections
from .entries import STATION, TRACK, Entry
from .jobs import Jobs
from .player import Player
from .rows import Row, RowList, image_url
from .texts import Texts

QML_IMPORT_NAME = "HeadUnit.Plugins.Music"
QML_IMPORT_MAJOR_VERSION = 1

CATEGORIES = ("artists", "albums", "genres", "folders", "playlists", "favourites", "recent")
#: Levels whose rows are groups that open a deeper level.
GROUP_LEVELS = ("artists", "albums", "artist", "genres", "folders", "playlists")
#: Levels drawn as a grid of covers.
GRID_LEVELS = ("albums", "artist")
#: Why a level is empty, by kind, when the library answered with nothing.
EMPTY_REASONS = {"playlists": "no_playlists", "favourites": "no_favourites", "recent": "no_recent",
                 "search": "nothing_found", "playlist": "empty_playlist"}


@dataclass
class Level:
    kind: str
    key: object = None
    name: str = ""
    items: list = field(default_factory=list)
    request: int = 0
    busy: bool = True
    error: str = ""


@QmlElement
@QmlUncreatable("the music store owns it")
class Browser(QObject):
    changed = Signal()
    #: A song was chosen: the page shows what plays.
    playStarted = Signal()

    def __init__(self, jobs: Jobs, collections: Collections, player: Player, texts: Texts, restrictions,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._jobs, self._collections, self._player, self._texts = jobs, collections, player, texts
        self._restrictions = restrictions
        self._stack: list[Level] = []
        self._rows = RowList(self)
        jobs.listed.connect(self._listed)
        collections.changed.connect(self._collections_changed)
        player.changed.connect(self._render)

    # What the page shows

    @Property(QObject, constant=True, final=True)
    def rows(self) -> RowList:
        return self._rows

    @Property(str, notify=changed, final=True)
    def category(self) -> str:
        """The level the stack starts from: one of CATEGORIES, or "search"."""
        return self._stack[0].kind if self._stack else ""

    @Property(str, notify=changed, final=True)
    def kind(self) -> str:
        return self._stack[-1].kind if self._stack else ""

    @Property(str, notify=changed, final=True)
    def title(self) -> str:
        """The name of the level shown, when deeper than the first one."""
        if len(self._stack) < 2:
            return ""
        level = self._stack[-1]
        match level.kind:
            case "artist": return self._texts.artist(level.name)
            case "album": return self._texts.album(level.name)
            case "genre": return self._texts.genre(level.name)
        return level.name

    @Property(int, notify=changed, final=True)
    def depth(self) -> int:
        return len(self._stack)

    @Property(bool, notify=changed, final=True)
    def busy(self) -> bool:
        return bool(self._stack) and self._stack[-1].busy

    @Property(str, notify=changed, final=True)
    def message(self) -> str:
        """Why the level is empty."""
        if not self._stack or self._stack[-1].busy or not self._stack[-1].error:
            return ""
        return self._texts.problem(self._stack[-1].error)

    @Property(bool, notify=changed, final=True)
    def grid(self) -> bool:
        return self.kind in GRID_LEVELS

    @Property(bool, notify=changed, final=True)
    def opensLevels(self) -> bool:
        """The rows are groups (artists, albums…) that open a deeper level."""
        return self.kind in GROUP_LEVELS

    @Property(bool, notify=changed, final=True)
    def playable(self) -> bool:
        """The level lists songs: "Play all" and "Shuffle" apply."""
        return any(isinstance(i, Entry) and i.kind == TRACK and i.uri for i in self._items())

    @Property(bool, notify=changed, final=True)
    def isPlaylist(self) -> bool:
        return self.kind == "playlist"

    def _items(self) -> list:
        return self._stack[-1].items if self._stack else []

    # Moving through levels

    @Slot(str)
    def openCategory(self, kind: str) -> None:
        if kind not in CATEGORIES:
            raise ValueError(f"openCategory: expected one of {CATEGORIES}, got {kind!r}")
        self._stack = []
        self._push(Level(kind))

    @Slot(str)
    def search(self, text: str) -> None:
        """What the library has for `text` (typed when parked): artists, albums and songs."""
        text = text.strip()
        if not text:
            self._stack = []
            self._rows.set_rows([])
            self.changed.emit()
            return
        self._stack = []
        self._push(Level("search", text, text))

    @Slot(result=bool)
    def back(self) -> bool:
        """One level up; False at the first level."""
        if len(self._stack) < 2:
            return False
        self._stack.pop()
        self._render()
        self.changed.emit()
        return True

    @Slot()
    def refresh(self) -> None:
        """Read the levels again (the library or the account changed)."""
        for level in self._stack:
            self._fetch(level)
        self._render()
        self.changed.emit()

    def _push(self, level: Level) -> None:
        self._stack.append(level)
        self._fetch(level)
        self._render()
        self.changed.emit()

    def _fetch(self, level: Level) -> None:
        level.busy, level.error = True, ""
        match level.kind:
            case "playlists":
                playlists = self._collections.playlists
                level.items = [{"type": "playlist", "key": k, "name": v.get("name", ""),
                                "tracks": len(v.get("tracks", []))} for k, v in playlists.items()]
                self._done(level, "" if level.items else "no_playlists")
            case "playlist":
                tracks = self._collections.playlists.get(level.key, {}).get("tracks", [])
                level.request = self._jobs.resolve_entries(tracks) if tracks else 0
                if not tracks:
                    self._done(level, "empty_playlist", [])
            case "favourites":
                values = list(self._collections.favourites.values())
                level.request = self._jobs.resolve_entries(values) if values else 0
                if not values:
                    self._done(level, "no_favourites", [])
            case "search":
                level.request = self._jobs.search(level.key)
            case _:
                level.request = self._jobs.browse(level.kind, level.key)

    def _done(self, level: Level, error: str, items: list | None = None) -> None:
        if items is not None:
            level.items = items
        level.busy, level.error = False, error

    @Slot(int, list, str)
    def _listed(self, request: int, items: list, error: str) -> None:
        level = next((lv for lv in self._stack if lv.request == request), None)
        if level is None:
            return
        if error == "empty":
            error = EMPTY_REASONS.get(level.kind, "empty")
        self._done(level, error, items)
        if level is self._stack[-1]:
            self._render()
            self.changed.emit()

    def _collections_changed(self) -> None:
        if self._stack and self._stack[-1].kind in ("playlists", "playlist", "favourites"):
            self._fetch(self._stack[-1])
            self._render()
            self.changed.emit()

    # Choosing

    def _allowed(self, index: int) -> bool:
        """A row the driver can see now: while moving, only the first rows show."""
        limit = self._restrictions.maxItemsPerScreen
        return 0 <= index < len(self._items()) and (limit <= 0 or index < limit)

    @Slot(int)
    def activate(self, index: int) -> None:
        if not self._allowed(index):
            return
        item = self._items()[index]
        if isinstance(item, Entry):
            self._play_from(item)
            return
        max_depth = self._restrictions.maxDepth
        if max_depth > 0 and len(self._stack) >= max_depth:
            return
        match item["type"]:
            case "artist": self._push(Level("artist", item["name"], item["name"]))
            case "album": self._push(Level("album", (item["name"], item.get("artist", "")), item["name"]))
            case "genre": self._push(Level("genre", item["name"], item["name"]))
            case "folder": self._push(Level("folder", item["path"], item.get("name", "")))
            case "playlist": self._push(Level("playlist", item["key"], item["name"]))

    def _playable(self) -> list[Entry]:
        return [i for i in self._items() if isinstance(i, Entry) and i.uri]

    def _play_from(self, entry: Entry) -> None:
        if not entry.uri:
            return  # a playlist's song with no file on this car
        if entry.kind == STATION:
            stations = [e for e in self._playable() if e.kind == STATION]
            self._player.play_entries(stations, stations.index(entry))
        else:
            tracks = [e for e in self._playable() if e.kind == TRACK]
            self._player.play_entries(tracks, tracks.index(entry), shuffle=False)
        self.playStarted.emit()

    @Slot()
    def playAll(self) -> None:
        tracks = [e for e in self._playable() if e.kind == TRACK]
        if tracks:
            self._player.play_entries(tracks, 0, shuffle=False)
            self.playStarted.emit()

    @Slot()
    def shuffleAll(self) -> None:
        tracks = [e for e in self._playable() if e.kind == TRACK]
        if tracks:
            import random

            self._player.play_entries(tracks, random.randrange(len(tracks)), shuffle=True)
            self.playStarted.emit()

    @Slot()
    def deletePlaylist(self) -> None:
        """Delete the playlist shown (parked only: the page offers it then) and go back to the list."""
        if self.kind == "playlist" and not self._restrictions.active:
            self._collections.delete_playlist(self._stack[-1].key)
            self.back()

    # Rows

    def _render(self) -> None:
        current = self._player.current
        self._rows.set_rows([self._row(item, current) for item in self._items()])

    def _row(self, item, current: Entry | None) -> Row:
        t = self._texts
        if isinstance(item, Entry):
            playing = current is not None and item.uri == current.uri and bool(item.uri)
            if item.kind == STATION:
                return Row(item.title, item.artist, "mdi6.volume-high" if playing else "mdi6.radio", current=playing)
            if not item.uri:
                return Row(item.title, t.not_on_this_car(), "mdi6.music-note-off", t.duration(item.duration))
            subtitle = " · ".join(filter(None, (t.artist(item.artist), item.album)))
            return Row(item.title, subtitle, "mdi6.volume-high" if playing else "mdi6.music-note",
                       t.duration(item.duration), image_url(item.cover), playing)
        kind = item["type"]
        if kind == "artist":
            counts = (t.albums(item["albums"]) if item.get("albums") else "", t.tracks(item.get("tracks", 0)))
            return Row(t.artist(item["name"]), " · ".join(filter(None, counts)), "mdi6.account-music")
        if kind == "album":
            cover = image_url(item.get("cover", ""))
            year = str(item["year"]) if item.get("year") else ""
            return Row(t.album(item["name"]), t.artist(item.get("artist", "")), cover or "mdi6.album", year, cover)
        if kind == "genre":
            return Row(t.genre(item["name"]), t.tracks(item.get("tracks", 0)), "mdi6.guitar-electric")
        if kind == "folder":
            return Row(item.get("name", ""), t.tracks(item.get("tracks", 0)), "mdi6.folder-music")
        return Row(item.get("name", ""), t.tracks(item.get("tracks", 0)), "mdi6.playlist-music")

    def retranslate(self) -> None:
        self._render()
        self.changed.emit()

