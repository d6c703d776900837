"""`headunit-backend audit`: does every cent the processor moved have its intent, ledger and answer?

It compares three records that must agree: the processor's (the sandbox's holds, as a PSP's settlement
report would list them), the intents, and the ledger, plus the stored answers of idempotent requests:

- orphaned charges: money the processor holds or took (a live hold, a capture not refunded in full) that no
  intent records, or whose intent's ledger has no entry for it;
- unrefunded refusals: a request answered with a 4xx (a refusal, or the 410 of an expired key) while the
  processor still holds or keeps money it moved under that request's key;
- ledger mismatches: per intent, the ledger's captures and refunds against the intent's `captured_cents` and
  `refunded_cents` and against the processor's, the hold's balance (authorised minus captured, voided,
  expired) against whether it is still held, and the intent's status against the hold's;
- holds past expiry: intents still `authorized` after their hold lapsed (the reconciler records that).

Intents with a change in flight are counted (`in_flight`), not judged: the reconciler settles them after the
idempotency lease; an audit right after a crash may list them, one after the lease must not.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa

from headunit_backend.db import Database, ledger, operations, payment_intents, utcnow
from headunit_backend.payments import Hold, SandboxProcessor


@dataclass
class Report:
    orphaned_charges: list[dict] = field(default_factory=list)
    unrefunded_refusals: list[dict] = field(default_factory=list)
    ledger_mismatches: list[dict] = field(default_factory=list)
    holds_past_expiry: list[dict] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not (self.orphaned_charges or self.unrefunded_refusals or self.ledger_mismatches
                    or self.holds_past_expiry)

    def to_json(self) -> dict:
        return {"orphaned_charges": self.orphaned_charges, "unrefunded_refusals": self.unrefunded_refusals,
                "ledger_mismatches": self.ledger_mismatches, "holds_past_expiry": self.holds_past_expiry,
                "counts": self.counts}

    def to_text(self) -> str:
        lines = [f"{name.replace('_', ' ')}: {count}" for name, count in self.counts.items()]
        for name in ("orphaned_charges", "unrefunded_refusals", "ledger_mismatches", "holds_past_expiry"):
            for finding in getattr(self, name):
                lines.append(f"{name.replace('_', ' ')[:-1]}: {json.dumps(finding, sort_keys=True)}")
        lines.append("clean" if self.clean else "FINDINGS")
        return "\n".join(lines)


def _money(hold: Hold) -> dict:
    return {"hold_id": hold.hold_id, "processor_key": hold.key, "status": hold.status,
            "amount_cents": hold.amount_cents, "captured_cents": hold.captured_cents,
            "refunded_cents": hold.refunded_cents, "currency": hold.currency}


def audit(db: Database, holds: list[Hold] | None = None) -> Report:
    """Audit one database; `holds` are the processor's records (by default the sandbox's, in that database)."""
    if holds is None:
        holds = SandboxProcessor(db).holds()
    with db.read() as conn:
        intents = conn.execute(sa.select(payment_intents)).all()
        entries = conn.execute(sa.select(ledger.c.intent_id, ledger.c.charge_id, ledger.c.kind,
                                         sa.func.sum(ledger.c.amount_cents).label("total"))
                               .group_by(ledger.c.intent_id, ledger.c.charge_id, ledger.c.kind)).all()
        refusals = conn.execute(sa.select(operations.c.device_id, operations.c.op_id, operations.c.response_status,
                                          operations.c.response_body)
                                .where(operations.c.state == "done", operations.c.response_status >= 400,
                                       operations.c.response_status < 500)).all()
        entry_count = conn.execute(sa.select(sa.func.count()).select_from(ledger)).scalar()
    now = utcnow()
    by_hold = {row.hold_id: row for row in intents if row.hold_id}
    by_key = {row.processor_key: row for row in intents}
    booked: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    booked_holds = set()
    for entry in entries:
        booked[entry.intent_id][entry.kind] += int(entry.total)
        booked_holds.add(entry.charge_id)
    holds_by_id = {hold.hold_id: hold for hold in holds}
    report = Report()

    for hold in holds:
        if not hold.live:
            continue  # declined, voided, lapsed or refunded in full: the processor keeps nothing
        intent = by_hold.get(hold.hold_id) or by_key.get(hold.key)
        if intent is not None and intent.pending_action is not None:
            continue  # in flight: the reconciler's, counted below
        if hold.live and (intent is None or hold.hold_id not in booked_holds):
            report.orphaned_charges.append({**_money(hold), "payment_id": intent.id if intent else None})

    holds_by_key = {hold.key: hold for hold in holds}
    for row in refusals:
        hold = holds_by_key.get(f"{row.device_id}:{row.op_id}")
        if hold is not None and hold.live:
            body = json.loads(bytes(row.response_body))
            report.unrefunded_refusals.append({**_money(hold), "device_id": row.device_id, "op_id": row.op_id,
                                               "response_status": row.response_status,
                                               "error": body.get("error") if isinstance(body, dict) else None})

    in_flight = 0
    for intent in intents:
        if intent.pending_action is not None:
            in_flight += 1
            continue
        if intent.status == "authorized" and intent.hold_expires_at is not None and intent.hold_expires_at <= now:
            report.holds_past_expiry.append({"payment_id": intent.id, "hold_id": intent.hold_id,
                                             "amount_cents": intent.amount_cents,
                                             "hold_expires_at": intent.hold_expires_at.isoformat()})
        if intent.hold_id is None:
            continue
        problems = _mismatches(intent, booked.get(intent.id, {}), holds_by_id.get(intent.hold_id), now)
        if problems:
            report.ledger_mismatches.append({"payment_id": intent.id, "hold_id": intent.hold_id,
                                             "problems": problems})

    report.counts = {"holds": len(holds), "intents": len(intents), "ledger_entries": entry_count,
                     "in_flight": in_flight, "orphaned_charges": len(report.orphaned_charges),
                     "unrefunded_refusals": len(report.unrefunded_refusals),
                     "ledger_mismatches": len(report.ledger_mismatches),
                     "holds_past_expiry": len(report.holds_past_expiry)}
    return report


def _mismatches(intent: sa.Row, booked: dict[str, int], hold: Hold | None, now) -> list[str]:
    problems = []
    if hold is None:
        return [f"the processor knows no hold {intent.hold_id}"]
    captured, refunded = booked.get("capture", 0), booked.get("refund", 0)
    if not captured == intent.captured_cents == hold.captured_cents:
        problems.append(f"captured: ledger {captured}, intent {intent.captured_cents}, processor {hold.captured_cents}")
    if not refunded == intent.refunded_cents == hold.refunded_cents:
        problems.append(f"refunded: ledger {refunded}, intent {intent.refunded_cents}, processor {hold.refunded_cents}")
    held = booked.get("authorize", 0) - captured - booked.get("void", 0) - booked.get("expire", 0)
    expected_held = intent.amount_cents if intent.status == "authorized" else 0
    if held != expected_held:
        problems.append(f"held: ledger {held}, expected {expected_held} for a {intent.status} payment")
    expected_status = {"authorized": {"authorized", "expired"}, "succeeded": {"captured"},
                       "canceled": {"canceled", "expired"}, "failed": {"declined"}}.get(intent.status, set())
    if hold.status not in expected_status:
        problems.append(f"status: intent {intent.status}, processor {hold.status}")
    return problems
