import QtQuick
import QtQuick.Controls.Basic as T
import HeadUnit

// A button at least Theme.touchTarget (76 dp) in both directions, with an optional icon.
T.AbstractButton {
    id: control

    property string iconName
    property bool accent: false
    property bool danger: false

    implicitWidth: Math.max(Theme.touchTarget, contentRow.implicitWidth + 2 * Theme.spacingL)
    implicitHeight: Theme.touchTarget
    focusPolicy: Qt.NoFocus

    readonly property color foreground: accent ? Theme.onAccent : danger ? Theme.danger : Theme.text

    contentItem: Item {
        Row {
            id: contentRow
            anchors.centerIn: parent
            spacing: Theme.spacingS
            Icon {
                visible: control.iconName !== ""
                name: control.iconName
                color: control.foreground
                anchors.verticalCenter: parent.verticalCenter
            }
            Label {
                visible: control.text !== ""
                text: control.text
                role: "secondary"
                color: control.foreground
                width: Math.min(implicitWidth, control.width - 2 * Theme.spacingL
                                - (control.iconName !== "" ? Theme.iconSize + Theme.spacingS : 0))
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }

    background: Rectangle {
        radius: Theme.tileRadius
        color: control.accent ? Theme.accent : Theme.surfaceRaised
        border.width: control.checked ? Theme.lineWidth * 2 : 0
        border.color: Theme.accent
        opacity: control.enabled ? 1 : 0.5
        Rectangle {
            anchors.fill: parent
            radius: parent.radius
            color: Theme.text
            opacity: control.down ? 0.12 : 0
        }
    }
}
