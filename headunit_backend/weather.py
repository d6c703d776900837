"""Weather behind one interface: a deterministic demo provider and an Open-Meteo adapter.

Both answer in the same schema (°C, km/h, mm, m, WMO weather codes plus a `condition` word), so the car's
weather app and its cache never know which provider spoke. The demo provider needs no network and gives
the same answer for a place and hour on every run and every worker, which makes ETags and tests stable;
it says `"demo": true` so the UI can mark it.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Sequence
from typing import Annotated, Literal, Protocol

import requests
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel

from headunit_backend.auth import CurrentDevice
from headunit_backend.caching import cache_control, cached_json
from headunit_backend.errors import ApiError, documented
from headunit_backend.services import Services, get_services

Condition = Literal["clear", "cloudy", "fog", "drizzle", "rain", "snow", "ice", "storm"]


def condition_for(code: int | None) -> Condition | None:
    """The WMO 4677 code Open-Meteo uses, reduced to the words the UI draws icons for."""
    if code is None:
        return None
    for codes, word in _CONDITIONS:
        if code in codes:
            return word
    return "cloudy"


_CONDITIONS: list[tuple[Sequence[int], Condition]] = [
    ((0, 1), "clear"), ((2, 3), "cloudy"), ((45, 48), "fog"), ((51, 53, 55), "drizzle"),
    ((56, 57, 66, 67), "ice"), ((61, 63, 65, 80, 81, 82), "rain"), ((71, 73, 75, 77, 85, 86), "snow"),
    ((95, 96, 99), "storm"),
]


class Location(BaseModel):
    lat: float
    lon: float


class CurrentWeather(BaseModel):
    time: AwareDatetime
    temperature_c: float | None
    apparent_temperature_c: float | None
    humidity_percent: float | None
    precipitation_mm: float | None
    wind_speed_kmh: float | None
    wind_direction_deg: float | None
    wind_gusts_kmh: float | None
    visibility_m: float | None
    weather_code: int | None
    condition: Condition | None
    is_day: bool | None


class HourlyWeather(BaseModel):
    time: AwareDatetime
    temperature_c: float | None
    precipitation_mm: float | None
    precipitation_probability_percent: float | None
    wind_speed_kmh: float | None
    visibility_m: float | None
    weather_code: int | None
    condition: Condition | None


class DailyWeather(BaseModel):
    date: dt.date
    temperature_max_c: float | None
    temperature_min_c: float | None
    precipitation_mm: float | None
    precipitation_probability_percent: float | None
    wind_speed_max_kmh: float | None
    weather_code: int | None
    condition: Condition | None
    sunrise: AwareDatetime | None
    sunset: AwareDatetime | None


class Forecast(BaseModel):
    provider: str
    demo: bool
    attribution: str | None = None
    location: Location
    issued_at: AwareDatetime
    current: CurrentWeather
    hourly: list[HourlyWeather]
    daily: list[DailyWeather]


class WeatherUnavailable(Exception):
    """The provider could not answer (network, HTTP error, unreadable answer)."""


class WeatherProvider(Protocol):
    def forecast(self, lat: float, lon: float) -> Forecast:
        """Current conditions, the next 24 hours and 7 days; raises WeatherUnavailable."""
        ...


# --- demo -------------------------------------------------------------------------------------------------

# (WMO code, weight) for a day's weather before temperature turns rain into snow.
_DEMO_DAY_CODES = [(0, 14), (1, 10), (2, 12), (3, 12), (45, 4), (51, 5), (61, 8), (63, 5), (80, 5), (95, 2)]
_WINTRY = {51: 56, 61: 71, 63: 73, 80: 85, 95: 75}


class DemoWeather:
    """Plausible weather from a seeded generator: same place (to 0.1°) and hour, same answer."""

    provider = "demo"

    def __init__(self, clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)):
        self._clock = clock

    def forecast(self, lat: float, lon: float) -> Forecast:
        lat, lon = round(lat, 1), round(lon, 1)
        issued = self._clock().astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
        hours = [self._hour(lat, lon, issued + dt.timedelta(hours=h)) for h in range(24)]
        now = hours[0]
        rng = random.Random(f"current:{lat}:{lon}:{issued.isoformat()}")
        temperature = now.temperature_c
        wind = now.wind_speed_kmh
        current = CurrentWeather(
            time=issued, temperature_c=temperature, apparent_temperature_c=_apparent(temperature, wind),
            humidity_percent=float(rng.randint(*_HUMIDITY[now.condition])), precipitation_mm=now.precipitation_mm,
            wind_speed_kmh=wind, wind_direction_deg=float(rng.randrange(0, 360, 10)),
            wind_gusts_kmh=round(wind * rng.uniform(1.3, 1.8), 1), visibility_m=now.visibility_m,
            weather_code=now.weather_code, condition=now.condition, is_day=_is_day(lat, lon, issued))
        daily = [self._day(lat, lon, issued.date() + dt.timedelta(days=d)) for d in range(7)]
        return Forecast(provider="demo", demo=True, location=Location(lat=lat, lon=lon), issued_at=issued,
                        current=current, hourly=hours, daily=daily)

    def _day_weather(self, lat: float, lon: float, day: dt.date) -> tuple[int, float, float]:
        """The day's WMO code, its temperature offset from the climate mean and its base wind."""
        rng = random.Random(f"day:{lat}:{lon}:{day.isoformat()}")
        code = rng.choices([c for c, _ in _DEMO_DAY_CODES], [w for _, w in _DEMO_DAY_CODES])[0]
        offset = rng.gauss(0, 2.5)
        if _climate_mean(lat, day) + offset < 1.0:
            code = _WINTRY.get(code, code)
        wind = 40 + rng.uniform(0, 30) if code in (95, 75) else rng.uniform(4, 25)
        return code, offset, wind

    def _hour(self, lat: float, lon: float, at: dt.datetime) -> HourlyWeather:
        code, offset, wind = self._day_weather(lat, lon, at.date())
        rng = random.Random(f"hour:{lat}:{lon}:{at.isoformat()}")
        if code in (61, 63, 80, 51) and rng.random() < 0.3:
            code = 3  # showers come and go
        swing = 2.0 if code in (3, 45, 61, 63) else 4.5
        local_hour = (at.hour + at.minute / 60 + lon / 15) % 24
        temperature = (_climate_mean(lat, at.date()) + offset
                       + swing * math.cos(2 * math.pi * (local_hour - 15) / 24) + rng.uniform(-0.4, 0.4))
        low, high = _PRECIPITATION[condition_for(code)]
        return HourlyWeather(
            time=at, temperature_c=round(temperature, 1), precipitation_mm=round(rng.uniform(low, high), 1),
            precipitation_probability_percent=float(rng.randint(*_PROBABILITY[condition_for(code)])),
            wind_speed_kmh=round(wind * rng.uniform(0.8, 1.2), 1),
            visibility_m=float(round(rng.uniform(*_VISIBILITY[condition_for(code)]), -1)),
            weather_code=code, condition=condition_for(code))

    def _day(self, lat: float, lon: float, day: dt.date) -> DailyWeather:
        start = dt.datetime.combine(day, dt.time(), dt.UTC)
        hours = [self._hour(lat, lon, start + dt.timedelta(hours=h)) for h in range(24)]
        code = self._day_weather(lat, lon, day)[0]
        sunrise, sunset = _sun(lat, lon, day)
        temperatures = [h.temperature_c for h in hours]
        return DailyWeather(
            date=day, temperature_max_c=max(temperatures), temperature_min_c=min(temperatures),
            precipitation_mm=round(sum(h.precipitation_mm for h in hours), 1),
            precipitation_probability_percent=max(h.precipitation_probability_percent for h in hours),
            wind_speed_max_kmh=max(h.wind_speed_kmh for h in hours), weather_code=code,
            condition=condition_for(code), sunrise=sunrise, sunset=sunset)


_PRECIPITATION = {"clear": (0, 0), "cloudy": (0, 0), "fog": (0, 0), "drizzle": (0.1, 0.3), "rain": (0.2, 2.0),
                  "snow": (0.1, 1.0), "ice": (0.1, 0.5), "storm": (1.0, 8.0)}
_PROBABILITY = {"clear": (0, 10), "cloudy": (5, 35), "fog": (5, 20), "drizzle": (40, 80), "rain": (60, 95),
                "snow": (55, 90), "ice": (50, 85), "storm": (70, 100)}
_VISIBILITY = {"clear": (20000, 40000), "cloudy": (12000, 30000), "fog": (120, 900), "drizzle": (5000, 15000),
               "rain": (3000, 12000), "snow": (600, 4000), "ice": (1500, 6000), "storm": (1000, 5000)}
_HUMIDITY = {"clear": (35, 65), "cloudy": (55, 85), "fog": (92, 100), "drizzle": (80, 95), "rain": (80, 98),
             "snow": (80, 95), "ice": (85, 98), "storm": (75, 95)}


def _climate_mean(lat: float, day: dt.date) -> float:
    """A rough daily mean temperature: warm tropics, cold poles, summer in July up north."""
    season = math.cos(2 * math.pi * (day.timetuple().tm_yday - 200) / 365.25)
    return 29 - 0.42 * abs(lat) + 0.2 * lat * season


def _apparent(temperature: float, wind_kmh: float) -> float:
    if temperature <= 10 and wind_kmh > 4.8:  # the Environment Canada wind chill formula
        v = wind_kmh ** 0.16
        return round(13.12 + 0.6215 * temperature - 11.37 * v + 0.3965 * temperature * v, 1)
    return temperature


def _sun(lat: float, lon: float, day: dt.date) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Sunrise and sunset in UTC from the solar declination (minutes off; None in polar day or night)."""
    declination = math.radians(23.44) * math.sin(2 * math.pi * (284 + day.timetuple().tm_yday) / 365)
    cos_h = -math.tan(math.radians(lat)) * math.tan(declination)
    if not -1 <= cos_h <= 1:
        return None, None
    half_day = math.degrees(math.acos(cos_h)) / 15
    noon = dt.datetime.combine(day, dt.time(), dt.UTC) + dt.timedelta(hours=12 - lon / 15)
    return (noon - dt.timedelta(hours=half_day)).replace(second=0, microsecond=0), \
        (noon + dt.timedelta(hours=half_day)).replace(second=0, microsecond=0)


def _is_day(lat: float, lon: float, at: dt.datetime) -> bool:
    sunrise, sunset = _sun(lat, lon, at.date())
    if sunrise is None:
        return abs(lat) > 0 and (lat > 0) == (4 <= at.month <= 9)
    return sunrise <= at < sunset


# --- Open-Meteo -------------------------------------------------------------------------------------------

OPEN_METEO_ATTRIBUTION = "Weather data by Open-Meteo.com (CC BY 4.0)"
_CURRENT = ("temperature_2m,relative_humidity_2m,apparent_temperature,is_day,precipitation,weather_code,"
            "wind_speed_10m,wind_direction_10m,wind_gusts_10m,visibility")
_HOURLY = "temperature_2m,precipitation_probability,precipitation,weather_code,visibility,wind_speed_10m"
_DAILY = ("weather_code,temperature_2m_max,temperature_2m_min,sunrise,sunset,precipitation_sum,"
          "precipitation_probability_max,wind_speed_10m_max")


class OpenMeteoWeather:
    """The Open-Meteo forecast API (`/v1/forecast`), asked for metric units in GMT."""

    provider = "open-meteo"

    def __init__(self, session: requests.Session | None = None, base_url: str = "https://api.open-meteo.com",
                 timeout: float = 10.0):
        self.session = session or requests.Session()
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def forecast(self, lat: float, lon: float) -> Forecast:
        params = {"latitude": f"{lat:.4f}", "longitude": f"{lon:.4f}", "current": _CURRENT, "hourly": _HOURLY,
                  "daily": _DAILY, "timezone": "GMT", "forecast_days": 7, "temperature_unit": "celsius",
                  "wind_speed_unit": "kmh", "precipitation_unit": "mm"}
        try:
            response = self.session.get(f"{self.base_url}/v1/forecast", params=params, timeout=self.timeout)
            response.raise_for_status()
            return from_open_meteo(response.json())
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            raise WeatherUnavailable(f"Open-Meteo: {error}") from error


def from_open_meteo(data: dict) -> Forecast:
    """Map an Open-Meteo /v1/forecast answer (with the variables OpenMeteoWeather asks for) to a Forecast."""
    offset = dt.timedelta(seconds=data.get("utc_offset_seconds", 0))

    def when(text: str | None) -> dt.datetime | None:
        return None if text is None else dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC) - offset

    def convert(units: dict, name: str, value):
        return None if value is None else _to_metric(units.get(name, ""), value)

    current, cu = data["current"], data.get("current_units", {})
    hourly, hu = data["hourly"], data.get("hourly_units", {})
    daily, du = data["daily"], data.get("daily_units", {})
    issued = when(current["time"])

    def c(name: str):
        return convert(cu, name, current.get(name))

    now = CurrentWeather(
        time=issued, temperature_c=c("temperature_2m"), apparent_temperature_c=c("apparent_temperature"),
        humidity_percent=c("relative_humidity_2m"), precipitation_mm=c("precipitation"),
        wind_speed_kmh=c("wind_speed_10m"), wind_direction_deg=c("wind_direction_10m"),
        wind_gusts_kmh=c("wind_gusts_10m"), visibility_m=c("visibility"), weather_code=current.get("weather_code"),
        condition=condition_for(current.get("weather_code")),
        is_day=None if current.get("is_day") is None else bool(current["is_day"]))

    def series(block: dict, units: dict, name: str, i: int):
        values = block.get(name)
        return None if values is None or i >= len(values) else convert(units, name, values[i])

    this_hour = issued.replace(minute=0, second=0, microsecond=0)
    hours = []
    for i, text in enumerate(hourly["time"]):
        at = when(text)
        if at < this_hour or len(hours) == 24:
            continue
        code = series(hourly, hu, "weather_code", i)
        hours.append(HourlyWeather(
            time=at, temperature_c=series(hourly, hu, "temperature_2m", i),
            precipitation_mm=series(hourly, hu, "precipitation", i),
            precipitation_probability_percent=series(hourly, hu, "precipitation_probability", i),
            wind_speed_kmh=series(hourly, hu, "wind_speed_10m", i), visibility_m=series(hourly, hu, "visibility", i),
            weather_code=None if code is None else int(code), condition=condition_for(code)))

    days = []
    for i, text in enumerate(daily["time"][:7]):
        code = series(daily, du, "weather_code", i)
        days.append(DailyWeather(
            date=dt.date.fromisoformat(text), temperature_max_c=series(daily, du, "temperature_2m_max", i),
            temperature_min_c=series(daily, du, "temperature_2m_min", i),
            precipitation_mm=series(daily, du, "precipitation_sum", i),
            precipitation_probability_percent=series(daily, du, "precipitation_probability_max", i),
            wind_speed_max_kmh=series(daily, du, "wind_speed_10m_max", i),
            weather_code=None if code is None else int(code), condition=condition_for(code),
            sunrise=when(series(daily, {}, "sunrise", i)), sunset=when(series(daily, {}, "sunset", i))))

    return Forecast(provider="open-meteo", demo=False, attribution=OPEN_METEO_ATTRIBUTION,
                    location=Location(lat=data["latitude"], lon=data["longitude"]), issued_at=issued,
                    current=now, hourly=hours, daily=days)


_TO_METRIC: dict[str, Callable[[float], float]] = {
    "°F": lambda f: (f - 32) * 5 / 9, "mp/h": lambda v: v * 1.609344, "mph": lambda v: v * 1.609344,
    "m/s": lambda v: v * 3.6, "kn": lambda v: v * 1.852, "inch": lambda v: v * 25.4, "ft": lambda v: v * 0.3048,
}


def _to_metric(unit: str, value):
    if isinstance(value, str):
        return value
    convert = _TO_METRIC.get(unit)
    return round(convert(value), 1) if convert else value


# --- route ------------------------------------------------------------------------------------------------

router = APIRouter(tags=["weather"])


@router.get("/weather", response_model=Forecast, responses=documented(401, 422, 502))
def get_weather(request: Request, device: CurrentDevice, services: Annotated[Services, Depends(get_services)],
                lat: Annotated[float, Query(ge=-90, le=90)],
                lon: Annotated[float, Query(ge=-180, le=180)]) -> Response:
    """Current weather, 24 hours and 7 days for a place; cacheable, with an ETag."""
    try:
        forecast = services.weather.forecast(lat, lon)
    except WeatherUnavailable as error:
        raise ApiError(502, "upstream_error", str(error)) from None
    settings = services.settings
    return cached_json(request, forecast, cache_control=cache_control(
        settings.weather_max_age, stale_while_revalidate=settings.stale_while_revalidate,
        stale_if_error=settings.stale_if_error))
