"""Touch reaches a sandboxed app's page only while it is shown and the car is parked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.sandbox.conftest import open_sandboxed, template_rows

COUNTER = '''
from PySide6.QtCore import QObject, Slot
from headunit.sdk import Plugin


class Taps(QObject):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.count = ctx, 0
        self.publish()

    def publish(self):
        self.ctx.templates.show("list", rows=[{"title": "taps", "subtitle": str(self.count)}])

    @Slot()
    def tapped(self):
        self.count += 1
        self.publish()


class Main(Plugin):
    def start(self, ctx):
        ctx.expose("taps", Taps(ctx))
'''
PAGE = '''import QtQuick
Rectangle {
    required property QtObject taps
    color: "#ff00ff"
    MouseArea { anchors.fill: parent; onClicked: parent.taps.tapped() }
}
'''


def test_taps_reach_the_page_only_while_parked(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.taps", python=COUNTER, page=PAGE)
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[plugin_factory.root])
    app = open_sandboxed(qtbot, runtime, window, "org.example.taps")
    centre = app.mapToScene(app.boundingRect().center()).toPoint()

    def tap():
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(centre))

    tap()
    qtbot.waitUntil(lambda: template_rows(runtime, "org.example.taps") == {"taps": "1"}, timeout=5000)
    runtime.simulator.applyDrive("moving")
    qtbot.waitUntil(lambda: not runtime.driving.parked, timeout=3000)
    tap()
    tap()
    qtbot.wait(1000)
    assert template_rows(runtime, "org.example.taps") == {"taps": "1"}
    runtime.simulator.applyDrive("parked")
    qtbot.waitUntil(lambda: runtime.driving.parked, timeout=3000)
    qtbot.waitUntil(lambda: app.property("settled"), timeout=3000)
    tap()
    qtbot.waitUntil(lambda: template_rows(runtime, "org.example.taps") == {"taps": "2"}, timeout=5000)
