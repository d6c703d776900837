import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// At the destination. Values in.
ColumnLayout {
    id: panel

    property string name

    spacing: Theme.spacingS

    RowLayout {
        spacing: Theme.spacingM
        Layout.fillWidth: true
        Icon {
            name: "mdi6.flag-checkered"
            size: Theme.touchTarget
            color: Theme.accent
        }
        Label {
            objectName: "arrivedTitle"
            text: qsTr("You have arrived")
            role: "primary"
            wrapMode: Text.Wrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }
    }
    Label {
        objectName: "arrivedName"
        visible: text !== ""
        text: panel.name
        role: "secondary"
        muted: true
        wrapMode: Text.Wrap
        maximumLineCount: 2
        Layout.fillWidth: true
    }
}
