"""Switching language while the shell runs: QML, plugin QML, plugin Python, app names and number formats follow."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QLocale

from headunit import paths
from headunit.runtime import Options, Runtime
from tests.i18n.conftest import TRIP, find, settle, shown_texts

PARKED = {"en": "Parked", "de": "Geparkt", "zh_CN": "已停车"}


def test_switching_language_changes_visible_text_without_a_restart(make_shell, qtbot):
    runtime, window = make_shell(1920, 720)  # every home tile on one screen (four columns: seven apps and Settings)
    driving_state = find(window, "drivingState")
    assert driving_state.property("text") == "Parked"
    assert "Settings" in shown_texts(window)

    for language in ("de", "zh_CN", "en"):
        runtime.settings.set("language", language)
        settle(qtbot, 100)
        assert driving_state.property("text") == PARKED[language]
    runtime.settings.set("language", "de")
    settle(qtbot, 100)
    shown = shown_texts(window)
    assert {"Geparkt", "Einstellungen", "Bordcomputer"} <= shown  # the shell's QML, and the trip computer's tile
    assert "Fahrt" not in shown  # a journey in German, never the trip computer
    assert QLocale().name() == "de_DE"  # numbers and dates follow
    assert "0" in shown and "m" in shown  # the tile's distance (nothing driven yet), in the formatter's words


def test_plugin_page_and_name_translate_and_switch(make_shell, qtbot):
    """A plugin's QML (qsTr, context = the QML file's name) and its manifest name, from its own catalogue."""
    runtime, window = make_shell(language="de")
    assert runtime.apps.openApp(TRIP)
    settle(qtbot)
    assert {"Bordcomputer", "Seit Start", "Langzeit", "Zurücksetzen", "Strecke", "Fahrzeit"} <= shown_texts(window)

    runtime.settings.set("language", "zh_CN")
    settle(qtbot)
    assert {"行车电脑", "本次启动", "重置后", "重置", "里程", "行驶时间"} <= shown_texts(window)

    runtime.settings.set("language", "en")
    settle(qtbot)
    assert {"Trip computer", "Since start", "Since reset", "Reset", "Distance"} <= shown_texts(window)


def test_plugin_python_strings_translate_through_ctx_tr(make_shell, qtbot):
    runtime, _ = make_shell(language="de")
    with qtbot.waitSignal(runtime.notifications.toast, timeout=1000) as toast:
        runtime.host.route_intent("test", "reset-trip", {})
    assert toast.args == ["Fahrtdaten zurückgesetzt", "info"]

    runtime.settings.set("language", "zh_CN")
    with qtbot.waitSignal(runtime.notifications.toast, timeout=1000) as toast:
        runtime.host.route_intent("test", "reset-trip", {})
    assert toast.args == ["行程已重置", "info"]


def test_shell_python_strings_translate(make_shell, qtbot):
    """The toast after a plugin fails, and Settings › About, come from Python."""
    runtime, _ = make_shell(language="de")
    with qtbot.waitSignal(runtime.notifications.toast, timeout=1000) as toast:
        runtime.host.fail(TRIP, "a test")
    assert toast.args == ["Bordcomputer funktioniert nicht mehr und wurde geschlossen", "error"]
    assert runtime.about.mapAttribution.startswith("Kartendaten © OpenStreetMap-Mitwirkende")
    with qtbot.waitSignal(runtime.about.changed, timeout=1000):
        runtime.settings.set("language", "zh_CN")
    assert runtime.about.mapAttribution.startswith("地图数据")


def test_plugin_setting_titles_follow_the_language(make_shell):
    runtime, _ = make_shell(language="de")
    assert runtime.apps.settingsOf(TRIP)[0]["title"] == "Fahrtdaten bei jedem Start zurücksetzen"
    runtime.settings.set("language", "en_US")
    assert runtime.apps.settingsOf(TRIP)[0]["title"] == "Reset the trip at every start"


def test_lang_is_for_this_run_only(make_shell, qtbot):
    """--lang wins over the saved language without replacing it; choosing a language in Settings ends it."""
    runtime, window = make_shell(language="zh_CN")
    assert find(window, "drivingState").property("text") == "已停车"
    runtime.settings.set("themeMode", "night")
    runtime.settings.save()
    qtbot.waitUntil(lambda: (paths.config_dir() / "settings.json").exists(), timeout=2000)
    saved = json.loads((paths.config_dir() / "settings.json").read_text())["shell"]
    assert saved["language"] == "en" and saved["themeMode"] == "night"

    runtime.settings.set("language", "en")  # the saved language, chosen again
    settle(qtbot, 100)
    assert runtime.settings.language == "en"
    assert find(window, "drivingState").property("text") == "Parked"


def test_shutdown_leaves_no_translator_behind(qapp, tmp_path, monkeypatch):
    """Translators and the default locale are process-wide: a runtime that shuts down gives them back."""
    monkeypatch.setenv("HEADUNIT_HOME", str(tmp_path / "home"))
    before = QLocale().name()
    runtime = Runtime(Options(language="de", simulator=False))
    assert QCoreApplication.translate("StatusBar", "Parked") == "Geparkt"
    runtime.shutdown()
    assert QCoreApplication.translate("StatusBar", "Parked") == "Parked"
    assert QLocale().name() == before
