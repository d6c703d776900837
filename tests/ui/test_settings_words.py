"""Settings in a driver's words: what is in force is what is selected, no developer text on the driver's pages,
and the technical detail one tap away on About › Diagnostics."""

from __future__ import annotations

from tests.shell import descendants, find, settle


def _open(window, qtbot, runtime, page: str) -> None:
    runtime.apps.openSettings(page)
    find(window, "shell").setProperty("overlay", "settings")
    settle(qtbot)


def _shown_texts(root) -> list[str]:
    return [i.property("text") for i in descendants(root)
            if i.isVisible() and isinstance(i.property("text"), str) and i.property("text")]


def test_a_palette_forced_at_start_shows_as_chosen_and_a_choice_ends_it(make_shell, qtbot):
    runtime, window = make_shell(800, 480, night=True)
    _open(window, qtbot, runtime, "display")
    assert find(window, "theme:night").property("checked")
    assert not find(window, "theme:auto").property("checked")
    reason = find(window, "themeReason").property("text")
    assert "--" not in reason and reason == "Night until the next start"

    find(window, "theme:day").clicked.emit()
    settle(qtbot)
    assert find(window, "theme:day").property("checked") and not runtime.daynight.night
    assert runtime.settings.get("themeMode") == "day"


def test_the_brightness_slider_has_a_handle_that_follows_the_level(make_shell, qtbot):
    runtime, window = make_shell(800, 480)
    _open(window, qtbot, runtime, "display")
    handle, slider = find(window, "brightnessHandle"), find(window, "brightnessSlider")
    assert handle.isVisible() and handle.width() >= 24
    runtime.settings.set("brightness", 0.1)
    settle(qtbot, 100)
    left = handle.x()
    runtime.settings.set("brightness", 1.0)
    settle(qtbot, 100)
    assert left == 0 and handle.x() + handle.width() == slider.width()


def test_driver_pages_carry_no_developer_text_and_diagnostics_has_it(make_shell, qtbot):
    runtime, window = make_shell(800, 480, backend="embedded")
    runtime.start_cloud()
    assert runtime.cloud.wait_ready(timeout=60), runtime.cloud.error
    _open(window, qtbot, runtime, "apps")
    apps = find(window, "appRow:org.headunit.navigation").parentItem().parentItem()
    words = " ".join(_shown_texts(apps))
    assert " B sent" not in words and "http" not in words
    navigation = find(window, "appRow:org.headunit.navigation")
    assert not any(i.objectName() == "enableButton" and i.isVisible() for i in descendants(navigation))
    music = find(window, "appRow:org.headunit.music")
    assert any(i.objectName() == "enableButton" and i.isVisible() for i in descendants(music))

    _open(window, qtbot, runtime, "about")
    about = " ".join(_shown_texts(find(window, "aboutSection")))
    assert "127.0.0.1" not in about and "http" not in about and "PySide6" not in about.replace("Qt 6 and PySide6", "")

    find(window, "openDiagnostics").clicked.emit()
    settle(qtbot)
    diagnostics = find(window, "diagnosticsSection")
    assert diagnostics.isVisible() and not find(window, "aboutSection").isVisible()
    texts = " ".join(_shown_texts(diagnostics))
    assert runtime.cloud.url in texts and "sent," in texts and str(runtime.about.folders[1]["value"]) in texts
    find(window, "diagnosticsBack").clicked.emit()
    settle(qtbot)
    assert find(window, "aboutSection").isVisible()
