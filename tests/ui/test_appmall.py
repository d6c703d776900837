"""The app mall and the shell's consent sheet: the app asks, the driver decides on the shell's sheet, the shell
installs. Real signed packages, the real installer, the shell drawn offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from headunit import paths
from headunit.packages.installer import Installer
from tests.shell import descendants, find, settle
from tests.ui.appmall_packages import PackageShelf, make_package

MALL = "org.headunit.appmall"
APP = "com.example.timer"


def tap(window, item) -> None:
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(centre.x()), int(centre.y())))


def within(item, name: str) -> list:
    return [i for i in descendants(item) if i.objectName() == name]


def scroll_to(item) -> None:
    """Scroll the list that holds `item` until it is on screen, as a driver's swipe would."""
    flick = item.parentItem()
    while flick is not None and flick.property("contentHeight") is None:
        flick = flick.parentItem()
    top = item.mapToItem(flick.property("contentItem"), QPointF(0, 0)).y()
    most = max(0.0, flick.property("contentHeight") - flick.height())
    flick.setProperty("contentY", min(most, max(0.0, top - 20)))


def installed_versions() -> dict[str, str]:
    return {i.id: i.version for i in Installer().installed()}


@pytest.fixture
def shelf(tmp_path):
    shelf = PackageShelf()
    shelf.publish(make_package(tmp_path / "packages", APP, "1.0.0", ("storage",)))
    return shelf


@pytest.fixture
def mall_shell(make_shell, shelf, qtbot):
    def make(size=(800, 480), **options):
        runtime, window = make_shell(*size, **options)
        runtime.packages.set_store(shelf)
        assert runtime.apps.openApp(MALL)
        mall = runtime.host.record(MALL).instance.mall
        mall.refresh()
        qtbot.waitUntil(lambda: mall.total == len(shelf.listings), timeout=10_000)
        outcomes: list[tuple[str, dict]] = []
        runtime.packages.outcome.connect(lambda rid, plugin, state, details: outcomes.append((state, details)))
        settle(qtbot)
        return runtime, window, mall, outcomes
    return make


def sheet_asking(runtime, qtbot) -> None:
    qtbot.waitUntil(lambda: runtime.packages.stage == "consent", timeout=10_000)
    settle(qtbot)


def test_the_app_installs_nothing_until_the_driver_taps_install_on_the_shells_sheet(mall_shell, qtbot):
    runtime, window, mall, outcomes = mall_shell()
    tap(window, find(window, f"mallApp:{APP}"))
    settle(qtbot)
    assert mall.appId == APP
    assert find(window, "mallCapability:storage").property("text") == "Storage"
    tap(window, find(window, "mallInstall"))
    sheet_asking(runtime, qtbot)

    assert find(window, "consentSheet").isVisible()
    assert find(window, "consentTitle").property("text") == "Install Parking timer?"
    assert find(window, "consentCapability:storage").property("text") == "Storage"
    assert "App mall" in find(window, "consentAskedBy").property("text")
    qtbot.wait(500)  # the sheet waits: nothing is installed meanwhile
    assert installed_versions() == {}
    assert not (paths.user_plugins_dir() / APP).exists()
    assert [s for s, _ in outcomes] == ["downloading", "waiting_for_consent"]

    # The app asking again while the sheet is up gets no second sheet, and no way past this one.
    mall.installApp(APP)
    assert runtime.packages.stage == "consent" and installed_versions() == {}

    tap(window, find(window, "consentConfirm"))
    qtbot.waitUntil(lambda: runtime.packages.stage == "done", timeout=10_000)
    assert installed_versions() == {APP: "1.0.0"}
    assert (paths.user_plugins_dir() / APP / "plugin.toml").is_file()
    assert outcomes[-1][0] == "installed"
    # The shell runs it as a third-party app now, and the mall says so.
    record = runtime.host.record(APP)
    assert record is not None and record.origin == "user" and record.runtime == "sandboxed"
    assert APP in runtime.apps.launchable
    qtbot.waitUntil(lambda: mall.app.get("installed_version") == "1.0.0", timeout=5000)
    assert mall.statusText == "Installed"
    tap(window, find(window, "consentDone"))
    settle(qtbot)
    assert not find(window, "consentSheet").isVisible()


def test_declined_on_the_sheet_installs_nothing(mall_shell, qtbot):
    runtime, window, mall, outcomes = mall_shell()
    mall.openApp(APP)
    mall.install()
    sheet_asking(runtime, qtbot)
    tap(window, find(window, "consentCancel"))
    qtbot.waitUntil(lambda: outcomes and outcomes[-1][0] == "declined_by_driver", timeout=5000)
    settle(qtbot)
    assert not find(window, "consentSheet").isVisible()
    assert installed_versions() == {}
    assert not (paths.user_plugins_dir() / APP).exists()
    assert runtime.host.record(APP) is None
    assert mall.statusText == "Nothing was changed"


def test_an_update_that_adds_location_shows_before_and_after_and_waits(mall_shell, shelf, qtbot, tmp_path):
    runtime, window, mall, outcomes = mall_shell(size=(1280, 720))
    mall.openApp(APP)
    mall.install()
    sheet_asking(runtime, qtbot)
    runtime.packages.confirm()
    qtbot.waitUntil(lambda: runtime.packages.stage == "done", timeout=10_000)
    runtime.packages.cancel()

    shelf.publish(make_package(tmp_path / "packages", APP, "1.1.0", ("storage", "location")))
    mall.refresh()
    qtbot.waitUntil(lambda: mall.updatesCount == 1, timeout=5000)
    assert mall.app["badge"] == "Update"
    settle(qtbot)
    assert find(window, "mallCapability:location").property("text") == "Location (new in the update)"
    assert find(window, "mallCapability:storage").property("text") == "Storage"
    mall.install()
    sheet_asking(runtime, qtbot)

    assert find(window, "consentTitle").property("text") == "Update Parking timer?"
    assert find(window, "consentVersion").property("text") == "Version 1.0.0 → 1.1.0"
    assert find(window, "consentBefore").isVisible() and find(window, "consentAfter").isVisible()
    before, after = find(window, "consentBefore"), find(window, "consentAfter")
    assert [i.property("text") for i in within(before, "consentCapability:storage")] == ["Storage"]
    assert within(before, "consentCapability:location") == []
    assert [i.property("text") for i in within(after, "consentCapability:location")] == ["Location (new)"]
    assert [i.property("text") for i in within(after, "consentCapability:storage")] == ["Storage"]
    assert "waits until you allow it" in find(window, "consentLead").property("text")
    qtbot.wait(500)
    assert installed_versions() == {APP: "1.0.0"}  # waiting for consent: the running version stays

    tap(window, find(window, "consentConfirm"))
    qtbot.waitUntil(lambda: runtime.packages.stage == "done", timeout=10_000)
    assert installed_versions() == {APP: "1.1.0"}
    assert sorted(runtime.host.record(APP).manifest.capabilities) == ["location", "storage"]
    assert outcomes[-1] == ("installed", {"app_id": APP, "version": "1.1.0"})


def test_installing_while_moving_is_refused_and_moving_off_closes_the_sheet(mall_shell, qtbot):
    runtime, window, mall, outcomes = mall_shell(drive="moving")
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    mall.openApp(APP)
    settle(qtbot)
    button = find(window, "mallInstall")
    assert button.isVisible() and not button.isEnabled()
    assert find(window, "mallActionNote").property("text") == "Installing and removing apps is available when parked"

    mall.install()  # asked all the same: the shell refuses
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    assert outcomes == [("declined_by_driver", {"app_id": APP, "reason": "not-parked"})]
    assert not runtime.packages.shown and toasts == ["Installing apps needs the car parked"]

    # Parked, the sheet comes up; driving off before the tap closes it and installs nothing.
    runtime.simulator.applyDrive("parked")
    qtbot.waitUntil(lambda: mall.parked, timeout=5000)
    mall.install()
    sheet_asking(runtime, qtbot)
    runtime.simulator.applyDrive("moving")
    qtbot.waitUntil(lambda: not runtime.packages.shown, timeout=5000)
    assert outcomes[-1] == ("declined_by_driver", {"app_id": APP, "reason": "not-parked"})
    runtime.packages.confirm()  # a late tap does nothing
    qtbot.wait(300)
    assert installed_versions() == {}


def install(runtime, qtbot, app_id=APP) -> None:
    runtime.packages.request("headunit", "install", app_id)
    sheet_asking(runtime, qtbot)
    runtime.packages.confirm()
    qtbot.waitUntil(lambda: runtime.packages.stage in ("done", "failed"), timeout=10_000)
    assert runtime.packages.stage == "done", runtime.packages.reason
    runtime.packages.cancel()


def open_apps_settings(runtime, window, qtbot):
    runtime.apps.openSettings("apps")
    settle(qtbot)
    row = find(window, f"appRow:{APP}")
    scroll_to(row)
    settle(qtbot)
    return row


@pytest.mark.parametrize("keep", [True, False], ids=["keep-data", "delete-data"])
def test_uninstall_from_settings_keeps_or_deletes_the_data(mall_shell, qtbot, keep):
    runtime, window, mall, outcomes = mall_shell(size=(1280, 720))
    install(runtime, qtbot)
    data = paths.data_dir() / "plugin-data" / APP
    data.mkdir(parents=True, exist_ok=True)
    (data / "tickets.json").write_text("[1]")

    row = open_apps_settings(runtime, window, qtbot)
    tap(window, within(row, "uninstallButton")[0])
    sheet_asking(runtime, qtbot)
    assert find(window, "consentTitle").property("text") == "Uninstall Parking timer?"
    assert find(window, "consentKeepData").isVisible() and find(window, "consentDeleteData").isVisible()
    assert not find(window, "consentConfirm").isVisible()
    tap(window, find(window, "consentKeepData" if keep else "consentDeleteData"))
    qtbot.waitUntil(lambda: runtime.packages.stage == "done", timeout=10_000)

    assert installed_versions() == {}
    assert not (paths.user_plugins_dir() / APP).exists()
    assert runtime.host.record(APP) is None and APP not in runtime.apps.launchable
    assert (data / "tickets.json").exists() == keep
    assert outcomes[-1] == ("uninstalled", {"app_id": APP, "keep_data": keep})


def test_rollback_brings_back_the_previous_version_and_its_data(mall_shell, shelf, qtbot, tmp_path):
    runtime, window, mall, outcomes = mall_shell(size=(1280, 720))
    install(runtime, qtbot)
    data = paths.data_dir() / "plugin-data" / APP
    data.mkdir(parents=True, exist_ok=True)
    (data / "tickets.json").write_text("saved by 1.0.0")
    shelf.publish(make_package(tmp_path / "packages", APP, "1.0.1", ("storage",)))
    mall.refresh()
    qtbot.waitUntil(lambda: mall.updatesCount == 1, timeout=5000)
    install(runtime, qtbot)
    (data / "tickets.json").write_text("saved by 1.0.1")

    # The newer version keeps stopping: the shell turns it off, says why and offers the previous one.
    runtime.host.disable_after_crashes(APP, "stopped 3 times in 10 minutes")
    row = open_apps_settings(runtime, window, qtbot)
    assert "stopped 3 times in 10 minutes" in within(row, "disabledReason")[0].property("text")
    (rollback,) = within(row, "rollbackButton")
    assert rollback.isVisible() and rollback.property("text") == "Roll back to 1.0.0"
    tap(window, rollback)
    sheet_asking(runtime, qtbot)
    assert find(window, "consentTitle").property("text") == "Roll back Parking timer?"
    assert "1.0.0" in find(window, "consentExplain").property("text")
    tap(window, find(window, "consentConfirm"))
    qtbot.waitUntil(lambda: runtime.packages.stage == "done", timeout=10_000)

    assert installed_versions() == {APP: "1.0.0"}
    assert (data / "tickets.json").read_text() == "saved by 1.0.0"
    assert runtime.host.record(APP).manifest.version == "1.0.0"
    assert outcomes[-1][0] == "rolled_back"


def test_a_plugin_without_the_install_capability_cannot_reach_the_packages(make_shell, plugin_factory):
    from headunit.sdk import PermissionDenied

    plugin_factory("org.example.sneaky", python="""
        from headunit.sdk import Plugin

        class Main(Plugin):
            def start(self, ctx):
                self.ctx = ctx
    """, capabilities=("network",))
    runtime, window = make_shell(plugin_paths=[plugin_factory.root])
    ctx = runtime.host.record("org.example.sneaky").instance.ctx
    with pytest.raises(PermissionDenied):
        ctx.packages.install(APP)


def test_while_moving_the_list_keeps_to_six_rows_typing_waits_and_the_template_says_when(make_shell, tmp_path,
                                                                                         qtbot):
    from headunit.sandbox.templates import validate_page, validate_tile

    shelf = PackageShelf()
    for n in range(9):
        shelf.publish(make_package(tmp_path / f"p{n}", f"com.example.app{n}", "1.0.0", ("storage",),
                                   name=f"App {n}"))
    runtime, window = make_shell(1280, 720, drive="moving")
    runtime.packages.set_store(shelf)
    assert runtime.apps.openApp(MALL)
    plugin = runtime.host.record(MALL).instance
    plugin.mall.refresh()
    qtbot.waitUntil(lambda: plugin.mall.total == 9, timeout=10_000)
    settle(qtbot)

    rows = [i for i in descendants(window.contentItem()) if i.objectName().startswith("mallApp:") and i.isVisible()]
    assert 0 < len(rows) <= 6
    assert find(window, "mallMoreWhenParked").isVisible()
    assert find(window, "mallMoreWhenParked").property("text") == f"{9 - len(rows)} more when parked"
    search = find(window, "mallSearch")
    assert within(search, "typingWhenParked")[0].isVisible()
    assert not within(search, "textEntryField")[0].isVisible()

    # What the shell draws for the mall when it runs sandboxed: valid, within the driving limits.
    page = validate_page(plugin.ctx.templates.page_stack[-1])
    assert page["kind"] == "list" and len(page["rows"]) <= 6
    assert page["rows"][-1]["title"] == "Install and update when parked"
    assert validate_tile(plugin.ctx.templates.tile_data)["title"] == "App mall"

    runtime.simulator.applyDrive("parked")
    qtbot.waitUntil(lambda: not find(window, "mallMoreWhenParked").isVisible(), timeout=5000)
    settle(qtbot)
    assert len([i for i in descendants(window.contentItem()) if i.objectName().startswith("mallApp:")]) == 9


def test_a_tap_landing_just_as_the_sheet_asks_installs_nothing(mall_shell, qtbot):
    runtime, window, mall, outcomes = mall_shell()
    mall.openApp(APP)
    mall.install()
    qtbot.waitUntil(lambda: runtime.packages.stage == "consent", timeout=10_000)
    qtbot.wait(50)  # laid out, in sight for a blink: a tap meant for the page below arrives now
    tap(window, find(window, "consentConfirm"))
    qtbot.wait(500)
    assert runtime.packages.stage == "consent" and installed_versions() == {}
    tap(window, find(window, "consentConfirm"))  # a deliberate tap, once the sheet has been seen
    qtbot.waitUntil(lambda: runtime.packages.stage == "done", timeout=10_000)
    assert installed_versions() == {APP: "1.0.0"}


def test_sandboxed_the_mall_reads_the_catalog_and_asks_through_the_shell_which_checks_its_manifest(
        make_shell, shelf, plugin_factory, qtbot):
    from headunit.sdk import PermissionDenied
    from tests.sandbox.conftest import open_sandboxed, template_rows

    plugin_factory("org.example.sneaky", python="""
        from headunit.sdk import Plugin

        class Main(Plugin):
            def start(self, ctx):
                pass
    """, capabilities=("network",))
    runtime, window = make_shell(800, 480, drive="moving", sandbox_all=True, third_party_paths=[plugin_factory.root])
    runtime.packages.set_store(shelf)
    open_sandboxed(qtbot, runtime, window, MALL)
    # Its driving template counts the apps it read through the channel, and follows the store.
    qtbot.waitUntil(lambda: template_rows(runtime, MALL).get("Install and update when parked") == "Apps in the mall: 1",
                    timeout=15_000)

    # Asking goes through the shell's desk, which shows the sheet only while parked; the app never installs.
    calls = next(h for h in runtime.sandbox.call_handlers if hasattr(h, "_call_packages_request"))
    outcomes = []
    runtime.packages.outcome.connect(lambda rid, plugin, state, details: outcomes.append((plugin, state)))
    calls._call_packages_request(MALL, {"action": "install", "app_id": APP})
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    assert outcomes == [(MALL, "declined_by_driver")] and installed_versions() == {}
    runtime.simulator.applyDrive("parked")
    qtbot.waitUntil(lambda: runtime.driving.parked, timeout=5000)
    calls._call_packages_request(MALL, {"action": "install", "app_id": APP})
    sheet_asking(runtime, qtbot)
    assert find(window, "consentSheet").isVisible() and installed_versions() == {}
    runtime.packages.cancel()

    # A sandboxed plugin without the install capability is refused by the shell, whatever its process sends.
    with pytest.raises(PermissionDenied):
        calls._call_packages_request("org.example.sneaky", {"action": "install", "app_id": APP})
    with pytest.raises(PermissionDenied):
        calls._call_packages_catalog("org.example.sneaky", {})
