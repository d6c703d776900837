import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.TripComputer

// The home tile: the trip since reset at a glance.
ColumnLayout {
    id: tile

    required property TripStore store
    readonly property bool miles: Settings.distanceUnit === "mi"

    spacing: 0

    RowLayout {
        Layout.fillWidth: true
        Icon { name: "mdi6.map-marker-distance"; size: Theme.fontSecondary; color: Theme.accent }
        Label { text: qsTr("Trip"); role: "secondary"; muted: true; Layout.fillWidth: true }
    }
    Item { Layout.fillHeight: true }
    Readout {
        objectName: "tileDistance"
        value: (tile.store.resetDistance / (tile.miles ? 1609.344 : 1000)).toLocaleString(Qt.locale(Qt.uiLanguage), "f", 1)
        unit: tile.miles ? qsTr("mi") : qsTr("km")
        caption: qsTr("Average %1 %2").arg(Math.round(tile.miles ? tile.store.resetAverageSpeed / 1.609344
                                                                   : tile.store.resetAverageSpeed))
                                      .arg(tile.miles ? qsTr("mph") : qsTr("km/h"))
        Layout.fillWidth: true
    }
}
