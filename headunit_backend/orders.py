"""Orders, paid through a payment intent.

Placing an order is the operation that must never happen twice. It checks and prices the basket, writes the
intent ahead with that priced basket, authorizes the card with the processor key `device_id:op_id` (outside
any database transaction: the processor may be slow, and asking again with the same key returns the same
hold), then takes the stock and writes the order, the hold's ledger entry, the intent and the stored answer
in one transaction, and captures. If stock ran out in between, the hold is voided and the answer is 422
`out_of_stock`.

Every order says where its parts go (`delivery`): home, or a partner workshop at an installation slot. The
workshop's booking is made in the same transaction as the order (the commit step, never the request), so
an order placed offline books whatever slot is free when it arrives (`moved_from` names the one asked
for), and a retry or the reconciler finishing an interrupted order finds the booking the order has.
`fulfilment` is computed when an order is read, from the demo fulfilment clock below.

A retry that takes over a key left in flight by a crash never prices the basket again: the card may have
been deleted and the price changed since, but the money was held for the basket as first priced, so that
basket is what the order is completed with (or, stock gone, what the refusal and the void are about). See
headunit_backend/intents.py.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import time
from dataclasses import dataclass
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy.engine import Connection

from headunit_backend import bookings
from headunit_backend.auth import CurrentDevice, new_id
from headunit_backend.bookings import Booking
from headunit_backend.db import order_items, orders, payment_intents, payment_methods, products, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, IdempotentOperation, Operation
from headunit_backend.intents import PURPOSES, Merchant, PaymentDesk, Purpose, desk_of, run_payment_operation
from headunit_backend.payments import Hold
from headunit_backend.services import Services, get_services

router = APIRouter(tags=["orders"])


class OrderLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    product_id: str = Field(min_length=1, max_length=80)
    quantity: int = Field(ge=1, le=99, strict=True)  # "1" or true is not a quantity


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class Address(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text
    street: Text
    postcode: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
    city: Text
    country: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=60)] = Field(
        examples=["MC", "Monaco"])


class HomeDelivery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["home"]
    address: Address


class WorkshopDelivery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["workshop"]
    workshop_id: str = Field(min_length=1, max_length=60)
    slot_start: AwareDatetime = Field(description="A slot's `start` from `GET /v1/workshops/{id}/slots`.")


Delivery = Annotated[HomeDelivery | WorkshopDelivery, Field(discriminator="kind")]


class NewOrder(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[OrderLine] = Field(min_length=1, max_length=50)
    payment_method_id: str = Field(min_length=1, max_length=40)
    delivery: Delivery


class OrderItem(BaseModel):
    product_id: str
    name: str
    quantity: int
    unit_price_cents: int


class Order(BaseModel):
    order_id: str
    status: Literal["paid"]
    total_cents: int
    currency: str
    items: list[OrderItem]
    payment_method_id: str
    charge_id: str = Field(description="The processor's charge (its hold, captured).")
    payment_id: str | None = Field(None, description="The payment intent that paid for it (`/v1/payments/{id}`).")
    created_at: AwareDatetime
    delivery: Delivery | None = Field(None, description="As asked for; null for orders placed before delivery "
                                                        "was asked.")
    booking: Booking | None = Field(None, description="The installation slot of a workshop delivery.")
    fulfilment: Literal["processing", "shipped", "ready", "delivered", "fitted"] = Field(
        "processing", description="Where the parts are, by the demo fulfilment clock: `ready` at the workshop, "
                                  "`delivered` home, `fitted` once the booking's slot is over.")


class OrderList(BaseModel):
    items: list[Order] = Field(description="Newest first.")


class OutOfStock(Exception):
    def __init__(self, product_id: str):
        super().__init__(product_id)
        self.product_id = product_id


@dataclass(frozen=True)
class Basket:
    lines: list[OrderItem]
    currency: str
    processor_token: str
    payment_method_id: str

    @property
    def total_cents(self) -> int:
        return sum(line.unit_price_cents * line.quantity for line in self.lines)


def check_basket(conn: Connection, account_id: str, order: NewOrder) -> Basket:
    """Price the order and refuse it (422) before any money moves."""
    card = conn.execute(sa.select(payment_methods.c.processor_token)
                        .where(payment_methods.c.id == order.payment_method_id,
                               payment_methods.c.account_id == account_id,
                               payment_methods.c.deleted_at.is_(None))).scalar()
    if card is None:
        raise ApiError(422, "unknown_payment_method", f"no payment method {order.payment_method_id!r} in this wallet")
    quantities: dict[str, int] = {}
    for line in order.items:
        quantities[line.product_id] = quantities.get(line.product_id, 0) + line.quantity
    rows = {row.id: row for row in conn.execute(sa.select(products).where(products.c.id.in_(quantities)))}
    lines = []
    for product_id in sorted(quantities):  # a fixed order: concurrent orders lock stock rows alike
        row = rows.get(product_id)
        if row is None:
            raise ApiError(422, "unknown_product", f"no product {product_id!r}")
        if row.stock < quantities[product_id]:
            raise out_of_stock(product_id)
        lines.append(OrderItem(product_id=product_id, name=row.name, quantity=quantities[product_id],
                               unit_price_cents=row.price_cents))
    currencies = {rows[line.product_id].currency for line in lines}
    if len(currencies) != 1:
        raise ApiError(422, "mixed_currencies", "all products of one order must share a currency")
    return Basket(lines=lines, currency=currencies.pop(), processor_token=card,
                  payment_method_id=order.payment_method_id)


class DemoFulfilmentClock:
    """A stand-in for the shop's warehouse and carrier, named so everywhere: an order's parts ship
    SHIPPED_AFTER its creation and arrive (home: `delivered`; workshop: `ready`) ARRIVED_AFTER it; a workshop
    order is `fitted` once its booked slot is over and the parts had arrived. A cancelled booking's parts stay
    `ready` for collection. Computed from the clock whenever an order is read; nothing is stored."""

    SHIPPED_AFTER = dt.timedelta(minutes=2)
    ARRIVED_AFTER = dt.timedelta(minutes=5)

    @classmethod
    def state(cls, order: Order, now: dt.datetime) -> str:
        age = now - order.created_at
        if age < cls.SHIPPED_AFTER:
            return "processing"
        if age < cls.ARRIVED_AFTER:
            return "shipped"
        if not isinstance(order.delivery, WorkshopDelivery):
            return "delivered"
        booking = order.booking
        if booking is not None and booking.status == "booked" and now >= booking.end:
            return "fitted"
        return "ready"


def out_of_stock(product_id: str) -> ApiError:
    return ApiError(422, "out_of_stock", f"not enough stock of {product_id!r}")


#: The shop every order pays, as its payments show it.
SHOP = Merchant(id="headunit-shop", name="HeadUnit shop")


#: A workshop books at least this long, even for parts it only hands over.
HANDOVER_MINUTES = 30


def fitting_minutes(conn: Connection, lines: list[OrderItem]) -> int:
    """How long the workshop's slot must be: each part's catalog fitting time times its quantity, added up and
    rounded up to the half hour (parts without a fitting service only need handing over)."""
    wanted = [line.product_id for line in lines]
    minutes = {row.id: row.fitting_minutes for row in conn.execute(
        sa.select(products.c.id, products.c.fitting_minutes).where(products.c.id.in_(wanted)))}
    total = sum((minutes.get(line.product_id) or 0) * line.quantity for line in lines)
    return min(600, max(HANDOVER_MINUTES, math.ceil(total / 30) * 30))


def place_order(op: Operation, order: NewOrder, desk: PaymentDesk) -> Response:
    """Price the basket and check the delivery (refusals before any money moves), then pay for it through an
    intent whose draft carries both, for the commit that writes the order and books its slot."""
    with op.db.read() as conn:
        basket = check_basket(conn, op.device.account_id, order)
        method = conn.execute(sa.select(payment_methods).where(payment_methods.c.id == basket.payment_method_id)).one()
        minutes = fitting_minutes(conn, basket.lines)
    if isinstance(order.delivery, WorkshopDelivery):
        bookings.check_slot(order.delivery.workshop_id, order.delivery.slot_start)
    draft = {"lines": [line.model_dump() for line in basket.lines], "currency": basket.currency,
             "payment_method_id": basket.payment_method_id, "delivery": order.delivery.model_dump(mode="json"),
             "booking_minutes": minutes}
    return desk.start(op, purpose="order", amount_cents=basket.total_cents, currency=basket.currency, method=method,
                      merchant=SHOP, reference=f"order {op.op_id}", capture="manual", draft=draft)


def _order_authorized(conn: Connection, intent: sa.Row, hold: Hold) -> tuple[int, Order]:
    """Inside the commit that records the hold: take the stock and write the order for the basket as first
    priced (the intent's draft), and write its capture ahead. Stock gone: ApiError, and the hold is voided."""
    draft = json.loads(intent.draft_json)
    lines = [OrderItem(**line) for line in draft["lines"]]
    for line in lines:
        taken = conn.execute(products.update()
                             .where(products.c.id == line.product_id, products.c.stock >= line.quantity)
                             .values(stock=products.c.stock - line.quantity))
        if taken.rowcount != 1:
            raise out_of_stock(line.product_id)
    delivery = draft.get("delivery")
    now = utcnow()
    placed = Order(order_id=new_id("ord"), status="paid", total_cents=intent.amount_cents, currency=intent.currency,
                   items=lines, payment_method_id=draft["payment_method_id"], charge_id=hold.hold_id,
                   payment_id=intent.id, created_at=now, delivery=delivery)
    conn.execute(orders.insert().values(
        id=placed.order_id, account_id=intent.account_id, device_id=intent.device_id, op_id=intent.op_id,
        status=placed.status, total_cents=placed.total_cents, currency=placed.currency,
        payment_method_id=placed.payment_method_id, charge_id=placed.charge_id, created_at=placed.created_at,
        delivery_json=json.dumps(delivery) if delivery is not None else None))
    conn.execute(order_items.insert(), [
        {"order_id": placed.order_id, "line": n, **line.model_dump()} for n, line in enumerate(placed.items)])
    if isinstance(placed.delivery, WorkshopDelivery):
        # In this commit, which also records the hold under our claim of the intent: a retry or the reconciler
        # finishing the order later books (once) whatever is free then, never the slot as it was.
        placed.booking = bookings.book_for_order(
            conn, account_id=intent.account_id, order_id=placed.order_id, workshop_id=placed.delivery.workshop_id,
            slot_start=placed.delivery.slot_start, minutes=draft["booking_minutes"], now=now)
    placed.fulfilment = DemoFulfilmentClock.state(placed, now)
    # The order is the purchase: its capture is due now, and written ahead in this same commit, so that the
    # reconciler makes it if this process dies before the processor is asked.
    conn.execute(payment_intents.update().where(payment_intents.c.id == intent.id).values(
        order_id=placed.order_id, pending_action="capture", pending_key=f"{intent.processor_key}:capture",
        pending_amount=intent.amount_cents, pending_device_id=None, pending_op_id=None,
        pending_holder=intent.pending_holder, pending_since=time.time()))
    return 201, placed


def _order_of_intent(conn: Connection, intent: sa.Row) -> Order:
    found = _orders(conn, intent.account_id, intent.order_id) if intent.order_id else []
    if not found:
        raise ApiError(422, "invalid_payment_state", "this payment's order was not placed")
    return found[0]


PURPOSES["order"] = Purpose(authorized=_order_authorized, present=_order_of_intent)


ServicesDep = Annotated[Services, Depends(get_services)]


@router.post("/orders", status_code=201, response_model=Order,
             responses={**IDEMPOTENT_ERRORS, **documented(402)})
def create_order(order: NewOrder, op: IdempotentOperation, services: ServicesDep) -> Response:
    """Buy products with a wallet card: 402 when the card is refused, 422 for stock or unknown products."""
    desk = desk_of(services)
    return run_payment_operation(op, desk, lambda: place_order(op, order, desk))


def _orders(conn: Connection, account_id: str, order_id: str | None = None) -> list[Order]:
    query = sa.select(orders).where(orders.c.account_id == account_id)
    if order_id is not None:
        query = query.where(orders.c.id == order_id)
    rows = conn.execute(query.order_by(orders.c.created_at.desc(), orders.c.id)).all()
    paid_by = {row.order_id: row.id for row in conn.execute(
        sa.select(payment_intents.c.id, payment_intents.c.order_id)
        .where(payment_intents.c.order_id.in_([r.id for r in rows])))} if rows else {}
    lines: dict[str, list[OrderItem]] = {row.id: [] for row in rows}
    if rows:
        for item in conn.execute(sa.select(order_items).where(order_items.c.order_id.in_(lines))
                                 .order_by(order_items.c.order_id, order_items.c.line)):
            lines[item.order_id].append(OrderItem(product_id=item.product_id, name=item.name,
                                                  quantity=item.quantity, unit_price_cents=item.unit_price_cents))
    booked = bookings.of_orders(conn, [r.id for r in rows])
    now = utcnow()
    found = [Order(order_id=r.id, status=r.status, total_cents=r.total_cents, currency=r.currency,
                   items=lines[r.id], payment_method_id=r.payment_method_id, charge_id=r.charge_id,
                   payment_id=paid_by.get(r.id), created_at=r.created_at,
                   delivery=json.loads(r.delivery_json) if r.delivery_json else None, booking=booked.get(r.id))
             for r in rows]
    for order in found:
        order.fulfilment = DemoFulfilmentClock.state(order, now)
    return found


@router.get("/orders", response_model=OrderList, responses=documented(401))
def list_orders(device: CurrentDevice, services: ServicesDep) -> OrderList:
    """The account's orders, newest first."""
    with services.db.read() as conn:
        return OrderList(items=_orders(conn, device.account_id))


@router.get("/orders/{order_id}", response_model=Order, responses=documented(401, 404))
def get_order(order_id: Annotated[str, Path(max_length=40)], device: CurrentDevice, services: ServicesDep) -> Order:
    """One order of the account (404 for any other account's order)."""
    with services.db.read() as conn:
        found = _orders(conn, device.account_id, order_id)
    if not found:
        raise not_found(f"order {order_id!r}")
    return found[0]
