"""The campaign's workload: a seeded list of writes per car, each with its op_id fixed in advance.

Fixing op_ids in the plan lets the history name an operation before `enqueue` is called, so a crash
between the two leaves an operation the checker knows by name ("unknown": at most once).

Payments come in three kinds: a `payment` captured at once, a `hold` (manual capture) and, later in the
same car's plan, the `capture` of part of that hold, whose path names the payment the hold's answer
returned (the worker fills it in). A car's last hold may never be captured: it expires.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from headunit.sync.mirror import COLLECTIONS, item_path

KEYS_PER_COLLECTION = 40
PLUGINS = {"user-data": "org.headunit.settings", "payments": "org.headunit.store", "reviews": "org.headunit.store"}
#: Where a capture's path names the payment its hold created.
HOLD_PLACEHOLDER = "{hold}"
#: Where the campaign's orders go: every order names its delivery (docs/workshops.md).
HOME_DELIVERY = {"kind": "home", "address": {"name": "Chaos Driver", "street": "1 Avenue Princesse Grace",
                                             "postcode": "98000", "city": "Monaco", "country": "MC"}}


@dataclass(frozen=True)
class Backend:
    """What the backend offers the campaign: products to buy and review, the account's cards."""

    orders: bool = False
    reviews: bool = False
    products: tuple[str, ...] = ()
    card: str | None = None  # approves
    declined_card: str | None = None  # declines, must never be charged
    payments: bool = False  # /v1/payments: holds, captures and payments captured at once


@dataclass(frozen=True)
class PlannedOp:
    op_id: str
    kind: str  # put | delete | order | declined_order | review
    lane: str
    method: str
    path: str
    body: Any = None
    collection: str | None = None
    key: str | None = None
    deadline: float | None = None  # seconds after enqueue: the op's not_after
    ref: str | None = None  # a capture's hold (its op_id)

    @property
    def plugin(self) -> str:
        return PLUGINS[self.lane]


def make_plan(seed: int, ops: int, cars: int, backend: Backend, *, deadline_share: float = 0.02
              ) -> list[list[PlannedOp]]:
    rng = random.Random(seed)
    kinds = [("put", 0.62), ("delete", 0.13)]
    if backend.orders and backend.products and backend.card:
        kinds += [("order", 0.05), ("declined_order", 0.03 if backend.declined_card else 0.0)]
    if backend.reviews and backend.products:
        kinds += [("review", 0.07)]
    if backend.payments and backend.card:
        kinds += [("payment", 0.04), ("hold", 0.04)]
    names, weights = zip(*kinds)
    plan: list[list[PlannedOp]] = [[] for _ in range(cars)]
    holds: dict[int, PlannedOp] = {}  # a car's hold still to capture
    for n in range(ops):
        car = n % cars
        op_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        kind = rng.choices(names, weights)[0]
        if car in holds and kind in ("payment", "hold"):
            plan[car].append(_capture(rng, op_id, holds.pop(car)))
            continue
        op = _op(rng, kind, op_id, car, n, backend, deadline_share)
        if kind == "hold":
            holds[car] = op
        plan[car].append(op)
    return plan


def _op(rng: random.Random, kind: str, op_id: str, car: int, n: int, backend: Backend,
        deadline_share: float) -> PlannedOp:
    if kind in ("put", "delete"):
        collection = rng.choice(COLLECTIONS)
        key = f"k{rng.randrange(KEYS_PER_COLLECTION)}"
        deadline = rng.uniform(0.2, 2.0) if rng.random() < deadline_share else None
        if kind == "delete":
            return PlannedOp(op_id, kind, "user-data", "DELETE", item_path(collection, key), None, collection, key,
                             deadline)
        value = {"car": car, "n": n}
        return PlannedOp(op_id, kind, "user-data", "PUT", item_path(collection, key), {"value": value},
                         collection, key, deadline)
    if kind in ("payment", "hold"):
        body = {"amount_cents": rng.randint(100, 9000), "currency": "EUR", "payment_method_id": backend.card,
                "merchant": {"id": "chaos-cafe", "name": "Chaos Café"}, "reference": op_id[:8],
                "capture": "automatic" if kind == "payment" else "manual"}
        return PlannedOp(op_id, kind, "payments", "POST", "/v1/payments", body)
    product = rng.choice(backend.products)
    if kind == "review":
        body = {"rating": rng.randint(1, 5), "text": f"chaos review {op_id}"}
        return PlannedOp(op_id, kind, "reviews", "POST", f"/v1/catalog/products/{product}/reviews", body)
    card = backend.declined_card if kind == "declined_order" else backend.card
    body = {"items": [{"product_id": product, "quantity": 1}], "payment_method_id": card, "delivery": HOME_DELIVERY}
    return PlannedOp(op_id, kind, "payments", "POST", "/v1/orders", body)


def _capture(rng: random.Random, op_id: str, hold: PlannedOp) -> PlannedOp:
    """Part of the hold, or all of it (`amount_cents` null): what a pump or a car park does."""
    amount = hold.body["amount_cents"]
    body = {"amount_cents": rng.choice([None, rng.randint(1, amount)])}
    return PlannedOp(op_id, "capture", "payments", "POST", f"/v1/payments/{HOLD_PLACEHOLDER}/capture", body,
                     ref=hold.op_id)


def save(plan: list[PlannedOp], path: Path) -> None:
    path.write_text("".join(json.dumps(asdict(op)) + "\n" for op in plan))


def load(path: Path) -> list[PlannedOp]:
    return [PlannedOp(**json.loads(line)) for line in path.read_text().splitlines() if line]
