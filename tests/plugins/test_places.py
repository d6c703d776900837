"""The places app: distances in the driver's words, kept up to date while the car moves."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Property, QObject, Signal

from headunit.host import loader
from headunit.host.manifest import load_manifest
from headunit.shell import formats as shell_formats

ROOT = Path(__file__).resolve().parents[2]
PLACES = "org.headunit.places"


class Car(QObject):
    latitudeChanged = Signal()
    longitudeChanged = Signal()

    def __init__(self):
        super().__init__()
        self._lat, self._lon = 43.7384, 7.4246

    def move_to(self, lat: float, lon: float) -> None:
        self._lat, self._lon = lat, lon
        self.latitudeChanged.emit()
        self.longitudeChanged.emit()

    latitude = Property(float, lambda self: self._lat, notify=latitudeChanged)
    longitude = Property(float, lambda self: self._lon, notify=longitudeChanged)


@pytest.fixture
def modules(qapp):
    loader.load_entry_class(load_manifest(ROOT / "headunit" / "plugins" / PLACES))
    package = f"{loader.namespace_for(PLACES)}.places"
    return sys.modules[f"{package}.store"], sys.modules[f"{package}.catalog"]


@pytest.fixture(autouse=True)
def _chinese():
    before = shell_formats.current()
    shell_formats.use(language="zh_CN", distance_unit="km")
    yield
    shell_formats.use(language=before["language"], distance_unit=before["distanceUnit"])


def test_distances_read_in_the_drivers_units_and_follow_the_car(modules, qtbot):
    store_module, catalog = modules
    car = Car()
    store = store_module.PlacesStore(car, {"fuel": "加油站"})
    store.set_places([catalog.Place("Agip", "fuel", 43.7400, 7.4246)])
    results = store.results

    def trailing() -> str:
        return results.data(results.index(0), store_module._Role.Trailing)

    assert trailing() == "180 米"  # metres in Chinese, never "m" beside 公里
    car.move_to(43.7500, 7.4246)  # 1 km further on: the list says so within a couple of seconds
    qtbot.waitUntil(lambda: trailing() == "1.1 公里", timeout=3000)
