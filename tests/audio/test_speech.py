"""Spoken prompts through QtTextToSpeech and Speech Dispatcher into a PulseAudio null sink, with the music
ducked while they speak."""

from __future__ import annotations

import pytest

from headunit.shell.audio import AudioFocus, Speech


@pytest.fixture
def voice(qapp, sound_server):
    focus = AudioFocus()
    speech = Speech(focus)
    yield focus, speech
    speech.close()


def test_prompts_are_spoken_in_order_and_duck_the_music_meanwhile(qtbot, voice):
    focus, speech = voice
    focus.request_media("org.example.music")
    heard, ducked_while_speaking = [], []
    speech.started.connect(lambda owner, text: (heard.append(text), ducked_while_speaking.append(focus.ducked)))

    with qtbot.waitSignals([speech.finished, speech.finished], timeout=20_000):
        speech.say("org.headunit.navigation", "In 300 metres, turn left.", "en")
        speech.say("org.headunit.navigation", "Links abbiegen.", "de")

    assert speech.available, "no speech engine: is speech-dispatcher with espeak-ng installed?"
    assert heard == ["In 300 metres, turn left.", "Links abbiegen."]
    assert ducked_while_speaking == [True, True]
    assert not focus.ducked and not speech.speaking
    assert focus.mediaOwner == "org.example.music"  # a prompt ducks the music; it does not take it over


def test_cancel_drops_an_apps_queued_prompts(qtbot, voice):
    _, speech = voice
    heard = []
    speech.started.connect(lambda owner, text: heard.append(text))
    with qtbot.waitSignal(speech.finished, timeout=20_000):
        speech.say("nav", "Turn right.", "en")
        speech.say("nav", "A stale instruction.", "en")
        speech.say("other", "Something else.", "en")
        speech.cancel("nav")
    qtbot.waitUntil(lambda: not speech.speaking, timeout=20_000)
    assert "A stale instruction." not in heard
    assert heard[-1] == "Something else."


def test_without_an_engine_prompts_are_dropped_and_the_voice_says_it_is_unavailable(qtbot, qapp):
    focus = AudioFocus()
    speech = Speech(focus, engine="no-such-engine")
    try:
        with qtbot.waitSignal(speech.finished, timeout=5_000):
            speech.say("nav", "Turn left.", "en")
            speech.say("nav", "Then turn right.", "en")
        assert not speech.available and not speech.speaking and not focus.ducked
        speech.say("nav", "Turn right.", "en")  # dropped at once from now on
        assert not speech.speaking
    finally:
        speech.close()


def test_media_focus_has_one_owner():
    focus = AudioFocus()
    focus.request_media("music")
    focus.request_media("radio")
    assert focus.mediaOwner == "radio"
    focus.abandon_media("music")  # not the owner any more: nothing changes
    assert focus.mediaOwner == "radio"
    focus.request_prompt("nav")
    focus.request_prompt("phone")
    focus.abandon_prompt("nav")
    assert focus.ducked
    focus.abandon_prompt("phone")
    assert not focus.ducked
