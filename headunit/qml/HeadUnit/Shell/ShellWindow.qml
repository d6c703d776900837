import QtQuick
import HeadUnit

// The in-car window: the shell filling the screen (full screen on a device, a fixed size offscreen).
Window {
    id: window

    required property int shellWidth
    required property int shellHeight

    width: shellWidth
    height: shellHeight
    color: Theme.background
    title: qsTr("HeadUnit")

    Shell {
        anchors.fill: parent
    }
}
