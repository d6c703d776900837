"""The drainer against the real backend: every fault handled, exactly once, in order, lanes independent."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest
import tenacity.wait

from headunit.sync import FaultInjector
from headunit.sync.drainer import Backoff, classify
from headunit.sync.faults import KINDS
from tests.sync.conftest import FAST, Recorder


def applied_once(backend, client, op_id: str) -> bool:
    row = backend.db.operations(client.registration.device_id).get(op_id)
    return row is not None and row[1] == "done" and 200 <= row[2] < 300


@pytest.mark.parametrize("kind", KINDS)
def test_each_fault_ends_applied_exactly_once(backend, make_client, kind):
    faults = FaultInjector(retry_after=0)
    client = make_client(faults=faults)
    account = client.registration.account_id
    before = backend.db.last_seq(account)
    faults.force(kind, times=2)
    op_id = client.put_item("favourites", "home", {"lat": 60.17, "lon": 24.94})
    assert client.drain(10)
    assert faults.injected[kind] == 2
    op = client.operation(op_id)
    assert op.state == "acked" and op.response_status == 200 and op.attempts == 3
    assert op.response["value"] == {"lat": 60.17, "lon": 24.94}
    assert applied_once(backend, client, op_id)
    assert backend.db.last_seq(account) == before + 1  # the change was applied once, not once per send


def test_order_holds_within_a_lane_under_retries(backend, make_client):
    faults = FaultInjector(rate=0.4, seed=7, retry_after=0)
    client = make_client(faults=faults)
    # Two apps alternate, so each write goes alone (a push carries one app's writes): 30 requests.
    ids = [client.enqueue("playlists", "PUT", f"/v1/sync/items/playlists/p{i % 5}", {"value": i},
                          plugin=("music", "radio")[i % 2]) for i in range(30)]
    assert client.drain(30)
    server = backend.db.operations(client.registration.device_id)
    assert [server[op_id][0] for op_id in ids] == sorted(server[op_id][0] for op_id in ids)
    assert sum(faults.injected.values()) > 10
    faults.rate = 0.0
    client.pull()
    assert client.items("playlists") == {f"p{i}": 25 + i for i in range(5)}  # the last write of each key won


def test_a_stuck_lane_does_not_block_another(backend, make_client):
    stuck = FaultInjector(rate=1.0, weights={"server_error": 1}, match=lambda r: "/settings/" in r.url)
    client = make_client(faults=stuck)
    blocked = client.enqueue("settings", "PUT", "/v1/sync/items/settings/units", {"value": "metric"}, plugin="s")
    flowing = [client.enqueue("favourites", "PUT", f"/v1/sync/items/favourites/f{i}", {"value": i}, plugin="nav")
               for i in range(5)]
    assert not client.drain(1.0)
    assert all(client.operation(op).state == "acked" for op in flowing)
    op = client.operation(blocked)
    assert op.state == "pending" and op.attempts > 3 and op.last_error == "HTTP 503"
    stuck.rate = 0.0
    assert client.drain(10)


def test_a_final_4xx_is_rejected_and_reported(backend, make_client):
    client = make_client()
    finals = []
    client.on_final(finals.append)
    bad = client.enqueue("settings", "PUT", "/v1/sync/items/no-such-collection/x", {"value": 1}, plugin="s")
    good = client.enqueue("settings", "PUT", "/v1/sync/items/settings/x", {"value": 1}, plugin="s")
    assert client.drain(10)
    assert [(op.op_id, op.state) for op in finals] == [(bad, "rejected"), (good, "acked")]
    assert finals[0].response_status == 422 and finals[0].response["error"] in finals[0].last_error
    assert client.status().rejected == 1


def test_retry_statuses_and_classification():
    assert [classify(s) for s in (200, 201, 204)] == ["acked"] * 3
    assert [classify(s) for s in (401, 408, 409, 429, 500, 502, 503)] == ["retry"] * 7
    assert [classify(s) for s in (400, 402, 403, 404, 410, 422)] == ["rejected"] * 6


class Clock:
    def __init__(self):
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_past_not_after_a_delivered_operation_takes_the_stored_answer(backend, make_client):
    recorder = Recorder()
    faults = FaultInjector(match=recorder)
    clock = Clock()
    client = make_client(faults=faults, clock=clock)
    op_id = client.enqueue("payments", "PUT", "/v1/sync/items/settings/tip", {"value": 5}, plugin="pay",
                           not_after=clock.now + 60)
    faults.force("lose_ack")  # the server applies it, the answer never arrives
    first = client.drainer.attempt(client.operation(op_id))
    assert not first.final and applied_once(backend, client, op_id)
    clock.now += 120
    recorder.requests.clear()
    outcome = client.drainer.attempt(client.operation(op_id))
    assert outcome.final and outcome.op.state == "acked" and outcome.op.response["value"] == 5
    assert recorder.requests == [("GET", f"/v1/operations/{op_id}")]  # asked, never resent


def test_past_not_after_an_undelivered_operation_expires_unsent(backend, make_client):
    recorder = Recorder()
    faults = FaultInjector(match=recorder)
    clock = Clock()
    client = make_client(faults=faults, clock=clock)
    finals = []
    client.on_final(finals.append)
    op_id = client.enqueue("payments", "PUT", "/v1/sync/items/settings/tip", {"value": 7}, plugin="pay",
                           not_after=clock.now + 60)
    faults.force("fail_before_send")
    assert not client.drainer.attempt(client.operation(op_id)).final
    clock.now += 120
    assert client.drain(5)
    assert [(op.op_id, op.state) for op in finals] == [(op_id, "expired")]
    assert ("PUT", "/v1/sync/items/settings/tip") not in recorder.requests[1:]
    assert backend.db.operations(client.registration.device_id)[op_id][1:] == ("done", 410)  # a tombstone

    import requests  # a copy of the write still on its way arrives late: refused, and nothing applied

    late = requests.put(f"{backend.url}/v1/sync/items/settings/tip", json={"value": 7}, headers={
        "Authorization": f"Bearer {client.registration.token}", "Idempotency-Key": op_id})
    assert late.status_code == 410 and late.json()["error"] == "operation_expired"
    faults.rate = 0.0
    client.pull()
    assert "tip" not in client.items("settings")


def test_an_unknown_operation_is_not_expired_within_the_grace(backend, make_client):
    """A send that may still sit in the server's queue must not be declared expired yet."""
    clock = Clock()
    settings = dataclasses.replace(FAST, reconcile_grace=30.0)
    client = make_client(clock=clock, settings=settings)
    op_id = client.enqueue("a", "PUT", "/v1/sync/items/settings/x", {"value": 1}, plugin="p", not_after=clock.now - 1)
    outcome = client.drainer.attempt(client.operation(op_id))
    assert not outcome.final and 29 < outcome.wait <= 30
    clock.now += 31
    assert client.drainer.attempt(client.operation(op_id)).op.state == "expired"


def test_backoff_is_full_jitter():
    backoff = Backoff(base=1.0, cap=8.0)
    for attempt, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)]:
        waits = [backoff(attempt) for _ in range(2000)]
        assert 0 <= min(waits) < ceiling * 0.02 and ceiling * 0.98 < max(waits) <= ceiling
        assert abs(sum(waits) / len(waits) - ceiling / 2) < ceiling * 0.06
    assert min(backoff(1, floor=3.0) for _ in range(200)) == 3.0  # Retry-After is a floor


def test_retry_after_is_honoured(backend, make_client):
    faults = FaultInjector(retry_after=1)
    client = make_client(faults=faults)
    faults.force("rate_limited")
    started = time.monotonic()
    client.put_item("settings", "volume", 7)
    assert client.drain(10)
    assert time.monotonic() - started >= 1.0


def test_going_online_cuts_a_long_backoff_short(backend, make_client, monkeypatch):
    class Longest:
        @staticmethod
        def uniform(low, high):
            return high

    monkeypatch.setattr(tenacity.wait, "random", Longest)
    settings = dataclasses.replace(FAST, backoff_base=60.0, backoff_cap=60.0)
    faults = FaultInjector(match=lambda request: request.method == "PUT")
    client = make_client(faults=faults, settings=settings)
    faults.force("fail_before_send")
    client.start()
    op_id = client.put_item("favourites", "work", {"lat": 1, "lon": 2})
    deadline = time.monotonic() + 5
    while client.operation(op_id).attempts == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert client.operation(op_id).next_attempt_at - time.time() > 50  # asleep for a minute
    client.set_online(False)
    client.set_online(True)
    started = time.monotonic()
    assert client.drain(5)
    assert time.monotonic() - started < 2


def test_offline_nothing_is_sent_and_nothing_is_counted_as_an_attempt(backend, make_client):
    recorder = Recorder()
    client = make_client(faults=FaultInjector(match=recorder))
    client.set_online(False)
    op_id = client.put_item("favourites", "gym", {"lat": 3, "lon": 4})
    assert not client.drain(0.5)
    assert recorder.requests == []
    assert client.operation(op_id).attempts == 0
    assert client.status().online is False and client.status().pending == 1
    client.set_online(True)
    assert client.drain(5)


def test_callbacks_run_on_worker_threads(backend, make_client):
    client = make_client()
    threads, statuses = [], []
    client.on_final(lambda op: threads.append(threading.current_thread().name))
    client.subscribe(statuses.append)
    client.put_item("settings", "theme", "night")
    assert client.drain(5)
    assert threads == ["sync-lane-user-data"]
    assert [s.pending for s in statuses][-1] == 0 and max(s.pending for s in statuses) == 1


def test_a_refusal_that_is_not_json_is_still_a_refusal(tmp_path):
    """A proxy's HTML 403 must end the operation (rejected), not block its lane with endless retries."""
    import requests

    from headunit.sync.db import SyncDB
    from headunit.sync.drainer import Drainer
    from headunit.sync.outbox import Outbox

    def proxy_page(op):
        response = requests.Response()
        response.status_code, response._content = 403, b"<html><body>Forbidden by policy</body></html>"
        response.headers["Content-Type"] = "text/html"
        return response

    outbox = Outbox(SyncDB(tmp_path / "sync.db"))
    op_id = outbox.enqueue("reviews", "POST", "/v1/catalog/products/p/reviews", {"rating": 5}, plugin="shop")
    drainer = Drainer(outbox, send=proxy_page, reconcile=lambda op_id: {}, is_online=lambda: True, settings=FAST)
    outcome = drainer.attempt(outbox.get(op_id))
    assert outcome.final and outbox.get(op_id).state == "rejected" and outbox.get(op_id).response_status == 403
