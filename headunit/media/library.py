"""The music library's index (`library.db`): every track found under the library's roots with its tags, the
files that could not be read and why, and what was played when.

It is a cache of the files (only the play history is its own): a damaged database ("file is not a database",
"database disk image is malformed", a failed integrity check) is moved aside as `library.db.corrupt-<UTC time>`
and built again by the next scan, and one of an older format is simply rebuilt. One that cannot be opened for
another reason (locked by another program past the busy timeout, a disk error, no permission) is left as it
is: opening raises LibraryUnavailable, and the next attempt may succeed.

Roots are the places music comes from: the music folder, each USB stick, folders the driver added. A root
that is gone (a stick pulled out) keeps its rows but is marked absent, so its tracks disappear from every
list and come back without being read again when the stick returns.

Reads are safe from any thread (a connection per thread). Writes come from the scanner, on the one thread
that scans; `record_play` is handed to that thread when the library was given it (`writer`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from headunit.textsearch import TOKENIZER, fts_query, is_query_error, sort_key, spaced_cjk

log = logging.getLogger(__name__)

#: The layout of library.db; a file of another format is rebuilt (it is a cache of the files).
FORMAT = 1
#: How long a connection waits for another one's lock before it gives up ("database is locked").
BUSY_TIMEOUT_S = 10.0
#: SQLite's primary result codes that mean the file is damaged (the rest say nothing about its content).
_CORRUPTION_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


class LibraryUnavailable(sqlite3.OperationalError):
    """library.db cannot be opened now (locked, a disk error, no permission); the file was left as it is."""


class _IntegrityCheckFailed(sqlite3.DatabaseError):
    pass


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    if isinstance(exc, _IntegrityCheckFailed):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _CORRUPTION_CODES
    return any(words in str(exc) for words in ("file is not a database", "database disk image is malformed"))

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE roots (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                    present INTEGER NOT NULL);
CREATE TABLE tracks (
    id INTEGER PRIMARY KEY, root INTEGER NOT NULL, path TEXT NOT NULL UNIQUE, folder TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    title TEXT NOT NULL, artist TEXT NOT NULL, album TEXT NOT NULL, album_artist TEXT NOT NULL,
    genre TEXT NOT NULL, track_no INTEGER, disc_no INTEGER, year INTEGER, duration REAL NOT NULL,
    format TEXT NOT NULL, cover TEXT NOT NULL,
    -- "by": whom the library files the track under (the album artist, else the artist); *_key: sort keys
    -- with case and accents ignored
    by TEXT NOT NULL, by_key TEXT NOT NULL, artist_key TEXT NOT NULL, album_key TEXT NOT NULL,
    title_key TEXT NOT NULL, played_at REAL, plays INTEGER NOT NULL DEFAULT 0);
CREATE INDEX tracks_root ON tracks (root);
CREATE INDEX tracks_folder ON tracks (folder);
CREATE INDEX tracks_by ON tracks (by_key, album_key);
CREATE INDEX tracks_album ON tracks (album_key);
CREATE INDEX tracks_genre ON tracks (genre);
CREATE INDEX tracks_title ON tracks (title_key);
CREATE INDEX tracks_played ON tracks (played_at) WHERE played_at IS NOT NULL;
CREATE TABLE skipped (path TEXT PRIMARY KEY, root INTEGER NOT NULL, size INTEGER NOT NULL,
                      mtime_ns INTEGER NOT NULL, reason TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX skipped_root ON skipped (root);
CREATE VIEW visible AS SELECT t.* FROM tracks t JOIN roots r ON r.id = t.root WHERE r.present;
CREATE VIRTUAL TABLE tracks_text USING fts5(title, artist, album, cjk, tokenize='{TOKENIZER}', prefix='1 2 3');
-- Artists and albums of the tracks that show, rebuilt after every change (a few milliseconds).
CREATE TABLE artists (id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL, albums INTEGER NOT NULL,
                      tracks INTEGER NOT NULL);
CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT NOT NULL, artist TEXT NOT NULL, key TEXT NOT NULL,
                     artist_key TEXT NOT NULL, year INTEGER, cover TEXT NOT NULL, tracks INTEGER NOT NULL);
CREATE INDEX albums_artist ON albums (artist_key, key);
CREATE VIRTUAL TABLE artists_text USING fts5(name, cjk, tokenize='{TOKENIZER}', prefix='1 2 3');
CREATE VIRTUAL TABLE albums_text USING fts5(name, artist, cjk, tokenize='{TOKENIZER}', prefix='1 2 3');
"""

_TRACK_COLUMNS = ("id, path, title, artist, album, album_artist, genre, track_no, disc_no, year, duration, "
                  "format, cover")
_IN_ORDER = "by_key, album_key, disc_no, track_no, title_key, path"
_IN_ALBUM = "disc_no, track_no, title_key, path"


@dataclass(frozen=True, slots=True)
class Track:
    id: int
    path: str
    title: str  # the file name's stem when the file has no title
    artist: str  # "" when unknown (the UI says "Unknown artist")
    album: str
    album_artist: str
    genre: str
    track_no: int | None
    disc_no: int | None
    year: int | None
    duration: float  # seconds
    format: str  # "mp3", "flac", "ogg", "opus", "m4a" or "wav"
    cover: str  # the absolute path of the cached cover image, or ""

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class TrackInfo:
    """What the scanner read from a file, to be stored."""

    title: str
    artist: str = ""
    album: str = ""
    album_artist: str = ""
    genre: str = ""
    track_no: int | None = None
    disc_no: int | None = None
    year: int | None = None
    duration: float = 0.0
    format: str = ""
    cover: str = ""  # the cover's file name in the covers folder, or ""


@dataclass(frozen=True)
class Known:
    """A file the index already has: a track or a skipped file, as it was when it was last read."""

    size: int
    mtime_ns: int
    root: int
    reason: str | None  # why it was skipped; None for a track


class Library:
    def __init__(self, db_path: Path, covers_dir: Path, *, writer: Executor | None = None) -> None:
        """Open (or create) the index at `db_path`; cover images are cached in `covers_dir`. `writer` is the
        thread that scans: given it, `record_play` writes there, so the database has one writer."""
        self.db_path = Path(db_path)
        self.covers_dir = Path(covers_dir)
        self._writer = writer
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self.covers_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            self.close()
            if not _is_corruption(exc):
                raise LibraryUnavailable(f"the music library {self.db_path} cannot be opened now ({exc}); "
                                         "it is left as it is") from exc
            aside = self._move_aside()
            log.warning("%s cannot be read (%s); moved aside as %s, the library is rebuilt from the files",
                        self.db_path, exc, aside.name)
            self._open()

    # Opening, checking, rebuilding

    def _open(self) -> None:
        db = self._db()
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _IntegrityCheckFailed("the integrity check failed")
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            self._create(db)
            return
        found = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() if "meta" in tables else None
        if found is None or found[0] != str(FORMAT):
            log.info("%s is of another format; rebuilding it", self.db_path)
            self.close()
            for path in self._files():
                path.unlink(missing_ok=True)
            self._create(self._db())

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript("BEGIN;" + SCHEMA + f"INSERT INTO meta VALUES ('format', '{FORMAT}'); COMMIT;")

    def _files(self) -> list[Path]:
        return [self.db_path, *(self.db_path.with_name(self.db_path.name + s) for s in ("-wal", "-shm"))]

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        aside = self.db_path.with_name(f"{self.db_path.name}.corrupt-{stamp}")
        database, wal, shared_memory = self._files()
        database.replace(aside)
        if wal.exists() and wal.stat().st_size:  # kept beside it: the last writes, for whoever looks
            wal.replace(aside.with_name(aside.name + "-wal"))
        wal.unlink(missing_ok=True)
        shared_memory.unlink(missing_ok=True)
        return aside

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.db_path, check_same_thread=False, timeout=BUSY_TIMEOUT_S,
                                 isolation_level=None)
            with self._lock:
                self._connections.append(db)  # closed by close() even when a pragma below fails
            self._local.db = db
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        return db

    def close(self) -> None:
        with self._lock:
            for db in self._connections:
                db.close()
            self._connections.clear()
        self._local = threading.local()

    # Reading

    def _track(self, row: tuple) -> Track:
        cover = row[12]
        return Track(*row[:12], str(self.covers_dir / cover) if cover else "")

    def _tracks(self, where: str = "1", params: Iterable = (), order: str = _IN_ORDER, limit: int = -1
                ) -> list[Track]:
        rows = self._db().execute(
            f"SELECT {_TRACK_COLUMNS} FROM visible WHERE {where} ORDER BY {order} LIMIT ?", (*params, limit))
        return [self._track(row) for row in rows]

    def stats(self) -> dict:
        """How many tracks show, on how many albums by how many artists (unknown ones not counted), and how
        many files could not be read."""
        db = self._db()
        return {
            "tracks": db.execute("SELECT count(*) FROM visible").fetchone()[0],
            "albums": db.execute("SELECT count(*) FROM albums WHERE name != ''").fetchone()[0],
            "artists": db.execute("SELECT count(*) FROM artists WHERE name != ''").fetchone()[0],
            "skipped": db.execute("SELECT count(*) FROM skipped s JOIN roots r ON r.id = s.root "
                                  "WHERE r.present").fetchone()[0],
        }

    def artists(self) -> list[dict]:
        """Who the tracks are filed under (album artist, else artist), sorted with case and accents ignored;
        "" (unknown) last."""
        rows = self._db().execute("SELECT name, albums, tracks FROM artists ORDER BY name = '', key, name")
        return [{"name": name, "albums": albums, "tracks": tracks} for name, albums, tracks in rows]

    def albums(self, artist: str | None = None) -> list[dict]:
        """Albums, each under its album artist; of one artist: newest first, else by name."""
        if artist is None:
            rows = self._db().execute(
                "SELECT name, artist, year, cover, tracks FROM albums ORDER BY name = '', key, artist_key")
        else:
            rows = self._db().execute(
                "SELECT name, artist, year, cover, tracks FROM albums WHERE artist_key = ? "
                "ORDER BY name = '', year IS NULL, year DESC, key", (sort_key(artist),))
        return [{"name": name, "artist": by, "year": year, "cover": str(self.covers_dir / cover) if cover else "",
                 "tracks": tracks} for name, by, year, cover, tracks in rows]

    def genres(self) -> list[dict]:
        rows = self._db().execute("SELECT genre, count(*) FROM visible GROUP BY genre")
        return [{"name": name, "tracks": n} for name, n in sorted(rows, key=lambda r: (r[0] == "", sort_key(r[0])))]

    def folders(self, parent: str | None = None) -> list[dict]:
        """The folders directly in `parent` that hold tracks (at any depth), with how many; None: the roots
        that are present."""
        db = self._db()
        if parent is None:
            rows = db.execute("SELECT r.path, (SELECT count(*) FROM tracks t WHERE t.root = r.id) FROM roots r "
                              "WHERE r.present ORDER BY r.path").fetchall()
            return [{"path": path, "name": os.path.basename(path) or path, "tracks": n} for path, n in rows if n]
        parent = parent.rstrip(os.sep) or os.sep
        prefix = parent if parent.endswith(os.sep) else parent + os.sep
        counts: dict[str, int] = {}
        for folder, n in db.execute(
                "SELECT folder, count(*) FROM visible WHERE folder > ? AND folder < ? GROUP BY folder",
                (prefix, prefix[:-1] + chr(ord(os.sep) + 1))):
            child = prefix + folder[len(prefix):].split(os.sep, 1)[0]
            counts[child] = counts.get(child, 0) + n
        return [{"path": path, "name": os.path.basename(path), "tracks": n}
                for path, n in sorted(counts.items(), key=lambda item: sort_key(os.path.basename(item[0])))]

    def tracks(self, *, artist: str | None = None, album: str | None = None, genre: str | None = None,
               folder: str | None = None) -> list[Track]:
        """Tracks matching every filter given (exact names, as artists(), albums() and genres() give them).
        An album is in disc and track order; a folder holds only the files directly in it, by file name."""
        where, params = [], []
        for column, value in (("by_key", artist), ("album_key", album), ("genre", genre)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value if column == "genre" else sort_key(value))
        order = _IN_ALBUM if album is not None else _IN_ORDER
        if folder is not None:
            where.append("folder = ?")
            params.append(folder.rstrip(os.sep) or os.sep)
            order = "path"
        return self._tracks(" AND ".join(where) or "1", params, order)

    def track(self, track_id: int) -> Track | None:
        found = self._tracks("id = ?", (track_id,))
        return found[0] if found else None

    def track_by_path(self, path: str) -> Track | None:
        found = self._tracks("path = ?", (str(path),))
        return found[0] if found else None

    def find(self, title: str, artist: str, album: str = "") -> Track | None:
        """The track on this car that an entry synced from another car means: the same title and artist (case
        and accents ignored), on the same album when one is given and the car has it."""
        found = self._tracks("title_key = ? AND (artist_key = ? OR by_key = ?)",
                             (sort_key(title), sort_key(artist), sort_key(artist)))
        if not found:
            return None
        same_album = [t for t in found if sort_key(t.album) == sort_key(album)]
        return (same_album or found)[0]

    def search(self, text: str, limit: int = 20) -> dict:
        """Tracks, artists and albums whose names hold every word of `text` as a prefix (accents and case
        ignored; Chinese by characters): {"tracks": [Track], "artists": [...], "albums": [...]}."""
        match = fts_query(text)
        found: dict = {"tracks": [], "artists": [], "albums": []}
        if match is None:
            return found
        db = self._db()
        try:
            ids = [row[0] for row in db.execute(
                "SELECT t.id FROM tracks_text f JOIN visible t ON t.id = f.rowid WHERE tracks_text MATCH ? "
                "ORDER BY f.rank LIMIT ?", (match, limit))]
            artists = db.execute(
                "SELECT a.name, a.albums, a.tracks FROM artists_text f JOIN artists a ON a.id = f.rowid "
                "WHERE artists_text MATCH ? ORDER BY f.rank LIMIT ?", (match, limit)).fetchall()
            albums = db.execute(
                "SELECT a.name, a.artist, a.year, a.cover, a.tracks FROM albums_text f JOIN albums a "
                "ON a.id = f.rowid WHERE albums_text MATCH ? ORDER BY f.rank LIMIT ?", (match, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            if is_query_error(exc):
                return found  # a query FTS5 cannot parse finds nothing rather than failing
            raise
        if ids:
            by_id = {t.id: t for t in self._tracks(f"id IN ({','.join('?' * len(ids))})", ids)}
            found["tracks"] = [by_id[i] for i in ids if i in by_id]
        found["artists"] = [{"name": n, "albums": a, "tracks": t} for n, a, t in artists]
        found["albums"] = [{"name": n, "artist": by, "year": y, "cover": str(self.covers_dir / c) if c else "",
                            "tracks": t} for n, by, y, c, t in albums]
        return found

    def recent(self, limit: int = 20) -> list[Track]:
        """The tracks played last, the latest first."""
        return self._tracks("played_at IS NOT NULL", order="played_at DESC", limit=limit)

    def skipped(self) -> list[dict]:
        """The files under the present roots that could not be read, and why."""
        rows = self._db().execute("SELECT s.path, s.reason FROM skipped s JOIN roots r ON r.id = s.root "
                                  "WHERE r.present ORDER BY s.path")
        return [{"path": path, "reason": reason} for path, reason in rows]

    def roots(self) -> list[dict]:
        rows = self._db().execute("SELECT r.path, r.kind, r.present, (SELECT count(*) FROM tracks t "
                                  "WHERE t.root = r.id) FROM roots r ORDER BY r.path")
        return [{"path": p, "kind": k, "present": bool(present), "tracks": n} for p, k, present, n in rows]

    # Writing (the scanning thread)

    def record_play(self, track_id: int) -> Future | None:
        """Note that `track_id` was played now (for recent()). With a writer thread this returns at once
        (the Future of the write); without one it writes before returning."""
        if self._writer is not None:
            try:
                return self._writer.submit(self._record_play, track_id, time.time())
            except RuntimeError:  # the shell is shutting down: this one play goes unrecorded
                return None
        self._record_play(track_id, time.time())
        return None

    def _record_play(self, track_id: int, when: float) -> None:
        with self.transaction() as db:
            db.execute("UPDATE tracks SET played_at = ?, plays = plays + 1 WHERE id = ?", (when, track_id))

    def set_roots(self, present: dict[str, str], absent: Iterable[str]) -> bool:
        """Mark the roots in `present` (path -> kind) present and those in `absent` absent (kept, with their
        rows). True when what shows changed; artists and albums are then rebuilt."""
        with self.transaction() as db:
            before = db.execute("SELECT path, kind, present FROM roots").fetchall()
            for path, kind in present.items():
                db.execute("INSERT INTO roots (path, kind, present) VALUES (?, ?, 1) ON CONFLICT (path) "
                           "DO UPDATE SET kind = excluded.kind, present = 1", (path, kind))
            db.executemany("UPDATE roots SET present = 0 WHERE path = ?", [(path,) for path in absent])
            changed = db.execute("SELECT path, kind, present FROM roots").fetchall() != before
            if changed:
                self._rebuild_groups(db)
        return changed

    def root_id(self, path: str) -> int:
        return self._db().execute("SELECT id FROM roots WHERE path = ?", (path,)).fetchone()[0]

    def known(self, root_path: str) -> dict[str, Known]:
        """Every file the index has under `root_path` (tracks and skipped files), by path."""
        prefix = root_path.rstrip(os.sep) + os.sep
        bounds = (prefix, prefix[:-1] + chr(ord(os.sep) + 1))
        db = self._db()
        known = {path: Known(size, mtime, root, None) for path, size, mtime, root in db.execute(
            "SELECT path, size, mtime_ns, root FROM tracks WHERE path > ? AND path < ?", bounds)}
        for path, size, mtime, root, reason in db.execute(
                "SELECT path, size, mtime_ns, root, reason FROM skipped WHERE path > ? AND path < ?", bounds):
            known[path] = Known(size, mtime, root, reason)
        return known

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction on this thread's connection: committed at the end, rolled back on an error."""
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def put_track(self, root: int, path: str, size: int, mtime_ns: int, info: TrackInfo) -> None:
        """Add or update the track at `path` (its id, and so its play history, stays)."""
        db = self._db()
        db.execute("DELETE FROM skipped WHERE path = ?", (path,))
        by = info.album_artist or info.artist
        row = db.execute(
            "INSERT INTO tracks (root, path, folder, size, mtime_ns, title, artist, album, album_artist, genre, "
            "track_no, disc_no, year, duration, format, cover, by, by_key, artist_key, album_key, title_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET "
            "root = excluded.root, size = excluded.size, mtime_ns = excluded.mtime_ns, title = excluded.title, "
            "artist = excluded.artist, album = excluded.album, album_artist = excluded.album_artist, "
            "genre = excluded.genre, track_no = excluded.track_no, disc_no = excluded.disc_no, "
            "year = excluded.year, duration = excluded.duration, format = excluded.format, "
            "cover = excluded.cover, by = excluded.by, by_key = excluded.by_key, "
            "artist_key = excluded.artist_key, album_key = excluded.album_key, title_key = excluded.title_key "
            "RETURNING id",
            (root, path, os.path.dirname(path), size, mtime_ns, info.title, info.artist, info.album,
             info.album_artist, info.genre, info.track_no, info.disc_no, info.year, info.duration, info.format,
             info.cover, by, sort_key(by), sort_key(info.artist), sort_key(info.album), sort_key(info.title)),
        ).fetchone()[0]
        db.execute("DELETE FROM tracks_text WHERE rowid = ?", (row,))
        names = f"{info.title} {info.artist} {info.album_artist} {info.album}"
        db.execute("INSERT INTO tracks_text (rowid, title, artist, album, cjk) VALUES (?, ?, ?, ?, ?)",
                   (row, info.title, f"{info.artist} {info.album_artist}", info.album, spaced_cjk(names)))

    def put_skipped(self, root: int, path: str, size: int, mtime_ns: int, reason: str) -> bool:
        """Note that `path` could not be read and why; True if it was a track until now (it is removed)."""
        db = self._db()
        was_track = self._remove_track(db, path)
        db.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?, ?)", (path, root, size, mtime_ns, reason))
        return was_track

    def move_to_root(self, path: str, root: int) -> None:
        """A file now found under another root (roots that overlapped): it belongs to `root`, unread."""
        db = self._db()
        db.execute("UPDATE tracks SET root = ? WHERE path = ?", (root, path))
        db.execute("UPDATE skipped SET root = ? WHERE path = ?", (root, path))

    def remove(self, path: str) -> bool:
        """Forget the file at `path`; True if it was a track."""
        db = self._db()
        db.execute("DELETE FROM skipped WHERE path = ?", (path,))
        return self._remove_track(db, path)

    @staticmethod
    def _remove_track(db: sqlite3.Connection, path: str) -> bool:
        row = db.execute("DELETE FROM tracks WHERE path = ? RETURNING id", (path,)).fetchone()
        if row is not None:
            db.execute("DELETE FROM tracks_text WHERE rowid = ?", (row[0],))
        return row is not None

    def covers_in_use(self) -> set[str]:
        return {row[0] for row in self._db().execute("SELECT DISTINCT cover FROM tracks WHERE cover != ''")}

    def rebuild_groups(self) -> None:
        """Artists and albums from the tracks that show now (after a scan that changed anything)."""
        with self.transaction() as db:
            self._rebuild_groups(db)

    @staticmethod
    def _rebuild_groups(db: sqlite3.Connection) -> None:
        for table in ("artists", "albums", "artists_text", "albums_text"):
            db.execute(f"DELETE FROM {table}")
        albums = db.execute(
            "SELECT min(album), min(by), max(year), max(cover), count(*), album_key, by_key FROM visible "
            "GROUP BY by_key, album_key").fetchall()
        by_artist: dict[str, list] = {}
        for name, by, year, cover, tracks, key, by_key in albums:
            row = db.execute("INSERT INTO albums (name, artist, key, artist_key, year, cover, tracks) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)", (name, by, key, by_key, year, cover, tracks)).lastrowid
            db.execute("INSERT INTO albums_text (rowid, name, artist, cjk) VALUES (?, ?, ?, ?)",
                       (row, name, by, spaced_cjk(f"{name} {by}")))
            entry = by_artist.setdefault(by_key, [by, 0, 0])
            entry[1] += 1 if name else 0
            entry[2] += tracks
        for key, (name, albums_count, tracks) in by_artist.items():
            row = db.execute("INSERT INTO artists (name, key, albums, tracks) VALUES (?, ?, ?, ?)",
                             (name, key, albums_count, tracks)).lastrowid
            db.execute("INSERT INTO artists_text (rowid, name, cjk) VALUES (?, ?, ?)", (row, name, spaced_cjk(name)))
