"""Places in a payment's life where the chaos campaign kills the backend, to prove no charge is orphaned.

    after_write_ahead      the intent's coming change is committed; the processor has not been asked
    after_processor_call   the processor moved money (a hold, a capture, a void, a refund); nothing recorded

`HEADUNIT_BACKEND_CRASH="after_processor_call:3"` kills the process (SIGKILL: no cleanup, like a power cut)
the 3rd time that point is reached, after appending its name to `HEADUNIT_BACKEND_CRASH_LOG`, if set. A
backend started without the variable pays one dictionary lookup per point.
"""

from __future__ import annotations

import os
import signal
import threading

POINTS = ("after_write_ahead", "after_processor_call")
ENV_ARM = "HEADUNIT_BACKEND_CRASH"
ENV_LOG = "HEADUNIT_BACKEND_CRASH_LOG"

_lock = threading.Lock()
_armed: dict[str, int] = {}


def _arm_from_env() -> None:
    for part in filter(None, (p.strip() for p in os.environ.get(ENV_ARM, "").split(","))):
        name, _, nth = part.partition(":")
        if name not in POINTS:
            raise ValueError(f"{ENV_ARM}: unknown crash point {name!r}; expected one of {', '.join(POINTS)}")
        _armed[name] = int(nth or 1)


def hit(name: str) -> None:
    """Execution reached `name`: die here if this is the armed hit."""
    if name not in _armed:
        return
    with _lock:
        _armed[name] -= 1
        if _armed[name] > 0:
            return
        log = os.environ.get(ENV_LOG)
        if log:
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.write(fd, f"{name} {os.getpid()}\n".encode())
            os.fsync(fd)
            os.close(fd)
        os.kill(os.getpid(), signal.SIGKILL)


_arm_from_env()
