"""Specs and vehicle.toml: what the car's sources are, the errors that name what is wrong, and the shell
starting them after its first frame (fail closed when one is missing)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from headunit import paths
from headunit.runtime import Options, Runtime
from headunit.vehicle.sources import config
from headunit.vehicle.sources.base import SpecError
from headunit.vehicle.sources.config import ConfigError, configured, read_config
from headunit.vehicle.sources.registry import create


@pytest.fixture(autouse=True)
def no_system_config(monkeypatch, tmp_path):
    """The machine's own /etc/headunit/vehicle.toml never leaks into a test."""
    monkeypatch.setattr(config, "SYSTEM_CONFIG", tmp_path / "etc" / "vehicle.toml")


def test_an_unknown_kind_names_the_kinds_there_are():
    with pytest.raises(SpecError, match=r"source 'lidar:/dev/x': kind: expected one of gpsd, gpio, iio, obd, can"):
        create("lidar:/dev/x")


def test_a_kind_is_imported_only_when_a_spec_names_it():
    """The registry alone imports no kind (python-can, python-OBD stay out of a car without them)."""
    code = ("import sys, headunit.vehicle.sources.registry as r; r.create('iio:/x'); "
            "print(sorted(m for m in sys.modules if m.startswith('headunit.vehicle.sources.')), "
            "'can' in sys.modules, 'obd' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["['headunit.vehicle.sources.base',", "'headunit.vehicle.sources.iio',",
                           "'headunit.vehicle.sources.registry']", "False", "False"]


def test_flags_come_before_the_users_file_which_comes_before_the_systems(tmp_path):
    user = paths.config_dir() / "vehicle.toml"
    user.parent.mkdir(parents=True)
    config.SYSTEM_CONFIG.parent.mkdir(parents=True)
    config.SYSTEM_CONFIG.write_text('sources = ["gpsd:10.0.0.1:2947"]\n')
    assert configured() == config.Configured(("gpsd:10.0.0.1:2947",), str(config.SYSTEM_CONFIG))
    user.write_text('sources = ["gpsd:127.0.0.1:2947", "iio:/sys/bus/iio/devices/iio:device0"]\n')
    assert configured().specs == ("gpsd:127.0.0.1:2947", "iio:/sys/bus/iio/devices/iio:device0")
    assert configured(("gpsd:",)) == config.Configured(("gpsd:",), "--source")


def test_nothing_configured_is_no_sources():
    assert configured() == config.Configured((), "")


@pytest.mark.parametrize("text, problem", [
    ("sources = [", "not valid TOML"),
    ('sources = "gpsd:"', "sources: expected a list of spec strings"),
    ("sources = [1]", "sources: expected a list of spec strings"),
])
def test_a_bad_file_names_itself_and_what_is_wrong(tmp_path, text, problem):
    path = tmp_path / "vehicle.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=problem) as error:
        read_config(path)
    assert str(path) in str(error.value)


def test_the_car_starts_the_files_sources_and_fails_closed_naming_the_missing_one(qapp, qtbot, tmp_path):
    """A car (no simulator) with a brake and reverse line but no speed source: the lines are read, the
    state stays stale, and what is missing is the speed, which no source gives."""
    gpio = tmp_path / "gpio"
    for line, level in (("gpio17", "1"), ("gpio27", "0")):
        (gpio / line).mkdir(parents=True)
        (gpio / line / "value").write_text(level)
    user = paths.config_dir() / "vehicle.toml"
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text(f'sources = ["gpio:{gpio}:17=parkingBrake,27=reverse", "gpsd:127.0.0.1:{_closed_port()}", '
                    f'"lidar:/dev/x"]\n')
    runtime = Runtime(Options(simulator=False, discover=False))
    try:
        assert runtime.vehicle_sources is None  # nothing before the first frame
        runtime.start_vehicle_sources()
        qtbot.waitUntil(lambda: runtime.vehicle.age("parkingBrake") < 1 and runtime.vehicle.gear == "D",
                        timeout=3000)
        assert runtime.vehicle.parkingBrake and runtime.driving.stale and runtime.driving.state == "moving"
        assert runtime.driving.missing == ["gps"]
        status = {entry["kind"]: entry for entry in runtime.vehicle_sources.status()}
        assert status["gpio"]["alive"] and not status["gpsd"]["alive"]
        assert "kind: expected one of" in status["lidar"]["error"]
    finally:
        runtime.shutdown()


def test_the_emulator_without_sources_keeps_its_simulator(qapp):
    runtime = Runtime(Options(simulator=True, discover=False))
    try:
        runtime.start_vehicle_sources()
        assert runtime.vehicle_sources is None and not runtime.driving.stale
    finally:
        runtime.shutdown()


def test_the_emulators_simulator_leaves_to_a_source_what_it_reads(qapp, qtbot, tmp_path):
    (tmp_path / "gpio17").mkdir()
    (tmp_path / "gpio17" / "value").write_text("0")
    runtime = Runtime(Options(simulator=True, discover=False, drive="parked",
                              sources=(f"gpsd:127.0.0.1:{_closed_port()}", f"gpio:{tmp_path}:17=parkingBrake")))
    try:
        runtime.start_vehicle_sources()
        qtbot.waitUntil(lambda: runtime.vehicle.age("parkingBrake") < 1 and not runtime.vehicle.parkingBrake,
                        timeout=3000)
        qtbot.wait(300)  # the simulator (parked: brake on) has ticked since, and left the brake alone
        assert not runtime.vehicle.parkingBrake and runtime.vehicle.gear == "P"  # the gear is still simulated
        assert runtime.driving.stale and runtime.driving.missing == ["gps"]  # speed: gpsd's, and it is not there
    finally:
        runtime.shutdown()


def _closed_port() -> int:
    from tests.vehicle.sources.gpsfake import free_port

    return free_port()


def test_example_config_lists_valid_specs():
    """packaging/vehicle/vehicle.toml, what the package installs: every spec in it parses."""
    example = Path(__file__).parents[3] / "packaging" / "vehicle" / "vehicle.toml"
    if not example.exists():
        pytest.skip("no example vehicle.toml in this tree")
    import tomllib

    text = example.read_text()
    specs = tomllib.loads(text).get("sources", [])
    specs += [line.split('"')[1] for line in text.splitlines() if line.lstrip().startswith('# "')]
    assert specs
    for spec in specs:
        try:
            create(spec)
        except SpecError as exc:
            assert exc.field == "dbc", exc  # the car maker's DBC file is the one thing not here


def test_diagnostics_lists_each_source_alive_or_why_not(make_shell, qtbot, tmp_path):
    from tests.shell import descendants, settle

    (tmp_path / "gpio17").mkdir()
    (tmp_path / "gpio17" / "value").write_text("1")
    brake, gpsd = f"gpio:{tmp_path}:17=parkingBrake", f"gpsd:127.0.0.1:{_closed_port()}"
    runtime, window = make_shell(1920, 720, simulator=False, discover=False, sources=(brake, gpsd))
    runtime.start_vehicle_sources()
    qtbot.waitUntil(lambda: runtime.vehicle_sources.running()[0].alive, timeout=3000)
    runtime.apps.openSettings("diagnostics")
    settle(qtbot)
    texts = {item.property("text") for item in descendants(window.contentItem()) if item.isVisible()}  # scrolled too
    assert "Vehicle sources" in texts and brake in texts and "Alive" in texts and gpsd in texts
    assert any(str(text).startswith("gpsd at 127.0.0.1:") and "refused" in str(text).lower() for text in texts)
