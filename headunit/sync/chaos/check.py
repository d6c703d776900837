"""The campaign's verdict: the client's histories and outboxes against the backend's real tables.

Each planned operation is judged by what the driver was told (the history), what the car recorded
(its outbox) and what the backend did (its stored answer and the effect rows):

    acknowledged (enqueue returned)   applied exactly once, or rejected by design / expired and never applied
    a declined card                   rejected, never charged (no order, no ledger entry, no captured charge)
    unknown (crashed inside enqueue)  applied at most once
    every lane                        the server completed its operations in the lane's outbox order
    user data                         every car's mirror equals the account's items after a final pull

Double application cannot hide behind the UNIQUE keys: every applied user-data write draws the account's
next change seq, so the account's `last_seq` must equal the number of user-data writes answered 2xx;
charges are counted in the ledger and the sandbox processor, reviews by the op_id in their text.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from headunit.sync.chaos.plan import PlannedOp

#: Refusals the plan provokes on purpose: a declined card, stock that runs out in a long campaign, and a
#: second review of a product by the account (one review per account and product).
BY_DESIGN = {"declined_order": {"card_declined", "out_of_stock", "payment_canceled"},
             "order": {"out_of_stock", "payment_canceled"},
             "review": {"already_reviewed"},
             # A capture after its hold expired (or whose hold was refused: no payment to name).
             "capture": {"hold_expired", "invalid_payment_state", "not_found"},
             # Holds last seconds in a campaign: one may lapse while a crash keeps it from being recorded (an
             # order's too: it is paid through the same kind of hold), and is then given back, never applied.
             "payment": {"payment_canceled"}, "hold": {"payment_canceled"}}


@dataclass
class Car:
    index: int
    profile: Path
    device_id: str
    plan: list[PlannedOp]
    history: Path


def read_history(path: Path) -> tuple[set[str], set[str]]:
    invoked, ok = set(), set()
    if path.exists():
        for line in path.read_text().splitlines():
            event, _, op_id = line.partition(" ")
            (invoked if event == "invoke" else ok if event == "ok" else set()).add(op_id)
    return invoked, ok


def read_outbox(profile: Path) -> dict[str, sqlite3.Row]:
    conn = sqlite3.connect(f"file:{profile / 'sync.db'}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return {row["op_id"]: row for row in conn.execute(
            "SELECT seq, op_id, lane, state, response_status, response FROM outbox")}
    finally:
        conn.close()


def server_state(engine: sa.Engine, account_id: str, devices: list[str]) -> dict:
    from headunit_backend import db as t

    with engine.connect() as conn:
        ops = {(r.device_id, r.op_id): r for r in conn.execute(
            sa.select(t.operations.c.id, t.operations.c.device_id, t.operations.c.op_id, t.operations.c.state,
                      t.operations.c.response_status, t.operations.c.response_body)
            .where(t.operations.c.device_id.in_(devices)))}
        last_seq = conn.execute(sa.select(t.accounts.c.last_seq).where(t.accounts.c.id == account_id)).scalar_one()
        items = {(r.collection, r.key): json.loads(r.value_json) for r in conn.execute(
            sa.select(t.sync_items).where(t.sync_items.c.account_id == account_id, t.sync_items.c.deleted.is_(False)))}
        ledger = Counter((r.device_id, r.op_id) for r in conn.execute(  # captures, by the request that made them
            sa.select(t.ledger.c.device_id, t.ledger.c.op_id).where(t.ledger.c.account_id == account_id,
                                                                    t.ledger.c.kind == "capture")))
        orders = Counter((r.device_id, r.op_id) for r in conn.execute(
            sa.select(t.orders.c.device_id, t.orders.c.op_id).where(t.orders.c.account_id == account_id)))
        # A hold captured and not refunded is a charge kept ("succeeded"); the others say what became of it.
        charges = Counter((r.idempotency_key, "refunded" if r.refunded_cents else
                           "succeeded" if r.status == "captured" else r.status) for r in conn.execute(
            sa.select(t.sandbox_holds.c.idempotency_key, t.sandbox_holds.c.status,
                      t.sandbox_holds.c.refunded_cents)))
        reviews = Counter(r.text for r in conn.execute(
            sa.select(t.reviews.c.text).where(t.reviews.c.account_id == account_id)))
        # Payments the processor held money for, by the operation that asked (declined ones held nothing), and
        # whether money is still held or kept: a payment refused after its hold was made holds none.
        intents: dict[tuple[str, str], list[bool]] = defaultdict(list)
        for r in conn.execute(sa.select(t.payment_intents).where(
                t.payment_intents.c.account_id == account_id, t.payment_intents.c.purpose == "payment",
                t.payment_intents.c.hold_id.is_not(None))):
            intents[(r.device_id, r.op_id)].append(r.status == "authorized" or r.captured_cents > r.refunded_cents)
    return {"ops": ops, "last_seq": last_seq, "items": items, "ledger": ledger, "orders": orders,
            "charges": charges, "reviews": reviews, "intents": intents}


def effects(op: PlannedOp, device_id: str, server: dict) -> int:
    """How many times the operation's effect is visible on the server (user data: 1 if answered 2xx)."""
    key = (device_id, op.op_id)
    if op.kind in ("order", "declined_order"):
        charged = server["charges"][(f"{device_id}:{op.op_id}", "succeeded")]
        return max(server["ledger"][key], server["orders"][key], charged)
    if op.kind == "review":
        return server["reviews"][f"chaos review {op.op_id}"]
    if op.kind in ("payment", "hold"):
        return len(server["intents"].get(key, ()))
    if op.kind == "capture":
        return server["ledger"][key]  # its capture's entry
    row = server["ops"].get(key)
    return 1 if row is not None and row.state == "done" and 200 <= row.response_status < 300 else 0


def money_held(op: PlannedOp, device_id: str, server: dict) -> bool:
    """A refused payment may have had a hold made and given back (a crash, an expiry): it is applied only if
    money is still held or kept."""
    return any(server["intents"].get((device_id, op.op_id), ()))


def _tombstone(stored) -> bool:
    return stored.response_status == 410 and b"operation_expired" in bytes(stored.response_body or b"")


def money_balances(op: PlannedOp, device_id: str, server: dict) -> bool:
    """An order's money adds up: as many ledger entries as orders as charges kept (succeeded, not
    refunded): no charge without its entry, no entry without its money."""
    key = (device_id, op.op_id)
    kept = server["charges"][(f"{device_id}:{op.op_id}", "succeeded")]
    return server["ledger"][key] == server["orders"][key] == kept


def check(engine: sa.Engine, account_id: str, cars: list[Car], mirrors: dict[int, dict]) -> dict:
    server = server_state(engine, account_id, [car.device_id for car in cars])
    result = Counter()
    problems: list[str] = []
    user_data_applied = 0
    for car in cars:
        invoked, ok = read_history(car.history)
        outbox = read_outbox(car.profile)
        by_lane: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for op in car.plan:
            if op.op_id not in invoked:
                result["never_invoked"] += 1
                continue
            acknowledged = op.op_id in ok
            result["acknowledged" if acknowledged else "unknown"] += 1
            row = outbox.get(op.op_id)
            stored = server["ops"].get((car.device_id, op.op_id))
            # A tombstone (the key expired before its write arrived) is a verdict, not an application.
            done = stored is not None and stored.state == "done" and not _tombstone(stored)
            n = effects(op, car.device_id, server)
            if op.lane == "user-data" and n:
                user_data_applied += 1
            if n > 1:
                result["duplicates"] += n - 1
                problems.append(f"car {car.index} op {op.op_id} ({op.kind}) applied {n} times")
            if op.kind in ("order", "declined_order") and not money_balances(op, car.device_id, server):
                result["money_mismatches"] += 1
                problems.append(f"car {car.index} op {op.op_id}: ledger, orders and charges disagree")
            if row is None:
                if acknowledged:
                    result["lost"] += 1
                    problems.append(f"car {car.index} op {op.op_id}: acknowledged but not in the outbox")
                if n or done:
                    result["phantoms"] += 1
                    problems.append(f"car {car.index} op {op.op_id}: applied without an outbox row")
                continue
            state = row["state"]
            if done:
                by_lane[op.lane].append((row["seq"], stored.id))
            if state == "pending":
                result["pending"] += 1
                problems.append(f"car {car.index} op {op.op_id}: still pending")
            elif state == "expired":
                result["expired"] += 1
                if done or n:
                    result["expired_but_applied"] += 1
                    problems.append(f"car {car.index} op {op.op_id}: expired, yet the server applied it")
            elif state == "acked":
                if op.kind == "declined_order":
                    result["declined_but_charged"] += 1
                    problems.append(f"car {car.index} op {op.op_id}: a declined card was charged")
                if n == 1:
                    result["applied_once"] += 1
                elif n == 0:
                    result["lost"] += 1
                    problems.append(f"car {car.index} op {op.op_id} ({op.kind}): acked, not applied")
                if not done or stored.response_status != row["response_status"]:
                    result["mismatched_answers"] += 1
                    problems.append(f"car {car.index} op {op.op_id}: outbox and server answers differ")
            elif state == "rejected":
                result["rejected"] += 1
                code = (json.loads(row["response"]) or {}).get("error") if row["response"] else None
                if code in BY_DESIGN.get(op.kind, ()):
                    result["rejected_by_design"] += 1
                else:
                    result["unexpected_rejections"] += 1
                    problems.append(f"car {car.index} op {op.op_id} ({op.kind}) rejected: {row['response']}")
                if n and (op.kind not in ("payment", "hold") or money_held(op, car.device_id, server)):
                    result["rejected_but_applied"] += 1
                    problems.append(f"car {car.index} op {op.op_id}: rejected, yet applied")
        for pairs in by_lane.values():
            pairs.sort()
            server_order = [server_id for _, server_id in pairs]
            result["order_violations"] += sum(1 for a, b in zip(server_order, server_order[1:]) if b < a)
    if server["last_seq"] != user_data_applied:
        extra = server["last_seq"] - user_data_applied
        result["duplicates" if extra > 0 else "lost"] += abs(extra)
        problems.append(f"account seq {server['last_seq']} != {user_data_applied} user-data writes answered 2xx")
    diverged = [i for i, mirror in mirrors.items() if mirror != server["items"]]
    for i in diverged:
        problems.append(f"car {i}: mirror differs from the server ({len(mirrors[i])} vs {len(server['items'])} items)")
    keys = ("acknowledged", "unknown", "applied_once", "duplicates", "lost", "order_violations", "rejected",
            "rejected_by_design", "unexpected_rejections", "expired", "expired_but_applied", "rejected_but_applied",
            "mismatched_answers", "phantoms", "declined_but_charged", "money_mismatches", "pending", "never_invoked")
    out = {k: result[k] for k in keys}
    out["converged"] = not diverged
    out["server_items"] = len(server["items"])
    out["problems"] = problems[:50]
    return out
