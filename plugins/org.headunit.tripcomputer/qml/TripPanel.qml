import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One trip's figures in the driver's units. Values in, nothing out.
Card {
    id: panel

    property string title
    property real distance        // metres
    property real drivingTime     // seconds
    property real averageSpeed    // km/h
    // Controls under the figures, such as a reset button; they get the panel's whole width.
    default property alias footerItems: footer.data

    readonly property bool miles: Settings.distanceUnit === "mi"
    // The driver's language's number format; Qt.uiLanguage makes it follow a language switch.
    readonly property var locale: Qt.locale(Qt.uiLanguage)

    function formatDistance(metres) {
        const value = miles ? metres / 1609.344 : metres / 1000
        return value.toLocaleString(locale, "f", value < 100 ? 1 : 0)
    }
    function formatDuration(seconds) {
        const minutes = Math.floor(seconds / 60)
        return qsTr("%1:%2").arg(Math.floor(minutes / 60)).arg(String(minutes % 60).padStart(2, "0"))
    }

    ColumnLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        Label { text: panel.title; role: "secondary"; muted: true; Layout.fillWidth: true }
        Readout {
            objectName: "distance"
            value: panel.formatDistance(panel.distance)
            unit: panel.miles ? qsTr("mi") : qsTr("km")
            caption: qsTr("Distance")
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingL
            Readout {
                size: "primary"
                value: panel.formatDuration(panel.drivingTime)
                unit: qsTr("h")
                caption: qsTr("Driving time")
                Layout.fillWidth: true
            }
            Readout {
                size: "primary"
                value: Math.round(panel.miles ? panel.averageSpeed / 1.609344 : panel.averageSpeed)
                unit: panel.miles ? qsTr("mph") : qsTr("km/h")
                caption: qsTr("Average")
                Layout.fillWidth: true
            }
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            id: footer
            Layout.fillWidth: true
        }
    }
}
