"""The durable outbox: every write the driver makes, as a row, before anything is sent.

`enqueue` returns only once the row is on disk (`synchronous=FULL`), or, given the connection of an
open `transaction()`, commits with the caller's own change. Rows leave the `pending` state exactly
once, to `acked`, `rejected` or `expired`; lanes read their oldest pending rows first (`seq` order is
commit order, because SQLite serialises writers).
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from headunit.sync import crashpoints
from headunit.sync.db import SyncDB, joined
from headunit.sync.models import FINAL_STATES, Operation, State

METHODS = ("POST", "PUT", "DELETE")
#: SyncSettings.op_lifetime's default: well inside the backend's 30 days of idempotency answers.
DEFAULT_LIFETIME = 7 * 86400.0


class Outbox:
    """The `outbox` table of a profile's sync.db."""

    def __init__(self, db: SyncDB, *, clock: Callable[[], float] = time.time,
                 lifetime: float = DEFAULT_LIFETIME):
        self.db = db
        self._clock = clock
        #: Seconds an operation queued without its own `not_after` may be sent for (SyncSettings.op_lifetime).
        self.lifetime = lifetime
        self._listeners: list[Callable[[str], None]] = []

    def add_listener(self, listener: Callable[[str], None]) -> None:
        """`listener(lane)` runs after each committed enqueue (the drainer's wake-up)."""
        self._listeners.append(listener)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A durable transaction on sync.db; pass its connection as `conn=` to commit together."""
        with self.db.transaction() as conn:
            yield conn

    def enqueue(self, lane: str, method: str, path: str, body: Any = None, *, plugin: str,
                not_after: float | None = None, conn: sqlite3.Connection | None = None,
                op_id: str | None = None) -> str:
        """Record a write; returns its op_id (a UUID4, the Idempotency-Key). Durable when it returns,
        or when the caller's transaction commits if `conn` is given. Without `not_after`, the operation
        may be sent until `lifetime` seconds from now: never after the backend could have forgotten its key."""
        method = method.upper()
        if method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
        if not path.startswith("/"):
            raise ValueError(f"path must start with '/', got {path!r}")
        if not lane or not plugin:
            raise ValueError("lane and plugin must be non-empty")
        op_id = str(uuid.UUID(op_id)) if op_id else str(uuid.uuid4())
        text = None if body is None else json.dumps(body, separators=(",", ":"), ensure_ascii=False)
        now = self._clock()
        if not_after is None:
            not_after = now + self.lifetime
        row = (op_id, lane, plugin, method, path, text, now, not_after)
        with (self.db.transaction() if conn is None else joined(conn)) as c:
            c.execute("INSERT INTO outbox (op_id, lane, plugin, method, path, body, created_at, not_after) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
            self.db.after_commit(lambda: self._committed(lane))
        return op_id

    def _committed(self, lane: str) -> None:
        crashpoints.hit("after_local_commit")
        for listener in self._listeners:
            listener(lane)

    # -- reading ---------------------------------------------------------------------------------

    def get(self, op_id: str) -> Operation | None:
        row = self.db.connection().execute("SELECT * FROM outbox WHERE op_id = ?", (op_id,)).fetchone()
        return None if row is None else Operation.from_row(row)

    def pending(self, lane: str, *, limit: int = 64) -> list[Operation]:
        """The lane's oldest pending operations, in seq order."""
        rows = self.db.connection(durable=False).execute(
            "SELECT * FROM outbox WHERE state = 'pending' AND lane = ? ORDER BY seq LIMIT ?",
            (lane, limit)).fetchall()
        return [Operation.from_row(r) for r in rows]

    def lanes(self) -> list[str]:
        """Lanes with pending operations."""
        rows = self.db.connection(durable=False).execute(
            "SELECT DISTINCT lane FROM outbox WHERE state = 'pending'").fetchall()
        return [r[0] for r in rows]

    def operations(self, *, state: State | None = None, lane: str | None = None) -> list[Operation]:
        sql, args = "SELECT * FROM outbox WHERE 1", []
        if state:
            sql, args = sql + " AND state = ?", [*args, state]
        if lane:
            sql, args = sql + " AND lane = ?", [*args, lane]
        rows = self.db.connection().execute(sql + " ORDER BY seq", args).fetchall()
        return [Operation.from_row(r) for r in rows]

    def counts(self) -> tuple[int, int, float | None]:
        """(pending, rejected, created_at of the oldest pending operation)."""
        conn = self.db.connection(durable=False)
        pending, oldest = conn.execute(
            "SELECT count(*), min(created_at) FROM outbox WHERE state = 'pending'").fetchone()
        rejected = conn.execute("SELECT count(*) FROM outbox WHERE state = 'rejected'").fetchone()[0]
        return pending, rejected, oldest

    def has_pending_write(self, conn: sqlite3.Connection, path: str) -> bool:
        return conn.execute("SELECT 1 FROM outbox WHERE state = 'pending' AND path = ? LIMIT 1",
                            (path,)).fetchone() is not None

    # -- recording outcomes (not fsynced: a lost update only means the operation is sent again) -----

    def record_retry(self, op: Operation, *, error: str, next_attempt_at: float) -> Operation:
        with self.db.transaction(durable=False) as conn:
            conn.execute("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                         "WHERE seq = ? AND state = 'pending'", (next_attempt_at, error, op.seq))
        return replace(op, attempts=op.attempts + 1, next_attempt_at=next_attempt_at, last_error=error)

    def record_final(self, op: Operation, state: State, *, status: int | None = None, response: Any = None,
                     error: str | None = None) -> Operation:
        assert state in FINAL_STATES
        text = None if response is None else json.dumps(response, separators=(",", ":"), ensure_ascii=False)
        with self.db.transaction(durable=False) as conn:
            conn.execute("UPDATE outbox SET state = ?, response_status = ?, response = ?, last_error = ?, "
                         "attempts = attempts + 1, finished_at = ? WHERE seq = ? AND state = 'pending'",
                         (state, status, text, error, self._clock(), op.seq))
        return replace(op, state=state, response_status=status, response=response, last_error=error,
                        attempts=op.attempts + 1)


    def prune(self, older_than: float) -> int:
        """Forget final operations finished before `older_than` (wall-clock seconds); pending ones stay."""
        with self.db.transaction(durable=False) as conn:
            return conn.execute("DELETE FROM outbox WHERE state != 'pending' AND finished_at < ?",
                                (older_than,)).rowcount
