"""A plugin's view of the sound system (capability: audio): spoken prompts that duck the music, the
media focus a player takes and watches, and the media keys that reach the player holding it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headunit.shell.audio import AudioFocus, Speech


class PluginAudio:
    """`ctx.audio`."""

    def __init__(self, focus: "AudioFocus", speech: "Speech", plugin_id: str, language: Callable[[], str]):
        self._focus, self._speech, self._plugin, self._language = focus, speech, plugin_id, language
        self._key_handlers: list = []

    def speak(self, text: str, language: str | None = None) -> None:
        """Say `text` after the prompts already queued; music ducks while it speaks. GUI thread."""
        self._speech.say(self._plugin, text, language or self._language())

    def cancel_speech(self) -> None:
        """Drop this app's queued prompts (ones that no longer apply); the one speaking finishes."""
        self._speech.cancel(self._plugin)

    @property
    def speech(self) -> "Speech":
        """The shell's voice: `started` and `finished` signals carry (app id, text)."""
        return self._speech

    @property
    def focus(self) -> "AudioFocus":
        """Who holds the media focus, and `ducked` while a prompt speaks: a player lowers its volume then."""
        return self._focus

    def request_media(self) -> None:
        """This app plays music or radio from now on; the app that played before stops."""
        self._focus.request_media(self._plugin)

    def abandon_media(self) -> None:
        """This app no longer plays music or radio; nothing changes if another app holds the media focus."""
        self._focus.abandon_media(self._plugin)

    def on_media_key(self, callback: Callable[[str], None]) -> None:
        """Call `callback(key)` on the GUI thread for each media key pressed while this app holds the media
        focus, or held it last: "play-pause", "play", "pause", "next", "previous" or "stop"."""
        plugin = self._plugin

        def deliver(owner: str, key: str) -> None:
            if owner == plugin:
                callback(key)

        self._focus.mediaKey.connect(deliver)
        self._key_handlers.append(deliver)

    def close(self) -> None:
        """The app stopped: no more keys for it, and the focus goes back (the host's)."""
        for handler in self._key_handlers:
            self._focus.mediaKey.disconnect(handler)
        self._key_handlers.clear()
        self.abandon_media()
