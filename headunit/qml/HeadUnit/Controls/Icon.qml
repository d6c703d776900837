import QtQuick
import HeadUnit

// An icon by name: "mdi6.<name>" from the Material Design Icons font, or an SVG URL.
// Tinted with a theme colour; `size` in pixels (use Theme tokens).
Item {
    id: root

    property string name
    property color color: Theme.text
    property real size: Theme.iconSize

    readonly property bool isFile: name.indexOf(":/") > 0 || name.endsWith(".svg")

    implicitWidth: size
    implicitHeight: size

    Text {
        anchors.centerIn: parent
        visible: !root.isFile
        text: root.isFile || root.name === "" ? "" : Icons.glyph(root.name)
        font.family: Icons.fontFamily
        font.pixelSize: root.size
        color: root.color
    }

    Image {
        anchors.fill: parent
        visible: root.isFile
        source: root.isFile ? root.name : ""
        sourceSize: Qt.size(root.size, root.size)
        fillMode: Image.PreserveAspectFit
    }
}
