pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as T
import HeadUnit
import HeadUnit.Controls

// One button per category, in one row, each an icon with its name under it: four touch targets fit the map
// panel on every screen preset. Values in, a signal out.
RowLayout {
    id: buttons

    // [{value, label, icon}]
    property var categories: []
    property string current

    signal chosen(string category)

    spacing: Theme.lineWidth

    Repeater {
        model: buttons.categories
        delegate: T.AbstractButton {
            id: button
            required property var modelData
            objectName: "category:" + button.modelData.value
            text: button.modelData.label
            checked: buttons.current === button.modelData.value
            focusPolicy: Qt.NoFocus
            Accessible.name: text
            implicitHeight: Math.max(Theme.touchTarget, column.implicitHeight + Theme.spacingS)
            implicitWidth: Theme.touchTarget
            Layout.fillWidth: true
            Layout.preferredWidth: Theme.touchTarget
            onClicked: buttons.chosen(button.checked ? "" : button.modelData.value)

            contentItem: Item {
                Column {
                    id: column
                    anchors.centerIn: parent
                    width: parent.width
                    spacing: Theme.lineWidth
                    Icon {
                        anchors.horizontalCenter: parent.horizontalCenter
                        name: button.modelData.icon
                        color: button.checked ? Theme.accent : Theme.text
                    }
                    Label {
                        objectName: "categoryLabel"
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        text: button.text
                        role: "small"
                        color: button.checked ? Theme.accent : Theme.text
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.fontSmall * 0.75
                    }
                }
            }
            background: Rectangle {
                radius: Theme.tileRadius
                color: button.checked ? Theme.surfaceRaised : "transparent"
                Rectangle {
                    anchors.fill: parent
                    radius: parent.radius
                    color: Theme.text
                    opacity: button.down ? 0.12 : 0
                }
            }
        }
    }
}
