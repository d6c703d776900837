import QtQuick
import QtQuick.Controls.Basic as T
import QtQuick.Layouts
import HeadUnit

// A button at least Theme.touchTarget (76 dp) in both directions, with an optional icon.
T.AbstractButton {
    id: control

    property string iconName
    property bool accent: false
    property bool danger: false

    readonly property color foreground: accent ? Theme.onAccent : danger ? Theme.danger : Theme.text

    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingL
    implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Theme.touchTarget
    focusPolicy: Qt.NoFocus
    Accessible.name: text

    contentItem: RowLayout {
        spacing: Theme.spacingS
        // A button that waits (for the car to be parked, for a choice) reads as waiting, not only its fill.
        opacity: control.enabled ? 1 : 0.45
        Item { Layout.fillWidth: true }
        Icon {
            visible: control.iconName !== ""
            name: control.iconName
            color: control.foreground
        }
        Label {
            visible: control.text !== ""
            text: control.text
            role: "secondary"
            color: control.foreground
            // Shrinks (and elides) only when the button is made narrower than its text.
            Layout.fillWidth: true
            Layout.maximumWidth: Math.ceil(implicitWidth)
            Layout.preferredWidth: Math.ceil(implicitWidth)
        }
        Item { Layout.fillWidth: true }
    }

    background: Rectangle {
        radius: Theme.tileRadius
        color: control.accent ? Theme.accent : Theme.surfaceRaised
        opacity: control.enabled ? 1 : 0.5
        Rectangle {
            anchors.fill: parent
            radius: parent.radius
            color: Theme.text
            opacity: control.down ? 0.12 : 0
        }
    }
}
