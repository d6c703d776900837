"""`headunit run` whose GUI thread sleeps for a while once it has told systemd it is ready.

    python tests/appliance/frozen_shell.py AFTER_S FREEZE_S headunit-run-arguments...

The shell has no freeze switch of its own: this script wraps the ServiceManager's `ready` so that, AFTER_S
seconds after READY=1, a timer on the GUI thread blocks it for FREEZE_S seconds (as a stuck slot would). It
prints when the freeze began and ended (wall clock, comparable with the test's), and the first frame's time.
"""

from __future__ import annotations

import sys
import time

from headunit import startup  # first, as the CLI imports it: start-up timing begins here
from headunit.cli import main
from headunit.servicemanager import ServiceManager


def freeze(seconds: float) -> None:
    print(f"FREEZE start={time.time():.6f}", flush=True)
    time.sleep(seconds)  # the GUI thread blocked: no event loop, no timers
    print(f"FREEZE end={time.time():.6f}", flush=True)


def wrap_ready(after_s: float, freeze_s: float) -> None:
    ready = ServiceManager.ready

    def ready_then_freeze(self: ServiceManager, status: str) -> bool:
        sent = ready(self, status)
        print(f"FIRST_FRAME at={startup.timeline.wall['first frame']:.6f}", flush=True)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(round(after_s * 1000), lambda: freeze(freeze_s))
        return sent

    ServiceManager.ready = ready_then_freeze  # type: ignore[method-assign]


if __name__ == "__main__":
    wrap_ready(float(sys.argv[1]), float(sys.argv[2]))
    sys.exit(main(["run", *sys.argv[3:]]))
