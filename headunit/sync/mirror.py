"""The local copy of the account's user data (favourites, destinations, playlists, settings).

Local writes land here at once, in the same transaction as their outbox operation, so the UI shows
them immediately. Pulled changes are applied in server order, last write wins, except over a key that
still has a pending local write: the local value stays on screen, and the pulled change is held. Once
the write is no longer pending, `settle` decides: if the server applied our write after the held change
(the usual case: it was sent after the pull), ours stands; if the held change came later (our write had
landed but was not yet acknowledged when the pull ran), the held change wins, as on the server.

If the server refuses a local write (rejected), the mirror may hold a value the server never had; the
next pull then starts over from no cursor and rebuilds the mirror from the server. A write that expired
(not sent within its lifetime, SyncSettings.op_lifetime: the car was offline, unlinked or waiting for
approval too long) was refused by no one: the car's value stays, and `resend` queues it again as a new
operation (a new Idempotency-Key), unless a newer write to that key is already waiting.

Collections the account syncs are `COLLECTIONS`. A plugin may keep other collections (the wallet's
`receipts`, say): they live in the same durable table and survive restarts, but stay on this car (no
outbox operation, `put` returns ""), and pulls, rebuilds and merges never touch them.

Linking the car to an account (`merge`, once the device is approved) merges the car's data into the
account's: every local item the account lacks, or holds with another value, is written to the account
(the car's value wins, as the newest write), the account's value it replaces is kept in `merge_replaced`,
and the account's other items come to the car. A deletion on the account does not delete a car's item.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, unquote

from headunit.sync import crashpoints
from headunit.sync.db import SyncDB, joined
from headunit.sync.outbox import Outbox

COLLECTIONS = ("favourites", "destinations", "playlists", "settings")  # what the account syncs
LANE = "user-data"
_LOCAL_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,63}")


def synced(collection: str) -> bool:
    """Whether the account syncs `collection`; others are kept on this car only."""
    return collection in COLLECTIONS


def check_item(collection: str, key: str) -> None:
    if collection not in COLLECTIONS and not _LOCAL_NAME.fullmatch(collection):
        raise ValueError(f"collection must be one of {', '.join(COLLECTIONS)} (synced) or a name of lower-case "
                         f"letters, digits, '.', '_' and '-' (kept on this car), got {collection!r}")
    if not key or len(key) > 200 or "/" in key:
        raise ValueError(f"key must be 1 to 200 characters without '/', got {key!r}")


def item_path(collection: str, key: str) -> str:
    if collection not in COLLECTIONS:
        raise ValueError(f"collection {collection!r} is not synced; expected one of {', '.join(COLLECTIONS)}")
    check_item(collection, key)
    return f"/v1/sync/items/{collection}/{quote(key, safe='')}"


class Mirror:
    def __init__(self, db: SyncDB, outbox: Outbox, *, clock: Callable[[], float] = time.time):
        self.db = db
        self.outbox = outbox
        self._clock = clock

    # -- local writes (with their outbox operations) ------------------------------------------------

    def put(self, collection: str, key: str, value: Any, *, plugin: str,
            conn: sqlite3.Connection | None = None, op_id: str | None = None) -> str:
        check_item(collection, key)
        with self._transaction(conn) as c:
            c.execute("INSERT INTO items (collection, key, value, updated_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value, "
                      "updated_at = excluded.updated_at", (collection, key, _dumps(value), self._clock()))
            if not synced(collection):
                return ""
            return self.outbox.enqueue(LANE, "PUT", item_path(collection, key), {"value": value}, plugin=plugin,
                                       conn=c, op_id=op_id)

    def delete(self, collection: str, key: str, *, plugin: str, conn: sqlite3.Connection | None = None,
               op_id: str | None = None) -> str:
        check_item(collection, key)
        with self._transaction(conn) as c:
            c.execute("DELETE FROM items WHERE collection = ? AND key = ?", (collection, key))
            if not synced(collection):
                return ""
            return self.outbox.enqueue(LANE, "DELETE", item_path(collection, key), None, plugin=plugin, conn=c,
                                       op_id=op_id)

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
                    if synced(collection) and not self.outbox.has_pending_write(conn, item_path(collection, key)):
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

    def merge(self, changes: list[dict[str, Any]], cursor: str | None, *, plugin: str,
              account_id: str | None = None) -> tuple[int, int, int]:
        """Merge the car's data into an account it was just linked to, given the account's whole feed
        (from no cursor) and the cursor after it, in one transaction. Returns (items written to the
        account, items received from it, account values replaced and kept aside).

        Per synced key: a key with a pending local write is left to that write (the account's change is
        held, as in a pull); a key only on the car, or on both sides with different values, is written to
        the account (the car wins; the account's value goes to `merge_replaced`); a key on both sides with
        the same value needs nothing; a key only on the account comes to the car."""
        account: dict[tuple[str, str], dict[str, Any]] = {}
        for change in changes:
            if change["collection"] not in COLLECTIONS:
                continue
            where = (change["collection"], change["key"])
            if where not in account or change["seq"] > account[where]["seq"]:
                account[where] = change
        pushed = pulled = replaced = 0
        now = self._clock()
        with self.db.transaction() as conn:
            local = {(c, k): v for c, k, v in conn.execute("SELECT collection, key, value FROM items").fetchall()
                     if synced(c)}
            for (collection, key), text in local.items():
                path = item_path(collection, key)
                theirs = account.get((collection, key))
                live = theirs is not None and not theirs.get("deleted")
                value = json.loads(text)
                if live and not _same(theirs.get("value"), value):
                    conn.execute("INSERT INTO merge_replaced (collection, key, value, seq, account_id, replaced_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?)",
                                 (collection, key, _dumps(theirs.get("value")), theirs["seq"], account_id, now))
                    replaced += 1
                if self.outbox.has_pending_write(conn, path):
                    if theirs is not None:
                        conn.execute(
                            "INSERT INTO held (collection, key, value, deleted, seq) VALUES (?, ?, ?, ?, ?) "
                            "ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value, "
                            "deleted = excluded.deleted, seq = excluded.seq",
                            (collection, key, _dumps(theirs.get("value")), bool(theirs.get("deleted")), theirs["seq"]))
                    continue
                if live and _same(theirs.get("value"), value):
                    conn.execute("UPDATE items SET server_seq = ? WHERE collection = ? AND key = ?",
                                 (theirs["seq"], collection, key))
                    continue
                self.outbox.enqueue(LANE, "PUT", path, {"value": value}, plugin=plugin, conn=conn)
                pushed += 1
            for (collection, key), change in account.items():
                if (collection, key) in local or change.get("deleted"):
                    continue
                if self.outbox.has_pending_write(conn, item_path(collection, key)):  # a local deletion to send
                    conn.execute(
                        "INSERT INTO held (collection, key, value, deleted, seq) VALUES (?, ?, ?, 0, ?) "
                        "ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value, "
                        "deleted = excluded.deleted, seq = excluded.seq",
                        (collection, key, _dumps(change.get("value")), change["seq"]))
                    continue
                conn.execute(
                    "INSERT INTO items (collection, key, value, updated_at, server_seq) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at, server_seq = excluded.server_seq",
                    (collection, key, _dumps(change.get("value")), now, change["seq"]))
                pulled += 1
            SyncDB.set_meta(conn, "cursor", cursor)
            SyncDB.set_meta(conn, "rebuild", 0)
            SyncDB.set_meta(conn, "merge", None)
        return pushed, pulled, replaced

    def resend(self, op: Any, *, plugin: str) -> str | None:
        """Queue the car's current value of the key an expired user-data write `op` was for, as a new
        operation; returns its op_id, or None when a newer pending write covers the key already or the
        key's value is no longer what a resend of `op` would carry (a PUT's item deleted since)."""
        parts = op.path.split("/")
        if len(parts) != 6 or parts[:4] != ["", "v1", "sync", "items"] or parts[4] not in COLLECTIONS:
            return None
        collection, key = parts[4], unquote(parts[5])
        with self.db.transaction() as conn:
            if self.outbox.has_pending_write(conn, op.path):
                return None
            row = conn.execute("SELECT value FROM items WHERE collection = ? AND key = ?",
                               (collection, key)).fetchone()
            if op.method == "PUT" and row is not None:
                return self.outbox.enqueue(LANE, "PUT", op.path, {"value": json.loads(row[0])}, plugin=plugin,
                                           conn=conn)
            if op.method == "DELETE" and row is None:
                return self.outbox.enqueue(LANE, "DELETE", op.path, None, plugin=plugin, conn=conn)
        return None

    def replaced(self) -> list[dict[str, Any]]:
        """The account's values that a merge replaced with the car's, oldest first."""
        rows = self.db.connection().execute(
            "SELECT collection, key, value, seq, account_id, replaced_at FROM merge_replaced ORDER BY id").fetchall()
        return [{"collection": c, "key": k, "value": json.loads(v), "seq": seq, "account_id": a, "replaced_at": t}
                for c, k, v, seq, a, t in rows]

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


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
