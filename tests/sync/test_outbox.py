"""The outbox and sync.db: durable intent, one commit for a change and its operation, corrupt files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from headunit.sync import CorruptStoreError
from headunit.sync.db import SyncDB
from headunit.sync.outbox import Outbox


def test_enqueue_survives_reopen(tmp_path):
    db = SyncDB(tmp_path / "sync.db")
    outbox = Outbox(db, clock=lambda: 1000.0)
    op_id = outbox.enqueue("orders", "POST", "/v1/orders", {"items": [{"product_id": "p", "quantity": 2}]},
                           plugin="org.headunit.store", not_after=2000.0)
    db.close()

    op = Outbox(SyncDB(tmp_path / "sync.db")).get(op_id)
    assert (op.lane, op.method, op.path, op.plugin, op.state) == ("orders", "POST", "/v1/orders",
                                                                  "org.headunit.store", "pending")
    assert op.body == {"items": [{"product_id": "p", "quantity": 2}]}
    assert (op.created_at, op.not_after, op.attempts) == (1000.0, 2000.0, 0)


def test_enqueue_is_durable_when_it_returns(tmp_path):
    """SIGKILL right after enqueue returns: the row is there for the next process."""
    script = textwrap.dedent(f"""
        import os, signal
        from headunit.sync.db import SyncDB
        from headunit.sync.outbox import Outbox
        op = Outbox(SyncDB({str(tmp_path / 'sync.db')!r})).enqueue("a", "PUT", "/v1/x", {{"v": 1}}, plugin="p")
        print(op, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert run.returncode == -9
    assert Outbox(SyncDB(tmp_path / "sync.db")).get(run.stdout.strip()).state == "pending"


def test_pragmas(tmp_path):
    db = SyncDB(tmp_path / "sync.db")
    assert db.connection().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.connection().execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.connection(durable=False).execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_change_and_operation_commit_together(tmp_path):
    db = SyncDB(tmp_path / "sync.db")
    outbox = Outbox(db)
    with outbox.transaction() as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('x')")
        op_id = outbox.enqueue("notes", "PUT", "/v1/notes/1", {"text": "x"}, plugin="p", conn=conn)
    assert outbox.get(op_id) is not None

    with pytest.raises(RuntimeError), outbox.transaction() as conn:
        conn.execute("INSERT INTO notes VALUES ('y')")
        lost = outbox.enqueue("notes", "PUT", "/v1/notes/2", {"text": "y"}, plugin="p", conn=conn)
        raise RuntimeError("the app's change failed")
    assert outbox.get(lost) is None
    assert [tuple(r) for r in db.connection().execute("SELECT text FROM notes")] == [("x",)]


def test_listeners_hear_only_committed_operations(tmp_path):
    outbox = Outbox(SyncDB(tmp_path / "sync.db"))
    heard = []
    outbox.add_listener(heard.append)
    with outbox.transaction() as conn:
        outbox.enqueue("a", "PUT", "/v1/x", None, plugin="p", conn=conn)
        assert heard == []
    assert heard == ["a"]


def test_enqueue_validates(tmp_path):
    outbox = Outbox(SyncDB(tmp_path / "sync.db"))
    with pytest.raises(ValueError, match="method"):
        outbox.enqueue("a", "GET", "/v1/x", None, plugin="p")
    with pytest.raises(ValueError, match="path"):
        outbox.enqueue("a", "PUT", "v1/x", None, plugin="p")
    with pytest.raises(ValueError):
        outbox.enqueue("a", "PUT", "/v1/x", None, plugin="p", op_id="not-a-uuid")
    with pytest.raises(TypeError):
        outbox.enqueue("a", "PUT", "/v1/x", {"not": object()}, plugin="p")
    with pytest.raises(ValueError, match="transaction"):
        outbox.enqueue("a", "PUT", "/v1/x", None, plugin="p", conn=sqlite3.connect(":memory:"))


def test_lanes_read_oldest_first(tmp_path):
    outbox = Outbox(SyncDB(tmp_path / "sync.db"))
    ids = [outbox.enqueue(lane, "PUT", f"/v1/{i}", None, plugin="p") for i, lane in enumerate("abab")]
    assert [op.op_id for op in outbox.pending("a")] == [ids[0], ids[2]]
    assert sorted(outbox.lanes()) == ["a", "b"]


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_bad_file_is_moved_aside_with_a_clear_error(tmp_path, content):
    path = tmp_path / "sync.db"
    path.write_bytes(content)
    with pytest.raises(CorruptStoreError) as caught:
        SyncDB(path)
    assert str(path) in str(caught.value)
    moved = caught.value.moved_to
    assert moved is not None and moved.read_bytes() == content and moved.parent == tmp_path
    assert not path.exists()
    assert Outbox(SyncDB(path)).lanes() == []  # the next open starts afresh


def test_a_damaged_database_is_detected(tmp_path):
    path = tmp_path / "sync.db"
    db = SyncDB(path)
    outbox = Outbox(db)
    for i in range(300):
        outbox.enqueue("a", "PUT", f"/v1/{i}", {"pad": "x" * 500}, plugin="p")
    db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page:6 * page] = os.urandom(3 * page)  # scribble over b-tree pages
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptStoreError):
        SyncDB(path)
    assert list(tmp_path.glob("sync.db.corrupt-*"))
