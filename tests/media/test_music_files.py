"""The test library is what it says it is: every good file is real audio with its tags, every broken one is
broken, so the library's tests test the library and not the generator."""

from __future__ import annotations

import mutagen
import pytest


def test_every_format_is_written_and_reads_back_with_its_tags(music_library):
    formats = {g["format"] for g in music_library["good"]}
    assert formats == {"mp3", "flac", "ogg", "opus", "m4a", "wav"}
    for good in music_library["good"]:
        audio = mutagen.File(good["path"], easy=good["format"] != "wav")
        assert audio is not None, good["path"]
        assert audio.info.length == pytest.approx(good["seconds"], abs=0.1)


def test_broken_files_do_not_read_as_audio(music_library):
    kinds = {b["kind"] for b in music_library["broken"]}
    assert kinds == {"random-bytes", "truncated", "text", "empty", "fifo"}
    for broken in music_library["broken"]:
        if broken["kind"] == "fifo":
            assert broken["path"].is_fifo()
            continue
        try:
            audio = mutagen.File(broken["path"])
        except mutagen.MutagenError:
            audio = None
        assert audio is None, broken["path"]


def test_qt_multimedia_plays_every_good_file(qapp, music_library):
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QMediaPlayer

    for good in music_library["good"]:
        player = QMediaPlayer()
        loop = QEventLoop()
        done = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.InvalidMedia)
        player.mediaStatusChanged.connect(lambda status: loop.quit() if status in done else None)
        QTimer.singleShot(5000, loop.quit)
        player.setSource(QUrl.fromLocalFile(str(good["path"])))
        if player.mediaStatus() not in done:
            loop.exec()
        assert player.mediaStatus() == QMediaPlayer.MediaStatus.LoadedMedia, good["path"]
        assert player.duration() == pytest.approx(good["seconds"] * 1000, abs=100)
