"""Orders, their payment and the ledger.

Placing an order is the operation that must never happen twice. It checks the basket, charges the card
with the processor key `device_id:op_id` (outside any database transaction: the processor may be slow, and
asking again with the same key returns the same charge), then decrements stock and writes the order, its
ledger entry and the stored answer in one transaction. If stock ran out in between, the charge is refunded
and the answer is 422 `out_of_stock`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from headunit_backend.auth import CurrentDevice, new_id
from headunit_backend.db import ledger, order_items, orders, payment_methods, products, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, IdempotentOperation, Operation
from headunit_backend.payments import InvalidToken, PaymentDeclined, PaymentProcessor
from headunit_backend.services import Services, get_services

router = APIRouter(tags=["orders"])


class OrderLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    product_id: str = Field(min_length=1, max_length=80)
    quantity: int = Field(ge=1, le=99)


class NewOrder(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[OrderLine] = Field(min_length=1, max_length=50)
    payment_method_id: str = Field(min_length=1, max_length=40)


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
    charge_id: str
    created_at: AwareDatetime


class OrderList(BaseModel):
    items: list[Order] = Field(description="Newest first.")


class LedgerEntry(BaseModel):
    entry_id: int
    op_id: str
    order_id: str
    charge_id: str
    amount_cents: int
    currency: str
    kind: Literal["charge"]
    created_at: AwareDatetime


class Ledger(BaseModel):
    items: list[LedgerEntry] = Field(description="Oldest first.")


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


def out_of_stock(product_id: str) -> ApiError:
    return ApiError(422, "out_of_stock", f"not enough stock of {product_id!r}")


def place_order(op: Operation, order: NewOrder, processor: PaymentProcessor) -> Response:
    with op.db.read() as conn:
        basket = check_basket(conn, op.device.account_id, order)
    try:
        charge = processor.charge(idempotency_key=op.processor_key, token=basket.processor_token,
                                  amount_cents=basket.total_cents, currency=basket.currency)
    except PaymentDeclined as declined:
        raise ApiError(402, declined.code, declined.detail) from None
    except InvalidToken:
        raise ApiError(422, "invalid_processor_token", "the payment processor no longer knows this card") from None

    def effect(conn: Connection):
        for line in basket.lines:
            taken = conn.execute(products.update()
                                 .where(products.c.id == line.product_id, products.c.stock >= line.quantity)
                                 .values(stock=products.c.stock - line.quantity))
            if taken.rowcount != 1:
                raise OutOfStock(line.product_id)
        placed = Order(order_id=new_id("ord"), status="paid", total_cents=basket.total_cents,
                       currency=basket.currency, items=basket.lines, payment_method_id=basket.payment_method_id,
                       charge_id=charge.charge_id, created_at=utcnow())
        conn.execute(orders.insert().values(
            id=placed.order_id, account_id=op.device.account_id, device_id=op.device.id, op_id=op.op_id,
            status=placed.status, total_cents=placed.total_cents, currency=placed.currency,
            payment_method_id=placed.payment_method_id, charge_id=placed.charge_id, created_at=placed.created_at))
        conn.execute(order_items.insert(), [
            {"order_id": placed.order_id, "line": n, **line.model_dump()} for n, line in enumerate(placed.items)])
        conn.execute(ledger.insert().values(
            account_id=op.device.account_id, device_id=op.device.id, op_id=op.op_id, order_id=placed.order_id,
            charge_id=charge.charge_id, amount_cents=charge.amount_cents, currency=charge.currency, kind="charge",
            created_at=placed.created_at))
        return 201, placed

    try:
        return op.commit(effect)
    except OutOfStock as missing:
        refusal = out_of_stock(missing.product_id)
        # The refusal is stored first, which checks that this request still holds the key: after a
        # takeover the charge belongs to the request that took over, and must not be refunded here.
        answer = op.commit(lambda conn: (refusal.status, refusal.body))
        processor.refund(charge.charge_id)
        return answer


ServicesDep = Annotated[Services, Depends(get_services)]


@router.post("/orders", status_code=201, response_model=Order,
             responses={**IDEMPOTENT_ERRORS, **documented(402)})
def create_order(order: NewOrder, op: IdempotentOperation, services: ServicesDep) -> Response:
    """Buy products with a wallet card: 402 when the card is refused, 422 for stock or unknown products."""
    return op.execute(lambda: place_order(op, order, services.processor))


def _orders(conn: Connection, account_id: str, order_id: str | None = None) -> list[Order]:
    query = sa.select(orders).where(orders.c.account_id == account_id)
    if order_id is not None:
        query = query.where(orders.c.id == order_id)
    rows = conn.execute(query.order_by(orders.c.created_at.desc(), orders.c.id)).all()
    lines: dict[str, list[OrderItem]] = {row.id: [] for row in rows}
    if rows:
        for item in conn.execute(sa.select(order_items).where(order_items.c.order_id.in_(lines))
                                 .order_by(order_items.c.order_id, order_items.c.line)):
            lines[item.order_id].append(OrderItem(product_id=item.product_id, name=item.name,
                                                  quantity=item.quantity, unit_price_cents=item.unit_price_cents))
    return [Order(order_id=r.id, status=r.status, total_cents=r.total_cents, currency=r.currency,
                  items=lines[r.id], payment_method_id=r.payment_method_id, charge_id=r.charge_id,
                  created_at=r.created_at) for r in rows]


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


@router.get("/ledger", response_model=Ledger, responses=documented(401))
def get_ledger(device: CurrentDevice, services: ServicesDep) -> Ledger:
    """Every charge of the account, one entry per charge, oldest first."""
    with services.db.read() as conn:
        rows = conn.execute(sa.select(ledger).where(ledger.c.account_id == device.account_id)
                            .order_by(ledger.c.id)).all()
    return Ledger(items=[LedgerEntry(entry_id=r.id, op_id=r.op_id, order_id=r.order_id, charge_id=r.charge_id,
                                     amount_cents=r.amount_cents, currency=r.currency, kind=r.kind,
                                     created_at=r.created_at) for r in rows])
