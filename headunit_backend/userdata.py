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
from enum import StrEnum
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, JsonValue
from sqlalchemy.engine import Connection

from headunit_backend.auth import CurrentDevice, Device
from headunit_backend.db import accounts, dialect_insert, sync_items, utcnow
from headunit_backend.errors import ApiError, documented
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, Answer, IdempotentOperation
from headunit_backend.services import Services, get_services

router = APIRouter(prefix="/sync", tags=["user data"])

MAX_VALUE_BYTES = 64 * 1024


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


@router.put("/items/{collection}/{key}", response_model=SyncItem, responses=IDEMPOTENT_ERRORS)
def put_item(collection: Collection, key: ItemKey, item: ItemValue, op: IdempotentOperation) -> Response:
    """Create or replace an item; the write gets the account's next seq."""
    return op.apply(lambda conn: write_item(conn, op.device, op.op_id, collection, key, item.value, deleted=False))


@router.delete("/items/{collection}/{key}", response_model=SyncItem, responses=IDEMPOTENT_ERRORS)
def delete_item(collection: Collection, key: ItemKey, op: IdempotentOperation) -> Response:
    """Delete an item (deleting a missing item is fine); other devices see a `deleted` change."""
    return op.apply(lambda conn: write_item(conn, op.device, op.op_id, collection, key, None, deleted=True))


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
