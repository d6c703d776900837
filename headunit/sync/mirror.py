"""The local copy of the account's user data (favourites, destinations, playlists, settings).

Local writes land here at once, in the same transaction as their outbox operation, so the UI shows
them immediately. Pulled changes are applied in server order, last write wins, except over a key that
still has a pending local write: the local value stays on screen, and the pulled change is held. Once
the write is no longer pending, `settle` decides: if the server applied our write after the held change
(the usual case: it was sent after the pull), ours stands; if the held change came later (our write had
landed but was not yet acknowledged when the pull ran), the held change wins, as on the server.

If the server refuses a local write (rejected or expired), the mirror may hold a value the server
never had; the next pull then starts over from no cursor and rebuilds the mirror from the server.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from headunit.sync import crashpoints
from headunit.sync.db import SyncDB, joined
from headunit.sync.outbox import Outbox

COLLECTIONS = ("favourites", "destinations", "playlists", "settings")
LANE = "user-data"


def item_path(collection: str, key: str) -> str:
    if collection not in COLLECTIONS:
        raise ValueError(f"unknown collection {collection!r}; expected one of {', '.join(COLLECTIONS)}")
    if not key or len(key) > 200 or "/" in key:
        raise ValueError(f"key must be 1 to 200 characters without '/', got {key!r}")
    return f"/v1/sync/items/{collection}/{quote(key, safe='')}"


class Mirror:
    def __init__(self, db: SyncDB, outbox: Outbox, *, clock: Callable[[], float] = time.time):
        self.db = db
        self.outbox = outbox
        self._clock = clock

    # -- local writes (with their outbox operations) ------------------------------------------------

    def put(self, collection: str, key: str, value: Any, *, plugin: str,
            conn: sqlite3.Connection | None = None, op_id: str | None = None) -> str:
        path = item_path(collection, key)
        with self._transaction(conn) as c:
            c.execute("INSERT INTO items (collection, key, value, updated_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value, "
                      "updated_at = excluded.updated_at", (collection, key, _dumps(value), self._clock()))
            return self.outbox.enqueue(LANE, "PUT", path, {"value": value}, plugin=plugin, conn=c, op_id=op_id)

    def delete(self, collection: str, key: str, *, plugin: str, conn: sqlite3.Connection | None = None,
               op_id: str | None = None) -> str:
        path = item_path(collection, key)
        with self._transaction(conn) as c:
            c.execute("DELETE FROM items WHERE collection = ? AND key = ?", (collection, key))
            return self.outbox.enqueue(LANE, "DELETE", path, None, plugin=plugin, conn=c, op_id=op_id)

    def _transaction(self, conn: sqlite3.Connection | None):
        return self.db.transaction() if conn is None else joined(conn)

    # -- reading -------------------------------------------------------------------------------------

    def items(self, collection: str) -> dict[str, Any]:
        rows = self.db.connection().execute(
            "SELECT key, value FROM items WHERE collection = ? ORDER BY key", (collection,)).fetchall()
        return {key: json.loads(value) for key, value in rows}

    def all_items(self) -> dict[tuple[str, str], Any]:
        rows = self.db.connection().execute("SELECT collection, key, value FROM items").fetchall()
        return {(c, k): json.loads(v) for c, k, v in rows}

    @property
    def cursor(self) -> str | None:
        return self.db.get_meta("cursor")

    def request_rebuild(self) -> None:
        """The next pull starts from no cursor and replaces whatever the server does not confirm."""
        with self.db.transaction(durable=False) as conn:
            SyncDB.set_meta(conn, "cursor", None)
            SyncDB.set_meta(conn, "rebuild", 1)

    # -- pulled changes ------------------------------------------------------------------------------

    def apply_page(self, changes: list[dict[str, Any]], cursor: str | None, *, since: str | None) -> int | None:
        """Apply one page fetched from cursor `since`, and store its `cursor`, in a single transaction.

        Returns how many changes were applied, or None if the stored cursor moved since the page was
        fetched (a rebuild was requested meanwhile): the page is dropped and the caller fetches again.
        """
        applied = 0
        half = len(changes) // 2
        with self.db.transaction(durable=False) as conn:
            if _meta(conn, "cursor") != since:
                return None
            if since is None and _meta(conn, "rebuild") == 1:
                for collection, key in conn.execute("SELECT collection, key FROM items").fetchall():
                    if not self.outbox.has_pending_write(conn, item_path(collection, key)):
                        conn.execute("DELETE FROM items WHERE collection = ? AND key = ?", (collection, key))
                conn.execute("DELETE FROM held")
                SyncDB.set_meta(conn, "rebuild", 0)
            self.settle(conn)
            for i, change in enumerate(changes):
                if i == half:
                    crashpoints.hit("during_pull_apply")
                collection, key = change["collection"], change["key"]
                if collection not in COLLECTIONS:
                    continue  # a collection a newer backend has and this client does not know yet
                if self.outbox.has_pending_write(conn, item_path(collection, key)):
                    conn.execute(
                        "INSERT INTO held (collection, key, value, deleted, seq) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value, "
                        "deleted = excluded.deleted, seq = excluded.seq WHERE excluded.seq > held.seq",
                        (collection, key, _dumps(change.get("value")), bool(change.get("deleted")), change["seq"]))
                    continue
                conn.execute("DELETE FROM held WHERE collection = ? AND key = ?", (collection, key))
                if change.get("deleted"):
                    conn.execute("DELETE FROM items WHERE collection = ? AND key = ?", (collection, key))
                else:
                    conn.execute(
                        "INSERT INTO items (collection, key, value, updated_at, server_seq) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value, "
                        "updated_at = excluded.updated_at, server_seq = excluded.server_seq",
                        (collection, key, _dumps(change.get("value")), self._clock(), change.get("seq")))
                applied += 1
            SyncDB.set_meta(conn, "cursor", cursor)
        return applied


    def settle(self, conn: sqlite3.Connection | None = None) -> None:
        """Apply the held changes whose key has no pending write left, unless our own write to that key
        landed later on the server (its acknowledged answer carries the server's seq)."""
        with self._transaction(conn) as c:
            for collection, key, value, deleted, seq in c.execute(
                    "SELECT collection, key, value, deleted, seq FROM held").fetchall():
                path = item_path(collection, key)
                if self.outbox.has_pending_write(c, path):
                    continue
                c.execute("DELETE FROM held WHERE collection = ? AND key = ?", (collection, key))
                ours = c.execute("SELECT response FROM outbox WHERE path = ? AND state = 'acked' "
                                 "ORDER BY seq DESC LIMIT 1", (path,)).fetchone()
                own_seq = _server_seq(ours[0]) if ours else None
                if own_seq is not None and own_seq > seq:
                    continue
                if deleted:
                    c.execute("DELETE FROM items WHERE collection = ? AND key = ?", (collection, key))
                else:
                    c.execute("INSERT INTO items (collection, key, value, updated_at, server_seq) VALUES (?, ?, ?, ?, ?) "
                              "ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value, "
                              "updated_at = excluded.updated_at, server_seq = excluded.server_seq",
                              (collection, key, value, self._clock(), seq))


def _server_seq(response: str | None) -> int | None:
    try:
        seq = json.loads(response).get("seq") if response else None
    except (ValueError, AttributeError):
        return None
    return seq if isinstance(seq, int) else None


def _meta(conn: sqlite3.Connection, key: str):
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
