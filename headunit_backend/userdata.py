"""User data (favourites, destinations, playlists, settings) and the account's change feed.

Each account keeps the latest version of every item, deletions included, stamped with a sequence number
drawn from the account row. Drawing it takes that row's lock until commit, so seqs become visible in
order and a client that has read up to seq N never misses a change with a smaller seq later. The feed
is "everything after my cursor, in seq order"; a key written twice appears once, at its latest seq, which
is how the last write in server order wins on every device.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from urllib.parse import unquote
from enum import StrEnum
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, JsonValue
from sqlalchemy.engine import Connection

from headunit_backend.auth import CurrentDevice, Device
from headunit_backend.db import accounts, dialect_insert, sync_items, utcnow
from headunit_backend.errors import ApiError, documented
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, Answer, IdempotentOperation, Operation, request_hash
from headunit_backend.services import Services, get_services

router = APIRouter(prefix="/sync", tags=["user data"])

MAX_VALUE_BYTES = 64 * 1024
#: Arrays/objects inside a value. Below the body's own limit (limits.MAX_JSON_DEPTH, 32) by more than a
#: push's wrapping (4 levels), so a value gets the same answer sent alone and in a push.
MAX_VALUE_DEPTH = 24


class Collection(StrEnum):
    favourites = "favourites"
    destinations = "destinations"
    playlists = "playlists"
    settings = "settings"


ItemKey = Annotated[str, Path(min_length=1, max_length=200)]


class ItemValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: JsonValue


class SyncItem(BaseModel):
    seq: int
    collection: Collection
    key: str
    value: JsonValue
    deleted: bool


class Change(SyncItem):
    device_id: str
    op_id: str
    updated_at: AwareDatetime


class ChangePage(BaseModel):
    changes: list[Change]
    cursor: str
    more: bool


def next_seq(conn: Connection, account_id: str) -> int:
    """The account's next change seq; holds the account row's lock until the transaction ends."""
    return conn.execute(accounts.update().where(accounts.c.id == account_id)
                        .values(last_seq=accounts.c.last_seq + 1).returning(accounts.c.last_seq)).scalar_one()


def write_item(conn: Connection, device: Device, op_id: str, collection: Collection, key: str,
               value: JsonValue, *, deleted: bool) -> Answer:
    if not deleted and json_depth(value) > MAX_VALUE_DEPTH:
        raise ApiError(422, "value_too_deep", f"a value may nest at most {MAX_VALUE_DEPTH} arrays or objects")
    value_json = None if deleted else json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if value_json is not None and len(value_json.encode()) > MAX_VALUE_BYTES:
        raise ApiError(422, "value_too_large", f"a value may take at most {MAX_VALUE_BYTES} bytes as JSON")
    seq = next_seq(conn, device.account_id)
    row = dict(value_json=value_json, deleted=deleted, seq=seq, device_id=device.id, op_id=op_id,
               updated_at=utcnow())
    conn.execute(dialect_insert(conn, sync_items)
                 .values(account_id=device.account_id, collection=collection.value, key=key, **row)
                 .on_conflict_do_update(index_elements=["account_id", "collection", "key"], set_=row))
    return 200, SyncItem(seq=seq, collection=collection, key=key, value=None if deleted else value, deleted=deleted)


def json_depth(value: JsonValue) -> int:
    """How many arrays/objects nest in `value` (0 for a scalar), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            stack.extend((inner, depth + 1) for inner in (item.values() if isinstance(item, dict) else item))
    return deepest


@router.put("/items/{collection}/{key}", response_model=SyncItem, responses=IDEMPOTENT_ERRORS)
def put_item(collection: Collection, key: ItemKey, item: ItemValue, op: IdempotentOperation) -> Response:
    """Create or replace an item; the write gets the account's next seq."""
    return op.apply(lambda conn: write_item(conn, op.device, op.op_id, collection, key, item.value, deleted=False))


@router.delete("/items/{collection}/{key}", response_model=SyncItem, responses=IDEMPOTENT_ERRORS)
def delete_item(collection: Collection, key: ItemKey, op: IdempotentOperation) -> Response:
    """Delete an item (deleting a missing item is fine); other devices see a `deleted` change."""
    return op.apply(lambda conn: write_item(conn, op.device, op.op_id, collection, key, None, deleted=True))


MAX_PUSH = 100
_ITEM_PATH = re.compile(r"/v1/sync/items/(?P<collection>[^/]+)/(?P<key>[^/]+)")


class PushedWrite(BaseModel):
    """One user-data write, exactly as it would be sent alone: its op_id is its Idempotency-Key."""
    model_config = ConfigDict(extra="forbid")

    op_id: uuid.UUID
    method: Literal["PUT", "DELETE"]
    path: str
    body: JsonValue = None


class Push(BaseModel):
    model_config = ConfigDict(extra="forbid")

    operations: list[PushedWrite] = Field(min_length=1, max_length=MAX_PUSH)


class PushResult(BaseModel):
    op_id: str
    #: The answer the write would have had alone (replays included), or null when it was not attempted
    #: because an earlier write in the push must be retried first.
    status: int | None
    response: JsonValue = None
    replayed: bool = False


class PushAnswer(BaseModel):
    results: list[PushResult]


@router.post("/push", response_model=PushAnswer, responses=documented(400, 401, 422))
def push(body: Push, device: CurrentDevice, services: Annotated[Services, Depends(get_services)]) -> PushAnswer:
    """Several user-data writes of one lane in one round trip, applied in order.

    Each write keeps every guarantee of its own request (its op_id is its Idempotency-Key, so a write sent
    alone and then in a push, or twice, applies once). A write that must be retried (409: in flight
    elsewhere) stops the push there, so the writes after it never overtake it.
    """
    results, stopped = [], False
    with services.db.write() as conn:  # one commit for the whole push
        for write in body.operations:
            op_id = str(write.op_id)
            if stopped:
                results.append(PushResult(op_id=op_id, status=None))
                continue
            status, answer, replayed = _apply_pushed(conn, services, device, op_id, write)
            results.append(PushResult(op_id=op_id, status=status, response=answer, replayed=replayed))
            stopped = status == 409
    return PushAnswer(results=results)


def _apply_pushed(conn: Connection, services: Services, device: Device, op_id: str,
                  write: PushedWrite) -> tuple[int, JsonValue, bool]:
    """(status, answer, replayed) of one pushed write, the same as `put_item`/`delete_item` would give."""
    match = _ITEM_PATH.fullmatch(write.path)
    collection = match and match["collection"] in Collection.__members__ and Collection(match["collection"])
    try:  # strictly: a key that is not UTF-8 once decoded is refused, as in a path sent alone
        key = match and unquote(match["key"], errors="strict")
    except UnicodeDecodeError:
        key = None
    if not collection or not key or len(key) > 200 or "/" in key or "\x00" in key:
        return 422, ApiError(422, "invalid_request", f"not a user-data item path: {write.path}").body.model_dump(), False
    if write.method == "PUT":
        try:
            value = ItemValue.model_validate(write.body).value
        except ValueError:
            return 422, ApiError(422, "invalid_request", 'a PUT body is {"value": …}').body.model_dump(), False
    raw = b"" if write.body is None else json.dumps(write.body).encode()
    op = Operation(services.db, device, op_id, request_hash(write.method, f"/v1/sync/items/{collection.value}/{key}", raw),
                   services.settings.idempotency_lease)
    try:
        response = op.apply_within(conn, lambda conn: write_item(conn, device, op_id, collection, key,
                                                                 value if write.method == "PUT" else None,
                                                                 deleted=write.method == "DELETE"))
    except ApiError as refusal:
        return refusal.status, refusal.body.model_dump(), False
    return response.status_code, json.loads(response.body), response.headers.get("Idempotent-Replayed") == "true"


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"seq:{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        kind, _, number = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().partition(":")
        if kind == "seq" and number.isdigit() and len(number) < 19:
            return int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ApiError(400, "invalid_cursor", "the cursor was not issued by this service")


@router.get("/changes", response_model=ChangePage, responses=documented(400, 401, 422))
def get_changes(device: CurrentDevice, services: Annotated[Services, Depends(get_services)],
                cursor: Annotated[str | None, Query(max_length=200, description="Opaque; omit to start.")] = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> ChangePage:
    """The account's changes after `cursor`, oldest first; follow `cursor` while `more` is true."""
    after = decode_cursor(cursor)
    with services.db.read() as conn:
        rows = conn.execute(sa.select(sync_items)
                            .where(sync_items.c.account_id == device.account_id, sync_items.c.seq > after)
                            .order_by(sync_items.c.seq).limit(limit + 1)).all()
    page = rows[:limit]
    changes = [Change(seq=r.seq, collection=r.collection, key=r.key,
                      value=None if r.value_json is None else json.loads(r.value_json), deleted=r.deleted,
                      device_id=r.device_id, op_id=r.op_id, updated_at=r.updated_at) for r in page]
    return ChangePage(changes=changes, cursor=encode_cursor(page[-1].seq if page else after),
                      more=len(rows) > limit)
