import QtQuick
import HeadUnit

// A plain touch button drawn from Theme tokens.
Rectangle {
    id: button
    property string label
    property bool highlighted: false
    signal clicked()

    width: Theme.dp(170); height: Theme.touchTarget; radius: Theme.tileRadius
    color: highlighted ? Theme.accent : Theme.surfaceRaised
    Text {
        anchors.centerIn: parent
        text: button.label
        color: button.highlighted ? Theme.onAccent : Theme.text
        font.pixelSize: Theme.fontSmall
    }
    MouseArea { anchors.fill: parent; onClicked: button.clicked() }
}
