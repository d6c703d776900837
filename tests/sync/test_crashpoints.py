"""Each crash point, hit for real: the car process dies by SIGKILL there, restarts, and nothing is lost
or applied twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from headunit.sync import SyncClient, crashpoints
from tests.sync.conftest import FAST

ROOT = Path(__file__).resolve().parents[2]


def crash(backend, profile: Path, action: str, point: str, tmp_path: Path, nth: int = 1) -> None:
    log = tmp_path / "crashes.log"
    env = {**os.environ, crashpoints.ENV_ARM: f"{point}:{nth}", crashpoints.ENV_LOG: str(log),
           "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "tests.sync.crash_child", backend.url, str(profile), action],
                         env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == -9, run.stderr
    assert log.read_text().split()[0] == point


@pytest.fixture
def car(backend, make_client, tmp_path):
    client = make_client("car")
    client.close()  # the crashing process and the restarted one each open the profile themselves
    return tmp_path / "car"


def reopen(backend, profile: Path) -> SyncClient:
    return SyncClient(backend.url, profile, settings=FAST)


def test_after_local_commit(backend, car, tmp_path):
    crash(backend, car, "enqueue", "after_local_commit", tmp_path)
    client = reopen(backend, car)
    [op] = client.outbox.operations()
    assert op.state == "pending" and client.items("favourites") == {"crash": {"n": 1}}
    assert client.drain(5)
    assert_once(backend, client, op.op_id)
    client.close()


@pytest.mark.parametrize("point", ["during_send", "after_ack_before_outbox_update"])
def test_while_draining(backend, car, tmp_path, point):
    client = reopen(backend, car)
    op_id = client.put_item("favourites", "crash", {"n": 2})
    client.close()
    crash(backend, car, "drain", point, tmp_path)
    client = reopen(backend, car)
    assert client.operation(op_id).state == "pending"
    server = backend.db.operations(client.registration.device_id)
    if point == "during_send":
        assert op_id not in server  # half a body never reached the handler
    else:
        assert server[op_id][1] == "done"  # applied; the car never heard
    assert client.drain(5)
    assert_once(backend, client, op_id)
    client.close()


def test_during_pull_apply(backend, car, make_client, tmp_path):
    client = reopen(backend, car)
    account_key = client.registration.account_key
    client.close()
    phone = make_client("phone", account_key=account_key)
    for i in range(6):
        phone.put_item("destinations", f"d{i}", {"i": i})
    assert phone.drain(5)

    crash(backend, car, "pull", "during_pull_apply", tmp_path)  # one page of six, killed after three
    client = reopen(backend, car)
    assert client.items("destinations") == {} and client.mirror.cursor is None  # the page rolled back whole
    client.pull()
    assert client.items("destinations") == {f"d{i}": {"i": i} for i in range(6)}
    client.close()


def assert_once(backend, client: SyncClient, op_id: str) -> None:
    assert client.operation(op_id).state == "acked"
    row = backend.db.operations(client.registration.device_id)[op_id]
    assert row[1:] == ("done", 200)
    client.pull()
    assert client.items("favourites")["crash"] == client.operation(op_id).response["value"]
    # applied once: the account's change seq moved once for this key's write
    assert client.operation(op_id).response["seq"] == backend.db.last_seq(client.registration.account_id)


def test_arming_from_the_api():
    with pytest.raises(ValueError, match="unknown crash point"):
        crashpoints.arm("nowhere")
    crashpoints.arm("during_pull_apply", 3)
    try:
        crashpoints.hit("during_pull_apply")
        crashpoints.hit("during_pull_apply")
        assert crashpoints.will_fire("during_pull_apply") and crashpoints.hits() == {"during_pull_apply": 2}
    finally:
        crashpoints.disarm()
    crashpoints.hit("during_pull_apply")  # disarmed: nothing happens
