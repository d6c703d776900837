"""Service reminders from the odometer and the profile: what is due, and which catalog categories hold the
parts for it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from headunit.fitment.rules import Profile

SOON_KM = 1_000
SOON_DAYS = 30


@dataclass(frozen=True)
class Interval:
    key: str
    km: int | None
    months: int | None
    categories: tuple[str, ...]
    combustion_only: bool = False


#: Typical intervals of current European service schedules; a car's own book may say otherwise.
INTERVALS = (
    Interval("oil", 15_000, 12, ("engine-oil",), combustion_only=True),
    Interval("oil_filter", 15_000, 12, ("filters",), combustion_only=True),
    Interval("air_filter", 30_000, 24, ("filters",), combustion_only=True),
    Interval("cabin_filter", 15_000, 12, ("filters",)),
    Interval("wipers", None, 12, ("wiper-blades",)),
    Interval("tyres", 40_000, None, ("tyres",)),
)


@dataclass(frozen=True)
class ServiceItem:
    key: str
    due_in_km: int | None
    due_on: datetime.date | None
    state: str  # due | soon | unknown (a time-only item never recorded) | ok
    categories: tuple[str, ...]
    #: Whether the last service was recorded; without it the km schedule is taken as kept and the date is
    #: unknown.
    recorded: bool

    def to_json(self) -> dict:
        return {"key": self.key, "due_in_km": self.due_in_km,
                "due_on": self.due_on.isoformat() if self.due_on else None, "state": self.state,
                "categories": list(self.categories), "recorded": self.recorded}


def service_plan(profile: Profile | None, odometer_km: int, history: dict[str, dict] | None = None,
                 today: datetime.date | None = None) -> list[ServiceItem]:
    """One item per service that applies to this car (no oil or air filter for an electric car), most urgent
    first. `history` maps a key to the last service: `{"km": 15000, "date": "2025-04-01"}` (either may be
    missing). Without a record, the km schedule is taken as kept (due at the next multiple of the interval)
    and the date as unknown; a time-only item (wipers) with no record is `unknown`, since nothing says how
    old the blades are: the driver is asked to check them, not told they are due."""
    today = today or datetime.date.today()
    history = history or {}
    electric = profile is not None and profile.fuel == "electric"
    items = []
    for interval in INTERVALS:
        if electric and interval.combustion_only:
            continue
        last = history.get(interval.key) or {}
        last_km, last_date = last.get("km"), _date(last.get("date"), interval.key)
        recorded = last_km is not None or last_date is not None
        due_in_km = None
        if interval.km:
            base = last_km if last_km is not None else odometer_km - odometer_km % interval.km
            due_in_km = base + interval.km - odometer_km
        due_on = _add_months(last_date, interval.months) if last_date and interval.months else None
        if interval.km is None and not recorded:
            state = "unknown"
        else:
            state = _state(due_in_km, due_on, today)
        items.append(ServiceItem(interval.key, due_in_km, due_on, state, interval.categories, recorded))
    order = {"due": 0, "soon": 1, "unknown": 2, "ok": 3}
    return sorted(items, key=lambda item: order[item.state])


def _state(due_in_km: int | None, due_on: datetime.date | None, today: datetime.date) -> str:
    if (due_in_km is not None and due_in_km <= 0) or (due_on is not None and due_on <= today):
        return "due"
    if ((due_in_km is not None and due_in_km <= SOON_KM)
            or (due_on is not None and due_on <= today + datetime.timedelta(days=SOON_DAYS))):
        return "soon"
    return "ok"


def _date(value: object, key: str) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"history.{key}.date: expected YYYY-MM-DD, got {value!r}") from None


def _add_months(day: datetime.date, months: int) -> datetime.date:
    import calendar

    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
