"""GPS from gpsd, in its JSON protocol: `?WATCH` for TPV reports; position, speed and heading from each fix.

Spec: `gpsd:HOST:PORT` (`gpsd:` alone, or `gpsd:HOST`, uses port 2947). Only fixes (TPV mode 2 or 3) are
readings: without one, speed goes stale and the driving state fails closed. When gpsd goes away the source
connects again, backing off up to MAX_BACKOFF seconds.
"""

from __future__ import annotations

import json
import math
import socket

from PySide6.QtCore import QObject

from headunit.vehicle.sources.base import SpecError, ThreadedSource

DEFAULT_PORT = 2947
WATCH = b'?WATCH={"enable":true,"json":true}\n'
#: Seconds between attempts to reach gpsd: doubling from the first to the last.
FIRST_BACKOFF, MAX_BACKOFF = 0.5, 5.0
#: A receiver standing still reports a few cm/s of noise; below this the car stands (km/h).
STANDSTILL_KMH = 1.0
#: How often the reading thread looks at the stop flag while gpsd is silent.
RECV_TIMEOUT = 0.25
#: gpsd reports each second; silence this long means the connection is gone even if the socket is not.
SILENCE_LIMIT = 5.0


def tpv_readings(report: dict) -> dict[str, object] | None:
    """The readings in a TPV report, or None unless it carries a fix (mode 2: 2D, 3: 3D)."""
    if report.get("class") != "TPV" or report.get("mode", 0) < 2:
        return None
    readings: dict[str, object] = {}
    lat, lon = report.get("lat"), report.get("lon")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        readings.update(latitude=float(lat), longitude=float(lon))
    speed = report.get("speed")  # metres per second
    if isinstance(speed, (int, float)) and math.isfinite(speed):
        kmh = float(speed) * 3.6
        readings["speed"] = 0.0 if kmh < STANDSTILL_KMH else kmh
    track = report.get("track")  # degrees from true north; only while moving
    if isinstance(track, (int, float)) and math.isfinite(track):
        readings["heading"] = float(track) % 360
    return readings or None


class GpsdSource(ThreadedSource):
    kind = "gpsd"

    def __init__(self, spec: str, host: str, port: int, parent: QObject | None = None):
        super().__init__(spec, ("latitude", "longitude", "speed", "heading"), parent)
        self.host, self.port = host, port
        self._socket: socket.socket | None = None

    @classmethod
    def from_spec(cls, spec: str, rest: str) -> GpsdSource:
        host, _, port_text = rest.rpartition(":") if ":" in rest else (rest, "", "")
        host = host.strip("[]") or "127.0.0.1"  # [::1]:2947 for IPv6
        port = DEFAULT_PORT
        if port_text:
            try:
                port = int(port_text)
            except ValueError:
                port = 0
            if not 0 < port < 65536:
                raise SpecError(spec, "port", f"expected a TCP port (1-65535), got {port_text!r}")
        return cls(spec, host, port)

    def describe(self) -> str:
        return f"GPS from gpsd at {self.host}:{self.port} (position, speed, heading)"

    def label(self, reading: str) -> str:
        return "gps"

    def _run(self) -> None:
        backoff = FIRST_BACKOFF
        while not self._stop.is_set():
            try:
                self._watch()
                backoff = FIRST_BACKOFF  # it had answered: the next failure starts the backoff afresh
                self.fail(f"gpsd at {self.host}:{self.port} closed the connection")
                self._stop.wait(FIRST_BACKOFF)
            except OSError as exc:
                reason = exc.strerror or str(exc) or type(exc).__name__
                self.fail(f"gpsd at {self.host}:{self.port}: {reason}; trying again in {backoff:.1f} s")
                self._stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)

    def _watch(self) -> None:
        """One connection: watch, then read reports until gpsd goes or the source stops."""
        with socket.create_connection((self.host, self.port), timeout=1.0) as sock:  # stop() waits for it
            sock.settimeout(RECV_TIMEOUT)
            sock.sendall(WATCH)
            self.fail(f"gpsd at {self.host}:{self.port}: no fix yet")
            buffer, silent = b"", 0.0
            while not self._stop.is_set():
                try:
                    chunk = sock.recv(65536)
                except TimeoutError:
                    silent += RECV_TIMEOUT
                    if silent >= SILENCE_LIMIT:
                        raise TimeoutError(f"silent for {SILENCE_LIMIT:.0f} s") from None
                    continue
                if not chunk:
                    return
                silent = 0.0
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    self._handle(line)

    def _handle(self, line: bytes) -> None:
        try:
            report = json.loads(line)
        except ValueError:
            return  # gpsd speaks JSON only once watching; anything else is not for us
        if not isinstance(report, dict):
            return
        readings = tpv_readings(report)
        if readings:
            self.emit_readings(**readings)
        elif report.get("class") == "TPV":
            self.fail(f"gpsd at {self.host}:{self.port}: no fix (mode {report.get('mode', 0)})")
