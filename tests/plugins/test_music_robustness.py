"""The music app when what it reads goes wrong: a station directory that answers with an HTML page or JSON of
another shape, stations described wrongly, and a library database that fails while the driver browses. The
app answers every question with a reason the driver reads, and the English cause goes to the log."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from headunit.sdk import CloudUnavailable, HeadUnitError
from headunit.sync.models import Reading
from tests.plugin_parts import plugin_part


def _load(name: str):
    return plugin_part("org.headunit.music/music", name, package="music_plugin_under_test")


jobs_module, radio_module, texts_module = _load("jobs"), _load("radio"), _load("texts")

GOOD = {"id": "jazz", "name": "Example Jazz FM", "url": "https://streams.example.org/jazz.mp3", "genre": "jazz",
        "country": "DE", "bitrate": 128, "demo": False}


class FakeCloud:
    def __init__(self) -> None:
        self.answer: Reading | Exception = Reading({"stations": [GOOD]}, 0.0, False, False, 200)

    def get(self, path: str):
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


class FakeMedia:
    def __init__(self) -> None:
        self.error: Exception | None = None

    @property
    def library(self):
        if self.error is not None:
            raise self.error
        return FakeLibrary()

    @property
    def tuner(self):
        raise HeadUnitError("no tuner here")


class FakeLibrary:
    def artists(self):
        raise sqlite3.OperationalError("database is locked")

    def roots(self):
        raise sqlite3.DatabaseError("database disk image is malformed")


class FakeContext:
    """What the app's jobs and radio use of ctx; jobs wait until run() (the worker, here on the test's thread)."""

    def __init__(self, tmp_path: Path) -> None:
        self.cloud, self.media = FakeCloud(), FakeMedia()
        self.log = logging.getLogger("headunit.plugin.org.headunit.music")
        self._db_path = tmp_path / "storage.db"
        self._jobs: list = []

    def submit(self, fn, *args):
        self._jobs.append((fn, args))

    def run(self) -> None:
        while self._jobs:
            fn, args = self._jobs.pop(0)
            fn(*args)

    def storage(self):
        return sqlite3.connect(self._db_path)

    def tr(self, text: str) -> str:
        return text


class FakePlayer(QObject):
    changed = Signal()
    playingChanged = Signal()
    current, kind, playing = None, "", False


@pytest.fixture
def app(qapp, tmp_path):
    ctx = FakeContext(tmp_path)
    jobs = jobs_module.Jobs(ctx)
    texts = texts_module.Texts(ctx)
    radio = radio_module.Radio(ctx, jobs, FakePlayer(), texts)
    yield ctx, jobs, radio, texts
    radio.stop()


def station_names(radio) -> list[str]:
    return [row.title for row in radio.stations.rows()]


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html><html><body>Captive portal: please log in</body></html>",  # a hotel's Wi-Fi, HTTP 200
    {"error": "maintenance"},
    {"stations": "none today"},
    ["Example Jazz FM"],
    None,
])
def test_a_directory_answer_that_is_not_a_station_list_keeps_the_last_list(app, caplog, data):
    ctx, _, radio, _ = app
    radio.refresh()
    ctx.run()
    assert station_names(radio) == ["Example Jazz FM"]
    ctx.cloud.answer = Reading(data, 0.0, False, False, 200)
    radio.refresh()
    ctx.run()
    assert station_names(radio) == ["Example Jazz FM"]  # the list saved the last time, marked as old
    assert radio.stale and not radio.busy and radio.ageText.startswith("Offline · list updated ")
    assert "not a station list" in caplog.text


def test_with_nothing_saved_a_bad_directory_answer_says_there_are_no_stations(app, caplog):
    ctx, _, radio, _ = app
    ctx.cloud.answer = Reading(b"<html>502 Bad Gateway</html>", 0.0, False, False, 200)
    radio.refresh()
    ctx.run()
    assert station_names(radio) == [] and not radio.busy and radio.message == "No stations"
    assert "bytes '<html>502 Bad Gateway</html>'" in caplog.text


def test_stations_described_wrongly_are_left_out_and_the_log_says_why(app, caplog):
    ctx, _, radio, _ = app
    bad = [{"name": "Tape", "url": "file:///etc/passwd"}, {"name": "", "url": "http://nameless.example/"},
           {"name": "No address"}, {"name": "Numbers", "url": "http://n.example/", "bitrate": "fast"},
           {"name": "Upside", "url": "http://u.example/", "genre": ["rock"]}, "a string", 42]
    ctx.cloud.answer = Reading({"stations": [bad[0], GOOD, *bad[1:]]}, 0.0, False, False, 200)
    radio.refresh()
    ctx.run()
    assert station_names(radio) == ["Example Jazz FM"]
    assert "'Tape': its url is not an http or https address ('file:///etc/passwd')" in caplog.text
    assert "no name" in caplog.text and "no url" in caplog.text and "its bitrate is a str" in caplog.text
    ctx.cloud.answer = Reading({"stations": bad}, 0.0, False, False, 200)
    radio.refresh()
    ctx.run()
    assert station_names(radio) == ["Example Jazz FM"]  # nothing playable came: the list shown stays


def test_offline_with_nothing_saved_still_says_so(app):
    ctx, _, radio, _ = app
    ctx.cloud.answer = CloudUnavailable("no backend link")
    radio.refresh()
    ctx.run()
    assert radio.message == "Internet radio needs a connection; no station list is saved yet"
    assert radio.ageText == "" and station_names(radio) == []


def test_a_library_database_that_fails_while_browsing_gets_an_answer_and_a_reason(app, caplog):
    ctx, jobs, _, texts = app
    answers = []
    jobs.listed.connect(lambda number, items, reason: answers.append((number, items, reason)))
    number = jobs.browse("artists")
    ctx.run()
    assert answers == [(number, [], "unavailable")]
    assert texts.problem("unavailable") == "The music library cannot answer this"
    assert "database is locked" in caplog.text
    ctx.media.error = sqlite3.OperationalError("unable to open database file")  # opening it fails too
    number = jobs.search("love")
    ctx.run()
    assert answers[-1] == (number, [], "unavailable")


def test_the_library_status_page_gets_a_reason_when_the_database_fails(app, caplog):
    ctx, jobs, _, _ = app
    loaded = []
    jobs.statusLoaded.connect(lambda stats, skipped, reason: loaded.append((stats, skipped, reason)))
    jobs.status()
    ctx.run()
    assert loaded == [({}, [], "unavailable")] and "malformed" in caplog.text


def test_a_play_that_cannot_be_recorded_does_not_stop_the_app(app, caplog):
    ctx, jobs, _, _ = app
    entries = _load("entries")
    ctx.media.error = sqlite3.OperationalError("disk I/O error")
    jobs.record_play(entries.Entry(entries.TRACK, "/music/song.mp3", "Song", track_id=3))
    ctx.run()
    assert "goes unrecorded: disk I/O error" in caplog.text


def test_a_directory_read_that_fails_unexpectedly_leaves_the_last_list(app, caplog):
    ctx, _, radio, _ = app
    radio.refresh()
    ctx.run()
    ctx.cloud.answer = sqlite3.DatabaseError("the HTTP cache is damaged")
    radio.refresh()
    ctx.run()
    assert station_names(radio) == ["Example Jazz FM"] and radio.stale and not radio.busy
    assert "the directory could not be read" in caplog.text
