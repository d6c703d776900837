"""`headunit vehicle sources` and `headunit vehicle watch`, run as a person would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.vehicle.sources.gpsfake import free_port

ROOT = Path(__file__).parents[3]


def headunit(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "headunit", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.fixture
def brake_line(tmp_path) -> str:
    (tmp_path / "gpio5").mkdir()
    (tmp_path / "gpio5" / "value").write_text("1\n")
    return f"gpio:{tmp_path}:5=parkingBrake"


def test_sources_lists_each_alive_or_why_not(brake_line):
    gpsd = f"gpsd:127.0.0.1:{free_port()}"
    result = headunit("vehicle", "sources", "--json", "--wait", "1", "--source", brake_line, "--source", gpsd)
    assert result.returncode == 1, result.stderr  # not every source is alive
    report = json.loads(result.stdout)
    assert report["origin"] == "--source"
    by_spec = {entry["spec"]: entry for entry in report["sources"]}
    assert by_spec[brake_line]["alive"] and by_spec[brake_line]["provides"] == ["parkingBrake"]
    assert by_spec[brake_line]["age"] < 1
    assert not by_spec[gpsd]["alive"] and "refused" in by_spec[gpsd]["error"].lower()
    assert by_spec[gpsd]["age"] is None


def test_sources_reads_vehicle_toml_and_says_so(brake_line, headunit_home):
    config = headunit_home / "config" / "vehicle.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'sources = ["{brake_line}"]\n')
    result = headunit("vehicle", "sources", "--wait", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"vehicle sources from {config}" in result.stdout and "alive" in result.stdout


def test_a_bad_spec_fails_at_once_naming_the_field():
    result = headunit("vehicle", "watch", "--source", "gpio:/dev/gpiochip0:17=handbrake")
    assert result.returncode == 2
    assert "role: expected one of parkingBrake, reverse, headlights, got 'handbrake'" in result.stderr


def test_watch_prints_readings_as_json_lines_with_their_source_and_age(brake_line):
    result = headunit("vehicle", "watch", "--json", "--seconds", "1", "--source", brake_line)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    readings = [line for line in lines if "reading" in line]
    assert len(readings) >= 5  # ten a second: the line's level, republished
    assert readings[0] == {"reading": "parkingBrake", "value": True, "source": brake_line, "age": readings[0]["age"]}
    assert {"source": brake_line, "alive": True, "error": ""} in lines


@pytest.mark.skipif(Path("/etc/headunit/vehicle.toml").exists(), reason="this machine configures its sources")
def test_watch_with_nothing_configured_says_where_to_configure():
    result = headunit("vehicle", "watch", "--seconds", "1")
    assert result.returncode == 1 and "no vehicle sources configured" in result.stdout
