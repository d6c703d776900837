import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.TripComputer

// The home tile: the trip since reset at a glance.
ColumnLayout {
    id: tile

    required property TripStore store

    spacing: 0

    RowLayout {
        Layout.fillWidth: true
        Icon { name: "mdi6.map-marker-distance"; size: Theme.fontSecondary; color: Theme.accent }
        Label { text: qsTr("Trip"); role: "secondary"; muted: true; Layout.fillWidth: true }
    }
    Item { Layout.fillHeight: true }
    Readout {
        objectName: "tileDistance"
        value: Format.distanceValue(tile.store.resetDistance)
        unit: Format.distanceUnit(tile.store.resetDistance)
        caption: qsTr("Average %1").arg(tile.store.resetDrivingTime > 0 ? Format.speed(tile.store.resetAverageSpeed) : "–")
        Layout.fillWidth: true
    }
}
