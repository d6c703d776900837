"""One car in the campaign: enqueue the car's plan and drain it through a faulty network, until killed.

    python -m headunit.sync.chaos.worker --url URL --profile DIR --plan FILE --history FILE ...

The history is Jepsen's: `invoke OP` is appended and fsynced before `enqueue`, `ok OP` after it returns.
A restarted worker resumes after the last invoked operation. Exit status 0 once the whole plan is
enqueued, drained and pulled; a crash point ends it with SIGKILL.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from headunit.sync import FaultInjector, SyncClient, SyncSettings, crashpoints
from headunit.sync.chaos import plan as plans

SETTINGS = SyncSettings(connect_timeout=2.0, read_timeout=10.0, backoff_base=0.005, backoff_cap=0.25,
                        reconcile_grace=1.0, pull_limit=50, pull_interval=1.0, traffic_flush_interval=5.0)
FAULT_WEIGHTS = {"fail_before_send": 1.0, "lose_ack": 1.0, "timeout": 1.0, "server_error": 1.0,
                 "rate_limited": 0.15, "conflict": 1.0, "truncated": 1.0}
MAX_PENDING = 250  # enqueue no further ahead of the drainer than this
PULL_EVERY = 200


class History:
    def __init__(self, path: Path):
        self.invoked: set[str] = set()
        if path.exists():
            for line in path.read_text().splitlines():
                event, _, op_id = line.partition(" ")
                if event == "invoke" and len(op_id) == 36:
                    self.invoked.add(op_id)
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def append(self, event: str, op_id: str) -> None:
        os.write(self._fd, f"{event} {op_id}\n".encode())
        os.fsync(self._fd)


def _log_fault(path: Path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    return lambda kind: os.write(fd, f"{kind}\n".encode())  # the page cache outlives SIGKILL


def _try_pull(client: SyncClient) -> bool:
    try:
        client.pull()
        return True
    except Exception:  # injected faults reach pulls too; the next one catches up
        return False


def _hold_payment(client: SyncClient, hold_op_id: str, timeout: float) -> str:
    """The payment a hold created, once its answer is in: what its capture's path names. A hold that failed
    names none (`pay_none`), and its capture is refused with 404, by design."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        op = client.outbox.get(hold_op_id)
        if op is None:
            break
        if op.final:
            answer = op.response if isinstance(op.response, dict) else {}
            return answer.get("payment_id") if op.state == "acked" and answer.get("payment_id") else "pay_none"
        time.sleep(0.01)
    return "pay_none"


def run(args: argparse.Namespace) -> int:
    faults = FaultInjector(rate=args.fault_rate, seed=args.fault_seed, weights=FAULT_WEIGHTS, retry_after=1,
                           on_inject=_log_fault(args.faults_log))
    client = SyncClient(args.url, args.profile, settings=SETTINGS, faults=faults)
    history = History(args.history)
    if crashpoints.armed("during_pull_apply"):
        # Pull from the start, so this incarnation's pulls have pages to die in even when the account
        # has no news: the crash and the recovery then run on a full rebuild.
        client.mirror.request_rebuild()
    client.start()
    enqueued = 0
    for op in plans.load(args.plan):
        if op.op_id in history.invoked:
            continue
        while client.outbox.counts()[0] >= MAX_PENDING:
            time.sleep(0.005)
        path = op.path
        if op.ref is not None:
            path = path.replace(plans.HOLD_PLACEHOLDER, _hold_payment(client, op.ref, args.drain_timeout))
        history.append("invoke", op.op_id)
        not_after = time.time() + op.deadline if op.deadline is not None else None
        if op.kind == "put" and not_after is None:
            client.put_item(op.collection, op.key, op.body["value"], plugin=op.plugin, op_id=op.op_id)
        elif op.kind == "delete" and not_after is None:
            client.delete_item(op.collection, op.key, plugin=op.plugin, op_id=op.op_id)
        else:
            client.enqueue(op.lane, op.method, path, op.body, plugin=op.plugin, not_after=not_after,
                           op_id=op.op_id)
        history.append("ok", op.op_id)
        enqueued += 1
        if enqueued % PULL_EVERY == 0:
            _try_pull(client)
    if not client.drain(timeout=args.drain_timeout):
        return 3
    for _ in range(50):
        if _try_pull(client):
            break
    else:
        return 4
    client.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m headunit.sync.chaos.worker")
    parser.add_argument("--url", required=True)
    parser.add_argument("--profile", type=Path, required=True)
    parser.add_argument("--plan", type=Path, required=True)
    parser.add_argument("--history", type=Path, required=True)
    parser.add_argument("--faults-log", type=Path, required=True)
    parser.add_argument("--fault-rate", type=float, default=0.05)
    parser.add_argument("--fault-seed", type=int, default=0)
    parser.add_argument("--drain-timeout", type=float, default=120.0)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
