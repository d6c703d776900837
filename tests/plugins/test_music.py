"""The music app in a running shell, with a real library on disk and real audio into the test session's null sink:
playback, the queue's modes, resuming after a restart, the shell's audio focus, prompts and media keys, the
library's pages under the driving limits, and the radio."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Property, QObject, Qt, Signal
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from headunit.shell.theme import SCREEN_PRESETS, dpi_for
from tests.music_files import encode_tone, write_tags
from tests.shell import descendants, find, named, settle


MUSIC = "org.headunit.music"
#: Long enough that nothing ends while a test looks at it.
LONG_SECONDS = 40.0
LONG_ALBUM = {"artist": "The Long Drives", "album_artist": "The Long Drives", "album": "Motorway", "genre": "Rock",
              "year": 2021}


@pytest.fixture(scope="session")
def long_library(tmp_path_factory) -> Path:
    """Three songs of LONG_SECONDS on one album (MP3, FLAC, Ogg Vorbis)."""
    folder = tmp_path_factory.mktemp("long-music") / "Music"
    album = folder / "The Long Drives" / "Motorway"
    album.mkdir(parents=True)
    for number, (title, extension) in enumerate((("Slip Road", "mp3"), ("Fast Lane", "flac"),
                                                  ("Services", "ogg")), start=1):
        path = encode_tone(album / f"{number:02d} {title}.{extension}", seconds=LONG_SECONDS,
                           frequency=200 + 60 * number)
        write_tags(path, {**LONG_ALBUM, "title": title, "track_no": number})
    return folder


@pytest.fixture(scope="session")
def many_albums(tmp_path_factory) -> Path:
    """Nine albums of one short song each: more than a moving car may be shown on one screen."""
    folder = tmp_path_factory.mktemp("many-albums") / "Music"
    template = encode_tone(tmp_path_factory.mktemp("template") / "tone.wav", seconds=1.0)
    for n in range(1, 10):
        path = folder / f"Album {n}" / "01 Song.wav"
        path.parent.mkdir(parents=True)
        shutil.copy(template, path)
        write_tags(path, {"title": f"Song {n}", "artist": "Various", "album_artist": "Various",
                          "album": f"Album {n}", "track_no": 1})
    return folder


def open_shell(runtimes, qtbot, *, size=(1280, 720), drive="parked", plugin_paths=(), **options):
    """A shell window offscreen with every plugin loaded; stopped by the `runtimes` fixture."""
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - types the root object as a window

    runtime = runtimes.start(*plugin_paths, dpi=dpi_for(*size, SCREEN_PRESETS[size]), drive=drive, **options)
    window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=size[0], shellHeight=size[1])
    window.show()
    with qtbot.waitSignal(runtime.host.idleLoadFinished, timeout=10_000):
        runtime.host.load_all_in_idle()
    return runtime, window


def store_of(runtime):
    record = runtime.host.record(MUSIC)
    return record.context.exposed()["music"] if record and record.context else None


def media_of(store) -> QMediaPlayer:
    return store.player.findChild(QMediaPlayer)


@pytest.fixture
def music(runtimes, qtbot, monkeypatch, sound_server, music_library):
    """music(folder=..., drive=..., size=...) -> (runtime, window, store): the shell with the library of `folder`
    (the session's music library by default) scanned, and the music app loaded."""
    monkeypatch.setenv("HEADUNIT_TTS_ENGINE", "mock")

    def start(*, folder: Path | None = None, **options):
        monkeypatch.setenv("HEADUNIT_MUSIC_DIR", str(folder or music_library["folder"]))
        runtime, window = open_shell(runtimes, qtbot, **options)
        with qtbot.waitSignal(runtime.media.scanFinished, timeout=30_000):
            runtime.start_media()
        store = store_of(runtime)
        assert store is not None, runtime.host.record(MUSIC).reason
        return runtime, window, store

    return start


def open_album(store, qtbot, name: str) -> None:
    """The library's album `name`, as the driver reaches it: Library, Albums, the album's cover."""
    store.showSection("library")
    store.library.openCategory("albums")
    qtbot.waitUntil(lambda: not store.library.busy and store.library.rows.count > 0, timeout=5000)
    titles = [row.title for row in store.library.rows.rows()]
    store.library.activate(titles.index(name))
    qtbot.waitUntil(lambda: store.library.kind == "album" and not store.library.busy, timeout=5000)


def play_album(store, qtbot, name: str = "Motorway") -> None:
    open_album(store, qtbot, name)
    store.library.playAll()
    qtbot.waitUntil(lambda: store.player.playing and store.player.position > 0.2, timeout=10_000)


def visible(window, name: str) -> list[QQuickItem]:
    return [i for i in named(window, name) if i.isVisible()]


def tiles_of(grid: QQuickItem) -> list[QQuickItem]:
    return [t for t in descendants(grid) if t.inherits("QQuickAbstractButton") and t.isVisible()
            and t.property("title")]


def rows_of(list_item: QQuickItem) -> list[QQuickItem]:
    return [r for r in descendants(list_item) if r.inherits("QQuickAbstractButton") and r.isVisible()
            and r.height() > 0 and r.property("title") is not None]


# Playing


def test_a_song_plays_on_the_sound_server_and_its_position_advances(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    runtime.apps.openApp(MUSIC)
    find(window, "section:library").clicked.emit()
    qtbot.waitUntil(lambda: store.library.rows.count == 1, timeout=5000)
    settle(qtbot)
    tiles_of(visible(window, "albumGrid")[0])[0].clicked.emit()
    qtbot.waitUntil(lambda: store.library.kind == "album" and store.library.rows.count == 3, timeout=5000)
    settle(qtbot)
    visible(window, "playAll")[0].clicked.emit()
    qtbot.waitUntil(lambda: store.player.position > 0.5, timeout=10_000)
    start = store.player.position
    qtbot.wait(1000)
    assert 0.6 < store.player.position - start < 1.5  # real time, through a real audio output
    assert media_of(store).playbackState() == QMediaPlayer.PlaybackState.PlayingState
    assert runtime.audio_focus.mediaOwner == MUSIC
    settle(qtbot)
    assert store.section == "playing"  # the page shows what plays
    assert find(window, "nowPlayingTitle").property("text") == "Slip Road"
    assert find(window, "nowPlayingArtist").property("text") == "The Long Drives"
    assert find(window, "nowPlayingCover").isVisible()


def test_pause_seek_next_and_previous(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    player = store.player
    play_album(store, qtbot)

    player.pause()
    qtbot.wait(300)
    paused_at = player.position
    qtbot.wait(700)
    assert not player.playing and abs(player.position - paused_at) < 0.05

    player.seek(20.0)
    player.play()
    qtbot.waitUntil(lambda: player.position > 20.3, timeout=5000)
    assert player.position < 23

    player.next()
    qtbot.waitUntil(lambda: player.title == "Fast Lane" and player.position > 0.2, timeout=5000)
    player.seek(10.0)
    qtbot.waitUntil(lambda: player.position >= 10.0, timeout=5000)
    player.previous()  # ten seconds in: the same song from its start
    qtbot.waitUntil(lambda: player.position < 2.0, timeout=5000)
    assert player.title == "Fast Lane"
    player.previous()  # at its start: the song before
    qtbot.waitUntil(lambda: player.title == "Slip Road", timeout=5000)
    assert player.playing


def test_shuffle_and_repeat(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    player = store.player
    play_album(store, qtbot)

    player.toggleShuffle()
    assert player.shuffle and player.title == "Slip Road"  # the song playing stays
    upcoming = [row.title for row in player.queue.rows()]
    assert upcoming[0] == "Slip Road" and sorted(upcoming) == ["Fast Lane", "Services", "Slip Road"]
    player.toggleShuffle()

    player.cycleRepeat()
    player.cycleRepeat()
    assert player.repeat == "one"
    player.seek(LONG_SECONDS - 1.0)
    qtbot.waitUntil(lambda: player.position < 1.0 and player.playing, timeout=8000)  # the same song again
    assert player.title == "Slip Road"

    player.setRepeat("all")
    player.next()
    player.next()
    qtbot.waitUntil(lambda: player.title == "Services", timeout=5000)
    player.seek(LONG_SECONDS - 1.0)
    qtbot.waitUntil(lambda: player.title == "Slip Road", timeout=8000)  # after the last, the first
    assert player.playing

    player.setRepeat("off")
    player.previous()
    qtbot.wait(300)
    assert player.title == "Slip Road"  # only repeat wraps back to the last song
    player.playQueueIndex(2)
    qtbot.waitUntil(lambda: player.title == "Services", timeout=5000)
    player.seek(LONG_SECONDS - 1.0)
    qtbot.waitUntil(lambda: not player.playing, timeout=8000)  # the end of the queue
    assert player.title == "Services"


def test_after_a_restart_the_same_song_plays_on_from_where_it_was(music, runtimes, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    player = store.player
    play_album(store, qtbot)
    player.next()
    qtbot.waitUntil(lambda: player.title == "Fast Lane", timeout=5000)
    snapshots = []
    player.snapshot.connect(snapshots.append)
    player.seek(12.0)
    qtbot.waitUntil(lambda: player.position > 12.5 and bool(snapshots), timeout=5000)
    assert "queue" not in snapshots[-1]  # the place is saved often; the queue only when it changes
    saved = player.position
    runtimes.stop(runtime)  # switch-off

    started: dict[str, float] = {}
    again = runtimes.start(dpi=dpi_for(1280, 720, SCREEN_PRESETS[(1280, 720)]), drive="parked")
    again.host.pluginLoading.connect(lambda key: started.setdefault(key, time.monotonic()))
    window = again.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=1280, shellHeight=720)
    window.show()
    again.host.load_all_in_idle()  # no scan: the saved queue carries what it needs

    def resumed() -> bool:
        store = store_of(again)
        return bool(store and store.player.playing and media_of(store).position() / 1000 >= saved - 0.3)

    qtbot.waitUntil(resumed, timeout=5000)
    assert time.monotonic() - started[MUSIC] < 1.0
    player = store_of(again).player
    assert player.title == "Fast Lane" and player.artist == "The Long Drives"
    assert saved - 0.3 <= player.position < saved + 2.0
    assert [row.title for row in player.queue.rows()] == ["Fast Lane", "Services"]
    assert again.audio_focus.mediaOwner == MUSIC


def test_a_paused_song_comes_back_paused_at_its_place(music, runtimes, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    play_album(store, qtbot)
    store.player.seek(7.0)
    store.player.pause()
    runtimes.stop(runtime)

    again, _ = open_shell(runtimes, qtbot)
    qtbot.waitUntil(lambda: store_of(again) and store_of(again).player.hasMedia, timeout=5000)
    player = store_of(again).player
    qtbot.wait(500)
    assert not player.playing and player.title == "Slip Road"
    assert 6.8 <= player.position <= 7.5
    again.audio_focus.pressMediaKey("play")  # the steering wheel's play brings back the music the car had on
    qtbot.waitUntil(lambda: player.playing and player.position > 7.3, timeout=5000)


def test_a_song_on_a_usb_stick_that_mounts_after_start_waits_for_it_and_plays_from_its_place(
        music, runtimes, qtbot, long_library, tmp_path):
    stick = tmp_path / "stick"
    shutil.copytree(long_library, stick)
    runtime, window, store = music(folder=stick)
    play_album(store, qtbot)
    store.player.seek(9.0)
    qtbot.waitUntil(lambda: store.player.position > 9.2, timeout=5000)
    runtimes.stop(runtime)
    unplugged = stick.rename(tmp_path / "unplugged")  # the stick is not mounted yet when the head unit starts
    toasts = []

    again, home = open_shell(runtimes, qtbot)
    again.notifications.toast.connect(lambda text, level: toasts.append(text))
    qtbot.waitUntil(lambda: store_of(again) and store_of(again).player.waiting, timeout=5000)
    player = store_of(again).player
    qtbot.wait(500)
    assert player.title == "Slip Road" and 9.0 <= player.position < 9.8 and not player.playing
    assert toasts == []  # not skipped, and nothing to read
    settle(qtbot)
    assert [t.property("text") for t in visible(home, "tileArtist")] == ["Waiting for its USB drive"]

    unplugged.rename(stick)  # mounted: the library's rescan finds it
    with qtbot.waitSignal(again.media.scanFinished, timeout=30_000):
        again.start_media()
    qtbot.waitUntil(lambda: player.playing and player.position > 9.3, timeout=5000)
    assert player.title == "Slip Road" and not player.waiting and toasts == []


# The shell's audio focus, prompts and keys


def test_music_ducks_while_a_prompt_speaks_and_comes_back_after(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    player = store.player
    play_album(store, qtbot)
    normal = player.outputVolume
    assert normal > 0

    runtime.audio_focus.request_prompt("test-prompt")
    assert player.ducked and player.outputVolume == pytest.approx(normal * 0.2, rel=0.01)
    qtbot.wait(300)
    assert player.playing and media_of(store).playbackState() == QMediaPlayer.PlaybackState.PlayingState
    runtime.audio_focus.abandon_prompt("test-prompt")
    assert player.outputVolume == pytest.approx(normal)

    # A real spoken prompt (the mock voice) ducks the music the same way.
    volumes = []
    player.volumeChanged.connect(lambda: volumes.append(player.outputVolume))
    with qtbot.waitSignal(runtime.speech.finished, timeout=20_000):
        runtime.host.record(MUSIC).context.audio.speak("In two hundred metres, turn left")
    assert min(volumes) == pytest.approx(normal * 0.2, rel=0.01)
    assert player.outputVolume == pytest.approx(normal) and player.playing


def test_with_the_pause_setting_music_stops_for_a_prompt_and_goes_on_after(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    runtime.host.set_plugin_setting(MUSIC, "prompts", "pause")
    player = store.player
    play_album(store, qtbot)
    normal = player.outputVolume

    runtime.audio_focus.request_prompt("test-prompt")
    qtbot.wait(300)
    held_at = player.position
    assert media_of(store).playbackState() != QMediaPlayer.PlaybackState.PlayingState
    qtbot.wait(700)
    assert abs(player.position - held_at) < 0.05 and player.outputVolume == pytest.approx(normal)
    runtime.audio_focus.abandon_prompt("test-prompt")
    qtbot.waitUntil(lambda: player.position > held_at + 0.3, timeout=5000)
    assert player.playing


def test_another_app_taking_the_media_focus_pauses_the_music(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    player = store.player
    play_album(store, qtbot)
    runtime.audio_focus.request_media("org.example.podcasts")
    qtbot.wait(300)
    assert not player.playing
    position = player.position
    qtbot.wait(600)
    assert abs(player.position - position) < 0.05
    runtime.audio_focus.abandon_media("org.example.podcasts")
    assert not player.playing  # it does not start again by itself
    player.play()
    assert runtime.audio_focus.mediaOwner == MUSIC


def test_media_keys_reach_the_music(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    player = store.player
    play_album(store, qtbot)
    runtime.audio_focus.pressMediaKey("play-pause")
    assert not player.playing
    runtime.audio_focus.pressMediaKey("play")
    assert player.playing
    runtime.audio_focus.pressMediaKey("next")
    qtbot.waitUntil(lambda: player.title == "Fast Lane", timeout=5000)
    runtime.audio_focus.pressMediaKey("previous")
    qtbot.waitUntil(lambda: player.title == "Slip Road", timeout=5000)
    runtime.audio_focus.pressMediaKey("stop")
    assert not player.playing

    # A keyboard's (or, through evdev, the steering wheel's) media keys.
    QTest.keyClick(window, Qt.Key.Key_MediaTogglePlayPause)
    assert player.playing
    QTest.keyClick(window, Qt.Key.Key_MediaNext)
    qtbot.waitUntil(lambda: player.title == "Fast Lane", timeout=5000)


def test_while_moving_only_the_queue_rows_shown_can_be_played(music, qtbot, long_library):
    from dataclasses import replace

    runtime, window, store = music(folder=long_library, drive="moving")
    play_album(store, qtbot)
    player = store.player
    song = player.current
    player.play_entries([replace(song, title=f"Song {n}") for n in range(1, 11)], 0)
    limit = runtime.restrictions.maxItemsPerScreen
    assert 0 < limit < 9
    player.playQueueIndex(9)  # a row the moving car's list does not show
    assert player.title == "Song 1"
    player.playQueueIndex(limit - 1)
    assert player.title == f"Song {limit}"


def test_a_file_that_cannot_play_is_skipped_with_a_toast(music, qtbot, long_library, tmp_path):
    runtime, window, store = music(folder=long_library)
    play_album(store, qtbot)
    player = store.player
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    broken = tmp_path / "gone missing.mp3"
    broken.write_bytes(b"\x00" * 4096)
    plugin = store.player.current
    from dataclasses import replace

    player.play_entries([replace(plugin, uri=str(broken), title="Gone missing"), plugin], 0)
    qtbot.waitUntil(lambda: player.title == "Slip Road" and player.position > 0.2, timeout=5000)
    assert toasts == ["Cannot play “Gone missing”, skipped"]
    assert runtime.host.record(MUSIC).status == "ok"


# The library's pages


def test_broken_files_are_listed_with_their_reasons(music, qtbot, music_library):
    runtime, window, store = music()
    runtime.apps.openApp(MUSIC)
    find(window, "section:status").clicked.emit()
    qtbot.waitUntil(lambda: store.status.skipped.count == len(music_library["broken"]), timeout=5000)
    settle(qtbot)
    assert find(window, "librarySummary").property("text").startswith("8 tracks")
    assert find(window, "skippedTitle").property("text") == "5 files could not be read"
    rows = {row.property("title"): row.property("subtitle") for row in rows_of(find(window, "skippedList"))}
    assert set(rows) == {f"Music/Broken/{Path(b['path']).name}" for b in music_library["broken"]}
    assert rows["Music/Broken/noise.mp3"] == "not an audio file"
    assert rows["Music/Broken/cut short.flac"] == "damaged or cut short"
    assert rows["Music/Broken/empty.m4a"] == "empty file"
    assert rows["Music/Broken/pipe.mp3"] == "not a music file"


def test_the_album_grid_shows_the_driving_limit_while_moving_and_everything_when_parked(music, qtbot, many_albums):
    runtime, window, store = music(folder=many_albums, drive="moving")
    runtime.apps.openApp(MUSIC)
    find(window, "section:library").clicked.emit()
    qtbot.waitUntil(lambda: store.library.rows.count == 9, timeout=5000)
    settle(qtbot)
    grid = visible(window, "albumGrid")[0]
    shown = tiles_of(grid)
    assert 1 <= len(shown) <= 6
    hint = [i for i in descendants(grid) if i.objectName() == "moreWhenParked"][0]
    assert hint.isVisible() and hint.property("text") == f"{9 - len(shown)} more when parked"
    store.library.activate(8)  # hidden while moving: cannot be chosen
    assert store.library.kind == "albums"

    runtime.simulator.applyDrive("parked")
    qtbot.waitUntil(lambda: not runtime.restrictions.active, timeout=3000)
    settle(qtbot)
    assert not hint.isVisible()
    assert grid.property("hiddenTiles") == 0
    store.library.activate(8)
    qtbot.waitUntil(lambda: store.library.kind == "album", timeout=3000)
    assert store.library.title == "Album 9"


def test_played_songs_show_under_recently_played(music, qtbot, music_library):
    runtime, window, store = music()
    open_album(store, qtbot, "七里香")
    store.library.playAll()
    qtbot.waitUntil(lambda: store.player.position > 1.1, timeout=10_000)  # past half of a two-second song
    store.showSection("library")
    store.library.openCategory("recent")
    qtbot.waitUntil(lambda: not store.library.busy and store.library.rows.count > 0, timeout=5000)
    assert store.library.rows.rows()[0].title == "我的地盘"


def test_search_finds_artists_albums_and_songs_when_parked(music, qtbot, music_library):
    runtime, window, store = music()
    runtime.apps.openApp(MUSIC)
    find(window, "section:search").clicked.emit()
    settle(qtbot)
    field = visible(window, "textEntryField")[0]
    field.setProperty("text", "beyon")
    qtbot.waitUntil(lambda: store.finder.rows.count > 0 and not store.finder.busy, timeout=5000)
    titles = [row.title for row in store.finder.rows.rows()]
    assert "Beyoncé" in titles and "Crazy in Love" in titles


def test_while_driving_search_offers_the_library_instead_of_a_keyboard(music, qtbot):
    runtime, window, store = music(drive="moving")
    runtime.apps.openApp(MUSIC)
    find(window, "section:search").clicked.emit()
    settle(qtbot)
    assert visible(window, "textEntryField") == []
    assert visible(window, "typingWhenParked")


def test_favourites_keep_what_was_starred(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    play_album(store, qtbot)
    runtime.apps.openApp(MUSIC)
    settle(qtbot)
    find(window, "favouriteButton").clicked.emit()
    assert store.favourite
    store.showSection("library")
    store.library.openCategory("favourites")
    qtbot.waitUntil(lambda: not store.library.busy and store.library.rows.count == 1, timeout=5000)
    assert store.library.rows.rows()[0].title == "Slip Road"


def test_genres_and_folders_lead_to_their_songs(music, qtbot, music_library):
    runtime, window, store = music()
    library = store.library
    store.showSection("library")
    library.openCategory("genres")
    qtbot.waitUntil(lambda: not library.busy and library.rows.count > 0, timeout=5000)
    genres = [row.title for row in library.rows.rows()]
    assert {"Mandopop", "R&B", "Ambient", "Unknown genre"} <= set(genres)
    library.activate(genres.index("Mandopop"))
    qtbot.waitUntil(lambda: library.kind == "genre" and not library.busy, timeout=5000)
    assert [row.title for row in library.rows.rows()] == ["我的地盘", "七里香"]

    library.openCategory("folders")
    qtbot.waitUntil(lambda: not library.busy and library.rows.count == 1, timeout=5000)
    library.activate(0)  # the music folder
    qtbot.waitUntil(lambda: library.kind == "folder" and not library.busy, timeout=5000)
    folders = [row.title for row in library.rows.rows()]
    assert {"Beyoncé", "Loose", "周杰伦"} <= set(folders) and "Broken" not in folders
    library.activate(folders.index("Loose"))
    qtbot.waitUntil(lambda: library.depth == 3 and not library.busy, timeout=5000)
    assert [row.title for row in library.rows.rows()] == ["untagged take"]
    assert library.back() and library.back() and not library.back()


def test_favourites_sync_with_the_account(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library, backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    play_album(store, qtbot)
    store.toggleFavourite()
    cloud = runtime.host.record(MUSIC).context.cloud

    def favourites() -> dict:
        return {k: v for k, v in cloud.items("favourites").items() if k.startswith("music:")}

    qtbot.waitUntil(lambda: favourites() != {}, timeout=10_000)
    qtbot.waitUntil(lambda: runtime.cloud.pending == 0, timeout=10_000)  # on the account, for every car
    assert [v["title"] for v in favourites().values()] == ["Slip Road"]
    assert list(favourites())[0].startswith("music:track:")
    store.toggleFavourite()
    qtbot.waitUntil(lambda: favourites() == {}, timeout=10_000)


def test_a_playlist_holds_the_song_playing(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    play_album(store, qtbot)
    store.createPlaylist("Road trip")
    store.player.next()
    store.addToPlaylist(0)
    store.showSection("library")
    store.library.openCategory("playlists")
    qtbot.waitUntil(lambda: not store.library.busy and store.library.rows.count == 1, timeout=5000)
    assert store.library.rows.rows()[0].title == "Road trip"
    store.library.activate(0)
    qtbot.waitUntil(lambda: store.library.kind == "playlist" and store.library.rows.count == 2, timeout=5000)
    assert [row.title for row in store.library.rows.rows()] == ["Slip Road", "Fast Lane"]


def test_the_home_tile_shows_the_song_and_plays_and_skips(music, qtbot, long_library):
    runtime, window, store = music(folder=long_library)
    play_album(store, qtbot)
    runtime.apps.goHome()
    settle(qtbot)
    assert find(window, "tileTitle").property("text") == "Slip Road"
    assert find(window, "tileArtist").property("text") == "The Long Drives"
    find(window, "tilePlayPause").clicked.emit()
    assert not store.player.playing
    find(window, "tileNext").clicked.emit()
    qtbot.waitUntil(lambda: store.player.title == "Fast Lane", timeout=5000)


def test_another_app_plays_a_file_with_play_media(music, qtbot, long_library, plugin_factory):
    plugin_factory("org.t.sender", python="""
        from headunit.sdk import Plugin

        class Main(Plugin):
            def start(self, ctx):
                self.ctx = ctx
    """)
    runtime, window, store = music(folder=long_library, plugin_paths=[plugin_factory.root])
    sender = runtime.host.record("org.t.sender").context
    path = next(long_library.rglob("02 *"))
    assert sender.send_intent("play-media", uri=path.as_uri()) is True
    qtbot.waitUntil(lambda: store.player.title == "Fast Lane" and store.player.playing, timeout=5000)
    assert store.player.album == "Motorway"
    assert sender.send_intent("play-media", uri="/nowhere/at/all.mp3") is False
    for wrong in ("fm:nan", "fm:inf", "fm:1200", "fm:loud"):  # another app's mistake costs the music nothing
        assert sender.send_intent("play-media", uri=wrong) is False
    assert runtime.host.record(MUSIC).status == "ok" and store.player.title == "Fast Lane"


def test_a_file_gone_before_the_music_app_reaches_it_is_named_in_a_toast(music, qtbot, long_library, tmp_path):
    runtime, window, store = music(folder=long_library)
    song = tmp_path / "Borrowed.mp3"
    shutil.copy(next(long_library.rglob("02 *")), song)
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    busy = threading.Event()
    runtime.host.record(MUSIC).context.submit(busy.wait, 5)  # the app's worker is still on something else
    assert store.play_uri(str(song))
    song.unlink()  # the stick is pulled meanwhile
    busy.set()
    qtbot.waitUntil(lambda: toasts != [], timeout=5000)
    assert toasts == [f"Nothing to play at {song}"] and not store.player.playing


# Radio


def test_without_a_tuner_the_radio_says_there_is_no_fm_and_why(music, qtbot):
    runtime, window, store = music()
    runtime.apps.openApp(MUSIC)
    find(window, "section:radio").clicked.emit()
    find(window, "band:fm").clicked.emit()
    settle(qtbot)
    if store.radio.fmAvailable:
        pytest.skip("this machine has an FM tuner")
    reason = find(window, "noTuner")
    assert reason.isVisible() and reason.property("text")
    assert visible(window, "fmPlay") == []


class FakeTuner(QObject):
    """An FM stick at the hardware edge: tunes and plays nothing, and says what it was asked."""

    frequencyChanged = Signal()
    playingChanged = Signal()
    reasonChanged = Signal()
    errorOccurred = Signal(str)

    def __init__(self):
        super().__init__()
        self.calls: list[tuple] = []
        self._frequency, self._playing, self._code = 87.5, False, ""

    available = Property(bool, lambda self: True, constant=True)
    reason = Property(str, lambda self: self._code, notify=reasonChanged)
    reasonCode = Property(str, lambda self: self._code, notify=reasonChanged)
    frequency = Property(float, lambda self: self._frequency, notify=frequencyChanged)
    playing = Property(bool, lambda self: self._playing, notify=playingChanged)

    def tune(self, mhz: float) -> None:
        self._frequency = mhz
        self.calls.append(("tune", round(mhz, 1)))
        self.frequencyChanged.emit()

    def play(self) -> None:
        self._playing = True
        self.calls.append(("play",))
        self.playingChanged.emit()

    def stop(self) -> None:
        self._playing = False
        self.calls.append(("stop",))
        self.playingChanged.emit()

    def setVolume(self, volume: float) -> None:
        self.calls.append(("volume", round(volume, 3)))

    def close(self) -> None:
        self.stop()

    def pull_out(self) -> None:
        """The stick leaves the car while it plays."""
        self._playing, self._code = False, "failed"
        self.reasonChanged.emit()
        self.errorOccurred.emit("rtl_fm stopped: usb device lost")


def test_an_fm_stick_plugged_in_after_start_is_found_when_the_fm_page_opens(music, qtbot, monkeypatch):
    import importlib

    from headunit.media.tuner import NO_STICK, AbsentTuner

    tuner_module = importlib.import_module("headunit.media.tuner")
    plugged = []
    monkeypatch.setattr(tuner_module, "find_tuner",
                        lambda *a, **k: plugged[0] if plugged else AbsentTuner("no-stick", NO_STICK))
    runtime, window, store = music()
    runtime.apps.openApp(MUSIC)
    find(window, "section:radio").clicked.emit()
    find(window, "band:fm").clicked.emit()
    settle(qtbot)
    assert not store.radio.fmAvailable and visible(window, "noTuner")

    plugged.append(FakeTuner())  # the driver plugs the stick in and comes back to the FM page
    find(window, "band:internet").clicked.emit()
    find(window, "band:fm").clicked.emit()
    settle(qtbot)
    assert store.radio.fmAvailable and visible(window, "noTuner") == []
    find(window, "fmPlay").clicked.emit()
    assert plugged[0].calls[-1] == ("play",) and store.player.playing


def test_fm_plays_through_the_tuner_ducks_and_comes_back_after_a_restart(music, runtimes, qtbot, monkeypatch):
    import importlib

    tuner = FakeTuner()
    monkeypatch.setattr(importlib.import_module("headunit.media.tuner"), "find_tuner", lambda *a, **k: tuner)
    runtime, window, store = music()
    runtime.apps.openApp(MUSIC)
    find(window, "section:radio").clicked.emit()
    find(window, "band:fm").clicked.emit()
    settle(qtbot)
    find(window, "tuneUp").clicked.emit()
    find(window, "tuneUp").clicked.emit()
    assert find(window, "fmFrequency").property("value") == "87.7"
    find(window, "fmPlay").clicked.emit()
    assert ("tune", 87.7) in tuner.calls and tuner.calls[-1] == ("play",)
    assert store.player.playing and store.player.title == "FM 87.7 MHz" and store.player.live
    assert runtime.audio_focus.mediaOwner == MUSIC

    find(window, "tuneDown").clicked.emit()
    assert tuner.calls[-2:] == [("tune", 87.6), ("play",)]
    runtime.audio_focus.request_prompt("test-prompt")
    volume = tuner.calls[-1]
    runtime.audio_focus.abandon_prompt("test-prompt")
    assert volume[0] == "volume" and tuner.calls[-1][1] == pytest.approx(volume[1] / 0.2, rel=0.01)
    runtime.audio_focus.pressMediaKey("play-pause")
    assert tuner.calls[-1] == ("stop",) and not store.player.playing
    runtime.audio_focus.pressMediaKey("play-pause")
    runtime.audio_focus.pressMediaKey("next")  # nothing after FM in the queue: the broadcast plays on
    assert tuner.calls[-1] == ("play",) and store.player.playing and store.player.title == "FM 87.6 MHz"
    runtimes.stop(runtime)

    tuner.calls.clear()
    again, _ = open_shell(runtimes, qtbot)
    qtbot.waitUntil(lambda: ("play",) in tuner.calls, timeout=3000)
    assert ("tune", 87.6) in tuner.calls and store_of(again).player.playing

    toasts = []
    again.notifications.toast.connect(lambda text, level: toasts.append(text))
    tuner.pull_out()
    assert not store_of(again).player.playing and toasts == ["The FM tuner stopped working"]


def test_a_station_from_the_embedded_backend_plays(music, qtbot):
    runtime, window, store = music(backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    runtime.apps.openApp(MUSIC)
    find(window, "section:radio").clicked.emit()
    qtbot.waitUntil(lambda: store.radio.stations.count > 0, timeout=20_000)
    settle(qtbot)
    station = rows_of(visible(window, "stationList")[0])[0]
    name = station.property("title")
    station.clicked.emit()
    qtbot.waitUntil(lambda: media_of(store).position() > 1500, timeout=20_000)  # a live stream, really playing
    assert store.player.playing and store.player.live and store.player.duration == 0
    assert store.player.title == name
    assert [row.title for row in store.radio.stations.rows() if row.current] == [name]
    store.showSection("playing")
    settle(qtbot)
    assert visible(window, "liveLabel") and visible(window, "seekBar") == []


def test_another_app_plays_a_station_before_the_radio_page_was_ever_opened(music, qtbot):
    runtime, window, store = music(backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    assert store.radio.stations.count == 0
    assert runtime.host.route_intent("test", "play-media", {"uri": "music:station:demo-sakura"}) is not False
    qtbot.waitUntil(lambda: store.player.playing and store.player.live, timeout=20_000)
    assert store.player.current.station_id == "demo-sakura"
    store.player.next()  # the rest of the directory follows it, as when chosen from the list
    assert store.player.current.station_id != "demo-sakura" and store.player.live


def test_offline_the_station_list_comes_from_the_cache_with_its_age(music, qtbot):
    runtime, window, store = music(backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    runtime.apps.openApp(MUSIC)
    find(window, "section:radio").clicked.emit()
    qtbot.waitUntil(lambda: store.radio.stations.count > 0 and not store.radio.busy, timeout=20_000)
    names = [row.title for row in store.radio.stations.rows()]
    settle(qtbot)
    assert visible(window, "stationsAge") == []

    runtime.simulator.setNetwork(False)
    qtbot.waitUntil(lambda: not runtime.cloud.online, timeout=5000)
    store.radio.refresh()
    qtbot.waitUntil(lambda: not store.radio.busy, timeout=10_000)
    settle(qtbot)
    assert [row.title for row in store.radio.stations.rows()] == names
    age = visible(window, "stationsAge")
    assert age and age[0].property("text") in ("Offline · list updated just now", "Offline · list updated 1 min ago")


def test_a_station_that_cannot_be_reached_is_tried_again_until_it_plays(music, qtbot, music_library):
    """A tunnel, or the link not up yet at switch-on: one toast, then the station plays once it answers, and
    again after its stream drops."""
    import functools
    import http.server
    import socket
    import threading

    runtime, window, store = music()
    wav = next(f["path"] for f in music_library["good"] if f["format"] == "wav")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    assert store.play_uri(f"http://127.0.0.1:{port}/{Path(wav).name}")
    qtbot.waitUntil(lambda: len(toasts) == 1, timeout=5000)
    assert "cannot be reached: trying again" in toasts[0]
    assert store.player.playing  # still wanted: the driver did not press pause

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(Path(wav).parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        qtbot.waitUntil(lambda: media_of(store).position() > 500, timeout=20_000)
        qtbot.waitUntil(lambda: media_of(store).position() < 300, timeout=20_000)  # the 2 s stream ended…
        qtbot.waitUntil(lambda: media_of(store).position() > 500, timeout=20_000)  # …and plays again
        assert len(toasts) <= 2 and store.player.playing
        store.player.pause()
    finally:
        server.shutdown()
        server.server_close()
