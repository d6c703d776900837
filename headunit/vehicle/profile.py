"""VehicleProfile: which car this head unit is in, for the store's fitment and the maintenance reminders.

Make, model, year, engine and fuel, body, tank or battery size, tyre size and odometer, entered in Settings ›
Vehicle by VIN (decoded on the car, then enriched by the backend when the car has a link) or picked from the
reference list (`headunit.fitment.vehicle_list()`). Changes are accepted only while the car is parked.

Kept as JSON in the shell's profile folder (0600, written atomically off the GUI thread); a file that cannot be
read is moved aside, with a log line naming it, and the profile starts empty. The emulator starts with the
simulated car when nothing is saved. The odometer grows with the distance driven, integrated from the speed
readings, and is saved every 0.5 km and when the shell stops.

Plugins read it through `ctx.vehicle.profile` (a `VehicleProfileView`: the same properties, no setters), QML
through the singleton `VehicleProfile`. Nothing from `headunit.fitment` is imported until it is needed (a VIN
typed, the pick lists shown, `data()` asked): start-up reads only the small JSON file.
"""

from __future__ import annotations

import datetime
import json
import logging
import math
import os
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.shell.qml_services import singleton_of

if TYPE_CHECKING:
    from headunit.shell.cloud import Cloud
    from headunit.vehicle.driving import DrivingState
    from headunit.vehicle.state import VehicleState

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

FILE_NAME = "vehicle.json"
#: Readings further apart than this are a gap (the signal was lost): no distance is guessed across it.
MAX_GAP_S = 2.0
#: The odometer is written at most this often while driving (and always when the shell stops).
SAVE_EVERY_KM = 0.5
#: The odometer's change signal fires when its tenth of a kilometre changes, not on every reading.
SHOWN_STEP_KM = 0.1
MAX_ODOMETER_KM = 2_000_000.0
LOOKUP_TIMEOUT_S = 5.0

FUELS = ("petrol", "diesel", "electric", "hybrid", "plug-in hybrid")
BODIES = ("hatchback", "estate", "saloon", "suv", "pickup")
#: The backend's words (vPIC's among them) for fuels and bodies, as the reference list names them.
_FUEL_WORDS = {"gasoline": "petrol", "flexible fuel vehicle (ffv)": "petrol", "diesel": "diesel",
               "electric": "electric"}
_BODY_WORDS = {"sedan/saloon": "saloon", "wagon": "estate", "hatchback/liftback/notchback": "hatchback",
               "sport utility vehicle (suv)/multi-purpose vehicle (mpv)": "suv", "crossover utility vehicle (cuv)": "suv",
               "pickup": "pickup"}

#: QML property -> (Python type, value when unknown). The §1 Profile JSON uses the snake_case names below.
FIELDS: dict[str, tuple[type, Any]] = {
    "vin": (str, ""), "make": (str, ""), "model": (str, ""), "year": (int, 0), "engine": (str, ""),
    "fuel": (str, ""), "body": (str, ""), "tankLitres": (float, 0.0), "batteryKwh": (float, 0.0),
    "tyreSize": (str, ""), "odometerKm": (float, 0.0),
}
JSON_NAMES = {"vin": "vin", "make": "make", "model": "model", "year": "year", "engine": "engine", "fuel": "fuel",
              "body": "body", "tankLitres": "tank_litres", "batteryKwh": "battery_kwh", "tyreSize": "tyre_size",
              "odometerKm": "odometer_km"}
#: What plugins and the sandbox mirror read: the fields and what follows from them.
PUBLIC = (*FIELDS, "configured", "summary")


def profile_json(values: dict[str, Any]) -> dict[str, Any]:
    """The §1 Profile JSON (headunit.fitment's `Profile.to_json()`) of the profile's values: unknowns are None."""
    out: dict[str, Any] = {}
    for name, key in JSON_NAMES.items():
        value = values.get(name, FIELDS[name][1])
        out[key] = value if value else (0.0 if name == "odometerKm" else None)
    out["odometer_km"] = int(float(values.get("odometerKm", 0.0)))  # whole kilometres, as the Profile has it
    return out


def values_from_json(data: Any, where: str) -> dict[str, Any]:
    """The profile's values from Profile JSON; raises ValueError naming the field that is wrong."""
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected an object, got {type(data).__name__}")
    values = {name: empty for name, (_, empty) in FIELDS.items()}
    for name, key in JSON_NAMES.items():
        value = data.get(key)
        if value is None:
            continue
        kind = FIELDS[name][0]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ValueError(f"{where}.{key}: expected {kind.__name__}, got {value!r}")
        if kind is float and (math.isnan(value) or value < 0):
            raise ValueError(f"{where}.{key}: expected a number ≥ 0, got {value!r}")
        values[name] = value
    return values


def summary_of(values: dict[str, Any]) -> str:
    """"2021 Volkswagen Golf 1.5 eTSI", as fitment's `Profile.summary` reads; "" for an empty profile."""
    parts = [str(values["year"]) if values.get("year") else "", values.get("make", ""), values.get("model", ""),
             values.get("engine", "")]
    return " ".join(p for p in parts if p)


def _write_private(path: Path, text: str) -> None:
    """Atomically, as every profile file: the folder 0700, the file 0600 before a byte is in it."""
    from headunit.sync.files import private_file, private_folder

    private_folder(path.parent)
    tmp = private_file(path.with_name(path.name + ".tmp"))
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(path)


def _entry(item: Any, key: str) -> Any:
    """A field of a reference-list entry, whether the list gives mappings or objects."""
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


def _years_label(years: Any) -> str:
    start, end = (list(years or []) + [None, None])[:2]
    return f"{start}–{end}" if end else f"{start}–"


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the vehicle profile")
class VehicleProfile(QObject):
    """The car's profile, its editing (parked only) and its persistence."""

    create = singleton_of("vehicle_profile")

    #: Any property changed (the odometer: its tenth of a kilometre).
    changed = Signal()
    #: Whether edits are accepted now changed (the car parked or drove off).
    editableChanged = Signal()
    #: The VIN's report, or the backend's answer about it, changed.
    vinChanged = Signal()
    #: An edit was refused: why, for the driver.
    refused = Signal(str)
    # From the lookup thread to the GUI thread: the VIN asked about, the answer (or None), the failure (or "").
    _answered = Signal(str, object, str)

    def __init__(self, path: Path | None = None, vehicle: "VehicleState | None" = None,
                 driving: "DrivingState | None" = None, cloud: "Cloud | None" = None, io: Executor | None = None,
                 *, default: Callable[[], Any] | None = None, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None):
        """`default` gives the Profile (headunit.fitment) to start with when nothing is saved; `io` writes the file
        (None: at once, on the calling thread)."""
        super().__init__(parent)
        self._path, self._vehicle, self._driving, self._cloud, self._io = path, vehicle, driving, cloud, io
        self._clock = clock
        self._values: dict[str, Any] = {name: empty for name, (_, empty) in FIELDS.items()}
        self._generation = ""
        self._report: dict[str, Any] | None = None
        self._lookup_state = ""
        self._lookup: dict[str, Any] = {}
        self._lookups: ThreadPoolExecutor | None = None  # made for the first VIN the backend is asked about
        self._closed = False
        self._last_speed: tuple[float, float] | None = None  # (when, km/h)
        self._saved_km = 0.0
        self._dirty = False
        self._load(default)
        self._saved_km = self._values["odometerKm"]
        self._shown_step = self._step()
        self._answered.connect(self._apply_answer)
        if vehicle is not None:
            vehicle.updated.connect(self._on_readings)
        if driving is not None:
            driving.stateChanged.connect(self.editableChanged)

    # Persistence

    def _load(self, default: Callable[[], Any] | None) -> None:
        if self._path is None:
            return
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            if default is not None:
                try:
                    self._values = values_from_json(default().to_json(), "default profile")
                except Exception as exc:  # noqa: BLE001 - the shell starts with an empty profile rather than not at all
                    log.error("the default vehicle profile: %s", exc)
                    return
                self._dirty = True  # saved when the shell stops: the next start needs no reference list
            return
        except OSError as exc:
            log.warning("%s: cannot be read (%s); the vehicle profile starts empty", self._path, exc)
            return
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError(f"expected an object, got {type(data).__name__}")
            self._values = values_from_json(data.get("profile", {}), "profile")
            exact = data.get("odometer_exact_km")
            if exact is not None:
                if isinstance(exact, bool) or not isinstance(exact, (int, float)) or not 0 <= exact <= MAX_ODOMETER_KM:
                    raise ValueError(f"odometer_exact_km: expected a number of km, got {exact!r}")
                self._values["odometerKm"] = float(exact)
            generation = data.get("generation") or ""
            if not isinstance(generation, str):
                raise ValueError(f"generation: expected a string, got {generation!r}")
            self._generation = generation
        except ValueError as exc:
            aside = self._path.with_name(self._path.name + ".bad")
            log.warning("%s: unreadable vehicle profile (%s); moved aside to %s, the profile starts empty",
                        self._path, exc, aside)
            self._values = {name: empty for name, (_, empty) in FIELDS.items()}
            try:
                self._path.replace(aside)
            except OSError as move_error:
                log.warning("%s: could not be moved aside: %s", self._path, move_error)

    def _snapshot_text(self) -> str:
        # The Profile keeps whole kilometres; the metres driven since are kept beside it.
        return json.dumps({"profile": profile_json(self._values), "generation": self._generation,
                           "odometer_exact_km": round(self._values["odometerKm"], 4)}, indent=2, ensure_ascii=False)

    def save(self) -> None:
        """Write the profile now (off the GUI thread when the shell gave an executor)."""
        self._dirty = False
        self._saved_km = self._values["odometerKm"]
        if self._path is None:
            return
        text, path = self._snapshot_text(), self._path
        if self._io is not None and not self._closed:
            self._io.submit(self._write, path, text)
        else:
            self._write(path, text)

    @staticmethod
    def _write(path: Path, text: str) -> None:
        try:
            _write_private(path, text)
        except OSError as exc:
            log.error("%s: the vehicle profile could not be saved: %s", path, exc)

    def close(self) -> None:
        """The shell stops: the odometer's last metres are saved; a lookup still out is forgotten."""
        if self._closed:
            return
        self._closed = True
        if self._dirty:
            self.save()
        if self._lookups is not None:
            self._lookups.shutdown(wait=False, cancel_futures=True)

    # What everything reads

    def value(self, name: str) -> Any:
        if name == "configured":
            return bool(self._values["make"] or self._values["fuel"] or self._values["tyreSize"])
        if name == "summary":
            return summary_of(self._values)
        return self._values[name]

    def snapshot(self) -> dict[str, Any]:
        """Every public property by its QML name (what a sandboxed plugin's copy follows)."""
        return {name: self.value(name) for name in PUBLIC}

    @Slot(result="QVariantMap")
    def data(self) -> dict[str, Any]:
        """The profile as §1 Profile JSON (make, model, year, engine, fuel, body, tyre_size, vin, tank_litres,
        battery_kwh, odometer_km; unknowns None)."""
        return profile_json(self._values)

    # One property per name in PUBLIC.

    @Property(str, notify=changed, final=True)
    def vin(self) -> str:
        return self.value("vin")

    @Property(str, notify=changed, final=True)
    def make(self) -> str:
        return self.value("make")

    @Property(str, notify=changed, final=True)
    def model(self) -> str:
        return self.value("model")

    @Property(int, notify=changed, final=True)
    def year(self) -> int:
        return self.value("year")

    @Property(str, notify=changed, final=True)
    def engine(self) -> str:
        return self.value("engine")

    @Property(str, notify=changed, final=True)
    def fuel(self) -> str:
        return self.value("fuel")

    @Property(str, notify=changed, final=True)
    def body(self) -> str:
        return self.value("body")

    @Property(float, notify=changed, final=True)
    def tankLitres(self) -> float:
        return self.value("tankLitres")

    @Property(float, notify=changed, final=True)
    def batteryKwh(self) -> float:
        return self.value("batteryKwh")

    @Property(str, notify=changed, final=True)
    def tyreSize(self) -> str:
        return self.value("tyreSize")

    @Property(float, notify=changed, final=True)
    def odometerKm(self) -> float:
        return self.value("odometerKm")

    @Property(bool, notify=changed, final=True)
    def configured(self) -> bool:
        return self.value("configured")

    @Property(str, notify=changed, final=True)
    def summary(self) -> str:
        return self.value("summary")

    @Property(str, notify=changed, final=True)
    def generation(self) -> str:
        """The reference list's generation ("Mk8"), as picked, or the one whose years hold the profile's year."""
        if self._generation or not (self._values["make"] and self._values["model"]):
            return self._generation
        year = self._values["year"]
        for entry in self._entries(self._values["make"], self._values["model"]):
            start, end = (list(_entry(entry, "years") or []) + [None, None])[:2]
            if year and start and start <= year <= (end or 9999):
                return _entry(entry, "generation") or ""
        return ""

    @Property(bool, notify=editableChanged, final=True)
    def editable(self) -> bool:
        """Changes are accepted now: the car is parked."""
        return self._driving is not None and self._driving.parked

    @Property(str, notify=editableChanged, final=True)
    def editReason(self) -> str:
        """Why changes are not accepted now; "" when they are."""
        return "" if self.editable else self._refusal()

    def _refusal(self) -> str:
        return QCoreApplication.translate("VehicleProfile", "The vehicle can be changed when parked")

    # Editing (parked only)

    def _may_edit(self, what: str) -> bool:
        if self.editable:
            return True
        reason = self._refusal()
        log.info("vehicle profile: %s refused: %s", what, reason)
        self.refused.emit(reason)
        return False

    def _set(self, **values: Any) -> None:
        changed = False
        for name, value in values.items():
            if self._values[name] != value:
                self._values[name] = value
                changed = True
        if changed:
            self._shown_step = self._step()
            self.changed.emit()
            self.save()

    @Slot(str, result=bool)
    def setVin(self, text: str) -> bool:
        """Decode `text` on the car: a valid VIN is kept with the make and model year it gives, and the backend is
        asked for the rest when the car has a link. False when refused (not parked, or not a valid VIN:
        `vinReport` says why)."""
        if not self._may_edit("setVin"):
            return False
        from headunit.fitment.vin import decode as decode_vin

        report = decode_vin(str(text))
        self._report = report_json(report)
        self._lookup_state, self._lookup = "", {}
        self.vinChanged.emit()
        if not report.valid:
            return False
        values: dict[str, Any] = {"vin": report.vin}
        if report.make and report.make != self._values["make"]:
            values.update(make=report.make, model="", engine="", fuel="", body="", tankLitres=0.0, batteryKwh=0.0,
                          tyreSize="")
            self._generation = ""
        if report.model_year:
            values["year"] = report.model_year
        self._set(**values)
        self._ask_backend(report.vin)
        return True

    @Slot(str, str, str, str, result=bool)
    def pick(self, make: str, model: str, generation: str, variant: str) -> bool:
        """Choose from the reference list, as far as the driver got: `make` alone, then its `model`, a
        `generation` of it, a `variant` (its engine). What no longer matches the choice is cleared; a variant
        fills the fuel and the tank or battery size, a generation with one body or tyre size fills that."""
        if not self._may_edit("pick"):
            return False
        make, model, generation, variant = (str(v or "") for v in (make, model, generation, variant))
        values: dict[str, Any] = {"make": make, "model": model}
        if make != self._values["make"] and self._values["make"]:
            values.update(vin="", year=0)  # the VIN and its year were another car's
            self._report, self._lookup_state, self._lookup = None, "", {}
            self.vinChanged.emit()
        if make != self._values["make"] or model != self._values["model"]:
            values.update(engine="", fuel="", body="", tankLitres=0.0, batteryKwh=0.0, tyreSize="")
        entry = self._generation_entry(make, model, generation)
        self._generation = generation if entry is not None else ""
        if entry is not None:
            start, end = (list(_entry(entry, "years") or []) + [None, None])[:2]
            year = values.get("year", self._values["year"])
            if year and not (start <= year <= (end or 9999)):
                values["year"] = 0
            bodies, sizes = list(_entry(entry, "bodies") or []), list(_entry(entry, "tyre_sizes") or [])
            body = values.get("body", self._values["body"])
            values["body"] = body if body in bodies else (bodies[0] if len(bodies) == 1 else "")
            size = values.get("tyreSize", self._values["tyreSize"])
            values["tyreSize"] = size if size in sizes else (sizes[0] if len(sizes) == 1 else "")
            engines = {_entry(v, "engine"): v for v in _entry(entry, "variants") or []}
            if variant in engines:
                values.update(_variant_values(engines[variant]))
            elif values.get("engine", self._values["engine"]) not in engines:
                values.update(engine="", fuel="", tankLitres=0.0, batteryKwh=0.0)  # another generation's engine
        self._set(**values)
        return True

    @Slot(int, result=bool)
    def setYear(self, year: int) -> bool:
        """The model year (0: unknown)."""
        this_year = datetime.date.today().year
        if not (year == 0 or 1950 <= year <= this_year + 1):
            log.warning("vehicle profile: year %r is not between 1950 and %d", year, this_year + 1)
            return False
        if not self._may_edit("setYear"):
            return False
        self._set(year=int(year))
        return True

    @Slot(str, result=bool)
    def setBody(self, body: str) -> bool:
        """One of hatchback, estate, saloon, suv, pickup ("" unknown)."""
        if body and body not in BODIES:
            log.warning("vehicle profile: body %r is not one of %s", body, ", ".join(BODIES))
            return False
        if not self._may_edit("setBody"):
            return False
        self._set(body=body)
        return True

    @Slot(str, result=bool)
    def setTyreSize(self, size: str) -> bool:
        """The tyre size as the sidewall gives it: "205/55 R16" ("" unknown)."""
        typed, size = size, _tyre_size(str(size))
        if size is None:
            log.warning("vehicle profile: tyre size %r is not like 205/55 R16", typed)
            return False
        if not self._may_edit("setTyreSize"):
            return False
        self._set(tyreSize=size)
        return True

    @Slot(float, result=bool)
    def setOdometer(self, km: float) -> bool:
        """What the car's odometer reads, in km."""
        if not (isinstance(km, (int, float)) and 0 <= km <= MAX_ODOMETER_KM):
            log.warning("vehicle profile: odometer %r km is not between 0 and %.0f", km, MAX_ODOMETER_KM)
            return False
        if not self._may_edit("setOdometer"):
            return False
        self._set(odometerKm=float(km))
        return True

    @Slot(result=bool)
    def clear(self) -> bool:
        """Forget the vehicle (an empty profile is saved, so the emulator does not bring its car back)."""
        if not self._may_edit("clear"):
            return False
        self._generation = ""
        self._report, self._lookup_state, self._lookup = None, "", {}
        self._values = {name: empty for name, (_, empty) in FIELDS.items()}
        self._shown_step = self._step()
        self.vinChanged.emit()
        self.changed.emit()
        self.save()
        return True

    # The odometer

    def _step(self) -> int:
        return int(self._values["odometerKm"] / SHOWN_STEP_KM)

    def _on_readings(self, names: list) -> None:
        if "speed" not in names or self._closed:
            return
        now, speed = self._clock(), abs(float(self._vehicle.value("speed")))
        last, self._last_speed = self._last_speed, (now, speed)
        if last is None or not 0 < now - last[0] <= MAX_GAP_S:
            return
        km = (last[1] + speed) / 2 * (now - last[0]) / 3600.0  # trapezoid between the two readings
        if km <= 0:
            return
        self._values["odometerKm"] += km
        self._dirty = True
        if self._step() != self._shown_step:
            self._shown_step = self._step()
            self.changed.emit()
        if self._values["odometerKm"] - self._saved_km >= SAVE_EVERY_KM:
            self.save()

    # What the VIN says, and the backend's answer about it

    @Property("QVariantMap", notify=vinChanged, final=True)
    def vinReport(self) -> dict[str, Any]:
        """The last VIN typed (or the saved one), decoded on the car: vin, valid, manufacturer, make, region,
        country, modelYear (0 unknown), checkDigitRequired, checkDigitOk, errors and warnings ([{code, message,
        position}]); {} when there is none."""
        if self._report is None and self._values["vin"]:
            from headunit.fitment.vin import decode as decode_vin

            self._report = report_json(decode_vin(self._values["vin"]))
        return dict(self._report or {})

    @Property(str, notify=vinChanged, final=True)
    def lookupState(self) -> str:
        """The backend's answer about the VIN: "" (not asked: no link), "asking", "found", "unknown" (it knows
        nothing more), or "unavailable" (not reached)."""
        return self._lookup_state

    @Property("QVariantMap", notify=vinChanged, final=True)
    def lookup(self) -> dict[str, Any]:
        """What the backend added: model, engine, fuel, body (those it knew), or {"reason"} when unavailable."""
        return dict(self._lookup)

    def _ask_backend(self, vin: str) -> None:
        cloud = self._cloud
        if cloud is None or not cloud.available or self._closed:
            return
        if self._lookups is None:
            self._lookups = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vehicle-lookup")
        self._lookup_state = "asking"
        self.vinChanged.emit()
        self._lookups.submit(self._fetch, vin)

    def _fetch(self, vin: str) -> None:
        """On the lookup thread: the backend's decoding of `vin`, through the sync client's cache."""
        from headunit.sync.traffic import SHELL

        try:
            client = self._cloud.opened_client(timeout=LOOKUP_TIMEOUT_S)
            if client is None:
                raise RuntimeError(self._cloud.error or "no backend link")
            reading = client.get(f"/v1/vehicles/vin/{vin}", plugin=SHELL)
        except Exception as exc:  # noqa: BLE001 - the VIN stays decoded on the car; the page says why
            log.info("vehicle profile: the backend's VIN lookup: %s", exc)
            status = getattr(exc, "status", None)
            self._answered.emit(vin, None, "unknown" if status == 404 else str(exc) or type(exc).__name__)
            return
        self._answered.emit(vin, reading.data, "")

    def _apply_answer(self, vin: str, answer: Any, failure: str) -> None:
        if self._closed or vin != self._values["vin"]:
            return  # another VIN was typed meanwhile
        if failure == "unknown":
            self._lookup_state, self._lookup = "unknown", {}
        elif failure:
            self._lookup_state, self._lookup = "unavailable", {"reason": failure}
        else:
            found = enrichment(answer)
            self._lookup_state = "found" if found else "unknown"
            self._lookup = found if found else ({"note": answer["note"]} if isinstance(answer, dict)
                                                and isinstance(answer.get("note"), str) else {})
            if found:  # asked for while parked: the driver's own edit, answered
                self._set(**self._in_reference_words(found))
        self.vinChanged.emit()

    def _in_reference_words(self, found: dict[str, Any]) -> dict[str, Any]:
        """The backend's values as the pick lists name them: its make and model ("VOLKSWAGEN", "GOLF") as the
        list spells them, its engine ("1.5 L") as the list's variant of that size and fuel ("1.5 eTSI"), with its
        tank or battery; what the profile already knows of the make is kept."""
        values = dict(found)
        entries = self._entries()
        make = self._values["make"] or values.get("make", "")
        make = next((_entry(e, "make") for e in entries if _entry(e, "make").lower() == make.lower()), make)
        values["make"] = make
        if "model" in values:
            values["model"] = next((_entry(e, "model") for e in entries if _entry(e, "make") == make
                                    and _entry(e, "model").lower() == values["model"].lower()), values["model"])
        model = values.get("model", self._values["model"])
        size = values.get("engine", "").removesuffix(" L")
        year = values.get("year") or self._values["year"]
        for entry in self._entries(make, model) if make and model and size else []:
            start, end = (list(_entry(entry, "years") or []) + [None, None])[:2]
            if year and not (start <= year <= (end or 9999)):
                continue
            variant = next((v for v in _entry(entry, "variants") or [] if _entry(v, "engine").startswith(size + " ")
                            and _entry(v, "fuel") == values.get("fuel", _entry(v, "fuel"))), None)
            if variant is not None:
                values.update(_variant_values(variant))
                self._generation = _entry(entry, "generation") or ""
                break
        return values

    # The reference list, for the pick lists (loaded when first asked)

    @staticmethod
    def _entries(make: str = "", model: str = "") -> list[Any]:
        from headunit.fitment import vehicle_list

        return [e for e in vehicle_list() if (not make or _entry(e, "make") == make)
                and (not model or _entry(e, "model") == model)]

    @Slot(result="QStringList")
    def makes(self) -> list[str]:
        return sorted({_entry(e, "make") for e in self._entries()})

    @Slot(str, result="QStringList")
    def models(self, make: str) -> list[str]:
        return sorted({_entry(e, "model") for e in self._entries(make)}) if make else []

    @Slot(str, str, result="QVariantList")
    def generations(self, make: str, model: str) -> list[dict[str, Any]]:
        """[{name, years ("2020–"), from, to}], newest first."""
        if not (make and model):
            return []
        items = [{"name": _entry(e, "generation") or "", "years": _years_label(_entry(e, "years")),
                  "from": (_entry(e, "years") or [0])[0], "to": (list(_entry(e, "years") or []) + [None, None])[1] or 0}
                 for e in self._entries(make, model)]
        return sorted(items, key=lambda g: -g["from"])

    def _generation_entry(self, make: str, model: str, generation: str) -> Any:
        return next((e for e in self._entries(make, model) if (_entry(e, "generation") or "") == generation), None) \
            if make and model else None

    @Slot(str, str, str, result="QVariantList")
    def variants(self, make: str, model: str, generation: str) -> list[dict[str, Any]]:
        """[{engine, fuel}] of a generation."""
        entry = self._generation_entry(make, model, generation)
        return [{"engine": _entry(v, "engine"), "fuel": _entry(v, "fuel")}
                for v in (_entry(entry, "variants") or [] if entry is not None else [])]

    @Slot(str, str, str, result="QStringList")
    def bodies(self, make: str, model: str, generation: str) -> list[str]:
        entry = self._generation_entry(make, model, generation)
        return list(_entry(entry, "bodies") or []) if entry is not None else list(BODIES)

    @Slot(str, str, str, result="QStringList")
    def tyreSizes(self, make: str, model: str, generation: str) -> list[str]:
        entry = self._generation_entry(make, model, generation)
        return list(_entry(entry, "tyre_sizes") or []) if entry is not None else []

    @Slot(str, str, str, result="QVariantList")
    def years(self, make: str, model: str, generation: str) -> list[int]:
        """The model years of a generation, newest first, up to next year."""
        entry = self._generation_entry(make, model, generation)
        if entry is None:
            return []
        start, end = (list(_entry(entry, "years") or []) + [None, None])[:2]
        last = min(end or 9999, datetime.date.today().year + 1)
        return list(range(last, start - 1, -1)) if start else []


def _variant_values(variant: Any) -> dict[str, Any]:
    """What a reference variant says of the car: its engine, fuel and tank or battery size."""
    return {"engine": _entry(variant, "engine") or "", "fuel": _entry(variant, "fuel") or "",
            "tankLitres": float(_entry(variant, "tank_litres") or 0.0),
            "batteryKwh": float(_entry(variant, "battery_kwh") or 0.0)}


def _tyre_size(text: str) -> str | None:
    """"205/55 R16" from the ways it is written ("205/55r16", "205 / 55 R 16"); "" for none, None if it is not one."""
    import re

    if not text.strip():
        return ""
    match = re.fullmatch(r"\s*(\d{3})\s*/\s*(\d{2})\s*(Z?R)\s*(\d{2}(?:\.\d)?)\s*", text.upper())
    return f"{match[1]}/{match[2]} {match[3]}{match[4]}" if match else None


def report_json(report: Any) -> dict[str, Any]:
    """A VinReport as the page reads it (camelCase, 0 for an unknown year)."""
    return {"vin": report.vin, "valid": report.valid, "manufacturer": report.manufacturer or "",
            "make": report.make or "", "region": report.region or "", "country": report.country or "",
            "modelYear": report.model_year or 0, "checkDigitRequired": report.check_digit_required,
            "checkDigitOk": report.check_digit_ok,
            "errors": [p.to_json() for p in report.errors],
            "warnings": [p.to_json() for p in getattr(report, "warnings", [])]}


def enrichment(answer: Any) -> dict[str, Any]:
    """What the backend's answer to GET /v1/vehicles/vin/{vin} adds from vPIC (its `enriched` part): make, model,
    year, engine (displacement, "1.5 L"), fuel and body, in the profile's words (vPIC's "Gasoline" is petrol, a
    "PHEV" a plug-in hybrid, "Sedan/Saloon" a saloon). A field vPIC lacks, or names in words the profile does
    not use, is left out; an offline-only answer adds nothing."""
    enriched = answer.get("enriched") if isinstance(answer, dict) else None
    if not isinstance(enriched, dict):
        return {}
    found: dict[str, Any] = {}
    for name in ("make", "model"):
        value = enriched.get(name)
        if isinstance(value, str) and value.strip():
            found[name] = value.strip()[:80]
    year = enriched.get("model_year")
    if isinstance(year, int) and not isinstance(year, bool) and 1950 <= year <= datetime.date.today().year + 1:
        found["year"] = year
    litres = enriched.get("displacement_l")
    if isinstance(litres, (int, float)) and not isinstance(litres, bool) and 0 < litres < 20:
        found["engine"] = f"{litres:.1f} L"
    fuel = _fuel_word(enriched.get("electrification"), enriched.get("fuel_type"))
    if fuel:
        found["fuel"] = fuel
    body = enriched.get("body_class")
    if isinstance(body, str):
        body = body.strip().lower()
        body = body if body in BODIES else _BODY_WORDS.get(body)
        if body:
            found["body"] = body
    return found


def _fuel_word(electrification: Any, fuel_type: Any) -> str:
    level = electrification.upper() if isinstance(electrification, str) else ""
    if "PHEV" in level:
        return "plug-in hybrid"
    if "BEV" in level:
        return "electric"
    if "HEV" in level:
        return "hybrid"
    fuel = fuel_type.strip().lower() if isinstance(fuel_type, str) else ""
    return fuel if fuel in FUELS else _FUEL_WORDS.get(fuel, "")


class VehicleProfileView(QObject):
    """`ctx.vehicle.profile`: the car's profile, read-only, for plugins (capability vehicle-data). The same
    properties as the shell's VehicleProfile, `data()` (Profile JSON) and `changed`; nothing to write with."""

    changed = Signal()

    def __init__(self, source: "VehicleProfile", parent: QObject | None = None):
        super().__init__(parent)
        self.__source = source
        source.changed.connect(self.changed)

    def value(self, name: str) -> Any:
        return self.__source.value(name)

    def data(self) -> dict[str, Any]:
        """The §1 Profile JSON: what `headunit.sdk.Profile.from_json` and `fitment_verdict` take."""
        return profile_json({name: self.__source.value(name) for name in FIELDS})

    # One property per name in PUBLIC.

    @Property(str, notify=changed, final=True)
    def vin(self) -> str:
        return self.value("vin")

    @Property(str, notify=changed, final=True)
    def make(self) -> str:
        return self.value("make")

    @Property(str, notify=changed, final=True)
    def model(self) -> str:
        return self.value("model")

    @Property(int, notify=changed, final=True)
    def year(self) -> int:
        return self.value("year")

    @Property(str, notify=changed, final=True)
    def engine(self) -> str:
        return self.value("engine")

    @Property(str, notify=changed, final=True)
    def fuel(self) -> str:
        return self.value("fuel")

    @Property(str, notify=changed, final=True)
    def body(self) -> str:
        return self.value("body")

    @Property(float, notify=changed, final=True)
    def tankLitres(self) -> float:
        return self.value("tankLitres")

    @Property(float, notify=changed, final=True)
    def batteryKwh(self) -> float:
        return self.value("batteryKwh")

    @Property(str, notify=changed, final=True)
    def tyreSize(self) -> str:
        return self.value("tyreSize")

    @Property(float, notify=changed, final=True)
    def odometerKm(self) -> float:
        return self.value("odometerKm")

    @Property(bool, notify=changed, final=True)
    def configured(self) -> bool:
        return self.value("configured")

    @Property(str, notify=changed, final=True)
    def summary(self) -> str:
        return self.value("summary")


class MirroredVehicleProfile(VehicleProfile):
    """A sandboxed plugin's copy of the shell's profile, set only from what the shell sends; it cannot be
    edited there."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(None, parent=parent)

    def _refusal(self) -> str:
        return QCoreApplication.translate("VehicleProfile", "Only the shell's Settings change the vehicle")

    def follow(self, state: dict[str, Any]) -> None:
        values = {name: FIELDS[name][0](state.get(name) or FIELDS[name][1]) for name in FIELDS}
        if values != self._values:
            self._values = values
            self.changed.emit()

    def save(self) -> None:
        pass
