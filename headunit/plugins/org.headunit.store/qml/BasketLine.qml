import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One line of the basket: picture, name, unit price, − quantity +, and the line's total.
Rectangle {
    id: line

    property var line: ({})
    signal open()
    signal quantityChosen(int quantity)

    implicitHeight: Math.max(Theme.dp(96), texts.implicitHeight + 2 * Theme.spacingS)
    radius: Theme.tileRadius / 2
    color: Theme.surface

    RowLayout {
        anchors { fill: parent; margins: Theme.spacingS }
        spacing: Theme.spacingM
        ProductImage {
            productId: line.line.id || ""
            Layout.preferredWidth: Theme.dp(96) - 2 * Theme.spacingS
            Layout.preferredHeight: Layout.preferredWidth
            MouseArea { anchors.fill: parent; onClicked: line.open() }
        }
        ColumnLayout {
            id: texts
            spacing: 0
            Layout.fillWidth: true
            Label {
                text: Restrictions.limitString(line.line.title || "")
                role: "secondary"
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                Layout.fillWidth: true
            }
            Label {
                text: (line.line.price || "") + " · " + (line.line.stock || "")
                role: "small"
                muted: true
                Layout.fillWidth: true
            }
        }
        IconButton {
            objectName: "storeLess"
            iconName: (line.line.quantity || 0) > 1 ? "mdi6.minus" : "mdi6.delete-outline"
            iconColor: (line.line.quantity || 0) > 1 ? Theme.text : Theme.danger
            text: qsTr("One less")
            onClicked: line.quantityChosen((line.line.quantity || 0) - 1)
        }
        Label {
            objectName: "storeQuantity"
            text: String(line.line.quantity || 0)
            horizontalAlignment: Text.AlignHCenter
            Layout.preferredWidth: Theme.dp(40)
        }
        IconButton {
            objectName: "storeMore"
            iconName: "mdi6.plus"
            text: qsTr("One more")
            onClicked: line.quantityChosen((line.line.quantity || 0) + 1)
        }
        Label {
            text: line.line.lineTotal || ""
            role: "secondary"
            font.bold: true
            horizontalAlignment: Text.AlignRight
            Layout.preferredWidth: Theme.dp(100)
            Layout.rightMargin: Theme.spacingS
        }
    }
}
