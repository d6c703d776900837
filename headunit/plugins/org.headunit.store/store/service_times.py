"""Appointment times: the backend's ISO 8601 times, the days a driver picks slots from, and which reminder is due.
Plain Python, no Qt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: Reminders before an appointment, in minutes, latest last.
REMINDER_LEADS_MIN = (60, 15)
#: The days whose slots a driver can pick from: today and the next six.
SLOT_DAYS = 7


def parse_time(text: str | None) -> dt.datetime | None:
    """An aware datetime from the backend's ISO 8601 text (`Z` or an offset); None for anything else."""
    if not text or not isinstance(text, str):
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def epoch(text: str | None) -> float | None:
    value = parse_time(text)
    return None if value is None else value.timestamp()


def wall_clock(text: str | None) -> str:
    """"14:30": the time as the workshop's own clock reads it (the offset the backend gave)."""
    value = parse_time(text)
    return "" if value is None else value.strftime("%H:%M")


def slot_days(today: dt.date, count: int = SLOT_DAYS) -> list[dt.date]:
    return [today + dt.timedelta(days=n) for n in range(count)]


@dataclass(frozen=True)
class Reminder:
    key: str
    booking: Mapping
    lead_min: int
    start: float


def reminder_key(booking_id: str, start: float, lead_min: int) -> str:
    """One key per booking, time and lead: a booking moved to another time is reminded of again."""
    return f"{booking_id}@{int(start)}#{lead_min}"


def _upcoming(bookings: Iterable[Mapping], now: float):
    for booking in bookings:
        if booking.get("status", "booked") != "booked" or not booking.get("booking_id"):
            continue
        start = epoch(booking.get("start"))
        if start is not None and start > now:
            yield booking, start


def due_reminders(bookings: Iterable[Mapping], sent: set[str], now: float,
                  leads: tuple[int, ...] = REMINDER_LEADS_MIN) -> tuple[list[Reminder], set[str]]:
    """(the reminders to post now, every key to record as sent).

    Of the leads whose time has come for a booking, only the latest is posted: a car switched on 10 minutes
    before an appointment says "in 15 minutes" once, not "in 60 minutes" too. The earlier leads are recorded
    as sent with it, so they never come late."""
    post, mark = [], set()
    for booking, start in _upcoming(bookings, now):
        begun = sorted(lead for lead in leads if now >= start - lead * 60)
        if not begun:
            continue
        keys = {lead: reminder_key(str(booking["booking_id"]), start, lead) for lead in begun}
        if keys[begun[0]] not in sent:
            post.append(Reminder(keys[begun[0]], booking, begun[0], start))
        mark |= set(keys.values()) - sent
    return post, mark


def next_reminder_at(bookings: Iterable[Mapping], sent: set[str], now: float,
                     leads: tuple[int, ...] = REMINDER_LEADS_MIN) -> float | None:
    """When the next reminder not yet sent is due (epoch seconds), or None."""
    times = [start - lead * 60 for booking, start in _upcoming(bookings, now) for lead in leads
             if start - lead * 60 > now and reminder_key(str(booking["booking_id"]), start, lead) not in sent]
    return min(times, default=None)


DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def opening_intervals(opening: str) -> dict[int, list[tuple[dt.time, dt.time]]]:
    """The subset of OpenStreetMap's opening_hours the partner workshops use (`Mo-Fr 08:00-12:00,14:00-18:00;
    Sa 09:00-12:00`) as weekday (Monday 0) → intervals. A part it cannot read is left out."""
    hours: dict[int, list[tuple[dt.time, dt.time]]] = {}
    for rule in filter(None, (part.strip() for part in (opening or "").split(";"))):
        days_text, _, times_text = rule.partition(" ")
        days: list[int] = []
        for item in days_text.split(","):
            first, _, last = item.partition("-")
            if first not in DAY_CODES or (last and last not in DAY_CODES):
                days = []
                break
            a, b = DAY_CODES.index(first), DAY_CODES.index(last or first)
            days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        for interval in times_text.strip().split(","):
            try:
                opens, closes = (dt.time.fromisoformat(t) for t in interval.split("-"))
            except ValueError:
                continue
            for day in days:
                hours.setdefault(day, []).append((opens, closes))
    return {day: sorted(spans) for day, spans in hours.items()}


def open_now(opening: str, local: dt.datetime) -> tuple[str, str]:
    """("open", closing time) when the workshop is open at `local` (its own clock); ("later", opening time) when
    it opens later that day; ("closed", "") otherwise; ("", "") when the hours cannot be read."""
    hours = opening_intervals(opening)
    if not hours:
        return "", ""
    now = local.time()
    for opens, closes in hours.get(local.weekday(), []):
        if opens <= now < closes:
            return "open", closes.strftime("%H:%M")
        if now < opens:
            return "later", opens.strftime("%H:%M")
    return "closed", ""
