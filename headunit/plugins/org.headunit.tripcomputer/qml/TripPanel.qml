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

    ColumnLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        Label { text: panel.title; role: "secondary"; muted: true; Layout.fillWidth: true }
        Readout {
            objectName: "distance"
            // Distance, time and average are one trip's, in the words every screen uses (Format).
            value: Format.distanceValue(panel.distance)
            unit: Format.distanceUnit(panel.distance)
            caption: qsTr("Distance")
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingL
            Readout {
                size: "primary"
                objectName: "drivingTime"
                value: Format.duration(panel.drivingTime)
                caption: qsTr("Driving time")
                Layout.fillWidth: true
            }
            Readout {
                size: "primary"
                objectName: "averageSpeed"
                value: panel.drivingTime > 0 ? Format.speedValue(panel.averageSpeed) : "–"
                unit: Format.speedUnit()
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
