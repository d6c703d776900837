"""Ambient light from an IIO device folder: files as the kernel's IIO drivers write them."""

from __future__ import annotations

import pytest

from headunit.vehicle.sources.base import SpecError
from headunit.vehicle.sources.iio import IioSource, read_lux
from headunit.vehicle.sources.manager import VehicleSources
from headunit.vehicle.sources.registry import create
from headunit.vehicle.state import VehicleState


def device(tmp_path, **files: str):
    folder = tmp_path / "iio:device0"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text + "\n")
    return folder


def test_the_processed_value_is_lux(tmp_path):
    assert read_lux(device(tmp_path, in_illuminance_input="312.5", in_illuminance_raw="9")) == 312.5


def test_raw_is_converted_with_offset_and_scale_as_the_iio_abi_says(tmp_path):
    folder = device(tmp_path, in_illuminance_raw="1200", in_illuminance_scale="0.25", in_illuminance_offset="-200")
    assert read_lux(folder) == pytest.approx(250.0)  # (1200 - 200) x 0.25


def test_an_indexed_channel_is_read_too(tmp_path):
    assert read_lux(device(tmp_path, in_illuminance0_raw="40")) == 40.0  # no scale: 1


def test_a_folder_without_a_light_channel_says_so(tmp_path):
    with pytest.raises(OSError, match="not a light sensor"):
        read_lux(device(tmp_path, in_temp_raw="20"))
    with pytest.raises(OSError, match="no such IIO device"):
        read_lux(tmp_path / "iio:device9")


def test_the_spec_keeps_the_colon_in_the_device_folders_name():
    source = create("iio:/sys/bus/iio/devices/iio:device0")
    assert isinstance(source, IioSource) and str(source.folder) == "/sys/bus/iio/devices/iio:device0"
    with pytest.raises(SpecError, match=": path: "):
        create("iio:device0")


def test_the_sensor_feeds_ambient_light(tmp_path, qtbot):
    folder = device(tmp_path, in_illuminance_raw="80", in_illuminance_scale="0.5")
    vehicle = VehicleState()
    sources = VehicleSources(vehicle, [f"iio:{folder}"])
    sources.start()
    try:
        qtbot.waitUntil(lambda: vehicle.ambientLight == 40.0, timeout=2000)
    finally:
        sources.stop()
