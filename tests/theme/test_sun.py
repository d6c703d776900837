"""The sun's position, computed on the device, against published tables and plain geometry."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from headunit.shell import sun

LONDON = (51.4733, -0.0008)  # Greenwich, as the table below gives it
MONACO = (43.7384, 7.4246)


def _minutes_apart(a: datetime, b: datetime) -> float:
    return abs((a - b).total_seconds()) / 60


# timeanddate.com's table for London (times in UTC), as the astral package's test suite records it.
@pytest.mark.parametrize(("day", "sunrise", "sunset"), [
    (date(2015, 1, 1), (8, 6), (16, 1)),
    (date(2015, 12, 1), (7, 43), (15, 55)),
    (date(2015, 12, 12), (7, 56), (15, 51)),
    (date(2015, 12, 25), (8, 5), (15, 55)),
])
def test_sunrise_and_sunset_in_london_match_the_published_table(day, sunrise, sunset):
    rise = sun.crossing(*LONDON, day, sun.SUNRISE_ELEVATION, rising=True)
    fall = sun.crossing(*LONDON, day, sun.SUNRISE_ELEVATION, rising=False)
    assert _minutes_apart(rise, datetime(day.year, day.month, day.day, *sunrise, tzinfo=UTC)) < 2
    assert _minutes_apart(fall, datetime(day.year, day.month, day.day, *sunset, tzinfo=UTC)) < 2


# Astronomy Answers (aa.quae.nl), "The Position of the Sun: Tables", table 1: sunrise on 1 January
# (2002) in local mean time, by latitude. At longitude 0 local mean time is UTC.
@pytest.mark.parametrize(("latitude", "published"), [(0, (6, 0)), (20, (6, 35)), (40, (7, 22)), (44, (7, 35)),
                                                      (50, (7, 59)), (-40, (4, 35))])
def test_sunrise_by_latitude_matches_the_published_table(latitude, published):
    rise = sun.crossing(latitude, 0.0, date(2002, 1, 1), sun.SUNRISE_ELEVATION, rising=True)
    assert _minutes_apart(rise, datetime(2002, 1, 1, *published, tzinfo=UTC)) < 2


def test_sunrise_in_monaco_on_new_years_day():
    """The same table between 42° (7:28) and 44° (7:35), at Monaco's latitude, moved to Monaco's
    longitude (4 minutes a degree east earlier): 07:04 UTC, 08:04 in Monaco's winter time."""
    lat, lon = MONACO
    local_mean = 7 * 60 + 28 + (35 - 28) * (lat - 42) / 2
    expected = datetime(2002, 1, 1, tzinfo=UTC) + timedelta(minutes=local_mean - 4 * lon)
    rise = sun.crossing(lat, lon, date(2002, 1, 1), sun.SUNRISE_ELEVATION, rising=True)
    assert _minutes_apart(rise, expected) < 2
    assert (rise.hour, rise.minute) in ((7, 3), (7, 4), (7, 5))


@pytest.mark.parametrize("latitude", [0.0, 23.44, MONACO[0], 51.47, 60.0, -33.9])
def test_noon_on_the_equinox_stands_at_ninety_minus_the_latitude(latitude):
    """On the March equinox (20 March 2024, 03:06 UTC) the sun is over the equator, so at local noon
    it stands 90° − |latitude| high (within its 0.35° of declination that day and a little refraction)."""
    day = datetime(2024, 3, 20, tzinfo=UTC)
    highest = max(sun.elevation(latitude, 0.0, day + timedelta(minutes=m)) for m in range(11 * 60, 13 * 60))
    assert highest == pytest.approx(90 - abs(latitude), abs=0.6)


def test_midnight_is_dark_and_noon_is_light_at_the_car():
    lat, lon = MONACO
    winter_midnight = datetime(2024, 1, 15, 23, 0, tzinfo=UTC)  # 00:00 in Monaco (UTC+1)
    winter_noon = datetime(2024, 1, 15, 11, 0, tzinfo=UTC)
    assert sun.elevation(lat, lon, winter_midnight) < -60
    assert 20 < sun.elevation(lat, lon, winter_noon) < 30


def test_refraction_lifts_the_sun_near_the_horizon_only():
    lat, lon = MONACO
    rise = sun.crossing(lat, lon, date(2024, 6, 21), sun.SUNRISE_ELEVATION, rising=True)
    assert sun.elevation(lat, lon, rise) - sun.elevation(lat, lon, rise, refraction=False) == pytest.approx(0.45, abs=0.15)
    noon = datetime(2024, 6, 21, 11, 30, tzinfo=UTC)
    assert sun.elevation(lat, lon, noon) - sun.elevation(lat, lon, noon, refraction=False) < 0.01


def test_no_sunrise_in_the_polar_night():
    assert sun.crossing(78.2, 15.6, date(2024, 12, 21), sun.SUNRISE_ELEVATION, rising=True) is None  # Svalbard


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError, match="aware"):
        sun.elevation(*MONACO, datetime(2024, 1, 1, 12, 0))
