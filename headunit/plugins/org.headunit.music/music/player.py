"""Player: plays the queue through QtMultimedia (files and internet streams) or the FM tuner.

It behaves as a car's audio system should: it holds the media focus while it plays and pauses when another
app takes it; it ducks (or pauses, per the app's setting) while a spoken prompt runs and comes back after; media
keys reach it; a file that will not play is skipped with a toast, never a crash; and what plays, where, is saved
every few seconds and at every change, so the next start goes on from the same place. When that place is on a
USB stick that is not mounted yet, it waits for the stick instead of skipping the song.

QtMultimedia (engine.MediaEngine) is loaded when something first plays, not at start.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.sdk import HeadUnitError

from .entries import FM, Entry
from .queue import REPEAT_MODES, PlayQueue
from .rows import Row, RowList, image_url
from .texts import Texts

QML_IMPORT_NAME = "HeadUnit.Plugins.Music"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

#: Volume while a prompt speaks, as a share of the driver's.
DUCK_FACTOR = 0.2
#: Saving the place while playing.
SAVE_EVERY_MS = 5000
#: A burst of changes (a volume drag) is saved once.
SAVE_SOON_MS = 400
#: "Previous" this far into a song starts it again instead.
RESTART_AFTER_S = 3.0
#: A song counts as played after half of it, or this long (whichever comes first).
PLAYED_AFTER_S = 30.0
DEFAULT_VOLUME = 0.7
#: A station that drops or cannot be reached (a tunnel, the link not up yet) is tried again after 1, 2, 4 … s,
#: at most this long apart, while the driver still wants it.
RECONNECT_MAX_S = 30


@QmlElement
@QmlUncreatable("the music store owns it")
class Player(QObject):
    changed = Signal()          # what plays: title, artist, album, cover, live, duration
    playingChanged = Signal()
    positionChanged = Signal()
    modesChanged = Signal()     # shuffle, repeat
    volumeChanged = Signal()    # volume, outputVolume, ducked
    queueChanged = Signal()
    #: An entry played long enough to count (the store records it in the library).
    played = Signal(object)
    #: The state to save: {"position", "playing", "volume"}, and "queue" when it changed since the last one
    #: (a long queue is not written again every few seconds while a song plays).
    snapshot = Signal(dict)

    def __init__(self, ctx, texts: Texts, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx, self._texts = ctx, texts
        self._queue = PlayQueue()
        self._queue_rows = RowList(self)
        self._want_playing = False        # the driver's wish; a prompt in "pause" mode holds it back
        self._held_for_prompt = False
        self._ducked = False
        self._volume = DEFAULT_VOLUME
        self._pending_seek_ms: int | None = None
        self._position_s = 0.0
        self._duration_s = 0.0
        self._failures = 0
        self._counted = False
        self._touched = False             # the driver chose something before the saved state came back
        self._fm_on = False
        self._reconnect_s = 0             # the wait before the next try of a station; 0 when it plays
        self._restored = False            # what plays is what the last drive left: its file may not be there yet
        self._waiting = False             # the restored song's drive is missing: try again when the library changes
        self._resume_playing = False      # …and play it then, if it was playing at switch-off
        self._stopped = False
        self._queue_unsaved = True

        self._reconnect = QTimer(self, singleShot=True)
        self._reconnect.timeout.connect(self._reconnect_station)
        self._engine = None  # MediaEngine, made by _player() when something first plays
        self._loaded: Entry | None = None  # the entry whose source the player holds

        self._save_timer = QTimer(self, interval=SAVE_EVERY_MS)
        self._save_timer.timeout.connect(self._save)
        self._save_soon = QTimer(self, singleShot=True, interval=SAVE_SOON_MS)
        self._save_soon.timeout.connect(self._save)

        try:
            self._audio = ctx.audio
        except HeadUnitError as exc:
            log.warning("music plays without the shell's audio focus: %s", exc)
            self._audio = None
        if self._audio is not None:
            self._audio.focus.changed.connect(self._focus_changed)
            self._audio.on_media_key(self._media_key)
            self._ducked = self._audio.focus.ducked
        self._tuner = None
        self._apply_volume()

    # What plays

    @property
    def current(self) -> Entry | None:
        return self._queue.current

    @Property(bool, notify=changed, final=True)
    def hasMedia(self) -> bool:
        return self._queue.current is not None

    @Property(str, notify=changed, final=True)
    def title(self) -> str:
        return self._texts.title(self._queue.current)

    @Property(str, notify=changed, final=True)
    def artist(self) -> str:
        entry = self._queue.current
        if entry is None:
            return ""
        return entry.artist if entry.live else self._texts.artist(entry.artist)

    @Property(str, notify=changed, final=True)
    def album(self) -> str:
        entry = self._queue.current
        return "" if entry is None or entry.live else self._texts.album(entry.album)

    @Property(str, notify=changed, final=True)
    def cover(self) -> str:
        entry = self._queue.current
        return image_url(entry.cover) if entry else ""

    @Property(str, notify=changed, final=True)
    def kind(self) -> str:
        """track, station or fm ("" when nothing is queued)."""
        entry = self._queue.current
        return entry.kind if entry else ""

    @Property(bool, notify=changed, final=True)
    def live(self) -> bool:
        """A stream or broadcast: no duration, no seeking."""
        entry = self._queue.current
        return bool(entry and entry.live)

    @Property(bool, notify=playingChanged, final=True)
    def playing(self) -> bool:
        return self._want_playing

    @Property(float, notify=positionChanged, final=True)
    def position(self) -> float:
        """Seconds into the song."""
        return self._position_s

    @Property(float, notify=changed, final=True)
    def duration(self) -> float:
        """Seconds; 0 when unknown or live."""
        entry = self._queue.current
        if entry is None or entry.live:
            return 0.0
        return self._duration_s or entry.duration

    # Modes and volume

    @Property(bool, notify=modesChanged, final=True)
    def shuffle(self) -> bool:
        return self._queue.shuffle

    @Property(str, notify=modesChanged, final=True)
    def repeat(self) -> str:
        """off, all or one."""
        return self._queue.repeat

    @Property(float, notify=volumeChanged, final=True)
    def volume(self) -> float:
        """The driver's volume, 0 to 1, as loudness is heard (the slider's scale)."""
        return self._volume

    @Property(float, notify=volumeChanged, final=True)
    def outputVolume(self) -> float:
        """What the audio output is set to now, linear: lower while a prompt speaks."""
        return self._engine.volume if self._engine is not None else self._linear_volume()

    @Property(bool, notify=playingChanged, final=True)
    def waiting(self) -> bool:
        """The song the car left off with is on a drive that is not there (yet): it plays when it comes."""
        return self._waiting

    @Property(bool, notify=volumeChanged, final=True)
    def ducked(self) -> bool:
        return self._ducked

    @Property(QObject, constant=True, final=True)
    def queue(self) -> RowList:
        """The queue in playing order, from the song playing now."""
        return self._queue_rows

    @Property(int, notify=queueChanged, final=True)
    def queueLength(self) -> int:
        return len(self._queue)

    # Choosing what plays (Python)

    def play_entries(self, entries: list[Entry], start: int = 0, shuffle: bool | None = None) -> None:
        """Replace the queue with `entries` and play from `start`."""
        self._chosen()
        self._queue.set(entries, start, shuffle)
        self._failures = 0
        self.modesChanged.emit()
        self._queue_changed()
        self._load(play=True)

    def restore(self, state: dict) -> None:
        """The state saved at switch-off: the same queue, the same song from the same place, playing again if
        it was. Ignored when the driver already chose something."""
        if self._touched or not state:
            return
        try:
            self._volume = min(1.0, max(0.0, float(state.get("volume", DEFAULT_VOLUME))))
        except (TypeError, ValueError):
            pass
        self._apply_volume()
        self._queue.restore(state.get("queue") or {})
        self.modesChanged.emit()
        self._queue_changed()
        if self._queue.current is not None:
            try:
                position_ms = max(0, int(float(state.get("position", 0)) * 1000))
            except (TypeError, ValueError):
                position_ms = 0
            self._restored = True
            self._load(play=bool(state.get("playing")), position_ms=position_ms)
            if self._audio is not None:
                # Paused or not, this is the music the car had on: "play" on the steering wheel brings it back.
                self._audio.request_media()

    # Driver's controls (QML, media keys, the tile)

    def library_changed(self) -> None:
        """A drive came or went: the restored song may be there now."""
        if self._waiting:
            self._load(play=self._resume_playing, position_ms=int(self._position_s * 1000))

    @Slot()
    def play(self) -> None:
        if self._queue.current is None:
            return
        entry = self._queue.current
        self._chosen()  # a song waiting for its drive is tried once more, and skipped if still missing
        if not self._fm_on and (self._loaded is not entry or entry.live):
            # Not loaded yet (a paused restore, a song waiting for its drive) or a stream, which goes on live,
            # not from where it was paused.
            self._load(play=True, position_ms=0 if entry.live else int(self._position_s * 1000))
        else:
            self._start()

    @Slot()
    def pause(self) -> None:
        self._chosen()
        self._held_for_prompt = False
        self._halt()
        self._set_playing(False)
        self._save()

    @Slot()
    def playPause(self) -> None:
        if self._want_playing:
            self.pause()
        else:
            self.play()

    @Slot()
    def next(self) -> None:
        self._chosen()
        if self._queue.advance(finished=False):
            self._load(play=self._want_playing)
        elif self.live:
            pass  # the only station queued (FM, a station from another app): it plays on
        else:  # the last song: stop at its start, as a CD player does
            self._halt()
            self._set_playing(False)
            self.seek(0)

    @Slot()
    def previous(self) -> None:
        self._chosen()
        if (self._position_s > RESTART_AFTER_S and not self.live) or not self._queue.back():
            self.seek(0)
        else:
            self._load(play=self._want_playing)

    @Slot(float)
    def seek(self, seconds: float) -> None:
        if self.live or self._queue.current is None:
            return
        ms = max(0, int(seconds * 1000))
        if self._duration_s:
            ms = min(ms, int(self._duration_s * 1000) - 1)
        if self._loaded is not self._queue.current or self._engine.loading:
            self._pending_seek_ms = ms
        else:
            self._engine.seek(ms)
        self._position_s = ms / 1000
        self.positionChanged.emit()
        self._save_later()

    @Slot(int)
    def playQueueIndex(self, row: int) -> None:
        """Play row `row` of the queue as `queue` lists it (from the song playing now); while moving, only a row
        the list shows."""
        upcoming = self._queue.upcoming()
        limit = self._ctx.restrictions.maxItemsPerScreen
        if 0 <= row < len(upcoming) and (limit <= 0 or row < limit) and self._queue.jump(upcoming[row]):
            self._chosen()
            self._failures = 0
            self._load(play=True)

    @Slot(bool)
    def setShuffle(self, on: bool) -> None:
        self._queue.set_shuffle(on)
        self.modesChanged.emit()
        self._queue_changed()
        self._save_later()

    @Slot()
    def toggleShuffle(self) -> None:
        self.setShuffle(not self._queue.shuffle)

    @Slot()
    def cycleRepeat(self) -> None:
        """off -> all -> one -> off."""
        self.setRepeat(REPEAT_MODES[(REPEAT_MODES.index(self._queue.repeat) + 1) % len(REPEAT_MODES)])

    @Slot(str)
    def setRepeat(self, mode: str) -> None:
        self._queue.set_repeat(mode)
        self._queue_unsaved = True
        self.modesChanged.emit()
        self._save_later()

    @Slot(float)
    def setVolume(self, volume: float) -> None:
        volume = min(1.0, max(0.0, float(volume)))
        if abs(volume - self._volume) > 1e-4:
            self._volume = volume
            self._apply_volume()
            self._save_later()

    def stop(self) -> None:
        """The app stops (switch-off): save where it is, then go quiet for good."""
        self._save_timer.stop()
        self._save_soon.stop()
        self._reconnect.stop()
        self._save()
        self._stopped = True
        if self._engine is not None:
            self._engine.unload()  # FFmpeg's threads end now, not while the shell deletes the player
        if self._fm_on and self._tuner is not None:
            self._tuner.stop()

    def set_tuner(self, tuner) -> None:
        """The FM tuner (ctx.media.tuner): FM entries play through it."""
        if self._tuner is not None:
            self._tuner.errorOccurred.disconnect(self._tuner_failed)
        self._tuner = tuner
        tuner.errorOccurred.connect(self._tuner_failed)

    def _tuner_reason(self) -> tuple[str, str]:
        return (self._tuner.reasonCode, self._tuner.reason) if self._tuner is not None else ("", "")

    def _tuner_failed(self, reason: str) -> None:
        """FM stopped on its own (the stick pulled out, rtl_fm gone)."""
        if self._fm_on and self._want_playing:
            self._set_playing(False)
            self._ctx.toast(self._texts.tuner_reason(*self._tuner_reason()), "error")
            self._save()

    # Loading and starting

    def _chosen(self) -> None:
        """The driver chose what plays: the song the last drive left no longer waits for its drive."""
        self._touched = True
        self._restored = self._waiting = self._resume_playing = False

    def _player(self):
        """The media engine, made when something first plays."""
        if self._engine is None:
            from .engine import MediaEngine

            self._engine = MediaEngine(self._linear_volume(), self)
            self._engine.ready.connect(self._on_ready)
            self._engine.buffered.connect(self._on_buffered)
            self._engine.ended.connect(self._on_ended)
            self._engine.failed.connect(self._on_error)
            self._engine.positionChanged.connect(self._on_position)
            self._engine.durationChanged.connect(self._on_duration)
        return self._engine

    def _unload(self) -> None:
        if self._engine is not None:
            self._engine.unload()
        self._loaded = None

    def _load(self, *, play: bool, position_ms: int = 0) -> None:
        """Make the queue's current entry the one that plays; a song is handed to the player only when it
        plays, so a paused restore costs nothing until the driver presses play."""
        if self._stopped:
            return
        entry = self._queue.current
        self._waiting = False
        self._counted = False
        self._reconnect.stop()
        self._reconnect_s = 0
        self._pending_seek_ms = position_ms or None
        self._position_s = position_ms / 1000
        self._duration_s = 0.0
        if entry is None:
            self._halt()
            self._unload()
            self._set_playing(False)
        elif entry.kind == FM:
            self._unload()
            self._fm_on = True
            if self._tuner is not None:
                self._apply_volume()  # the tuner starts at full volume otherwise
                self._tuner.tune(float(entry.uri))
        else:
            if self._fm_on and self._tuner is not None:
                self._tuner.stop()
            self._fm_on = False
            if play:
                self._player().load(QUrl(entry.uri) if entry.live else QUrl.fromLocalFile(entry.uri))
                self._loaded = entry
            else:
                self._unload()
        self.changed.emit()
        self.positionChanged.emit()
        self._queue_changed()
        if entry is not None:
            if play:
                self._start()
            else:
                self._set_playing(False)
        self._save()

    def _start(self) -> None:
        if self._audio is not None:
            self._audio.request_media()
        self._set_playing(True)
        if self._ducked and self._prompt_mode() == "pause":
            self._held_for_prompt = True
            return
        self._held_for_prompt = False
        if self._fm_on:
            if self._tuner is not None and self._tuner.available:
                self._tuner.play()
            else:
                self._ctx.toast(self._texts.tuner_reason(*self._tuner_reason()), "error")
                self._set_playing(False)
        elif self._loaded is not self._queue.current:
            self._load(play=True, position_ms=int(self._position_s * 1000))
        else:
            self._engine.play()

    def _halt(self) -> None:
        """Quiet, keeping the place."""
        if self._fm_on and self._tuner is not None:
            self._tuner.stop()
        elif self._engine is not None:
            self._engine.pause()

    def _set_playing(self, playing: bool) -> None:
        if playing != self._want_playing:
            self._want_playing = playing
            self.playingChanged.emit()
        if playing and not self._save_timer.isActive():
            self._save_timer.start()
        elif not playing:
            self._save_timer.stop()
            self._reconnect.stop()

    # QtMultimedia's news

    def _on_ready(self) -> None:
        if self._pending_seek_ms is not None:
            ms, self._pending_seek_ms = self._pending_seek_ms, None
            self._engine.seek(ms)

    def _on_buffered(self) -> None:
        self._reconnect_s = 0

    def _on_ended(self) -> None:
        entry = self._queue.current
        if entry is not None and entry.live:
            self._station_lost(entry)  # a stream has no end: the connection dropped
        else:
            QTimer.singleShot(0, self._finished)

    def _finished(self) -> None:
        if self._stopped:
            return
        self._failures = 0
        if self._queue.advance(finished=True):
            self._load(play=True)
        else:  # the end of the queue: stay on the last song, at its start
            self._set_playing(False)
            self._position_s = 0.0
            self.positionChanged.emit()
            self._save()

    def _on_error(self, message: str) -> None:
        entry = self._queue.current
        if entry is None:
            return
        log.warning("cannot play %s: %s", entry.uri, message)
        if entry.live:
            self._station_lost(entry)
            return
        if self._restored:
            # The song the car left off with, on a USB stick that mounts after the head unit starts: wait for
            # it with the place kept, rather than skip it and save a different place over it.
            log.info("waiting for the drive of %s", entry.uri)
            self._resume_playing = self._resume_playing or self._want_playing
            self._waiting = True
            self._loaded = None
            self._set_playing(False)
            self.playingChanged.emit()
            return
        self._failures += 1
        if self._failures >= len(self._queue):
            self._ctx.toast(self._texts.nothing_playable(), "error")
            self._failures = 0
            self._set_playing(False)
            return
        if self._failures == 1:  # one toast for a run of failures (a stick pulled out mid-album)
            self._ctx.toast(self._texts.skipped(entry), "warning")
        QTimer.singleShot(0, self._skip_broken)

    def _station_lost(self, entry: Entry) -> None:
        """Try the station again a little later, as a car radio finds its station again after a tunnel; the
        driver hears of it once, not at every try."""
        if not self._want_playing:
            return
        if self._reconnect_s == 0:
            self._ctx.toast(self._texts.station_unreachable(entry), "warning")
        self._reconnect_s = min(RECONNECT_MAX_S, max(1, 2 * self._reconnect_s))
        self._reconnect.start(self._reconnect_s * 1000)

    def _reconnect_station(self) -> None:
        entry = self._queue.current
        if self._stopped or entry is None or not entry.live or not self._want_playing:
            return
        engine = self._player()
        engine.load(QUrl(entry.uri))
        self._loaded = entry
        if not self._held_for_prompt:
            engine.play()

    def _skip_broken(self) -> None:
        if self._stopped:
            return
        if self._queue.advance(finished=False):
            self._load(play=self._want_playing)
        else:
            self._set_playing(False)

    def _on_position(self, ms: int) -> None:
        seconds = ms / 1000
        if abs(seconds - self._position_s) >= 0.1 or seconds == 0:
            self._position_s = seconds
            self.positionChanged.emit()
        if ms > 0:
            self._failures = 0
            self._restored = False  # it plays: from here on a missing file is a missing file
        entry = self._queue.current
        if not self._counted and entry is not None and not entry.live:
            duration = self._duration_s or entry.duration
            if seconds >= (min(PLAYED_AFTER_S, duration / 2) if duration else PLAYED_AFTER_S):
                self._counted = True
                self.played.emit(entry)

    def _on_duration(self, ms: int) -> None:
        self._duration_s = ms / 1000
        self.changed.emit()

    # The shell's audio focus, prompts and keys

    def _prompt_mode(self) -> str:
        try:
            return self._ctx.setting("prompts")
        except KeyError:
            return "duck"

    def _focus_changed(self) -> None:
        focus = self._audio.focus
        owner = focus.mediaOwner
        if owner and owner != self._ctx.id and self._want_playing:
            # Another app plays now: stop here, keeping the place, and stay stopped.
            self._held_for_prompt = False
            self._halt()
            self._set_playing(False)
            self._save()
        if focus.ducked != self._ducked:
            self._ducked = focus.ducked
            self._prompt(self._ducked)

    def _prompt(self, speaking: bool) -> None:
        if speaking and self._prompt_mode() == "pause":
            if self._want_playing:
                self._held_for_prompt = True
                self._halt()
        elif not speaking and self._held_for_prompt:
            self._held_for_prompt = False
            if self._want_playing:
                self._start()
        self._apply_volume()

    def prompt_mode_changed(self) -> None:
        """The driver switched between ducking and pausing for prompts."""
        if self._ducked:
            self._prompt(True)
        self._apply_volume()

    def _linear_volume(self) -> float:
        from .engine import linear_volume  # QtMultimedia: loaded once something plays, or the tuner

        linear = linear_volume(self._volume)
        if self._ducked and self._prompt_mode() == "duck":
            linear *= DUCK_FACTOR
        return linear

    def _apply_volume(self) -> None:
        fm = self._tuner is not None and self._fm_on
        if self._engine is not None or fm:
            linear = self._linear_volume()
            if self._engine is not None:
                self._engine.set_volume(linear)
            if fm:
                self._tuner.setVolume(linear)
        self.volumeChanged.emit()

    def _media_key(self, key: str) -> None:
        match key:
            case "play-pause": self.playPause()
            case "play": self.play()
            case "pause" | "stop": self.pause()
            case "next": self.next()
            case "previous": self.previous()

    # Saving and the queue's rows

    def _state(self) -> dict:
        playing_now = self._engine is not None and self._loaded is self._queue.current and self._engine.position()
        position = self._engine.position() / 1000 if playing_now else self._position_s
        state = {"position": 0.0 if self.live else position, "volume": self._volume,
                 "playing": self._want_playing or (self._waiting and self._resume_playing)}
        if self._queue_unsaved:
            state["queue"] = self._queue.as_json()
        return state

    def _save(self) -> None:
        self._save_soon.stop()
        if not self._stopped:
            self.snapshot.emit(self._state())
            self._queue_unsaved = False

    def _save_later(self) -> None:
        self._save_soon.start()

    def _queue_changed(self) -> None:
        self._queue_unsaved = True
        self.render_queue()
        self.queueChanged.emit()

    def render_queue(self) -> None:
        entries = self._queue.entries
        rows = []
        for n, index in enumerate(self._queue.upcoming()):
            entry = entries[index]
            rows.append(Row(self._texts.title(entry),
                            self._texts.artist(entry.artist) if not entry.live else entry.artist,
                            "mdi6.volume-high" if n == 0 else "mdi6.music-note",
                            self._texts.duration(entry.duration), image_url(entry.cover), n == 0))
        self._queue_rows.set_rows(rows)

    def retranslate(self) -> None:
        self.render_queue()
        self.changed.emit()
