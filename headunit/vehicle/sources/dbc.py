"""Which DBC signals carry which readings, and how a decoded value becomes a reading (cantools).

A reading is bound to a signal named in the spec (`speed=VehicleSpeed`, or `speed=ABS_1.VehicleSpeed` where
two messages share a name) or, by default, to the first signal whose name, ignoring case and `_`, is one of
ALIASES' names for it. Gear needs the signal's value table (VAL_): its names give P/R/N/D. Booleans read a
value table's words (On/Applied/Active...) or any non-zero number. A value the table names but that is no gear
or state (Invalid, SNA...) is not published, so that reading ages as if its frames had stopped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cantools.database.can import Database, Message, Signal

#: reading -> signal names it is bound to by default (compared lower-case without "_"), most specific first.
ALIASES: dict[str, tuple[str, ...]] = {
    "speed": ("vehiclespeed", "wheelbasedvehiclespeed", "vehspeed", "speed"),
    "gear": ("gearlever", "gearselector", "gearposition", "selectedgear", "prndl", "gear"),
    "headlights": ("headlights", "headlamps", "lowbeam", "dippedbeam"),
    "parkingBrake": ("parkingbrake", "parkbrake", "handbrake", "epbapplied"),
    "rpm": ("enginespeed", "enginerpm", "rpm"),
}
GEAR_WORDS = {"p": "P", "park": "P", "r": "R", "reverse": "R", "n": "N", "neutral": "N", "d": "D", "drive": "D"}
#: Forward gears other than D that a selector may name: manual, sport, low, brake (regenerative), 1st to 9th.
FORWARD = re.compile(r"^(?:[dms]?[1-9]|m|s|sport|manual|l|low|b|ds|first|second|third|fourth|fifth|sixth|seventh|"
                     r"eighth|ninth|gear[1-9])$")
ON_WORDS = {"on", "active", "true", "yes", "applied", "engaged", "set", "lit"}
OFF_WORDS = {"off", "inactive", "false", "no", "released", "disengaged", "notapplied", "notactive", "clear"}
#: Speed units a DBC may give -> factor to km/h.
SPEED_UNITS = {"": 1.0, "km/h": 1.0, "kmh": 1.0, "kph": 1.0, "kmph": 1.0, "km/hr": 1.0, "mph": 1.609344,
               "m/s": 3.6}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@dataclass(frozen=True)
class Binding:
    reading: str
    message: Message
    signal: Signal
    #: decoded value (number, or the value table's entry) -> reading, or None for "not a value to publish".
    convert: Callable[[object], object | None]


def load(path: str) -> Database:
    """The DBC at `path`; raise ValueError saying what is wrong with it."""
    import cantools

    try:
        db = cantools.database.load_file(path, database_format="dbc")
        assert isinstance(db, cantools.database.can.Database)  # what the dbc format always gives
    except OSError as exc:
        raise ValueError(f"DBC file {path}: {exc.strerror or exc}") from None
    except (cantools.database.Error, UnicodeDecodeError) as exc:  # cantools' parse errors name line and column
        raise ValueError(f"DBC file {path} does not parse: {exc}") from None
    if not db.messages:
        raise ValueError(f"DBC file {path} defines no messages")
    return db


def bind(db: Database, named: dict[str, str], path: str) -> list[Binding]:
    """One binding per reading: those `named` (reading -> signal), else found by ALIASES; raise ValueError."""
    bindings = []
    for reading, aliases in ALIASES.items():
        found = _named(db, named[reading], path) if reading in named else _by_alias(db, aliases)
        if found is None:
            continue
        bindings.append(Binding(reading, *found, _converter(reading, found[1], path)))
    if not bindings:
        raise ValueError(f"DBC file {path}: no signal is named like a reading ({_examples()}); "
                         f"name them in the spec, e.g. speed=MySpeedSignal")
    return bindings


def _named(db: Database, name: str, path: str) -> tuple[Message, Signal]:
    message_name, _, signal_name = name.rpartition(".")
    for message in db.messages:
        if message_name and message.name != message_name:
            continue
        for signal in message.signals:
            if signal.name == signal_name:
                return message, signal
    raise ValueError(f"DBC file {path} has no signal {name}")


def _by_alias(db: Database, aliases: tuple[str, ...]) -> tuple[Message, Signal] | None:
    for alias in aliases:
        for message in db.messages:
            for signal in message.signals:
                if _key(signal.name) == alias:
                    return message, signal
    return None


def _examples() -> str:
    return ", ".join(f"{reading}: {aliases[0]}" for reading, aliases in ALIASES.items())


def _converter(reading: str, signal: Signal, path: str) -> Callable[[object], object | None]:
    choices = {int(raw): str(name) for raw, name in (signal.choices or {}).items()}
    if reading == "gear":
        if not choices:
            raise ValueError(f"DBC file {path}: gear signal {signal.name} has no value table (VAL_) "
                             f"to read P, R, N or D from")
        return _table({raw: _gear(name) for raw, name in choices.items()})
    if reading in ("headlights", "parkingBrake"):
        if choices:
            return _table({raw: _flag(name) for raw, name in choices.items()})
        return lambda value: bool(value) if isinstance(value, int | float) else None
    factor = 1.0
    if reading == "speed":
        unit = (signal.unit or "").strip().lower()
        if unit not in SPEED_UNITS:
            raise ValueError(f"DBC file {path}: speed signal {signal.name} is in {signal.unit!r}, "
                             f"not one of km/h, mph, m/s")
        factor = SPEED_UNITS[unit]
    # A number the value table names (0xFFFF "SNA") is a state, not a speed.
    return lambda value: float(value) * factor if isinstance(value, int | float) else None


def _table(table: dict[int, object | None]) -> Callable[[object], object | None]:
    def convert(value: object) -> object | None:
        raw = getattr(value, "value", value)  # cantools' NamedSignalValue keeps the raw number
        return table.get(raw) if isinstance(raw, int) else None

    return convert


def _gear(name: str) -> str | None:
    key = _key(name)
    return GEAR_WORDS.get(key) or ("D" if FORWARD.match(key) else None)


def _flag(name: str) -> bool | None:
    key = _key(name)
    return True if key in ON_WORDS else False if key in OFF_WORDS else None
