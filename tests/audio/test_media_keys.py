"""Media keys (a keyboard's, the steering wheel's, the emulator's buttons) reach the app that plays music."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtTest import QTest

from headunit.host.audio_access import PluginAudio
from headunit.shell.audio import AudioFocus, MediaKeys, Speech


@pytest.fixture
def focus(qapp):
    return AudioFocus()


def audio_for(focus: AudioFocus, plugin_id: str) -> tuple[PluginAudio, list[str]]:
    audio = PluginAudio(focus, Speech(focus, engine="mock"), plugin_id, lambda: "en")
    pressed: list[str] = []
    audio.on_media_key(pressed.append)
    return audio, pressed


def test_keys_go_to_the_player_holding_the_focus_and_to_it_alone(focus):
    music, music_keys = audio_for(focus, "org.example.music")
    radio, radio_keys = audio_for(focus, "org.example.radio")
    music.request_media()
    focus.pressMediaKey("next")
    radio.request_media()
    focus.pressMediaKey("play-pause")
    assert music_keys == ["next"]
    assert radio_keys == ["play-pause"]


def test_play_after_the_player_let_go_of_the_focus_still_reaches_it(focus):
    """A paused player may abandon the focus; "play" on the wheel must bring the same music back."""
    music, keys = audio_for(focus, "org.example.music")
    music.request_media()
    music.abandon_media()
    focus.pressMediaKey("play")
    assert keys == ["play"]


def test_a_stopped_app_gets_no_more_keys_and_gives_back_the_focus(focus):
    music, keys = audio_for(focus, "org.example.music")
    music.request_media()
    music.close()
    assert focus.mediaOwner == ""
    focus.pressMediaKey("next")
    assert keys == []


def test_unknown_key_names_are_refused(focus):
    with pytest.raises(ValueError, match="'louder' is not one of play-pause, play, pause, next, previous, stop"):
        focus.pressMediaKey("louder")


def test_keyboard_media_keys_become_media_key_presses(focus, qapp):
    music, keys = audio_for(focus, "org.example.music")
    music.request_media()
    media_keys = MediaKeys(focus)
    QGuiApplication.instance().installEventFilter(media_keys)
    window = QWindow()
    window.show()
    try:
        for key in (Qt.Key.Key_MediaTogglePlayPause, Qt.Key.Key_MediaNext, Qt.Key.Key_MediaPrevious,
                    Qt.Key.Key_MediaPlay, Qt.Key.Key_MediaPause, Qt.Key.Key_MediaStop):
            QTest.keyClick(window, key)
        QTest.keyClick(window, Qt.Key.Key_A)  # not a media key: left alone
    finally:
        QGuiApplication.instance().removeEventFilter(media_keys)
        window.close()
    assert keys == ["play-pause", "next", "previous", "play", "pause", "stop"]
