"""A state machine over the client: writes, network cuts, faults, drains and restarts in any order.

After every step: nothing enqueued has vanished from the outbox; the server applied each write at
most once and every acked write exactly once; each lane reached the server in outbox order.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from headunit.sync import FaultInjector, SyncClient
from headunit.sync.faults import KINDS
from tests.sync.conftest import FAST

KEYS = st.sampled_from(["a", "b", "c"])
#: Text without NUL: the backend refuses a NUL character anywhere in a body (422 invalid_request).
VALUES = st.integers(0, 9) | st.text(st.characters(exclude_characters="\x00"), max_size=3) | st.none()


class SyncMachine(RuleBasedStateMachine):
    backend = None  # set by the test

    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="sync-machine-"))
        self.faults = FaultInjector(retry_after=0, seed=0)
        self.client = SyncClient(self.backend.url, self.folder, settings=FAST)
        registration = self.client.register("machine", "car")
        self.client.adapter.faults = self.faults
        self.device, self.account = registration.device_id, registration.account_id
        self.base_seq = self.backend.db.last_seq(self.account)
        self.enqueued: list[str] = []
        self.online = True

    @rule(collection=st.sampled_from(["favourites", "settings"]), key=KEYS, value=VALUES)
    def put(self, collection, key, value):
        self.enqueued.append(self.client.put_item(collection, key, value))

    @rule(key=KEYS)
    def delete(self, key):
        self.enqueued.append(self.client.delete_item("favourites", key))

    @rule(key=KEYS, value=VALUES)
    def write_in_another_lane(self, key, value):
        self.enqueued.append(self.client.enqueue("playlists", "PUT", f"/v1/sync/items/playlists/{key}",
                                                 {"value": value}, plugin="music"))

    @rule()
    def go_offline(self):
        self.client.set_online(False)
        self.online = False

    @rule()
    def go_online(self):
        self.client.set_online(True)
        self.online = True

    @rule(kind=st.sampled_from(KINDS), times=st.integers(1, 3))
    def inject(self, kind, times):
        self.faults.force(kind, times)

    @precondition(lambda self: self.online)
    @rule()
    def drain(self):
        assert self.client.drain(10)

    @rule()
    def restart(self):
        self.client.close()
        self.client = SyncClient(self.backend.url, self.folder, settings=FAST)
        self.client.adapter.faults = self.faults
        if not self.online:
            self.client.set_online(False)

    @invariant()
    def nothing_lost_nothing_twice_lanes_in_order(self):
        ops = {op.op_id: op for op in self.client.outbox.operations()}
        assert set(self.enqueued) <= set(ops)
        acked = sum(op.state == "acked" for op in ops.values())
        pending = sum(op.state == "pending" for op in ops.values())
        assert not any(op.state in ("rejected", "expired") for op in ops.values())
        applied = self.backend.db.last_seq(self.account) - self.base_seq
        assert acked <= applied <= acked + pending
        server = self.backend.db.operations(self.device)
        for lane in ("user-data", "playlists"):
            order = [server[op.op_id][0] for op in ops.values()
                     if op.lane == lane and op.op_id in server and server[op.op_id][1] == "done"]
            assert order == sorted(order)

    def teardown(self):
        try:
            self.client.set_online(True)
            self.faults._forced.clear()
            assert self.client.drain(10)
            assert self.backend.db.last_seq(self.account) - self.base_seq == len(self.enqueued)
            self.client.pull()
            assert self.client.mirror.all_items() == self.backend.db.items(self.account)
        finally:
            self.client.close()
            shutil.rmtree(self.folder, ignore_errors=True)


def test_sync_state_machine(backend):
    SyncMachine.backend = backend
    run_state_machine_as_test(SyncMachine, settings=settings(
        max_examples=40, stateful_step_count=30, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
