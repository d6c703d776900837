"""gpsfake (Debian gpsd-clients): a real gpsd, on a free port, fed a recorded NMEA log through a pty."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

DRIVE = Path(__file__).parents[2] / "fixtures" / "vehicle" / "monaco-drive.nmea"
#: Seconds between sentences: a 1 Hz epoch (RMC + GGA) every 0.1 s, the drive ten times faster than it was made.
CYCLE = 0.05


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gpsfake:
    """`gpsfake -1`: gpsd on `port` replays `log` once from the moment it starts, then falls silent."""

    def __init__(self, log: Path = DRIVE, port: int | None = None, cycle: float = CYCLE):
        if shutil.which("gpsfake") is None:
            pytest.fail("gpsfake is not installed: scripts/install-system-deps test (Debian gpsd, gpsd-clients)")
        self.port = port or free_port()
        # -n: gpsd reads the device before any client watches, so the log plays from its first line.
        self.process = subprocess.Popen(
            ["gpsfake", "-1", "-n", "-q", "-c", str(cycle), "-P", str(self.port), str(log)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                assert self.process.poll() is None, "gpsfake ended before its gpsd listened"
                assert time.monotonic() < deadline, "gpsfake's gpsd did not listen within 10 s"
                time.sleep(0.05)

    @property
    def spec(self) -> str:
        return f"gpsd:127.0.0.1:{self.port}"

    def stop(self) -> None:
        """End gpsfake and its gpsd, its own process group: SIGTERM has gpsfake end its gpsd and remove its
        files, but gpsfake itself goes on running, so SIGKILL follows."""
        for sig, grace in ((signal.SIGTERM, 0.5), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                pass


@pytest.fixture
def gpsfake():
    started: list[Gpsfake] = []

    def start(**kwargs) -> Gpsfake:
        started.append(Gpsfake(**kwargs))
        return started[-1]

    yield start
    for fake in started:
        fake.stop()
