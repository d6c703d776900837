"""The FM tuner: broadcast radio through an RTL-SDR USB stick, or an honest account of why there is none.

HeadUnit drives no FM chip of its own: a cheap RTL2832U stick (sold for DVB-T; USB 0bda:2832 or
0bda:2838) is a software-defined radio, and `rtl_fm` (Debian package rtl-sdr) demodulates broadcast FM
from it: `rtl_fm -f <Hz> -M wbfm -s 200000 -r 48000 -` writes signed 16-bit mono PCM at 48 kHz to stdout,
which RtlFmTuner plays through a QAudioSink. rtl_fm takes its frequency on the command line only, so a
retune ends it and starts another once the first has let go of the stick (one process may hold it).

    tuner = find_tuner()
    if tuner.available:
        tuner.tune(98.5)
        tuner.play()
    else:
        show(tuner.reason)   # "No FM tuner: no RTL-SDR stick is plugged in"

Without a stick, or without rtl_fm, find_tuner returns an AbsentTuner whose `reason` says which, and
`reasonCode` lets an app say it in its own language. The stick is looked for once: plugging one in later
needs find_tuner again. Use a tuner on the GUI thread: QProcess and QAudioSink report through its event
loop. `close()` ends rtl_fm before it returns, so nothing outlives the shell.
"""

from __future__ import annotations

import logging
import shutil
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Property, QObject, QProcess, QTimer, Signal, Slot

log = logging.getLogger(__name__)

BAND_MIN_MHZ, BAND_MAX_MHZ, STEP_MHZ = 87.5, 108.0, 0.1
SAMPLE_RATE = 48000  # what rtl_fm is asked to resample to: a rate every sound card plays as is
#: RTL2832U sticks by USB vendor and product id (Realtek's reference design; 2838 is the usual DVB-T one).
RTL2832U_IDS = frozenset({("0bda", "2832"), ("0bda", "2838")})

NO_STICK = "No FM tuner: no RTL-SDR stick is plugged in"
NO_RTL_FM = "rtl_fm is not installed (apt install rtl-sdr)"

#: How long rtl_fm may take to let go of the stick after SIGTERM before it is killed.
KILL_AFTER_MS = 1000
#: Audio from rtl_fm waiting for room in the sink: beyond half a second (the output started late or
#: stalled), the oldest is dropped down to a tenth, so the radio stays live instead of lagging for ever.
MAX_BACKLOG_BYTES, LIVE_BACKLOG_BYTES = SAMPLE_RATE * 2 // 2, SAMPLE_RATE * 2 // 10

#: What rtl_fm says on stderr when it cannot run, and what that means for the driver (reasonCode, reason).
_RTL_FM_FAILURES = (
    ("No supported devices found", "no-stick", NO_STICK),
    ("usb_claim_interface error", "stick-busy",
     "The RTL-SDR stick is in use: another program, or the DVB-T driver (blacklist dvb_usb_rtl28xxu)"),
    ("Failed to open rtlsdr device", "stick-busy",
     "The RTL-SDR stick could not be opened (is it in use, or are its udev permissions missing?)"),
)


def snap(mhz: float) -> float:
    """The nearest channel in the FM band: 87.5–108.0 MHz in 0.1 MHz steps."""
    return round(min(max(float(mhz), BAND_MIN_MHZ), BAND_MAX_MHZ) * 10) / 10  # STEP_MHZ, without 0.1's float error


class Tuner(QObject):
    """What the radio app sees of an FM tuner, present or not.

    Properties: `available` (a tuner that can play), `reason` and `reasonCode` (why it cannot, or why it
    stopped; "" while all is well), `frequency` (MHz, always on a channel of the band), `playing`.
    Reason codes: "no-stick", "no-rtl-fm", "stick-busy" (another program or the DVB-T driver holds it),
    "failed" (anything else; `reason` quotes rtl_fm).
    """

    frequencyChanged = Signal()
    playingChanged = Signal()
    reasonChanged = Signal()
    #: Playing stopped on its own: the human-readable reason (also in `reason` afterwards).
    errorOccurred = Signal(str)

    def __init__(self, frequency: float = BAND_MIN_MHZ, parent: QObject | None = None):
        super().__init__(parent)
        self._frequency = snap(frequency)
        self._playing = False
        self._volume = 1.0
        self._reason, self._reason_code = "", ""

    def _available(self) -> bool:
        return False

    def _get_reason(self) -> str:
        return self._reason

    def _get_reason_code(self) -> str:
        return self._reason_code

    def _get_frequency(self) -> float:
        return self._frequency

    def _get_playing(self) -> bool:
        return self._playing

    available = Property(bool, lambda self: self._available(), constant=True)
    reason = Property(str, _get_reason, notify=reasonChanged)
    reasonCode = Property(str, _get_reason_code, notify=reasonChanged)
    frequency = Property(float, _get_frequency, notify=frequencyChanged)
    playing = Property(bool, _get_playing, notify=playingChanged)

    @property
    def volume(self) -> float:
        return self._volume

    @Slot(float)
    def tune(self, mhz: float) -> None:
        """Go to the channel nearest `mhz` (clamped to the band); a playing tuner keeps playing there."""
        frequency = snap(mhz)
        if frequency != self._frequency:
            self._frequency = frequency
            self.frequencyChanged.emit()
            if self._playing:
                self._retune()

    @Slot()
    def play(self) -> None:
        """Play the current frequency; an absent tuner stays silent (its `reason` says why)."""

    @Slot()
    def stop(self) -> None:
        """Stop playing; safe to call at any time."""

    @Slot(float)
    def setVolume(self, volume: float) -> None:
        """Linear volume, 0..1."""
        self._volume = min(max(float(volume), 0.0), 1.0)
        self._apply_volume()

    @Slot()
    def close(self) -> None:
        """Stop for good before the shell quits."""
        self.stop()

    def played(self) -> float:
        """Seconds of audio the output has played since play(): shows that sound really flows."""
        return 0.0

    def _retune(self) -> None:
        pass

    def _apply_volume(self) -> None:
        pass

    def _set_playing(self, playing: bool) -> None:
        if playing != self._playing:
            self._playing = playing
            self.playingChanged.emit()

    def _set_reason(self, code: str, reason: str) -> None:
        if (code, reason) != (self._reason_code, self._reason):
            self._reason_code, self._reason = code, reason
            self.reasonChanged.emit()


class AbsentTuner(Tuner):
    """No tuner on this car: it remembers a frequency, never plays, and says why."""

    def __init__(self, reason_code: str, reason: str, frequency: float = BAND_MIN_MHZ,
                 parent: QObject | None = None):
        super().__init__(frequency, parent)
        self._reason_code, self._reason = reason_code, reason

    def __repr__(self) -> str:
        return f"<AbsentTuner {self._reason!r}>"


class RtlFmTuner(Tuner):
    """FM through an RTL-SDR stick: rtl_fm's PCM pushed into a QAudioSink on the default output.

    One QProcess and one QAudioSink serve every play and retune; they are only started and stopped, never
    replaced, so no Qt object is ever deleted from inside one of its own signals.
    """

    def __init__(self, rtl_fm: str = "rtl_fm", frequency: float = BAND_MIN_MHZ, parent: QObject | None = None):
        super().__init__(frequency, parent)
        self.rtl_fm = rtl_fm
        self._process = QProcess(self)
        self._process.readyReadStandardOutput.connect(self._feed)
        self._process.readyReadStandardError.connect(self._note_stderr)
        self._process.finished.connect(self._on_finished)
        self._process.errorOccurred.connect(self._on_process_error)
        self._ending = False  # rtl_fm was asked to end: its exit is no failure
        self._restart = False  # start rtl_fm again once the one that is ending has let go of the stick
        self._kill_timer = QTimer(self, singleShot=True, interval=KILL_AFTER_MS)
        self._kill_timer.timeout.connect(self._process.kill)
        self._sink = None  # QAudioSink, made when FM first plays
        self._output = None  # the sink's QIODevice while playing (push mode)
        self._backlog = bytearray()
        self._stderr: deque[str] = deque(maxlen=20)

    def _available(self) -> bool:
        return True

    def command(self) -> list[str]:
        """rtl_fm's command line for the current frequency (in Hz)."""
        return [self.rtl_fm, "-f", str(round(self._frequency * 1_000_000)), "-M", "wbfm", "-s", "200000",
                "-r", str(SAMPLE_RATE), "-"]

    def play(self) -> None:
        if self._playing:
            return
        self._set_reason("", "")
        self._start_sink()
        self._set_playing(True)
        self._launch()

    def stop(self) -> None:
        self._restart = False
        self._end()
        self._stop_sink()
        self._set_playing(False)

    def close(self) -> None:
        """Stop, and wait until rtl_fm has exited (and been reaped)."""
        self.stop()
        if self._running() and not self._process.waitForFinished(KILL_AFTER_MS):
            self._process.kill()
            self._process.waitForFinished(KILL_AFTER_MS)

    def played(self) -> float:
        return 0.0 if self._output is None else self._sink.processedUSecs() / 1e6

    def _retune(self) -> None:
        self._launch()

    def _apply_volume(self) -> None:
        if self._sink is not None:
            self._sink.setVolume(self._volume)

    # rtl_fm

    def _running(self) -> bool:
        return self._process.state() != QProcess.ProcessState.NotRunning

    def _launch(self) -> None:
        if self._running():
            self._restart = True
            self._end()
            return
        self._ending = False
        self._stderr.clear()
        self._backlog.clear()
        program, *arguments = self.command()
        log.info("FM: %s", " ".join(self.command()))
        self._process.start(program, arguments)

    def _end(self) -> None:
        if self._running() and not self._ending:
            self._ending = True
            self._process.terminate()  # rtl_fm lets go of the stick on SIGTERM
            self._kill_timer.start()

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._kill_timer.stop()
        self._note_stderr()
        if not self._ending:
            self._failed(*self._explain(code))
        elif self._restart and self._playing:
            self._restart = False
            QTimer.singleShot(0, self, self._launch)  # once this signal is done with the process

    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._failed("failed", f"rtl_fm could not be started: {self._process.errorString()}")

    def _failed(self, code: str, reason: str) -> None:
        log.warning("FM: %s", reason)
        self._restart = False
        self._stop_sink()
        self._set_playing(False)
        self._set_reason(code, reason)
        self.errorOccurred.emit(reason)

    def _note_stderr(self) -> None:
        text = self._process.readAllStandardError().data().decode(errors="replace")
        self._stderr.extend(line.strip() for line in text.splitlines() if line.strip())

    def _explain(self, code: int) -> tuple[str, str]:
        for needle, reason_code, reason in _RTL_FM_FAILURES:
            if any(needle in line for line in self._stderr):
                return reason_code, reason
        last = self._stderr[-1] if self._stderr else f"exit status {code}"
        return "failed", f"rtl_fm stopped: {last}"

    # audio

    def _start_sink(self) -> None:
        if self._sink is None:
            from PySide6.QtMultimedia import QAudioFormat, QAudioSink  # loaded when FM first plays

            audio = QAudioFormat()
            audio.setSampleRate(SAMPLE_RATE)
            audio.setChannelCount(1)
            audio.setSampleFormat(QAudioFormat.SampleFormat.Int16)
            self._sink = QAudioSink(audio, self)
        self._sink.setVolume(self._volume)
        self._output = self._sink.start()

    def _stop_sink(self) -> None:
        if self._output is not None:
            self._sink.stop()
            self._output = None
        self._backlog.clear()

    def _feed(self) -> None:
        data = self._process.readAllStandardOutput().data()
        if self._ending or self._output is None:
            return
        backlog = self._backlog
        backlog += data
        if len(backlog) > MAX_BACKLOG_BYTES:  # the output fell behind: skip ahead, radio is live
            del backlog[:(len(backlog) - LIVE_BACKLOG_BYTES) & ~1]
        size = min(self._sink.bytesFree(), len(backlog)) & ~1  # whole samples only
        if size:
            written = self._output.write(bytes(backlog[:size]))
            if written > 0:
                del backlog[:written]


def rtl_sdr_present(sysfs: Path = Path("/sys/bus/usb/devices")) -> bool:
    """Whether an RTL2832U stick is plugged in, from the USB devices the kernel lists in sysfs."""
    try:
        devices = list(sysfs.iterdir())
    except OSError:
        return False
    for device in devices:
        try:
            ids = tuple((device / name).read_text().strip().lower() for name in ("idVendor", "idProduct"))
        except OSError:  # an interface, not a device, or one that went away meanwhile
            continue
        if ids in RTL2832U_IDS:
            return True
    return False


def find_tuner(sysfs: Path = Path("/sys/bus/usb/devices"), *, which: Callable[[str], str | None] = shutil.which,
               parent: QObject | None = None) -> Tuner:
    """The car's FM tuner: RtlFmTuner when a stick is plugged in and rtl_fm is installed, else an
    AbsentTuner saying what is missing (the stick first: without it, installing rtl_fm would not help)."""
    if not rtl_sdr_present(sysfs):
        return AbsentTuner("no-stick", NO_STICK, parent=parent)
    rtl_fm = which("rtl_fm")
    if rtl_fm is None:
        return AbsentTuner("no-rtl-fm", NO_RTL_FM, parent=parent)
    return RtlFmTuner(rtl_fm, parent=parent)
