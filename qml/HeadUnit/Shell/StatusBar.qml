import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Across the top: back and the open app's name; driving state, connectivity, notifications, clock.
Rectangle {
    id: bar

    property string title
    property bool canGoBack: false
    signal backRequested()
    signal notificationsRequested()

    implicitHeight: Theme.statusBarHeight
    color: Theme.surface

    RowLayout {
        anchors { fill: parent; leftMargin: Theme.spacingS; rightMargin: Theme.spacingM }
        spacing: Theme.spacingM

        IconButton {
            objectName: "backButton"
            text: qsTr("Back")
            iconName: "mdi6.arrow-left"
            visible: bar.canGoBack
            Layout.preferredHeight: bar.height
            Layout.preferredWidth: Theme.touchTarget
            onClicked: bar.backRequested()
        }

        Label {
            text: bar.title
            role: "secondary"
            Layout.fillWidth: true
        }

        // Driving state: a glance tells why some things are hidden.
        Row {
            spacing: Theme.spacingS
            Icon {
                anchors.verticalCenter: parent.verticalCenter
                size: Theme.fontSecondary
                name: Driving.stale ? "mdi6.alert-circle-outline"
                    : Driving.state === "parked" ? "mdi6.car-brake-parking"
                    : Driving.state === "idling" ? "mdi6.car-clock" : "mdi6.car-speed-limiter"
                color: Driving.stale ? Theme.warning : Theme.textMuted
            }
            Label {
                objectName: "drivingState"
                anchors.verticalCenter: parent.verticalCenter
                role: "secondary"
                muted: true
                text: Driving.stale ? qsTr("No vehicle signal")
                    : Driving.state === "parked" ? qsTr("Parked")
                    : Driving.state === "idling" ? qsTr("Stopped") : qsTr("Driving")
            }
        }

        Icon {
            objectName: "connectivity"
            size: Theme.fontSecondary * 1.2
            name: Connectivity.online ? "mdi6.wifi" : "mdi6.wifi-off"
            color: Connectivity.online ? Theme.textMuted : Theme.warning
            Accessible.name: Connectivity.online ? qsTr("Online") : qsTr("Offline")
        }

        IconButton {
            objectName: "notificationsButton"
            text: qsTr("Notifications")
            iconName: Notifications.unread > 0 ? "mdi6.bell-badge-outline" : "mdi6.bell-outline"
            iconColor: Notifications.unread > 0 ? Theme.accent : Theme.textMuted
            badge: Notifications.unread
            Layout.preferredHeight: bar.height
            onClicked: bar.notificationsRequested()
        }

        Label {
            id: clock
            objectName: "clock"
            role: "secondary"
            font.weight: Font.DemiBold
            //: A 12-hour clock as a Qt time format: h hour, mm minutes, AP the locale's AM/PM.
            readonly property string format12h: qsTr("h:mm AP")
            onFormat12hChanged: refresh()
            function refresh() { text = new Date().toLocaleTimeString(Qt.locale(), Settings.clock24h ? "HH:mm" : format12h) }
            Component.onCompleted: refresh()
            Connections { target: Settings; function onChanged() { clock.refresh() } }
            Timer { interval: 1000; running: true; repeat: true; onTriggered: clock.refresh() }
        }
    }

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.lineWidth
        color: Qt.alpha(Theme.outline, 0.35)
    }
}
