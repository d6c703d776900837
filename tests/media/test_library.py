"""The music library as a driver notices it: every track of every format with its tags, search in any
script, files that cannot be read listed with why, fast rescans, covers, and an index that survives damage."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from headunit.media import scanner
from headunit.media.library import Library
from headunit.media.scanner import scan
from tests.music_files import encode_tone, write_tags


def scan_music(library: Library, folder: Path, **kwargs):
    return scan(library, [(folder, "music")], **kwargs)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The files the scanner opens to read tags, in order."""
    opened: list[str] = []
    real = scanner.read

    def counting(path):
        opened.append(path)
        return real(path)

    monkeypatch.setattr(scanner, "read", counting)
    return opened


def test_every_format_is_indexed_with_its_tags(library, music):
    report = scan_music(library, music["folder"])
    assert report.indexed == len(music["good"])
    for good in music["good"]:
        track = library.track_by_path(str(good["path"]))
        assert track is not None, good["path"]
        assert track.format == good["format"]
        for name, expected in good["tags"].items():
            assert getattr(track, name) == expected, (good["path"].name, name)
        assert track.duration == pytest.approx(good["seconds"], abs=0.1)
        assert bool(track.cover) == bool(good["cover"]) and (not track.cover or Path(track.cover).is_file())
    untagged = library.track_by_path(str(music["folder"] / "Loose" / "untagged take.wav"))
    assert (untagged.title, untagged.artist, untagged.album) == ("untagged take", "", "")
    assert library.stats() == {"tracks": 8, "albums": 3, "artists": 3, "skipped": 5}


@pytest.mark.parametrize(("text", "titles", "artists", "albums"), [
    ("周", {"我的地盘", "七里香"}, ["周杰伦"], ["七里香"]),
    ("七里", {"我的地盘", "七里香"}, [], ["七里香"]),
    ("beyonce", {"Crazy in Love", "Naughty Girl"}, ["Beyoncé"], ["Dangerously in Love"]),
    ("BEYONCÉ crazy", {"Crazy in Love"}, [], []),
    ("cafe", {"Rain on the Café Roof"}, [], []),
    ("zoe", {"Morning", "Evening"}, [], []),
    ("neve", {"Morning", "Evening", "Rain on the Café Roof"}, ["The Névé Ensemble"], ["Field Recordings"]),
    ("untagged", {"untagged take"}, [], []),
])
def test_search_ignores_accents_and_case_and_finds_chinese_by_characters(library, music, text, titles, artists,
                                                                          albums):
    scan_music(library, music["folder"])
    found = library.search(text)
    assert {t.title for t in found["tracks"]} == titles
    assert [a["name"] for a in found["artists"]] == artists
    assert [a["name"] for a in found["albums"]] == albums


@pytest.mark.parametrize("text", ["", "   ", '"', "AND", "NOT OR", "*", "(", "'; DROP TABLE tracks; --", "🎵"])
def test_search_for_nonsense_finds_nothing_and_never_fails(library, music, text):
    scan_music(library, music["folder"])
    assert library.search(text) == {"tracks": [], "artists": [], "albums": []}


def test_files_that_cannot_be_read_are_listed_with_a_reason_and_the_scan_goes_on(library, music):
    finished = threading.Event()
    result = {}
    worker = threading.Thread(target=lambda: (result.update(report=scan_music(library, music["folder"])),
                                              finished.set()), daemon=True)
    worker.start()
    assert finished.wait(60), "the scan hung: it must never open the FIFO"
    report = result["report"]
    expected = {str(b["path"]): b["reason"] for b in music["broken"]}
    assert {path for path, _ in report.skipped} == set(expected)
    for path, reason in report.skipped:
        assert expected[path] in reason, (path, reason)
    assert library.skipped() == [{"path": p, "reason": r} for p, r in sorted(report.skipped)]
    assert library.stats()["skipped"] == len(music["broken"])
    assert report.found == len(music["good"]) + len(music["broken"]) and report.indexed == len(music["good"])


def test_damaged_copies_of_every_format_never_stop_a_scan(library, music, tmp_path):
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for good in music["good"]:
        data = good["path"].read_bytes()
        for n, cut in enumerate((4, 64, 700, len(data) // 2, len(data) - 3)):
            (damaged / f"{n} cut {good['path'].name}").write_bytes(data[:cut])
        flipped = bytearray(data)
        for i in range(16, len(flipped), 97):
            flipped[i] ^= 0x5A
        (damaged / f"flipped {good['path'].name}").write_bytes(bytes(flipped))
    report = scan(library, [(damaged, "folder")])
    assert report.found == 6 * len(music["good"])
    assert report.indexed + len(report.skipped) == report.found
    assert all(reason for _, reason in report.skipped)


def test_odd_names_and_tags_are_indexed_or_skipped_not_fatal(library, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    encode_tone(folder / "numbers.mp3")
    write_tags(folder / "numbers.mp3", {"title": "Numbers\x00", "track_no": "A/B", "disc_no": "99999999999999999999",
                                        "year": "someday"})
    latin1 = os.fsencode(folder) + b"/caf\xe9.mp3"  # a name from an old stick: not UTF-8
    shutil.copy(folder / "numbers.mp3", latin1)
    (folder / ".hidden.mp3").write_bytes(b"")
    (folder / "._numbers.mp3").write_bytes(b"\x00\x05\x16\x07")  # macOS resource file on a stick
    (folder / "notes.txt").write_text("not music")
    report = scan(library, [(folder, "folder")])
    track = library.track_by_path(str(folder / "numbers.mp3"))
    assert (track.title, track.track_no, track.disc_no, track.year) == ("Numbers", None, None, None)
    assert report.found == 2 and report.indexed == 1
    [(path, reason)] = report.skipped
    assert path.endswith("caf\ufffd.mp3") and "rename" in reason


def test_rescan_of_an_unchanged_library_reads_no_file(library, music, reads):
    first = scan_music(library, music["folder"])
    assert len(reads) == first.indexed + 3  # and the three unreadable files that reach mutagen
    reads.clear()
    again = scan_music(library, music["folder"])
    assert reads == []
    assert again.unchanged == again.found == first.found and again.indexed == again.removed == 0
    assert len(again.skipped) == len(music["broken"]) and not again.changed


def test_changed_file_is_read_again_and_a_deleted_one_disappears(library, music, reads):
    scan_music(library, music["folder"])
    crazy, naughty = music["good"][0]["path"], music["good"][1]["path"]
    before = library.track_by_path(str(crazy))
    library.record_play(before.id)
    write_tags(crazy, {**music["good"][0]["tags"], "title": "Crazy in Love (Remix)"})
    naughty.unlink()
    reads.clear()
    report = scan_music(library, music["folder"])
    assert reads == [str(crazy)]
    assert (report.indexed, report.removed) == (1, 1)
    after = library.track_by_path(str(crazy))
    assert after.title == "Crazy in Love (Remix)" and after.id == before.id  # its play history stays
    assert library.recent() == [after]
    assert library.track_by_path(str(naughty)) is None
    assert [t.title for t in library.search("naughty")["tracks"]] == []
    assert library.albums("Beyoncé")[0]["tracks"] == 1


def test_a_track_that_becomes_unreadable_moves_to_the_skipped_list(library, music):
    scan_music(library, music["folder"])
    path = music["good"][2]["path"]
    path.write_bytes(path.read_bytes()[:30])
    report = scan_music(library, music["folder"])
    assert report.removed == 1 and library.track_by_path(str(path)) is None
    assert str(path) in {s["path"] for s in library.skipped()}


def test_covers_are_cached_once_per_image(library, music):
    scan_music(library, music["folder"])
    covers = sorted(p.name for p in library.covers_dir.iterdir())
    assert len(covers) == len(music["covers"])
    by_album = {}
    for track in library.tracks():
        if track.cover:
            by_album.setdefault(track.album, set()).add(track.cover)
    assert all(len(paths) == 1 for paths in by_album.values()) and len(by_album) == 3
    assert Path(by_album["Field Recordings"].pop()).read_bytes() == music["covers"]["Field Recordings"]
    scan_music(library, music["folder"])
    assert sorted(p.name for p in library.covers_dir.iterdir()) == covers


def test_a_cover_no_track_uses_any_more_is_removed(library, music):
    scan_music(library, music["folder"])
    shutil.rmtree(music["folder"] / "周杰伦")
    time.sleep(0.01)
    scan_music(library, music["folder"])
    assert len(list(library.covers_dir.iterdir())) == len(music["covers"]) - 1


def test_browsing(library, music):
    scan_music(library, music["folder"])
    assert [a["name"] for a in library.artists()] == ["Beyoncé", "The Névé Ensemble", "周杰伦", ""]
    assert library.albums("the neve ensemble") == [{
        "name": "Field Recordings", "artist": "The Névé Ensemble", "year": 2019, "tracks": 3,
        "cover": library.track_by_path(str(music["folder"] / "Field Recordings" / "1-01 Morning.wav")).cover}]
    field = library.tracks(artist="The Névé Ensemble", album="Field Recordings")
    assert [(t.disc_no, t.track_no, t.title) for t in field] == [
        (1, 1, "Morning"), (1, 2, "Rain on the Café Roof"), (2, 1, "Evening")]
    assert {g["name"]: g["tracks"] for g in library.genres()} == {"Ambient": 3, "Mandopop": 2, "R&B": 2, "": 1}
    assert [t.title for t in library.tracks(genre="R&B")] == ["Crazy in Love", "Naughty Girl"]
    root = str(music["folder"])
    assert library.folders() == [{"path": root, "name": "Music", "tracks": 8}]
    assert [(f["name"], f["tracks"]) for f in library.folders(root)] == [
        ("Beyoncé", 2), ("Field Recordings", 3), ("Loose", 1), ("周杰伦", 2)]
    assert [(f["name"], f["tracks"]) for f in library.folders(root + "/Beyoncé")] == [("Dangerously in Love", 2)]
    assert library.tracks(folder=root + "/Beyoncé") == []  # direct children only
    assert len(library.tracks(folder=root + "/Beyoncé/Dangerously in Love")) == 2
    assert library.roots() == [{"path": root, "kind": "music", "present": True, "tracks": 8}]


def test_find_resolves_a_synced_entry_on_this_car(library, music):
    scan_music(library, music["folder"])
    found = library.find("CRAZY IN LOVE", "beyonce")
    assert found is not None and found.path.endswith("01 Crazy in Love.mp3")
    assert library.find("七里香", "周杰伦", "七里香").format == "ogg"
    assert library.find("Morning", "The Neve Ensemble").title == "Morning"  # filed under the album artist
    assert library.find("Crazy in Love", "Someone Else") is None
    assert library.track(found.id) == found and library.track(999_999) is None


def test_recently_played_latest_first(library, music):
    scan_music(library, music["folder"])
    first, second = library.tracks()[:2]
    library.record_play(first.id)
    time.sleep(0.01)
    library.record_play(second.id)
    assert library.recent() == [second, first]
    assert library.recent(limit=1) == [second]


def test_progress_reports_arrive_and_end_with_everything_scanned(library, music):
    calls = []
    report = scan_music(library, music["folder"], progress=lambda scanned, found: calls.append((scanned, found)))
    assert len(calls) >= 2 and calls[-1] == (report.found, report.found)
    assert all(scanned <= found for scanned, found in calls)


def test_a_cancelled_scan_keeps_what_it_did_and_removes_nothing(library, music):
    scan_music(library, music["folder"])
    calls = []
    report = scan_music(library, music["folder"], cancel=lambda: bool(calls) or calls.append(1))
    assert report.cancelled and report.removed == 0 and library.stats()["tracks"] == 8


def test_a_corrupt_index_is_moved_aside_and_rebuilt(tmp_path, music, caplog):
    db_path = tmp_path / "index" / "library.db"
    library = Library(db_path, tmp_path / "index" / "covers")
    scan_music(library, music["folder"])
    library.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[:100] + b"\xde\xad" * 2048 + data[4196:])
    library = Library(db_path, tmp_path / "index" / "covers")
    try:
        aside = list(db_path.parent.glob("library.db.corrupt-*"))
        assert len(aside) == 1 and aside[0].read_bytes()[:100] == data[:100]
        assert "moved aside" in caplog.text
        assert library.stats()["tracks"] == 0
        assert scan_music(library, music["folder"]).indexed == 8
        assert library.stats()["tracks"] == 8
    finally:
        library.close()


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path):
    db_path = tmp_path / "library.db"
    db_path.write_text("this is not a database" * 100)
    library = Library(db_path, tmp_path / "covers")
    try:
        assert library.stats()["tracks"] == 0
        assert [p.name.startswith("library.db.corrupt-") for p in tmp_path.glob("library.db.*")] == [True]
    finally:
        library.close()


def test_reads_from_several_threads_while_a_scan_writes(library, music):
    errors = []
    stop = threading.Event()

    def browse():
        while not stop.is_set():
            try:
                library.search("love")
                library.artists()
                library.stats()
            except Exception as exc:  # pragma: no cover - the failure is the assertion below
                errors.append(exc)

    readers = [threading.Thread(target=browse) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        for _ in range(3):
            scan_music(library, music["folder"])
            shutil.move(music["folder"] / "Loose", music["folder"].parent / "Loose")
            scan_music(library, music["folder"])
            shutil.move(music["folder"].parent / "Loose", music["folder"] / "Loose")
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert errors == []


def test_a_file_that_upsets_the_indexing_costs_only_that_file(library, music, monkeypatch):
    real = scanner.read

    def failing_on_one(path):
        if path.endswith("Naughty Girl.m4a"):
            raise RuntimeError("a bug meets a strange file")
        return real(path)

    monkeypatch.setattr(scanner, "read", failing_on_one)
    report = scan_music(library, music["folder"])
    assert report.indexed == len(music["good"]) - 1
    assert any(path.endswith("Naughty Girl.m4a") and "could not be indexed" in reason
               for path, reason in report.skipped)


def test_where_the_music_and_the_sticks_are(monkeypatch, headunit_home, tmp_path):
    from headunit import paths

    assert paths.music_dir() == headunit_home / "Music"  # tests never scan the real user's music
    assert paths.media_mounts() == headunit_home / "media"
    monkeypatch.setenv("HEADUNIT_MUSIC_DIR", str(tmp_path / "songs"))
    monkeypatch.setenv("HEADUNIT_MEDIA_MOUNTS", str(tmp_path / "mnt"))
    assert (paths.music_dir(), paths.media_mounts()) == (tmp_path / "songs", tmp_path / "mnt")
    monkeypatch.delenv("HEADUNIT_HOME")
    monkeypatch.delenv("HEADUNIT_MEDIA_MOUNTS")
    assert paths.media_mounts() == Path("/media")


def test_a_library_locked_by_another_program_is_left_alone_with_its_history(tmp_path, music, monkeypatch):
    from headunit.media import library as library_module

    db_path = tmp_path / "index" / "library.db"
    library = Library(db_path, tmp_path / "index" / "covers")
    scan_music(library, music["folder"])
    played = library.tracks()[0]
    library.record_play(played.id)
    library.close()
    monkeypatch.setattr(library_module, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")  # a backup tool or a second HeadUnit holding the file
    try:
        with pytest.raises(library_module.LibraryUnavailable, match="locked") as raised:
            Library(db_path, tmp_path / "index" / "covers")
        assert str(db_path) in str(raised.value) and isinstance(raised.value, sqlite3.OperationalError)
    finally:
        other.close()
    assert not list(db_path.parent.glob("library.db.corrupt-*"))
    library = Library(db_path, tmp_path / "index" / "covers")
    try:
        assert library.recent() == [played] and library.stats()["tracks"] == 8
    finally:
        library.close()
