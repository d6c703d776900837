"""Where the sun stands: its elevation above the horizon at a place and a moment, computed on the device.

The NOAA solar position algorithm (the one behind NOAA's solar calculator spreadsheet, after Jean Meeus,
"Astronomical Algorithms"): good to about a minute of sunrise time and a fraction of a degree of elevation
between 1800 and 2100, which is far better than a day/night switch needs. No dependency: the `astral`
package does the same sums, but only these few lines are needed here and it has had no release since 2022.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

#: Geometric elevation of the sun's centre at sunrise and sunset: the upper limb on the horizon (16′ of
#: semi-diameter) with standard atmospheric refraction (34′).
SUNRISE_ELEVATION = -0.833


def _julian_century(when: datetime) -> float:
    if when.tzinfo is None:
        raise ValueError("sun position: give an aware datetime (UTC), not a naive one")
    julian_day = when.timestamp() / 86400.0 + 2440587.5
    return (julian_day - 2451545.0) / 36525.0


def _declination_and_equation_of_time(t: float) -> tuple[float, float]:
    """The sun's declination (degrees) and the equation of time (minutes) at Julian century `t`."""
    mean_longitude = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360.0
    mean_anomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t)
    eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t)
    m = math.radians(mean_anomaly)
    centre = (math.sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t))
              + math.sin(2 * m) * (0.019993 - 0.000101 * t) + math.sin(3 * m) * 0.000289)
    omega = math.radians(125.04 - 1934.136 * t)
    apparent_longitude = mean_longitude + centre - 0.00569 - 0.00478 * math.sin(omega)
    mean_obliquity = 23.0 + (26.0 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60.0) / 60.0
    obliquity = math.radians(mean_obliquity + 0.00256 * math.cos(omega))
    declination = math.degrees(math.asin(math.sin(obliquity) * math.sin(math.radians(apparent_longitude))))

    y = math.tan(obliquity / 2) ** 2
    l0 = math.radians(mean_longitude)
    equation_of_time = 4 * math.degrees(
        y * math.sin(2 * l0) - 2 * eccentricity * math.sin(m)
        + 4 * eccentricity * y * math.sin(m) * math.cos(2 * l0)
        - 0.5 * y * y * math.sin(4 * l0) - 1.25 * eccentricity**2 * math.sin(2 * m)
    )
    return declination, equation_of_time


def _refraction(elevation: float) -> float:
    """Atmospheric refraction in degrees for a geometric `elevation` (NOAA's approximation)."""
    if elevation > 85.0:
        return 0.0
    te = math.tan(math.radians(elevation))
    if elevation > 5.0:
        arcsec = 58.1 / te - 0.07 / te**3 + 0.000086 / te**5
    elif elevation > -0.575:
        arcsec = 1735.0 + elevation * (-518.2 + elevation * (103.4 + elevation * (-12.79 + elevation * 0.711)))
    else:
        arcsec = -20.774 / te
    return arcsec / 3600.0


def elevation(latitude: float, longitude: float, when: datetime, *, refraction: bool = True) -> float:
    """The sun's elevation in degrees above the horizon (negative below it) seen from `latitude`,
    `longitude` (degrees, north and east positive) at the aware datetime `when`.

    With `refraction` (the default) it is the apparent elevation, where the eye sees the sun.
    """
    t = _julian_century(when)  # refuses a naive datetime
    when = when.astimezone(UTC)
    declination, equation_of_time = _declination_and_equation_of_time(t)
    minutes = when.hour * 60 + when.minute + when.second / 60 + when.microsecond / 60e6
    true_solar_time = (minutes + equation_of_time + 4 * longitude) % 1440.0
    hour_angle = math.radians(true_solar_time / 4 - 180.0)
    lat, dec = math.radians(latitude), math.radians(declination)
    cos_zenith = math.sin(lat) * math.sin(dec) + math.cos(lat) * math.cos(dec) * math.cos(hour_angle)
    geometric = 90.0 - math.degrees(math.acos(max(-1.0, min(1.0, cos_zenith))))
    return geometric + _refraction(geometric) if refraction else geometric


def crossing(latitude: float, longitude: float, day: date, degrees: float, *, rising: bool) -> datetime | None:
    """When (UTC) on the UTC date `day` the sun's centre rises (or sets) through the geometric elevation
    `degrees`; None when it does not that day (polar day or night).

    `crossing(lat, lon, day, SUNRISE_ELEVATION, rising=True)` is the sunrise of almanacs and tables.
    """
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    step = timedelta(minutes=10)

    def above(t: datetime) -> bool:
        return elevation(latitude, longitude, t, refraction=False) > degrees

    t = start
    while t < start + timedelta(days=1):
        a, b = above(t), above(t + step)
        if a != b and b == rising:
            lo, hi = t, t + step
            while hi - lo > timedelta(seconds=1):  # bisect to the second
                mid = lo + (hi - lo) / 2
                lo, hi = (mid, hi) if above(mid) != rising else (lo, mid)
            return hi
        t += step
    return None
