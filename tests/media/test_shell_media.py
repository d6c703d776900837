"""The shell's music library service: scans off the GUI thread, USB sticks coming and going, the added
folders setting, and its place in a running HeadUnit."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from headunit.media import scanner
from headunit.shell.media import MediaLibrary
from headunit.shell.settings import Settings
from tests.music_files import copy_library

TIMEOUT_MS = 15_000


@pytest.fixture
def mounts(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    folder.mkdir()
    return folder


@pytest.fixture
def service(qapp, tmp_path: Path, music, mounts):
    settings = Settings(None)
    media = MediaLibrary(settings, db_path=tmp_path / "index" / "library.db", covers_dir=tmp_path / "index" / "covers",
                         music_dir=music["folder"], mounts=mounts)
    media.settings = settings
    yield media
    media.close()


def start_and_wait(qtbot, media: MediaLibrary) -> dict:
    with qtbot.waitSignal(media.scanFinished, timeout=TIMEOUT_MS) as finished:
        media.start()
    return finished.args[0]


def stick(tmp_path: Path, source: Path, name: str) -> Path:
    """A stick's content made beside the mounts folder, to appear under it at once as a mount does."""
    folder = tmp_path / "sticks" / name
    copy_library(source, folder)
    return folder


def test_start_scans_off_the_gui_thread_and_reports(qtbot, service, music):
    progress = []
    service.progressChanged.connect(lambda: progress.append((service.scanned, service.found)))
    threads = []
    real_scan = scanner.scan

    def scan_noting_the_thread(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real_scan(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scanner, "scan", scan_noting_the_thread)
        with qtbot.waitSignal(service.scanFinished, timeout=TIMEOUT_MS) as finished:
            started = time.monotonic()
            service.start()
            assert time.monotonic() - started < 0.5 and service.scanning
    report = finished.args[0]
    assert threads and threads[0].startswith("music-scan")
    assert not service.scanning
    assert report["indexed"] == len(music["good"]) and len(report["skipped"]) == len(music["broken"])
    assert {"found", "indexed", "unchanged", "removed", "skipped", "unavailable", "seconds"} == set(report)
    assert (service.trackCount, service.skippedCount) == (len(music["good"]), len(music["broken"]))
    assert progress and progress[-1] == (report["found"], report["found"])
    assert service.library.stats()["tracks"] == len(music["good"])


def test_a_usb_stick_plugged_in_pulled_out_and_plugged_back(qtbot, service, music, mounts, tmp_path):
    start_and_wait(qtbot, service)
    content = stick(tmp_path, music["folder"] / "周杰伦", "KINGSTON")
    plugged = mounts / "KINGSTON"

    with qtbot.waitSignal(service.scanFinished, timeout=TIMEOUT_MS) as finished:
        content.rename(plugged)
    assert finished.args[0]["indexed"] == 2
    assert service.trackCount == len(music["good"]) + 2
    assert {r["path"]: (r["kind"], r["present"]) for r in service.library.roots()}[str(plugged)] == ("usb", True)
    assert [t.path.startswith(str(plugged)) for t in service.library.tracks(artist="周杰伦")].count(True) == 2

    with qtbot.waitSignal(service.changed, timeout=TIMEOUT_MS):
        plugged.rename(content)
    qtbot.waitUntil(lambda: service.trackCount == len(music["good"]) and not service.scanning, timeout=TIMEOUT_MS)
    assert all(not t.path.startswith(str(plugged)) for t in service.library.tracks())
    assert not {r["path"]: r["present"] for r in service.library.roots()}[str(plugged)]

    reads = []
    real_read = scanner.read
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scanner, "read", lambda path: (reads.append(path), real_read(path))[1])
        with qtbot.waitSignal(service.changed, timeout=TIMEOUT_MS):
            content.rename(plugged)
        assert service.trackCount == len(music["good"]) + 2  # back at once, before its rescan ends
        qtbot.waitUntil(lambda: not service.scanning, timeout=TIMEOUT_MS)
    assert reads == []  # and nothing was read again


def test_a_stick_mounted_desktop_style_under_the_users_folder(qtbot, service, music, mounts, tmp_path):
    start_and_wait(qtbot, service)
    user_folder = scanner.user_mounts(mounts)
    user_folder.mkdir()
    qtbot.wait(600)
    with qtbot.waitSignal(service.scanFinished, timeout=TIMEOUT_MS, check_params_cb=lambda r: r["indexed"] == 2):
        stick(tmp_path, music["folder"] / "Beyoncé", "SANDISK").rename(user_folder / "SANDISK")
    assert service.trackCount == len(music["good"]) + 2


def test_an_empty_mount_point_is_a_stick_that_is_not_there(qtbot, service, music, mounts, tmp_path):
    plugged = stick(tmp_path, music["folder"] / "Beyoncé", "usb0")
    plugged.rename(mounts / "usb0")
    start_and_wait(qtbot, service)
    assert service.trackCount == len(music["good"]) + 2
    with qtbot.waitSignal(service.changed, timeout=TIMEOUT_MS):
        shutil.rmtree(mounts / "usb0" / "Dangerously in Love")  # unmounted: the folder stays, empty
    qtbot.waitUntil(lambda: service.trackCount == len(music["good"]), timeout=TIMEOUT_MS)
    assert {r["path"]: r["present"] for r in service.library.roots()}[str(mounts / "usb0")] is False


def test_added_folders_are_scanned_and_dropped_with_the_setting(qtbot, service, music, tmp_path):
    start_and_wait(qtbot, service)
    extra = stick(tmp_path, music["folder"] / "Field Recordings", "Podcasts")
    with qtbot.waitSignal(service.scanFinished, timeout=TIMEOUT_MS) as finished:
        service.settings.set("musicFolders", [str(extra)])
    assert finished.args[0]["indexed"] == 3
    assert service.trackCount == len(music["good"]) + 3
    with qtbot.waitSignal(service.scanFinished, timeout=TIMEOUT_MS):
        service.settings.set("musicFolders", [])
    assert service.trackCount == len(music["good"])


def test_rescan_while_scanning_runs_once_more_afterwards(qtbot, service, music):
    reports = []
    service.scanFinished.connect(reports.append)
    service.start()
    service.rescan()
    service.rescan()
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=TIMEOUT_MS)
    qtbot.wait(300)
    assert len(reports) == 2 and reports[1]["unchanged"] == reports[1]["found"]


def test_close_during_a_scan_is_prompt_and_keeps_the_index_whole(qtbot, qapp, tmp_path, music, mounts):
    big = tmp_path / "big"
    for n in range(40):
        shutil.copytree(music["folder"] / "Beyoncé", big / f"copy {n}")
    db_path = tmp_path / "index" / "library.db"
    media = MediaLibrary(None, db_path=db_path, covers_dir=tmp_path / "index" / "covers", music_dir=big,
                         mounts=mounts)
    with qtbot.waitSignal(media.progressChanged, timeout=TIMEOUT_MS):
        media.start()
    started = time.monotonic()
    media.close()
    assert time.monotonic() - started < 5
    from headunit.media.library import Library

    library = Library(db_path, tmp_path / "index" / "covers")
    try:
        assert library.stats()["tracks"] <= 80 and not list(db_path.parent.glob("*.corrupt-*"))
    finally:
        library.close()


def test_record_play_is_written_on_the_scan_thread(qtbot, service):
    start_and_wait(qtbot, service)
    track = service.library.tracks()[0]
    written = service.library.record_play(track.id)
    written.result(timeout=5)
    assert service.library.recent() == [track]


def test_the_runtime_owns_one_library_and_hands_it_to_the_plugin_host(qtbot, runtimes, music, monkeypatch,
                                                                      mounts):
    monkeypatch.setenv("HEADUNIT_MUSIC_DIR", str(music["folder"]))
    monkeypatch.setenv("HEADUNIT_MEDIA_MOUNTS", str(mounts))
    runtime = runtimes.start()
    assert runtime.host.services.media is runtime.media
    with qtbot.waitSignal(runtime.media.scanFinished, timeout=TIMEOUT_MS):
        runtime.start_media()
    assert runtime.media.trackCount == len(music["good"])
    assert Path(os.environ["HEADUNIT_HOME"], "data", "music", "library.db").is_file()
    runtimes.stop(runtime)


def test_a_stick_plugged_in_during_a_long_first_scan_shows_at_once(qtbot, qapp, tmp_path, music, mounts,
                                                                   monkeypatch):
    big = tmp_path / "big"
    for n in range(20):
        shutil.copytree(music["folder"] / "Beyoncé", big / f"copy {n}")
    real_read = scanner.read

    def slow_read(path):
        time.sleep(0.1)  # a slow SD card: the first scan of the music folder takes 4 s
        return real_read(path)

    monkeypatch.setattr(scanner, "read", slow_read)
    media = MediaLibrary(None, db_path=tmp_path / "index" / "library.db", covers_dir=tmp_path / "index" / "covers",
                         music_dir=big, mounts=mounts)
    try:
        reports = []
        media.scanFinished.connect(reports.append)
        with qtbot.waitSignal(media.progressChanged, timeout=TIMEOUT_MS):
            media.start()
        stick(tmp_path, music["folder"] / "Loose", "STICK").rename(mounts / "STICK")
        started = time.monotonic()
        qtbot.waitUntil(lambda: any(t.path.startswith(str(mounts)) for t in media.library.tracks()),
                        timeout=TIMEOUT_MS)
        assert time.monotonic() - started < 1.5
        qtbot.waitUntil(lambda: bool(reports) and not media.scanning, timeout=30_000)
        assert reports == [reports[0]] and reports[0]["found"] == 41  # one report, of the whole library
        assert media.trackCount == 41
    finally:
        media.close()


def test_apps_read_the_library_and_record_plays_but_cannot_write_it(qtbot, service, music):
    from headunit.host.media_access import PluginMedia

    media = PluginMedia(service, tuner=lambda: None)
    changes = []
    media.service.changed.connect(lambda: changes.append(1))
    with qtbot.waitSignal(media.service.scanFinished, timeout=TIMEOUT_MS):
        service.start()
    assert changes and media.service.trackCount == len(music["good"]) and not media.service.scanning
    library = media.library
    assert [a["name"] for a in library.artists()][:1] == ["Beyoncé"]
    assert library.search("七里")["tracks"] and library.stats()["tracks"] == len(music["good"])
    track = library.tracks()[0]
    library.record_play(track.id).result(timeout=5)
    assert library.recent() == [track]
    for writer in ("put_track", "put_skipped", "remove", "set_roots", "transaction", "rebuild_groups", "close",
                   "move_to_root"):
        assert not hasattr(library, writer), writer
    for control in ("library", "close", "start"):
        assert not hasattr(media.service, control), control


def test_a_stick_slow_to_list_never_holds_up_the_screen(qtbot, service, music, mounts, tmp_path, monkeypatch):
    listed_on = []
    real = scanner.usb_roots

    def slow_usb_roots(folder):
        listed_on.append(threading.current_thread())
        time.sleep(1.0)  # a stick being pulled out, or a dying one
        return real(folder)

    monkeypatch.setattr(scanner, "usb_roots", slow_usb_roots)
    started = time.monotonic()
    service.start()
    assert time.monotonic() - started < 0.5
    qtbot.waitUntil(lambda: not service.scanning, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(service.scanFinished, timeout=TIMEOUT_MS) as finished:
        started = time.monotonic()
        stick(tmp_path, music["folder"] / "周杰伦", "KINGSTON").rename(mounts / "KINGSTON")
        qtbot.wait(SETTLE_MS_AND_A_BIT)
        assert time.monotonic() - started < SETTLE_MS_AND_A_BIT / 1000 + 0.5  # the GUI thread did not wait
    assert finished.args[0]["indexed"] == 2  # and the stick was still seen
    assert listed_on and threading.main_thread() not in listed_on


SETTLE_MS_AND_A_BIT = 600


def test_close_waits_for_a_stuck_scan_only_so_long_and_says_so(qtbot, qapp, tmp_path, music, mounts, monkeypatch,
                                                               caplog):
    from headunit.shell import media as media_module

    reading, release = threading.Event(), threading.Event()

    def read_that_does_not_return(path):
        reading.set()
        release.wait(30)
        raise AssertionError("the test ended before the read returned")

    monkeypatch.setattr(scanner, "read", read_that_does_not_return)
    monkeypatch.setattr(media_module, "CLOSE_WAIT_S", 0.5)
    media = MediaLibrary(None, db_path=tmp_path / "index" / "library.db", covers_dir=tmp_path / "index" / "covers",
                         music_dir=music["folder"], mounts=mounts)
    try:
        media.start()
        assert reading.wait(TIMEOUT_MS / 1000)
        started = time.monotonic()
        media.close()
        assert time.monotonic() - started < 1.5
        assert "did not stop" in caplog.text
    finally:
        release.set()
        for thread in threading.enumerate():
            if thread.name.startswith("music-scan"):
                thread.join(10)


def test_the_last_play_recorded_while_a_scan_runs_is_kept_at_close(qtbot, qapp, tmp_path, music, mounts,
                                                                   monkeypatch):
    from headunit.media.library import Library

    db_path, covers = tmp_path / "index" / "library.db", tmp_path / "index" / "covers"
    media = MediaLibrary(None, db_path=db_path, covers_dir=covers, music_dir=music["folder"], mounts=mounts)
    start_and_wait(qtbot, media)
    track = media.library.tracks()[0]
    real_read = scanner.read
    monkeypatch.setattr(scanner, "read", lambda path: (time.sleep(0.2), real_read(path))[1])
    for path in music["folder"].rglob("*.*"):
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    media.rescan()
    qtbot.waitUntil(lambda: media.scanned > 0, timeout=TIMEOUT_MS)
    media.library.record_play(track.id)  # the player stopping at switch-off, behind the scan
    media.close()
    library = Library(db_path, covers)
    try:
        assert library.recent() == [track]
    finally:
        library.close()
