"""`headunit emulator --dev DIR`: edits to the plugin show on screen, the emulator goes on as it was, and a broken
save shows why until the next good one."""

from __future__ import annotations

import time

from headunit.sandbox import bwrap

from tests.devmode.conftest import (PAGE, PLUGIN_ID, PY_ORANGE, PY_PURPLE, QML_BLUE, QML_GREEN, save_atomically,
                                    wait_for_colour, write_main)


def test_a_qml_edit_shows_within_a_second_and_keeps_the_plugins_python(dev_shell, qtbot, hello_plugin):
    runtime, window, reloader = dev_shell()
    written = time.monotonic()
    save_atomically(hello_plugin / "qml" / "Main.qml", PAGE % {"qml_color": QML_GREEN, "greeting": "Hello v2"})
    seconds = wait_for_colour(qtbot, window, "top", QML_GREEN)
    elapsed = time.monotonic() - written
    print(f"\nQML edit on screen after {elapsed * 1000:.0f} ms")
    assert elapsed < 1.0
    assert seconds <= elapsed
    # The plugin's Python was not restarted: the lower half still comes from the same object.
    wait_for_colour(qtbot, window, "bottom", PY_ORANGE, timeout_s=0.5)
    assert runtime.apps.currentApp == PLUGIN_ID


def test_a_python_edit_restarts_the_plugin_and_its_page_shows_again(dev_shell, qtbot, hello_plugin):
    runtime, window, reloader = dev_shell()
    written = time.monotonic()
    write_main(hello_plugin, py_color=PY_PURPLE, py_greeting="from Python v2")
    wait_for_colour(qtbot, window, "bottom", PY_PURPLE, timeout_s=10)
    elapsed = time.monotonic() - written
    print(f"\nPython edit on screen after {elapsed * 1000:.0f} ms")
    assert runtime.apps.currentApp == PLUGIN_ID
    wait_for_colour(qtbot, window, "top", QML_BLUE, timeout_s=0.5)


def test_the_car_and_the_shell_are_as_they_were_after_reloads(dev_shell, qtbot, hello_plugin):
    runtime, window, reloader = dev_shell()
    runtime.simulator.setPosition(60.1699, 24.9384)
    runtime.simulator.applyDrive("idling")
    runtime.settings.set("distanceUnit", "mi")
    qtbot.waitUntil(lambda: runtime.driving.state == "idling", timeout=3000)

    def state():
        return (round(runtime.vehicle.latitude, 6), round(runtime.vehicle.longitude, 6), runtime.driving.state,
                runtime.vehicle.gear, runtime.settings.get("distanceUnit"), runtime.apps.currentApp)

    before = state()
    assert before[:3] == (60.1699, 24.9384, "idling") and before[-1] == PLUGIN_ID
    save_atomically(hello_plugin / "qml" / "Main.qml", PAGE % {"qml_color": QML_GREEN, "greeting": "Hello v2"})
    qtbot.wait(400)
    write_main(hello_plugin, py_color=PY_PURPLE)
    qtbot.waitUntil(lambda: reloader.restarts_done == 1, timeout=10_000)
    assert state() == before
    # Both edits took: parked, the page shows them.
    runtime.simulator.applyDrive("parked")
    wait_for_colour(qtbot, window, "top", QML_GREEN)
    wait_for_colour(qtbot, window, "bottom", PY_PURPLE)


def _banner_text(window) -> str:
    from PySide6.QtQuick import QQuickItem

    banner = window.findChild(QQuickItem, "devBanner")
    text = window.findChild(QQuickItem, "devFailure")
    return str(text.property("text")) if banner is not None and banner.isVisible() else ""


def test_a_python_syntax_error_shows_why_and_the_next_good_save_brings_the_app_back(dev_shell, qtbot, hello_plugin,
                                                                                   plugin_log):
    runtime, window, reloader = dev_shell()
    good = (hello_plugin / "main.py").read_text()
    save_atomically(hello_plugin / "main.py", good.replace("class Main(Plugin):", "class Main(Plugin)"))
    qtbot.waitUntil(lambda: runtime.host.record(PLUGIN_ID).status == "failed", timeout=10_000)
    reason = runtime.host.record(PLUGIN_ID).reason
    assert "main.py" in reason and "SyntaxError" in reason
    qtbot.waitUntil(lambda: "SyntaxError" in _banner_text(window), timeout=2000)
    assert "main.py" in _banner_text(window)
    qtbot.waitUntil(lambda: "SyntaxError" in plugin_log(), timeout=3000)  # and in the terminal, through the shell's log
    assert runtime.apps.currentApp == ""  # a failed app closes, as any failed app does

    save_atomically(hello_plugin / "main.py", good.replace(PY_ORANGE, PY_PURPLE))
    qtbot.waitUntil(lambda: runtime.host.record(PLUGIN_ID).status == "ok", timeout=3000)
    qtbot.waitUntil(lambda: runtime.apps.currentApp == PLUGIN_ID, timeout=3000)  # opened again
    wait_for_colour(qtbot, window, "bottom", PY_PURPLE)
    assert _banner_text(window) == ""


def test_a_qml_error_shows_why_and_the_next_good_save_brings_the_page_back(dev_shell, qtbot, hello_plugin):
    runtime, window, reloader = dev_shell()
    save_atomically(hello_plugin / "qml" / "Main.qml", PAGE.replace("Item {", "Item {{") % {
        "qml_color": QML_GREEN, "greeting": "broken"})
    qtbot.waitUntil(lambda: runtime.host.record(PLUGIN_ID).status == "failed", timeout=5000)
    assert "Main.qml" in runtime.host.record(PLUGIN_ID).reason
    qtbot.waitUntil(lambda: "Main.qml" in _banner_text(window), timeout=2000)

    save_atomically(hello_plugin / "qml" / "Main.qml", PAGE % {"qml_color": QML_GREEN, "greeting": "fixed"})
    qtbot.waitUntil(lambda: runtime.apps.currentApp == PLUGIN_ID, timeout=3000)
    wait_for_colour(qtbot, window, "top", QML_GREEN)
    wait_for_colour(qtbot, window, "bottom", PY_ORANGE, timeout_s=0.5)
    assert _banner_text(window) == ""


def test_a_broken_manifest_shows_why_and_a_fixed_one_runs_with_what_it_declares(dev_shell, qtbot, hello_plugin):
    runtime, window, reloader = dev_shell()
    manifest = (hello_plugin / "plugin.toml").read_text()
    save_atomically(hello_plugin / "plugin.toml", manifest.replace('api = 1', 'api = "one"'))
    qtbot.waitUntil(lambda: runtime.host.record(PLUGIN_ID).status == "failed", timeout=3000)
    assert "plugin.toml" in runtime.host.record(PLUGIN_ID).reason
    qtbot.waitUntil(lambda: "plugin.toml" in _banner_text(window), timeout=2000)

    save_atomically(hello_plugin / "plugin.toml", manifest.replace('name = "Hello"', 'name = "Hello again"'))
    qtbot.waitUntil(lambda: runtime.apps.currentApp == PLUGIN_ID, timeout=3000)
    wait_for_colour(qtbot, window, "top", QML_BLUE)
    assert runtime.host.record(PLUGIN_ID).manifest.name == "Hello again"


def test_a_plugin_whose_manifest_is_broken_at_start_runs_once_it_is_fixed(make_shell, qtbot, hello_plugin):
    from headunit import devmode

    manifest = (hello_plugin / "plugin.toml").read_text()
    (hello_plugin / "plugin.toml").write_text(manifest.replace('category = "utility"', 'category = 7'))
    runtime, window = make_shell(1280, 720, third_party_paths=[hello_plugin],
                                 unsandboxed=bwrap.available() is not None)
    reloader = devmode.start(runtime, window, hello_plugin)
    try:
        assert runtime.host.record(PLUGIN_ID) is None
        assert "category" in _banner_text(window)
        save_atomically(hello_plugin / "plugin.toml", manifest)
        qtbot.waitUntil(lambda: runtime.apps.currentApp == PLUGIN_ID, timeout=3000)
        wait_for_colour(qtbot, window, "top", QML_BLUE)
        assert _banner_text(window) == ""
    finally:
        reloader.close()


def test_edits_saved_while_the_plugin_restarts_all_show(dev_shell, qtbot, hello_plugin):
    runtime, window, reloader = dev_shell()
    write_main(hello_plugin, py_color=PY_PURPLE)
    qtbot.waitUntil(lambda: reloader._waiting_for_end, timeout=2000)  # the old process is on its way out
    save_atomically(hello_plugin / "qml" / "Main.qml", PAGE % {"qml_color": QML_GREEN, "greeting": "Hello v2"})
    wait_for_colour(qtbot, window, "bottom", PY_PURPLE)
    wait_for_colour(qtbot, window, "top", QML_GREEN)
    assert runtime.apps.currentApp == PLUGIN_ID
