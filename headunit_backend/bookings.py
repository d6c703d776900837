"""Bookings: an order's installation slot at a partner workshop, and the driver's changes to it.

A booking is made only by placing an order with `{"kind": "workshop", ...}` delivery, inside the transaction
that writes the order (orders.py), so an order and its booking exist together or not at all, and a retry that
finishes an interrupted order finds the one booking the first attempt made. If the slot asked for was taken
meanwhile (an order queued offline), the nearest free slot is booked and `moved_from` says so.

Rescheduling and cancelling are idempotent operations of the booking's account. A cancelled booking keeps its
order: the parts wait at the workshop for collection.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from headunit_backend import workshops
from headunit_backend.auth import CurrentDevice, new_id
from headunit_backend.caching import no_cache
from headunit_backend.db import bookings, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, IdempotentOperation, Operation
from headunit_backend.services import Services, get_services

router = APIRouter(prefix="/bookings", tags=["bookings"])


class WorkshopRef(BaseModel):
    id: str
    name: str
    lat: float
    lon: float
    address: str


class Booking(BaseModel):
    booking_id: str
    order_id: str
    workshop: WorkshopRef
    start: AwareDatetime = Field(description="In the workshop's time zone, with its offset.")
    end: AwareDatetime
    status: Literal["booked", "cancelled"]
    moved_from: AwareDatetime | None = Field(
        description="The slot the order asked for, when it was taken by the time the order arrived and this "
                    "one was booked instead; null otherwise (and after a reschedule).")
    created_at: AwareDatetime
    updated_at: AwareDatetime


class BookingList(BaseModel):
    items: list[Booking] = Field(description="Newest first.")


class Reschedule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slot_start: AwareDatetime = Field(description="A free slot's `start` from `GET /v1/workshops/{id}/slots`.")


def present(row: sa.Row) -> Booking:
    shop = workshops.workshop(row.workshop_id)
    zone = shop.zone if shop else dt.UTC
    ref = (WorkshopRef(id=shop.id, name=shop.name, lat=shop.lat, lon=shop.lon, address=shop.address) if shop
           else WorkshopRef(id=row.workshop_id, name=row.workshop_id, lat=0.0, lon=0.0, address=""))
    return Booking(booking_id=row.id, order_id=row.order_id, workshop=ref, start=row.start.astimezone(zone),
                   end=row.end.astimezone(zone), status=row.status,
                   moved_from=row.moved_from.astimezone(zone) if row.moved_from else None,
                   created_at=row.created_at, updated_at=row.updated_at)


def of_orders(conn: Connection, order_ids: list[str]) -> dict[str, Booking]:
    """The bookings of these orders, by order id."""
    if not order_ids:
        return {}
    return {row.order_id: present(row) for row in conn.execute(
        sa.select(bookings).where(bookings.c.order_id.in_(order_ids)))}


def check_slot(workshop_id: str, slot_start: dt.datetime) -> workshops.Workshop:
    """Refuse (422) a workshop that does not exist or a time no slot of it starts at, before any money moves.
    A slot already begun, taken, or too short for the order's fitting (the job would run past closing) is not
    refused here: the order books the nearest free one (an order queued offline should not fail for it)."""
    shop = workshops.workshop(workshop_id)
    if shop is None:
        raise ApiError(422, "unknown_workshop", f"delivery.workshop_id: no partner workshop {workshop_id!r}")
    if workshops.slot_at(shop, slot_start, int(workshops.SLOT_STEP.total_seconds() // 60)) is None:
        raise ApiError(422, "invalid_slot", f"delivery.slot_start: no slot of {shop.name} starts at "
                                            f"{slot_start.isoformat()} (see its slots; they are booked up to a "
                                            "year ahead)")
    return shop


def book_for_order(conn: Connection, *, account_id: str, order_id: str, workshop_id: str,
                   slot_start: dt.datetime, minutes: int, now: dt.datetime) -> Booking:
    """Inside the order's transaction: book the slot asked for, or the nearest free one (`moved_from`).
    422 `no_free_slot` if the workshop has none for SEARCH_DAYS: the order is then refused and its hold voided."""
    shop = workshops.workshop(workshop_id)
    if shop is None:  # gone from the data between the order's check and its commit (a release in between)
        raise ApiError(422, "unknown_workshop", f"delivery.workshop_id: no partner workshop {workshop_id!r}")
    workshops.lock(conn, shop.id)
    slot = workshops.nearest_free(conn, shop, slot_start, minutes, now)
    if slot is None:
        raise ApiError(422, "no_free_slot", f"{shop.name} has no free {minutes}-minute slot in the next "
                                            f"{workshops.SEARCH_DAYS} days")
    moved = None if slot.start == slot_start else slot_start
    booking_id = new_id("bkg")
    conn.execute(bookings.insert().values(
        id=booking_id, account_id=account_id, order_id=order_id, workshop_id=shop.id, start=slot.start,
        end=slot.end, status="booked", moved_from=moved, created_at=now, updated_at=now))
    return present(_row(conn, account_id, booking_id))


def _row(conn: Connection, account_id: str, booking_id: str) -> sa.Row:
    row = conn.execute(sa.select(bookings).where(bookings.c.id == booking_id,
                                                 bookings.c.account_id == account_id)).first()
    if row is None:
        raise not_found(f"booking {booking_id!r}")
    return row


def _changeable(row: sa.Row, now: dt.datetime) -> None:
    if row.start <= now:
        raise ApiError(422, "booking_in_past", "this booking has begun or is over; it can no longer change")


def _reschedule(conn: Connection, op: Operation, booking_id: str, slot_start: dt.datetime) -> tuple[int, Booking]:
    row = _row(conn, op.device.account_id, booking_id)
    now = utcnow()
    if row.status == "cancelled":
        raise ApiError(422, "booking_cancelled", "a cancelled booking cannot be rescheduled; its parts wait "
                                                 "at the workshop for collection")
    _changeable(row, now)
    shop = workshops.workshop(row.workshop_id)
    if shop is None:
        raise ApiError(422, "unknown_workshop", f"workshop {row.workshop_id!r} no longer takes bookings")
    minutes = round((row.end - row.start).total_seconds() / 60)
    slot = workshops.slot_at(shop, slot_start, minutes)
    if slot is None:
        raise ApiError(422, "invalid_slot", f"slot_start: {shop.name} has no {minutes}-minute slot starting at "
                                            f"{slot_start.isoformat()} (see its slots; they are booked up to a "
                                            "year ahead)")
    if slot.start <= now:
        raise ApiError(422, "slot_in_past", "slot_start: that slot has begun or is over")
    if slot.start == row.start:
        return 200, present(row)
    workshops.lock(conn, shop.id)
    booked = workshops.booked_between(conn, shop.id, slot.start, slot.end, exclude=row.id)
    if not workshops.is_free(shop, slot, booked, now):
        raise ApiError(422, "slot_taken", f"slot_start: every bay of {shop.name} is booked then")
    conn.execute(bookings.update().where(bookings.c.id == row.id).values(
        start=slot.start, end=slot.end, moved_from=None, updated_at=now))
    return 200, present(_row(conn, op.device.account_id, booking_id))


def _cancel(conn: Connection, op: Operation, booking_id: str) -> tuple[int, Booking]:
    row = _row(conn, op.device.account_id, booking_id)
    if row.status == "cancelled":
        return 200, present(row)
    now = utcnow()
    _changeable(row, now)
    conn.execute(bookings.update().where(bookings.c.id == row.id).values(status="cancelled", updated_at=now))
    return 200, present(_row(conn, op.device.account_id, booking_id))


ServicesDep = Annotated[Services, Depends(get_services)]
BookingId = Annotated[str, Path(max_length=40)]


@router.get("", response_model=BookingList, responses=documented(401), dependencies=[Depends(no_cache)])
def list_bookings(device: CurrentDevice, services: ServicesDep) -> BookingList:
    """The account's bookings, newest first (cancelled ones too)."""
    with services.db.read() as conn:
        rows = conn.execute(sa.select(bookings).where(bookings.c.account_id == device.account_id)
                            .order_by(bookings.c.created_at.desc(), bookings.c.id.desc())).all()
    return BookingList(items=[present(row) for row in rows])


@router.get("/{booking_id}", response_model=Booking, responses=documented(401, 404), dependencies=[Depends(no_cache)])
def get_booking(booking_id: BookingId, device: CurrentDevice, services: ServicesDep) -> Booking:
    """One booking of the account (404 for any other account's)."""
    with services.db.read() as conn:
        return present(_row(conn, device.account_id, booking_id))


@router.post("/{booking_id}/reschedule", response_model=Booking, responses={**IDEMPOTENT_ERRORS, **documented(404)})
def reschedule_booking(booking_id: BookingId, change: Reschedule, op: IdempotentOperation) -> Response:
    """Move a booking to another slot of its workshop. 422 `slot_taken`, `invalid_slot`, `slot_in_past`,
    `booking_in_past` (it has begun), `booking_cancelled`; 404 for another account's booking."""
    return op.apply(lambda conn: _reschedule(conn, op, booking_id, change.slot_start))


@router.post("/{booking_id}/cancel", response_model=Booking, responses={**IDEMPOTENT_ERRORS, **documented(404)})
def cancel_booking(booking_id: BookingId, op: IdempotentOperation) -> Response:
    """Cancel the appointment (the order stays: its parts wait at the workshop for collection). Cancelling
    again answers the cancelled booking. 422 `booking_in_past` once it has begun."""
    return op.apply(lambda conn: _cancel(conn, op, booking_id))
