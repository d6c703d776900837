"""Source specs: `kind:rest`, the same in `--source` flags and in vehicle.toml, and the kinds they name.

Each kind's module is imported only when a spec names it, so the shell never pays for python-can or
python-OBD in a car without them, and nothing here is imported before the first frame.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from headunit.vehicle.sources.base import SpecError

if TYPE_CHECKING:
    from headunit.vehicle.sources.base import Source

#: kind -> "module:class". Each class implements `from_spec(spec, rest)`; see base.Source.
KINDS: dict[str, str] = {
    "gpsd": "headunit.vehicle.sources.gpsd:GpsdSource",
    "gpio": "headunit.vehicle.sources.gpio:GpioSource",
    "iio": "headunit.vehicle.sources.iio:IioSource",
    "obd": "headunit.vehicle.sources.obd:ObdSource",
    "can": "headunit.vehicle.sources.can:CanSource",
}

#: One example per kind, for help texts and errors.
EXAMPLES: dict[str, str] = {
    "gpsd": "gpsd:127.0.0.1:2947",
    "gpio": "gpio:/dev/gpiochip0:17=parkingBrake,27=reverse/active-low",
    "iio": "iio:/sys/bus/iio/devices/iio:device0",
    "obd": "obd:/dev/ttyUSB0",
    "can": "can:socketcan:can0:/etc/headunit/car.dbc",
}


def create(spec: str) -> Source:
    """The (not yet started) source `spec` describes; raise SpecError naming the field that is wrong."""
    spec = spec.strip()
    kind, _, rest = spec.partition(":")
    if kind not in KINDS:
        known = ", ".join(EXAMPLES[k] for k in KINDS)
        raise SpecError(spec, "kind", f"expected one of {', '.join(KINDS)} (e.g. {known}), got {kind!r}")
    module_name, _, class_name = KINDS[kind].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise SpecError(spec, kind, f"this kind of source cannot be used here: {exc}") from None
    return getattr(module, class_name).from_spec(spec, rest)
