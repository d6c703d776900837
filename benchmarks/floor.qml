import QtQuick
import QtQuick.Controls

// The floor: the least a QML window with controls costs on this machine (see README.md).
Window {
    width: 1280
    height: 720
    color: "black"
    title: "floor"

    Grid {
        anchors.centerIn: parent
        columns: 3
        spacing: 24

        Repeater {
            model: 6
            Button {
                text: "Button " + (index + 1)
                width: 240
                height: 120
            }
        }
    }
}
