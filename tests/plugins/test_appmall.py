"""The app mall against the real embedded backend on loopback: its demo apps read through the signed catalog,
installed on the driver's consent, an update published to the store that adds location held until the driver
allows it, a version the store withdraws disabled at the next refresh, and the catalog kept for offline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from headunit import paths
from headunit.packages import format as package_format
from headunit.packages import signing
from headunit.packages.installer import Installer
from headunit_backend.apps_demo import DEMO_APPS, DEMO_DEVELOPER_KEY
from tests.shell import find, settle

MALL = "org.headunit.appmall"
TIMER = "com.example.parkingtimer"


def backend_cli(*args: str) -> None:
    """`headunit-backend apps …` on the embedded backend's own database, as its operator would run it."""
    db = f"sqlite:///{paths.data_dir() / 'embedded-backend' / 'backend.db'}"
    subprocess.run([sys.executable, "-m", "headunit_backend", "apps", *args, "--db", db], check=True,
                   capture_output=True, timeout=120)


def publish_timer_update(tmp_path: Path, version: str, capabilities: list[str]) -> None:
    """The parking timer's developer ships `version`, asking for `capabilities`."""
    folder = tmp_path / version / TIMER
    shutil.copytree(DEMO_APPS / TIMER, folder)
    manifest = (folder / "plugin.toml").read_text(encoding="utf-8")
    manifest = manifest.replace('version = "1.0.0"', f'version = "{version}"')
    caps = ", ".join(f'"{c}"' for c in capabilities)
    manifest = manifest.replace('api = 1\n', f'api = 1\ncapabilities = [{caps}]\n', 1)
    (folder / "plugin.toml").write_text(manifest, encoding="utf-8")
    package = package_format.pack(folder, tmp_path / "out")
    signing.sign(package, DEMO_DEVELOPER_KEY, role="developer")
    backend_cli("publish", str(package))


def installed() -> dict[str, tuple[str, bool]]:
    return {i.id: (i.version, i.revoked) for i in Installer().installed()}


@pytest.fixture
def online_mall(make_shell, qtbot):
    runtime, window = make_shell(1280, 720, backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    assert runtime.apps.openApp(MALL)
    mall = runtime.host.record(MALL).instance.mall
    mall.refresh()
    qtbot.waitUntil(lambda: mall.total >= 2 and not mall.refreshing, timeout=60_000)
    outcomes: list[tuple[str, dict]] = []
    runtime.packages.outcome.connect(lambda rid, plugin, state, details: outcomes.append((state, details)))
    return runtime, window, mall, outcomes


def consent(runtime, qtbot, answer: bool = True) -> None:
    qtbot.waitUntil(lambda: runtime.packages.stage in ("consent", "failed"), timeout=30_000)
    assert runtime.packages.stage == "consent", runtime.packages.reason
    settle(qtbot)
    if answer:
        runtime.packages.confirm()
        qtbot.waitUntil(lambda: runtime.packages.stage in ("done", "failed"), timeout=30_000)
        assert runtime.packages.stage == "done", runtime.packages.reason
    runtime.packages.cancel()


def test_the_stores_demo_apps_are_listed_and_one_installs_after_consent(online_mall, qtbot):
    runtime, window, mall, outcomes = online_mall
    titles = [row["title"] for row in mall.rows]
    assert "Parking timer" in titles and "Units" in titles
    timer = next(row for row in mall.rows if row["id"] == TIMER)
    assert timer["subtitle"].startswith("★ 4.4") and timer["trailing"] == ""

    mall.openApp(TIMER)
    assert mall.app["ratingText"] == "★ 4.4 · 48 ratings" and mall.app["versionText"] == "Version 1.0.0"
    assert len(mall.app["screenshots"]) == 2 and mall.app["screenshots"][0].startswith("http://127.0.0.1:")
    mall.install()
    qtbot.waitUntil(lambda: runtime.packages.stage == "consent", timeout=30_000)
    settle(qtbot)
    assert find(window, "consentTitle").property("text") == "Install Parking timer?"
    assert installed() == {}
    consent(runtime, qtbot)

    assert installed() == {TIMER: ("1.0.0", False)}
    assert Installer().installed()[0].source == "store"
    qtbot.waitUntil(lambda: mall.app.get("badge") == "Installed", timeout=5000)
    assert runtime.host.record(TIMER).runtime == "sandboxed"


def test_an_update_adding_location_waits_for_consent_then_installs(online_mall, qtbot, tmp_path):
    runtime, window, mall, outcomes = online_mall
    mall.openApp(TIMER)
    mall.install()
    consent(runtime, qtbot)

    publish_timer_update(tmp_path, "1.1.0", ["location", "storage"])
    mall.refresh()
    qtbot.waitUntil(lambda: mall.updatesCount == 1, timeout=60_000)
    mall.showSection("updates")
    assert [row["id"] for row in mall.rows] == [TIMER]
    mall.openApp(TIMER)
    assert mall.app["versionText"] == "Version 1.0.0 installed, 1.1.0 available"

    mall.install()
    qtbot.waitUntil(lambda: runtime.packages.stage == "consent", timeout=30_000)
    settle(qtbot)
    assert [c["capability"] for c in runtime.packages.capabilities if c["added"]] == ["location", "storage"]
    assert find(window, "consentAfter").isVisible()
    runtime.packages.cancel()  # not now
    qtbot.waitUntil(lambda: outcomes[-1][0] == "declined_by_driver", timeout=5000)
    assert installed() == {TIMER: ("1.0.0", False)}

    mall.install()
    consent(runtime, qtbot)
    assert installed() == {TIMER: ("1.1.0", False)}
    assert sorted(runtime.host.record(TIMER).manifest.capabilities) == ["location", "storage"]


def test_a_version_the_store_withdraws_is_disabled_at_the_next_refresh(online_mall, qtbot):
    runtime, window, mall, outcomes = online_mall
    mall.openApp(TIMER)
    mall.install()
    consent(runtime, qtbot)
    assert runtime.host.record(TIMER) is not None

    backend_cli("revoke", TIMER, "1.0.0", "--reason", "it drained the battery")
    mall.refresh()
    qtbot.waitUntil(lambda: installed().get(TIMER, ("", False))[1], timeout=60_000)
    qtbot.waitUntil(lambda: runtime.host.record(TIMER) is None, timeout=5000)
    assert TIMER not in runtime.apps.launchable
    assert TIMER not in [row["id"] for row in mall.rows]  # the store lists no version of it now


def test_the_catalog_shows_offline_as_last_seen(online_mall, make_shell, qtbot):
    runtime, window, mall, outcomes = online_mall
    seen = sorted(row["id"] for row in mall.rows)
    runtime2, window2 = make_shell(800, 480, backend="none")
    assert runtime2.apps.openApp(MALL)
    offline = runtime2.host.record(MALL).instance.mall
    assert sorted(row["id"] for row in offline.rows) == seen


def test_a_withdrawn_version_is_disabled_at_the_next_link_up_without_the_mall_opened(online_mall, make_shell, qtbot):
    runtime, window, mall, outcomes = online_mall
    mall.openApp(TIMER)
    mall.install()
    consent(runtime, qtbot)
    backend_cli("revoke", TIMER, "1.0.0", "--reason", "it drained the battery")
    runtime.cloud.stop()  # the first drive ends: its backend process with it

    # The next drive: the shell links to the backend again; nobody opens the app mall.
    again, _ = make_shell(1280, 720, backend="embedded")
    assert TIMER in again.apps.launchable  # still installed until the store is asked
    told: list[str] = []
    again.notifications.toast.connect(lambda text, level: told.append(text))
    again.start_cloud()
    assert again.cloud.wait_ready(timeout=60), again.cloud.error
    qtbot.waitUntil(lambda: installed().get(TIMER, ("", False))[1], timeout=60_000)
    qtbot.waitUntil(lambda: TIMER not in again.apps.launchable, timeout=5000)
    assert again.apps.currentApp == ""
    assert told == ["Parking timer was withdrawn by the store and is turned off"]
