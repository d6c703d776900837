"""Street parking (sandbox operator): a hold for the expected time, then billed per started minute at the end.

The zones are demo data in Monaco, marked `"sandbox": true`: no parking operator is behind them. A session
is a payment intent with manual capture (see intents.py): starting it holds the expected time's price;
ending it writes the end time ahead, captures the minutes actually parked (every started minute counts, at
most the hold) and releases the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from headunit_backend.auth import CurrentDevice, new_id
from headunit_backend.caching import no_cache
from headunit_backend.db import parking_sessions, payment_intents, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, IdempotentOperation, in_flight
from headunit_backend.intents import (PURPOSES, Busy, Merchant, Payment, Purpose, card_for, desk_of, present_payment,
                                      run_payment_operation)
from headunit_backend.payments import Hold
from headunit_backend.services import Services, get_services

router = APIRouter(prefix="/parking", tags=["parking"])


class Zone(BaseModel):
    zone_id: str
    name: str
    rate_cents_per_hour: int
    currency: str
    max_minutes: int
    lat: float
    lon: float
    sandbox: bool = True


#: Demo zones of a sandbox operator in Monaco (43.73-43.75 N, 7.41-7.44 E); rates are made up.
ZONES = {zone.zone_id: zone for zone in [
    Zone(zone_id="mc-port", name="Sandbox zone Port Hercule", rate_cents_per_hour=360, currency="EUR",
         max_minutes=240, lat=43.7347, lon=7.4206),
    Zone(zone_id="mc-casino", name="Sandbox zone Casino", rate_cents_per_hour=480, currency="EUR",
         max_minutes=120, lat=43.7396, lon=7.4281),
    Zone(zone_id="mc-fontvieille", name="Sandbox zone Fontvieille", rate_cents_per_hour=240, currency="EUR",
         max_minutes=600, lat=43.7310, lon=7.4160),
    Zone(zone_id="mc-larvotto", name="Sandbox zone Larvotto", rate_cents_per_hour=300, currency="EUR",
         max_minutes=300, lat=43.7470, lon=7.4355),
]}

#: Zones within this distance of the car are "nearby".
NEARBY_METRES = 3000


class ZoneList(BaseModel):
    items: list[Zone] = Field(description="Nearest first.")


class NewParkingSession(BaseModel):
    model_config = ConfigDict(extra="forbid")

    zone_id: str = Field(min_length=1, max_length=40)
    expected_end: AwareDatetime
    payment_method_id: str = Field(min_length=1, max_length=40)


class ParkingSession(BaseModel):
    session_id: str
    status: Literal["processing", "active", "ended", "canceled", "failed"]
    zone: Zone
    started_at: AwareDatetime
    expected_end: AwareDatetime
    ended_at: AwareDatetime | None
    amount_cents: int = Field(description="What was captured (0 while active).")
    currency: str
    payment: Payment


class ParkingSessionList(BaseModel):
    items: list[ParkingSession] = Field(description="Newest first.")


_STATUS = {"processing": "processing", "authorized": "active", "succeeded": "ended", "canceled": "canceled",
           "failed": "failed"}


def price_cents(rate_cents_per_hour: int, started: dt.datetime, ended: dt.datetime) -> int:
    """Every started minute is billed (at least one), rounded up to the cent."""
    minutes = max(1, math.ceil((ended - started).total_seconds() / 60))
    return math.ceil(rate_cents_per_hour * minutes / 60)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine); plenty for "which zone is near"."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(a))


def _present(conn: Connection, intent: sa.Row) -> ParkingSession:
    row = conn.execute(sa.select(parking_sessions).where(parking_sessions.c.intent_id == intent.id)).first()
    if row is None:
        raise ApiError(422, "invalid_payment_state", "this payment's parking session was not started")
    return ParkingSession(session_id=row.id, status=_STATUS[intent.status], zone=ZONES[row.zone_id],
                          started_at=row.started_at, expected_end=row.expected_end, ended_at=row.ended_at,
                          amount_cents=intent.captured_cents, currency=intent.currency, payment=present_payment(intent))


def _authorized(conn: Connection, intent: sa.Row, hold: Hold) -> tuple[int, ParkingSession]:
    draft = json.loads(intent.draft_json)
    zone = ZONES[draft["zone_id"]]
    conn.execute(parking_sessions.insert().values(
        id=new_id("park"), account_id=intent.account_id, intent_id=intent.id, zone_id=zone.zone_id,
        rate_cents_per_hour=zone.rate_cents_per_hour, started_at=dt.datetime.fromisoformat(draft["started_at"]),
        expected_end=dt.datetime.fromisoformat(draft["expected_end"]), ended_at=None, created_at=utcnow()))
    return 201, _present(conn, intent)


PURPOSES["parking"] = Purpose(authorized=_authorized, present=_present)
ServicesDep = Annotated[Services, Depends(get_services)]


@router.get("/zones", response_model=ZoneList, responses=documented(401))
def nearby_zones(lat: Annotated[float, Query(ge=-90, le=90)], lon: Annotated[float, Query(ge=-180, le=180)],
                 device: CurrentDevice) -> ZoneList:
    """The sandbox operator's zones within 3 km, nearest first."""
    near = sorted((distance_m(lat, lon, z.lat, z.lon), z.zone_id) for z in ZONES.values())
    return ZoneList(items=[ZONES[zone_id] for metres, zone_id in near if metres <= NEARBY_METRES])


@router.post("/sessions", status_code=201, response_model=ParkingSession,
             responses={**IDEMPOTENT_ERRORS, **documented(402)})
def start_session(session: NewParkingSession, op: IdempotentOperation, services: ServicesDep) -> Response:
    """Start parking: the expected time's price is held, `active`. 402 when the card is refused, 422
    `unknown_zone`, `invalid_expected_end` (past, or beyond the zone's maximum stay), `unknown_payment_method`."""
    desk = desk_of(services)

    def start() -> Response:
        zone = ZONES.get(session.zone_id)
        if zone is None:
            raise ApiError(422, "unknown_zone", f"no sandbox parking zone {session.zone_id!r}")
        started = utcnow()
        minutes = (session.expected_end - started).total_seconds() / 60
        if minutes <= 0 or minutes > zone.max_minutes:
            raise ApiError(422, "invalid_expected_end",
                           f"expected_end must be in the next {zone.max_minutes} minutes")
        with services.db.read() as conn:
            method = card_for(conn, op.device.account_id, session.payment_method_id)
        draft = {"zone_id": zone.zone_id, "started_at": started.isoformat(),
                 "expected_end": session.expected_end.astimezone(dt.UTC).isoformat()}
        return desk.start(op, purpose="parking", amount_cents=price_cents(zone.rate_cents_per_hour, started,
                                                                          session.expected_end),
                          currency=zone.currency, method=method, merchant=Merchant(id=zone.zone_id, name=zone.name),
                          reference=f"parking {zone.zone_id}", capture="manual", draft=draft)

    return run_payment_operation(op, desk, start)


@router.post("/sessions/{session_id}/end", response_model=ParkingSession,
             responses={**IDEMPOTENT_ERRORS, **documented(404)})
def end_session(session_id: Annotated[str, Path(max_length=40)], op: IdempotentOperation,
                services: ServicesDep) -> Response:
    """Stop parking: every started minute is billed and captured (at most the hold), the rest released,
    `ended`. 422 `invalid_payment_state` for a session that is not active."""
    desk = desk_of(services)

    def handler() -> Response:
        with services.db.write() as conn:
            row = conn.execute(sa.select(parking_sessions).where(
                parking_sessions.c.id == session_id, parking_sessions.c.account_id == op.device.account_id)).first()
            if row is None:
                raise not_found(f"parking session {session_id!r}")
            intent = conn.execute(sa.select(payment_intents).where(payment_intents.c.id == row.intent_id)).one()
            if intent.status != "authorized" and intent.pending_op_id != op.op_id:
                raise ApiError(422, "invalid_payment_state", f"a {_STATUS[intent.status]} session cannot end")
            ended = row.ended_at or utcnow()
            # Written before the capture: a retry or the reconciler bills the same minutes.
            conn.execute(parking_sessions.update().where(parking_sessions.c.id == row.id,
                                                         parking_sessions.c.ended_at.is_(None)).values(ended_at=ended))
        amount = min(price_cents(row.rate_cents_per_hour, row.started_at, ended), intent.amount_cents)
        return desk.change(op, row.intent_id, "capture", amount, purpose="parking")

    try:
        return op.execute(handler)
    except Busy:
        raise in_flight() from None


@router.get("/sessions", response_model=ParkingSessionList, responses=documented(401), dependencies=[Depends(no_cache)])
def list_sessions(device: CurrentDevice, services: ServicesDep) -> ParkingSessionList:
    """The account's parking sessions, newest first."""
    with services.db.read() as conn:
        rows = conn.execute(sa.select(payment_intents).join(parking_sessions,
                                                            parking_sessions.c.intent_id == payment_intents.c.id)
                            .where(parking_sessions.c.account_id == device.account_id)
                            .order_by(parking_sessions.c.created_at.desc(), parking_sessions.c.id)).all()
        return ParkingSessionList(items=[_present(conn, intent) for intent in rows])
