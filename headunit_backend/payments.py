"""Card payments behind a processor interface, and the sandbox processor that ships with the backend.

The sandbox behaves like a card processor's test mode: fixed test tokens, and charges remembered under
the caller's idempotency key, so asking twice with one key returns the first charge instead of charging
again. It keeps its charges in the backend's database but in transactions of its own, as a remote
processor would.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

import sqlalchemy as sa

from headunit_backend.auth import new_id
from headunit_backend.db import Database, dialect_insert, sandbox_charges, utcnow


@dataclass(frozen=True)
class Card:
    brand: str
    last4: str


@dataclass(frozen=True)
class Charge:
    charge_id: str
    amount_cents: int
    currency: str


class PaymentDeclined(Exception):
    """The processor refused the charge; `code` is `card_declined` or `insufficient_funds`."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code, self.detail = code, detail


class InvalidToken(Exception):
    """The processor does not know this token."""


class PaymentProcessor(Protocol):
    def card(self, token: str) -> Card:
        """Brand and last four digits of a tokenized card; raises InvalidToken."""
        ...

    def charge(self, *, idempotency_key: str, token: str, amount_cents: int, currency: str) -> Charge:
        """Charge once per idempotency_key (a repeat returns the first outcome); raises PaymentDeclined."""
        ...

    def refund(self, charge_id: str) -> None:
        """Give a charge back in full."""
        ...


@dataclass(frozen=True)
class _TestCard:
    card: Card
    outcome: str  # succeeded | card_declined | insufficient_funds
    slow: bool = False


TEST_CARDS = {
    "tok_visa": _TestCard(Card("visa", "4242"), "succeeded"),
    "tok_mastercard": _TestCard(Card("mastercard", "4444"), "succeeded"),
    "tok_declined": _TestCard(Card("visa", "0002"), "card_declined"),
    "tok_insufficient_funds": _TestCard(Card("visa", "9995"), "insufficient_funds"),
    "tok_slow": _TestCard(Card("visa", "3220"), "succeeded", slow=True),
}

_DECLINES = {"card_declined": "the card was declined", "insufficient_funds": "the card has insufficient funds"}


class SandboxProcessor:
    """Test-mode processor: `tok_visa`/`tok_mastercard` approve, `tok_declined` and `tok_insufficient_funds`
    decline, `tok_slow` approves after `slow_delay` seconds (its charge is recorded before the wait, like a
    processor whose answer is slow to arrive)."""

    def __init__(self, db: Database, *, slow_delay: float = 2.0):
        self.db, self.slow_delay = db, slow_delay

    def card(self, token: str) -> Card:
        test_card = TEST_CARDS.get(token)
        if test_card is None:
            raise InvalidToken(token)
        return test_card.card

    def charge(self, *, idempotency_key: str, token: str, amount_cents: int, currency: str) -> Charge:
        test_card = TEST_CARDS.get(token)
        if test_card is None:
            raise InvalidToken(token)
        with self.db.write() as conn:
            conn.execute(dialect_insert(conn, sandbox_charges)
                         .values(idempotency_key=idempotency_key, charge_id=new_id("ch"), token=token,
                                 amount_cents=amount_cents, currency=currency, outcome=test_card.outcome,
                                 refunded=False, created_at=utcnow())
                         .on_conflict_do_nothing(index_elements=["idempotency_key"]))
            row = conn.execute(sa.select(sandbox_charges)
                               .where(sandbox_charges.c.idempotency_key == idempotency_key)).one()
        if test_card.slow:
            time.sleep(self.slow_delay)
        if (row.token, row.amount_cents, row.currency) != (token, amount_cents, currency):
            raise PaymentDeclined("card_declined", "idempotency key reused with different charge parameters")
        if row.outcome != "succeeded":
            raise PaymentDeclined(row.outcome, _DECLINES[row.outcome])
        return Charge(charge_id=row.charge_id, amount_cents=row.amount_cents, currency=row.currency)

    def refund(self, charge_id: str) -> None:
        with self.db.write() as conn:
            conn.execute(sandbox_charges.update().where(sandbox_charges.c.charge_id == charge_id)
                         .values(refunded=True))
