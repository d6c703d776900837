"""MediaEngine: QtMultimedia's player and audio output, the one place the music app touches them.

The player imports this module when something first plays: QtMultimedia and its FFmpeg backend cost tens of
megabytes, which a head unit that starts without playing music should not pay for.

Every call that can wait on FFmpeg's threads releases the GIL. Those threads call back into Python while they
tear a stream down (PySide looks for Python overrides as their objects disconnect), so a stop or pause made
holding the GIL can deadlock with them. PySide releases it in `setSource` and `QMetaObject.invokeMethod`, not
in `stop`, `play`, `pause` or `setPosition`: those go through `_invoke`.
"""

from __future__ import annotations

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QtAudio

Status = QMediaPlayer.MediaStatus


def linear_volume(loudness: float) -> float:
    """The output level for `loudness` as a volume slider means it (0 to 1, as heard)."""
    return QtAudio.convertVolume(loudness, QtAudio.VolumeScale.LogarithmicVolumeScale,
                                 QtAudio.VolumeScale.LinearVolumeScale)


class MediaEngine(QObject):
    #: The source can be played and sought (loaded or buffered).
    ready = Signal()
    #: Enough is buffered to play on: a stream that came back.
    buffered = Signal()
    #: The source played to its end (for a stream: the connection dropped).
    ended = Signal()
    #: The source will not play: QtMultimedia's message.
    failed = Signal(str)
    positionChanged = Signal("qlonglong")  # ms
    durationChanged = Signal("qlonglong")  # ms

    def __init__(self, volume: float, parent: QObject | None = None):
        super().__init__(parent)
        self._media = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._output.setVolume(volume)  # not playing yet: nothing to wait for
        self._media.setAudioOutput(self._output)
        self._media.mediaStatusChanged.connect(self._on_status)
        self._media.errorOccurred.connect(self._on_error)
        self._media.positionChanged.connect(self.positionChanged)
        self._media.durationChanged.connect(self.durationChanged)

    def load(self, url: QUrl) -> None:
        """Open `url`; the same one again opens it afresh (a retry), where QMediaPlayer would ignore it."""
        if self._media.source() == url:
            self._media.setSource(QUrl())
        self._media.setSource(url)

    def unload(self) -> None:
        """Stop and let go of the source: FFmpeg's threads end here, with the GIL released."""
        self._invoke(self._media, "stop")
        self._media.setSource(QUrl())

    def play(self) -> None:
        self._invoke(self._media, "play")

    def pause(self) -> None:
        if self._media.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self._invoke(self._media, "pause")

    def stop(self) -> None:
        self._invoke(self._media, "stop")

    @property
    def loading(self) -> bool:
        """Not ready to seek yet."""
        return self._media.mediaStatus() in (Status.LoadingMedia, Status.NoMedia)

    def seek(self, ms: int) -> None:
        self._invoke(self._media, "setPosition", Q_ARG("qint64", ms))

    def position(self) -> int:
        """Milliseconds into the source."""
        return self._media.position()

    @property
    def volume(self) -> float:
        return self._output.volume()

    def set_volume(self, linear: float) -> None:
        self._invoke(self._output, "setVolume", Q_ARG("float", linear))

    @staticmethod
    def _invoke(target: QObject, slot: str, *args) -> None:
        """Call `slot` of `target` at once, with the GIL released (see the module's note)."""
        if not QMetaObject.invokeMethod(target, slot, Qt.ConnectionType.DirectConnection, *args):
            raise RuntimeError(f"{type(target).__name__}.{slot} could not be called")

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status in (Status.LoadedMedia, Status.BufferedMedia):
            self.ready.emit()
        if status == Status.BufferedMedia:
            self.buffered.emit()
        elif status == Status.EndOfMedia:
            self.ended.emit()

    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            self.failed.emit(message)
