"""Fitment the way the parts trade records it: vehicle + qualifiers per record, and a verdict for one car.

A product's fitment is a list of records (ACES/TecDoc in spirit): make, model, years, engines, fuels,
bodies, tyre sizes, plus where it goes (`position`, `quantity`) and a `condition` the owner must confirm.
`verdict` answers fits, fits if (the car's profile lacks a field the record names, or the record has a
condition), does not fit (with the reason from the closest record) or unknown. Records are parsed once
(`parse_records`) so a verdict over a whole catalog stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

FUELS = ("petrol", "diesel", "electric", "hybrid", "plug-in hybrid")
BODIES = ("hatchback", "estate", "saloon", "suv", "pickup")
KINDS = ("fits", "fits_if", "does_not_fit", "unknown")
_TYRE_SIZE = re.compile(r"(\d{3})/(\d{2}) ?Z?R ?(\d{2})")
_RECORD_KEYS = ("make", "model", "years", "engines", "fuels", "bodies", "tyre_sizes", "position", "quantity",
                "condition")


class FitmentError(ValueError):
    """A fitment record that cannot be used; `field` names it, e.g. `fitment[1].years`."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


def tyre_size_key(size: str) -> str:
    """`205/55 R16`, `205/55R16` and `205/55 r16` compare equal."""
    return re.sub(r"\s+", "", size).upper()


def _key(text: str | None) -> str | None:
    return text.strip().casefold() if text else None


# --- the car ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Profile:
    """What the car's owner told the car about it (or what its VIN said)."""

    make: str | None = None
    model: str | None = None
    year: int | None = None
    engine: str | None = None
    fuel: str | None = None
    body: str | None = None
    tyre_size: str | None = None
    vin: str | None = None
    tank_litres: float | None = None
    battery_kwh: float | None = None
    odometer_km: int | None = None

    @property
    def summary(self) -> str:
        """"2021 Volkswagen Golf 1.5 eTSI": the parts that are known, in that order."""
        return " ".join(str(part) for part in (self.year, self.make, self.model, self.engine) if part)

    @property
    def describes_a_vehicle(self) -> bool:
        """True when enough is known to judge fitment: a make, a fuel or a tyre size."""
        return bool(self.make or self.fuel or self.tyre_size)

    def to_json(self) -> dict:
        """Every field by name, None where unknown; `from_json` reads it back."""
        return {"make": self.make, "model": self.model, "year": self.year, "engine": self.engine,
                "fuel": self.fuel, "body": self.body, "tyre_size": self.tyre_size, "vin": self.vin,
                "tank_litres": self.tank_litres, "battery_kwh": self.battery_kwh,
                "odometer_km": self.odometer_km}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        """Missing keys, empty strings and a year of 0 mean unknown; unknown keys are refused."""
        if not isinstance(data, dict):
            raise FitmentError("profile", f"expected an object, got {type(data).__name__}")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise FitmentError(f"profile.{sorted(unknown)[0]}", "not a profile field")
        values: dict[str, Any] = {}
        for name in ("make", "model", "engine", "fuel", "body", "tyre_size", "vin"):
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise FitmentError(f"profile.{name}", f"expected text, got {value!r}")
            values[name] = value.strip() if value and value.strip() else None
        for name in ("year", "odometer_km"):
            value = data.get(name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise FitmentError(f"profile.{name}", f"expected a whole number ≥ 0, got {value!r}")
            values[name] = value if name == "odometer_km" else value or None  # a year of 0: unknown
        for name in ("tank_litres", "battery_kwh"):
            value = data.get(name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value <= 0):
                raise FitmentError(f"profile.{name}", f"expected a number > 0, got {value!r}")
            values[name] = value
        if values["fuel"] is not None and values["fuel"] not in FUELS:
            raise FitmentError("profile.fuel", f"expected one of {', '.join(FUELS)}, got {values['fuel']!r}")
        if values["body"] is not None and values["body"] not in BODIES:
            raise FitmentError("profile.body", f"expected one of {', '.join(BODIES)}, got {values['body']!r}")
        return cls(**values)


@dataclass(frozen=True, slots=True)
class _Car:
    """A profile in the form records compare against (case-folded once per profile, not per product)."""

    make: str | None
    model: str | None
    year: int | None
    engine: str | None
    fuel: str | None
    body: str | None
    tyre_size: str | None


#: (profile, its _Car): a catalog's verdicts all ask for the same profile object; one tuple, read and
#: replaced whole, so threads never see a profile with another's _Car.
_last_car: tuple[Profile | None, _Car | None] = (None, None)


def _car(profile: Profile) -> _Car:
    global _last_car
    last = _last_car
    if last[0] is profile:
        return last[1]  # type: ignore[return-value]
    car = _car_of(profile)
    _last_car = (profile, car)
    return car


@lru_cache(maxsize=16)
def _car_of(profile: Profile) -> _Car:
    return _Car(_key(profile.make), _key(profile.model), profile.year, _key(profile.engine), profile.fuel,
                profile.body, tyre_size_key(profile.tyre_size) if profile.tyre_size else None)


# --- records ------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Record:
    make: str | None = None
    model: str | None = None
    years: tuple[int, int | None] | None = None
    engines: tuple[str, ...] = ()
    fuels: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    tyre_sizes: tuple[str, ...] = ()
    position: str | None = None
    quantity: int | None = None
    condition: str | None = None
    # Comparison keys, computed once at parse time.
    make_key: str | None = field(default=None, repr=False, compare=False)
    model_key: str | None = field(default=None, repr=False, compare=False)
    engine_keys: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    tyre_keys: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    #: (keys, the car's attribute, confirm code, other code, param name, values) for each qualifier named.
    checks: tuple[tuple[frozenset[str], str, str, str, str, tuple[str, ...]], ...] = field(
        default=(), repr=False, compare=False)

    def to_json(self) -> dict:
        data: dict[str, Any] = {}
        if self.make:
            data["make"] = self.make
        if self.model:
            data["model"] = self.model
        if self.years:
            data["years"] = list(self.years)
        for name in ("engines", "fuels", "bodies", "tyre_sizes"):
            if getattr(self, name):
                data[name] = list(getattr(self, name))
        for name in ("position", "quantity", "condition"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name)
        return data


def parse_records(data: Any, *, name: str = "fitment") -> tuple[Record, ...]:
    """Validate a product's fitment list (None or [] for none); raises FitmentError naming the field."""
    if data is None:
        return ()
    if not isinstance(data, list):
        raise FitmentError(name, f"expected a list of records, got {type(data).__name__}")
    return tuple(_parse_record(item, f"{name}[{i}]") for i, item in enumerate(data))


def _parse_record(item: Any, where: str) -> Record:
    if not isinstance(item, dict):
        raise FitmentError(where, f"expected an object, got {type(item).__name__}")
    for key in item:
        if key not in _RECORD_KEYS:
            raise FitmentError(f"{where}.{key}", f"unknown field (expected {', '.join(_RECORD_KEYS)})")
    make = _text(item, "make", where)
    model = _text(item, "model", where)
    if model and not make:
        raise FitmentError(f"{where}.model", "a model needs its make")
    years = item.get("years")
    if years is not None:
        if (not isinstance(years, list) or len(years) != 2 or not _year(years[0])
                or not (years[1] is None or _year(years[1])) or (years[1] is not None and years[0] > years[1])):
            raise FitmentError(f"{where}.years",
                               f"expected [from, to] with from ≤ to (to may be null), got {years!r}")
        years = (years[0], years[1])
    engines = _texts(item, "engines", where)
    fuels = _texts(item, "fuels", where, allowed=FUELS)
    bodies = _texts(item, "bodies", where, allowed=BODIES)
    tyre_sizes = _texts(item, "tyre_sizes", where)
    for i, size in enumerate(tyre_sizes):
        if not _TYRE_SIZE.fullmatch(size.strip().upper()):
            raise FitmentError(f"{where}.tyre_sizes[{i}]", f"expected a size such as 205/55 R16, got {size!r}")
    if not (make or fuels or tyre_sizes):
        raise FitmentError(where, "a record names at least one of make, fuels or tyre_sizes")
    quantity = item.get("quantity")
    if quantity is not None and (isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1):
        raise FitmentError(f"{where}.quantity", f"expected a whole number ≥ 1, got {quantity!r}")
    engine_keys = frozenset(e.casefold() for e in engines)
    tyre_keys = frozenset(tyre_size_key(s) for s in tyre_sizes)
    qualifiers = ((engines, engine_keys, "engine", "confirm_engine", "other_engine", "engines"),
                  (fuels, frozenset(fuels), "fuel", "confirm_fuel", "other_fuel", "fuels"),
                  (bodies, frozenset(bodies), "body", "confirm_body", "other_body", "bodies"),
                  (tyre_sizes, tyre_keys, "tyre_size", "confirm_tyre_size", "other_tyre_size", "sizes"))
    checks = tuple((keys, attribute, confirm, other, param, values)
                   for values, keys, attribute, confirm, other, param in qualifiers if values)
    return Record(make=make, model=model, years=years, engines=engines, fuels=fuels, bodies=bodies,
                  tyre_sizes=tyre_sizes, position=_text(item, "position", where), quantity=quantity,
                  condition=_text(item, "condition", where), make_key=_key(make), model_key=_key(model),
                  engine_keys=engine_keys, tyre_keys=tyre_keys, checks=checks)


def _year(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100


def _text(item: dict, key: str, where: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise FitmentError(f"{where}.{key}", f"expected non-empty text, got {value!r}")
    return value.strip()


def _texts(item: dict, key: str, where: str, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
    value = item.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise FitmentError(f"{where}.{key}", f"expected a non-empty list of text, got {value!r}")
    for i, text in enumerate(value):
        if not isinstance(text, str) or not text.strip():
            raise FitmentError(f"{where}.{key}[{i}]", f"expected non-empty text, got {text!r}")
        if allowed and text not in allowed:
            raise FitmentError(f"{where}.{key}[{i}]", f"expected one of {', '.join(allowed)}, got {text!r}")
    return tuple(text.strip() for text in value)


# --- verdicts -----------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Condition:
    """Something the owner must confirm: a field the profile lacks (`confirm_year`…) or the record's text."""

    code: str
    params: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"code": self.code, "params": self.params}


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str  # fits | fits_if | does_not_fit | unknown
    reason: str
    params: dict = field(default_factory=dict)
    conditions: tuple[Condition, ...] = ()
    position: str | None = None
    quantity: int | None = None

    @property
    def keeps(self) -> bool:
        """Whether a "fits my car" list shows the product (fits and fits if)."""
        return self.kind in ("fits", "fits_if")

    def to_json(self) -> dict:
        return {"kind": self.kind, "reason": self.reason, "params": self.params,
                "conditions": [c.to_json() for c in self.conditions], "position": self.position,
                "quantity": self.quantity}


UNIVERSAL = Verdict("fits", "universal")
NO_DATA = Verdict("unknown", "no_data")
NO_VEHICLE = Verdict("unknown", "no_vehicle")


def verdict(records: tuple[Record, ...] | list[Record], universal: bool, profile: Profile | None) -> Verdict:
    """The verdict for one product. Across records fits beats fits if, which beats unknown, which beats does
    not fit; a does-not-fit reason comes from the record that matched the most before it failed (the same
    make and model with other years is closer than another make)."""
    if universal:
        return UNIVERSAL
    if not records:
        return NO_DATA
    if profile is None or not (profile.make or profile.fuel or profile.tyre_size):
        return NO_VEHICLE
    car = _car(profile)
    best_fits_if: Verdict | None = None
    unknown = False
    closest: tuple[int, str, dict] | None = None  # (criteria met, reason, params)
    other_make: Record | None = None
    other_model: Record | None = None
    # Verdict objects are built only for the answer: a catalog mostly holds other makes and models.
    for record in records:
        make = record.make_key
        if make is not None:
            if car.make is None:
                unknown = True
                continue
            if make != car.make:
                other_make = other_make or record
                continue
            if record.model_key is not None:
                if car.model is None:
                    unknown = True
                    continue
                if record.model_key != car.model:
                    other_model = other_model or record
                    continue
        matched, failure, conditions = _judge(record, car)
        if failure is not None:
            if closest is None or matched > closest[0]:
                closest = (matched, failure[0], failure[1])
        elif not conditions:
            return Verdict("fits", "matches", {}, (), record.position, record.quantity)
        elif best_fits_if is None or len(conditions) < len(best_fits_if.conditions):
            best_fits_if = Verdict("fits_if", "matches", {}, tuple(conditions), record.position, record.quantity)
    if best_fits_if is not None:
        return best_fits_if
    if unknown:
        return NO_VEHICLE
    if closest is not None and (closest[0] > 1 or other_model is None):
        return Verdict("does_not_fit", closest[1], closest[2])
    if other_model is not None:  # the make matched: closer than another make
        return Verdict("does_not_fit", "other_model", {"model": other_model.model})
    assert other_make is not None
    return Verdict("does_not_fit", "other_make", {"make": other_make.make})


def _judge(record: Record, car: _Car) -> tuple[int, tuple[str, dict] | None, list[Condition]]:
    """For a record whose make and model (if named) are the car's: (criteria met, counting make and model;
    the first does-not-fit reason and its params, or None; the conditions to confirm)."""
    matched = (record.make_key is not None) + (record.model_key is not None)
    conditions: list[Condition] = []
    failure: tuple[str, dict] | None = None
    if record.years is not None:
        start, end = record.years
        if car.year is None:
            conditions.append(Condition("confirm_year", {"from": start, "to": end}))
        elif car.year < start or (end is not None and car.year > end):
            failure = ("other_years", {"from": start, "to": end})
        else:
            matched += 1
    for keys, attribute, confirm, other, param, values in record.checks:
        have = getattr(car, attribute)
        if have is None:
            conditions.append(Condition(confirm, {param: list(values)}))
        elif have not in keys:
            if failure is None:
                failure = (other, {param: list(values)})
        else:
            matched += 1
    if failure is None and record.condition:
        conditions.append(Condition("confirm", {"text": record.condition}))
    return matched, failure, conditions
