"""How much a sandboxed plugin process may take."""

from __future__ import annotations

from dataclasses import dataclass

#: The memory ceiling of a plugin process: resident memory of its whole process tree, read every second.
DEFAULT_MEMORY_LIMIT = 384 * 1024 * 1024
#: The address space the process may reserve (RLIMIT_AS, set by the process on itself before any plugin code
#: runs, and impossible to raise again). Qt, fonts and the JavaScript engine reserve far more than they touch,
#: so this is the backstop; the resident watch is the limit.
ADDRESS_SPACE_LIMIT = 4 * 1024 * 1024 * 1024


@dataclass(frozen=True)
class CpuBudget:
    """The processor a plugin process may use: on average at most `share` of one core over any `window_s`
    seconds, its whole process tree counted. It runs at nice 10, so the shell wins every contention; this ends
    a plugin that spins anyway (a busy loop in a worker, JavaScript that never returns while the driver
    waits), which would otherwise heat the unit and take a core from navigation for as long as it runs."""

    share: float = 0.9
    window_s: float = 60.0


DEFAULT_CPU_BUDGET = CpuBudget()
