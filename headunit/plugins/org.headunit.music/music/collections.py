"""Collections: the driver's playlists and favourites, synced with the account (ctx.cloud user data), so a
playlist made in one car plays in the next one, from that car's own files.

Playlists ("playlists": a UUID -> {"name", "tracks": [{title, artist, album, duration, path}]}) and favourites
("favourites": "music:track:<sha1>" or "music:station:<id>" -> the entry) are read and written on the worker.
A write is on the car's disk when it returns, and reaches the account whenever the backend answers; only a head
unit with no backend at all keeps them for the session alone.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal

from .entries import Entry
from .jobs import FAVOURITES, PLAYLISTS, Jobs


class Collections(QObject):
    changed = Signal()

    def __init__(self, jobs: Jobs, log, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs, self._log = jobs, log
        self._items: dict[str, dict[str, dict]] = {PLAYLISTS: {}, FAVOURITES: {}}
        self._warned = False
        jobs.collectionsLoaded.connect(self._loaded)
        jobs.collectionUnsaved.connect(self._unsaved)
        jobs.load_collections()

    @property
    def playlists(self) -> dict[str, dict]:
        """key -> {"name", "tracks"}, in the order they were made."""
        return dict(self._items[PLAYLISTS])

    @property
    def favourites(self) -> dict[str, dict]:
        return dict(self._items[FAVOURITES])

    # Favourites

    def is_favourite(self, entry: Entry | None) -> bool:
        return entry is not None and entry.favourite_key in self._items[FAVOURITES]

    def toggle_favourite(self, entry: Entry) -> bool:
        """Star or unstar `entry`; whether it is a favourite now."""
        key = entry.favourite_key
        if key in self._items[FAVOURITES]:
            self._delete(FAVOURITES, key)
            return False
        self._put(FAVOURITES, key, entry.synced())
        return True

    # Playlists

    def create_playlist(self, name: str, entries: list[Entry] = ()) -> str:
        key = str(uuid.uuid4())
        self._put(PLAYLISTS, key, {"name": name.strip(), "tracks": [e.synced() for e in entries]})
        return key

    def add_to_playlist(self, key: str, entry: Entry) -> None:
        playlist = self._items[PLAYLISTS].get(key)
        if playlist is not None:
            self._put(PLAYLISTS, key, {**playlist, "tracks": list(playlist.get("tracks", [])) + [entry.synced()]})

    def delete_playlist(self, key: str) -> None:
        if key in self._items[PLAYLISTS]:
            self._delete(PLAYLISTS, key)

    # Writing

    def _put(self, collection: str, key: str, value: dict) -> None:
        self._items[collection][key] = value
        self._jobs.put(collection, key, value)
        self.changed.emit()

    def _delete(self, collection: str, key: str) -> None:
        self._items[collection].pop(key, None)
        self._jobs.delete(collection, key)
        self.changed.emit()

    def _unsaved(self, collection: str, key: str, error: str) -> None:
        self._warn(error)

    def _loaded(self, playlists: dict, favourites: dict, error: str) -> None:
        if error:  # no backend, or a profile database that cannot be opened: it stays so for this run
            self._warn(error)
            return
        self._items = {PLAYLISTS: dict(playlists), FAVOURITES: dict(favourites)}
        self.changed.emit()

    def _warn(self, error: str) -> None:
        if not self._warned:
            self._warned = True
            self._log.info("playlists and favourites are kept for this session only: %s", error)
