"""Audio focus and spoken prompts: who may make sound, and the voice that speaks for navigation.

One owner holds the media focus (music, radio); a prompt takes transient focus and the media owner ducks
(lowers its volume) until the prompt ends, as Android's AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK does. Players
watch `ducked`; they never talk to each other. Media keys (a keyboard's, the steering wheel's) go to the app
holding the media focus, or to the one that held it last, so "play" after a pause resumes the same music.
"""

from __future__ import annotations

import atexit
import logging
import os
import weakref
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import Property, QEvent, QLocale, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.host.errors import require_gui_thread
from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

#: The engine QtTextToSpeech speaks with: Speech Dispatcher, which drives espeak-ng on Debian and Raspberry Pi OS.
DEFAULT_ENGINE = "speechd"

#: What a media key asks of the player that receives it.
MEDIA_KEYS = ("play-pause", "play", "pause", "next", "previous", "stop")


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the audio focus")
class AudioFocus(QObject):
    """The media owner and the transient prompts that duck it."""

    create = singleton_of("audio_focus")

    changed = Signal()
    #: A media key for `owner` (the app holding, or last holding, the media focus): owner, one of MEDIA_KEYS.
    mediaKey = Signal(str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._media_owner = ""
        self._last_media_owner = ""
        self._prompts: set[str] = set()

    def request_media(self, owner: str) -> None:
        """`owner` plays music or radio from now on; the previous owner should stop."""
        if owner != self._media_owner:
            self._media_owner = self._last_media_owner = owner
            self.changed.emit()

    @Slot(str)
    def pressMediaKey(self, key: str) -> None:
        """A media key was pressed (on a keyboard, the steering wheel, the emulator's panel)."""
        if key not in MEDIA_KEYS:
            raise ValueError(f"pressMediaKey: {key!r} is not one of {', '.join(MEDIA_KEYS)}")
        owner = self._media_owner or self._last_media_owner
        if owner:
            self.mediaKey.emit(owner, key)
        else:
            log.info("media key %s: no app plays media", key)

    def abandon_media(self, owner: str) -> None:
        if owner == self._media_owner:
            self._media_owner = ""
            self.changed.emit()

    def request_prompt(self, owner: str) -> None:
        """A short prompt starts: the media owner ducks until `abandon_prompt(owner)`."""
        was = self.ducked
        self._prompts.add(owner)
        if self.ducked != was:
            self.changed.emit()

    def abandon_prompt(self, owner: str) -> None:
        was = self.ducked
        self._prompts.discard(owner)
        if self.ducked != was:
            self.changed.emit()

    @Property(str, notify=changed, final=True)
    def mediaOwner(self) -> str:
        return self._media_owner

    @Property(bool, notify=changed, final=True)
    def ducked(self) -> bool:
        """A prompt is speaking: media plays at a lower volume."""
        return bool(self._prompts)


class MediaKeys(QObject):
    """An application event filter that turns the media keys of any keyboard (steering-wheel buttons arrive
    as the same key codes through evdev) into `AudioFocus.pressMediaKey`."""

    #: Qt.Key values, written out: the first use of PySide6's `Qt` namespace builds all its enums, about
    #: 30 ms of start-up before the first frame (see headunit.shell.roles).
    KEYS = {
        0x01000086: "play-pause",  # Qt.Key.Key_MediaTogglePlayPause
        0x01000080: "play",  # Qt.Key.Key_MediaPlay
        0x01000085: "pause",  # Qt.Key.Key_MediaPause
        0x01000083: "next",  # Qt.Key.Key_MediaNext
        0x01000082: "previous",  # Qt.Key.Key_MediaPrevious
        0x01000081: "stop",  # Qt.Key.Key_MediaStop
    }

    def __init__(self, focus: AudioFocus, parent: QObject | None = None):
        super().__init__(parent)
        self._focus = focus

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and (key := self.KEYS.get(event.key())):
            if not event.isAutoRepeat():
                self._focus.pressMediaKey(key)
            return True
        return False


@dataclass(frozen=True)
class Utterance:
    """A prompt to speak, and the app that asked for it."""

    owner: str
    text: str
    language: str


def _speech_dispatcher_silent(timeout_s: float = 1.0) -> str:
    """Why a running Speech Dispatcher cannot be used, or "" when it answers (or none runs yet, and the
    engine will start one). A server whose audio output hangs stops answering new clients, and the engine
    would then block its thread, with Python's lock held, for many seconds."""
    import socket

    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address and not address.startswith("unix_socket:"):
        return ""
    runtime_dir = os.environ.get("XDG_RUNTIME_DIR")
    path = (address.removeprefix("unix_socket:") if address else
            os.path.join(runtime_dir, "speech-dispatcher", "speechd.sock") if runtime_dir else
            os.path.expanduser("~/.cache/speech-dispatcher/speechd.sock"))
    if not os.path.exists(path):
        return ""
    try:
        with socket.socket(socket.AF_UNIX) as probe:
            probe.settimeout(timeout_s)
            probe.connect(path)
            probe.sendall(b"SET SELF CLIENT_NAME headunit:shell:probe\r\nQUIT\r\n")
            if probe.recv(64)[:1] == b"2":  # SSIP: 2xx is success
                return ""
            return f"Speech Dispatcher at {path} refused the connection"
    except ConnectionRefusedError:
        return ""  # a socket left by a server that has gone: the engine starts a new one
    except OSError as exc:
        return f"Speech Dispatcher at {path} does not answer ({exc}); is its audio output (PulseAudio) running?"


class _Voice(QObject):
    """The QtTextToSpeech engine, on a thread of its own: connecting to a speech server can take seconds,
    and the GUI thread must never wait for it."""

    #: Utterance `number` ended: True when it was spoken, False when the engine failed (its reason).
    done = Signal(int, bool, str)

    def __init__(self, engine_name: str):
        super().__init__()
        self._engine_name = engine_name
        self._tts = None
        self._speaking = 0  # the number of the utterance being spoken, 0 when none

    @Slot(int, str, str)
    def speak(self, number: int, text: str, language: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts is None:
            if self._engine_name not in QTextToSpeech.availableEngines():
                found = ", ".join(QTextToSpeech.availableEngines()) or "none"
                self.done.emit(number, False, f"no {self._engine_name!r} speech engine (found: {found})")
                return
            if self._engine_name == "speechd" and (silent := _speech_dispatcher_silent()):
                self.done.emit(number, False, silent)
                return
            self._tts = QTextToSpeech(self._engine_name, self)
            self._tts.stateChanged.connect(self._on_state)
        if self._tts.state() == QTextToSpeech.State.Error:
            self.done.emit(number, False, self._tts.errorString() or "the speech engine failed to start")
            return
        self._tts.setLocale(QLocale(language))
        self._speaking = number
        self._tts.say(text)

    def _on_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._speaking and state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            number, self._speaking = self._speaking, 0
            error = state == QTextToSpeech.State.Error
            self.done.emit(number, not error, self._tts.errorString() if error else "")


#: Voices whose thread runs: stopped at exit at the latest, as Qt aborts on a running QThread's destruction.
_open_voices: "weakref.WeakSet[Speech]" = weakref.WeakSet()


@atexit.register
def _close_voices() -> None:
    for speech in list(_open_voices):
        speech.close()


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the voice")
class Speech(QObject):
    """Speaks prompts one after another through QtTextToSpeech, holding transient audio focus meanwhile.

    The engine starts, on its own thread, with the first prompt. Without a speech engine the prompts are
    dropped with one warning, and `available` says so: the screen still shows every instruction. A prompt
    the engine never reports finished is given up after a while, so the music does not stay ducked.
    """

    create = singleton_of("speech")

    #: A prompt went to the voice: owner, text.
    started = Signal(str, str)
    #: A prompt finished (or failed): owner, text.
    finished = Signal(str, str)
    changed = Signal()
    _speak = Signal(int, str, str)

    def __init__(self, focus: AudioFocus, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._focus = focus
        self._engine_name = engine or os.environ.get("HEADUNIT_TTS_ENGINE", DEFAULT_ENGINE)
        self._thread: QThread | None = None
        self._voice: _Voice | None = None
        self._available: bool | None = None
        self._queue: deque[Utterance] = deque()
        self._current: Utterance | None = None
        self._number = 0  # of the current utterance: a late answer about an older one is ignored
        self._give_up = QTimer(self, singleShot=True)
        self._give_up.timeout.connect(lambda: self._on_done(self._number, False, "the voice did not finish in time"))

    def say(self, owner: str, text: str, language: str = "en") -> None:
        """Queue `text` in `language` (en, de, zh_CN) for speaking after what is already queued. GUI thread."""
        require_gui_thread("speaking a prompt")
        if not text.strip() or self._available is False:
            return
        self._queue.append(Utterance(owner, text, language))
        if self._current is None:
            self._next()

    def cancel(self, owner: str) -> None:
        """Drop `owner`'s queued prompts (stale instructions). The one speaking ends by itself: prompts are
        short, and an engine told to stop before it starts may never report that it stopped."""
        self._queue = deque(u for u in self._queue if u.owner != owner)

    @Property(bool, notify=changed, final=True)
    def available(self) -> bool:
        """Whether prompts are heard (unknown before the first one: assumed yes)."""
        return self._available is not False

    @Property(bool, notify=changed, final=True)
    def speaking(self) -> bool:
        return self._current is not None

    def close(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            if not self._thread.wait(5000):
                # Still inside the engine's connect (see _speech_dispatcher_silent): nothing left to save.
                log.warning("speech: the voice did not stop; ending its thread")
                self._thread.terminate()
                self._thread.wait(1000)
            self._thread = self._voice = None

    def _start_voice(self) -> None:
        _open_voices.add(self)
        self._thread = QThread(self)
        self._thread.setObjectName("speech")
        self._voice = _Voice(self._engine_name)
        self._voice.moveToThread(self._thread)
        self._thread.finished.connect(self._voice.deleteLater)
        self._speak.connect(self._voice.speak)
        self._voice.done.connect(self._on_done)
        self._thread.start()

    def _next(self) -> None:
        if not self._queue:
            return
        if self._voice is None:
            self._start_voice()
        self._current = utterance = self._queue.popleft()
        self._focus.request_prompt(f"speech:{utterance.owner}")
        self.changed.emit()
        self.started.emit(utterance.owner, utterance.text)
        # Generous: the engine's start-up plus the text at a slow speaking rate.
        self._give_up.start(int((15 + len(utterance.text) / 5) * 1000))
        self._number += 1
        self._speak.emit(self._number, utterance.text, utterance.language)

    def _on_done(self, number: int, spoken: bool, reason: str) -> None:
        if number != self._number or self._current is None:
            return
        self._give_up.stop()
        if spoken:
            self._available = True
        elif self._available is None:  # the engine never spoke: there is no voice
            log.warning("speech: prompts are shown but not spoken: %s", reason)
            self._available = False
            self._queue.clear()
        else:
            log.warning("speech: a prompt failed: %s", reason)
        done, self._current = self._current, None
        if done is not None:
            self._focus.abandon_prompt(f"speech:{done.owner}")
            self.changed.emit()
            self.finished.emit(done.owner, done.text)
        self._next()
