import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.TripComputer

// The trip computer's page: since start beside since reset, and the reset button.
Item {
    id: view

    required property TripStore tripStore
    property bool confirmingReset: false

    GridLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        columns: view.width > view.height ? 2 : 1
        columnSpacing: Theme.spacingM
        rowSpacing: Theme.spacingM

        TripPanel {
            title: qsTr("Since start")
            distance: view.tripStore.startDistance
            drivingTime: view.tripStore.startDrivingTime
            averageSpeed: view.tripStore.startAverageSpeed
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        TripPanel {
            objectName: "sinceReset"
            title: qsTr("Since reset")
            distance: view.tripStore.resetDistance
            drivingTime: view.tripStore.resetDrivingTime
            averageSpeed: view.tripStore.resetAverageSpeed
            Layout.fillWidth: true
            Layout.fillHeight: true

            // Two taps, so a bump on the road never clears a trip.
            TouchButton {
                objectName: "resetButton"
                Layout.fillWidth: true
                iconName: "mdi6.restore"
                text: view.confirmingReset ? qsTr("Tap again to reset") : qsTr("Reset")
                danger: view.confirmingReset
                onClicked: {
                    if (view.confirmingReset) {
                        view.tripStore.reset()
                        view.confirmingReset = false
                    } else {
                        view.confirmingReset = true
                    }
                }
                Timer { running: view.confirmingReset; interval: 3000; onTriggered: view.confirmingReset = false }
            }
        }
    }
}
