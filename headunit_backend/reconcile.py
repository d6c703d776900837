"""The reconciler: settles every payment left in flight, at start and then periodically.

A request that dies between asking the processor and committing leaves its intent with a `pending_action`
(written ahead, see headunit_backend/intents.py) and its operation `in_flight`. Once the idempotency lease
has passed, the reconciler claims such an intent with a conditional UPDATE (so several workers, or several
servers on one PostgreSQL, never settle one intent twice), asks the processor what it did under the key,
finishes or reverses it, and stores the operation's final answer, so the car's retry and `GET
/v1/operations/{id}` see what really happened. It also records holds that expired unused.

Every worker process runs one; they share the work through those claims.
"""

from __future__ import annotations

import json
import logging
import threading
import time

import sqlalchemy as sa

from headunit_backend.auth import Device
from headunit_backend.db import operations, payment_intents, utcnow
from headunit_backend.errors import ErrorBody
from headunit_backend.idempotency import TOMBSTONE
from headunit_backend.intents import PaymentDesk, adopt_operation, intent_of_operation

log = logging.getLogger(__name__)


def reconcile_once(desk: PaymentDesk, *, batch: int = 100) -> int:
    """One pass: settle intents pending past the lease, record expired holds. Returns how many it settled."""
    # Importing the purposes registers how orders and sessions answer (a worker may not have served one yet).
    from headunit_backend import fuel, orders, parking  # noqa: F401

    settled = 0
    stale = time.time() - desk.lease
    with desk.db.read() as conn:
        pending = conn.execute(sa.select(payment_intents).where(
            payment_intents.c.pending_action.is_not(None), payment_intents.c.pending_since < stale)
            .order_by(payment_intents.c.pending_since).limit(batch)).all()
        lapsed = conn.execute(sa.select(payment_intents).where(
            payment_intents.c.status == "authorized", payment_intents.c.pending_action.is_(None),
            payment_intents.c.hold_expires_at <= utcnow()).limit(batch)).all()
    for row in pending:
        try:
            settled += desk.settle(row)
        except Exception:  # one bad intent must not stop the others; it is tried again next pass
            log.exception("could not settle payment %s (%s)", row.id, row.pending_action)
    for row in lapsed:
        claim = desk.start_expiry(row)
        if claim is None:
            continue
        try:
            desk.advance(claim, None)
            settled += 1
        except Exception:
            log.exception("could not record the expiry of payment %s", row.id)
    if settled:
        log.warning("reconciler settled %d payment change(s) left in flight", settled)
    return settled


def settle_operation(desk: PaymentDesk, device: Device, op_id: str) -> None:
    """`POST /v1/operations/{id}/expire` on an operation still in flight: once its lease has passed, settle
    it for good. A payment is finished or reversed (its answer becomes the operation's); any other write had
    no effect (its effect and answer commit together), so it gets the tombstone the device asked for."""
    row = intent_of_operation(desk.db, device.id, op_id)
    if row is not None and row.pending_action is not None and \
            (row.pending_device_id, row.pending_op_id) == (device.id, op_id):
        desk.settle(row, give_up=True)
        return
    if row is not None and (row.device_id, row.op_id) == (device.id, op_id):
        # Its payment was settled but the answer could not be stored then (the key was held): store it now.
        op = adopt_operation(desk.db, row, desk.lease, op_id=op_id)
        if op is not None:
            desk.answer_settled(row.id, op)
        return
    expired = ErrorBody(error="operation_expired", detail="the device gave this operation up before it arrived")
    with desk.db.write() as conn:
        conn.execute(operations.update().where(
            operations.c.device_id == device.id, operations.c.op_id == op_id, operations.c.state == "in_flight",
            operations.c.claimed_at < time.time() - desk.lease)
            .values(state="done", request_hash=TOMBSTONE, holder=TOMBSTONE, response_status=410,
                    response_body=json.dumps(expired.model_dump()).encode(), completed_at=utcnow()))


class Reconciler:
    """Runs `reconcile_once` at start and every `interval` seconds in a daemon thread, until stopped."""

    def __init__(self, desk: PaymentDesk, interval: float):
        self.desk, self.interval = desk, interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="payment-reconciler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)

    def _run(self) -> None:
        while True:
            try:
                reconcile_once(self.desk)
            except Exception:  # a database that is briefly away: try again next time
                log.exception("reconciler pass failed")
            if self.interval <= 0 or self._stop.wait(self.interval):
                return
