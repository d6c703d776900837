"""Radio: internet stations from the backend's directory and FM from the car's tuner, when it has one.

The station list is read through the cache on the worker, so an offline car shows the last list with its age;
streams play live (no seeking, no duration). Stations the directory describes wrongly (no name, a URL that is
not http or https, fields of the wrong type) are left out, and the log says why. FM needs a tuner; without one
the page says so, and why.
"""

from __future__ import annotations

import logging
import math
from urllib.parse import urlsplit

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.sdk import HeadUnitError

from .entries import FM, STATION, fm, from_station
from .jobs import Jobs
from .player import Player
from .rows import Row, RowList
from .texts import Texts

QML_IMPORT_NAME = "HeadUnit.Plugins.Music"
QML_IMPORT_MAJOR_VERSION = 1

FM_LOW, FM_HIGH, FM_STEP = 87.5, 108.0, 0.1
#: Asking the directory again after it could not be reached (the backend link comes up after the first frame).
RETRIES_MS = (5_000, 30_000, 120_000)
#: Optional station fields and the types they must have when present (None counts as absent).
OPTIONAL_FIELDS = {"genre": str, "country": str, "bitrate": (int, float), "id": (str, int), "demo": bool}
#: How many dropped stations the log line names (the count says how many there were).
LOGGED_PROBLEMS = 5


def valid_stations(stations: list, log: logging.Logger) -> list[dict]:
    """The stations that can be shown and played; the others are dropped with one log line saying why."""
    valid, problems = [], []
    for number, station in enumerate(stations, 1):
        problem = station_problem(station)
        if problem is None:
            valid.append(station)
        else:
            name = station.get("name") if isinstance(station, dict) else None
            problems.append(f"{name!r}: {problem}" if isinstance(name, str) and name.strip()
                            else f"station {number}: {problem}")
    if problems:
        log.warning("stations: %d of %d left out: %s%s", len(problems), len(stations),
                    "; ".join(problems[:LOGGED_PROBLEMS]), "; …" if len(problems) > LOGGED_PROBLEMS else "")
    return valid


def station_problem(station) -> str | None:
    """What is wrong with one station of the directory, or None."""
    if not isinstance(station, dict):
        return f"a {type(station).__name__}, not an object"
    name, url = station.get("name"), station.get("url")
    if not isinstance(name, str) or not name.strip():
        return "no name"
    if not isinstance(url, str) or not url.strip():
        return "no url"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return f"its url is not an http or https address ({url[:80]!r})"
    for field, kinds in OPTIONAL_FIELDS.items():
        value = station.get(field)
        if value is not None and (not isinstance(value, kinds) or (field != "demo" and isinstance(value, bool))):
            return f"its {field} is a {type(value).__name__} ({str(value)[:40]!r})"
    if isinstance(station.get("bitrate"), (int, float)) and not 0 <= station["bitrate"] < 100_000:
        return f"its bitrate is out of range ({station['bitrate']})"
    return None


@QmlElement
@QmlUncreatable("the music store owns it")
class Radio(QObject):
    changed = Signal()
    fmChanged = Signal()
    #: A station or frequency was chosen: the page shows what plays.
    playStarted = Signal()

    def __init__(self, ctx, jobs: Jobs, player: Player, texts: Texts, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx, self._jobs, self._player, self._texts = ctx, jobs, player, texts
        self._stations: list[dict] = []
        self._age_s = math.nan
        self._stale = False
        self._error = ""
        self._busy = False
        self._request = 0
        self._failures = 0
        self._wanted = ""  # a station another app asked for before the list was read
        self._rows = RowList(self)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self.refresh)
        jobs.stationsLoaded.connect(self._stations_loaded)
        player.changed.connect(self._render)
        player.changed.connect(self.fmChanged)
        player.playingChanged.connect(self.fmChanged)

        self._tuner = None
        self._tuner_error = ""
        self.lookForTuner()
        self._frequency = self._tuner_frequency()

    def stop(self) -> None:
        self._retry.stop()

    # Internet radio

    @Property(RowList, constant=True, final=True)
    def stations(self) -> RowList:
        return self._rows

    @Property(bool, notify=changed, final=True)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=changed, final=True)
    def message(self) -> str:
        return self._texts.problem(self._error) if self._error and not self._busy else ""

    @Property(str, notify=changed, final=True)
    def ageText(self) -> str:
        """How old the list is, for a list read from a cache: the page says it when the car is offline."""
        return "" if math.isnan(self._age_s) else self._texts.stations_age(self._age_s)

    @Property(bool, notify=changed, final=True)
    def stale(self) -> bool:
        """The backend could not be reached for the list: it is the last one this car saw."""
        return self._stale

    @Slot()
    def ensureLoaded(self) -> None:
        """The page appeared: read the list again (from the cache while it is fresh, so it costs nothing; offline,
        the last list with its age)."""
        if not self._busy:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        self._retry.stop()
        self._busy = True
        self._request = self._jobs.stations()
        self.changed.emit()

    @Slot(int, list, float, bool, str)
    def _stations_loaded(self, request: int, stations: list, age_s: float, stale: bool, error: str) -> None:
        if request != self._request:
            return
        self._busy = False
        stations = valid_stations(stations, self._ctx.log)
        if stations or not self._stations:
            self._stations, self._age_s, self._stale = stations, age_s, stale
        self._error = (error or "no_stations") if not self._stations else ""
        if stale:
            if self._failures < len(RETRIES_MS):
                self._retry.start(RETRIES_MS[self._failures])
            self._failures += 1
        else:
            self._failures = 0
        self._render()
        self.changed.emit()
        if self._wanted:
            wanted, self._wanted = self._wanted, ""
            if not self.play_station_id(wanted):
                self._ctx.toast(self._texts.not_found(""), "error")

    def _render(self) -> None:
        current = self._player.current
        rows = []
        for station in self._stations:
            entry = from_station(station)
            playing = current is not None and current.kind == STATION and current.uri == entry.uri
            bitrate = self._texts.kbps(station["bitrate"]) if station.get("bitrate") else ""
            rows.append(Row(entry.title, " · ".join(filter(None, (station.get("genre"), station.get("country"),
                                                                  bitrate))),
                            "mdi6.volume-high" if playing else "mdi6.radio",
                            self._texts.demo() if station.get("demo") else "", current=playing))
        self._rows.set_rows(rows)

    @Slot(int)
    def playStation(self, index: int) -> None:
        """Play row `index` of the list; while moving, only a row the list shows."""
        limit = self._ctx.restrictions.maxItemsPerScreen
        if 0 <= index < len(self._stations) and (limit <= 0 or index < limit):
            self._player.play_entries([from_station(s) for s in self._stations], index, shuffle=False)
            self.playStarted.emit()

    def play_station_id(self, station_id: str) -> bool:
        """Play the directory's station `station_id` (play-media from another app). Before the list is read,
        read it and play the station then. False when the list is there and has no such station."""
        entries = self.station_entries()
        if not entries:
            self._wanted = station_id
            if not self._busy:
                self.refresh()
            return True
        index = next((i for i, e in enumerate(entries) if e.station_id == station_id), -1)
        if index < 0:
            return False
        self._player.play_entries(entries, index, shuffle=False)
        return True

    def station_entries(self) -> list:
        return [from_station(s) for s in self._stations]

    # FM

    def _tuner_frequency(self) -> float:
        current = self._player.current
        if current is not None and current.kind == FM:
            return float(current.uri)
        value = getattr(self._tuner, "frequency", 0.0) if self._tuner is not None else 0.0
        return float(value) if value and FM_LOW <= float(value) <= FM_HIGH else FM_LOW

    @Slot()
    def lookForTuner(self) -> None:
        """Take the shell's FM tuner (the FM page appeared): while there is none, the shell looks again, so a
        stick plugged in since is found."""
        try:
            tuner = self._ctx.media.tuner
        except Exception as exc:  # noqa: BLE001 - a tuner that fails to come up must not take the music with it
            self._ctx.log.warning("no FM: %s", exc)
            self._tuner_error = str(exc) if isinstance(exc, HeadUnitError) else ""
            return
        if tuner is self._tuner:
            return
        for signal in ("frequencyChanged", "playingChanged", "reasonChanged"):
            if self._tuner is not None:
                getattr(self._tuner, signal).disconnect(self.fmChanged)
            getattr(tuner, signal).connect(self.fmChanged)
        self._tuner, self._tuner_error = tuner, ""
        self._player.set_tuner(tuner)
        self.fmChanged.emit()

    @Property(bool, notify=fmChanged, final=True)
    def fmAvailable(self) -> bool:
        return bool(self._tuner is not None and self._tuner.available)

    @Property(str, notify=fmChanged, final=True)
    def fmReason(self) -> str:
        """Why there is no FM, in a sentence the driver reads."""
        if self.fmAvailable:
            return ""
        if self._tuner is None:
            return self._texts.tuner_reason("", self._tuner_error)
        return self._texts.tuner_reason(self._tuner.reasonCode, self._tuner.reason)

    @Property(float, notify=fmChanged, final=True)
    def frequency(self) -> float:
        return self._frequency

    @Property(str, notify=fmChanged, final=True)
    def frequencyText(self) -> str:
        """98.5 in the driver's number format."""
        return self._texts.number(self._frequency, 1)

    @Property(bool, notify=fmChanged, final=True)
    def fmPlaying(self) -> bool:
        return self._player.kind == FM and self._player.playing

    @Slot()
    def tuneUp(self) -> None:
        self._tune(self._frequency + FM_STEP)

    @Slot()
    def tuneDown(self) -> None:
        self._tune(self._frequency - FM_STEP)

    def _tune(self, mhz: float) -> None:
        if mhz > FM_HIGH + 1e-6:
            mhz = FM_LOW
        elif mhz < FM_LOW - 1e-6:
            mhz = FM_HIGH
        self._frequency = round(mhz, 1)
        self.fmChanged.emit()
        if self._player.kind == FM:
            self._player.play_entries([fm(self._frequency)], 0, shuffle=False)

    @Slot()
    def playFm(self) -> None:
        if not self.fmAvailable:
            return
        if self.fmPlaying:
            self._player.pause()
        else:
            self._player.play_entries([fm(self._frequency)], 0, shuffle=False)
            self.playStarted.emit()

    def retranslate(self) -> None:
        self._render()
        self.changed.emit()
        self.fmChanged.emit()
