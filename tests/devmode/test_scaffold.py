"""A plugin made by `headunit plugin new`, run with `--dev`: a QML edit keeps what its Python holds (the taps
its store counted); a Python edit starts it afresh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from headunit.sandbox import bwrap
from tests.devmode.conftest import save_atomically, wait_for_colour

PLUGIN_ID = "org.example.scaffolded"
ONE_TAP, TWO_TAPS = "#c02040", "#20a040"
# Each time the page is made it taps once, and shows in a colour how many taps the store holds.
TAPPING = """
    Component.onCompleted: page.store.tap()
    Rectangle {
        anchors.fill: parent
        z: 100
        color: page.store.taps >= 2 ? "%s" : "%s"
    }
""" % (TWO_TAPS, ONE_TAP)


def _tile_subtitle(runtime) -> str:
    tile = runtime.sandbox.tileTemplate(PLUGIN_ID, 0) or {}
    return str(tile.get("subtitle", ""))


def test_a_scaffolded_plugin_keeps_its_state_across_qml_edits(make_shell, qtbot, tmp_path: Path, headunit_home):
    from headunit import devmode
    from headunit.devmode import process as dev_process

    subprocess.run([sys.executable, "-m", "headunit", "plugin", "new", PLUGIN_ID, "--dir", str(tmp_path)],
                   check=True, capture_output=True, timeout=120)
    folder = tmp_path / PLUGIN_ID
    page = folder / "qml" / "Main.qml"
    anchor = "    required property ScaffoldedStore store\n"
    original = page.read_text()
    assert anchor in original
    page.write_text(original.replace(anchor, anchor + TAPPING))

    runtime, window = make_shell(1280, 720, third_party_paths=[folder], unsandboxed=bwrap.available() is not None)
    reloader = devmode.start(runtime, window, folder)
    try:
        # Its process, started for its tile before dev mode was, is started again with the dev runtime.
        qtbot.waitUntil(lambda: runtime.sandbox.process_of(PLUGIN_ID) is not None
                        and dev_process.runs_dev_runtime(runtime.sandbox, PLUGIN_ID)
                        and runtime.sandbox.isReady(PLUGIN_ID, 0), timeout=20_000)
        assert runtime.apps.openApp(PLUGIN_ID)
        wait_for_colour(qtbot, window, "top", ONE_TAP, timeout_s=20)
        qtbot.waitUntil(lambda: _tile_subtitle(runtime) == "Taps: 1", timeout=3000)

        # The page is made again from the edited QML; the store, in the plugin's Python, still holds its tap.
        save_atomically(page, page.read_text().replace("Hello, world", "Hello again"))
        wait_for_colour(qtbot, window, "top", TWO_TAPS, timeout_s=1)
        qtbot.waitUntil(lambda: _tile_subtitle(runtime) == "Taps: 2", timeout=3000)

        # A Python edit: the plugin starts again, its count with it.
        store = folder / "scaffolded" / "store.py"
        save_atomically(store, store.read_text() + "\n# edited\n")
        wait_for_colour(qtbot, window, "top", ONE_TAP, timeout_s=10)
        qtbot.waitUntil(lambda: _tile_subtitle(runtime) == "Taps: 1", timeout=3000)
        assert runtime.apps.currentApp == PLUGIN_ID
    finally:
        reloader.close()


def test_a_translation_edit_is_compiled_and_shows_in_the_drivers_language(make_shell, qtbot, tmp_path: Path):
    from headunit import devmode

    subprocess.run([sys.executable, "-m", "headunit", "plugin", "new", PLUGIN_ID, "--dir", str(tmp_path)],
                   check=True, capture_output=True, timeout=120)
    folder = tmp_path / PLUGIN_ID
    runtime, window = make_shell(1280, 720, language="de", third_party_paths=[folder],
                                 unsandboxed=bwrap.available() is not None)
    reloader = devmode.start(runtime, window, folder)
    try:
        def tile_title() -> str:
            return str((runtime.sandbox.tileTemplate(PLUGIN_ID, 0) or {}).get("title", ""))

        qtbot.waitUntil(lambda: tile_title() == "Hallo, Welt", timeout=20_000)
        ts = folder / "translations" / f"{PLUGIN_ID}_de.ts"
        save_atomically(ts, ts.read_text().replace("<translation>Hallo, Welt</translation>",
                                                   "<translation>Servus, Welt</translation>"))
        qtbot.waitUntil(lambda: tile_title() == "Servus, Welt", timeout=10_000)
    finally:
        reloader.close()
