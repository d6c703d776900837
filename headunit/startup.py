"""Start-up phases, timed with perf_counter checkpoints.

`headunit emulator --timings` prints them; benchmarks/ reads the `first frame` mark.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

# Interpreter start as close as Python lets us see it: this module is imported first by the CLI.
_PROCESS_T0 = time.perf_counter()


@dataclass
class Timeline:
    """The start-up's phases as they end, on the monotonic clock and the wall clock."""

    t0: float = _PROCESS_T0
    marks: list[tuple[str, float]] = field(default_factory=list)
    #: Each phase's end in wall-clock time (time.time()), comparable with another process's clock.
    wall: dict[str, float] = field(default_factory=dict)

    def mark(self, phase: str) -> None:
        """Record that `phase` has just finished."""
        self.marks.append((phase, time.perf_counter()))
        self.wall[phase] = time.time()

    def phases(self) -> list[tuple[str, float, float]]:
        """(phase, its own duration, time since start), in seconds."""
        rows, previous = [], self.t0
        for phase, at in self.marks:
            rows.append((phase, at - previous, at - self.t0))
            previous = at
        return rows

    def report(self) -> str:
        lines = [f"{'phase':<24}{'took':>10}{'at':>10}"]
        for phase, took, at in self.phases():
            lines.append(f"{phase:<24}{took * 1000:>8.1f}ms{at * 1000:>8.1f}ms")
        return "\n".join(lines)


timeline = Timeline()


#: Hidden, for benchmarks/: once the plugins have loaded and settled, print `benchmark_line()` and quit.
BENCHMARK = os.environ.get("HEADUNIT_BENCHMARK") == "1"


def resident_kb() -> int:
    """This process's resident memory (VmRSS) in KiB; -1 where it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import psutil

        return psutil.Process().memory_info().rss // 1024
    except ImportError:
        return -1


def benchmark_line() -> str:
    """The line benchmarks/ parses: the first frame's wall-clock time and the resident memory now."""
    return f"BENCH first_frame={timeline.wall['first frame']:.6f} rss_kb={resident_kb()}"
