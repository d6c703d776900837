"""A car process for the offline store order: `python -m tests.sync.store_order_child URL PROFILE FOLDER PHASE`.

queue: with the network switched off, queue the order as the shell's payment desk does on Confirm (the
request checked by `check_request`, the card the driver chose put in the body, the `payments` lane, the
op_id as Idempotency-Key, a 10-minute `not_after`); try to send it (nothing may leave); write the op_id to
FOLDER/op_id and wait for FOLDER/go; then switch the network on and drain. The test kills this process on
the way (a crash point armed through the environment, or SIGKILL from outside).

drain: the car restarted: write the op's state as found to FOLDER/found.json, drain, and write its final
state and the backend's answer to FOLDER/result.json.
"""

import json
import sys
import time
from pathlib import Path

from headunit.shell.payments import LANE, SEND_WITHIN_S, check_request
from headunit.sync import SyncClient
from tests.sync.conftest import FAST

url, profile, folder, phase = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
client = SyncClient(url, profile, settings=FAST)
if phase == "queue":
    client.set_online(False)  # the network switch, off
    spec = json.loads((folder / "request.json").read_text())
    request = check_request(spec)  # what the desk shows and will send
    body = {**request["body"], "payment_method_id": spec["payment_method_id"]}  # the card chosen on the sheet
    op_id = client.enqueue(LANE, request["method"], request["path"], body, plugin="org.headunit.store",
                           not_after=time.time() + SEND_WITHIN_S)
    assert not client.drain(0.5), "an operation left the car with the network off"
    # Written aside and renamed in: the test reads it as soon as the name exists, never half written.
    (folder / "op_id.part").write_text(op_id)
    (folder / "op_id.part").rename(folder / "op_id")
    while not (folder / "go").exists():
        time.sleep(0.01)
    client.set_online(True)  # the network returns
    client.drain(30)
elif phase == "drain":
    op_id = (folder / "op_id").read_text()
    (folder / "found.json").write_text(json.dumps({"state": client.operation(op_id).state}))
    drained = client.drain(30)
    op = client.operation(op_id)
    (folder / "result.json").write_text(json.dumps({"drained": drained, "state": op.state,
                                                    "status": op.response_status, "response": op.response}))
client.close()
