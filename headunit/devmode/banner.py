"""Dev mode's banner over the shell: why the plugin under development failed, until a save brings it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

# Kept here rather than in a .qml file of its own: the package's Python files are all an installed HeadUnit has.
BANNER_QML = b"""
import QtQuick

Rectangle {
    id: banner
    objectName: "devBanner"

    property string pluginId
    property string failure

    anchors.left: parent ? parent.left : undefined
    anchors.right: parent ? parent.right : undefined
    anchors.bottom: parent ? parent.bottom : undefined
    height: message.implicitHeight + 24
    z: 1000
    visible: failure !== ""
    color: "#b3261e"

    Text {
        id: message
        objectName: "devFailure"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 12
        color: "white"
        font.pixelSize: 16
        wrapMode: Text.Wrap
        maximumLineCount: 6
        elide: Text.ElideRight
        text: banner.pluginId + " failed: " + banner.failure + "\\nFix it and save: it starts again."
    }
}
"""


def make_banner(engine: QQmlEngine, window: QObject, plugin_id: str) -> tuple[QQuickItem | None, str]:
    """The banner, at the bottom of the shell in `window` (hidden until it has a failure); or None and why not."""
    component = QQmlComponent(engine)
    # Under a file URL (no such file needs to exist): with a scheme of its own the component was not ready at once.
    component.setData(BANNER_QML, QUrl.fromLocalFile(str(Path(__file__).with_name("DevBanner.qml"))))
    banner = component.createWithInitialProperties({"pluginId": plugin_id}, engine.rootContext())
    if banner is None:
        return None, component.errorString()
    host = window.findChild(QQuickItem, "shell") or window.contentItem()
    banner.setParentItem(host)
    banner.setParent(host)
    return banner, ""
