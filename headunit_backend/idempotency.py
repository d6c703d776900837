"""Idempotent writes: each (device, Idempotency-Key) takes effect at most once while its row is kept (30 days,
longer than any operation lives on the car; `sweep` deletes it after).

An effect with an outside party (a payment processor) claims the key first, by inserting an `in_flight` row
in a transaction of its own, so a second request with the same key sees it at once and answers 409. An
effect confined to this database claims, applies and answers in one transaction (`Operation.apply`). The effect and the final answer then commit
together, so a stored answer always describes an effect that happened. A 5xx or a crash releases the key
(or leaves it for a takeover after the lease), because nothing committed. Every step is a single statement
guarded by the UNIQUE constraint or by a conditional UPDATE, which keeps it correct across processes on
PostgreSQL, not only across threads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import secrets
import time
import uuid
from collections.abc import Callable
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, JsonValue
from sqlalchemy.engine import Connection

from headunit_backend.auth import CurrentDevice, Device
from headunit_backend.db import Database, dialect_insert, operations, utcnow
from headunit_backend.errors import ApiError, ErrorBody, documented
from headunit_backend.ratelimit import RateLimited
from headunit_backend.services import Services, get_services

log = logging.getLogger(__name__)
router = APIRouter(tags=["operations"])

#: What an effect returns: the status and the body to answer (and to replay) with.
Answer = tuple[int, BaseModel]

#: The request hash of an expired key's tombstone: every request with that key is answered with its 410.
TOMBSTONE = "expired"


def request_hash(method: str, path: str, body: bytes) -> str:
    """Hash of what makes two requests "the same": method, path and the body's JSON meaning."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, RecursionError):  # not JSON (RequestGuard refuses deep JSON before it gets here)
        canonical = body
    return hashlib.sha256(b"\n".join([method.encode(), path.encode(), canonical])).hexdigest()


def parse_key(key: str | None) -> str:
    if key is None:
        raise ApiError(400, "idempotency_key_missing", "this request needs an Idempotency-Key header (a UUID)")
    try:
        return str(uuid.UUID(key.strip()))
    except ValueError:
        raise ApiError(400, "idempotency_key_invalid", "Idempotency-Key must be a UUID") from None


class LostClaim(Exception):
    """Our lease ran out and another request took the key over; our effect must not commit."""


def in_flight() -> ApiError:
    return ApiError(409, "idempotency_key_in_flight",
                    "a request with this Idempotency-Key is still being processed; retry later",
                    headers={"Retry-After": "1"})


class Operation:
    """One write under an Idempotency-Key; handlers run their effect through `apply` or `execute`."""

    def __init__(self, db: Database, device: Device, op_id: str, request_hash: str, lease: float):
        self.db, self.device, self.op_id, self.request_hash, self.lease = db, device, op_id, request_hash, lease
        self._row_id: int | None = None
        self._holder = secrets.token_hex(16)

    @property
    def processor_key(self) -> str:
        """The key payments reach the processor with: a takeover of this operation reuses it."""
        return f"{self.device.id}:{self.op_id}"

    def apply(self, effect: Callable[[Connection], Answer]) -> Response:
        """Run `effect` in one write transaction together with claiming the key and storing its answer.

        For effects that touch only this database, one commit does it all: a concurrent request with the
        same key waits on the UNIQUE index (or SQLite's write lock) and then replays. A key already known,
        or a refusal (whose effect's partial writes must not commit), takes the two-step path.
        """
        try:
            with self.db.write() as conn:
                if self._insert_claim(conn, time.time()):
                    status, model = effect(conn)
                    return self.store_answer(conn, status, model)
        except ApiError:
            self._row_id = None
        return self.execute(lambda: self.commit(effect))

    def execute(self, handler: Callable[[], Response]) -> Response:
        """Claim the key, then run `handler`, which must end in `commit` or raise ApiError."""
        replay = self._claim()
        if replay is not None:
            return replay
        try:
            try:
                return handler()
            except ApiError as refusal:
                answer = (refusal.status, refusal.body)
                return self.commit(lambda conn: answer)
        except LostClaim:
            raise in_flight() from None
        except BaseException:
            self._release()
            raise

    def commit(self, effect: Callable[[Connection], Answer]) -> Response:
        """Run `effect` and store its answer in the same transaction; return the answer."""
        with self.db.write() as conn:
            status, model = effect(conn)
            return self.store_answer(conn, status, model)

    def store_answer(self, conn: Connection, status: int, model: BaseModel) -> Response:
        body = model.model_dump_json().encode()
        stored = conn.execute(
            operations.update()
            .where(operations.c.id == self._row_id, operations.c.holder == self._holder,
                   operations.c.state == "in_flight")
            .values(state="done", response_status=status, response_body=body, completed_at=utcnow()))
        if stored.rowcount != 1:
            raise LostClaim
        return Response(body, status_code=status, media_type="application/json")

    def _claim(self) -> Response | None:
        """None once this request holds the key; otherwise the replayed answer (or an ApiError)."""
        for _ in range(5):
            now = time.time()
            with self.db.write() as conn:
                if self._insert_claim(conn, now):
                    return None
                row = conn.execute(sa.select(operations).where(operations.c.device_id == self.device.id,
                                                               operations.c.op_id == self.op_id)).first()
                if row is None:
                    continue  # released between our INSERT and SELECT; try to claim it again
                if row.request_hash not in (self.request_hash, TOMBSTONE):
                    raise ApiError(422, "idempotency_key_reused",
                                   "this Idempotency-Key was used for a different request")
                if row.state == "done":
                    return Response(bytes(row.response_body), status_code=row.response_status,
                                    media_type="application/json", headers={"Idempotent-Replayed": "true"})
                if now - row.claimed_at < self.lease:
                    raise in_flight()
                taken = conn.execute(
                    operations.update()
                    .where(operations.c.id == row.id, operations.c.state == "in_flight",
                           operations.c.holder == row.holder)
                    .values(holder=self._holder, claimed_at=now))
                if taken.rowcount != 1:
                    raise in_flight()
                log.warning("took over operation %s of device %s after its lease expired",
                            self.op_id, self.device.id)
                self._row_id = row.id
                return None
        raise in_flight()

    def apply_within(self, conn: Connection, effect: Callable[[Connection], Answer]) -> Response:
        """`apply` inside a write transaction the caller holds, as a push does for many writes: one commit
        for all. A refused effect is rolled back to a savepoint, and its refusal stored. A key already
        known answers its replay, or raises ApiError (409 in flight, 422 reused) with nothing written."""
        if not self._insert_claim(conn, time.time()):
            row = conn.execute(sa.select(operations).where(operations.c.device_id == self.device.id,
                                                           operations.c.op_id == self.op_id)).one()
            if row.request_hash not in (self.request_hash, TOMBSTONE):
                raise ApiError(422, "idempotency_key_reused", "this Idempotency-Key was used for a different request")
            if row.state != "done":
                raise in_flight()
            return Response(bytes(row.response_body), status_code=row.response_status,
                            media_type="application/json", headers={"Idempotent-Replayed": "true"})
        try:
            with conn.begin_nested():
                status, model = effect(conn)
        except ApiError as refusal:
            status, model = refusal.status, refusal.body
        return self.store_answer(conn, status, model)

    def _insert_claim(self, conn: Connection, now: float) -> bool:
        """Insert the in-flight row; False if the key is already there."""
        inserted = conn.execute(
            dialect_insert(conn, operations)
            .values(device_id=self.device.id, op_id=self.op_id, request_hash=self.request_hash,
                    state="in_flight", holder=self._holder, claimed_at=now, created_at=utcnow())
            .on_conflict_do_nothing(index_elements=["device_id", "op_id"])
            .returning(operations.c.id)).scalar()
        self._row_id = inserted
        return inserted is not None

    def _release(self) -> None:
        try:
            with self.db.write() as conn:
                conn.execute(operations.delete().where(operations.c.id == self._row_id,
                                                       operations.c.holder == self._holder,
                                                       operations.c.state == "in_flight"))
        except Exception:  # the key stays in flight; the lease frees it later
            log.exception("could not release operation %s", self.op_id)


async def operation(request: Request, device: CurrentDevice,
                    services: Annotated[Services, Depends(get_services)],
                    idempotency_key: Annotated[str | None, Header(
                        alias="Idempotency-Key", description="A UUID naming this operation (UUID4 advised).",
                        json_schema_extra={"format": "uuid"})] = None) -> Operation:
    """The dependency every write route takes: the authenticated device plus its Idempotency-Key."""
    op_id = parse_key(idempotency_key)
    body = await request.body()
    # The decoded path exactly as routed (request.url.path would re-parse a decoded "?" or "#" in a key).
    return Operation(services.db, device, op_id, request_hash(request.method, request.scope["path"], body),
                     services.settings.idempotency_lease)


IdempotentOperation = Annotated[Operation, Depends(operation)]

#: OpenAPI `responses` every idempotent route shares.
IDEMPOTENT_ERRORS = documented(400, 401, 409, 422)


class OperationStatus(BaseModel):
    op_id: str
    status: Literal["unknown", "in_flight", "done"]
    response_status: int | None = None
    response: JsonValue = None
    created_at: AwareDatetime | None = None


@router.get("/operations/{op_id}", response_model=OperationStatus, responses=documented(401, 422))
def get_operation(op_id: uuid.UUID, device: CurrentDevice,
                  services: Annotated[Services, Depends(get_services)]) -> OperationStatus:
    """What became of an operation this device may or may not have delivered, without sending it again."""
    with services.db.read() as conn:
        row = conn.execute(sa.select(operations).where(operations.c.device_id == device.id,
                                                       operations.c.op_id == str(op_id))).first()
    return _status(str(op_id), row)


@router.post("/operations/{op_id}/expire", response_model=OperationStatus, responses=documented(401, 422))
def expire_operation(op_id: uuid.UUID, device: CurrentDevice,
                     services: Annotated[Services, Depends(get_services)], limit: RateLimited) -> OperationStatus:
    """Settle an operation the device has given up on (past its deadline), once and for all.

    If it never arrived, it never will: its key gets a tombstone, and any copy still on its way is
    answered `410 operation_expired` without running. If it did arrive, this is its status as `GET` gives.
    """
    limit.expire(device.id)  # each call may add a row: a device may not pile them up
    expired = ErrorBody(error="operation_expired", detail="the device gave this operation up before it arrived")
    now = utcnow()
    with services.db.write() as conn:
        conn.execute(dialect_insert(conn, operations)
                     .values(device_id=device.id, op_id=str(op_id), request_hash=TOMBSTONE, state="done",
                             holder=TOMBSTONE, claimed_at=time.time(), response_status=410,
                             response_body=expired.model_dump_json().encode(), created_at=now, completed_at=now)
                     .on_conflict_do_nothing(index_elements=["device_id", "op_id"]))
        row = conn.execute(sa.select(operations).where(operations.c.device_id == device.id,
                                                       operations.c.op_id == str(op_id))).one()
    if row.state == "in_flight":  # arrived but left unfinished by a crash: settle it now (after its lease)
        from headunit_backend import intents, reconcile

        reconcile.settle_operation(intents.desk_of(services), device, str(op_id))
        with services.db.read() as conn:
            row = conn.execute(sa.select(operations).where(operations.c.device_id == device.id,
                                                           operations.c.op_id == str(op_id))).one()
    return _status(str(op_id), row)


def sweep(db: Database, retention: float, *, batch: int = 1000, now: dt.datetime | None = None) -> int:
    """Delete stored answers, tombstones and abandoned claims created more than `retention` seconds ago, in
    batches of `batch` rows (one short transaction each); returns how many.

    Safe because a key's row is only needed while its request can still arrive: the car never sends an
    operation past its `not_after`, which is shorter than the retention, and reconciles through
    `GET /v1/operations/{op_id}` instead. A request that did arrive later anyway would find no row and run
    as new (docs/sync-protocol.md, "Retention").
    """
    cutoff = (now or utcnow()) - dt.timedelta(seconds=retention)
    total = 0
    while True:
        with db.write() as conn:
            old = sa.select(operations.c.id).where(operations.c.created_at < cutoff).limit(batch)
            if conn.dialect.name == "postgresql":  # a row another sweeper is deleting is skipped, not waited for
                old = old.with_for_update(skip_locked=True)
            deleted = conn.execute(operations.delete().where(operations.c.id.in_(old))).rowcount
        total += deleted
        if deleted < batch:
            return total


def _status(op_id: str, row) -> OperationStatus:
    if row is None:
        return OperationStatus(op_id=op_id, status="unknown")
    if row.state != "done":
        return OperationStatus(op_id=op_id, status="in_flight", created_at=row.created_at)
    return OperationStatus(op_id=op_id, status="done", response_status=row.response_status,
                           response=json.loads(bytes(row.response_body)), created_at=row.created_at)
