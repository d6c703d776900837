"""The wallet: cards as the processor's token plus what a person needs to recognise them.

A card number never reaches the backend: the car tokenizes the card with the processor and sends only
the token; the request model forbids any other field, so a stray `number` is refused, not stored.
"""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from headunit_backend.auth import CurrentDevice, new_id
from headunit_backend.caching import no_cache
from headunit_backend.db import payment_methods, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, IdempotentOperation
from headunit_backend.payments import InvalidToken
from headunit_backend.services import Services, get_services

router = APIRouter(prefix="/wallet", tags=["wallet"])


class NewCard(BaseModel):
    model_config = ConfigDict(extra="forbid")

    processor_token: str = Field(min_length=1, max_length=100, examples=["tok_visa"],
                                 description="The payment processor's token for the card.")


class PaymentMethod(BaseModel):
    payment_method_id: str
    brand: str
    last4: str
    created_at: AwareDatetime


class PaymentMethodList(BaseModel):
    items: list[PaymentMethod]


class RemovedPaymentMethod(BaseModel):
    payment_method_id: str
    deleted: bool = True


@router.post("/cards", status_code=201, response_model=PaymentMethod, responses=IDEMPOTENT_ERRORS)
def add_card(card: NewCard, op: IdempotentOperation,
             services: Annotated[Services, Depends(get_services)]) -> Response:
    """Store a tokenized card; 422 `invalid_processor_token` when the processor does not know the token."""

    def effect(conn: Connection):
        try:
            details = services.processor.card(card.processor_token)
        except InvalidToken:
            raise ApiError(422, "invalid_processor_token", "the payment processor does not know this token") from None
        method = PaymentMethod(payment_method_id=new_id("pm"), brand=details.brand, last4=details.last4,
                               created_at=utcnow())
        conn.execute(payment_methods.insert().values(
            id=method.payment_method_id, account_id=op.device.account_id, processor_token=card.processor_token,
            brand=method.brand, last4=method.last4, created_at=method.created_at))
        return 201, method

    return op.apply(effect)


@router.get("/cards", response_model=PaymentMethodList, responses=documented(401), dependencies=[Depends(no_cache)])
def list_cards(device: CurrentDevice, services: Annotated[Services, Depends(get_services)]) -> PaymentMethodList:
    """The account's cards, oldest first."""
    with services.db.read() as conn:
        rows = conn.execute(sa.select(payment_methods)
                            .where(payment_methods.c.account_id == device.account_id,
                                   payment_methods.c.deleted_at.is_(None))
                            .order_by(payment_methods.c.created_at, payment_methods.c.id)).all()
    return PaymentMethodList(items=[PaymentMethod(payment_method_id=r.id, brand=r.brand, last4=r.last4,
                                                  created_at=r.created_at) for r in rows])


@router.delete("/cards/{payment_method_id}", response_model=RemovedPaymentMethod,
               responses={**IDEMPOTENT_ERRORS, **documented(404)})
def remove_card(payment_method_id: Annotated[str, Path(max_length=40)], op: IdempotentOperation) -> Response:
    """Remove a card from the wallet (past orders keep referring to it)."""

    def effect(conn: Connection):
        removed = conn.execute(payment_methods.update()
                               .where(payment_methods.c.id == payment_method_id,
                                      payment_methods.c.account_id == op.device.account_id,
                                      payment_methods.c.deleted_at.is_(None))
                               .values(deleted_at=utcnow()))
        if removed.rowcount != 1:
            raise not_found(f"payment method {payment_method_id!r}")
        return 200, RemovedPaymentMethod(payment_method_id=payment_method_id)

    return op.apply(effect)
