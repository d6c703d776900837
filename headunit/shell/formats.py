"""Numbers as a driver reads them: ages, distances, durations, speeds, temperatures and clock times.

One formatter for the whole HMI, so the same figure reads the same on every screen, in the driver's
language (en, de, zh_CN) and units. Plain functions for Python (plugins: `from headunit.sdk import formats`);
QML writes `Format.distance(metres)`, `Format.age(seconds)`… (`import HeadUnit`).

Every function takes plain numbers (metres, seconds, km/h, °C, epoch seconds) and returns a display string;
a missing value (None, NaN, undefined) reads "–". Without an explicit `language` or unit, the functions use
the driver's settings, which the `Format` singleton keeps current (`use`).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QJSValue, QmlElement, QmlSingleton, qjsEngine

from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

#: What every function returns for a value that is missing (None or NaN): a dash.
MISSING = "–"
METRES_PER_MILE = 1609.344
FEET_PER_METRE = 3.28084
KMH_PER_MPH = 1.609344

#: What the functions use when not told otherwise: the driver's settings, set by `use`.
_current: dict[str, Any] = {"language": "en", "distanceUnit": "km", "temperatureUnit": "C", "clock24h": True}

# The words, per base language. "{n}" is the number, already formatted for the language.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "just_now": "just now", "min_ago": "{n} min ago", "h_ago": "{n} h ago", "yesterday": "yesterday",
        "days_ago": "{n} days ago",
        "m": "{n} m", "km": "{n} km", "ft": "{n} ft", "mi": "{n} mi",
        "under_min": "< 1 min", "min": "{n} min", "h_min": "{h} h {m} min",
        "kmh": "{n} km/h", "mph": "{n} mph",
        "am": "AM", "pm": "PM", "clock12": "{h}:{m} {ap}",
    },
    "de": {
        "just_now": "gerade eben", "min_ago": "vor {n} Min.", "h_ago": "vor {n} Std.", "yesterday": "gestern",
        "days_ago": "vor {n} Tagen",
        "m": "{n} m", "km": "{n} km", "ft": "{n} ft", "mi": "{n} mi",
        "under_min": "< 1 Min.", "min": "{n} Min.", "h_min": "{h} Std. {m} Min.",
        "kmh": "{n} km/h", "mph": "{n} mph",
        "am": "AM", "pm": "PM", "clock12": "{h}:{m} {ap}",
    },
    "zh": {
        "just_now": "刚刚", "min_ago": "{n}分钟前", "h_ago": "{n}小时前", "yesterday": "昨天",
        "days_ago": "{n}天前",
        "m": "{n} 米", "km": "{n} 公里", "ft": "{n} 英尺", "mi": "{n} 英里",
        "under_min": "不到 1 分钟", "min": "{n} 分钟", "h_min": "{h} 小时 {m} 分钟",
        "kmh": "{n} 公里/时", "mph": "{n} 英里/时",
        "am": "上午", "pm": "下午", "clock12": "{ap}{h}:{m}",
    },
}
#: Decimal point and thousands separator.
_SEPARATORS = {"en": (".", ","), "de": (",", "."), "zh": (".", ",")}


def use(*, language: str | None = None, distance_unit: str | None = None, temperature_unit: str | None = None,
        clock24h: bool | None = None) -> None:
    """Make these the defaults of every function (the `Format` singleton calls this when the settings change)."""
    for key, value in (("language", language), ("distanceUnit", distance_unit),
                       ("temperatureUnit", temperature_unit), ("clock24h", clock24h)):
        if value is not None:
            _current[key] = value


def current() -> dict[str, Any]:
    """The language, units and clock the functions use by default."""
    return dict(_current)


def _base(language: str | None) -> str:
    code = (language or _current["language"]).replace("-", "_").lower()
    if code.startswith("de"):
        return "de"
    if code.startswith("zh"):
        return "zh"
    return "en"


def _words(language: str | None) -> dict[str, str]:
    return _WORDS[_base(language)]


def _missing(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return True
    try:
        return not math.isfinite(float(value))
    except (TypeError, ValueError):
        return True


def _round_half_up(value: float) -> int:
    return int(math.floor(value + 0.5))


def number(value: float | None, decimals: int = 0, *, language: str | None = None) -> str:
    """`value` with `decimals` places, the language's decimal point and thousands groups: "1,234.5", "1.234,5"."""
    if _missing(value):
        return MISSING
    point, group = _SEPARATORS[_base(language)]
    value = float(value)  # type: ignore[arg-type]
    text = f"{abs(value):,.{max(0, decimals)}f}"
    if text.strip("0.,") == "":
        value = 0.0  # never "-0"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", group)
    sign = "-" if value < 0 else ""
    return f"{sign}{whole}{point}{fraction}" if fraction else f"{sign}{whole}"


def age(seconds: float | None, *, language: str | None = None) -> str:
    """How long ago: "just now", "5 min ago", "2 h ago", "yesterday", "3 days ago"."""
    if _missing(seconds):
        return MISSING
    words = _words(language)
    seconds = max(0.0, float(seconds))  # type: ignore[arg-type]
    if seconds < 60:
        return words["just_now"]
    minutes = int(seconds // 60)
    if minutes < 60:
        return words["min_ago"].format(n=minutes)
    hours = minutes // 60
    if hours < 24:
        return words["h_ago"].format(n=hours)
    if hours < 48:
        return words["yesterday"]
    return words["days_ago"].format(n=hours // 24)


def _distance_parts(metres: float, language: str | None, unit: str | None) -> tuple[str, str]:
    """(number, unit key) for `distance`."""
    if (unit or _current["distanceUnit"]) == "mi":
        feet = metres * FEET_PER_METRE
        if feet < 528 - 25:  # a tenth of a mile, less the rounding
            step = 10 if feet < 100 else 50
            return number(round(feet / step) * step, language=language), "ft"
        miles = metres / METRES_PER_MILE
        if round(miles, 1) < 10:
            return number(miles, 1, language=language), "mi"
        return number(round(miles), language=language), "mi"
    if metres < 975:
        step = 10 if metres < 300 else 50
        return number(round(metres / step) * step, language=language), "m"
    km = metres / 1000
    if round(km, 1) < 10:
        return number(km, 1, language=language), "km"
    return number(round(km), language=language), "km"


def distance(metres: float | None, *, language: str | None = None, unit: str | None = None) -> str:
    """"80 m", "700 m", "1.2 km", "12 km" (de "1,2 km", zh "1.2 公里"); with `unit` "mi": "500 ft", "0.8 mi"."""
    if _missing(metres):
        return MISSING
    value, key = _distance_parts(max(0.0, float(metres)), language, unit)  # type: ignore[arg-type]
    return _words(language)[key].format(n=value)


def distance_value(metres: float | None, *, language: str | None = None, unit: str | None = None) -> str:
    """The number of `distance` alone ("1.2"), for a figure drawn apart from its unit."""
    if _missing(metres):
        return MISSING
    return _distance_parts(max(0.0, float(metres)), language, unit)[0]  # type: ignore[arg-type]


def distance_unit(metres: float | None, *, language: str | None = None, unit: str | None = None) -> str:
    """The unit `distance` uses for `metres` alone ("km", zh "公里")."""
    key = "km" if (unit or _current["distanceUnit"]) == "km" else "mi"
    if not _missing(metres):
        key = _distance_parts(max(0.0, float(metres)), language, unit)[1]  # type: ignore[arg-type]
    return _words(language)[key].format(n="").strip()


def duration(seconds: float | None, *, language: str | None = None) -> str:
    """How long: "< 1 min", "12 min", "1 h 05 min" (de "1 Std. 05 Min.", zh "1 小时 05 分钟")."""
    if _missing(seconds):
        return MISSING
    words = _words(language)
    seconds = max(0.0, float(seconds))  # type: ignore[arg-type]
    if seconds < 60:
        return words["under_min"]
    minutes = _round_half_up(seconds / 60)
    if minutes < 60:
        return words["min"].format(n=minutes)
    return words["h_min"].format(h=minutes // 60, m=f"{minutes % 60:02d}")


def _speed_parts(kmh: float, language: str | None, unit: str | None) -> tuple[str, str]:
    if (unit or _current["distanceUnit"]) == "mi":
        return number(_round_half_up(max(0.0, kmh) / KMH_PER_MPH), language=language), "mph"
    return number(_round_half_up(max(0.0, kmh)), language=language), "kmh"


def speed(kmh: float | None, *, language: str | None = None, unit: str | None = None) -> str:
    """"50 km/h" (zh "50 公里/时"), or "31 mph" when distances are in miles."""
    if _missing(kmh):
        return MISSING
    value, key = _speed_parts(float(kmh), language, unit)  # type: ignore[arg-type]
    return _words(language)[key].format(n=value)


def speed_value(kmh: float | None, *, language: str | None = None, unit: str | None = None) -> str:
    """The number of `speed` alone ("50"), for a figure drawn apart from its unit."""
    if _missing(kmh):
        return MISSING
    return _speed_parts(float(kmh), language, unit)[0]  # type: ignore[arg-type]


def speed_unit(*, language: str | None = None, unit: str | None = None) -> str:
    """The unit `speed` uses ("km/h", zh "公里/时", "mph")."""
    key = "mph" if (unit or _current["distanceUnit"]) == "mi" else "kmh"
    return _words(language)[key].format(n="").strip()


def _in_unit(celsius: float, unit: str | None) -> int:
    value = celsius * 9 / 5 + 32 if (unit or _current["temperatureUnit"]) == "F" else celsius
    return _round_half_up(value)


def degrees(celsius: float | None, *, language: str | None = None, unit: str | None = None) -> str:
    """The short form, where the unit is plain from the page: "8°" (in °F when the driver chose it)."""
    if _missing(celsius):
        return MISSING
    return f"{number(_in_unit(float(celsius), unit), language=language)}°"  # type: ignore[arg-type]


def temperature(celsius: float | None, *, language: str | None = None, unit: str | None = None) -> str:
    """"8 °C" or "46 °F": the unit once."""
    if _missing(celsius):
        return MISSING
    symbol = "°F" if (unit or _current["temperatureUnit"]) == "F" else "°C"
    return f"{number(_in_unit(float(celsius), unit), language=language)} {symbol}"  # type: ignore[arg-type]


def clock(epoch_seconds: float | None, *, language: str | None = None, clock24h: bool | None = None) -> str:
    """The local time of `epoch_seconds` without seconds: "14:05", or "2:05 PM" (zh "下午2:05") on a 12-hour clock."""
    if _missing(epoch_seconds):
        return MISSING
    when = dt.datetime.fromtimestamp(float(epoch_seconds))  # type: ignore[arg-type]
    if clock24h if clock24h is not None else _current["clock24h"]:
        return f"{when.hour:02d}:{when.minute:02d}"
    words = _words(language)
    hour = when.hour % 12 or 12
    return words["clock12"].format(h=hour, m=f"{when.minute:02d}", ap=words["am" if when.hour < 12 else "pm"])


_FUNCTIONS = {"age": 1, "distance": 1, "distanceValue": 1, "distanceUnit": 1, "duration": 1, "speed": 1,
              "speedValue": 1, "speedUnit": 0,
              "temperature": 1, "degrees": 1, "clock": 1, "number": 2}


class _Calls(QObject):
    """The slots QML's `Format` functions call."""

    @Slot("QVariant", result=str)
    def age(self, seconds: Any) -> str:
        return age(seconds)

    @Slot("QVariant", result=str)
    def distance(self, metres: Any) -> str:
        return distance(metres)

    @Slot("QVariant", result=str)
    def distanceValue(self, metres: Any) -> str:
        return distance_value(metres)

    @Slot("QVariant", result=str)
    def distanceUnit(self, metres: Any) -> str:
        return distance_unit(metres)

    @Slot("QVariant", result=str)
    def duration(self, seconds: Any) -> str:
        return duration(seconds)

    @Slot("QVariant", result=str)
    def speed(self, kmh: Any) -> str:
        return speed(kmh)

    @Slot("QVariant", result=str)
    def speedValue(self, kmh: Any) -> str:
        return speed_value(kmh)

    @Slot(result=str)
    def speedUnit(self) -> str:
        return speed_unit()

    @Slot("QVariant", result=str)
    def temperature(self, celsius: Any) -> str:
        return temperature(celsius)

    @Slot("QVariant", result=str)
    def degrees(self, celsius: Any) -> str:
        return degrees(celsius)

    @Slot("QVariant", result=str)
    def clock(self, epoch_seconds: Any) -> str:
        return clock(epoch_seconds)

    @Slot("QVariant", "QVariant", result=str)
    def number(self, value: Any, decimals: Any) -> str:
        return number(value, int(decimals) if not _missing(decimals) else 0)


@QmlElement
@QmlSingleton
class Format(QObject):
    """QML's formatter: `Format.distance(metres)`, `Format.age(seconds)`, `Format.duration(seconds)`,
    `Format.speed(kmh)`, `Format.temperature(celsius)`, `Format.degrees(celsius)`, `Format.clock(epochSeconds)`,
    `Format.number(value, decimals)`, and `Format.distanceValue` / `Format.distanceUnit`, `Format.speedValue` /
    `Format.speedUnit()` for a figure drawn apart from its unit.

    Each is a function-valued property that changes with the driver's language and units, so a binding
    that calls one is re-evaluated when they change.
    """

    create = singleton_of("format")

    changed = Signal()

    def __init__(self, settings: QObject | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._calls = _Calls(self)
        self._functions: dict[str, QJSValue] = {}
        self._engine: Any = None
        self._settings = settings
        if settings is not None:
            settings.changed.connect(self._follow)
            self._follow()

    def _follow(self) -> None:
        get = self._settings.get  # type: ignore[union-attr]
        before = current()
        use(language=get("language"), distance_unit=get("distanceUnit"), temperature_unit=get("temperatureUnit"),
            clock24h=bool(get("clock24h")))
        if current() != before:
            self.changed.emit()

    def _function(self, name: str) -> QJSValue:
        engine = qjsEngine(self)
        if engine is None:
            return QJSValue()
        if engine is not self._engine:
            self._engine, self._functions = engine, {}
            calls = engine.newQObject(self._calls)
            make = engine.evaluate(
                "(function (calls) { return {"
                + ", ".join(f"{n}: function ({', '.join('ab'[:arity])}) {{ return calls.{n}({', '.join('ab'[:arity])}) }}"
                            for n, arity in _FUNCTIONS.items())
                + "} })")
            table = make.call([calls])
            self._functions = {n: table.property(n) for n in _FUNCTIONS}
        return self._functions[name]

    # One function-valued property per formatter in _FUNCTIONS, declared here so that qmllint knows them.

    @Property(QJSValue, notify=changed, final=True)
    def age(self) -> QJSValue:
        return self._function("age")

    @Property(QJSValue, notify=changed, final=True)
    def distance(self) -> QJSValue:
        return self._function("distance")

    @Property(QJSValue, notify=changed, final=True)
    def distanceValue(self) -> QJSValue:
        return self._function("distanceValue")

    @Property(QJSValue, notify=changed, final=True)
    def distanceUnit(self) -> QJSValue:
        return self._function("distanceUnit")

    @Property(QJSValue, notify=changed, final=True)
    def duration(self) -> QJSValue:
        return self._function("duration")

    @Property(QJSValue, notify=changed, final=True)
    def speed(self) -> QJSValue:
        return self._function("speed")

    @Property(QJSValue, notify=changed, final=True)
    def speedValue(self) -> QJSValue:
        return self._function("speedValue")

    @Property(QJSValue, notify=changed, final=True)
    def speedUnit(self) -> QJSValue:
        return self._function("speedUnit")

    @Property(QJSValue, notify=changed, final=True)
    def temperature(self) -> QJSValue:
        return self._function("temperature")

    @Property(QJSValue, notify=changed, final=True)
    def degrees(self) -> QJSValue:
        return self._function("degrees")

    @Property(QJSValue, notify=changed, final=True)
    def clock(self) -> QJSValue:
        return self._function("clock")

    @Property(QJSValue, notify=changed, final=True)
    def number(self) -> QJSValue:
        return self._function("number")
