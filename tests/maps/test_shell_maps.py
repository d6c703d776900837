"""The shell's Maps service: the region under the car, and routing and search that follow a re-import."""

from __future__ import annotations

import pytest

from headunit.shell import maps as shell_maps
from headunit.shell.maps import Maps
from headunit.vehicle.state import VehicleState

CASINO = (43.73942, 7.42772)
HELSINKI_CENTRE = (60.1699, 24.9384)


@pytest.fixture
def two_regions(install_region):
    return install_region("monaco"), install_region("helsinki")


def test_the_map_shows_the_region_under_the_car_and_follows_it_into_another(qapp, two_regions, monkeypatch):
    monkeypatch.setattr(shell_maps, "REGION_CHECK_S", 0.0)
    vehicle = VehicleState()
    vehicle.publish(latitude=CASINO[0], longitude=CASINO[1])
    maps = Maps(vehicle)
    try:
        assert maps.region == "monaco"
        changes = []
        maps.regionChanged.connect(lambda: changes.append(maps.region))
        vehicle.publish(latitude=HELSINKI_CENTRE[0], longitude=HELSINKI_CENTRE[1])
        assert maps.region == "helsinki" and changes[-1] == "helsinki"
        assert "helsinki" in maps.tileHost(False) and maps.tileHost(True).endswith("/night/")
    finally:
        maps.close()


def test_without_a_position_the_largest_region_is_shown(qapp, two_regions):
    maps = Maps(VehicleState())
    try:
        assert maps.region == "monaco"  # 11 × 6 km, against central Helsinki's 1 × 2 km
    finally:
        maps.close()


def test_a_region_imported_again_from_another_extract_is_searched_afresh(qapp, install_region):
    region = install_region("helsinki")
    vehicle = VehicleState()
    maps = Maps(vehicle)
    try:
        old_index = maps.search_index(maps.current_region())
        assert old_index.nearest("parking", *HELSINKI_CENTRE)
        from tests.conftest import EXTRACTS

        maps.library.import_pbf(EXTRACTS["monaco"], name="helsinki")  # the same name, another extract
        maps.refresh()
        new_index = maps.search_index(maps.current_region())
        assert new_index is not old_index
        nearest = new_index.nearest("fuel", *CASINO, limit=1)
        assert nearest and nearest[0].distance_m < 1000  # Monaco's data now, not Helsinki's
        assert maps.current_region().sha256 != region.sha256
    finally:
        maps.close()
