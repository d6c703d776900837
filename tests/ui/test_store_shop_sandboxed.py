"""The store run sandboxed (`--sandbox-all`), as a third-party plugin runs: its page while parked, and while
driving the shell's list of its driving template (the basket waiting for checkout, at most six rows)."""

from __future__ import annotations

from tests.sandbox.conftest import open_sandboxed, template_rows

STORE = "org.headunit.store"


def test_the_sandboxed_store_shows_its_page_parked_and_its_template_moving(make_shell, qtbot):
    runtime, window = make_shell(800, 480, drive="parked", backend="embedded", sandbox_all=True)
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    open_sandboxed(qtbot, runtime, window, STORE, timeout=30_000)
    qtbot.waitUntil(lambda: "Nothing on order" in template_rows(runtime, STORE), timeout=20_000)
    runtime.simulator.applyDrive("moving")
    qtbot.wait(500)
    rows = template_rows(runtime, STORE)
    assert rows == {"Nothing on order": "Browse the store when parked"}
    assert runtime.host.record(STORE).status == "ok"
