"""GPIO lines through files in the sysfs layout (gpioN/value), as Raspberry Pi OS still offers them. The
character-device path (libgpiod) needs /dev/gpiochipN, which this test machine does not have."""

from __future__ import annotations

from pathlib import Path

import pytest

from headunit.vehicle.sources.base import SpecError
from headunit.vehicle.sources.gpio import GpioSource
from headunit.vehicle.sources.manager import VehicleSources
from headunit.vehicle.sources.registry import create
from headunit.vehicle.state import VehicleState


def write(folder: Path, line: int, level: str) -> None:
    (folder / f"gpio{line}").mkdir(parents=True, exist_ok=True)
    (folder / f"gpio{line}" / "value").write_text(f"{level}\n")


@pytest.fixture
def gpio(tmp_path) -> Path:
    folder = tmp_path / "gpio"
    write(folder, 17, "0")
    write(folder, 27, "0")
    return folder


def test_brake_and_reverse_lines_give_parking_brake_and_gear(gpio):
    source = create(f"gpio:{gpio}:17=parkingBrake,27=reverse")
    assert isinstance(source, GpioSource) and source.sysfs
    assert source.provides == ("parkingBrake", "gear")
    assert source.poll() == {"parkingBrake": False, "gear": "D"}  # never P: parked needs the brake at speed 0
    write(gpio, 17, "1")
    write(gpio, 27, "1")
    assert source.poll() == {"parkingBrake": True, "gear": "R"}


def test_active_low_reads_a_low_line_as_on(gpio):
    source = create(f"gpio:{gpio}:17=parkingBrake/active-low,27=headlights")
    assert source.poll() == {"parkingBrake": True, "headlights": False}


def test_a_character_device_path_uses_libgpiod():
    source = create("gpio:/dev/gpiochip0:17=parkingBrake")
    assert not source.sysfs and "character device" in source.describe()
    with pytest.raises(OSError, match="/dev/gpiochip0"):  # no such chip on this machine
        source.open()


@pytest.mark.parametrize("spec, field", [
    ("gpio:/dev/gpiochip0", "path"),
    ("gpio:/dev/gpiochip0:", "lines"),
    ("gpio:/dev/gpiochip0:x=parkingBrake", "line"),
    ("gpio:/dev/gpiochip0:17=handbrake", "role"),
    ("gpio:/dev/gpiochip0:17=parkingBrake/inverted", "option"),
    ("gpio:/dev/gpiochip0:17=parkingBrake,18=parkingBrake", "role"),
    ("gpio:/dev/gpiochip0:17=parkingBrake,17=reverse", "line"),
])
def test_a_bad_spec_names_its_field(spec, field):
    with pytest.raises(SpecError) as error:
        create(spec)
    assert error.value.field == field and f": {field}: " in str(error.value)


def test_lines_are_republished_so_their_age_stays_fresh_and_a_lost_line_goes_stale(gpio, qtbot):
    vehicle = VehicleState()
    sources = VehicleSources(vehicle, [f"gpio:{gpio}:17=parkingBrake,27=reverse"])
    source = sources.running()[0]
    assert sources.labels() == {"parkingBrake": "brake", "gear": "gear"}
    sources.start()
    try:
        qtbot.waitUntil(lambda: source.alive and vehicle.gear == "D", timeout=2000)
        qtbot.wait(1500)
        assert vehicle.age("parkingBrake") < 1 and vehicle.age("gear") < 1  # unchanged for 1.5 s, yet fresh
        write(gpio, 17, "1")
        qtbot.waitUntil(lambda: vehicle.parkingBrake, timeout=2000)

        (gpio / "gpio17" / "value").unlink()  # the line is gone (unexported, a loose connector)
        qtbot.waitUntil(lambda: "gpio17/value: not found" in source._error, timeout=2000)
        qtbot.waitUntil(lambda: not source.alive, timeout=4000)
        assert "export" in source.error
        # The vehicle's copy was stamped as the GUI thread took it in, a moment after the source read it.
        qtbot.waitUntil(lambda: vehicle.age("parkingBrake") > 2, timeout=500)

        write(gpio, 17, "1")  # back: read again without a restart
        qtbot.waitUntil(lambda: source.alive and vehicle.age("parkingBrake") < 1, timeout=4000)
    finally:
        sources.stop()


def test_a_value_that_is_not_a_level_is_an_error(gpio):
    (gpio / "gpio17" / "value").write_text("maybe\n")
    with pytest.raises(ValueError, match="expected 0 or 1"):
        create(f"gpio:{gpio}:17=parkingBrake").poll()


def test_the_character_device_is_asked_for_inputs_with_libgpiods_own_active_low(monkeypatch):
    """No /dev/gpiochip here (nor gpio-sim): libgpiod's request_lines is stood in for, to check what the
    source asks of it and how it reads the answer."""
    gpiod = pytest.importorskip("gpiod")
    from gpiod.line import Direction, Value

    asked = {}

    class Request:
        released = False

        def get_values(self, lines):
            return [Value.ACTIVE if line == 17 else Value.INACTIVE for line in lines]

        def release(self):
            self.released = True

    request = Request()

    def request_lines(path, consumer=None, config=None):
        asked.update(path=path, consumer=consumer, config=config)
        return request

    monkeypatch.setattr(gpiod, "request_lines", request_lines)
    source = create("gpio:/dev/gpiochip4:17=parkingBrake/active-low,27=reverse")
    source.open()
    assert asked["path"] == "/dev/gpiochip4" and asked["consumer"] == "headunit"
    settings = asked["config"]
    assert set(settings) == {17, 27} and all(s.direction == Direction.INPUT for s in settings.values())
    assert settings[17].active_low and not settings[27].active_low
    assert source.poll() == {"parkingBrake": True, "gear": "D"}  # ACTIVE already has active-low applied
    source.close()
    assert request.released
