"""The system failing to read (a USB stick pulled out mid-scan, a folder without permission) as a driver notices
it: the songs and their play history stay, nothing is written off as "cannot be played", and the next scan
reads what it could not read before."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import mutagen
import pytest

from headunit.media.library import Library
from headunit.media.scanner import scan


def scan_stick(library: Library, folder: Path):
    return scan(library, [(folder, "folder")])


def touch_all(folder: Path) -> None:
    """Change every file's time, so the next scan reads each file again."""
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def failing_reads(monkeypatch) -> dict:
    """Make the system fail every read of a music file with `error` (an OSError), while it is set."""
    state = {"error": None}
    real = mutagen.File

    def reading(path, *args, **kwargs):
        if state["error"] is not None:
            raise state["error"]
        return real(path, *args, **kwargs)

    monkeypatch.setattr(mutagen, "File", reading)
    return state


@pytest.fixture
def unlistable(monkeypatch) -> set[str]:
    """Folders whose listing fails with EACCES (add their paths)."""
    folders: set[str] = set()
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) in folders:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return folders


@pytest.mark.parametrize("error", [OSError(errno.EIO, "Input/output error"),
                                   OSError(errno.ENODEV, "No such device"),
                                   FileNotFoundError(errno.ENOENT, "No such file or directory")])
def test_a_stick_pulled_out_while_its_files_are_read_loses_no_song_and_no_history(library, music, failing_reads,
                                                                                  error):
    scan_stick(library, music["folder"])
    crazy = library.track_by_path(str(music["good"][0]["path"]))
    library.record_play(crazy.id)
    touch_all(music["folder"])
    failing_reads["error"] = error
    report = scan_stick(library, music["folder"])
    assert report.removed == 0 and report.indexed == 0
    assert {path for path, _ in report.unavailable} >= {str(g["path"]) for g in music["good"]}
    assert library.stats()["tracks"] == len(music["good"])
    assert library.recent() == [crazy]  # the play history stays
    assert {s["path"] for s in library.skipped()} == {str(b["path"]) for b in music["broken"]}


def never_opened(library: Library) -> set[str]:
    """The skipped files that were not even opened: the empty file and the FIFO."""
    return {s["path"] for s in library.skipped() if s["reason"].startswith(("empty file", "not a regular file"))}


def test_a_file_the_system_could_not_read_is_read_again_at_the_next_scan(library, music, failing_reads):
    failing_reads["error"] = OSError(errno.EIO, "Input/output error")
    first = scan_stick(library, music["folder"])
    assert first.indexed == 0 and library.stats()["tracks"] == 0
    assert {s["path"] for s in library.skipped()} == never_opened(library)
    assert all("Input/output error" in why for _, why in first.unavailable)
    failing_reads["error"] = None
    again = scan_stick(library, music["folder"])  # the same files, the same sizes and times
    assert again.indexed == len(music["good"]) and again.unavailable == []
    assert library.stats()["tracks"] == len(music["good"])


def test_a_file_without_permission_is_not_written_off(library, music, failing_reads):
    failing_reads["error"] = PermissionError(errno.EACCES, "Permission denied")
    report = scan_stick(library, music["folder"])
    assert set(dict(report.unavailable).values()) == {"no permission to read it"}
    assert {s["path"] for s in library.skipped()} == never_opened(library)
    failing_reads["error"] = None  # the driver fixed the permissions: chmod leaves the file's time alone
    assert scan_stick(library, music["folder"]).indexed == len(music["good"])


def test_damaged_files_are_still_skipped_and_not_read_again(library, music):
    first = scan_stick(library, music["folder"])
    again = scan_stick(library, music["folder"])
    assert len(first.skipped) == len(again.skipped) == len(music["broken"]) and not again.changed
    assert first.unavailable == again.unavailable == []


def test_a_folder_that_cannot_be_listed_keeps_its_songs(library, music, unlistable):
    scan_stick(library, music["folder"])
    folder = music["folder"] / "Beyoncé"
    songs = [t.path for t in library.tracks(artist="Beyoncé")]
    unlistable.add(str(folder))
    report = scan_stick(library, music["folder"])
    assert report.removed == 0 and (str(folder), "cannot be listed (Permission denied)") in report.unavailable
    assert [t.path for t in library.tracks(artist="Beyoncé")] == songs
    assert all(not s["path"].startswith(str(folder)) for s in library.skipped())
    unlistable.clear()
    assert scan_stick(library, music["folder"]).unavailable == []
    assert [t.path for t in library.tracks(artist="Beyoncé")] == songs


def test_a_stick_whose_listing_fails_keeps_every_song(library, music, unlistable):
    scan_stick(library, music["folder"])
    unlistable.add(str(music["folder"]))
    report = scan_stick(library, music["folder"])
    assert report.removed == 0 and report.found == 0 and [p for p, _ in report.unavailable] == [str(music["folder"])]
    assert library.stats()["tracks"] == len(music["good"])
    assert library.stats()["skipped"] == len(music["broken"])


def test_a_stick_pulled_out_mid_scan_keeps_its_songs_and_shows_them_again_when_it_is_back(library, music, tmp_path,
                                                                                       monkeypatch):
    mounts = tmp_path / "media"
    stick = mounts / "STICK"
    mounts.mkdir()
    music["folder"].rename(stick)
    scan(library, [(stick, "usb")])
    crazy = library.track_by_path(str(stick / "Beyoncé" / "Dangerously in Love" / "01 Crazy in Love.mp3"))
    library.record_play(crazy.id)
    touch_all(stick)
    pulled = tmp_path / "pulled"
    real = mutagen.File

    def pulled_out_at_the_first_read(path, *args, **kwargs):
        if stick.exists() and any(stick.iterdir()):
            stick.rename(pulled)
            stick.mkdir()  # an empty mount point is what an unmounted stick leaves
            raise OSError(errno.ENODEV, "No such device")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(mutagen, "File", pulled_out_at_the_first_read)
    report = scan(library, [(stick, "usb")])
    assert (str(stick), "went away during the scan") in report.unavailable and report.removed == 0
    assert len(report.unavailable) == 1  # the files left were not tried one by one
    scan(library, [(stick, "usb")])  # the next scan sees the stick gone
    assert library.stats()["tracks"] == 0 and library.roots()[0]["present"] is False
    stick.rmdir()
    pulled.rename(stick)
    scan(library, [(stick, "usb")])
    assert library.stats()["tracks"] == len(music["good"]) and library.recent() == [crazy]


def test_a_folder_deleted_for_real_still_takes_its_songs_away(library, music):
    scan_stick(library, music["folder"])
    for path in (music["folder"] / "Loose").iterdir():
        path.unlink()
    (music["folder"] / "Loose").rmdir()
    report = scan_stick(library, music["folder"])
    assert report.removed == 1 and library.stats()["tracks"] == len(music["good"]) - 1


def test_a_read_error_noted_as_a_skip_by_an_older_version_is_read_again(library, music):
    path = music["good"][0]["path"]
    scan_stick(library, music["folder"])
    root, status = library.root_id(str(music["folder"])), path.stat()
    with library.transaction():
        library.put_skipped(root, str(path), status.st_size, status.st_mtime_ns, "no permission to read it")
    report = scan_stick(library, music["folder"])
    assert report.indexed == 1 and library.track_by_path(str(path)) is not None
