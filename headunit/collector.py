"""Python's cycle collector, run on the GUI thread only.

CPython collects reference cycles in whichever thread happens to allocate when a threshold is crossed: a plugin's
worker, the sync client's lanes, the library scanner, the tile server. If the garbage holds a QObject (a page's
model, a player, a timer), its C++ destructor then runs on that thread while the GUI thread may still be
delivering its events or signals - a crash, or "Timers cannot be stopped from another thread" at best. So while
HeadUnit runs, automatic collection is off and a timer on the GUI thread collects instead: the young generation
at every check, the older ones by CPython's own counts and rules.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: How often the GUI thread looks at the allocation counts. Only cyclic garbage waits this long: everything
#: else is freed by reference counting as soon as it is dropped, on the thread that drops it.
CHECK_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects on the thread it lives on (the GUI thread): the young generation at every check, older ones
    when CPython's counts say so. A count taken only every half second cannot see the peaks that trigger
    CPython's own young collections, so those run unconditionally; they cost microseconds."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._long_lived = len(gc.get_objects(generation=2))

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def collect_if_due(self) -> int:
        """Collect what is due; the oldest generation collected."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 2 if counts[2] > thresholds[2] and self._full_collection_pays() else 1
        gc.collect(generation)
        if generation == 2:
            self._long_lived = len(gc.get_objects(generation=2))
        return generation

    def _full_collection_pays(self) -> bool:
        # CPython's rule: a full collection (tens of milliseconds on a large heap) only once the objects
        # promoted since the last one are a quarter of those it left.
        return len(gc.get_objects(generation=2)) - self._long_lived > self._long_lived / 4


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Move cycle collection to `app`'s thread for as long as `app` lives; once per application."""
    collector = app.findChild(GuiThreadCollector)
    if collector is None:
        collector = GuiThreadCollector(app)
        collector.start()
    return collector
