"""Jobs: the library, the account and the app's own storage, read and written on the plugin's worker.

Each question returns a request number at once; the answer comes back to the GUI thread as a signal carrying
that number, so a view drops answers it no longer waits for (the driver went back, typed on). Errors a driver
should read come back as reason codes (Texts.problem); the English goes to the log. Every question gets an
answer: a library or storage that fails (sqlite3.Error) or a station directory that answers with something
other than a station list costs that answer, never the app.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import sqlite3
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from headunit.sdk import CloudUnavailable, HeadUnitError

from .entries import TRACK, Entry, from_synced, from_track

STATIONS_PATH = "/v1/radio/stations"
PLAYLISTS, FAVOURITES = "playlists", "favourites"
#: Favourites of other apps share the collection; the music app's keys start with this.
FAVOURITE_PREFIX = "music:"
RECENT_LIMIT = 50
SEARCH_LIMIT = 20
#: The reason code of an answer the library could not give (Texts.problem's generic phrase).
UNAVAILABLE = "unavailable"


class Jobs(QObject):
    #: The queue and settings saved at switch-off ({} when none).
    stateLoaded = Signal(dict)
    #: request, items (dicts with a "type" for folders and groups, Entries for songs), reason ("" when found)
    listed = Signal(int, list, str)
    #: request, stations, their age in seconds when read from a cache (NaN when just fetched), whether the backend
    #: could not be reached for them, reason ("" when there is a list)
    stationsLoaded = Signal(int, list, float, bool, str)
    #: playlists, the app's favourites, reason ("" when the account answered)
    collectionsLoaded = Signal(dict, dict, str)
    #: a write to the account failed: collection, key, why
    collectionUnsaved = Signal(str, str, str)
    #: stats ({tracks, albums, artists, skipped}), files not read ([{path, reason}]), reason
    statusLoaded = Signal(dict, list, str)
    #: request, the entry found for a play-media uri (None when nothing)
    resolved = Signal(int, object)

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._numbers = itertools.count(1)
        self._db = None
        # Made here, on the GUI thread: the context parents it, and Qt parents only across one thread.
        self._cloud = ctx.cloud

    def _number(self) -> int:
        return next(self._numbers)

    def _library(self):
        try:
            return self._ctx.media.library
        except HeadUnitError as exc:
            raise _NoLibrary(str(exc)) from exc

    # The app's own storage: the queue at switch-off, the last station list

    def _storage(self):
        if self._db is None:
            self._db = self._ctx.storage()
            self._db.execute("CREATE TABLE IF NOT EXISTS saved (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                             "saved_at REAL NOT NULL)")
        return self._db

    def _put_all(self, values: dict) -> None:
        """Save each key's value, all or none."""
        db = self._storage()
        now = time.time()
        with db:
            db.executemany("INSERT OR REPLACE INTO saved (key, value, saved_at) VALUES (?, ?, ?)",
                           [(key, json.dumps(value), now) for key, value in values.items()])

    def _get(self, key: str) -> tuple[object, float] | None:
        try:
            row = self._storage().execute("SELECT value, saved_at FROM saved WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._ctx.log.warning("saved %s cannot be read (%s); going on without it", key, exc)
            return None
        if row is None:
            return None
        try:
            return json.loads(row[0]), row[1]
        except ValueError:
            self._ctx.log.warning("saved %s is damaged; starting without it", key)
            return None

    def load_state(self) -> None:
        self._ctx.submit(self._load_state)

    def _load_state(self) -> None:
        found = self._get("player")
        state = found[0] if found and isinstance(found[0], dict) else {}
        queue = self._get("queue")  # kept apart: the place is saved every few seconds, the queue when it changes
        if queue and isinstance(queue[0], dict):
            state["queue"] = queue[0]
        self.stateLoaded.emit(state)

    def save_state(self, state: dict) -> None:
        """The player's snapshot: its "queue" (when there is one) and the rest, in one transaction."""
        state = dict(state)
        values = {"player": state}
        if "queue" in state:
            values["queue"] = state.pop("queue")
        self._ctx.submit(self._save, values)

    def _save(self, values: dict) -> None:
        try:
            self._put_all(values)
        except sqlite3.Error as exc:
            self._ctx.log.warning("%s cannot be saved (%s)", " and ".join(values), exc)

    # The library

    def browse(self, kind: str, key=None) -> int:
        """Ask for one level of the library: artists, albums, genres, folders, recent (key None), or the
        content of an artist, album ((name, artist)), genre or folder."""
        number = self._number()
        self._ctx.submit(self._answer, number, lambda: self._level(kind, key))
        return number

    def search(self, text: str) -> int:
        number = self._number()
        self._ctx.submit(self._answer, number, lambda: self._search(text))
        return number

    def resolve_entries(self, values: list[dict]) -> int:
        """Songs of a playlist or the favourites, as the account keeps them, found on this car."""
        number = self._number()
        self._ctx.submit(self._answer, number, lambda: self._resolve(values))
        return number

    def _answer(self, number: int, query: Callable[[], list]) -> None:
        try:
            found = query()
            error = "" if found else "empty"
        except _NoLibrary as exc:
            self._ctx.log.info("%s", exc)
            found, error = [], "no_library"
        except sqlite3.Error as exc:
            self._ctx.log.warning("the music library cannot answer now: %s", exc)
            found, error = [], UNAVAILABLE
        except Exception:  # a bug meeting odd data costs this answer, not the app, and the view stops waiting
            self._ctx.log.exception("the music library's answer failed")
            found, error = [], UNAVAILABLE
        self.listed.emit(number, found, error)

    def _level(self, kind: str, key) -> list:
        library = self._library()
        match kind:
            case "artists":
                return [{"type": "artist", **a} for a in library.artists()]
            case "albums":
                return [{"type": "album", **a} for a in library.albums()]
            case "artist":
                return [{"type": "album", **a} for a in library.albums(artist=key)]
            case "genres":
                return [{"type": "genre", **g} for g in library.genres()]
            case "folders":
                return [{"type": "folder", **f} for f in library.folders()]
            case "folder":
                return ([{"type": "folder", **f} for f in library.folders(parent=key)]
                        + [from_track(t) for t in library.tracks(folder=key)])
            case "album":
                name, artist = key
                return [from_track(t) for t in library.tracks(album=name, artist=artist or None)]
            case "genre":
                return [from_track(t) for t in library.tracks(genre=key)]
            case "recent":
                return [from_track(t) for t in library.recent(RECENT_LIMIT)]
        raise ValueError(f"browse: no level {kind!r}")

    def _search(self, text: str) -> list:
        found = self._library().search(text, limit=SEARCH_LIMIT)
        return ([{"type": "artist", **a} for a in found.get("artists", [])]
                + [{"type": "album", **a} for a in found.get("albums", [])]
                + [from_track(t) for t in found.get("tracks", [])])

    def _resolve(self, values: list[dict]) -> list:
        """Each synced value as an Entry: the matching file on this car when there is one; otherwise as synced,
        with `track_id` -1 so the list can say it is not here."""
        try:
            library = self._library()
        except _NoLibrary:
            library = None
        entries = []
        for value in values:
            try:
                entry = from_synced(value)
            except (TypeError, ValueError) as exc:  # another car's or app's damaged entry: skipped, not fatal
                self._ctx.log.warning("skipping a synced entry %r: %s", value, exc)
                continue
            if entry.kind == TRACK:
                track = library.find(entry.title, entry.artist, entry.album) if library else None
                if track is not None:
                    entry = from_track(track)
                elif not (entry.uri and os.path.isfile(entry.uri)):
                    entry = Entry(TRACK, "", entry.title, entry.artist, entry.album, entry.duration, track_id=-1)
            entries.append(entry)
        return entries

    def record_play(self, entry: Entry) -> None:
        self._ctx.submit(self._record_play, entry)

    def _record_play(self, entry: Entry) -> None:
        try:
            library = self._library()
            track_id = entry.track_id if entry.track_id > 0 else 0
            if not track_id:
                track = library.track_by_path(entry.uri)
                track_id = track.id if track else 0
            if track_id:
                library.record_play(track_id)
        except _NoLibrary:
            return
        except sqlite3.Error as exc:
            self._ctx.log.warning("a play of %s goes unrecorded: %s", entry.uri, exc)

    def resolve_uri(self, uri: str) -> int:
        number = self._number()
        self._ctx.submit(self._resolve_uri, number, uri)
        return number

    def _resolve_uri(self, number: int, uri: str) -> None:
        """A file path or file: URL as a library entry (or a bare one when the library does not know it)."""
        from PySide6.QtCore import QUrl

        path = QUrl(uri).toLocalFile() if uri.startswith("file:") else uri
        entry = None
        if os.path.isfile(path):
            try:
                track = self._library().track_by_path(path)
            except _NoLibrary:
                track = None
            except sqlite3.Error as exc:  # the file plays all the same, with the names its path gives
                self._ctx.log.warning("the music library cannot look up %s: %s", path, exc)
                track = None
            entry = from_track(track) if track else Entry(TRACK, path, os.path.splitext(os.path.basename(path))[0])
        self.resolved.emit(number, entry)

    # Library status

    def status(self) -> None:
        self._ctx.submit(self._status)

    def _status(self) -> None:
        try:
            library = self._library()
            roots = [r["path"] for r in library.roots()]
            skipped = [{**s, "shown": _shown_path(s["path"], roots)} for s in library.skipped()]
            stats = library.stats()
        except _NoLibrary:
            self.statusLoaded.emit({}, [], "no_library")
        except sqlite3.Error as exc:
            self._ctx.log.warning("the music library's status cannot be read now: %s", exc)
            self.statusLoaded.emit({}, [], UNAVAILABLE)
        except Exception:  # a bug meeting odd data costs the status page's lists, not the app
            self._ctx.log.exception("the music library's status failed")
            self.statusLoaded.emit({}, [], UNAVAILABLE)
        else:
            self.statusLoaded.emit(stats, skipped, "")

    # Internet radio

    def stations(self) -> int:
        number = self._number()
        self._ctx.submit(self._stations, number)
        return number

    def _stations(self, number: int) -> None:
        """The directory through the cache; when the backend cannot be reached at all (offline at start-up, no
        link yet) or answers with something that is not a station list, the list this app saved the last time,
        with its age. Each station is checked by the view (radio.valid_stations)."""
        try:
            reading = self._cloud.get(STATIONS_PATH)
        except CloudUnavailable as exc:
            self._ctx.log.info("stations: %s", exc)
            self._saved_stations(number, "offline")
            return
        except Exception:  # the cache or the client failing costs this list, not the app
            self._ctx.log.exception("stations: the directory could not be read")
            self._saved_stations(number, "no_stations")
            return
        stations = station_list(reading.data)
        if stations is None:
            self._ctx.log.warning("stations: the directory's answer is not a station list: %s",
                                  _describe(reading.data))
            self._saved_stations(number, "no_stations")
            return
        if not reading.from_cache:
            self._save({"stations": stations})
        age = reading.age_seconds if reading.from_cache else math.nan
        self.stationsLoaded.emit(number, stations, age, reading.stale, "" if stations else "no_stations")

    def _saved_stations(self, number: int, reason: str) -> None:
        """The list saved the last time, as a stale one with its age; none: an empty list and `reason`."""
        saved = self._get("stations")
        stations = station_list({"stations": saved[0]}) if saved else None
        if stations:
            self.stationsLoaded.emit(number, stations, max(0.0, time.time() - saved[1]), True, "")
        else:
            self.stationsLoaded.emit(number, [], math.nan, True, reason)

    # Playlists and favourites, synced with the account

    def load_collections(self) -> None:
        self._ctx.submit(self._load_collections)

    def _load_collections(self) -> None:
        try:
            cloud = self._cloud
            playlists = cloud.items(PLAYLISTS)
            favourites = {k: v for k, v in cloud.items(FAVOURITES).items() if k.startswith(FAVOURITE_PREFIX)}
            self.collectionsLoaded.emit(playlists, favourites, "")
        except CloudUnavailable as exc:
            self.collectionsLoaded.emit({}, {}, str(exc))

    def put(self, collection: str, key: str, value: dict) -> None:
        self._ctx.submit(self._write, collection, key, lambda: self._cloud.put(collection, key, value))

    def delete(self, collection: str, key: str) -> None:
        self._ctx.submit(self._write, collection, key, lambda: self._cloud.delete(collection, key))

    def _write(self, collection: str, key: str, write: Callable[[], object]) -> None:
        try:
            write()
        except CloudUnavailable as exc:
            self.collectionUnsaved.emit(collection, key, str(exc))


def station_list(data) -> list[dict] | None:
    """The stations of a directory answer ({"stations": [{...}, …]}), or None when it is not one (an HTML page
    answered with 200, JSON of another shape). Entries that are not objects are left out here; the view checks
    each station's fields."""
    stations = data.get("stations") if isinstance(data, dict) else None
    if not isinstance(stations, list):
        return None
    return [station for station in stations if isinstance(station, dict)]


def _describe(data) -> str:
    """What came instead of a station list, briefly, for the log."""
    if isinstance(data, (bytes, str)):
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        return f"{type(data).__name__} {text[:80]!r}"
    if isinstance(data, dict):
        if "stations" in data:
            return f"its stations are a {type(data['stations']).__name__}, not a list"
        return f"an object with {sorted(data)[:8]} and no stations"
    return type(data).__name__


def _shown_path(path: str, roots: list[str]) -> str:
    """`path` from its root's name on ("USB STICK/Broken/noise.mp3"), as the driver knows the folder."""
    root = max((r for r in roots if path.startswith(r.rstrip(os.sep) + os.sep)), key=len, default="")
    if not root:
        return os.path.basename(path)
    return os.path.join(os.path.basename(root.rstrip(os.sep)), os.path.relpath(path, root))


class _NoLibrary(Exception):
    """The head unit has no music library service (ctx.media)."""
