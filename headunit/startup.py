"""Start-up phases, timed with perf_counter checkpoints.

`headunit emulator --timings` prints them; benchmarks/ reads the `first-frame` mark.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

# Interpreter start as close as Python lets us see it: this module is imported first by the CLI.
_PROCESS_T0 = time.perf_counter()


@dataclass
class Timeline:
    t0: float = _PROCESS_T0
    marks: list[tuple[str, float]] = field(default_factory=list)

    def mark(self, phase: str) -> None:
        """Record that `phase` has just finished."""
        self.marks.append((phase, time.perf_counter()))

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
