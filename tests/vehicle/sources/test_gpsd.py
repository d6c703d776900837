"""gpsd's TPV reports as readings, and a source that waits for gpsd and reconnects to it (a real one: gpsfake)."""

from __future__ import annotations

import pytest

from headunit.vehicle.sources.base import SpecError
from headunit.vehicle.sources.gpsd import STANDSTILL_KMH, GpsdSource, tpv_readings
from headunit.vehicle.sources.manager import VehicleSources
from headunit.vehicle.sources.registry import create
from headunit.vehicle.state import VehicleState
from tests.vehicle.sources.gpsfake import free_port, gpsfake  # noqa: F401 - the fixture


def test_a_fix_gives_position_speed_in_kmh_and_heading():
    report = {"class": "TPV", "mode": 3, "lat": 43.74, "lon": 7.43, "speed": 13.89, "track": 212.5}
    assert tpv_readings(report) == {"latitude": 43.74, "longitude": 7.43, "speed": pytest.approx(50.0, abs=0.01),
                                    "heading": 212.5}


def test_no_fix_gives_no_reading_so_speed_goes_stale():
    assert tpv_readings({"class": "TPV", "mode": 1, "lat": 43.74, "lon": 7.43, "speed": 0.0}) is None
    assert tpv_readings({"class": "TPV", "mode": 0}) is None
    assert tpv_readings({"class": "SKY", "mode": 3}) is None


def test_a_standing_receivers_noise_reads_as_standing():
    noise = STANDSTILL_KMH / 3.6 / 2  # m/s
    assert tpv_readings({"class": "TPV", "mode": 2, "speed": noise}) == {"speed": 0.0}


def test_specs_default_to_gpsds_port_and_name_a_bad_one():
    assert (create("gpsd:").host, create("gpsd:").port) == ("127.0.0.1", 2947)
    source = create("gpsd:car.local:3000")
    assert isinstance(source, GpsdSource) and (source.host, source.port) == ("car.local", 3000)
    assert (create("gpsd:[::1]:2948").host, create("gpsd:[::1]:2948").port) == ("::1", 2948)
    with pytest.raises(SpecError, match=r"gpsd:host:x'?: port: expected a TCP port"):
        create("gpsd:host:x")


def test_waits_for_gpsd_then_reads_its_fixes(gpsfake, qtbot):  # noqa: F811
    """No gpsd yet: not alive, and the error says why; once gpsd listens the source connects by itself."""
    port = free_port()
    vehicle = VehicleState()
    sources = VehicleSources(vehicle, [f"gpsd:127.0.0.1:{port}"])
    source = sources.running()[0]
    sources.start()
    try:
        qtbot.waitUntil(lambda: "refused" in source.error.lower() and "trying again" in source.error, timeout=3000)
        assert not source.alive
        gpsfake(port=port)
        qtbot.waitUntil(lambda: source.alive and vehicle.has_position, timeout=10_000)
        assert source.error == "" and vehicle.age("latitude") < 1
    finally:
        sources.stop()
    assert not any(t.name == "vehicle-gpsd" and t.is_alive() for t in __import__("threading").enumerate())
