"""A third-party plugin that loops forever, sleeps in a slot or allocates without bound: the shell keeps
drawing and answering touch, names the plugin, and its own memory stays flat."""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from tests.sandbox.conftest import open_sandboxed

ENDLESS_JS = 'import QtQuick\nRectangle { color: "#202020"; Timer { interval: 300; running: true; onTriggered: { while (true) {} } } }\n'
SLEEPY = '''
import time
from PySide6.QtCore import QTimer
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        self.timer = QTimer(singleShot=True, interval=300)
        self.timer.timeout.connect(lambda: time.sleep(10))
        self.timer.start()
'''
GREEDY = '''
from PySide6.QtCore import QTimer
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        self.hoard = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(lambda: self.hoard.append(bytearray(16 * 1024 * 1024)))
        self.timer.start()
'''


def shell_rss() -> int:
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def sheet(window) -> QQuickItem | None:
    """The not-responding sheet, made the first time an app stops answering."""
    return next(iter(window.findChildren(QQuickItem, "notRespondingSheet")), None)


def sheet_shown(window) -> bool:
    return sheet(window) is not None and sheet(window).isVisible()


def tap_home(window) -> None:
    dock_home = next(i for i in window.findChildren(QQuickItem) if i.property("text") == "Home" and i.isVisible())
    centre = dock_home.mapToScene(dock_home.boundingRect().center()).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(centre))


def touch_still_answered(qtbot, runtime, window) -> None:
    """A tap beside the sheet dismisses it (wait); the next one on the dock's home button goes home."""
    tap_home(window)
    qtbot.waitUntil(lambda: not sheet_shown(window), timeout=2000)
    tap_home(window)
    qtbot.waitUntil(lambda: runtime.apps.currentApp == "", timeout=2000)


def test_an_endless_js_loop_gets_the_not_responding_sheet_and_close_ends_it(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.looper", page=ENDLESS_JS)
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[plugin_factory.root])
    open_sandboxed(qtbot, runtime, window, "org.example.looper")
    frames = []
    window.frameSwapped.connect(lambda: frames.append(1))
    qtbot.waitUntil(lambda: sheet_shown(window), timeout=9000)
    assert "Test app is not responding" == sheet(window).property("title")
    touch_still_answered(qtbot, runtime, window)
    assert frames  # the shell went on drawing
    runtime.apps.openApp("org.example.looper")
    runtime.sandbox.closeApp("org.example.looper")  # the sheet's "Close app"
    qtbot.waitUntil(lambda: runtime.sandbox.residentBytes("org.example.looper") == 0, timeout=5000)
    qtbot.waitUntil(lambda: runtime.apps.currentApp == "", timeout=2000)


def test_a_ten_second_sleep_in_a_slot_is_waited_out(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.sleepy", python=SLEEPY)
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[plugin_factory.root])
    open_sandboxed(qtbot, runtime, window, "org.example.sleepy")
    qtbot.waitUntil(lambda: sheet_shown(window), timeout=9000)
    touch_still_answered(qtbot, runtime, window)
    qtbot.waitUntil(lambda: runtime.sandbox.isResponding("org.example.sleepy"), timeout=12_000)
    assert not sheet_shown(window)
    assert runtime.host.record("org.example.sleepy").status == "ok"


def test_a_runaway_allocation_ends_the_process_not_the_shell(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.greedy", python=GREEDY)
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[plugin_factory.root])
    before = shell_rss()
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    runtime.apps.openApp("org.example.greedy")
    qtbot.waitUntil(lambda: "Test app used too much memory and was closed" in toasts, timeout=20_000)
    assert runtime.apps.currentApp == ""
    assert shell_rss() - before < 40 * 1024 * 1024
    assert runtime.host.record("org.example.greedy").status == "ok"  # it can be opened again


SPINNER = '''
import threading
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        # A worker that never rests: the plugin's GUI thread still answers every ping.
        threading.Thread(target=self.spin, daemon=True).start()

    def spin(self):
        n = 0
        while True:
            n += 1
'''


def open_under_budget(make_shell, qtbot, plugin_factory, plugin_id: str, python: str, budget):
    """The plugin opened parked, its process running under `budget`: (runtime, window, the toasts shown)."""
    plugin_factory(plugin_id, python=python)
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[plugin_factory.root])
    runtime.sandbox.cpu_budget = budget
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    runtime.apps.openApp(plugin_id)
    qtbot.waitUntil(lambda: runtime.sandbox.residentBytes(plugin_id) > 0, timeout=15_000)
    return runtime, window, toasts


def test_a_plugin_that_keeps_a_processor_busy_is_ended_and_says_so(make_shell, qtbot, plugin_factory):
    """Past its processor budget (here 50 % of a core over 3 s; a minute on a car) the process is ended, though
    it still answers the shell: the driver is told why, and the app can be opened again."""
    from headunit.sandbox.limits import CpuBudget

    runtime, window, toasts = open_under_budget(make_shell, qtbot, plugin_factory, "org.example.spinner", SPINNER,
                                                CpuBudget(share=0.5, window_s=3))
    qtbot.waitUntil(lambda: "Test app used too much processor time and was closed" in toasts, timeout=20_000)
    qtbot.waitUntil(lambda: runtime.sandbox.residentBytes("org.example.spinner") == 0, timeout=5000)
    assert runtime.apps.currentApp == ""
    assert not sheet_shown(window)  # it was never "not responding": the budget ended it
    assert runtime.host.record("org.example.spinner").status == "ok"


def test_a_plugin_within_its_processor_budget_runs_on(make_shell, qtbot, plugin_factory):
    """Work in bursts (a busy loop, then 2 s of rest) stays under the budget's average and is left alone."""
    from headunit.sandbox.limits import CpuBudget

    bursts = SPINNER.replace("n += 1", "n += 1\n            if n % 2_000_000 == 0:\n                time.sleep(2)")
    runtime, window, toasts = open_under_budget(make_shell, qtbot, plugin_factory, "org.example.bursty",
                                                "import time\n" + bursts, CpuBudget(share=0.8, window_s=3))
    qtbot.wait(8000)
    assert toasts == [] and runtime.sandbox.residentBytes("org.example.bursty") > 0


def test_three_crashes_in_ten_minutes_disable_the_app_with_the_reason(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.crashy", python="import os\nfrom headunit.sdk import Plugin\n\n\n"
                                                 "class Main(Plugin):\n    def start(self, ctx):\n"
                                                 "        os.abort()\n")
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[plugin_factory.root])
    record = runtime.host.record("org.example.crashy")
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    for _attempt in range(3):
        runtime.apps.openApp("org.example.crashy")
        qtbot.waitUntil(lambda: runtime.sandbox.residentBytes("org.example.crashy") == 0
                        and runtime.apps.currentApp == "", timeout=10_000)
        qtbot.wait(200)
    qtbot.waitUntil(lambda: record.status == "disabled", timeout=5000)
    assert "stopped 3 times in 10 minutes" in record.reason
    assert runtime.settings.is_disabled("org.example.crashy")
    assert toasts == ["Test app stopped working and was closed"] * 2 + [
        "Test app kept stopping and was turned off; turn it on in Settings › Apps"]



EXPOSING = '''
import atexit

import shiboken6
from PySide6.QtCore import Property, QObject, Signal
from headunit.sdk import Plugin


class Store(QObject):
    changed = Signal()

    @Property(str, notify=changed)
    def title(self):
        return "from the store"


class Main(Plugin):
    def start(self, ctx):
        self.store = Store()
        ctx.expose("store", self.store)
        # What it exposed is freed, at the latest, as its interpreter exits: its page is gone by then.
        atexit.register(lambda: shiboken6.isValid(self.store) and shiboken6.delete(self.store))
'''
EXPOSED_PAGE = '''import QtQuick
Rectangle {
    required property QtObject store
    color: "#204060"
    Text { text: store.title }
    Component.onDestruction: console.log("page gone; store " + (store ? "still there" : "already gone"))
}
'''


def test_when_a_plugin_stops_its_page_goes_before_what_it_exposed(make_shell, qtbot, plugin_factory, plugin_log):
    """As in the shell's process: the page is deleted first, before the plugin's objects can go, so none of its
    bindings reads one that is gone (the sandboxed wallet's page printed a TypeError for each when it did)."""
    plugin_factory("org.example.exposing", python=EXPOSING, page=EXPOSED_PAGE)
    runtime, window = make_shell(800, 480, drive="parked", third_party_paths=[plugin_factory.root])
    open_sandboxed(qtbot, runtime, window, "org.example.exposing")
    process = runtime.sandbox.process_of("org.example.exposing")
    with qtbot.waitSignal(process.ended, timeout=10_000):
        runtime.sandbox.stop("org.example.exposing")
    err = plugin_log()
    assert "page gone; store still there" in err, err[-2000:]
    assert "TypeError" not in err, err[-2000:]
