"""Ambient light from an Industrial I/O (IIO) light sensor, through its sysfs folder.

Spec: `iio:/sys/bus/iio/devices/iio:device0`. Read twice a second: `in_illuminance_input` (lux, processed by
the driver) where there is one, else `in_illuminance_raw` converted as the IIO ABI says, (raw + offset) x
scale, with `in_illuminance_offset` (0 if absent) and `in_illuminance_scale` (1 if absent). Drivers with
more than one channel name them `in_illuminance0_…`; the first found is read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from headunit.vehicle.sources.base import PollingSource, SpecError

CHANNELS = ("in_illuminance", "in_illuminance0")


def _number(path: Path) -> float:
    try:
        text = path.read_text().strip()
    except OSError as exc:
        raise OSError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{path}: expected a number, got {text[:20]!r}") from None


def read_lux(folder: Path) -> float:
    """The illuminance in lux the IIO device at `folder` reports now; raise OSError or ValueError."""
    for channel in CHANNELS:
        processed = folder / f"{channel}_input"
        if processed.exists():
            return _number(processed)
        raw = folder / f"{channel}_raw"
        if raw.exists():
            offset, scale = folder / f"{channel}_offset", folder / f"{channel}_scale"
            return ((_number(raw) + (_number(offset) if offset.exists() else 0.0))
                    * (_number(scale) if scale.exists() else 1.0))
    if not folder.is_dir():
        raise OSError(f"{folder}: no such IIO device")
    raise OSError(f"{folder}: not a light sensor (no in_illuminance_input or in_illuminance_raw)")


class IioSource(PollingSource):
    kind = "iio"
    interval = 0.5

    def __init__(self, spec: str, folder: Path, parent: QObject | None = None):
        super().__init__(spec, ("ambientLight",), parent)
        self.folder = folder

    @classmethod
    def from_spec(cls, spec: str, rest: str) -> IioSource:
        if not rest.startswith("/"):
            raise SpecError(spec, "path", f"expected the device's absolute folder, such as "
                                          f"/sys/bus/iio/devices/iio:device0, got {rest!r}")
        return cls(spec, Path(rest))

    def describe(self) -> str:
        return f"ambient light from the IIO sensor at {self.folder}"

    def label(self, reading: str) -> str:
        return "light"

    def poll(self) -> dict[str, object]:
        return {"ambientLight": max(0.0, read_lux(self.folder))}
