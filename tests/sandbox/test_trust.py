"""Where a plugin came from decides how far it is trusted; without bubblewrap, third-party plugins do not run."""

from __future__ import annotations

from headunit.host.plugin_runtime import IN_PROCESS, SANDBOXED
from headunit.sandbox import bwrap
from tests.sandbox.conftest import OUTSIDE_PLUGINS


def test_the_manifest_cannot_choose_its_trust(runtimes, plugin_factory):
    folder = plugin_factory("org.example.claims")
    (folder / "plugin.toml").write_text((folder / "plugin.toml").read_text().replace(
        'category = "utility"', 'category = "utility"\ntrusted = true\nruntime = "in-process"'))
    runtime = runtimes.start(plugin_paths=(str(plugin_factory.root),))
    record = runtime.host.record(str(folder)) or runtime.host.record("org.example.claims")
    assert record.status == "failed" or record.runtime == SANDBOXED


def test_the_shells_own_plugins_run_in_its_process_and_others_sandboxed(runtimes, plugin_factory):
    plugin_factory("org.example.outside")
    runtime = runtimes.start(plugin_paths=(str(plugin_factory.root),))
    assert runtime.host.record("org.headunit.tripcomputer").runtime == IN_PROCESS
    assert runtime.host.record("org.example.outside").runtime == SANDBOXED
    everything = runtimes.start(plugin_paths=(str(plugin_factory.root),), sandbox_all=True)
    assert everything.host.record("org.headunit.tripcomputer").runtime == SANDBOXED


def test_without_bubblewrap_a_third_party_plugin_fails_with_the_reason(make_shell, qtbot, monkeypatch):
    monkeypatch.setattr(bwrap, "bwrap_path", lambda: None)
    bwrap.available.cache_clear()
    try:
        runtime, window = make_shell(1280, 720, third_party_paths=[OUTSIDE_PLUGINS])
        assert not runtime.apps.openApp("org.example.rogue")
        record = runtime.host.record("org.example.rogue")
        assert record.status == "failed"
        assert "run only in a sandbox, and bubblewrap (bwrap) is not installed" in record.reason
        assert runtime.host.record("org.headunit.tripcomputer").status == "ok"
    finally:
        bwrap.available.cache_clear()


def test_the_emulator_may_run_them_unsandboxed_when_told_and_says_so(make_shell, qtbot, monkeypatch):
    from PySide6.QtQuick import QQuickItem

    monkeypatch.setattr(bwrap, "bwrap_path", lambda: None)
    bwrap.available.cache_clear()
    try:
        runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[OUTSIDE_PLUGINS], unsandboxed=True)
        banner = next(i for i in window.findChildren(QQuickItem, "unsandboxedBanner"))
        assert banner.isVisible()
        assert runtime.apps.openApp("org.example.rogue")
        qtbot.waitUntil(lambda: runtime.sandbox.isReady("org.example.rogue", 0), timeout=15_000)
        assert runtime.sandbox.pageTemplate("org.example.rogue", 0)["title"] == "Rogue's picks"
    finally:
        bwrap.available.cache_clear()
