"""Payment intents: authorize (a hold), capture, void, refund, and holds that expire.

Every state change follows one pattern, so that a crash at any point leaves something the reconciler can
finish rather than money nobody knows about:

1. write-ahead: the change to come (`pending_action`, its processor key and amount, the operation waiting for
   the answer) is committed on the intent in a transaction of its own, before the processor is asked;
2. the processor is asked with that key (idempotent: asking again returns what it did the first time);
3. one transaction records the outcome on the intent, its ledger entries and the operation's stored answer,
   and clears `pending_action`.

Whoever finds an intent whose `pending_action` is older than the idempotency lease (the reconciler, a retry
of the same key, `POST /v1/operations/{id}/expire`) claims it with a conditional UPDATE and runs steps 2-3
again: a capture, void or refund is asked again under its key; an authorisation is looked up by its key and,
if the processor made a hold, finished with what was first asked for (an order's basket as first priced),
never with what the basket says now. Only an authorisation the processor never made is dropped: no money
moved, so the key is released and a retry runs afresh.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from headunit_backend import crashpoints
from headunit_backend.auth import CurrentDevice, Device, new_id
from headunit_backend.caching import no_cache
from headunit_backend.db import Database, ledger, operations, payment_intents, payment_methods, utcnow
from headunit_backend.errors import ApiError, ErrorBody, documented, not_found
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, IdempotentOperation, LostClaim, Operation, in_flight
from headunit_backend.payments import (Hold, InvalidToken, KeyReused, PaymentDeclined, PaymentProcessor,
                                       ProcessorRefused)
from headunit_backend.services import Services, get_services

log = logging.getLogger(__name__)
router = APIRouter(prefix="/payments", tags=["payments"])

Answer = tuple[int, BaseModel]


# --- the API's models ---------------------------------------------------------------------------------------

class Merchant(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=80)
    name: str = Field(min_length=1, max_length=200)


class CardSummary(BaseModel):
    brand: str
    last4: str


class Payment(BaseModel):
    payment_id: str
    status: Literal["processing", "authorized", "succeeded", "canceled", "failed"] = Field(
        description="`processing` while the processor's answer is not yet recorded (the reconciler settles it).")
    amount_cents: int = Field(description="The amount authorised (held).")
    captured_cents: int
    refunded_cents: int
    currency: str
    merchant: Merchant
    reference: str
    payment_method_id: str
    card: CardSummary
    hold_expires_at: AwareDatetime | None
    created_at: AwareDatetime
    updated_at: AwareDatetime


class PaymentList(BaseModel):
    items: list[Payment] = Field(description="Newest first.")


class NewPayment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount_cents: int = Field(ge=1, le=100_000_000)
    currency: str = Field(pattern="^[A-Z]{3}$", examples=["EUR"])
    payment_method_id: str = Field(min_length=1, max_length=40)
    merchant: Merchant
    reference: str = Field("", max_length=200)
    capture: Literal["automatic", "manual"] = "automatic"


class AmountChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount_cents: int | None = Field(None, ge=1, le=100_000_000,
                                     description="Omitted or null: all that is left (of the hold, of the capture).")


class LedgerEntry(BaseModel):
    entry_id: int
    payment_id: str
    op_id: str | None
    order_id: str | None
    charge_id: str = Field(description="The processor's hold/charge.")
    amount_cents: int = Field(description="Always positive; `kind` says which way the money went.")
    currency: str
    kind: Literal["authorize", "capture", "void", "refund", "expire"]
    created_at: AwareDatetime


class Ledger(BaseModel):
    items: list[LedgerEntry] = Field(description="Oldest first.")


# --- purposes: what an intent pays for decides what its answers look like ------------------------------------

@dataclass
class Purpose:
    """How intents of one purpose answer. `authorized` runs inside the commit that records the hold; it may
    write the purchase (an order, a session) and returns the answer, or raises ApiError to refuse it (the hold
    is then voided). `present` is the answer to a later capture/void/refund."""

    authorized: Callable[[Connection, sa.Row, Hold], Answer]
    present: Callable[[Connection, sa.Row], BaseModel]


def _payment_authorized(conn: Connection, intent: sa.Row, hold: Hold) -> Answer:
    return 201, present_payment(_intent(conn, intent.id))


def present_payment(row: sa.Row) -> Payment:
    return Payment(payment_id=row.id, status=row.status, amount_cents=row.amount_cents,
                   captured_cents=row.captured_cents, refunded_cents=row.refunded_cents, currency=row.currency,
                   merchant=Merchant(id=row.merchant_id, name=row.merchant_name), reference=row.reference,
                   payment_method_id=row.payment_method_id, card=CardSummary(brand=row.brand, last4=row.last4),
                   hold_expires_at=row.hold_expires_at, created_at=row.created_at, updated_at=row.updated_at)


PURPOSES: dict[str, Purpose] = {
    "payment": Purpose(authorized=_payment_authorized, present=lambda conn, row: present_payment(row)),
}


class Busy(Exception):
    """Another change of this payment is under way; the request is answered 409 and its key released."""


class Released(Exception):
    """An interrupted authorisation the processor never made was dropped: the request may run afresh."""


# --- the desk: every state change of an intent goes through here ---------------------------------------------

@dataclass
class Claim:
    """The right to change one intent: its id and our random holder token (a takeover is detectable)."""

    intent_id: str
    holder: str


class PaymentDesk:
    def __init__(self, db: Database, processor: PaymentProcessor, lease: float):
        self.db, self.processor, self.lease = db, processor, lease

    # -- starting an intent ----------------------------------------------------------------------------------

    def start(self, op: Operation, *, purpose: str, amount_cents: int, currency: str, method: sa.Row,
              merchant: Merchant, reference: str, capture: str, draft: dict | None = None) -> Response:
        """Write the intent ahead, authorize, and finish: the request path of every new payment."""
        claim = Claim(new_id("pay"), secrets.token_hex(16))
        now = utcnow()
        try:
            with self.db.write() as conn:
                conn.execute(payment_intents.insert().values(
                    id=claim.intent_id, account_id=op.device.account_id, device_id=op.device.id, op_id=op.op_id,
                    purpose=purpose, status="processing", capture_mode=capture, amount_cents=amount_cents,
                    captured_cents=0, refunded_cents=0, currency=currency, merchant_id=merchant.id,
                    merchant_name=merchant.name, reference=reference, payment_method_id=method.id,
                    processor_token=method.processor_token, brand=method.brand, last4=method.last4,
                    processor_key=op.processor_key, draft_json=json.dumps(draft) if draft is not None else None,
                    pending_action="authorize", pending_key=op.processor_key, pending_amount=amount_cents,
                    pending_device_id=op.device.id, pending_op_id=op.op_id, pending_holder=claim.holder,
                    pending_since=time.time(), created_at=now, updated_at=now))
        except sa.exc.IntegrityError:
            raise Busy from None  # another request of this key wrote its intent first
        crashpoints.hit("after_write_ahead")
        return self._authorize(claim, op, lookup=False)

    # -- changing an intent ----------------------------------------------------------------------------------

    def change(self, op: Operation, payment_id: str, action: str, amount_cents: int | None,
               purpose: str = "payment") -> Response:
        """Capture, void or refund: check, write ahead, ask the processor, record. Only through the routes of
        the intent's `purpose`: an order's or a session's payment changes with its order or session (a
        refund the buyer could ask for through `/v1/payments` would let them keep the goods for free)."""
        with self.db.write() as conn:
            row = conn.execute(sa.select(payment_intents).where(
                payment_intents.c.id == payment_id, payment_intents.c.account_id == op.device.account_id)).first()
            if row is None:
                raise not_found(f"payment {payment_id!r}")
            if row.purpose != purpose:
                raise ApiError(422, "invalid_payment_state",
                               f"this payment belongs to a {row.purpose}; it changes with it, not on its own")
            resume = row.pending_action is not None
            if resume:
                if (row.pending_device_id, row.pending_op_id) != (op.device.id, op.op_id):
                    raise Busy
                # Our own key, taken over after a crash: finish what the first attempt started.
                claim = self._take(conn, row, force=True)
            else:
                amount = self._check(row, action, amount_cents)
                claim = Claim(row.id, secrets.token_hex(16))
                # Conditional, as we read it: of two changes at once (another worker, another server) one
                # writes ahead and the other is answered 409, before either asks the processor.
                written = conn.execute(payment_intents.update().where(
                    payment_intents.c.id == row.id, payment_intents.c.pending_action.is_(None),
                    payment_intents.c.status == row.status, payment_intents.c.updated_at == row.updated_at,
                ).values(pending_action=action, pending_key=f"{op.processor_key}:{action}", pending_amount=amount,
                         pending_device_id=op.device.id, pending_op_id=op.op_id, pending_holder=claim.holder,
                         pending_since=time.time()))
                if written.rowcount != 1:
                    claim = None
        if claim is None:
            raise Busy
        crashpoints.hit("after_write_ahead")
        return self.advance(claim, op)

    @staticmethod
    def _check(row: sa.Row, action: str, amount_cents: int | None) -> int:
        """The amount of a change, or a 422 saying why the payment does not allow it (before money moves)."""
        expired = row.hold_expires_at is not None and row.hold_expires_at <= utcnow()
        if action in ("capture", "void"):
            if action == "capture" and row.failure_code == "hold_expired":
                expired = True  # recorded already: say why, not just that the state is wrong
            elif row.status != "authorized":
                raise ApiError(422, "invalid_payment_state", f"a {row.status} payment cannot be {action}d "
                                                             "(only an authorized one)")
            if action == "capture" and expired:
                raise ApiError(422, "hold_expired", "the hold has expired; its money was released")
            if action == "void":
                return row.amount_cents
            amount = row.amount_cents if amount_cents is None else amount_cents
            if amount > row.amount_cents:
                raise ApiError(422, "amount_too_large", f"at most {row.amount_cents} cents can be captured")
            return amount
        if row.status != "succeeded":
            raise ApiError(422, "invalid_payment_state", f"a {row.status} payment cannot be refunded")
        left = row.captured_cents - row.refunded_cents
        amount = left if amount_cents is None else amount_cents
        if left == 0:
            raise ApiError(422, "nothing_to_refund", "the payment was refunded in full already")
        if amount > left:
            raise ApiError(422, "amount_too_large", f"at most {left} cents are left to refund")
        return amount

    # -- claiming an intent left pending ---------------------------------------------------------------------

    def _take(self, conn: Connection, row: sa.Row, *, force: bool = False) -> Claim | None:
        """Claim an intent's pending change with a conditional UPDATE (safe across processes): only if it is
        still as we read it, and (unless `force`: we hold its operation's key) past the lease."""
        claim = Claim(row.id, secrets.token_hex(16))
        holder = payment_intents.c.pending_holder
        query = payment_intents.update().where(
            payment_intents.c.id == row.id,
            holder.is_(None) if row.pending_holder is None else holder == row.pending_holder)
        if not force:
            query = query.where(payment_intents.c.pending_since < time.time() - self.lease)
        taken = conn.execute(query.values(pending_holder=claim.holder, pending_since=time.time()))
        return claim if taken.rowcount == 1 else None

    def take_over(self, op: Operation, row: sa.Row) -> Response:
        """A retry of the key that created `row`, after a takeover of the key: finish the first attempt."""
        with self.db.write() as conn:
            claim = self._take(conn, row, force=True)
        if claim is None:
            raise Busy
        if row.pending_action is None:
            # Settled already (by the reconciler) while the key was still in flight: answer from the intent.
            return self.answer_settled(claim.intent_id, op)
        return self.advance(claim, op, lookup=True)

    def answer_settled(self, intent_id: str, op: Operation) -> Response:
        """Answer the operation that created an intent from the intent as it stands (settled meanwhile)."""
        def effect(conn: Connection) -> Answer:
            row = _intent(conn, intent_id)
            if row.status in ("failed", "canceled") and row.failure_code:
                refusal = _refusal(row)
                return refusal.status, refusal.body
            return (201 if row.op_id == op.op_id else 200), PURPOSES[row.purpose].present(conn, row)
        return self._commit(None, op, effect)

    # -- finishing a pending change --------------------------------------------------------------------------

    def advance(self, claim: Claim, op: Operation | None, *, lookup: bool = False,
                give_up: bool = False, orphaned: bool = False) -> Response | None:
        """Run the intent's pending change to its end and record it; the answer goes to `op` if given."""
        with self.db.read() as conn:
            row = _intent(conn, claim.intent_id)
        if row.pending_holder != claim.holder:
            raise LostClaim
        action = row.pending_action
        if action == "authorize":
            return self._authorize(claim, op, lookup=lookup, give_up=give_up, orphaned=orphaned)
        if action == "expire":
            return self._expire(claim, row)
        try:
            if action == "capture":
                hold = self.processor.capture(row.pending_key, row.hold_id, row.pending_amount)
            elif action == "void":
                hold = self.processor.void(row.pending_key, row.hold_id)
            else:
                hold = self.processor.refund(row.pending_key, row.hold_id, row.pending_amount)
        except ProcessorRefused as refused:
            return self._refused(claim, op, row, refused)
        except KeyReused:
            log.error("processor key %s of payment %s reused for a different change", row.pending_key, row.id)
            return self._refused(claim, op, row, ProcessorRefused("invalid_state", "the change could not be made"))
        crashpoints.hit("after_processor_call")
        return self._record_change(claim, op, row, hold)

    def _authorize(self, claim: Claim, op: Operation | None, *, lookup: bool, give_up: bool = False,
                   orphaned: bool = False):
        with self.db.read() as conn:
            row = _intent(conn, claim.intent_id)
        declined = None
        if lookup:
            hold = self.processor.lookup(row.pending_key)
            if hold is None:
                return self._never_authorized(claim, op, give_up or orphaned)
            if orphaned and hold.status != "declined":
                # Its operation was answered otherwise (given up, expired) while this hold was being made:
                # nobody will take the purchase, so the money goes back.
                hold = self._give_back(row, hold)
                return self._finish_refused(claim, None, row, hold, ApiError(
                    410, "operation_expired", "the device gave this operation up before it was paid"))
            if hold.status == "declined":
                declined = PaymentDeclined(hold.decline_code or "card_declined", "the card was declined")
        else:
            try:
                hold = self.processor.authorize(row.pending_key, row.processor_token, row.amount_cents, row.currency)
            except PaymentDeclined as refusal:
                declined = refusal
            except InvalidToken:
                declined = PaymentDeclined("invalid_processor_token", "the payment processor no longer knows this card")
            except KeyReused:
                # A hold made under this key by an earlier attempt with other parameters (the attempt's intent
                # was dropped when the processor had not answered yet): it is not ours to keep, so release it.
                hold = self.processor.lookup(row.pending_key)
                if hold is not None:
                    hold = self._give_back(row, hold)
                return self._finish_refused(claim, op, row, hold, ApiError(
                    422, "payment_interrupted", "an earlier attempt of this request was interrupted; send it "
                                                "again with a new Idempotency-Key"))
        if declined is not None:
            status = 422 if declined.code == "invalid_processor_token" else 402
            return self._finish_refused(claim, op, row, None, ApiError(status, declined.code, declined.detail))
        if row.capture_mode == "automatic" and hold.status == "authorized":
            try:
                hold = self.processor.capture(f"{row.pending_key}:capture", hold.hold_id, row.amount_cents)
            except ProcessorRefused as refused:
                log.warning("automatic capture of payment %s refused: %s", row.id, refused.code)
        crashpoints.hit("after_processor_call")
        if hold.status in ("canceled", "expired"):
            # Voided by an earlier attempt that refused the purchase and crashed before recording it.
            return self._finish_refused(claim, op, row, hold, _refusal(row) if row.failure_code else ApiError(
                402, "payment_canceled", "the payment's hold was released before it was recorded"))
        try:
            answer = self._commit(claim, op, lambda conn: self._authorized(conn, claim, row, hold))
        except LostClaim:
            self._disown(row, hold)
            raise
        except ApiError as refusal:
            # The purchase was refused after money was held (stock ran out meanwhile): say why on the intent
            # first, so a crash before the commit below still ends in this refusal, then give the money back.
            with self.db.write() as conn:
                self._update(conn, claim, failure_code=refusal.code, failure_detail=refusal.detail[:300])
            hold = self._give_back(row, hold)
            return self._finish_refused(claim, op, row, hold, refusal)
        # The purchase may have written the next change ahead (an order's capture): make it now. Should this
        # fail or the process die, the reconciler makes it after the lease; the answer stands either way.
        with self.db.read() as conn:
            after = _intent(conn, claim.intent_id)
        if after.pending_action is not None and after.pending_holder == claim.holder:
            try:
                self.advance(claim, None)
            except Exception:
                log.exception("could not finish %s of payment %s now; the reconciler will", after.pending_action,
                              after.id)
        return answer

    def _disown(self, row: sa.Row, hold: Hold) -> None:
        """We made a hold but lost the intent meanwhile (past the lease). If another claim holds the intent,
        it finds the hold by its key; if the intent was dropped (the processor had not answered when it was
        looked up), nobody will, so the money goes back now."""
        with self.db.read() as conn:
            current = conn.execute(sa.select(payment_intents.c.id).where(
                payment_intents.c.processor_key == row.processor_key)).first()
        if current is None and hold.live:
            log.warning("giving back hold %s: its payment was dropped while the processor answered", hold.hold_id)
            self._give_back(row, hold)

    def _give_back(self, row: sa.Row, hold: Hold) -> Hold:
        if hold.status == "authorized":
            return self.processor.void(f"{row.processor_key}:void", hold.hold_id)
        if hold.captured_cents > hold.refunded_cents:
            return self.processor.refund(f"{row.processor_key}:refund", hold.hold_id,
                                         hold.captured_cents - hold.refunded_cents)
        return hold

    def _authorized(self, conn: Connection, claim: Claim, row: sa.Row, hold: Hold) -> Answer:
        status = "succeeded" if hold.status == "captured" else "authorized"
        self._update(conn, claim, status=status, hold_id=hold.hold_id, hold_expires_at=hold.expires_at,
                     captured_cents=hold.captured_cents, refunded_cents=hold.refunded_cents, **_done())
        device, op_id = row.pending_device_id, row.pending_op_id
        answer = PURPOSES[row.purpose].authorized(conn, _intent(conn, row.id), hold)
        row = _intent(conn, row.id)  # with what the purchase added (an order's id)
        self._book(conn, row, hold, "authorize", hold.amount_cents, row.processor_key, device, op_id)
        if hold.captured_cents:
            self._book(conn, row, hold, "capture", hold.captured_cents, f"{row.processor_key}:capture", device, op_id)
            if hold.amount_cents > hold.captured_cents:
                self._book(conn, row, hold, "void", hold.amount_cents - hold.captured_cents,
                           f"{row.processor_key}:capture:release", device, op_id)
        return answer

    def _finish_refused(self, claim: Claim, op: Operation | None, row: sa.Row, hold: Hold | None,
                        refusal: ApiError) -> Response | None:
        """Record a refusal; with money held and given back, the ledger shows both ways."""
        def effect(conn: Connection) -> Answer:
            status = "failed" if hold is None or hold.status == "declined" else "canceled"
            money = {}
            if hold is not None:
                money = {"hold_id": hold.hold_id, "hold_expires_at": hold.expires_at}
                if hold.captured_cents:  # taken, then given back: a refunded payment, as the processor has it
                    status = "succeeded"
                    money.update(captured_cents=hold.captured_cents, refunded_cents=hold.refunded_cents)
            self._update(conn, claim, status=status, failure_code=refusal.code, failure_detail=refusal.detail[:300],
                         **money, **_done())
            if hold is not None and hold.status != "declined":
                device, op_id = row.pending_device_id, row.pending_op_id
                self._book(conn, row, hold, "authorize", hold.amount_cents, row.processor_key, device, op_id)
                if hold.captured_cents:
                    self._book(conn, row, hold, "capture", hold.captured_cents, f"{row.processor_key}:capture",
                               device, op_id)
                    self._book(conn, row, hold, "refund", hold.refunded_cents, f"{row.processor_key}:refund",
                               device, op_id)
                else:
                    kind = "expire" if hold.status == "expired" else "void"
                    self._book(conn, row, hold, kind, hold.amount_cents, f"{row.processor_key}:void", device, op_id)
            return refusal.status, refusal.body
        return self._commit(claim, op, effect)

    def _never_authorized(self, claim: Claim, op: Operation | None, give_up: bool):
        """The processor made no hold under the key: no money moved. Giving up (`expire`) records that for
        good; otherwise the intent is dropped and the key released, so the request can run afresh."""
        if give_up:
            expired = ApiError(410, "operation_expired", "the device gave this operation up before it was paid")
            return self._commit(claim, op, lambda conn: (self._update(
                conn, claim, status="failed", failure_code=expired.code, failure_detail=expired.detail, **_done()),
                (expired.status, expired.body))[1])
        with self.db.write() as conn:
            dropped = conn.execute(payment_intents.delete().where(payment_intents.c.id == claim.intent_id,
                                                                  payment_intents.c.pending_holder == claim.holder))
            if dropped.rowcount != 1:
                raise LostClaim
            if op is not None and op._row_id is not None and isinstance(op, AdoptedOperation):
                conn.execute(operations.delete().where(operations.c.id == op._row_id,
                                                       operations.c.holder == op._holder,
                                                       operations.c.state == "in_flight"))
        raise Released

    def _record_change(self, claim: Claim, op: Operation | None, row: sa.Row, hold: Hold) -> Response | None:
        action, amount = row.pending_action, row.pending_amount

        def effect(conn: Connection) -> Answer:
            device, op_id = row.pending_device_id, row.pending_op_id
            if op_id is None:  # a change no request waits for (an order's capture): the purchase's request
                device, op_id = row.device_id, row.op_id
            if action == "capture":
                self._update(conn, claim, status="succeeded", captured_cents=amount, **_done())
                self._book(conn, row, hold, "capture", amount, row.pending_key, device, op_id)
                if row.amount_cents > amount:  # a partial capture releases the rest of the hold
                    self._book(conn, row, hold, "void", row.amount_cents - amount, f"{row.pending_key}:release",
                               device, op_id)
            elif action == "void":
                self._update(conn, claim, status="canceled", **_done())
                self._book(conn, row, hold, "void", row.amount_cents, row.pending_key, device, op_id)
            else:
                self._update(conn, claim, refunded_cents=row.refunded_cents + amount, **_done())
                self._book(conn, row, hold, "refund", amount, row.pending_key, device, op_id)
            fresh = _intent(conn, row.id)
            return 200, PURPOSES[fresh.purpose].present(conn, fresh)
        return self._commit(claim, op, effect)

    def _refused(self, claim: Claim, op: Operation | None, row: sa.Row, refused: ProcessorRefused):
        def effect(conn: Connection) -> Answer:
            if refused.code == "hold_expired" and row.status == "authorized":
                self._update(conn, claim, status="canceled", failure_code="hold_expired",
                             failure_detail=refused.detail, **_done())
                hold = _LedgerHold(row.hold_id)
                self._book(conn, row, hold, "expire", row.amount_cents, f"{row.processor_key}:expire", None, None)
            else:
                self._update(conn, claim, **_done())
            return 422, ErrorBody(error=refused.code, detail=refused.detail)
        return self._commit(claim, op, effect)

    def _expire(self, claim: Claim, row: sa.Row) -> None:
        """A hold past its expiry: once the processor says it lapsed, record the release."""
        hold = self.processor.lookup(row.processor_key)
        if hold is not None and hold.status == "authorized":
            with self.db.write() as conn:  # not lapsed yet at the processor (clocks differ): look again later
                self._update(conn, claim, **_done())
            return None
        return self._refused(claim, None, row, ProcessorRefused("hold_expired", "the hold expired unused"))

    # -- recording -------------------------------------------------------------------------------------------

    def _commit(self, claim: Claim, op: Operation | None, effect: Callable[[Connection], Answer]) -> Response | None:
        with self.db.write() as conn:
            status, model = effect(conn)
            if op is not None:
                return op.store_answer(conn, status, model)
        return None

    @staticmethod
    def _update(conn: Connection, claim: Claim, **values) -> None:
        updated = conn.execute(payment_intents.update()
                               .where(payment_intents.c.id == claim.intent_id,
                                      payment_intents.c.pending_holder == claim.holder)
                               .values(updated_at=utcnow(), **values))
        if updated.rowcount != 1:
            raise LostClaim  # someone took the intent over: their record counts, ours must not commit

    @staticmethod
    def _book(conn: Connection, row: sa.Row, hold, kind: str, amount: int, key: str, device_id: str | None,
              op_id: str | None) -> None:
        if amount <= 0 and kind != "authorize":
            return
        conn.execute(ledger.insert().values(
            account_id=row.account_id, intent_id=row.id, device_id=device_id, op_id=op_id, order_id=row.order_id,
            charge_id=hold.hold_id, kind=kind, amount_cents=amount, currency=row.currency, processor_key=key,
            created_at=utcnow()))

    # -- the reconciler's entry points -----------------------------------------------------------------------

    def settle(self, row: sa.Row, *, give_up: bool = False, force: bool = False) -> bool:
        """Finish an intent left pending past the lease (or `force`d: its operation was taken over). Returns
        whether we did (False: someone else holds it)."""
        with self.db.write() as conn:
            claim = self._take(conn, row, force=force)
        if claim is None:
            return False
        op, orphaned = None, False
        if row.pending_op_id is not None:
            op = adopt_operation(self.db, row, self.lease, force=force)
            # An authorisation whose operation was answered without it (tombstoned by `expire` while the
            # request was still on its way to the processor) must not become a purchase nobody was told of.
            orphaned = op is None and row.pending_action == "authorize" and operation_settled(self.db, row)
        try:
            self.advance(claim, op, lookup=True, give_up=give_up, orphaned=orphaned)
        except Released:
            pass
        except LostClaim:
            return False
        return True

    def start_expiry(self, row: sa.Row) -> Claim | None:
        """Claim an authorized intent whose hold has passed its expiry, to record the release."""
        claim = Claim(row.id, secrets.token_hex(16))
        with self.db.write() as conn:
            taken = conn.execute(payment_intents.update().where(
                payment_intents.c.id == row.id, payment_intents.c.status == "authorized",
                payment_intents.c.pending_action.is_(None)).values(
                pending_action="expire", pending_key=f"{row.processor_key}:expire", pending_amount=row.amount_cents,
                pending_device_id=None, pending_op_id=None, pending_holder=claim.holder, pending_since=time.time()))
        return claim if taken.rowcount == 1 else None


@dataclass
class _LedgerHold:
    hold_id: str


def _done() -> dict:
    return {"pending_action": None, "pending_key": None, "pending_amount": None, "pending_device_id": None,
            "pending_op_id": None, "pending_since": None}


def _intent(conn: Connection, intent_id: str) -> sa.Row:
    return conn.execute(sa.select(payment_intents).where(payment_intents.c.id == intent_id)).one()


def _refusal(row: sa.Row) -> ApiError:
    status = {"card_declined": 402, "insufficient_funds": 402, "payment_canceled": 402,
              "operation_expired": 410}.get(row.failure_code, 422)
    return ApiError(status, row.failure_code, row.failure_detail or row.failure_code)


class AdoptedOperation(Operation):
    """An operation left in flight, taken over by the reconciler so the final answer can be stored."""

    def __init__(self, db: Database, device: Device, op_id: str, row_id: int, holder: str, lease: float):
        super().__init__(db, device, op_id, "", lease)
        self._row_id, self._holder = row_id, holder


def adopt_operation(db: Database, intent: sa.Row, lease: float, *, force: bool = False,
                    op_id: str | None = None) -> AdoptedOperation | None:
    """Take over the in-flight operation waiting for an intent's change (a conditional UPDATE, like a retry's
    takeover); None if it is settled already or another process holds it within its lease."""
    holder = secrets.token_hex(16)
    now = time.time()
    device_id = intent.pending_device_id if op_id is None else intent.device_id
    op_id = intent.pending_op_id if op_id is None else op_id
    with db.write() as conn:
        row = conn.execute(sa.select(operations.c.id, operations.c.holder, operations.c.claimed_at).where(
            operations.c.device_id == device_id, operations.c.op_id == op_id,
            operations.c.state == "in_flight")).first()
        if row is None or (not force and now - row.claimed_at < lease):
            return None
        taken = conn.execute(operations.update().where(operations.c.id == row.id, operations.c.holder == row.holder,
                                                       operations.c.state == "in_flight")
                             .values(holder=holder, claimed_at=now))
        if taken.rowcount != 1:
            return None
    device = Device(id=device_id, account_id=intent.account_id, name="", kind="")
    return AdoptedOperation(db, device, op_id, row.id, holder, lease)


def operation_settled(db: Database, intent: sa.Row) -> bool:
    """Whether the operation waiting for an intent's change has a final answer already (a released one, gone
    after a 5xx, may still be retried: that retry finds the intent and finishes it)."""
    with db.read() as conn:
        state = conn.execute(sa.select(operations.c.state).where(
            operations.c.device_id == intent.pending_device_id,
            operations.c.op_id == intent.pending_op_id)).scalar()
    return state == "done"


def intent_of_operation(db: Database, device_id: str, op_id: str) -> sa.Row | None:
    """The intent an operation created or is changing (its pending change), if any."""
    with db.read() as conn:
        created = conn.execute(sa.select(payment_intents).where(payment_intents.c.device_id == device_id,
                                                                payment_intents.c.op_id == op_id)).first()
        if created is not None:
            return created
        return conn.execute(sa.select(payment_intents).where(payment_intents.c.pending_device_id == device_id,
                                                             payment_intents.c.pending_op_id == op_id)).first()


def run_payment_operation(op: Operation, desk: PaymentDesk, start: Callable[[], Response]) -> Response:
    """Run a request that creates an intent under its key. A key taken over after a crash finishes the first
    attempt's intent instead of starting again (its basket, card and price are those first asked for)."""

    def handler() -> Response:
        existing = intent_of_operation(op.db, op.device.id, op.op_id)
        if existing is not None and existing.device_id == op.device.id and existing.op_id == op.op_id:
            try:
                return desk.take_over(op, existing)
            except Released:
                pass  # the processor never made a hold: nothing moved, so the request runs afresh
        return start()

    try:
        return op.execute(handler)
    except Busy:
        raise in_flight() from None
    except Released:
        raise in_flight() from None


def card_for(conn: Connection, account_id: str, payment_method_id: str) -> sa.Row:
    method = conn.execute(sa.select(payment_methods).where(
        payment_methods.c.id == payment_method_id, payment_methods.c.account_id == account_id,
        payment_methods.c.deleted_at.is_(None))).first()
    if method is None:
        raise ApiError(422, "unknown_payment_method", f"no payment method {payment_method_id!r} in this wallet")
    return method


def desk_of(services: Services) -> PaymentDesk:
    return PaymentDesk(services.db, services.processor, services.settings.idempotency_lease)


# --- routes ---------------------------------------------------------------------------------------------------

ServicesDep = Annotated[Services, Depends(get_services)]
PaymentId = Annotated[str, Path(max_length=40)]


@router.post("", status_code=201, response_model=Payment, responses={**IDEMPOTENT_ERRORS, **documented(402)})
def create_payment(payment: NewPayment, op: IdempotentOperation, services: ServicesDep) -> Response:
    """Authorize a card payment (a hold); `capture: automatic` captures it at once. 402 when the card is
    refused, 422 `unknown_payment_method`."""
    desk = desk_of(services)

    def start() -> Response:
        with services.db.read() as conn:
            method = card_for(conn, op.device.account_id, payment.payment_method_id)
        return desk.start(op, purpose="payment", amount_cents=payment.amount_cents, currency=payment.currency,
                          method=method, merchant=payment.merchant, reference=payment.reference,
                          capture=payment.capture)

    return run_payment_operation(op, desk, start)


def _change(op: Operation, services: Services, payment_id: str, action: str, amount: int | None) -> Response:
    desk = desk_of(services)
    try:
        return op.execute(lambda: desk.change(op, payment_id, action, amount))
    except Busy:
        raise in_flight() from None


@router.post("/{payment_id}/capture", response_model=Payment, responses={**IDEMPOTENT_ERRORS, **documented(404)})
def capture_payment(payment_id: PaymentId, change: AmountChange, op: IdempotentOperation,
                    services: ServicesDep) -> Response:
    """Capture an authorized payment once: the amount given (at most the hold; null: all of it); the rest of
    the hold is released. 422 `invalid_payment_state`, `amount_too_large`, `hold_expired`."""
    return _change(op, services, payment_id, "capture", change.amount_cents)


@router.post("/{payment_id}/void", response_model=Payment, responses={**IDEMPOTENT_ERRORS, **documented(404)})
def void_payment(payment_id: PaymentId, op: IdempotentOperation, services: ServicesDep) -> Response:
    """Release an authorized payment's hold: `canceled`. 422 `invalid_payment_state` once captured."""
    return _change(op, services, payment_id, "void", None)


@router.post("/{payment_id}/refund", response_model=Payment, responses={**IDEMPOTENT_ERRORS, **documented(404)})
def refund_payment(payment_id: PaymentId, change: AmountChange, op: IdempotentOperation,
                   services: ServicesDep) -> Response:
    """Give back part (or, with null, the rest) of a captured payment; repeatable, never past what was
    captured. 422 `invalid_payment_state`, `amount_too_large`, `nothing_to_refund`."""
    return _change(op, services, payment_id, "refund", change.amount_cents)


@router.get("", response_model=PaymentList, responses=documented(401), dependencies=[Depends(no_cache)])
def list_payments(device: CurrentDevice, services: ServicesDep,
                  limit: Annotated[int, Query(ge=1, le=200)] = 50) -> PaymentList:
    """The account's payments (receipts), newest first."""
    with services.db.read() as conn:
        rows = conn.execute(sa.select(payment_intents).where(payment_intents.c.account_id == device.account_id)
                            .order_by(payment_intents.c.created_at.desc(), payment_intents.c.id).limit(limit)).all()
    return PaymentList(items=[present_payment(row) for row in rows])


@router.get("/{payment_id}", response_model=Payment, responses=documented(401, 404), dependencies=[Depends(no_cache)])
def get_payment(payment_id: PaymentId, device: CurrentDevice, services: ServicesDep) -> Payment:
    """One payment of the account (404 for any other account's)."""
    with services.db.read() as conn:
        row = conn.execute(sa.select(payment_intents).where(payment_intents.c.id == payment_id,
                                                            payment_intents.c.account_id == device.account_id)).first()
    if row is None:
        raise not_found(f"payment {payment_id!r}")
    return present_payment(row)


ledger_router = APIRouter(tags=["payments"])


@ledger_router.get("/ledger", response_model=Ledger, responses=documented(401))
def get_ledger(device: CurrentDevice, services: ServicesDep) -> Ledger:
    """Every money movement of the account's payments, oldest first: holds (`authorize`), their release
    (`void`, `expire`), captures and refunds."""
    with services.db.read() as conn:
        rows = conn.execute(sa.select(ledger).where(ledger.c.account_id == device.account_id)
                            .order_by(ledger.c.id)).all()
    return Ledger(items=[LedgerEntry(entry_id=r.id, payment_id=r.intent_id, op_id=r.op_id, order_id=r.order_id,
                                     charge_id=r.charge_id, amount_cents=r.amount_cents, currency=r.currency,
                                     kind=r.kind, created_at=r.created_at) for r in rows])
