"""PySide6 6.12 on CPython 3.11 loses a reference to None on every Qt call that returns
nothing, and the process aborts with `Fatal Python error: none_dealloc` after a few thousand."""

import sys

from PySide6.QtCore import QObject, QTimer

CALLS = 10_000


def test_runs_on_python_3_12_or_newer():
    """HeadUnit targets Python 3.12+, where None is immortal."""
    assert sys.version_info >= (3, 12)


def test_qt_calls_returning_nothing_keep_none_alive(qapp):
    """Ten thousand void Qt calls leave None's reference count where it was."""
    obj = QObject()
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        obj.setObjectName("tile")
        timer.stop()
    after = sys.getrefcount(None)
    assert after >= before
    assert obj.objectName() == "tile"
