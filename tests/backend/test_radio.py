"""Radio: the demo directory and its live streams, the radio-browser.info adapter (from a saved answer),
HTTP caching, and the streams played for real: through uvicorn, a server shutting down, and QMediaPlayer."""

import asyncio
import json
import socket
import struct
import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import uvicorn
from fastapi.testclient import TestClient

from headunit_backend import radio
from headunit_backend.app import create_app
from headunit_backend.process import ServerProcess
from headunit_backend.services import Settings
from headunit_backend.radio import (DEMO_STATIONS, SAMPLE_RATE, DemoRadio, RadioBrowser, RadioUnavailable,
                                    demo_loop, from_radio_browser, live_stream, wav_header)
from tests.backend.api import Api
from tests.backend.test_weather import SavedAnswer

BYTES_PER_SECOND = SAMPLE_RATE * 2

#: The shape of a radio-browser.info /json/stations/search answer (fields trimmed to those that matter).
SAVED = [
    {"stationuuid": "9617a958-0601-11e8-ae97-52543be04c81", "name": " Example Jazz FM ",
     "url": "http://streams.example.org/jazz.pls", "url_resolved": "https://streams.example.org/jazz.mp3",
     "homepage": "https://jazz.example.org/", "favicon": "https://jazz.example.org/logo.png",
     "tags": "Jazz,smooth jazz,lounge", "country": "Germany", "countrycode": "DE", "codec": "MP3",
     "bitrate": 128, "hls": 0, "lastcheckok": 1, "clickcount": 512},
    {"stationuuid": "a1b2c3d4-0000-4000-8000-000000000001", "name": "Radio Beispiel",
     "url": "https://beispiel.example.net/live", "url_resolved": "", "favicon": "", "tags": "",
     "countrycode": "at", "codec": "UNKNOWN", "bitrate": 0, "hls": 0, "lastcheckok": 1},
    {"stationuuid": "a1b2c3d4-0000-4000-8000-000000000002", "name": "News 24", "url": "http://news.example.com/aac",
     "url_resolved": "http://news.example.com/aac", "favicon": "", "tags": "news, talk", "countrycode": "GB",
     "codec": "AAC+", "bitrate": 64, "hls": 0, "lastcheckok": 1},
    {"stationuuid": "", "name": "No id", "url": "http://x.example.com/", "codec": "MP3", "bitrate": 128},
    {"stationuuid": "a1b2c3d4-0000-4000-8000-000000000003", "name": "Not a stream", "url": "mms://old.example.com/",
     "url_resolved": "", "codec": "WMA", "bitrate": 32},
]


@pytest.fixture
def db_url(sqlite_url):
    """Radio touches the database only to authenticate: SQLite is enough here."""
    return sqlite_url


# --- the demo directory -----------------------------------------------------------------------------------

def test_the_demo_directory_says_it_is_demo_and_describes_every_station():
    answer = DemoRadio().stations(None, None, None, 50)

    assert (answer.provider, answer.demo) == ("demo", True)
    assert len(answer.stations) == len(DEMO_STATIONS) >= 5
    assert len({s.id for s in answer.stations}) == len(answer.stations)
    for station in answer.stations:
        assert station.demo and station.codec == "wav" and station.bitrate == 353
        assert station.url == f"/v1/radio/demo/{station.id}"
        assert station.genre and len(station.country) == 2


def test_the_demo_directory_filters_like_a_real_one():
    demo = DemoRadio()

    assert [s.id for s in demo.stations("SAKURA", None, None, 50).stations] == ["demo-sakura"]
    assert [s.id for s in demo.stations("茉莉花", None, None, 50).stations] == ["demo-jasmine-flower"]
    assert {s.genre for s in demo.stations(None, "Folk", None, 50).stations} == {"folk"}
    assert [s.country for s in demo.stations(None, None, "de", 50).stations] == ["DE"]
    assert demo.stations("sakura", "classical", None, 50).stations == []
    assert len(demo.stations(None, None, None, 2).stations) == 2


def test_every_demo_station_is_a_different_audible_tune():
    loops = {s.id: demo_loop(s.id) for s in DEMO_STATIONS}

    for station_id, pcm in loops.items():
        samples = memoryview(pcm).cast("h")
        assert 10 < len(samples) / SAMPLE_RATE < 60, station_id  # a tune, looped
        assert 5000 < max(samples) <= 32767 and -32768 <= min(samples) < -5000, station_id  # loud, never clipped
    assert len(set(loops.values())) == len(loops)
    assert demo_loop(DEMO_STATIONS[0].id) is loops[DEMO_STATIONS[0].id]  # made once per process


def test_the_wav_header_announces_mono_s16_of_unknown_length():
    header = wav_header()

    assert len(header) == 44 and header[:4] == b"RIFF" and header[8:16] == b"WAVEfmt "
    _, kind, channels, rate, byte_rate, block, bits = struct.unpack("<IHHIIHH", header[16:36])
    assert (kind, channels, rate, byte_rate, block, bits) == (1, 1, SAMPLE_RATE, 2 * SAMPLE_RATE, 2, 16)
    assert header[36:40] == b"data" and header[4:8] == header[40:44] == b"\xff\xff\xff\xff"


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_live_stream_bursts_then_keeps_real_time_and_loops_from_where_the_broadcast_is(monkeypatch):
    clock, sleeps = FakeClock(), []

    async def fake_sleep(seconds):
        sleeps.append(seconds)
        clock.now += seconds

    monkeypatch.setattr(radio.asyncio, "sleep", fake_sleep)
    pcm = bytes(range(256)) * 400  # 25,600 frames: recognisable positions, a short loop
    frames = len(pcm) // 2
    stopping = lambda: clock.now >= 1010  # noqa: E731 - ten seconds on air

    async def listen():
        return [chunk async for chunk in live_stream(pcm, stopping=stopping, clock=clock, wall_clock=lambda: 123.0)]

    chunks = asyncio.run(listen())

    assert chunks[0] == wav_header()
    audio = b"".join(chunks[1:])
    start = int((123.0 - radio.BURST_SECONDS) * SAMPLE_RATE) % frames
    assert audio[:400] == (pcm[2 * start:] + pcm)[:400]  # where the broadcast was, 1.5 s ago
    assert audio == (pcm * 20)[2 * start:2 * start + len(audio)]  # seamless across loop ends
    seconds_sent = len(audio) / BYTES_PER_SECOND
    assert 10 + radio.BURST_SECONDS - radio.CHUNK_SECONDS <= seconds_sent <= 10 + radio.BURST_SECONDS
    assert sleeps and max(sleeps) <= radio.CHUNK_SECONDS  # it looks at `stopping` at least five times a second


# --- radio-browser.info -------------------------------------------------------------------------------------

def radio_browser(body: bytes, status: int = 200, **kwargs) -> tuple[RadioBrowser, SavedAnswer]:
    session, transport = requests.Session(), SavedAnswer(body, status)
    session.mount("https://", transport)
    return RadioBrowser(session, **kwargs), transport


def test_the_radio_browser_adapter_asks_for_working_stations_most_listened_first():
    directory, transport = radio_browser(json.dumps(SAVED).encode())
    directory.stations("jazz fm", "Jazz", "de", 20)

    sent = urlsplit(transport.requests[0].url)
    query = {k: v[0] for k, v in parse_qs(sent.query).items()}
    assert (sent.netloc, sent.path) == ("all.api.radio-browser.info", "/json/stations/search")
    assert query == {"name": "jazz fm", "tag": "jazz", "countrycode": "DE", "limit": "20", "hidebroken": "true",
                     "order": "clickcount", "reverse": "true"}
    assert transport.requests[0].headers["User-Agent"].startswith("HeadUnit-backend/")
    directory.stations(None, None, None, 50)
    assert set(parse_qs(urlsplit(transport.requests[1].url).query)) == {"limit", "hidebroken", "order", "reverse"}


def test_the_radio_browser_adapter_maps_a_saved_answer():
    answer, _ = radio_browser(json.dumps(SAVED).encode())
    answer = answer.stations(None, None, None, 50)

    assert (answer.provider, answer.demo) == ("radio-browser", False)
    assert "radio-browser.info" in answer.attribution
    jazz, beispiel, news = answer.stations  # the entries without an id or an HTTP stream are left out
    assert jazz.model_dump() == {
        "id": "9617a958-0601-11e8-ae97-52543be04c81", "name": "Example Jazz FM",
        "url": "https://streams.example.org/jazz.mp3", "codec": "mp3", "bitrate": 128, "genre": "jazz",
        "country": "DE", "logo": "https://jazz.example.org/logo.png", "demo": False}
    assert (beispiel.url, beispiel.codec, beispiel.bitrate, beispiel.genre, beispiel.country) == \
        ("https://beispiel.example.net/live", "", 0, "", "AT")
    assert (news.codec, news.genre) == ("aac+", "news")
    assert from_radio_browser([]) == []


def test_one_damaged_upstream_station_costs_only_that_station(caplog):
    damaged = [{"stationuuid": "a1b2c3d4-0000-4000-8000-000000000009", "name": "Odd", "url": "http://odd.example/",
                "bitrate": "fast"},
               {"stationuuid": "a1b2c3d4-0000-4000-8000-00000000000a", "name": ["a", "list"],
                "url": "http://list.example/"},
               "a station as a string", None]
    answer, _ = radio_browser(json.dumps(SAVED[:1] + damaged + SAVED[1:]).encode())
    names = [s.name for s in answer.stations(None, None, None, 50).stations]
    assert names == ["Example Jazz FM", "Radio Beispiel", "News 24"]
    assert caplog.text.count("a station is left out") == len(damaged)


def test_the_radio_browser_adapter_keeps_answers_for_a_while():
    clock = FakeClock()
    directory, transport = radio_browser(json.dumps(SAVED).encode(), keep=600, clock=clock)

    first = directory.stations("jazz", None, None, 50)
    clock.now += 599
    assert directory.stations("jazz", None, None, 50) is first
    directory.stations("news", None, None, 50)
    assert len(transport.requests) == 2
    clock.now += 2
    directory.stations("jazz", None, None, 50)
    assert len(transport.requests) == 3


def test_the_radio_browser_adapter_reports_failures_as_unavailable():
    with pytest.raises(RadioUnavailable, match="radio-browser.info"):
        radio_browser(b"", status=503)[0].stations(None, None, None, 50)
    with pytest.raises(RadioUnavailable):
        radio_browser(b"<html>maintenance</html>")[0].stations(None, None, None, 50)
    with pytest.raises(RadioUnavailable):
        radio_browser(b'{"error": "not a list"}')[0].stations(None, None, None, 50)


def test_an_upstream_failure_is_a_502(sqlite_url):
    directory, _ = radio_browser(b"", status=503)
    with TestClient(create_app(sqlite_url, radio=directory)) as client:
        answer = Api.register(client).get("/v1/radio/stations")

    assert answer.status_code == 502
    assert answer.json()["error"] == "upstream_error"


def test_the_radio_browser_directory_is_chosen_by_configuration(sqlite_url):
    chosen = Settings(db_url=sqlite_url, radio="radio-browser", radio_browser_url="https://rb.example.org/")

    directory = create_app(settings=chosen).state.services.radio
    assert isinstance(directory, RadioBrowser) and directory.base_url == "https://rb.example.org"
    assert isinstance(create_app(sqlite_url).state.services.radio, DemoRadio)
    with pytest.raises(ValueError, match="unknown radio directory"):
        create_app(settings=Settings(db_url=sqlite_url, radio="shortwave"))


# --- the routes ---------------------------------------------------------------------------------------------

def test_station_lists_are_cacheable_for_an_hour_and_revalidate_with_304(api):
    first = api.get("/v1/radio/stations")

    assert first.status_code == 200 and first.json()["demo"] is True
    assert first.headers["Cache-Control"] == "max-age=3600, stale-if-error=604800"
    etag = first.headers["ETag"]
    again = api.get("/v1/radio/stations", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == etag
    other = api.get("/v1/radio/stations", params={"genre": "folk"}, headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag


def test_station_urls_are_absolute_for_the_host_the_car_asked(api):
    stations = api.get("/v1/radio/stations", headers={"Host": "backend.local:8000"}).json()["stations"]

    assert stations[0]["url"] == f"http://backend.local:8000/v1/radio/demo/{stations[0]['id']}"


def test_station_lists_need_a_token_and_check_their_filters(api, client):
    assert client.get("/v1/radio/stations").status_code == 401
    for params in ({"country": "Germany"}, {"limit": 0}, {"limit": 101}, {"q": "x" * 101}):
        answer = api.get("/v1/radio/stations", params=params)
        assert answer.status_code == 422 and answer.json()["error"] == "invalid_request", params
    assert api.get("/v1/radio/stations", params={"q": "", "genre": ""}).json()["stations"]  # empty: no filter


def test_an_unknown_demo_station_is_a_404(client):
    answer = client.get("/v1/radio/demo/demo-nothing")

    assert answer.status_code == 404 and answer.json()["error"] == "not_found"


def test_past_the_listener_cap_a_demo_station_says_busy(client, monkeypatch):
    """Endless streams share the event loop with orders and payments: a server feeds only so many."""
    monkeypatch.setattr(radio, "DEMO_LISTENERS_MAX", 0)
    answer = client.get(f"/v1/radio/demo/{DEMO_STATIONS[0].id}")

    assert answer.status_code == 503 and answer.json()["error"] == "busy"
    assert answer.headers["Retry-After"] == "30"


def test_the_openapi_document_lists_stations_but_not_the_endless_stream(client):
    paths = client.get("/openapi.json").json()["paths"]

    assert {"200", "401", "422", "502"} <= set(paths["/v1/radio/stations"]["get"]["responses"])
    assert not any(path.startswith("/v1/radio/demo") for path in paths)


# --- streams through real servers ---------------------------------------------------------------------------

class ThreadedServer:
    """uvicorn serving the app on a loopback port from a thread of this process, so a test can look at
    its open connections and request tasks."""

    def __init__(self, app):
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=2))
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.01)

    def busy(self) -> int:
        state = self.server.server_state
        return len(state.tasks) + len(state.connections)

    def stop(self):
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture
def threaded_server(sqlite_url):
    server = ThreadedServer(create_app(sqlite_url))
    yield server
    server.stop()


def test_a_stream_is_a_live_wav_that_ends_with_its_listener(threaded_server):
    station = DEMO_STATIONS[1]
    demo_loop(station.id)  # made beforehand: the timing below is the stream's, not the synthesis's
    started = time.monotonic()
    with requests.get(f"{threaded_server.url}/v1/radio/demo/{station.id}", stream=True, timeout=10) as stream:
        assert stream.headers["Content-Type"] == "audio/wav" and "Content-Length" not in stream.headers
        assert stream.headers["Cache-Control"] == "no-store"
        received, chunks = b"", stream.iter_content(4096)  # held: dropping it would hang up
        while time.monotonic() - started < 1.0:
            received += next(chunks)
        assert received[:44] == wav_header()
        # The burst and about a second on air; not everything the server could send in a second.
        seconds = (len(received) - 44) / BYTES_PER_SECOND
        assert radio.BURST_SECONDS - radio.CHUNK_SECONDS <= seconds <= radio.BURST_SECONDS + 1.5
        assert threaded_server.busy() == 2  # the connection and its request

    deadline = time.monotonic() + 3
    while threaded_server.busy() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert threaded_server.busy() == 0  # the hang-up ended the stream: no task left streaming to nobody
    assert radio._listeners.count == 0  # and it no longer counts against the cap


def test_a_server_with_listeners_shuts_down_at_once(sqlite_url):
    """uvicorn's graceful shutdown waits up to 10 s for open responses; an endless one ends instead."""
    server = ServerProcess(sqlite_url)
    try:
        stream = requests.get(f"{server.url}/v1/radio/demo/{DEMO_STATIONS[0].id}", stream=True, timeout=10)
        chunks = stream.iter_content(4096)
        assert len(next(chunks)) > 0

        started = time.monotonic()
        returncode = server.stop()
        took = time.monotonic() - started
        rest = sum(len(chunk) for chunk in chunks)  # the body ends properly, without a connection error
    finally:
        server.kill()

    assert took < 3, f"stop took {took:.1f} s"
    assert returncode in (0, -15)
    assert rest < 20 * BYTES_PER_SECOND


def test_qmediaplayer_plays_a_demo_station_from_the_backend(sqlite_url, qapp, qtbot, sound_server):
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

    with ServerProcess(sqlite_url) as server:
        api = Api.register(requests.Session(), server.url)
        station = api.get("/v1/radio/stations", params={"q": "greensleeves"}).json()["stations"][0]
        assert station["url"].startswith(server.url)

        player, output = QMediaPlayer(), QAudioOutput()
        player.setAudioOutput(output)
        errors = []
        player.errorOccurred.connect(lambda error, text: errors.append(text))
        player.setSource(QUrl(station["url"]))
        player.play()
        try:
            qtbot.waitUntil(lambda: player.position() > 1000 or bool(errors), timeout=20_000)
            assert not errors
            assert player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
            assert player.duration() == 0  # live: no length (an endless WAV must not claim 27 hours)
        finally:
            player.stop()
            player.setSource(QUrl())
