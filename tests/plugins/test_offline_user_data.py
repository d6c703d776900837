"""What the driver saves before the car has ever reached its account (first start in a garage, the backend
down): playlists, favourites and home are on disk at once, are still there after the car is switched off and on,
and reach the account once the backend answers; a deletion made meanwhile stays deleted. Real shells, real
SQLite, a real backend on loopback that comes up late."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from headunit.shell.theme import SCREEN_PRESETS, dpi_for
from headunit.sync import SyncSettings
from tests.plugins.test_music import long_library, play_album, store_of  # noqa: F401
from tests.shell import find, settle
from tests.sync.conftest import BackendDB

NAV = "org.headunit.navigation"
NEAR = ("Agip", 43.7415782, 7.4305651)
#: Loopback timings: registration retried within a second once the backend is there.
LOOPBACK = SyncSettings(connect_timeout=2.0, read_timeout=5.0, backoff_base=0.05, backoff_cap=0.5, pull_interval=1.0)


class LateBackend:
    """A backend address where nothing answers until `start()` (the same port, so the car's URL holds)."""

    def __init__(self, folder: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.db = BackendDB(folder / "backend.db")
        self.server = None

    def start(self):
        from headunit_backend.process import ServerProcess

        self.server = ServerProcess(f"sqlite:///{self.db.path}", args=["--port", str(self.port)])
        return self.server

    def items(self, runtime) -> dict:
        return self.db.items(runtime.cloud.client.registration.account_id)


@pytest.fixture
def late_backend(tmp_path, monkeypatch):
    monkeypatch.setattr("headunit.sync.client.SyncSettings", lambda: LOOPBACK)
    backend = LateBackend(tmp_path)
    yield backend
    if backend.server is not None:
        backend.server.stop()


def switch_on(runtimes, qtbot, backend: LateBackend):
    """The car starts as `headunit` starts it: the link opens at the first frame, then the apps load."""
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - types the root object as a window

    runtime = runtimes.start(dpi=dpi_for(1280, 720, SCREEN_PRESETS[(1280, 720)]), drive="parked", backend=backend.url)
    window = runtime.load_window("HeadUnit.Shell", "ShellWindow", shellWidth=1280, shellHeight=720)
    window.show()
    runtime.start_cloud()
    with qtbot.waitSignal(runtime.host.idleLoadFinished, timeout=10_000):
        runtime.host.load_all_in_idle()
    return runtime, window


def linked_and_sent(runtime) -> bool:
    return runtime.cloud.linked and runtime.cloud.online and runtime.cloud.pending == 0


def playlist_names(store) -> list[str]:
    return sorted(row.title for row in store.playlists.rows())


def favourite_titles(store, qtbot) -> list[str]:
    store.showSection("library")
    store.library.openCategory("favourites")
    qtbot.waitUntil(lambda: not store.library.busy, timeout=5000)
    return [row.title for row in store.library.rows.rows()]


def test_playlists_and_favourites_made_before_the_account_is_reached_are_kept_and_reach_it(
        runtimes, qtbot, sound_server, long_library, late_backend, monkeypatch):  # noqa: F811
    monkeypatch.setenv("HEADUNIT_TTS_ENGINE", "mock")
    monkeypatch.setenv("HEADUNIT_MUSIC_DIR", str(long_library))
    runtime, window = switch_on(runtimes, qtbot, late_backend)
    with qtbot.waitSignal(runtime.media.scanFinished, timeout=30_000):
        runtime.start_media()
    store = store_of(runtime)
    play_album(store, qtbot)
    store.toggleFavourite()
    store.createPlaylist("Road trip")
    store.createPlaylist("Commute")
    qtbot.waitUntil(lambda: runtime.cloud.pending == 3, timeout=5000)  # on disk, waiting
    assert not runtime.cloud.linked and not runtime.cloud.online
    runtimes.stop(runtime)

    # Switched on again, the backend still down: everything is there, and a playlist is deleted.
    runtime, window = switch_on(runtimes, qtbot, late_backend)
    store = store_of(runtime)
    qtbot.waitUntil(lambda: playlist_names(store) == ["Commute", "Road trip"], timeout=5000)
    assert favourite_titles(store, qtbot) == ["Slip Road"]
    store.library.openCategory("playlists")
    qtbot.waitUntil(lambda: not store.library.busy and store.library.rows.count == 2, timeout=5000)
    store.library.activate([row.title for row in store.library.rows.rows()].index("Commute"))
    qtbot.waitUntil(lambda: store.library.kind == "playlist", timeout=5000)
    store.library.deletePlaylist()
    qtbot.waitUntil(lambda: runtime.cloud.pending == 4, timeout=5000)
    runtimes.stop(runtime)

    # Switched on a third time; the backend comes up: the account gets what the driver left, once.
    runtime, window = switch_on(runtimes, qtbot, late_backend)
    store = store_of(runtime)
    qtbot.waitUntil(lambda: playlist_names(store) == ["Road trip"], timeout=5000)
    late_backend.start()
    qtbot.waitUntil(lambda: linked_and_sent(runtime), timeout=20_000)
    account = late_backend.items(runtime)
    assert sorted(v["name"] for (c, _), v in account.items() if c == "playlists") == ["Road trip"]
    assert [v["title"] for (c, k), v in account.items() if c == "favourites" and k.startswith("music:")] == \
        ["Slip Road"]
    assert [op.state for op in runtime.cloud.client.outbox.operations()] == ["acked"] * 4
    client = runtime.cloud.client
    client.pull()  # the account's own view comes back: the deleted playlist stays deleted
    assert [v["name"] for v in client.items("playlists").values()] == ["Road trip"]
    settle(qtbot)
    assert playlist_names(store) == ["Road trip"]
    assert find(window, "cloudText").property("text") == ""  # synced: nothing waiting


def test_a_home_set_before_the_account_is_reached_is_kept_and_reaches_it(
        runtimes, qtbot, install_region, sound_server, late_backend, monkeypatch):
    monkeypatch.setenv("HEADUNIT_TTS_ENGINE", "mock")
    install_region("monaco")

    def open_navigation():
        runtime, window = switch_on(runtimes, qtbot, late_backend)
        assert runtime.apps.openApp(NAV)
        settle(qtbot)
        return runtime, runtime.host.record(NAV).context.exposed()["nav"]

    runtime, nav = open_navigation()
    nav.previewTo(*NEAR)
    qtbot.waitUntil(lambda: nav.canStart, timeout=5000)
    nav.setHome()
    qtbot.waitUntil(lambda: runtime.cloud.pending == 1, timeout=5000)
    assert not runtime.cloud.linked
    runtimes.stop(runtime)

    runtime, nav = open_navigation()
    qtbot.waitUntil(lambda: nav.saved.hasHome, timeout=5000)
    late_backend.start()
    qtbot.waitUntil(lambda: linked_and_sent(runtime), timeout=20_000)
    assert late_backend.items(runtime)[("destinations", "home")]["name"] == NEAR[0]
