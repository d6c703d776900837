import QtQuick
import HeadUnit

Rectangle {
    color: Theme.surface
    radius: Theme.tileRadius
    Text {
        anchors.centerIn: parent
        text: "Parking timer"
        color: Theme.text
        font.pixelSize: Theme.fontSecondary
    }
}
