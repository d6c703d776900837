import QtQuick
import QtQuick.Controls.Basic as T
import HeadUnit

// A button for choosing where to go (an app's sections, a library's categories): its icon with its name
// under it, so the driver reads the choice instead of decoding a symbol. A touch target high; as wide as its
// name needs, or `width` when set (a long name then shrinks a little to fit).
T.AbstractButton {
    id: control

    property string iconName

    implicitWidth: Math.max(Theme.touchTarget, caption.implicitWidth + 2 * Theme.spacingS)
    implicitHeight: Theme.touchTarget
    focusPolicy: Qt.NoFocus
    Accessible.name: text

    readonly property color foreground: checked ? Theme.accent : Theme.text

    contentItem: Item {
        Icon {
            anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: Theme.spacingS / 2 }
            name: control.iconName
            size: Theme.iconSize * 0.8
            color: control.foreground
        }
        Text {
            id: caption
            objectName: "navButtonLabel"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; bottomMargin: Theme.spacingS / 2
                      leftMargin: Theme.spacingS / 2; rightMargin: Theme.spacingS / 2 }
            text: control.text
            color: control.foreground
            font.pixelSize: Theme.fontSmall
            font.weight: control.checked ? Font.DemiBold : Font.Normal
            horizontalAlignment: Text.AlignHCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Math.round(Theme.fontSmall * 0.75)
            elide: Text.ElideRight
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
