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

    // Built in the background, so the first frame does not wait for it.
    Loader {
        anchors.fill: parent
        asynchronous: true
        source: "KeyboardPanel.qml"
    }

    // Driving: whatever had text focus loses it, so no keyboard is waiting when the car stops.
    Connections {
        target: Restrictions
        function onChanged() {
            if (Restrictions.noKeyboard) {
                Qt.inputMethod.hide()
                if (window.activeFocusItem) window.activeFocusItem.focus = false
            }
        }
    }
}
