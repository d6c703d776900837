"""Entry: one thing the player can play — a file, an internet station or an FM frequency.

An entry carries everything the screen and the player need (path, names, cover), so a queue saved at
switch-off plays again at the next start before the library has been scanned.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

TRACK, STATION, FM = "track", "station", "fm"


@dataclass(frozen=True)
class Entry:
    kind: str                # TRACK, STATION or FM
    uri: str                 # a file's absolute path, a stream's URL, or an FM frequency in MHz ("98.5")
    title: str
    artist: str = ""
    album: str = ""
    duration: float = 0.0    # seconds; 0 when unknown or live
    cover: str = ""          # absolute path of the cover image, or ""
    track_id: int = 0        # the library's id when known
    station_id: str = ""

    @property
    def live(self) -> bool:
        """A stream or a broadcast: no duration, no seeking."""
        return self.kind != TRACK

    @property
    def favourite_key(self) -> str:
        """Its key in the synced "favourites" collection: the same song on every car of the account."""
        if self.kind == STATION:
            return f"music:station:{self.station_id or self.uri}"
        if self.kind == FM:
            return f"music:fm:{self.uri}"
        return track_key(self.artist, self.album, self.title)

    def as_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in ("", 0, 0.0) or k in ("kind", "uri", "title")}

    @classmethod
    def from_json(cls, data: dict) -> "Entry":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def synced(self) -> dict:
        """What a playlist or favourite keeps: enough to find the song again on another car."""
        if self.kind == TRACK:
            return {"kind": TRACK, "title": self.title, "artist": self.artist, "album": self.album,
                    "duration": self.duration, "path": self.uri}
        return {"kind": self.kind, "name": self.title, "url": self.uri, "id": self.station_id,
                "genre": self.artist}


def track_key(artist: str, album: str, title: str) -> str:
    import hashlib  # here, not at the top: it loads OpenSSL (4 MB), which a start with nothing playing never needs

    digest = hashlib.sha1(f"{artist}|{album}|{title}".lower().encode("utf-8")).hexdigest()
    return f"music:track:{digest}"


def from_track(track) -> Entry:
    """An entry for a library Track."""
    return Entry(TRACK, track.path, track.title, track.artist, track.album, float(track.duration or 0.0),
                 track.cover, int(track.id))


def from_station(station: dict) -> Entry:
    """An entry for a station of /v1/radio/stations (or one kept among the favourites)."""
    return Entry(STATION, station["url"], station.get("name") or station["url"], station.get("genre", ""),
                 station_id=str(station.get("id", "")))


def from_synced(value: dict) -> Entry:
    """An entry from a playlist or favourite as the account keeps it (not yet found on this car)."""
    if value.get("kind", TRACK) == TRACK:
        return Entry(TRACK, value.get("path", ""), value.get("title", ""), value.get("artist", ""),
                     value.get("album", ""), float(value.get("duration") or 0.0))
    if value.get("kind") == FM:
        return fm(float(value.get("url") or 0))
    return from_station(value)


#: The FM band a frequency must lie in (MHz).
FM_BAND = (87.5, 108.0)


def fm(mhz: float) -> Entry:
    """An FM station; ValueError for a frequency outside the band (another app's or a synced car's mistake)."""
    mhz = float(mhz)
    if not (math.isfinite(mhz) and FM_BAND[0] <= mhz <= FM_BAND[1]):
        raise ValueError(f"FM {mhz} MHz is outside the band ({FM_BAND[0]}–{FM_BAND[1]} MHz)")
    return Entry(FM, f"{mhz:.1f}", f"FM {mhz:.1f}")
