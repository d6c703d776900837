"""Reference cycles holding Qt objects are freed on the GUI thread, whichever thread made the garbage pile up."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from headunit.collector import GuiThreadCollector, collect_on_gui_thread


class Page(QObject):
    """A QObject in a cycle with itself, as a page model holding a callback to itself would be."""

    def __init__(self):
        super().__init__()
        self.me = self


def test_a_cycle_holding_a_qt_object_is_freed_on_the_gui_thread_not_on_the_worker_that_allocates(qapp, qtbot):
    freed_on = []
    page = Page()
    weakref.finalize(page, lambda: freed_on.append(threading.current_thread().name))
    del page

    # A worker that allocates enough to cross every threshold: CPython's own collector would run right here.
    worker = threading.Thread(target=lambda: [[i] for i in range(300_000)], name="plugin-worker")
    worker.start()
    worker.join()
    assert freed_on == []

    qtbot.waitUntil(lambda: bool(freed_on), timeout=2_000)
    assert freed_on == [threading.main_thread().name]


def test_the_application_has_one_collector_and_automatic_collection_is_off(qapp):
    assert collect_on_gui_thread(qapp) is collect_on_gui_thread(qapp)
    assert len(qapp.findChildren(GuiThreadCollector)) == 1
    assert not gc.isenabled()


def test_full_collections_wait_until_many_objects_have_become_long_lived(qapp):
    collector = qapp.findChild(GuiThreadCollector)
    gc.unfreeze()  # the suite freezes what outlives each test (tests/conftest.py); the shell freezes nothing
    gc.collect()
    collector.collect_if_due()
    steady = [collector.collect_if_due() for _ in range(300)]  # 2½ minutes of checks with nothing new
    assert steady.count(2) <= 1 and steady.count(1) >= 20

    kept = [Page() for _ in range(len(gc.get_objects(generation=2)))]  # the heap grows by half
    grown = [collector.collect_if_due() for _ in range(300)]
    assert grown.count(2) >= 1
    del kept
