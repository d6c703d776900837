import QtQuick
import QtQuick.Controls
import HeadUnit.Shell

// The emulator: the shell at the chosen screen size beside the simulated car's control panel.
ApplicationWindow {
    id: window

    required property int shellWidth
    required property int shellHeight

    width: shellWidth + panel.width
    height: Math.max(shellHeight, panel.implicitHeight)
    visible: true
    title: qsTr("HeadUnit emulator — %1×%2").arg(shellWidth).arg(shellHeight)

    Item {
        id: screen
        width: window.shellWidth
        height: window.shellHeight
        clip: true
        Shell { anchors.fill: parent }
    }

    ControlPanel {
        id: panel
        anchors { left: screen.right; top: parent.top; bottom: parent.bottom }
        width: 340
    }
}
