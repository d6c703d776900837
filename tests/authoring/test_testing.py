"""headunit.testing's fixtures on the scaffolded plugin: the page opens in a real shell and shows the plugin's
text, in the driver's language; installed (sandboxed), the shell draws its driving template while the car is not
parked and its page again when parked; screenshots and a backend on loopback."""

from __future__ import annotations

import json
import urllib.request

import pytest
from PySide6.QtGui import QImage

from headunit.testing import HeadUnitHost, HostError, wait_until
from tests.authoring.conftest import HELLO


def test_the_page_opens_and_shows_the_plugins_text(headunit_host):
    headunit_host.open()
    assert headunit_host.find("greeting").property("text") == "Hello, world"
    assert "Edit qml/Main.qml to change this page." in headunit_host.texts()
    headunit_host.tap("tapButton")
    assert headunit_host.find("taps").property("value") == "1"
    assert headunit_host.plugin.store.taps == 1  # the tap reached the plugin's Python


@pytest.mark.headunit(language="zh_CN", size=(800, 480))
def test_the_marker_sets_language_and_screen(headunit_host, headunit_screenshot):
    headunit_host.open()
    assert headunit_host.find("greeting").property("text") == "你好，世界"
    image = QImage(str(headunit_screenshot("chinese")))
    assert (image.width(), image.height()) == (800, 480)


def test_a_screenshot_is_the_window_as_a_png_in_the_tests_tmp_folder(headunit_host, headunit_screenshot, tmp_path):
    headunit_host.open()
    path = headunit_screenshot("page")
    assert path == tmp_path / "screenshots" / "page.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 720)
    # The accent-coloured Tap button is in the picture, where the page drew it.
    button = headunit_host.find("tapButton")
    centre = button.mapToScene(button.boundingRect().center())
    accent = headunit_host.runtime.theme.property("accent")
    pixel = image.pixelColor(int(centre.x()) - int(button.width() / 2) + 4, int(centre.y()))
    assert abs(pixel.red() - accent.red()) + abs(pixel.green() - accent.green()) + abs(pixel.blue() - accent.blue()) < 30


def test_the_drive_switch_puts_the_car_in_each_state(headunit_host, headunit_drive):
    headunit_host.open()
    for state in ("moving", "idling", "parked"):
        headunit_drive(state)
        assert headunit_host.runtime.driving.state == state
        assert headunit_host.runtime.restrictions.property("active") == (state != "parked")
    with pytest.raises(ValueError, match="drive must be one of"):
        headunit_drive("flying")


def test_in_the_shells_process_the_template_is_kept_and_checked(headunit_host):
    headunit_host.open()
    assert headunit_host.page_template() == {
        "kind": "pane", "title": "Hello, world", "icon": "mdi6.hand-wave", "subtitle": "The whole page shows when parked",
        "rows": [{"label": "Taps", "value": "0"}],
        "actions": [{"id": "tap", "text": "Tap", "icon": "mdi6.gesture-tap"}]}
    assert headunit_host.tile_template()["subtitle"] == "Taps: 0"
    headunit_host.template_action("tap")
    assert headunit_host.find("taps").property("value") == "1"


@pytest.mark.headunit(sandboxed=True)
def test_installed_the_driver_sees_the_template_while_moving_and_the_page_when_parked(headunit_host, headunit_drive):
    headunit_host.open()
    view = headunit_host.find("sandboxedApp")
    assert headunit_host.page_template()["title"] == "Hello, world"
    # Parked: the plugin's own page, a surface of its process, and none of the shell's template controls.
    assert "Taps" not in headunit_host.texts()
    headunit_drive("moving")
    shown = headunit_host.texts()
    assert "Hello, world" in shown and "Taps" in shown and "Tap" in shown
    assert view.property("settled")
    # The template's button reaches the plugin in its process, which publishes the new count.
    headunit_host.template_action("tap")
    wait_until(lambda: headunit_host.page_template()["rows"][0]["value"] == "1", what="the count in the template")
    wait_until(lambda: "1" in headunit_host.texts(), what="the shell drawing the new count")
    headunit_drive("parked")
    assert "Taps" not in headunit_host.texts()


@pytest.mark.headunit(sandboxed=True, drive="moving", language="de")
def test_installed_and_driving_from_the_start_the_template_is_in_german(headunit_host, headunit_screenshot):
    headunit_host.open()
    assert {"Hallo, Welt", "Mal getippt", "Tippen"} <= set(headunit_host.texts())
    assert headunit_screenshot("moving-de").is_file()


def test_a_backend_on_loopback_and_a_shell_linked_to_it(headunit_backend, headunit_host):
    assert headunit_backend.url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(f"{headunit_backend.url}/v1/health", timeout=10) as answer:
        assert answer.status == 200 and json.loads(answer.read())
    cloud = headunit_host.runtime.cloud
    assert cloud.linked and cloud.url == headunit_backend.url


def test_a_plugin_that_fails_to_load_stops_the_host_with_the_reason(hello, tmp_path):
    import shutil

    broken = tmp_path / HELLO
    shutil.copytree(hello, broken)
    init = broken / "hello" / "__init__.py"
    init.write_text(init.read_text().replace("self.store = HelloStore()", "self.store = HelloStore(); 1 / 0"))
    with pytest.raises(HostError, match="ZeroDivisionError"):
        HeadUnitHost(broken)


def test_the_pytest_plugin_starts_no_qt_when_imported():
    import subprocess
    import sys

    code = ("import sys, headunit.testing.plugin, headunit.testing; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'headunit.runtime'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout + result.stderr
