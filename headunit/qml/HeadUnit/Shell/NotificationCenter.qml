pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The notification centre: everything posted and not yet dismissed, newest first.
Card {
    id: centre

    signal dismissed()

    color: Theme.surfaceRaised
    onVisibleChanged: if (visible) Notifications.markAllRead()
    Component.onCompleted: if (visible) Notifications.markAllRead()  // made when first opened, already shown

    ColumnLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Notifications"); Layout.fillWidth: true }
            TouchButton {
                text: qsTr("Clear all")
                visible: Notifications.count > 0
                onClicked: Notifications.clearAll()
            }
            IconButton { text: qsTr("Close"); iconName: "mdi6.close"; onClicked: centre.dismissed() }
        }

        // None: what would show here, so the empty panel is not a puzzle.
        ColumnLayout {
            objectName: "notificationsEmpty"
            visible: Notifications.count === 0
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Layout.fillHeight: true
            Item { Layout.fillHeight: true }
            Icon {
                name: "mdi6.bell-check-outline"
                size: Theme.dp(64)
                color: Theme.textMuted
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                text: qsTr("No notifications")
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Reminders, warnings on the road and messages from your apps show here.")
                role: "secondary"
                muted: true
                wrapMode: Text.Wrap
                maximumLineCount: 3
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Item { Layout.fillHeight: true }
        }

        ListView {
            visible: Notifications.count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacingS
            model: Notifications
            delegate: Card {
                id: note
                required property var model
                readonly property string level: model.level
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, texts.implicitHeight + 2 * Theme.spacingS)
                RowLayout {
                    anchors { fill: parent; leftMargin: Theme.spacingM }
                    Icon {
                        name: note.level === "error" ? "mdi6.alert-octagon-outline"
                            : note.level === "warning" ? "mdi6.alert-outline"
                            : note.level === "success" ? "mdi6.check-circle-outline" : "mdi6.information-outline"
                        color: note.level === "error" ? Theme.danger : note.level === "warning" ? Theme.warning
                             : note.level === "success" ? Theme.success : Theme.accent
                    }
                    ColumnLayout {
                        id: texts
                        spacing: 0
                        Layout.fillWidth: true
                        // Whole, not cut: the title and the body wrap (two lines each at most).
                        Label {
                            text: note.model.title; role: "secondary"; wrapMode: Text.Wrap; maximumLineCount: 2
                            Layout.fillWidth: true
                        }
                        Label {
                            text: note.model.body; role: "small"; muted: true; visible: text !== ""
                            wrapMode: Text.Wrap; maximumLineCount: 2
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        //: A 12-hour clock as a Qt time format: h hour, mm minutes, AP the locale's AM/PM.
                        text: new Date(note.model.posted).toLocaleTimeString(Qt.locale(), Settings.clock24h ? "HH:mm" : qsTr("h:mm AP"))
                        role: "small"; muted: true
                    }
                    IconButton { text: qsTr("Dismiss"); iconName: "mdi6.close"; onClicked: Notifications.dismiss(note.model.id) }
                }
            }
        }
    }
}
