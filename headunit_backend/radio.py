"""Internet radio behind one interface: a demo directory the backend streams itself, and radio-browser.info.

Both answer `GET /v1/radio/stations` in the same schema, so the car's radio app and its cache never know
which directory spoke. The demo directory needs no network: each of its stations is a live stream this
backend plays (`GET /v1/radio/demo/{id}`), an endless WAV of a public-domain tune looped, and says
`"demo": true` so the UI can mark it. radio-browser.info is the real, community-kept directory of
Internet stations; the backend asks it on the car's behalf and keeps its answers for a few minutes.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import re
import signal
import struct
import sys
import threading
import time
from array import array
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Annotated, Protocol
from urllib.parse import urljoin

import requests
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from headunit_backend import __version__
from headunit_backend.auth import CurrentDevice
from headunit_backend.caching import cache_control, cached_json
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.services import Services, get_services

log = logging.getLogger(__name__)


class Station(BaseModel):
    id: str = Field(description="Stable id: a favourite is stored as `music:station:<id>`.")
    name: str
    url: str = Field(description="The stream's absolute URL, for a media player.")
    codec: str = Field(description='Lower case: "mp3", "aac", "ogg", "wav"…; "" when unknown.')
    bitrate: int = Field(description="kbit/s; 0 when unknown.")
    genre: str = Field(description='The main genre, lower case; "" when unknown.')
    country: str = Field(description='ISO 3166-1 alpha-2 code, upper case; "" when unknown.')
    logo: str = Field(description='An image URL for the station; "" when it has none.')
    demo: bool = Field(description="Streamed by this backend for demonstrations; not a real broadcaster.")


class StationList(BaseModel):
    provider: str
    demo: bool
    attribution: str | None = None
    stations: list[Station]


class RadioUnavailable(Exception):
    """The directory could not answer (network, HTTP error, unreadable answer)."""


class RadioDirectory(Protocol):
    provider: str

    def stations(self, q: str | None, genre: str | None, country: str | None, limit: int) -> StationList:
        """Stations matching every filter given, best known first; raises RadioUnavailable.

        `q` is part of the name, `genre` a genre word, `country` an ISO 3166-1 alpha-2 code. A station's
        `url` may be relative to this backend (the route makes it absolute for the caller's host).
        """
        ...


# --- demo -------------------------------------------------------------------------------------------------

SAMPLE_RATE = 22050  # mono, signed 16-bit: 43 KB/s, plenty for a synthesized tune

#: One period of each instrument's waveform, as (harmonic, amplitude) pairs, and how a note fades.
_TIMBRES: dict[str, tuple[tuple[tuple[int, float], ...], str]] = {
    "flute": (((1, 1.0), (2, 0.12), (3, 0.04)), "held"),
    "organ": (((1, 1.0), (2, 0.5), (3, 0.3), (4, 0.12), (6, 0.06)), "held"),
    "clarinet": (((1, 1.0), (3, 0.45), (5, 0.25), (7, 0.12)), "held"),
    "koto": (((1, 1.0), (2, 0.6), (3, 0.35), (4, 0.2), (5, 0.1)), "plucked"),
    "lute": (((1, 1.0), (2, 0.45), (3, 0.25), (4, 0.08)), "plucked"),
}


@dataclass(frozen=True)
class DemoStation:
    id: str
    name: str
    genre: str
    country: str
    timbre: str
    beats_per_minute: int
    #: Space-separated notes: pitch (C4, F#4, Bb3, or "-" for a rest), then "/" and beats when not 1.
    melody: str

    def notes(self) -> list[tuple[float | None, float]]:
        """(frequency in Hz or None for a rest, seconds) for each note."""
        beat = 60 / self.beats_per_minute
        notes = []
        for token in self.melody.split():
            pitch, _, beats = token.partition("/")
            notes.append((None if pitch == "-" else _frequency(pitch), float(beats or 1) * beat))
        return notes


DEMO_STATIONS = (
    DemoStation("demo-ode-to-joy", "Demo Radio · Ode to Joy", "classical", "DE", "organ", 132,
                "E4 E4 F4 G4 G4 F4 E4 D4 C4 C4 D4 E4 E4/1.5 D4/0.5 D4/2 "
                "E4 E4 F4 G4 G4 F4 E4 D4 C4 C4 D4 E4 D4/1.5 C4/0.5 C4/2 "
                "D4 D4 E4 C4 D4 E4/0.5 F4/0.5 E4 C4 D4 E4/0.5 F4/0.5 E4 D4 C4 D4 G3/2 "
                "E4 E4 F4 G4 G4 F4 E4 D4 C4 C4 D4 E4 D4/1.5 C4/0.5 C4/2 -/2"),
    DemoStation("demo-frere-jacques", "Demo Radio · Frère Jacques", "folk", "FR", "clarinet", 120,
                "C4 D4 E4 C4 C4 D4 E4 C4 E4 F4 G4/2 E4 F4 G4/2 "
                "G4/0.5 A4/0.5 G4/0.5 F4/0.5 E4 C4 G4/0.5 A4/0.5 G4/0.5 F4/0.5 E4 C4 "
                "C4 G3 C4/2 C4 G3 C4/2 -/2"),
    DemoStation("demo-sakura", "Demo Radio · Sakura Sakura", "folk", "JP", "koto", 76,
                "A4 A4 B4/2 A4 A4 B4/2 A4 B4 C5 B4 A4 B4/0.5 A4/0.5 F4/2 "
                "E4 C4 E4 F4 E4 E4/0.5 C4/0.5 B3/2 A4 B4 C5 B4 A4 B4/0.5 A4/0.5 F4/2 "
                "E4 C4 E4 F4 E4 E4/0.5 C4/0.5 B3/2 A4 A4 B4/2 A4 A4 B4/2 "
                "E4 F4 B4/0.5 A4/0.5 F4 E4/4 -/2"),
    DemoStation("demo-jasmine-flower", "Demo Radio · Jasmine Flower (茉莉花)", "folk", "CN", "flute", 84,
                "E4 E4/0.5 G4/0.5 A4/0.5 C5/0.5 C5/0.5 A4/0.5 G4 G4/0.5 A4/0.5 G4/2 "
                "E4 E4/0.5 G4/0.5 A4/0.5 C5/0.5 C5/0.5 A4/0.5 G4 G4/0.5 A4/0.5 G4/2 "
                "G4 G4 G4 E4/0.5 G4/0.5 A4 A4 G4/2 "
                "E4 D4/0.5 E4/0.5 G4 E4/0.5 D4/0.5 C4 C4/0.5 D4/0.5 C4/2 "
                "E4/0.5 D4/0.5 C4/0.5 E4/0.5 D4/1.5 E4/0.5 G4 A4/0.5 C5/0.5 G4/2 "
                "D4 E4/0.5 G4/0.5 D4/0.5 E4/0.5 C4/0.5 A3/0.5 G3/2 "
                "A3 C4 D4/1.5 E4/0.5 C4/0.5 D4/0.5 C4/0.5 A3/0.5 G3/3 -/2"),
    DemoStation("demo-greensleeves", "Demo Radio · Greensleeves", "classical", "GB", "lute", 150,
                "A4 C5/2 D5 E5/1.5 F5/0.5 E5 D5/2 B4 G4/1.5 A4/0.5 B4 C5/2 A4 A4/1.5 G#4/0.5 A4 B4/2 G#4 "
                "E4/2 A4 C5/2 D5 E5/1.5 F5/0.5 E5 D5/2 B4 G4/1.5 A4/0.5 B4 C5/1.5 B4/0.5 A4 G#4/1.5 "
                "F#4/0.5 G#4 A4/3 G5/3 G5/1.5 F#5/0.5 E5 D5/2 B4 G4/1.5 A4/0.5 B4 C5/2 A4 A4/1.5 G#4/0.5 "
                "A4 B4/2 G#4 E4/2 G5/3 G5/1.5 F#5/0.5 E5 D5/2 B4 G4/1.5 A4/0.5 B4 C5/1.5 B4/0.5 A4 "
                "G#4/1.5 F#4/0.5 G#4 A4/3 -/3"),
)
_DEMO_BY_ID = {s.id: s for s in DEMO_STATIONS}
_STEPS = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}


def _frequency(pitch: str) -> float:
    """Equal temperament, A4 = 440 Hz: "C#5" → 554.37."""
    match = re.fullmatch(r"([A-G])([#b]?)(\d)", pitch)
    if not match:
        raise ValueError(f"not a pitch: {pitch!r}")
    letter, accidental, octave = match.groups()
    semitones = _STEPS[letter] + {"#": 1, "b": -1, "": 0}[accidental] + 12 * (int(octave) - 4)
    return 440.0 * 2 ** (semitones / 12)


class DemoRadio:
    """The demo stations, streamed by this backend; they match filters as a real directory's would."""

    provider = "demo"

    def stations(self, q: str | None, genre: str | None, country: str | None, limit: int) -> StationList:
        found = [s for s in DEMO_STATIONS
                 if (not q or q.casefold() in s.name.casefold())
                 and (not genre or genre.casefold() == s.genre)
                 and (not country or country.upper() == s.country)]
        stations = [Station(id=s.id, name=s.name, url=f"/v1/radio/demo/{s.id}", codec="wav",
                            bitrate=round(SAMPLE_RATE * 16 / 1000), genre=s.genre, country=s.country, logo="",
                            demo=True) for s in found[:limit]]
        return StationList(provider="demo", demo=True, stations=stations)


_TABLE_SIZE = 2048  # one waveform period; a power of two so a phase wraps with a mask


@functools.cache
def _wavetable(timbre: str) -> tuple[float, ...]:
    harmonics, _ = _TIMBRES[timbre]
    total = sum(amplitude for _, amplitude in harmonics)
    return tuple(sum(a * math.sin(2 * math.pi * h * i / _TABLE_SIZE) for h, a in harmonics) / total
                 for i in range(_TABLE_SIZE))


@functools.cache
def demo_loop(station_id: str) -> bytes:
    """One pass of the station's tune as s16le PCM at SAMPLE_RATE, made once per process (a few tenths
    of a second of CPU; about 1 MB): streaming it afterwards costs almost nothing."""
    station = _DEMO_BY_ID[station_id]
    table, (_, fade) = _wavetable(station.timbre), _TIMBRES[station.timbre]
    mask, peak = _TABLE_SIZE - 1, 0.5 * 32767
    attack, release = int(0.012 * SAMPLE_RATE), int(0.04 * SAMPLE_RATE)
    pcm = array("h")
    for frequency, seconds in station.notes():
        count = int(seconds * SAMPLE_RATE)
        if frequency is None:
            pcm.extend([0] * count)
            continue
        step = frequency * _TABLE_SIZE / SAMPLE_RATE
        if fade == "plucked":  # struck strings: a fast attack, then an exponential decay
            decay = math.exp(-3.0 / max(count, 1))
            envelope = [min(1.0, i / attack) * decay ** i for i in range(count)]
        else:  # wind and organ: held at full strength, with short ramps so notes do not click
            envelope = [min(1.0, i / attack, (count - i) / release) for i in range(count)]
        pcm.extend([int(peak * table[int(i * step) & mask] * envelope[i]) for i in range(count)])
    if sys.byteorder == "big":
        pcm.byteswap()
    return pcm.tobytes()


def wav_header(sample_rate: int = SAMPLE_RATE) -> bytes:
    """A WAV header for mono s16le whose RIFF and data sizes are 0xFFFFFFFF, the usual mark of a stream
    whose length is unknown (FFmpeg, and with it QtMultimedia, then reads until the connection ends)."""
    unknown = 0xFFFFFFFF
    return (b"RIFF" + struct.pack("<I", unknown) + b"WAVE"
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, sample_rate, sample_rate * 2, 2, 16)
            + b"data" + struct.pack("<I", unknown))


#: Audio a new listener gets at once (like an Icecast server's burst on connect), so playback starts
#: without waiting; afterwards the stream runs in real time, this far ahead of the listener's clock.
BURST_SECONDS = 1.5
CHUNK_SECONDS = 0.2


async def live_stream(pcm: bytes, *, stopping: Callable[[], bool], clock: Callable[[], float] = time.monotonic,
                      wall_clock: Callable[[], float] = time.time) -> AsyncIterator[bytes]:
    """The WAV header, then `pcm` looped forever at real-time pace, starting where the broadcast is now
    (every listener hears the same moment, as on air). Ends when `stopping()` turns true; a listener
    who hangs up cancels it at its next await."""
    yield wav_header()
    frames, chunk, burst = len(pcm) // 2, int(CHUNK_SECONDS * SAMPLE_RATE), int(BURST_SECONDS * SAMPLE_RATE)
    position = int((wall_clock() - BURST_SECONDS) * SAMPLE_RATE) % frames
    started, sent = clock(), 0  # in frames
    while not stopping():
        allowed = burst + int((clock() - started) * SAMPLE_RATE)  # what the listener may hold by now
        if sent + chunk > allowed:
            await asyncio.sleep(min((sent + chunk - allowed) / SAMPLE_RATE, CHUNK_SECONDS))
            continue
        end = position + chunk
        yield pcm[2 * position:2 * end] if end <= frames else pcm[2 * position:] + pcm[:2 * (end - frames)]
        position, sent = end % frames, sent + chunk


def server_stopping() -> bool:
    """True once the uvicorn server running this process has been told to stop (SIGTERM, Ctrl+C).

    uvicorn's graceful shutdown waits for open responses to finish (up to `timeout_graceful_shutdown`,
    10 s here) and tells none of them; an endless stream would hold every shutdown for that long. uvicorn
    installs its Server's `handle_exit` as the SIGTERM handler while it serves, so its `should_exit` flag
    is readable from there. Anywhere else (an in-process test client) this is always False.
    """
    server = getattr(signal.getsignal(signal.SIGTERM), "__self__", None)
    return bool(getattr(server, "should_exit", False))


# --- radio-browser.info -----------------------------------------------------------------------------------

RADIO_BROWSER_ATTRIBUTION = "Station directory by radio-browser.info"


class RadioBrowser:
    """The radio-browser.info API (`/json/stations/search`), most listened stations first, broken ones
    hidden. Answers are kept for `keep` seconds per query: the directory is a free community service and
    many cars ask the same questions."""

    provider = "radio-browser"

    def __init__(self, session: requests.Session | None = None,
                 base_url: str = "https://all.api.radio-browser.info", timeout: float = 10.0, keep: float = 600.0,
                 clock: Callable[[], float] = time.monotonic):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = f"HeadUnit-backend/{__version__}"  # the API asks callers to say who
        self.base_url, self.timeout, self.keep, self._clock = base_url.rstrip("/"), timeout, keep, clock
        self._answers: dict[tuple, tuple[float, StationList]] = {}
        self._lock = threading.Lock()

    def stations(self, q: str | None, genre: str | None, country: str | None, limit: int) -> StationList:
        key = (q or "", (genre or "").casefold(), (country or "").upper(), limit)
        with self._lock:
            kept = self._answers.get(key)
            if kept and self._clock() - kept[0] < self.keep:
                return kept[1]
        params = {"limit": limit, "hidebroken": "true", "order": "clickcount", "reverse": "true"}
        for name, value in (("name", key[0]), ("tag", key[1]), ("countrycode", key[2])):
            if value:
                params[name] = value
        try:
            response = self.session.get(f"{self.base_url}/json/stations/search", params=params, timeout=self.timeout)
            response.raise_for_status()
            answer = StationList(provider="radio-browser", demo=False, attribution=RADIO_BROWSER_ATTRIBUTION,
                                 stations=from_radio_browser(response.json())[:limit])
        except (requests.RequestException, ValueError, KeyError, TypeError, AttributeError) as error:
            raise RadioUnavailable(f"radio-browser.info: {error}") from error
        with self._lock:
            if len(self._answers) >= 256:
                self._answers.clear()
            self._answers[key] = (self._clock(), answer)
        return answer


def from_radio_browser(items: list[dict]) -> list[Station]:
    """Map radio-browser.info station objects; entries without an id or a stream URL are left out, and so are
    entries whose fields have the wrong type (each with a log line). TypeError when `items` is not a list."""
    if not isinstance(items, list):
        raise TypeError(f"a station list was expected, not a {type(items).__name__}")
    stations = []
    for item in items:
        try:
            station = _station_of(item)
        except (AttributeError, TypeError, ValueError) as error:
            log.warning("radio-browser.info: a station is left out: %s (%s)", error, str(item)[:200])
            continue
        if station is not None:
            stations.append(station)
    return stations


def _station_of(item: dict) -> Station | None:
    url = item.get("url_resolved") or item.get("url") or ""
    if not item.get("stationuuid") or not url.startswith(("http://", "https://")):
        return None
    codec = (item.get("codec") or "").strip().lower()
    tags = [t.strip().lower() for t in (item.get("tags") or "").split(",") if t.strip()]
    return Station(
        id=item["stationuuid"], name=(item.get("name") or "").strip() or url, url=url,
        codec="" if codec == "unknown" else codec, bitrate=max(0, int(item.get("bitrate") or 0)),
        genre=tags[0] if tags else "", country=(item.get("countrycode") or "").strip().upper(),
        logo=item.get("favicon") or "", demo=False)


# --- routes -----------------------------------------------------------------------------------------------

router = APIRouter(prefix="/radio", tags=["radio"])


@router.get("/stations", response_model=StationList, responses=documented(401, 422, 502))
def get_stations(request: Request, device: CurrentDevice, services: Annotated[Services, Depends(get_services)],
                 q: Annotated[str | None, Query(max_length=100, description="Part of the station's name")] = None,
                 genre: Annotated[str | None, Query(max_length=50, examples=["jazz"])] = None,
                 country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", examples=["DE"],
                                                      description="ISO 3166-1 alpha-2 code")] = None,
                 limit: Annotated[int, Query(ge=1, le=100)] = 50) -> Response:
    """Internet radio stations, best known first; cacheable for an hour and usable for a week offline."""
    try:
        answer = services.radio.stations(q or None, genre or None, country or None, limit)
    except RadioUnavailable as error:
        raise ApiError(502, "upstream_error", str(error)) from None
    base = str(request.base_url)
    answer = answer.model_copy(update={"stations": [
        s.model_copy(update={"url": urljoin(base, s.url)}) for s in answer.stations]})
    settings = services.settings
    return cached_json(request, answer, cache_control=cache_control(
        settings.radio_max_age, stale_if_error=settings.radio_stale_if_error))


# Not in the OpenAPI document: an endless body has no schema, and generated clients would wait for its end.
@router.get("/demo/{station_id}", include_in_schema=False)
async def stream_demo_station(station_id: Annotated[str, Path(max_length=100)]) -> StreamingResponse:
    """A demo station on air: audio/wav that never ends. No token, as for any radio stream: a media
    player fetches it like one."""
    if station_id not in _DEMO_BY_ID:
        raise not_found("station")
    if _listeners.count >= DEMO_LISTENERS_MAX:
        raise ApiError(503, "busy", f"the demo stations have {DEMO_LISTENERS_MAX} listeners; try again later",
                       headers={"Retry-After": "30"})
    pcm = await run_in_threadpool(demo_loop, station_id)
    return StreamingResponse(_listeners.counted(live_stream(pcm, stopping=server_stopping)), media_type="audio/wav",
                             headers={"Cache-Control": "no-store"})


#: Open demo streams one server process feeds at most: each costs a task and ~44 kB/s on the event loop that
#: also serves orders and payments.
DEMO_LISTENERS_MAX = 32


class _Listeners:
    """How many demo streams are open in this process (the event loop's thread only: no lock needed)."""

    def __init__(self) -> None:
        self.count = 0

    async def counted(self, stream: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        self.count += 1
        try:
            async for chunk in stream:
                yield chunk
        finally:
            self.count -= 1


_listeners = _Listeners()
