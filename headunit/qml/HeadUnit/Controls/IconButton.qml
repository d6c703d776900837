import QtQuick
import QtQuick.Controls.Basic as T
import HeadUnit

// A square icon-only button, Theme.touchTarget on each side, with a text label for accessibility.
T.AbstractButton {
    id: control

    property string iconName
    property color iconColor: Theme.text
    property int badge: 0

    implicitWidth: Theme.touchTarget
    implicitHeight: Theme.touchTarget
    focusPolicy: Qt.NoFocus
    Accessible.name: text

    contentItem: Item {
        Icon {
            anchors.centerIn: parent
            name: control.iconName
            color: control.iconColor
        }
        Rectangle {
            visible: control.badge > 0
            anchors { top: parent.top; right: parent.right; margins: Theme.spacingS }
            width: Math.max(height, badgeText.implicitWidth + Theme.spacingS)
            height: Theme.fontSmall + Theme.spacingS / 2
            radius: height / 2
            color: Theme.danger
            Text {
                id: badgeText
                anchors.centerIn: parent
                text: control.badge > 99 ? "99+" : control.badge
                color: Theme.background
                font.pixelSize: Theme.fontSmall * 0.8
                font.weight: Font.Bold
            }
        }
    }

    background: Rectangle {
        radius: Theme.tileRadius
        color: control.checked ? Theme.surfaceRaised : "transparent"
        Rectangle {
            anchors.fill: parent
            radius: parent.radius
            color: Theme.text
            opacity: control.down ? 0.12 : 0
        }
    }
}
