"""Card payments behind a processor interface, and the sandbox processor that ships with the backend.

The interface is the one card processors offer (Stripe's PaymentIntents, Adyen's authorise/capture): a hold
first (`authorize`), then `capture` (the final amount, at most the hold), `void` (release the hold) or, after
a capture, `refund` (partial, repeatable). Every call carries an idempotency key: asking again with one key
returns what the first call did instead of moving money again, and `lookup(key)` tells what was done under
an authorize key, so a backend that crashed between the processor's answer and its own commit can find out.

A key reused with different parameters is an error of the caller (`KeyReused`), raised before any money
moves; it is never reported as a decline.

The sandbox keeps its state in its own `sandbox_*` tables, in transactions of its own, as a remote processor
would: nothing the backend rolls back undoes what the sandbox did.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Protocol

import sqlalchemy as sa

from headunit_backend.auth import new_id
from headunit_backend.db import Database, dialect_insert, sandbox_actions, sandbox_holds, utcnow


@dataclass(frozen=True)
class Card:
    brand: str
    last4: str
    #: The card needed a 3-D Secure challenge when it was added (the sandbox's hosted form ran it).
    challenge: bool = False


@dataclass(frozen=True)
class Hold:
    """A processor's authorisation and what became of it. `status`: authorized | captured | canceled |
    expired | declined. Money is held while `authorized`, moved by `captured_cents - refunded_cents`."""

    hold_id: str
    key: str
    status: str
    amount_cents: int
    captured_cents: int
    refunded_cents: int
    currency: str
    expires_at: dt.datetime
    decline_code: str | None = None
    token: str = ""
    created_at: dt.datetime | None = None

    @property
    def live(self) -> bool:
        """Money is still held or kept: a hold not released, or a capture not refunded in full."""
        return self.status == "authorized" or self.captured_cents > self.refunded_cents


class PaymentDeclined(Exception):
    """The processor refused the authorisation; `code` is `card_declined` or `insufficient_funds`."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code, self.detail = code, detail


class InvalidToken(Exception):
    """The processor does not know this token."""


class KeyReused(Exception):
    """An idempotency key already used for a different request; nothing was done this time."""


class ProcessorRefused(Exception):
    """The processor refused a capture, void or refund: `hold_expired`, `invalid_state`, `amount_too_large`."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code, self.detail = code, detail


class PaymentProcessor(Protocol):
    """What the backend needs of a payment service provider; `SandboxProcessor` is the one shipped.

    A real PSP's adapter maps these onto its API (docs/payments.md, "The adapter seam"): the key goes in the
    PSP's idempotency header, `lookup` is its "find payment by idempotency key / merchant reference" call.
    """

    def card(self, token: str) -> Card:
        """Brand and last four digits of a tokenized card; raises InvalidToken."""
        ...

    def authorize(self, key: str, token: str, amount_cents: int, currency: str) -> Hold:
        """Hold `amount_cents` once per key; raises PaymentDeclined, InvalidToken, KeyReused."""
        ...

    def capture(self, key: str, hold_id: str, amount_cents: int) -> Hold:
        """Take `amount_cents` (at most the hold) once; the rest is released. Raises ProcessorRefused, KeyReused."""
        ...

    def void(self, key: str, hold_id: str) -> Hold:
        """Release an uncaptured hold (a hold already released stays so). Raises ProcessorRefused, KeyReused."""
        ...

    def refund(self, key: str, hold_id: str, amount_cents: int) -> Hold:
        """Give back part of a capture, once per key; never past what was captured. Raises ProcessorRefused."""
        ...

    def lookup(self, key: str) -> Hold | None:
        """The hold made under an authorize key, as it stands now; None if the processor made none."""
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
    "tok_slow": _TestCard(Card("visa", "0077"), "succeeded", slow=True),
    "tok_threeds": _TestCard(Card("visa", "3220", challenge=True), "succeeded"),
}

_DECLINES = {"card_declined": "the card was declined", "insufficient_funds": "the card has insufficient funds"}

#: How long a sandbox hold lasts unless told otherwise: card networks let an authorisation stand ~7 days.
HOLD_TTL = 7 * 24 * 3600.0


class SandboxProcessor:
    """Test-mode processor: `tok_visa`/`tok_mastercard`/`tok_threeds` approve, `tok_declined` and
    `tok_insufficient_funds` decline, `tok_slow` approves after `slow_delay` seconds (its hold is recorded
    before the wait, like a processor whose answer is slow to arrive). Holds expire after `hold_ttl` seconds."""

    def __init__(self, db: Database, *, slow_delay: float = 2.0, hold_ttl: float = HOLD_TTL):
        self.db, self.slow_delay, self.hold_ttl = db, slow_delay, hold_ttl

    def card(self, token: str) -> Card:
        test_card = TEST_CARDS.get(token)
        if test_card is None:
            raise InvalidToken(token)
        return test_card.card

    def authorize(self, key: str, token: str, amount_cents: int, currency: str) -> Hold:
        test_card = TEST_CARDS.get(token)
        if test_card is None:
            raise InvalidToken(token)
        now = utcnow()
        approved = test_card.outcome == "succeeded"
        with self.db.write() as conn:
            conn.execute(dialect_insert(conn, sandbox_holds)
                         .values(hold_id=new_id("ch"), idempotency_key=key, token=token, amount_cents=amount_cents,
                                 currency=currency, status="authorized" if approved else "declined",
                                 decline_code=None if approved else test_card.outcome, captured_cents=0,
                                 refunded_cents=0, expires_at=now + dt.timedelta(seconds=self.hold_ttl),
                                 created_at=now, updated_at=now)
                         .on_conflict_do_nothing(index_elements=["idempotency_key"]))
            row = conn.execute(sa.select(sandbox_holds).where(sandbox_holds.c.idempotency_key == key)).one()
        # Checked before the wait and before answering: a mismatch moved no money under this call.
        if (row.token, row.amount_cents, row.currency) != (token, amount_cents, currency):
            raise KeyReused(f"key {key!r} was used to authorize a different amount, currency or card")
        if test_card.slow:
            time.sleep(self.slow_delay)
        if row.status == "declined":
            raise PaymentDeclined(row.decline_code, _DECLINES[row.decline_code])
        return self._hold(row)

    def capture(self, key: str, hold_id: str, amount_cents: int) -> Hold:
        def act(conn, hold) -> str | None:
            if hold.status == "captured":
                return "invalid_state"  # captured once already, under another key
            if hold.status != "authorized":
                return "hold_expired" if hold.status == "expired" else "invalid_state"
            if amount_cents > hold.amount_cents:
                return "amount_too_large"
            self._update(conn, hold_id, status="captured", captured_cents=amount_cents)
            return None

        return self._act(key, "capture", hold_id, amount_cents, act)

    def void(self, key: str, hold_id: str) -> Hold:
        def act(conn, hold) -> str | None:
            if hold.status in ("canceled", "expired"):
                return None  # released already: voiding again changes nothing
            if hold.status != "authorized":
                return "invalid_state"
            self._update(conn, hold_id, status="canceled")
            return None

        return self._act(key, "void", hold_id, 0, act)

    def refund(self, key: str, hold_id: str, amount_cents: int) -> Hold:
        def act(conn, hold) -> str | None:
            if hold.status != "captured":
                return "invalid_state"
            if hold.refunded_cents + amount_cents > hold.captured_cents:
                return "amount_too_large"
            self._update(conn, hold_id, refunded_cents=hold.refunded_cents + amount_cents)
            return None

        return self._act(key, "refund", hold_id, amount_cents, act)

    def lookup(self, key: str) -> Hold | None:
        with self.db.read() as conn:
            row = conn.execute(sa.select(sandbox_holds).where(sandbox_holds.c.idempotency_key == key)).first()
        return None if row is None else self._hold(row)

    def holds(self) -> list[Hold]:
        """Every hold the sandbox made, as its dashboard would list them (for `headunit-backend audit`)."""
        with self.db.read() as conn:
            rows = conn.execute(sa.select(sandbox_holds).order_by(sandbox_holds.c.created_at)).all()
        return [self._hold(row) for row in rows]

    def _act(self, key: str, kind: str, hold_id: str, amount_cents: int, act) -> Hold:
        """Run a capture/void/refund once per key, in one sandbox transaction with its record."""
        with self.db.write() as conn:
            done = conn.execute(sa.select(sandbox_actions).where(sandbox_actions.c.idempotency_key == key)).first()
            if done is None:
                query = sa.select(sandbox_holds).where(sandbox_holds.c.hold_id == hold_id)
                if conn.dialect.name == "postgresql":
                    query = query.with_for_update()
                row = conn.execute(query).first()
                if row is None:
                    raise ProcessorRefused("no_such_hold", f"no hold {hold_id!r}")
                error = act(conn, self._hold(row))
                conn.execute(sandbox_actions.insert().values(idempotency_key=key, hold_id=hold_id, kind=kind,
                                                             amount_cents=amount_cents, error=error,
                                                             created_at=utcnow()))
            elif (done.kind, done.hold_id, done.amount_cents) != (kind, hold_id, amount_cents):
                raise KeyReused(f"key {key!r} was used for a different {done.kind}")
            else:
                error = done.error
            row = conn.execute(sa.select(sandbox_holds).where(sandbox_holds.c.hold_id == hold_id)).one()
        if error is not None:
            raise ProcessorRefused(error, _REFUSALS[error])
        return self._hold(row)

    @staticmethod
    def _update(conn, hold_id: str, **values) -> None:
        conn.execute(sandbox_holds.update().where(sandbox_holds.c.hold_id == hold_id)
                     .values(updated_at=utcnow(), **values))

    @staticmethod
    def _hold(row) -> Hold:
        status = row.status
        if status == "authorized" and row.expires_at <= utcnow():
            status = "expired"  # an authorisation lapses by itself: the card network releases it
        return Hold(hold_id=row.hold_id, key=row.idempotency_key, status=status, amount_cents=row.amount_cents,
                    captured_cents=row.captured_cents, refunded_cents=row.refunded_cents, currency=row.currency,
                    expires_at=row.expires_at, decline_code=row.decline_code, token=row.token,
                    created_at=row.created_at)


_REFUSALS = {"hold_expired": "the hold has expired; its money was released",
             "invalid_state": "the payment is not in a state that allows this",
             "amount_too_large": "the amount is more than the payment allows",
             "no_such_hold": "the processor knows no such payment"}
