"""The parking brake, reverse gear and headlights from GPIO input lines (through an opto-isolator or a divider:
a car's 12 V never goes straight to a pin).

Spec: `gpio:PATH:LINE=ROLE[/active-low],…`, roles parkingBrake, reverse and headlights. PATH is either a GPIO
character device (`/dev/gpiochip0`, read with libgpiod; LINE is the offset on that chip) or a folder in the
sysfs layout (`/sys/class/gpio`, whose `gpioLINE/value` files hold 0 or 1; LINE is the global number, and the
line must already be exported). `/active-low` reads a low line as on.

Every line is read ten times a second and every reading sent each time, so its age stays fresh while the
source is alive: a line that cannot be read stops the readings and the driving state fails closed.

Gear: a reverse line gives "R" while on and "D" while off. "D" is the cautious reading, never "P": with only a
reverse line the car counts as parked only with the parking brake on at speed 0. Without a reverse line this
source gives no gear at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from headunit.vehicle.sources.base import PollingSource, SpecError

#: role -> the reading it gives.
ROLES = {"parkingBrake": "parkingBrake", "reverse": "gear", "headlights": "headlights"}
#: role -> the key the status bar names when its reading is missing.
LABELS = {"parkingBrake": "brake", "reverse": "gear", "headlights": "lights"}
ACTIVE_LOW = "active-low"


@dataclass(frozen=True)
class Line:
    number: int
    role: str
    active_low: bool = False


def parse_lines(spec: str, text: str) -> tuple[Line, ...]:
    lines: list[Line] = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        number_text, eq, role = item.partition("=")
        role, slash, option = role.partition("/")
        if not eq or not number_text.strip().isdigit():
            raise SpecError(spec, "line", f"expected LINE=ROLE such as 17=parkingBrake, got {item!r}")
        if role not in ROLES:
            raise SpecError(spec, "role", f"expected one of {', '.join(ROLES)}, got {role!r}")
        if slash and option != ACTIVE_LOW:
            raise SpecError(spec, "option", f"expected /{ACTIVE_LOW}, got /{option!r}")
        line = Line(int(number_text), role, bool(slash))
        if any(other.role == line.role for other in lines):
            raise SpecError(spec, "role", f"{role} is given twice")
        if any(other.number == line.number for other in lines):
            raise SpecError(spec, "line", f"line {line.number} is given twice")
        lines.append(line)
    if not lines:
        raise SpecError(spec, "lines", "expected at least one LINE=ROLE, such as 17=parkingBrake,27=reverse")
    return tuple(lines)


def readings_of(lines: tuple[Line, ...], levels: list[bool]) -> dict[str, object]:
    """The readings for each line's active level (True = on, active-low already applied)."""
    readings: dict[str, object] = {}
    for line, on in zip(lines, levels, strict=True):
        if line.role == "reverse":
            readings["gear"] = "R" if on else "D"
        else:
            readings[ROLES[line.role]] = on
    return readings


class GpioSource(PollingSource):
    kind = "gpio"

    def __init__(self, spec: str, path: Path, lines: tuple[Line, ...], parent: QObject | None = None):
        super().__init__(spec, tuple(ROLES[line.role] for line in lines), parent)
        self.path, self.lines = path, lines
        self.sysfs = not str(path).startswith("/dev/")
        self._request: Any = None  # libgpiod's LineRequest while open

    @classmethod
    def from_spec(cls, spec: str, rest: str) -> GpioSource:
        path_text, sep, lines_text = rest.partition(":")
        if not path_text or not sep:
            raise SpecError(spec, "path", "expected gpio:PATH:LINE=ROLE,…, such as "
                                          "gpio:/dev/gpiochip0:17=parkingBrake,27=reverse")
        return cls(spec, Path(path_text), parse_lines(spec, lines_text))

    def describe(self) -> str:
        how = "sysfs value files" if self.sysfs else "GPIO character device"
        lines = ", ".join(f"{line.number}={line.role}{' (active low)' if line.active_low else ''}"
                          for line in self.lines)
        return f"GPIO lines {lines} from {self.path} ({how})"

    def label(self, reading: str) -> str:
        role = next(line.role for line in self.lines if ROLES[line.role] == reading)
        return LABELS[role]

    def value_file(self, line: Line) -> Path:
        return self.path / f"gpio{line.number}" / "value"

    def open(self) -> None:
        if self.sysfs:
            return  # each poll opens the value files: nothing is held
        try:
            import gpiod
            from gpiod.line import Direction
        except ImportError as exc:
            raise OSError(f"libgpiod's Python bindings (gpiod) are not installed: {exc}") from None
        try:
            self._request = gpiod.request_lines(str(self.path), consumer="headunit", config={
                line.number: gpiod.LineSettings(direction=Direction.INPUT, active_low=line.active_low)
                for line in self.lines})
        except (OSError, ValueError) as exc:
            raise OSError(f"{self.path}: cannot request lines "
                          f"{', '.join(str(line.number) for line in self.lines)}: {exc}") from None

    def close(self) -> None:
        request, self._request = self._request, None
        if request is not None:
            request.release()

    def poll(self) -> dict[str, object]:
        return readings_of(self.lines, self._read_sysfs() if self.sysfs else self._read_chip())

    def _read_chip(self) -> list[bool]:
        from gpiod.line import Value

        values = self._request.get_values([line.number for line in self.lines])
        return [value == Value.ACTIVE for value in values]  # libgpiod applied active-low already

    def _read_sysfs(self) -> list[bool]:
        levels = []
        for line in self.lines:
            path = self.value_file(line)
            try:
                text = path.read_text().strip()
            except FileNotFoundError:
                raise OSError(f"{path}: not found (is line {line.number} exported? "
                              f"echo {line.number} > {self.path}/export)") from None
            except OSError as exc:
                raise OSError(f"{path}: cannot be read ({exc.strerror or exc})") from None
            if text not in ("0", "1"):
                raise ValueError(f"{path}: expected 0 or 1, got {text[:20]!r}")
            levels.append((text == "1") != line.active_low)
        return levels
