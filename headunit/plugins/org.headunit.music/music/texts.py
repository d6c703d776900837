"""What the music app says, in the driver's language: names for what has none, counts, times, and why
something cannot play.

Phrases are looked up when shown (`ctx.tr`), so a language switch reaches them at the next refresh. Counts pick
"1 track" or "%1 tracks" here: English has no catalogue, so Qt's plural forms would read "1 tracks".
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

from headunit.sdk import formats

from .entries import FM, Entry


class Texts:
    def __init__(self, ctx) -> None:
        self._ctx = ctx

    def number(self, value: float, decimals: int = 0) -> str:
        return QLocale().toString(float(value), "f", decimals) if decimals else QLocale().toString(int(value))

    # Names

    def artist(self, name: str) -> str:
        return name or self._ctx.tr("Unknown artist")

    def album(self, name: str) -> str:
        return name or self._ctx.tr("Unknown album")

    def genre(self, name: str) -> str:
        return name or self._ctx.tr("Unknown genre")

    def title(self, entry: Entry | None) -> str:
        if entry is None:
            return ""
        if entry.kind == FM:
            return self.frequency(float(entry.uri))
        return entry.title

    def frequency(self, mhz: float) -> str:
        return self._ctx.tr("FM %1 MHz").replace("%1", self.number(mhz, 1))

    # Counts

    def tracks(self, n: int) -> str:
        return self._ctx.tr("1 track") if n == 1 else self._ctx.tr("%1 tracks").replace("%1", self.number(n))

    def albums(self, n: int) -> str:
        return self._ctx.tr("1 album") if n == 1 else self._ctx.tr("%1 albums").replace("%1", self.number(n))

    def artists(self, n: int) -> str:
        return self._ctx.tr("1 artist") if n == 1 else self._ctx.tr("%1 artists").replace("%1", self.number(n))

    def files(self, n: int) -> str:
        return self._ctx.tr("1 file") if n == 1 else self._ctx.tr("%1 files").replace("%1", self.number(n))

    def kbps(self, n: int) -> str:
        """A stream's bit rate."""
        return self._ctx.tr("%1 kbit/s").replace("%1", self.number(n))

    # Times

    def duration(self, seconds: float) -> str:
        """3:05, or 1:02:03 for an hour or more; "" when unknown."""
        if not seconds or math.isnan(seconds) or seconds < 0:
            return ""
        total = int(round(seconds))
        hours, rest = divmod(total, 3600)
        minutes, secs = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

    def age(self, seconds: float) -> str:
        """How old a saved list is, as every screen says it: "just now", "5 min ago"."""
        return formats.age(seconds)

    def stations_age(self, seconds: float) -> str:
        """Over a station list read from the cache because the backend could not be reached."""
        return self._ctx.tr("Offline · list updated %1").replace("%1", self.age(seconds))

    # Playing

    def skipped(self, entry: Entry) -> str:
        return self._ctx.tr("Cannot play “%1”, skipped").replace("%1", self.title(entry))

    def nothing_playable(self) -> str:
        return self._ctx.tr("Nothing in the queue can be played")

    def station_unreachable(self, entry: Entry) -> str:
        return self._ctx.tr("“%1” cannot be reached: trying again").replace("%1", self.title(entry))

    def not_found(self, uri: str) -> str:
        return self._ctx.tr("Nothing to play at %1").replace("%1", uri)

    # Lists

    def problem(self, reason: str) -> str:
        """Why a list is empty, from a reason code (Jobs)."""
        match reason:
            case "no_library": return self._ctx.tr("This head unit has no music library")
            case "offline": return self._ctx.tr("Internet radio needs a connection; no station list is saved yet")
            case "empty":
                return self._ctx.tr("No music found yet: copy some into the Music folder or plug in a USB stick")
            case "nothing_found": return self._ctx.tr("Nothing found")
            case "no_playlists": return self._ctx.tr("No playlists yet: add a song from the now playing page")
            case "no_favourites": return self._ctx.tr("No favourites yet: tap the star while a song or station plays")
            case "no_recent": return self._ctx.tr("Songs you play will show here")
            case "empty_playlist": return self._ctx.tr("This playlist is empty")
            case "no_stations": return self._ctx.tr("No stations")
        return self._ctx.tr("The music library cannot answer this")

    def not_on_this_car(self) -> str:
        """Under a playlist's song that no file on this car matches."""
        return self._ctx.tr("Not on this car")

    def new_playlist(self) -> str:
        return self._ctx.tr("New playlist")

    def demo(self) -> str:
        """Beside a station the backend makes up itself, for trying the app out."""
        return self._ctx.tr("Demo")

    def skip_kind(self, reason: str) -> str:
        """Why the scanner could not read a file, in a few words, from its English reason (whose details, such
        as byte counts, are for the log)."""
        kinds = (
            ("not an audio file", lambda: self._ctx.tr("not an audio file")),
            ("damaged tags", lambda: self._ctx.tr("damaged tags")),
            ("damaged", lambda: self._ctx.tr("damaged or cut short")),
            ("empty file", lambda: self._ctx.tr("empty file")),
            ("not a regular file", lambda: self._ctx.tr("not a music file")),
            ("no permission", lambda: self._ctx.tr("no permission to read it")),
            ("it went away", lambda: self._ctx.tr("it went away while it was being read")),
            ("cannot be read", lambda: self._ctx.tr("cannot be read")),
            ("its name is not valid text", lambda: self._ctx.tr("its name is not valid text: rename it to play it")),
            ("a link to a file that is not there", lambda: self._ctx.tr("a link to a file that is not there")),
        )
        for start, translated in kinds:
            if reason.startswith(start):
                return translated()
        return reason

    def tuner_reason(self, code: str, reason: str = "") -> str:
        """Why FM cannot play, from the tuner's reason code (its English `reason` for codes this app does not
        know)."""
        match code:
            case "no-stick": return self._ctx.tr("No FM radio: plug in the radio's USB stick")
            case "no-rtl-fm": return self._ctx.tr("FM radio is not available on this head unit")
            case "stick-busy": return self._ctx.tr("The FM tuner is in use by another program")
            case "failed": return self._ctx.tr("The FM tuner stopped working")
        return reason or self._ctx.tr("No FM tuner")
