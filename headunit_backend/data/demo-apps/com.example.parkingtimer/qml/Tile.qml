import QtQuick
import HeadUnit
import HeadUnit.Controls

// The home tile, in the layout every tile shares.
HomeTile {
    iconName: "mdi6.timer-outline"
    title: qsTr("Parking timer")
}
