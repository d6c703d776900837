"""OBD-II through python-OBD against the ELM327-emulator on a pty: a real ELM327 dialogue, no adapter."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import tty
from pathlib import Path

import pytest

from headunit.vehicle.sources.base import SpecError
from headunit.vehicle.sources.manager import VehicleSources
from headunit.vehicle.sources.registry import create
from headunit.vehicle.state import VehicleState

pytest.importorskip("obd")
pytest.importorskip("elm")

#: The emulator's "car" scenario answers on ISO 15765-4 CAN (ELM protocol 6); naming it skips a 3 s search.
PROTOCOL = "protocol=6"


class Emulator:
    """`python -m elm -s car` in batch mode: it writes its pty's name to a file and runs until stdin closes."""

    def __init__(self, folder: Path):
        out = folder / f"elm-{time.monotonic_ns()}.txt"
        self.process = subprocess.Popen([sys.executable, "-m", "elm", "-s", "car", "-b", str(out)],
                                        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        cwd=folder)
        deadline = time.monotonic() + 15
        while not (out.exists() and out.read_text().strip()):
            assert self.process.poll() is None and time.monotonic() < deadline, "the ELM327 emulator did not start"
            time.sleep(0.05)
        self.pty = out.read_text().splitlines()[0].strip()

    def end(self) -> None:
        self.process.kill()
        self.process.wait(5)


@pytest.fixture
def emulators(tmp_path):
    started: list[Emulator] = []

    def start() -> Emulator:
        started.append(Emulator(tmp_path))
        return started[-1]

    yield start
    for emulator in started:
        emulator.end()


def sources_for(spec: str) -> tuple[VehicleState, VehicleSources]:
    vehicle = VehicleState()
    sources = VehicleSources(vehicle, [spec])
    sources.start()
    return vehicle, sources


def test_the_elm327_emulator_gives_speed_and_rpm(qtbot, emulators, tmp_path):
    emulator = emulators()
    # The adapter's path is a link, as /dev/serial/by-id is: pointed at a new emulator once the first is gone.
    port = tmp_path / "obd-adapter"
    port.symlink_to(emulator.pty)
    vehicle, sources = sources_for(f"obd:{port}:{PROTOCOL}")
    source = sources.running()[0]
    try:
        qtbot.waitUntil(lambda: vehicle.value("speed") > 0 and vehicle.value("rpm") > 0, timeout=10_000)
        assert vehicle.age("speed") < 1 and vehicle.age("rpm") < 1
        assert source.alive and source.error == ""
        assert source.describe() == f"OBD-II adapter on {port} (speed, rpm)"

        emulator.end()  # unplugged
        qtbot.waitUntil(lambda: not source.alive, timeout=5_000)
        assert str(port) in source.error  # "went away", then "no serial port" once its pty is gone

        port.unlink()
        port.symlink_to(emulators().pty)  # plugged in again
        stamp = vehicle.age("rpm")
        qtbot.waitUntil(lambda: vehicle.age("rpm") < stamp and source.alive, timeout=10_000)
    finally:
        sources.stop()


def test_a_serial_port_that_is_not_there_is_named(qtbot):
    vehicle, sources = sources_for("obd:/dev/ttyHEADUNIT-NOT-THERE")
    source = sources.running()[0]
    try:
        qtbot.waitUntil(lambda: "no serial port /dev/ttyHEADUNIT-NOT-THERE" in source.error, timeout=3_000)
        assert not source.alive and vehicle.age("speed") == float("inf")
    finally:
        sources.stop()


def test_an_adapter_that_answers_garbage_is_not_taken_for_an_elm327(qtbot):
    controller, device = os.openpty()
    tty.setraw(device)
    stop = threading.Event()

    def answer_garbage() -> None:
        # A device that answers every line, but never as an ELM327 does.
        while not stop.is_set():
            try:
                data = os.read(controller, 256)
            except OSError:
                return
            if b"\r" in data:
                os.write(controller, b"\x1b\xffNMEA?\r\r>")

    threading.Thread(target=answer_garbage, daemon=True).start()
    vehicle, sources = sources_for(f"obd:{os.ttyname(device)}:{PROTOCOL}")
    source = sources.running()[0]
    try:
        qtbot.waitUntil(lambda: "no ELM327 adapter answers" in source.error, timeout=10_000)
        assert "ATE0" in source.error  # python-OBD's own complaint: the echo-off command was not acknowledged
        assert not source.alive
    finally:
        sources.stop()
        stop.set()
        os.close(device)
        os.close(controller)


@pytest.mark.parametrize(("spec", "field"), [
    ("obd:protocol=6", "port"),
    ("obd:/dev/ttyUSB0:protocol=Z", "protocol"),
    ("obd:/dev/ttyUSB0:baudrate=fast", "baudrate"),
    ("obd:/dev/ttyUSB0:speed=1", "speed"),
    ("obd:/dev/ttyUSB0:protocol=", "protocol"),
])
def test_a_bad_spec_names_its_field(spec, field):
    with pytest.raises(SpecError) as caught:
        create(spec)
    assert caught.value.field == field


def test_a_port_path_may_hold_colons():
    source = create("obd:/dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0:protocol=6")
    assert source.port == "/dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0"
    assert source.protocol == "6"
