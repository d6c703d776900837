"""The shell's link to the backend: the emulator's embedded backend, the status bar, the network switch,
plugins' writes through ctx.cloud and the data each app used."""

from __future__ import annotations

import socket
import time

import pytest

from headunit.sdk import CloudUnavailable, PermissionDenied
from tests.shell import descendants, find, settle

SHOP = """
    from headunit.sdk import Plugin

    class Main(Plugin):
        def start(self, ctx):
            self.ctx = ctx
"""


@pytest.fixture
def shell_with_backend(make_shell, plugin_factory, qtbot):
    plugin_factory("org.example.shop", python=SHOP, capabilities=("network",))
    runtime, window = make_shell(1280, 720, plugin_paths=[plugin_factory.root], backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    return runtime, window


def shop(runtime):
    return runtime.host.record("org.example.shop").context


def test_the_emulator_brings_its_own_backend_and_the_status_bar_shows_the_link(shell_with_backend, qtbot):
    runtime, window = shell_with_backend
    assert runtime.cloud.url.startswith("http://127.0.0.1:")
    qtbot.waitUntil(lambda: find(window, "cloudState").isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: runtime.cloud.online, timeout=5000)
    assert find(window, "cloudText").property("text") == ""  # synced: nothing to say


def test_offline_the_status_bar_gives_the_datas_age_as_the_apps_do(shell_with_backend, qtbot):
    """Seconds after the last answer the bar says "just now", in the words the weather tile uses for its age."""
    runtime, window = shell_with_backend
    qtbot.waitUntil(lambda: runtime.cloud.client.status().last_sync is not None, timeout=5000)  # the first pull
    runtime.simulator.setNetwork(False)
    qtbot.waitUntil(lambda: not runtime.cloud.online, timeout=5000)
    settle(qtbot)
    assert find(window, "cloudText").property("text") == "just now"


def test_offline_writes_wait_in_the_outbox_and_leave_when_the_network_returns(shell_with_backend, qtbot):
    runtime, window = shell_with_backend
    cloud = shop(runtime).cloud
    runtime.simulator.setNetwork(False)
    qtbot.waitUntil(lambda: not runtime.cloud.online, timeout=5000)

    finished = []
    cloud.finished.connect(lambda op_id, state, status: finished.append((op_id, state, status)))
    op_id = cloud.put("favourites", "casino", {"name": "Casino de Monte-Carlo"})
    qtbot.waitUntil(lambda: runtime.cloud.pending == 1, timeout=5000)
    settle(qtbot)
    assert find(window, "cloudText").property("text") == "1 waiting"
    assert cloud.items("favourites") == {"casino": {"name": "Casino de Monte-Carlo"}}  # shown at once, offline
    assert runtime.cloud.client.bytes_by_plugin().get("org.example.shop", (0, 0)) == (0, 0)  # nothing left the car

    runtime.simulator.setNetwork(True)
    qtbot.waitUntil(lambda: runtime.cloud.pending == 0, timeout=10_000)
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert finished == [(op_id, "acked", 200)]
    up, down = runtime.cloud.client.bytes_by_plugin()["org.example.shop"]
    assert up > 0 and down > 0


def test_diagnostics_show_the_data_each_app_used(shell_with_backend, qtbot):
    """Settings › About › Diagnostics (not the driver's Apps page) tells how much each app sent and received."""
    runtime, window = shell_with_backend
    reading = shop(runtime).cloud.get("/v1/weather", {"lat": 43.74, "lon": 7.42})
    assert reading.data["demo"] is True and reading.age_seconds < 60
    runtime.simulator.setNetwork(False)  # a status change brings the counters to the shell
    qtbot.waitUntil(lambda: runtime.cloud.bytesOf("org.example.shop")[1] > 0, timeout=5000)
    find(window, "shell").setProperty("overlay", "settings")
    runtime.apps.openSettings("diagnostics")
    settle(qtbot)
    row = find(window, "diagnosticsApp:org.example.shop")
    label = next(i for i in descendants(row) if i.objectName() == "dataUsed")
    assert label.isVisible()
    assert " sent, " in label.property("text") and "0 B received" not in label.property("text")


def test_a_plugin_needs_the_payments_capability_to_move_money(shell_with_backend):
    runtime, _ = shell_with_backend
    with pytest.raises(PermissionDenied, match="payments"):
        shop(runtime).cloud.submit("payments", "POST", "/v1/orders", {"items": []})


def test_without_a_backend_reads_get_a_clear_error_and_user_data_stays_on_the_car(make_shell, plugin_factory):
    plugin_factory("org.example.shop", python=SHOP, capabilities=("network",))
    runtime, window = make_shell(plugin_paths=[plugin_factory.root])
    runtime.start_cloud()
    with pytest.raises(CloudUnavailable, match="no backend"):
        shop(runtime).cloud.get("/v1/weather")
    shop(runtime).cloud.put("favourites", "casino", 1)  # the car's local profile keeps it
    assert shop(runtime).cloud.items("favourites") == {"casino": 1}
    assert runtime.cloud.localProfile and not runtime.cloud.available and not runtime.cloud.linked
    assert not find(window, "cloudState").isVisible()


def unreachable_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_a_backend_that_does_not_answer_at_first_start_still_takes_writes(make_shell, plugin_factory, qtbot):
    """The car's first start, the account never reached: writes go to disk at once and wait, reads say there is
    nothing to show, and the status bar says nothing is synced."""
    plugin_factory("org.example.shop", python=SHOP, capabilities=("network",))
    runtime, window = make_shell(plugin_paths=[plugin_factory.root], backend=unreachable_url())
    runtime.start_cloud()
    cloud = shop(runtime).cloud
    cloud.put("favourites", "casino", {"name": "Casino de Monte-Carlo"})  # waits for the database, not the backend
    assert cloud.items("favourites") == {"casino": {"name": "Casino de Monte-Carlo"}}
    with pytest.raises(CloudUnavailable, match="not reached yet"):
        cloud.get("/v1/weather", {"lat": 43.74, "lon": 7.42})
    qtbot.waitUntil(lambda: runtime.cloud.pending == 1, timeout=5000)
    settle(qtbot)
    assert runtime.cloud.available and not runtime.cloud.linked and not runtime.cloud.online
    assert runtime.cloud.error == ""
    assert find(window, "cloudText").property("text") == "1 waiting"
    assert not runtime.cloud.wait_ready(timeout=0.5)


def test_a_corrupt_profile_database_is_a_clear_error_not_a_crash(make_shell, plugin_factory, qtbot):
    from headunit import paths

    plugin_factory("org.example.shop", python=SHOP, capabilities=("network",))
    runtime, window = make_shell(plugin_paths=[plugin_factory.root], backend=unreachable_url())
    database = paths.data_dir() / "profiles" / "default" / "sync.db"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"not a database" * 100)
    runtime.start_cloud()
    with pytest.raises(CloudUnavailable, match="not a usable sync database"):
        shop(runtime).cloud.put("favourites", "casino", 1)
    assert not runtime.cloud.wait_ready(timeout=5)
    assert str(database) in runtime.cloud.error and not runtime.cloud.available
    assert list(database.parent.glob("sync.db.corrupt-*"))  # kept aside, for support
    assert runtime.host.record("org.example.shop").status == "ok"


def test_a_second_process_on_the_same_profile_is_told_so(make_shell, plugin_factory, tmp_path):
    from headunit import paths
    from headunit.sync import SyncClient

    plugin_factory("org.example.shop", python=SHOP, capabilities=("network",))
    runtime, window = make_shell(plugin_paths=[plugin_factory.root], backend=unreachable_url())
    other = SyncClient(None, paths.data_dir() / "profiles" / "default")
    other.start(device_name="other")
    try:
        runtime.start_cloud()
        with pytest.raises(CloudUnavailable, match="another process"):
            shop(runtime).cloud.items("favourites")
    finally:
        other.close()


def test_the_status_bar_counts_writes_made_right_after_the_link_came_up(make_shell, plugin_factory, qtbot):
    """Status reports from the start-up thread must never overwrite newer ones made on the GUI thread."""
    plugin_factory("org.example.shop", python=SHOP, capabilities=("network",))
    runtime, window = make_shell(plugin_paths=[plugin_factory.root], backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    shop(runtime).cloud.get("/v1/weather", {"lat": 43.74, "lon": 7.42})  # meanwhile start-up reports arrive
    runtime.simulator.setNetwork(False)
    deadline = time.monotonic() + 5
    while runtime.cloud.client.online:  # the switch reaches the client on its own thread; no events run here
        assert time.monotonic() < deadline
        time.sleep(0.01)
    for n in range(3):
        shop(runtime).cloud.put("favourites", f"place-{n}", n)
    settle(qtbot)
    assert (runtime.cloud.online, runtime.cloud.pending) == (False, 3)
    assert find(window, "cloudText").property("text") == "3 waiting"
