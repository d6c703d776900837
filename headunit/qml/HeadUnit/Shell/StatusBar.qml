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

    // What the stale driving state lacks, named by its source (Driving.missing: "gps", "brake"…): the driver
    // or a fitter sees which wire or antenna to look at. Readings with no source of their own keep the old words.
    function missingText(missing: list<string>): string {
        const words = missing.map(key => ({
            gps: qsTr("No GPS"),
            brake: qsTr("No brake signal"),
            gear: qsTr("No gear signal"),
            obd: qsTr("No OBD-II"),
            can: qsTr("No CAN bus")
        })[key] ?? "").filter(word => word !== "")
        // Two at most: the bar has room for them beside an app's title (`headunit vehicle sources` lists all).
        //: Between two missing vehicle signals in the status bar, e.g. "No GPS · No brake signal".
        return words.length > 0 ? words.slice(0, 2).join(qsTr(" · ")) : qsTr("No vehicle signal")
    }
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
                text: Driving.stale ? bar.missingText(Driving.missing)
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

        // The backend link: synced, sending, or offline with how old the data is.
        Row {
            objectName: "cloudState"
            visible: Cloud.available
            spacing: Theme.spacingS
            readonly property bool synced: Cloud.online && Cloud.pending === 0
            Icon {
                anchors.verticalCenter: parent.verticalCenter
                size: Theme.fontSecondary * 1.2
                name: !Cloud.online ? "mdi6.cloud-off-outline"
                    : Cloud.pending > 0 ? "mdi6.cloud-sync-outline" : "mdi6.cloud-check-outline"
                color: Cloud.online ? Theme.textMuted : Theme.warning
            }
            Label {
                objectName: "cloudText"
                anchors.verticalCenter: parent.verticalCenter
                role: "small"
                muted: true
                visible: text !== ""
                // When the backend last answered, refreshed with the clock, in the words every app uses for the
                // age of its data (Format.age: "just now", "5 min ago"), so the bar and a tile never word it twice.
                property real now: Date.now()
                //: Operations (orders, favourites…) waiting to reach the backend.
                text: Cloud.pending > 0 ? qsTr("%n waiting", "", Cloud.pending)
                    : Cloud.online || !(Cloud.lastSync > 0) ? ""
                    : Format.age((now - Cloud.lastSync) / 1000)
                Timer { interval: 15000; running: !Cloud.online; repeat: true; onTriggered: parent.now = Date.now() }
            }
            Accessible.name: !Cloud.online ? qsTr("Not synced") : Cloud.pending > 0 ? qsTr("Syncing") : qsTr("Synced")
        }

        // The weather outside, as the weather app last read it; left out once it is hours old.
        Row {
            objectName: "outsideTemperature"
            spacing: Theme.spacingS / 2
            property real now: Date.now()
            visible: Weather.available && now - Weather.updated * 1000 < 3 * 3600 * 1000
            Timer { interval: 60000; running: Weather.available; repeat: true; onTriggered: parent.now = Date.now() }
            Icon {
                anchors.verticalCenter: parent.verticalCenter
                size: Theme.fontSecondary * 1.2
                color: Theme.textMuted
                name: ({ clear: "mdi6.weather-sunny", cloudy: "mdi6.weather-cloudy", fog: "mdi6.weather-fog",
                         drizzle: "mdi6.weather-partly-rainy", rain: "mdi6.weather-pouring",
                         snow: "mdi6.weather-snowy", ice: "mdi6.snowflake-alert",
                         storm: "mdi6.weather-lightning" })[Weather.condition] ?? "mdi6.thermometer"
            }
            Label {
                id: temperatureLabel
                objectName: "outsideTemperatureText"
                anchors.verticalCenter: parent.verticalCenter
                role: "secondary"
                muted: true
                text: Format.temperature(Weather.temperatureC)
            }
            Accessible.name: qsTr("Outside %1").arg(temperatureLabel.text)
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
