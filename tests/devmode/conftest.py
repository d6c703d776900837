"""A small plugin under development, the shell running it in dev mode, and what its page shows on screen."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from headunit.sandbox import bwrap

PLUGIN_ID = "org.example.hello"
#: The page's colours: the upper half is QML's own, the lower half comes from the plugin's Python.
QML_BLUE, QML_GREEN = "#1040c0", "#20a040"
PY_ORANGE, PY_PURPLE = "#e07010", "#8020a0"

PAGE = """\
import QtQuick

Item {
    required property QtObject look
    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: parent.height / 2
        color: "%(qml_color)s"
        Text { anchors.centerIn: parent; text: "%(greeting)s"; color: "white"; font.pixelSize: 40 }
    }
    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: parent.height / 2
        color: look.color
        Text { anchors.centerIn: parent; text: look.greeting; color: "white"; font.pixelSize: 40 }
    }
}
"""

MAIN = """\
from PySide6.QtCore import Property, QObject

from headunit.sdk import Plugin

COLOR = "%(py_color)s"
GREETING = "%(py_greeting)s"


class Look(QObject):
    @Property(str, constant=True)
    def color(self):
        return COLOR

    @Property(str, constant=True)
    def greeting(self):
        return GREETING


class Main(Plugin):
    def start(self, ctx):
        ctx.expose("look", Look())
"""

MANIFEST = f"""\
manifest = 1
id = "{PLUGIN_ID}"
name = "Hello"
version = "0.1.0"
api = 1
category = "utility"
icon = "mdi6.hand-wave"
capabilities = []

[entry]
page = "qml/Main.qml"
python = "main:Main"
"""


def write_page(folder: Path, qml_color: str = QML_BLUE, greeting: str = "Hello v1") -> None:
    (folder / "qml" / "Main.qml").write_text(PAGE % {"qml_color": qml_color, "greeting": greeting})


def write_main(folder: Path, py_color: str = PY_ORANGE, py_greeting: str = "from Python v1") -> None:
    (folder / "main.py").write_text(MAIN % {"py_color": py_color, "py_greeting": py_greeting})


def save_atomically(path: Path, text: str) -> None:
    """As most editors save: a new file renamed over the old one."""
    temp = path.with_name(f".{path.name}.swp")
    temp.write_text(text)
    temp.replace(path)


@pytest.fixture
def hello_plugin(tmp_path: Path) -> Path:
    folder = tmp_path / "dev" / PLUGIN_ID
    (folder / "qml").mkdir(parents=True)
    (folder / "plugin.toml").write_text(MANIFEST)
    write_page(folder)
    write_main(folder)
    return folder


@pytest.fixture
def dev_shell(make_shell, qtbot, hello_plugin):
    """dev_shell(**make_shell options) -> (runtime, window, reloader): the shell with the plugin in dev mode
    and its page open, as `headunit emulator --dev DIR` starts. Unsandboxed where bubblewrap cannot run."""
    from headunit import devmode

    reloaders = []

    def make(**options):
        options.setdefault("unsandboxed", bwrap.available() is not None)
        runtime, window = make_shell(1280, 720, third_party_paths=[hello_plugin], **options)
        reloader = devmode.start(runtime, window, hello_plugin)
        reloaders.append(reloader)
        assert runtime.apps.openApp(PLUGIN_ID)
        wait_for_colour(qtbot, window, "top", QML_BLUE, timeout_s=20)
        return runtime, window, reloader

    yield make
    for reloader in reloaders:
        reloader.close()


def app_area_colour(window, half: str) -> QColor:
    """The colour in the middle-left of the upper or lower half of the open app's area."""
    from PySide6.QtCore import QPointF
    from PySide6.QtQuick import QQuickItem

    app = next(i for i in window.findChildren(QQuickItem, "sandboxedApp") if i.isVisible())
    y = app.height() * (0.1 if half == "top" else 0.9)
    point = app.mapToScene(QPointF(app.width() * 0.1, y))
    image: QImage = window.grabWindow()
    return image.pixelColor(round(point.x()), round(point.y()))


def close_to(colour: QColor, wanted: str) -> bool:
    w = QColor(wanted)
    return abs(colour.red() - w.red()) + abs(colour.green() - w.green()) + abs(colour.blue() - w.blue()) < 24


def wait_for_colour(qtbot, window, half: str, wanted: str, timeout_s: float = 10.0) -> float:
    """Seconds until the app's area shows `wanted` (checked every 10 ms); fails after `timeout_s`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout_s:
        try:
            if close_to(app_area_colour(window, half), wanted):
                return time.monotonic() - start
        except StopIteration:
            pass  # no app page at this moment
        qtbot.wait(10)
    raise AssertionError(f"the {half} of the app never showed {wanted} in {timeout_s} s "
                         f"(it shows {app_area_colour(window, half).name()})")
