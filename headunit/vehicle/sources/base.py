"""What every vehicle source is: a QObject that reads part of the car and emits readings, from any thread.

A source knows nothing of VehicleState: `readings` is connected (queued) to `VehicleState.publish` by
`VehicleSources`, so a worker thread never touches GUI-thread objects. A source is alive while its last
reading is younger than `stale_after`; a source that can read nothing says why in `error`.
"""

from __future__ import annotations

import math
import threading
import time
from typing import ClassVar

from PySide6.QtCore import QObject, Signal

from headunit.vehicle.state import READINGS


class SpecError(ValueError):
    """A source spec that cannot be used; the message names the spec and the field that is wrong."""

    def __init__(self, spec: str, field: str, problem: str):
        super().__init__(f"source {spec!r}: {field}: {problem}")
        self.spec, self.field, self.problem = spec, field, problem


class Source(QObject):
    """One device or daemon the car's readings come from.

    Subclasses set `kind`, fill `provides` (names from READINGS), implement `start()` and `stop()` and call
    `emit_readings()` (any thread) and `fail()` (why nothing can be read just now).
    """

    #: The spec's first field: "gpsd", "gpio", "iio", "obd", "can".
    kind: ClassVar[str] = ""
    #: Seconds after its last reading a source is no longer alive (the driving state's own limit is 2 s).
    stale_after: float = 2.0

    #: {reading name: value}; emitted from the source's own thread.
    readings = Signal(dict)
    #: alive or error changed (emitted from any thread as well).
    statusChanged = Signal()

    def __init__(self, spec: str, provides: tuple[str, ...], parent: QObject | None = None):
        super().__init__(parent)
        unknown = [name for name in provides if name not in READINGS]
        if unknown:
            raise SpecError(spec, "readings", f"unknown reading {unknown[0]!r}; known: {', '.join(READINGS)}")
        self.spec = spec
        self.provides = provides
        self._lock = threading.Lock()
        self._last: float | None = None  # monotonic time of the last reading
        self._error = "no reading yet"
        self._latest: dict[str, object] = {}

    # What subclasses implement.

    @classmethod
    def from_spec(cls, spec: str, rest: str) -> Source:
        """The source for `spec`; `rest` is what follows "kind:" (each kind splits it its own way: paths may
        hold colons). Raise SpecError naming the field that is wrong."""
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """End the source's I/O promptly (well under a second); it may be started again."""
        raise NotImplementedError

    def describe(self) -> str:
        """One line for people: what this source reads from where."""
        return f"{self.kind} {self.spec} ({', '.join(self.provides)})"

    def label(self, reading: str) -> str:
        """The key the status bar names when `reading` from this source is missing ("gps", "brake"…)."""
        return self.kind

    # For subclasses, from any thread.

    def emit_readings(self, **values: object) -> None:
        """Send readings on (all names must be in `provides`) and count the source alive."""
        with self._lock:
            was_alive = self._error == "" and self._last is not None
            self._last = time.monotonic()
            self._error = ""
            self._latest.update(values)
        self.readings.emit(values)
        if not was_alive:
            self.statusChanged.emit()

    def fail(self, error: str) -> None:
        """Record why nothing can be read; the source stays alive until its last reading grows stale."""
        with self._lock:
            changed, self._error = self._error != error, error
        if changed:
            self.statusChanged.emit()

    # Status, for the shell and `headunit vehicle sources`.

    @property
    def age(self) -> float:
        """Seconds since the last reading; infinity before the first."""
        last = self._last
        return math.inf if last is None else time.monotonic() - last

    @property
    def alive(self) -> bool:
        return self.age <= self.stale_after

    @property
    def error(self) -> str:
        """Why the source is not alive ("" while it is)."""
        if self.alive:
            return ""
        return self._error or f"no reading for {self.age:.0f} s"

    @property
    def latest(self) -> dict[str, object]:
        """The last value of each reading this source sent."""
        with self._lock:
            return dict(self._latest)

    def status(self) -> dict[str, object]:
        age = self.age
        return {"spec": self.spec, "kind": self.kind, "provides": list(self.provides), "alive": self.alive,
                "error": self.error, "age": None if math.isinf(age) else round(age, 3),
                "description": self.describe()}


class ThreadedSource(Source):
    """A source that reads on a thread of its own (`_run`, until `_stop` is set), so that blocking I/O never
    holds the GUI thread; `stop()` returns within two seconds."""

    def __init__(self, spec: str, provides: tuple[str, ...], parent: QObject | None = None):
        super().__init__(spec, provides, parent)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"vehicle-{self.kind}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stop.set()
            thread.join(timeout=2.0)

    def _run(self) -> None:
        raise NotImplementedError


class PollingSource(ThreadedSource):
    """A source whose reading is one blocking `poll()` every `interval` seconds on its own thread.

    `poll()` returns the readings (or None for none this time) and raises OSError or ValueError with a
    message for `error`; the thread keeps polling, so a device that comes back is read again.
    """

    interval: float = 0.1

    def poll(self) -> dict[str, object] | None:
        raise NotImplementedError

    def open(self) -> None:
        """Acquire the device before the first poll (on the source's thread); raise OSError on failure."""

    def close(self) -> None:
        """Release what `open()` acquired (on the source's thread)."""

    def _run(self) -> None:
        opened = False
        while not self._stop.is_set():
            try:
                if not opened:
                    self.open()
                    opened = True
                values = self.poll()
                if values:
                    self.emit_readings(**values)
            except (OSError, ValueError) as exc:
                self.fail(str(exc))
                if opened:
                    self.close()
                    opened = False
                self._stop.wait(1.0)  # a missing device is looked for again each second, not each tick
                continue
            self._stop.wait(self.interval)
        if opened:
            self.close()
