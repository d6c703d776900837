"""The floor: a bare QML window with six buttons (QtQuick + QtQuick.Controls), nothing else.

Run as its own script (`python benchmarks/floor.py [SETTLE_MS]`) in a fresh process, the way the
harness runs `headunit run`. It prints one line the harness parses, then exits:

    BENCH first_frame=<time.time() at the first frameSwapped> rss_kb=<VmRSS SETTLE_MS later>

Module level imports only the standard library, and the script never imports `benchmarks` or
`headunit`: the floor pays for Python, PySide6 and Qt Quick and nothing of ours.
"""

from __future__ import annotations

import os
import sys
import time

QML = os.path.join(os.path.dirname(os.path.abspath(__file__)), "floor.qml")
#: The same pause HeadUnit's benchmark mode takes before reading its memory (headunit.gui.SETTLE_MS).
DEFAULT_SETTLE_MS = 600


def command(settle_ms: int = DEFAULT_SETTLE_MS) -> list[str]:
    """How the harness starts the floor."""
    return [sys.executable, os.path.abspath(__file__), str(settle_ms)]


def resident_kb() -> int:
    """VmRSS in KiB (the same reading as headunit.startup.resident_kb)."""
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


def main(argv: list[str]) -> int:
    settle_ms = int(argv[1]) if len(argv) > 1 else DEFAULT_SETTLE_MS

    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - types the root object as a window

    app = QGuiApplication(argv[:1])
    engine = QQmlApplicationEngine()
    engine.load(QUrl.fromLocalFile(QML))
    if not engine.rootObjects():
        print(f"{QML}: failed to load", file=sys.stderr)
        return 1
    window = engine.rootObjects()[0]
    first_frame_at: list[float] = []

    def first_frame() -> None:
        window.frameSwapped.disconnect(first_frame)
        first_frame_at.append(time.time())
        QTimer.singleShot(settle_ms, report)

    def report() -> None:
        print(f"BENCH first_frame={first_frame_at[0]:.6f} rss_kb={resident_kb()}", flush=True)
        app.quit()

    window.frameSwapped.connect(first_frame)
    window.showFullScreen()  # as `headunit run` shows the shell
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
