import QtQuick
import QtQuick.Layouts
import HeadUnit

// A confirmation drawn by the shell's rules: a title, one line of detail and two large buttons.
// Plugins set the texts; they cannot restyle it. Open with open(); answers with accepted or rejected.
Rectangle {
    id: sheet

    property string title
    property string detail
    property string confirmText: qsTr("Confirm")
    property string cancelText: qsTr("Cancel")
    property bool destructive: false

    signal accepted()
    signal rejected()

    function open() { visible = true }
    function close() { visible = false }

    anchors.fill: parent
    visible: false
    color: Theme.scrim
    z: 1000

    TapHandler { onTapped: { sheet.close(); sheet.rejected() } }

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: column.implicitHeight + 2 * Theme.spacingL
        color: Theme.surface
        radius: Theme.tileRadius
        TapHandler {}  // taps on the sheet itself do not dismiss it

        ColumnLayout {
            id: column
            anchors { fill: parent; margins: Theme.spacingL }
            spacing: Theme.spacingM
            Label { text: Restrictions.limitString(sheet.title); Layout.fillWidth: true }
            Label {
                visible: sheet.detail !== ""
                text: Restrictions.limitString(sheet.detail)
                role: "secondary"
                muted: true
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.spacingM
                Layout.fillWidth: true
                TouchButton {
                    objectName: "confirmSheetCancel"
                    text: sheet.cancelText
                    Layout.fillWidth: true
                    onClicked: { sheet.close(); sheet.rejected() }
                }
                TouchButton {
                    objectName: "confirmSheetConfirm"
                    text: sheet.confirmText
                    accent: !sheet.destructive
                    danger: sheet.destructive
                    Layout.fillWidth: true
                    onClicked: { sheet.close(); sheet.accepted() }
                }
            }
        }
    }
}
