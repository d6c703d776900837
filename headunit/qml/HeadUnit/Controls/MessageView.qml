import QtQuick
import QtQuick.Layouts
import HeadUnit

// A message (a notification's or a chat's): sender and time always, the text only when parked.
ColumnLayout {
    id: message

    property string sender
    property string time
    property string body

    spacing: Theme.spacingS

    RowLayout {
        Layout.fillWidth: true
        Label { text: Restrictions.limitString(message.sender); Layout.fillWidth: true }
        Label { text: message.time; role: "secondary"; muted: true }
    }
    Label {
        objectName: "messageBody"
        text: Restrictions.noMessageText ? qsTr("Message text shows when parked") : message.body
        muted: Restrictions.noMessageText
        role: "secondary"
        wrapMode: Text.Wrap
        maximumLineCount: Restrictions.noMessageText ? 1 : 12
        Layout.fillWidth: true
    }
}
