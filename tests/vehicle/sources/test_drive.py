"""A recorded drive through a real gpsd (gpsfake), with the parking brake and reverse on GPIO value files:
`headunit vehicle watch --json` prints positions and speed, and the shell reads moving, then stopped, then
parked once the brake line is set, then (the log over, gpsd silent) fails closed naming the GPS."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

from tests.shell import find
from tests.vehicle.sources.gpsfake import gpsfake  # noqa: F401 - the fixture

ROOT = Path(__file__).parents[3]


def value_files(folder: Path, **levels: int) -> Path:
    """A folder in the sysfs GPIO layout: gpioN/value holding 0 or 1, as the kernel writes it."""
    for line, level in levels.items():
        (folder / line).mkdir(parents=True, exist_ok=True)
        (folder / line / "value").write_text(f"{level}\n")
    return folder


def test_a_recorded_drive_reads_moving_then_parked_then_no_gps(gpsfake, make_shell, qtbot, tmp_path):  # noqa: F811
    gpio = value_files(tmp_path / "gpio", gpio17=0, gpio27=0)  # brake off, not in reverse
    fake = gpsfake()
    watch = subprocess.Popen(
        [sys.executable, "-m", "headunit", "vehicle", "watch", "--json", "--seconds", "5", "--source", fake.spec],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    runtime, window = make_shell(simulator=False, discover=False,
                                 sources=(fake.spec, f"gpio:{gpio}:17=parkingBrake,27=reverse"))
    runtime.start_vehicle_sources()
    driving, vehicle, label = runtime.driving, runtime.vehicle, find(window, "drivingState")

    qtbot.waitUntil(lambda: not driving.stale and vehicle.speed > 40, timeout=10_000)
    assert driving.state == "moving" and vehicle.gear == "D" and not vehicle.parkingBrake
    assert abs(vehicle.latitude - 43.747) < 0.01 and abs(vehicle.longitude - 7.434) < 0.01  # Monaco
    qtbot.waitUntil(lambda: label.property("text") == "Driving", timeout=2000)

    # The car stops at the kerb: stopped, not parked, until the brake line says so.
    qtbot.waitUntil(lambda: not driving.stale and vehicle.speed == 0, timeout=10_000)
    assert driving.state == "idling"
    (gpio / "gpio17" / "value").write_text("1\n")
    qtbot.waitUntil(lambda: driving.state == "parked", timeout=2000)
    qtbot.waitUntil(lambda: label.property("text") == "Parked", timeout=2000)

    # The log is over: gpsd says nothing more, speed grows old, and the state fails closed naming the GPS.
    qtbot.waitUntil(lambda: driving.stale, timeout=12_000)
    assert driving.state == "moving" and driving.missing == ["gps"]
    qtbot.waitUntil(lambda: label.property("text") == "No GPS", timeout=2000)
    gps = next(s for s in runtime.vehicle_sources.status() if s["kind"] == "gpsd")
    assert not gps["alive"] and gps["error"]

    out, err = watch.communicate(timeout=30)
    assert watch.returncode == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    readings = [line for line in lines if "reading" in line]
    assert {line["source"] for line in readings} == {fake.spec}
    speeds = [line["value"] for line in readings if line["reading"] == "speed"]
    latitudes = [line["value"] for line in readings if line["reading"] == "latitude"]
    longitudes = [line["value"] for line in readings if line["reading"] == "longitude"]
    assert max(speeds) > 45 and min(speeds) == 0  # 50 km/h (13.89 m/s) and standing
    assert len(set(latitudes)) > 5 and all(math.isclose(lat, 43.747, abs_tol=0.01) for lat in latitudes)
    assert all(math.isclose(lon, 7.434, abs_tol=0.01) for lon in longitudes)
    assert all(0 <= line["age"] < 1 for line in readings)
    assert {"source": fake.spec, "alive": True, "error": ""} in lines
