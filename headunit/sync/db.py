"""`sync.db`: the outbox, the user-data mirror, the pull cursor and the traffic counters in one SQLite file.

One file, so that an app's local change, its outbox operation and a pulled page with its cursor each
commit atomically. WAL lets the drainer read while an app writes; `synchronous=FULL` makes a commit
durable when it returns. Only the connections that record intent (enqueue) pay for that fsync: the
drainer's and the puller's bookkeeping can be redone after a power cut (a resent operation is
replayed by the server; a re-pulled page is applied again), so they commit with `synchronous=NORMAL`.

Each thread gets its own connections; a `transaction()` opened while the same thread already holds one
joins it, so `with db.transaction(): outbox.enqueue(...); mirror.put(...)` is one commit.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from headunit.sync.errors import CorruptStoreError, StoreError
from headunit.sync.files import private_database, private_folder, tighten_side_files

SQLITE_MAGIC = b"SQLite format 3\x00"


def _initial(conn: sqlite3.Connection) -> None:
    _run(conn, """
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            op_id TEXT NOT NULL UNIQUE,
            lane TEXT NOT NULL,
            plugin TEXT NOT NULL,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            body TEXT,
            created_at REAL NOT NULL,
            not_after REAL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'acked', 'rejected', 'expired')),
            response_status INTEGER,
            response TEXT,
            last_error TEXT,
            finished_at REAL
        );
        CREATE INDEX outbox_pending ON outbox (lane, seq) WHERE state = 'pending';
        CREATE TABLE items (
            collection TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at REAL NOT NULL,
            server_seq INTEGER,
            PRIMARY KEY (collection, key)
        ) WITHOUT ROWID;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
        CREATE TABLE traffic (
            plugin TEXT PRIMARY KEY,
            up INTEGER NOT NULL DEFAULT 0,
            down INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
    """)


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Statement by statement: `executescript` would commit the migration's transaction first."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _held_changes(conn: sqlite3.Connection) -> None:
    # Pulled changes kept back behind a local write that was still pending (see Mirror.settle).
    _run(conn, """
        CREATE TABLE held (
            collection TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT,
            deleted INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (collection, key)
        ) WITHOUT ROWID;
        CREATE INDEX outbox_path ON outbox (path, seq)
    """)


def _merge_replaced(conn: sqlite3.Connection) -> None:
    # The account's values that the car's own replaced when the car was linked to that account
    # (Mirror.merge): kept, so that linking never loses anything.
    _run(conn, """
        CREATE TABLE merge_replaced (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            collection TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            seq INTEGER,
            account_id TEXT,
            replaced_at REAL NOT NULL
        )
    """)


#: Named, ordered schema steps; each runs once and is recorded in `migrations`.
MIGRATIONS: tuple[tuple[str, Callable[[sqlite3.Connection], None]], ...] = (
    ("0001_initial", _initial),
    ("0002_held_changes", _held_changes),
    ("0003_merge_replaced", _merge_replaced),
)


class SyncDB:
    """The profile's sync database. Opening it checks that it is a sound SQLite file and migrates it.

    The file and its `-wal` and `-shm` are 0600 (created so, or tightened when opened): they hold the
    driver's data."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        private_folder(self.path.parent)
        private_database(self.path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        try:
            self._check_header()
            conn = self.connection()
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            self._migrate(conn)
            tighten_side_files(self.path)  # SQLite gives them the main file's mode; older ones may be looser
        except sqlite3.DatabaseError as exc:
            self.close()
            raise CorruptStoreError(self.path, self._move_aside(), str(exc)) from exc

    # -- connections and transactions -------------------------------------------------------------

    def connection(self, *, durable: bool = True) -> sqlite3.Connection:
        """This thread's connection: `durable` ones fsync on commit (FULL), the others don't (NORMAL)."""
        if self._closed:
            raise StoreError(f"{self.path}: closed")
        key = "durable" if durable else "relaxed"
        conn = getattr(self._local, key, None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
            setattr(self._local, key, conn)
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """`BEGIN IMMEDIATE` … `COMMIT` on this thread's connection, or join the one already open there.

        Functions registered with `after_commit()` run once the outermost transaction has committed.
        """
        conn = self.connection(durable=durable)
        if conn.in_transaction:
            yield conn
            return
        hooks: list[Callable[[], None]] = []
        self._hooks()[conn] = hooks
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            del self._hooks()[conn]
        for hook in hooks:
            hook()

    def after_commit(self, hook: Callable[[], None]) -> None:
        """Run `hook` when this thread's open transaction commits (at once when none is open)."""
        for conn, hooks in self._hooks().items():
            if conn.in_transaction:
                hooks.append(hook)
                return
        hook()

    def _hooks(self) -> dict[sqlite3.Connection, list[Callable[[], None]]]:
        hooks = getattr(self._local, "hooks", None)
        if hooks is None:
            hooks = self._local.hooks = {}
        return hooks

    def release_thread(self) -> None:
        """Close this thread's connections (a worker thread calls this as it ends)."""
        for key in ("durable", "relaxed"):
            conn = getattr(self._local, key, None)
            if conn is not None:
                setattr(self._local, key, None)
                with self._lock:
                    if conn in self._connections:
                        self._connections.remove(conn)
                conn.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for conn in connections:
            try:
                conn.close()
            except sqlite3.Error:
                pass

    # -- key/value metadata ----------------------------------------------------------------------

    def get_meta(self, key: str, default=None):
        row = self.connection().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    @staticmethod
    def set_meta(conn: sqlite3.Connection, key: str, value) -> None:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    # -- opening -------------------------------------------------------------------------------------

    def _check_header(self) -> None:
        try:
            with open(self.path, "rb") as f:
                head = f.read(len(SQLITE_MAGIC))
        except FileNotFoundError:
            return
        if head and head != SQLITE_MAGIC:
            raise sqlite3.DatabaseError("file is not a database")

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)")
        done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
        for name, step in MIGRATIONS:
            if name in done:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                step(conn)
                conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, time.time()))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _move_aside(self) -> Path | None:
        if not self.path.exists():
            return None
        target = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        n = 1
        while target.exists():
            target = target.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{n}")
            n += 1
        self.path.rename(target)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
        return target


@contextmanager
def joined(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Use the caller's open transaction (`conn=` arguments): its commit makes the write durable."""
    if not conn.in_transaction:
        raise ValueError("conn= must be the connection of an open transaction()")
    yield conn
