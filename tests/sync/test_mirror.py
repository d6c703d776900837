"""The user-data mirror: pages with their cursor, local writes first, rebuilds that cannot lose data."""

from __future__ import annotations

from headunit.sync.db import SyncDB
from headunit.sync.mirror import Mirror
from headunit.sync.outbox import Outbox


def change(seq: int, key: str, value=None, *, deleted: bool = False) -> dict:
    return {"seq": seq, "collection": "favourites", "key": key, "value": value, "deleted": deleted}


def mirror(tmp_path) -> Mirror:
    db = SyncDB(tmp_path / "sync.db")
    return Mirror(db, Outbox(db))


def test_a_page_and_its_cursor_commit_together(tmp_path):
    m = mirror(tmp_path)
    assert m.apply_page([change(1, "a", 1), change(2, "b", 2)], "c2", since=None) == 2
    assert m.apply_page([change(3, "a", deleted=True)], "c3", since="c2") == 1
    assert m.items("favourites") == {"b": 2} and m.cursor == "c3"


def test_a_page_fetched_before_a_rebuild_is_dropped(tmp_path):
    """A rebuild resets the cursor while a page is in flight: that page must not move the cursor on."""
    m = mirror(tmp_path)
    m.apply_page([change(1, "a", 1)], "c1", since=None)
    m.request_rebuild()
    assert m.apply_page([change(2, "b", 2)], "c2", since="c1") is None
    assert m.cursor is None and m.items("favourites") == {"a": 1}
    assert m.apply_page([change(1, "a", 1), change(2, "b", 2)], "c2", since=None) == 2


def test_a_rebuild_keeps_pending_writes_and_drops_what_the_server_never_had(tmp_path):
    m = mirror(tmp_path)
    m.apply_page([change(1, "a", 1)], "c1", since=None)
    m.put("favourites", "local-only", "refused", plugin="p")
    m.outbox.record_final(m.outbox.operations()[0], "rejected", status=422)
    m.put("favourites", "queued", "mine", plugin="p")
    m.request_rebuild()
    m.apply_page([change(1, "a", 1), change(2, "queued", "theirs")], "c2", since=None)
    assert m.items("favourites") == {"a": 1, "queued": "mine"}


def test_a_change_pulled_while_our_write_awaited_its_acknowledgement_wins_if_it_came_later(tmp_path):
    """Our write landed on the server (seq 5) but was not yet acknowledged when a pull brought another
    car's later write (seq 7): once ours is acknowledged, the later one shows, as on the server."""
    m = mirror(tmp_path)
    m.put("favourites", "k", "ours", plugin="p")
    m.apply_page([change(7, "k", "theirs, later")], "c7", since=None)
    assert m.items("favourites") == {"k": "ours"}  # no flicker while ours is pending
    m.outbox.record_final(m.outbox.operations()[0], "acked", status=200,
                          response={"seq": 5, "collection": "favourites", "key": "k", "value": "ours"})
    m.settle()
    assert m.items("favourites") == {"k": "theirs, later"}


def test_a_held_change_older_than_our_acknowledged_write_is_dropped(tmp_path):
    m = mirror(tmp_path)
    m.put("favourites", "k", "ours", plugin="p")
    m.apply_page([change(3, "k", "theirs, earlier")], "c3", since=None)
    m.outbox.record_final(m.outbox.operations()[0], "acked", status=200,
                          response={"seq": 9, "collection": "favourites", "key": "k", "value": "ours"})
    m.settle()
    assert m.items("favourites") == {"k": "ours"}
