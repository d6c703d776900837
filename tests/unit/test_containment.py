"""The broken-plugin gallery (tests/fixtures/broken_plugins): each kind of broken plugin is marked failed
with a reason naming the file (and the field, for manifest problems), while the shell and the trip
computer keep working."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMetaObject
from PySide6.QtQuick import QQuickItem

from headunit.host.loader import namespace_for

ROOT = Path(__file__).resolve().parents[2]
GALLERY = ROOT / "tests" / "fixtures" / "broken_plugins"
TRIP_ID = "org.headunit.tripcomputer"
TRIP_FOLDER = ROOT / "headunit" / "plugins" / TRIP_ID


def line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{path} has no line containing {text!r}")


def manifest_of(folder: str) -> str:
    return str(GALLERY / folder / "plugin.toml")


#: gallery folder -> what its reason must contain, in order.
EXPECTED = {
    "not-a-plugin": [manifest_of("not-a-plugin"), ": cannot be read"],
    "org.broken.badmanifest": [manifest_of("org.broken.badmanifest"), ": version: expected a semantic version", "'one'"],
    "org.broken.missingpage": [manifest_of("org.broken.missingpage"), ": entry.page: expected an existing QML file",
                               "'qml/Main.qml' is missing"],
    "org.broken.futureapi": [manifest_of("org.broken.futureapi"), ": api: expected 1", "got 2"],
    TRIP_ID: [manifest_of(TRIP_ID), f": id: '{TRIP_ID}' is already used by {TRIP_FOLDER / 'plugin.toml'}"],
    "org.broken.badqml": [
        "page QML: ", f"{GALLERY / 'org.broken.badqml' / 'qml' / 'Main.qml'}:", ": Expected token `}'"],
    "org.broken.importerror": [
        f"{GALLERY / 'org.broken.importerror' / 'importerror.py'}:"
        f"{line_of(GALLERY / 'org.broken.importerror' / 'importerror.py', 'import headunit_no_such_package')}: ",
        "ModuleNotFoundError: No module named 'headunit_no_such_package'"],
    "org.broken.startraises": [
        f"{GALLERY / 'org.broken.startraises' / 'startraises.py'}:"
        f"{line_of(GALLERY / 'org.broken.startraises' / 'startraises.py', 'raise RuntimeError')}: start(): ",
        "RuntimeError: start failed on purpose"],
    "org.broken.slotraises": [
        f"{GALLERY / 'org.broken.slotraises' / 'slotraises.py'}:"
        f"{line_of(GALLERY / 'org.broken.slotraises' / 'slotraises.py', 'raise ZeroDivisionError')}: slot: ",
        "ZeroDivisionError: a slot failed on purpose"],
}


def assert_in_order(text: str, parts: list[str]) -> None:
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} not in {text!r} (after position {at})"
        at = found + len(part)


def record_in(runtime, folder: str):
    matches = [r for r in runtime.host.records() if r.folder == GALLERY / folder]
    assert len(matches) == 1, folder
    return matches[0]


def test_the_gallery_has_one_folder_per_failure_kind():
    """Every gallery folder has an expectation here, and every expectation a folder."""
    assert {p.name for p in GALLERY.iterdir() if p.is_dir()} == set(EXPECTED)


@pytest.fixture
def runtime(runtimes, qtbot):
    """A HeadUnit with the gallery on its plugins path, every plugin loaded in idle time as at start."""
    runtime = runtimes.start(GALLERY)
    with qtbot.waitSignal(runtime.host.idleLoadFinished, timeout=10_000):
        runtime.host.load_all_in_idle()
    return runtime


def fire_the_broken_slot(runtime) -> None:
    """Open the app, create its page as the shell does, and press what calls the raising slot."""
    assert runtime.apps.openApp("org.broken.slotraises")
    assert runtime.apps.currentApp == "org.broken.slotraises"
    parent = QQuickItem()
    page = runtime.apps.createView("org.broken.slotraises", "page", parent)
    assert page is not None
    QMetaObject.invokeMethod(page, "press")


@pytest.mark.parametrize("folder", sorted(EXPECTED))
def test_each_broken_plugin_fails_with_a_reason_naming_the_file(runtime, folder):
    """Each broken plugin ends up failed, unloaded, with a reason naming the file (and the field or line)."""
    if folder == "org.broken.slotraises":
        assert record_in(runtime, folder).status == "ok"
        fire_the_broken_slot(runtime)
    record = record_in(runtime, folder)
    assert record.status == "failed"
    assert_in_order(record.reason, EXPECTED[folder])
    assert record.as_json()["reason"] == record.reason
    assert not record.loaded


def test_plugins_without_a_usable_manifest_are_listed_by_folder(runtime):
    """A folder whose manifest cannot be used, or whose id is taken, is keyed by its path, not by an id."""
    for folder in ("not-a-plugin", "org.broken.badmanifest", TRIP_ID):
        assert record_in(runtime, folder).key == str(GALLERY / folder)
    assert record_in(runtime, "not-a-plugin").as_json()["id"] == str(GALLERY / "not-a-plugin")


def test_exception_in_a_slot_closes_the_app_and_tells_the_driver(runtime, qtbot):
    """A slot that raises closes its app, drops it from the recents, shows a toast and refuses to reopen."""
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append((text, level)))
    fire_the_broken_slot(runtime)
    qtbot.waitUntil(lambda: runtime.apps.currentApp == "", timeout=1000)
    assert "org.broken.slotraises" not in runtime.apps.recentApps
    qtbot.waitUntil(lambda: toasts == [("Slot raises stopped working and was closed", "error")], timeout=1000)
    assert not runtime.apps.openApp("org.broken.slotraises")


def test_the_shell_offers_only_working_apps(runtime):
    """Failed plugins are listed (for Settings › Apps) but cannot be opened; first-party apps stay available."""
    launchable = runtime.apps.launchable
    assert TRIP_ID in launchable and "org.broken.slotraises" in launchable
    assert not {record_in(runtime, folder).key for folder in EXPECTED if folder != "org.broken.slotraises"} & set(
        launchable)
    from headunit import paths

    first_party = [r for r in runtime.host.records() if r.folder.parent == paths.BUILTIN_PLUGINS_DIR]
    assert all(r.status == "ok" for r in first_party)
    assert runtime.apps.rowCount() == len(runtime.host.records()) == len(EXPECTED) + len(first_party)
    for folder in EXPECTED:
        if folder != "org.broken.slotraises":
            assert not runtime.apps.openApp(record_in(runtime, folder).key)


def test_trip_computer_still_works_beside_the_gallery(runtime, qtbot):
    """With every broken plugin failed, the trip computer opens, draws its page and counts distance."""
    fire_the_broken_slot(runtime)
    trip = runtime.host.record(TRIP_ID)
    assert (trip.status, trip.reason, trip.folder) == ("ok", None, TRIP_FOLDER)
    assert runtime.apps.openApp(TRIP_ID)
    parent = QQuickItem()
    page = runtime.apps.createView(TRIP_ID, "page", parent)
    tile = runtime.apps.createView(TRIP_ID, "tile", parent)
    assert page is not None and tile is not None
    store = trip.context.exposed()["store"]
    since_reset = page.findChild(QQuickItem, "sinceReset")

    runtime.simulator.applyDrive("moving")
    runtime.simulator.setSpeed(180)
    qtbot.waitUntil(lambda: store.startDistance > 30, timeout=3000)
    assert store.resetDistance > 30
    qtbot.waitUntil(lambda: since_reset.property("distance") == store.resetDistance, timeout=1000)
    assert runtime.apps.currentApp == TRIP_ID
    assert trip.status == "ok"


TICKING_PLUGIN = """
from PySide6.QtCore import QObject, QTimer

from headunit.sdk import Plugin

TICKS = {"context": 0, "instance": 0, "store": 0}


def count(name):
    TICKS[name] += 1


class Store(QObject):
    def __init__(self):
        super().__init__()
        self._poll = QTimer(interval=5)  # parented to nothing: kept by the store
        self._poll.timeout.connect(lambda: count("store"))
        self._poll.start()


class Main(Plugin):
    def start(self, ctx):
        owned = QTimer(ctx, interval=5)
        owned.timeout.connect(lambda: count("context"))
        owned.start()
        self.kept = QTimer(interval=5)  # parented to nothing: kept by the plugin
        self.kept.timeout.connect(self.tick)
        self.kept.start()
        ctx.expose("store", Store())
        QTimer.singleShot(50, self.crash)

    def tick(self):
        count("instance")

    def crash(self):
        raise RuntimeError("a slot failed on purpose")
"""


def test_a_failed_plugin_stops_its_timers(plugin_factory, runtimes, qtbot):
    """Timers a plugin made, whoever holds them, stop ticking once it fails in a slot."""
    plugin_factory("org.test.ticking", python=TICKING_PLUGIN)
    runtime = runtimes.start(plugin_factory.root)
    assert runtime.host.load("org.test.ticking")
    record = runtime.host.record("org.test.ticking")
    ticks = sys.modules[f"{namespace_for('org.test.ticking')}.main"].TICKS
    qtbot.waitUntil(lambda: record.status == "failed", timeout=2000)
    assert "RuntimeError: a slot failed on purpose" in record.reason
    assert all(ticks.values()), ticks  # each timer ran before the failure
    qtbot.wait(20)  # the deletes posted by the failure run
    after_failure = dict(ticks)
    qtbot.wait(100)
    assert ticks == after_failure


def test_a_plugin_whose_start_raises_leaves_no_timer_running(plugin_factory, runtimes, qtbot):
    """What start() made before it raised stops too, though the plugin's stop() is never called."""
    plugin_factory("org.test.halfstarted", python="""
        from PySide6.QtCore import QTimer

        from headunit.sdk import Plugin

        TICKS = []
        INSTANCES = []  # the module keeps the instance alive, as the failure's traceback may


        class Main(Plugin):
            def start(self, ctx):
                INSTANCES.append(self)
                self.kept = QTimer(interval=5)
                self.kept.timeout.connect(self.tick)
                self.kept.start()
                raise RuntimeError("start failed on purpose")

            def tick(self):
                TICKS.append("tick")

            def stop(self):
                TICKS.append("stop")
        """)
    runtime = runtimes.start(plugin_factory.root)
    assert not runtime.host.load("org.test.halfstarted")
    qtbot.wait(50)
    assert sys.modules[f"{namespace_for('org.test.halfstarted')}.main"].TICKS == []
