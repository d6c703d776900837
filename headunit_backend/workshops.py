"""Partner workshops, their opening hours and installation slots (O2O: ordered online, fitted at a workshop).

The workshops are reference data shipped with the release (`data/workshops.json`), like the parking zones: no
table, no seeding. A slot is `minutes` long and starts on the half hour within the opening hours; it is free
while fewer bookings than the workshop has bays overlap it at any moment, and never once it has begun.
Everything a driver sees is in the workshop's own time zone (ISO 8601 with its offset); the database keeps UTC.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, Field
from sqlalchemy.engine import Connection

from headunit_backend.auth import CurrentDevice
from headunit_backend.caching import cache_control, cached_json, no_cache
from headunit_backend.db import bookings, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.services import Services, get_services

router = APIRouter(prefix="/workshops", tags=["workshops"])

#: Slots start every half hour from opening time.
SLOT_STEP = dt.timedelta(minutes=30)
#: How far ahead a booking may be moved when the slot asked for is taken, and slots may be listed.
SEARCH_DAYS = 60
DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


# --- opening hours ------------------------------------------------------------------------------------------

Hours = dict[int, tuple[tuple[dt.time, dt.time], ...]]  # weekday (Monday 0) → opening intervals

_RULE = re.compile(r"^(?P<days>[A-Za-z,\-]+)\s+(?P<times>[0-9:,\-]+)$")
_INTERVAL = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


def parse_opening(text: str) -> Hours:
    """The subset of OpenStreetMap's opening_hours the demo data uses: `Mo-Fr 08:00-12:00,14:00-18:00; Sa
    09:00-12:00`. Days not named are closed. ValueError names the part it cannot read."""
    hours: dict[int, list[tuple[dt.time, dt.time]]] = {}
    for rule in filter(None, (part.strip() for part in text.split(";"))):
        match = _RULE.match(rule)
        if match is None:
            raise ValueError(f"opening hours: cannot read {rule!r} (expected e.g. 'Mo-Fr 08:00-18:00')")
        days: list[int] = []
        for item in match["days"].split(","):
            first, _, last = item.partition("-")
            if first not in DAY_CODES or (last and last not in DAY_CODES):
                raise ValueError(f"opening hours: unknown day in {item!r} (expected {', '.join(DAY_CODES)})")
            a, b = DAY_CODES.index(first), DAY_CODES.index(last or first)
            days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        for interval in match["times"].split(","):
            found = _INTERVAL.match(interval)
            if found is None:
                raise ValueError(f"opening hours: cannot read the times {interval!r} (expected HH:MM-HH:MM)")
            h1, m1, h2, m2 = map(int, found.groups())
            opens, closes = dt.time(h1, m1), dt.time(h2, m2)
            if not opens < closes:
                raise ValueError(f"opening hours: {interval!r} closes before it opens")
            for day in days:
                hours.setdefault(day, []).append((opens, closes))
    return {day: tuple(sorted(spans)) for day, spans in hours.items()}


# --- the workshops ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Workshop:
    id: str
    osm: str | None
    name: str
    lat: float
    lon: float
    address: str
    phone: str | None
    zone: ZoneInfo
    opening: str
    hours: Hours
    bays: int
    services: tuple[str, ...]
    rating: float


@cache
def workshops() -> dict[str, Workshop]:
    """data/workshops.json, checked once: a malformed entry fails loudly at the first request, in tests."""
    data = json.loads(resources.files("headunit_backend").joinpath("data/workshops.json").read_text("utf-8"))
    found: dict[str, Workshop] = {}
    for n, item in enumerate(data["workshops"]):
        where = f"data/workshops.json workshops[{n}]"
        if item["id"] in found or not re.fullmatch(r"[a-z0-9-]{3,60}", item["id"]):
            raise ValueError(f"{where}.id: {item['id']!r} is repeated or not a lower-case slug")
        if not (1 <= item["bays"] <= 50 and -90 <= item["lat"] <= 90 and -180 <= item["lon"] <= 180):
            raise ValueError(f"{where}: bays 1..50, lat and lon on Earth")
        try:
            hours = parse_opening(item["opening"])
        except ValueError as error:
            raise ValueError(f"{where}.{error}") from None
        found[item["id"]] = Workshop(
            id=item["id"], osm=item["osm"], name=item["name"], lat=item["lat"], lon=item["lon"],
            address=item["address"], phone=item["phone"], zone=ZoneInfo(item["time_zone"]), opening=item["opening"],
            hours=hours, bays=item["bays"], services=tuple(item["services"]), rating=item["rating"])
    return found


def workshop(workshop_id: str) -> Workshop | None:
    return workshops().get(workshop_id)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(min(1.0, a)))


# --- slots and capacity -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Slot:
    start: dt.datetime  # aware, in the workshop's zone
    end: dt.datetime


def slots_of_day(shop: Workshop, day: dt.date, minutes: int) -> list[Slot]:
    """Every slot of `minutes` that starts on the half hour and ends before the workshop closes that day."""
    length = dt.timedelta(minutes=minutes)
    found = []
    for opens, closes in shop.hours.get(day.weekday(), ()):
        start = dt.datetime.combine(day, opens, tzinfo=shop.zone)
        close = dt.datetime.combine(day, closes, tzinfo=shop.zone)
        while start + length <= close:
            found.append(Slot(start, start + length))
            start += SLOT_STEP
    return found


#: Slots are booked and listed at most this far from now (an order queued offline arrives days late at most).
REACH = dt.timedelta(days=366)


def slot_at(shop: Workshop, start: dt.datetime, minutes: int) -> Slot | None:
    """The slot starting at `start` (any offset), or None if the workshop has no such slot (or none within
    REACH of now: nothing books the year 9999, and no date arithmetic runs past the calendar's ends)."""
    if abs(start - utcnow()) > REACH:
        return None
    local = start.astimezone(shop.zone)
    return next((s for s in slots_of_day(shop, local.date(), minutes) if s.start == local), None)


def booked_between(conn: Connection, workshop_id: str, start: dt.datetime, end: dt.datetime,
                   exclude: str | None = None) -> list[tuple[dt.datetime, dt.datetime]]:
    """(start, end) of the workshop's live bookings that overlap [start, end)."""
    query = sa.select(bookings.c.start, bookings.c.end).where(
        bookings.c.workshop_id == workshop_id, bookings.c.status == "booked",
        bookings.c.start < end, bookings.c.end > start)
    if exclude is not None:
        query = query.where(bookings.c.id != exclude)
    return [(row.start, row.end) for row in conn.execute(query)]


def is_free(shop: Workshop, slot: Slot, booked: Iterable[tuple[dt.datetime, dt.datetime]], now: dt.datetime) -> bool:
    """Not begun, and fewer bookings than bays at every moment of the slot (the peak is at a booking's start,
    or at the slot's)."""
    if slot.start <= now:
        return False
    overlapping = [(s, e) for s, e in booked if s < slot.end and e > slot.start]
    moments = [slot.start] + [s for s, _ in overlapping if s > slot.start]
    return all(sum(1 for s, e in overlapping if s <= moment < e) < shop.bays for moment in moments)


def lock(conn: Connection, workshop_id: str) -> None:
    """Serialize bookings of one workshop until the transaction ends. SQLite's write transactions already take
    turns (BEGIN IMMEDIATE); on PostgreSQL, two API processes could otherwise both see the last bay free."""
    if conn.dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(workshop_id.encode()).digest()[:4], "big", signed=True)
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(7170412, :key)"), {"key": key})


def nearest_free(conn: Connection, shop: Workshop, wanted: dt.datetime, minutes: int, now: dt.datetime,
                 exclude: str | None = None) -> Slot | None:
    """The slot asked for if free; else the free slot of that day nearest to it, else the first free slot of
    the days after (up to SEARCH_DAYS). A day already past counts from today. Call under `lock`."""
    day = max(wanted.astimezone(shop.zone).date(), now.astimezone(shop.zone).date())
    for offset in range(SEARCH_DAYS + 1):
        candidates = slots_of_day(shop, day + dt.timedelta(days=offset), minutes)
        if not candidates:
            continue
        booked = booked_between(conn, shop.id, candidates[0].start, candidates[-1].end, exclude)
        free = [slot for slot in candidates if is_free(shop, slot, booked, now)]
        if free:
            # Nearest to the time asked for; of two as near, the later one (the parts may still be on their way).
            return min(free, key=lambda s: (abs((s.start - wanted).total_seconds()), -s.start.timestamp()))
    return None


# --- the API ------------------------------------------------------------------------------------------------

class WorkshopOut(BaseModel):
    id: str
    name: str
    lat: float
    lon: float
    address: str
    phone: str | None
    services: list[str] = Field(description="Catalog category ids it fits, plus `fitting`.")
    rating: float = Field(description="Demo rating, 1–5.")
    bays: int = Field(description="How many cars it works on at once: the capacity of every slot.")
    opening: str = Field(examples=["Mo-Fr 08:00-18:00; Sa 09:00-13:00"],
                         description="OpenStreetMap opening_hours syntax, in the workshop's time zone.")
    time_zone: str = Field(examples=["Europe/Monaco"])
    osm: str | None = Field(description="The OpenStreetMap object (`osm:node/…`) of a real place; null for a "
                                        "demo workshop.")
    distance_m: int | None = Field(None, description="From the point asked about.")


class WorkshopList(BaseModel):
    items: list[WorkshopOut] = Field(description="Nearest first.")


class SlotOut(BaseModel):
    start: AwareDatetime = Field(description="In the workshop's time zone, with its offset.")
    end: AwareDatetime
    free: bool


class SlotList(BaseModel):
    workshop_id: str
    date: dt.date
    minutes: int
    items: list[SlotOut] = Field(description="In time order; empty on a closed day.")


def present(shop: Workshop, distance: float | None = None) -> WorkshopOut:
    return WorkshopOut(id=shop.id, name=shop.name, lat=shop.lat, lon=shop.lon, address=shop.address,
                       phone=shop.phone, services=list(shop.services), rating=shop.rating, bays=shop.bays,
                       opening=shop.opening, time_zone=shop.zone.key, osm=shop.osm,
                       distance_m=None if distance is None else round(distance))


ServicesDep = Annotated[Services, Depends(get_services)]
WorkshopId = Annotated[str, Path(max_length=60)]

#: The list is reference data that changes with a release: cacheable, like the catalog's reads.
LIST_CACHE = cache_control(3600, stale_while_revalidate=86400, stale_if_error=7 * 86400)


@router.get("", response_model=WorkshopList, responses=documented(401))
def list_workshops(request: Request, device: CurrentDevice,
                   lat: Annotated[float, Query(ge=-90, le=90)], lon: Annotated[float, Query(ge=-180, le=180)],
                   radius_km: Annotated[float, Query(gt=0, le=20_000)] = 25) -> Response:
    """Partner workshops within `radius_km` of a point (the car, a place on its route), nearest first."""
    near = sorted((distance_m(lat, lon, shop.lat, shop.lon), shop.id, shop) for shop in workshops().values())
    items = [present(shop, d) for d, _, shop in near if d <= radius_km * 1000]
    return cached_json(request, WorkshopList(items=items), cache_control=LIST_CACHE)


def find(workshop_id: str) -> Workshop:
    shop = workshop(workshop_id)
    if shop is None:
        raise not_found(f"workshop {workshop_id!r}")
    return shop


@router.get("/{workshop_id}", response_model=WorkshopOut, responses=documented(401, 404))
def get_workshop(workshop_id: WorkshopId, device: CurrentDevice) -> WorkshopOut:
    """One partner workshop."""
    return present(find(workshop_id))


@router.get("/{workshop_id}/slots", response_model=SlotList, responses=documented(401, 404),
            dependencies=[Depends(no_cache)])
def list_slots(workshop_id: WorkshopId, device: CurrentDevice, services: ServicesDep,
               date: Annotated[dt.date, Query(description="YYYY-MM-DD, the workshop's local date")],
               minutes: Annotated[int, Query(ge=15, le=600, description="How long the job takes")] = 60) -> SlotList:
    """A day's installation slots and whether each is free (not begun, a bay free throughout)."""
    shop = find(workshop_id)
    now = utcnow()
    today = now.astimezone(shop.zone).date()
    if abs(date - today) > REACH:
        raise ApiError(422, "invalid_date", "date: slots are listed for at most a year before or after today")
    day = slots_of_day(shop, date, minutes)
    with services.db.read() as conn:
        booked = booked_between(conn, shop.id, day[0].start, day[-1].end) if day else []
    return SlotList(workshop_id=shop.id, date=date, minutes=minutes,
                    items=[SlotOut(start=s.start, end=s.end, free=is_free(shop, s, booked, now)) for s in day])
