import QtQuick
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.TripComputer

// The home tile, in the layout every tile shares (HomeTile): the distance since reset as its figure, the
// average speed under it.
HomeTile {
    id: tile

    required property TripStore store

    iconName: "mdi6.map-marker-distance"
    title: qsTr("Trip")
    secondary: qsTr("Average %1").arg(tile.store.resetDrivingTime > 0 ? Format.speed(tile.store.resetAverageSpeed) : "–")

    heroMinimumHeight: distance.implicitHeight
    Readout {
        id: distance
        objectName: "tileDistance"
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
        value: Format.distanceValue(tile.store.resetDistance)
        unit: Format.distanceUnit(tile.store.resetDistance)
    }
}
