"""OBD-II through an ELM327 adapter (python-OBD): speed and engine RPM.

Spec: `obd:PORT[:protocol=P][:baudrate=N]`, e.g. `obd:/dev/ttyUSB0` or `obd:/dev/rfcomm0:protocol=6`. The
protocol is the ELM327's number (6 is ISO 15765-4 CAN 11 bit 500 kbit/s, most cars since 2008); naming it skips
the adapter's search, which takes seconds. A port path may itself hold ':' (/dev/serial/by-path/...).

No gear: mode 01 has no standard PID for it, and the few cars that answer one use maker-specific PIDs. Gear
comes from CAN or from a reverse line on GPIO instead.

python-OBD blocks on its serial reads (its port timeout is fixed at 10 s), so everything runs on the source's
thread; an adapter that stops answering is closed and connected again.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING, Any

from headunit.vehicle.sources.base import PollingSource, SpecError

if TYPE_CHECKING:
    import obd

PROTOCOLS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C")
#: Queries in a row with no answer from the car before the connection is dropped and made again.
MAX_SILENT_POLLS = 10


class _Complaints(logging.Handler):
    """Keeps python-OBD's last error from one thread: it logs why a connection failed instead of raising."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.thread = threading.get_ident()
        self.last = ""

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.last = record.getMessage()


class ObdSource(PollingSource):
    kind = "obd"
    interval = 0.1

    def __init__(self, spec: str, port: str, protocol: str | None = None, baudrate: int | None = None):
        super().__init__(spec, ("speed", "rpm"))
        self.port, self.protocol, self.baudrate = port, protocol, baudrate
        self._conn: obd.OBD | None = None
        self._silent = 0

    @classmethod
    def from_spec(cls, spec: str, rest: str) -> ObdSource:
        fields = rest.split(":")
        options = dict(f.split("=", 1) for f in fields if "=" in f)
        port = ":".join(f for f in fields if "=" not in f)
        if not port:
            raise SpecError(spec, "port", "missing; expected obd:/dev/ttyUSB0")
        unknown = set(options) - {"protocol", "baudrate"}
        if unknown:
            raise SpecError(spec, sorted(unknown)[0], "unknown option; known: protocol, baudrate")
        protocol = options["protocol"].upper() if "protocol" in options else None
        if protocol is not None and protocol not in PROTOCOLS:
            raise SpecError(spec, "protocol", f"{protocol!r} is not an ELM327 protocol (1-9, A-C)")
        baudrate = options.get("baudrate")
        if baudrate is not None and not baudrate.isdigit():
            raise SpecError(spec, "baudrate", f"{baudrate!r} is not a number")
        return cls(spec, port, protocol, int(baudrate) if baudrate else None)

    def describe(self) -> str:
        return f"OBD-II adapter on {self.port} (speed, rpm)"

    def open(self) -> None:
        if not os.path.exists(self.port):
            raise OSError(f"no serial port {self.port}")
        self.fail(f"connecting to the ELM327 adapter on {self.port}")  # what `error` says for the seconds it takes
        import obd  # pint and python-OBD's command tables cost time: not before a source needs them

        complaints = _Complaints()
        logging.getLogger("obd").addHandler(complaints)
        try:
            # The link's target: /dev/serial/by-id names are links, and python-OBD knows a pty only by /dev/pts.
            # fast=False: the frame-count suffix python-OBD adds in fast mode is not understood by every clone.
            conn = obd.OBD(os.path.realpath(self.port), baudrate=self.baudrate, protocol=self.protocol, fast=False)
        except Exception as exc:  # python-OBD tripping over an odd answer must not end this thread for good
            raise OSError(f"python-OBD failed on {self.port}: {exc!r}") from None
        finally:
            logging.getLogger("obd").removeHandler(complaints)
        status = conn.status()
        if status != obd.OBDStatus.CAR_CONNECTED:
            conn.close()
            why = f": {complaints.last}" if complaints.last else ""
            if status == obd.OBDStatus.NOT_CONNECTED:
                raise OSError(f"no ELM327 adapter answers on {self.port}{why}")
            raise OSError(f"the ELM327 adapter on {self.port} answers but the car does not (ignition off?){why}")
        self._conn, self._silent = conn, 0

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def poll(self) -> dict[str, object] | None:
        import obd

        conn = self._conn
        assert conn is not None
        try:
            speed, rpm = conn.query(obd.commands.SPEED), conn.query(obd.commands.RPM)
        except Exception as exc:  # as in open(): an answer python-OBD cannot parse, then connect again
            raise OSError(f"python-OBD failed on {self.port}: {exc!r}") from None
        if conn.status() == obd.OBDStatus.NOT_CONNECTED:
            raise OSError(f"the ELM327 adapter on {self.port} went away")
        values: dict[str, Any] = {}
        if not speed.is_null():
            values["speed"] = float(speed.value.to("kilometer_per_hour").magnitude)
        if not rpm.is_null():
            values["rpm"] = float(rpm.value.magnitude)
        self._silent = 0 if values else self._silent + 1
        if self._silent >= MAX_SILENT_POLLS:
            raise OSError(f"the car stopped answering the ELM327 adapter on {self.port}")
        return values
