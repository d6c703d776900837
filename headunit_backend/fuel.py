"""Paying at the pump (sandbox fuel network): a hold first, the litres dispensed captured, the rest released.

The car names the fuel station it is parked at: the map's `amenity=fuel` POI, by its OpenStreetMap id
(`osm:node/123456`) and name. The sandbox network takes any such station and prices it with demo prices
derived from its id, marked `"sandbox": true`: there is no fuel network behind them.
`POST /v1/sandbox/fuel/sessions/{id}/dispense` stands in for the station's pump reporting what it delivered.
A session is a payment intent with manual capture; its state is the intent's (see intents.py), so a crash
between the pump's report and the capture is finished by the reconciler like any other payment.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from headunit_backend.auth import CurrentDevice, new_id
from headunit_backend.caching import no_cache
from headunit_backend.db import fuel_sessions, payment_intents, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, IdempotentOperation, Operation, in_flight
from headunit_backend.intents import (PURPOSES, Busy, Merchant, Payment, Purpose, card_for, desk_of, present_payment,
                                      run_payment_operation)
from headunit_backend.payments import Hold
from headunit_backend.services import Services, get_services

router = APIRouter(tags=["fuel"])

#: A station's id: the map POI's OpenStreetMap object, as the car names it.
STATION_ID_PATTERN = r"^osm:(node|way|relation)/[1-9][0-9]{0,18}$"
STATION_ID_MAX = 40
CURRENCY = "EUR"
#: Demo prices in milli-cents per litre (pumps show three decimals): petrol 1.799–1.999 €/L, diesel 0.10 € less.
PETROL_LOWEST, PRICE_STEPS, PRICE_STEP = 179_900, 201, 100
DIESEL_DISCOUNT = 10_000


def sandbox_prices(station_id: str) -> dict[str, int]:
    """A station's demo prices, the same on every server and after restarts: from a hash of its id."""
    step = int.from_bytes(hashlib.sha256(station_id.encode()).digest()[:8], "big") % PRICE_STEPS
    petrol = PETROL_LOWEST + step * PRICE_STEP
    return {"petrol": petrol, "diesel": petrol - DIESEL_DISCOUNT}


StationId = Annotated[str, Field(min_length=1, max_length=STATION_ID_MAX, pattern=STATION_ID_PATTERN,
                                 description="The map's fuel station (OpenStreetMap object), e.g. `osm:node/123456`.",
                                 examples=["osm:node/1704462974"])]


FuelKind = Literal["petrol", "diesel"]


class FuelPrices(BaseModel):
    station: str
    currency: str
    prices: dict[str, int] = Field(description="Milli-cents per litre, by fuel.")
    sandbox: bool = True


class Station(BaseModel):
    """A station as a session records it."""
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=80)
    name: str = Field(min_length=1, max_length=200)


class NamedStation(BaseModel):
    """The fuel station the car is parked at, as the map names it."""
    model_config = ConfigDict(extra="forbid")

    id: StationId
    name: str = Field(min_length=1, max_length=200)


class NewFuelSession(BaseModel):
    model_config = ConfigDict(extra="forbid")

    station: NamedStation
    pump: int = Field(ge=1, le=99)
    fuel: FuelKind
    hold_cents: int = Field(ge=100, le=50_000, description="The most the pump may deliver for, held first.")
    currency: str = Field(pattern="^[A-Z]{3}$")
    payment_method_id: str = Field(min_length=1, max_length=40)


class Dispensed(BaseModel):
    model_config = ConfigDict(extra="forbid")

    litres_milli: int = Field(ge=0, le=500_000, description="What the pump delivered, in millilitres.")


class FuelSession(BaseModel):
    session_id: str
    status: Literal["processing", "authorized", "completed", "canceled", "failed"]
    station: Station
    pump: int
    fuel: FuelKind
    price_milli_per_litre: int
    litres_milli: int | None
    hold_cents: int
    amount_cents: int = Field(description="What was captured (0 until the pump reports).")
    currency: str
    payment: Payment
    sandbox: bool = True


_STATUS = {"processing": "processing", "authorized": "authorized", "succeeded": "completed",
           "canceled": "canceled", "failed": "failed"}


def cost_cents(litres_milli: int, price_milli_per_litre: int) -> int:
    """Litres × price, rounded to the nearest cent (half up), as a pump's display does."""
    return (litres_milli * price_milli_per_litre + 500_000) // 1_000_000


def _present(conn: Connection, intent: sa.Row) -> FuelSession:
    row = conn.execute(sa.select(fuel_sessions).where(fuel_sessions.c.intent_id == intent.id)).first()
    if row is None:
        raise ApiError(422, "invalid_payment_state", "this payment's fuel session was not started")
    return FuelSession(session_id=row.id, status=_STATUS[intent.status],
                       station=Station(id=row.station_id, name=row.station_name), pump=row.pump, fuel=row.fuel,
                       price_milli_per_litre=row.price_milli_per_litre, litres_milli=row.litres_milli,
                       hold_cents=intent.amount_cents, amount_cents=intent.captured_cents, currency=intent.currency,
                       payment=present_payment(intent))


def _authorized(conn: Connection, intent: sa.Row, hold: Hold) -> tuple[int, FuelSession]:
    draft = json.loads(intent.draft_json)
    conn.execute(fuel_sessions.insert().values(
        id=new_id("fuel"), account_id=intent.account_id, intent_id=intent.id, station_id=draft["station"]["id"],
        station_name=draft["station"]["name"], pump=draft["pump"], fuel=draft["fuel"],
        price_milli_per_litre=draft["price"], litres_milli=None, created_at=utcnow()))
    return 201, _present(conn, intent)


PURPOSES["fuel"] = Purpose(authorized=_authorized, present=_present)
ServicesDep = Annotated[Services, Depends(get_services)]
SessionId = Annotated[str, Path(max_length=40)]


@router.get("/fuel/prices", response_model=FuelPrices, responses=documented(401))
def fuel_prices(station: Annotated[str, Query(min_length=1, max_length=STATION_ID_MAX, pattern=STATION_ID_PATTERN,
                                              description="The map's fuel station, e.g. `osm:node/123456`.")],
                device: CurrentDevice) -> FuelPrices:
    """A station's prices in the sandbox network (demo prices, the same for a station every time), in
    milli-cents per litre."""
    return FuelPrices(station=station, currency=CURRENCY, prices=sandbox_prices(station))


@router.post("/fuel/sessions", status_code=201, response_model=FuelSession,
             responses={**IDEMPOTENT_ERRORS, **documented(402)})
def start_session(session: NewFuelSession, op: IdempotentOperation, services: ServicesDep) -> Response:
    """Hold `hold_cents` on the card and free the pump: `authorized`. 402 when the card is refused, 422
    `currency_mismatch`, `unknown_payment_method`."""
    desk = desk_of(services)

    def start() -> Response:
        if session.currency != CURRENCY:
            raise ApiError(422, "currency_mismatch", f"this station takes {CURRENCY}")
        with services.db.read() as conn:
            method = card_for(conn, op.device.account_id, session.payment_method_id)
        draft = {"station": session.station.model_dump(), "pump": session.pump, "fuel": session.fuel,
                 "price": sandbox_prices(session.station.id)[session.fuel]}
        return desk.start(op, purpose="fuel", amount_cents=session.hold_cents, currency=session.currency,
                          method=method, merchant=Merchant(id=session.station.id, name=session.station.name),
                          reference=f"pump {session.pump}", capture="manual", draft=draft)

    return run_payment_operation(op, desk, start)


def _session(conn: Connection, account_id: str, session_id: str) -> sa.Row:
    row = conn.execute(sa.select(fuel_sessions).where(fuel_sessions.c.id == session_id,
                                                      fuel_sessions.c.account_id == account_id)).first()
    if row is None:
        raise not_found(f"fuel session {session_id!r}")
    return row


def _change(op: Operation, services: Services, session_id: str, action: str, litres_milli: int | None = None):
    desk = desk_of(services)

    def handler() -> Response:
        with services.db.write() as conn:
            row = _session(conn, op.device.account_id, session_id)
            intent = conn.execute(sa.select(payment_intents).where(payment_intents.c.id == row.intent_id)).one()
            amount = None
            if litres_milli is not None:
                if intent.status != "authorized" and intent.pending_op_id != op.op_id:
                    raise ApiError(422, "invalid_payment_state", f"a {_STATUS[intent.status]} session cannot dispense")
                # The pump stops when the hold is used up: it never delivers more than was held.
                litres = min(litres_milli, intent.amount_cents * 1_000_000 // row.price_milli_per_litre)
                amount = cost_cents(litres, row.price_milli_per_litre)
                # Written before the capture, so the reconciler can finish the capture from it.
                conn.execute(fuel_sessions.update().where(fuel_sessions.c.id == row.id,
                                                          fuel_sessions.c.litres_milli.is_(None))
                             .values(litres_milli=litres))
        if amount == 0:
            action_now, amount_now = "void", None  # nothing delivered: release the whole hold
        else:
            action_now, amount_now = action, amount
        return desk.change(op, row.intent_id, action_now, amount_now, purpose="fuel")

    try:
        return op.execute(handler)
    except Busy:
        raise in_flight() from None


@router.post("/sandbox/fuel/sessions/{session_id}/dispense", response_model=FuelSession,
             responses={**IDEMPOTENT_ERRORS, **documented(404)})
def dispense(session_id: SessionId, dispensed: Dispensed, op: IdempotentOperation, services: ServicesDep) -> Response:
    """The sandbox pump reports what it delivered: litres × price is captured (at most the hold; the pump
    stops there), the rest released: `completed`. 422 `invalid_payment_state` for a session not authorized."""
    return _change(op, services, session_id, "capture", dispensed.litres_milli)


@router.post("/fuel/sessions/{session_id}/cancel", response_model=FuelSession,
             responses={**IDEMPOTENT_ERRORS, **documented(404)})
def cancel(session_id: SessionId, op: IdempotentOperation, services: ServicesDep) -> Response:
    """Give up before fuelling: the hold is voided, `canceled`."""
    return _change(op, services, session_id, "void")


@router.get("/fuel/sessions/{session_id}", response_model=FuelSession, responses=documented(401, 404),
            dependencies=[Depends(no_cache)])
def get_session(session_id: SessionId, device: CurrentDevice, services: ServicesDep) -> FuelSession:
    """One fuel session of the account."""
    with services.db.read() as conn:
        row = _session(conn, device.account_id, session_id)
        intent = conn.execute(sa.select(payment_intents).where(payment_intents.c.id == row.intent_id)).one()
        return _present(conn, intent)
