"""Named places where a test can kill the process, to prove that no crash loses or repeats a write.

    after_local_commit               the outbox row is committed, enqueue() has not returned yet
    during_send                      half of the request body is on the wire
    after_ack_before_outbox_update   the server's final answer arrived, the outbox still says pending
    during_pull_apply                half of a pulled page is applied, the cursor is not stored yet

Arm a point from the environment (`HEADUNIT_SYNC_CRASH="during_send:3,during_pull_apply:1"`: die on the
3rd send, or on the 1st page) or with `arm()`. When an armed point is reached for the n-th time, its name
is appended (and fsynced) to the file named by `HEADUNIT_SYNC_CRASH_LOG`, if set, and the process sends
itself SIGKILL: no `finally`, no atexit, no flush, exactly like a power cut seen from user space.
Unarmed points cost one dictionary lookup.
"""

from __future__ import annotations

import os
import signal
import threading

POINTS = ("after_local_commit", "during_send", "after_ack_before_outbox_update", "during_pull_apply")
ENV_ARM = "HEADUNIT_SYNC_CRASH"
ENV_LOG = "HEADUNIT_SYNC_CRASH_LOG"

_lock = threading.Lock()
_armed: dict[str, int] = {}
_hits: dict[str, int] = {}


def arm(name: str, nth: int = 1) -> None:
    """Kill the process at the `nth` time `name` is reached from now on."""
    if name not in POINTS:
        raise ValueError(f"unknown crash point {name!r}; expected one of {', '.join(POINTS)}")
    if nth < 1:
        raise ValueError("nth must be at least 1")
    with _lock:
        _armed[name] = nth
        _hits[name] = 0


def disarm(name: str | None = None) -> None:
    with _lock:
        if name is None:
            _armed.clear()
        else:
            _armed.pop(name, None)


def armed(name: str) -> bool:
    return name in _armed


def will_fire(name: str) -> bool:
    """True if the next `hit(name)` kills the process (lets a caller set up a more telling crash)."""
    with _lock:
        return name in _armed and _hits.get(name, 0) + 1 >= _armed[name]


def hits() -> dict[str, int]:
    """How often each armed point was reached in this process."""
    with _lock:
        return dict(_hits)


def hit(name: str) -> None:
    """Mark that execution reached `name`; dies here if the point is armed for this hit."""
    if name not in _armed:
        return
    with _lock:
        nth = _armed.get(name)
        if nth is None:
            return
        _hits[name] = count = _hits.get(name, 0) + 1
        if count < nth:
            return
        _record(name)
        os.kill(os.getpid(), signal.SIGKILL)


def _record(name: str) -> None:
    path = os.environ.get(ENV_LOG)
    if not path:
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, f"{name} {os.getpid()}\n".encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def arm_from_env(value: str | None = None) -> None:
    """Arm the points listed in `HEADUNIT_SYNC_CRASH` (done once at import)."""
    value = os.environ.get(ENV_ARM, "") if value is None else value
    for part in filter(None, (p.strip() for p in value.split(","))):
        name, _, nth = part.partition(":")
        arm(name, int(nth or 1))


arm_from_env()
