"""A plugin's view of the sound system (capability: audio): spoken prompts that duck the music, and the
media focus a player takes and watches."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headunit.shell.audio import AudioFocus, Speech


class PluginAudio:
    """`ctx.audio`."""

    def __init__(self, focus: "AudioFocus", speech: "Speech", plugin_id: str, language: "callable"):
        self._focus, self._speech, self._plugin, self._language = focus, speech, plugin_id, language

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
        self._focus.abandon_media(self._plugin)
