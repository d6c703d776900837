"""Every operation's life is bounded (SyncSettings.op_lifetime): the backend sweeps idempotency answers
after 30 days, so nothing is sent, or resent, after its key could have been forgotten."""

from __future__ import annotations

import dataclasses
import time

from headunit.sync import FaultInjector
from headunit.sync.db import SyncDB
from headunit.sync.outbox import DEFAULT_LIFETIME, Outbox
from headunit.sync.settings import SyncSettings
from tests.sync.conftest import FAST, Recorder

DAY = 86400.0


class Clock:
    def __init__(self):
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_an_operation_without_not_after_gets_the_default_lifetime(tmp_path):
    assert SyncSettings().op_lifetime == DEFAULT_LIFETIME == 7 * DAY < 30 * DAY
    outbox = Outbox(SyncDB(tmp_path / "sync.db"), clock=lambda: 1000.0, lifetime=3600.0)
    bounded = outbox.get(outbox.enqueue("a", "PUT", "/v1/x", {"v": 1}, plugin="p"))
    assert bounded.created_at == 1000.0 and bounded.not_after == 1000.0 + 3600.0
    explicit = outbox.get(outbox.enqueue("a", "PUT", "/v1/x", {"v": 2}, plugin="p", not_after=1060.0))
    assert explicit.not_after == 1060.0  # an explicit not_after is kept as it is


def test_the_client_uses_its_settings_lifetime(make_client):
    clock = Clock()
    client = make_client(clock=clock, settings=dataclasses.replace(FAST, op_lifetime=2 * DAY))
    client.set_online(False)
    op = client.operation(client.enqueue("a", "POST", "/v1/anything", {"x": 1}, plugin="p"))
    assert op.not_after == clock.now + 2 * DAY


def test_an_operation_past_its_lifetime_is_reconciled_never_sent(make_client):
    recorder = Recorder()
    clock = Clock()
    client = make_client(faults=FaultInjector(match=recorder), clock=clock)
    finals = []
    client.on_final(finals.append)
    client.set_online(False)  # a week and a day in a garage with no network
    op_id = client.enqueue("a", "PUT", "/v1/sync/items/settings/tip", {"value": 7}, plugin="pay")
    clock.now += 8 * DAY
    recorder.requests.clear()
    client.set_online(True)
    assert client.drain(5)
    assert [(op.op_id, op.state) for op in finals] == [(op_id, "expired")]
    assert recorder.requests[0] == ("GET", f"/v1/operations/{op_id}")
    assert ("PUT", "/v1/sync/items/settings/tip") not in recorder.requests  # never sent for the first time


def test_within_its_lifetime_an_operation_is_sent_as_usual(backend, make_client):
    clock = Clock()
    client = make_client(clock=clock)
    client.set_online(False)
    op_id = client.enqueue("a", "PUT", "/v1/sync/items/settings/tip", {"value": 3}, plugin="pay")
    clock.now += 6 * DAY
    client.set_online(True)
    assert client.drain(5)
    assert client.operation(op_id).state == "acked"


def test_user_data_edited_offline_too_long_is_kept_and_sent_anew(backend, make_client):
    recorder = Recorder()
    clock = Clock()
    client = make_client(faults=FaultInjector(match=recorder), clock=clock)
    account = client.registration.account_id
    client.set_online(False)
    put_id = client.put_item("favourites", "home", {"lat": 60.17, "lon": 24.94}, plugin="nav")
    client.put_item("favourites", "work", {"lat": 60.2, "lon": 24.9}, plugin="nav")
    gone_id = client.delete_item("favourites", "work", plugin="nav")
    clock.now += 30 * DAY
    client.set_online(True)
    assert client.drain(10)
    assert client.operation(put_id).state == "expired" and client.operation(gone_id).state == "expired"
    again = [op for op in client.outbox.operations(lane="user-data") if op.state == "acked"]
    assert [(op.method, op.path, op.plugin) for op in again] == [
        ("PUT", "/v1/sync/items/favourites/home", "nav"), ("DELETE", "/v1/sync/items/favourites/work", "nav")]
    assert all(op.op_id not in (put_id, gone_id) for op in again)  # new operations, new keys
    assert all(op.not_after == clock.now + DEFAULT_LIFETIME for op in again)
    assert client.items("favourites") == {"home": {"lat": 60.17, "lon": 24.94}}  # the car's value stays
    client.pull()
    assert client.items("favourites") == {"home": {"lat": 60.17, "lon": 24.94}}
    assert backend.db.items(account).get(("favourites", "home")) == {"lat": 60.17, "lon": 24.94}


def test_an_expired_user_data_write_behind_a_newer_one_is_not_resent(make_client):
    clock = Clock()
    client = make_client(clock=clock)
    client.set_online(False)
    old = client.put_item("settings", "units", {"value": "metric"}, plugin="s")
    clock.now += 8 * DAY
    newer = client.put_item("settings", "units", {"value": "imperial"}, plugin="s")
    client.set_online(True)
    assert client.drain(10)
    ops = client.outbox.operations(lane="user-data")
    assert [(op.op_id, op.state) for op in ops] == [(old, "expired"), (newer, "acked")]
    assert client.items("settings") == {"units": {"value": "imperial"}}
