"""Collections: the driver's playlists and favourites, synced with the account (ctx.cloud user data), so a
playlist made in one car plays in the next one, from that car's own files.

Playlists ("playlists": a UUID -> {"name", "tracks": [{title, artist, album, duration, path}]}) and favourites
("favourites": "music:track:<sha1>" or "music:station:<id>" -> the entry) are read and written on the worker.
Without a backend they are kept for the session and written to the account once it answers.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, QTimer, Signal

from .entries import Entry
from .jobs import FAVOURITES, PLAYLISTS, Jobs

#: Reading the account again after it did not answer (the emulator's backend starts after the first frame).
LOAD_RETRIES_MS = (5_000, 30_000, 120_000)


class Collections(QObject):
    changed = Signal()

    def __init__(self, jobs: Jobs, log, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs, self._log = jobs, log
        self._items: dict[str, dict[str, dict]] = {PLAYLISTS: {}, FAVOURITES: {}}
        self._unsaved: set[tuple[str, str]] = set()
        self._failures = 0
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(jobs.load_collections)
        jobs.collectionsLoaded.connect(self._loaded)
        jobs.collectionUnsaved.connect(self._unsaved_write)
        jobs.load_collections()

    def stop(self) -> None:
        self._retry.stop()

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

    def _unsaved_write(self, collection: str, key: str, error: str) -> None:
        if not self._unsaved:
            self._log.info("%s are kept for this session until the account can be reached: %s", collection, error)
        self._unsaved.add((collection, key))

    def _loaded(self, playlists: dict, favourites: dict, error: str) -> None:
        if error:
            if self._failures < len(LOAD_RETRIES_MS):
                self._retry.start(LOAD_RETRIES_MS[self._failures])
            self._failures += 1
            return
        loaded = {PLAYLISTS: dict(playlists), FAVOURITES: dict(favourites)}
        for collection, key in self._unsaved:  # changes made before the account answered win
            if key in self._items[collection]:
                loaded[collection][key] = self._items[collection][key]
                self._jobs.put(collection, key, self._items[collection][key])
            else:
                loaded[collection].pop(key, None)
                self._jobs.delete(collection, key)
        self._unsaved.clear()
        self._items = loaded
        self.changed.emit()
