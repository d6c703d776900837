"""Audio focus and spoken prompts: who may make sound, and the voice that speaks for navigation.

One owner holds the media focus (music, radio); a prompt takes transient focus and the media owner ducks
(lowers its volume) until the prompt ends, as Android's AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK does. Players
watch `ducked`; they never talk to each other.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import Property, QLocale, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable

from headunit.shell.qml_services import singleton_of

QML_IMPORT_NAME = "HeadUnit"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

#: The engine QtTextToSpeech speaks with: Speech Dispatcher, which drives espeak-ng on Debian and Raspberry Pi OS.
DEFAULT_ENGINE = "speechd"


@QmlElement
@QmlSingleton
@QmlUncreatable("the shell owns the audio focus")
class AudioFocus(QObject):
    """The media owner and the transient prompts that duck it."""

    create = singleton_of("audio_focus")

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._media_owner = ""
        self._prompts: set[str] = set()

    def request_media(self, owner: str) -> None:
        """`owner` plays music or radio from now on; the previous owner should stop."""
        if owner != self._media_owner:
            self._media_owner = owner
            self.changed.emit()

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


@dataclass(frozen=True)
class Utterance:
    owner: str
    text: str
    language: str


class _Voice(QObject):
    """The QtTextToSpeech engine, on a thread of its own: connecting to a speech server can take seconds,
    and the GUI thread must never wait for it."""

    #: The utterance ended: True when it was spoken, False when the engine failed (its reason).
    done = Signal(bool, str)

    def __init__(self, engine_name: str):
        super().__init__()
        self._engine_name = engine_name
        self._tts = None
        self._speaking = False

    @Slot(str, str)
    def speak(self, text: str, language: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts is None:
            if self._engine_name not in QTextToSpeech.availableEngines():
                found = ", ".join(QTextToSpeech.availableEngines()) or "none"
                self.done.emit(False, f"no {self._engine_name!r} speech engine (found: {found})")
                return
            self._tts = QTextToSpeech(self._engine_name, self)
            self._tts.stateChanged.connect(self._on_state)
        if self._tts.state() == QTextToSpeech.State.Error:
            self.done.emit(False, self._tts.errorString() or "the speech engine failed to start")
            return
        self._tts.setLocale(QLocale(language))
        self._speaking = True
        self._tts.say(text)

    def _on_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._speaking and state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._speaking = False
            error = state == QTextToSpeech.State.Error
            self.done.emit(not error, self._tts.errorString() if error else "")


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
    _speak = Signal(str, str)

    def __init__(self, focus: AudioFocus, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._focus = focus
        self._engine_name = engine or os.environ.get("HEADUNIT_TTS_ENGINE", DEFAULT_ENGINE)
        self._thread: QThread | None = None
        self._voice: _Voice | None = None
        self._available: bool | None = None
        self._queue: deque[Utterance] = deque()
        self._current: Utterance | None = None
        self._give_up = QTimer(self, singleShot=True)
        self._give_up.timeout.connect(lambda: self._on_done(True, ""))

    def say(self, owner: str, text: str, language: str = "en") -> None:
        """Queue `text` in `language` (en, de, zh_CN) for speaking after what is already queued."""
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
            self._thread.wait(2000)
            self._thread = self._voice = None

    def _start_voice(self) -> None:
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
        self._speak.emit(utterance.text, utterance.language)

    def _on_done(self, spoken: bool, reason: str) -> None:
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
