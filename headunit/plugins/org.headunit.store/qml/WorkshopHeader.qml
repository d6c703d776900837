import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// A workshop's name, address and opening hours beside a back button.
RowLayout {
    id: header

    // A row of service.workshops, or a booking's workshop ({name, address}).
    property var workshop: null
    signal back()

    spacing: Theme.spacingS

    IconButton {
        objectName: "workshopBack"
        iconName: "mdi6.arrow-left"
        text: qsTr("Back")
        onClicked: header.back()
    }
    ColumnLayout {
        spacing: 0
        Layout.fillWidth: true
        Label {
            text: Restrictions.limitString(header.workshop ? header.workshop.name : "")
            role: "secondary"
            Layout.fillWidth: true
        }
        Label {
            visible: text !== ""
            text: header.workshop ? [header.workshop.address, header.workshop.opening || ""].filter(t => t !== "").join(" · ") : ""
            role: Restrictions.active ? "secondary" : "small"
            muted: true
            wrapMode: Restrictions.active ? Text.NoWrap : Text.WordWrap
            maximumLineCount: Restrictions.active ? 1 : 2
            Layout.fillWidth: true
        }
    }
}
