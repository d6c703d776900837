import QtQuick
import HeadUnit
import HeadUnit.Controls

// A countdown: add a quarter of an hour at a time, start, reset. Built from the shell's public controls.
Item {
    id: page

    property int secondsLeft: 0
    property bool running: false

    function label(seconds) {
        const h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60
        return (h > 0 ? h + ":" : "") + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0")
    }

    Timer {
        interval: 1000; repeat: true; running: page.running && page.secondsLeft > 0
        onTriggered: page.secondsLeft -= 1
    }

    Column {
        anchors.centerIn: parent
        spacing: Theme.spacingL

        Label {
            objectName: "timeLeft"
            anchors.horizontalCenter: parent.horizontalCenter
            role: "display"
            text: page.label(page.secondsLeft)
            color: page.secondsLeft > 0 && page.secondsLeft < 600 ? Theme.warning : Theme.text
        }

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingM
            TouchButton { text: qsTr("+15 min"); iconName: "mdi6.plus"; onClicked: page.secondsLeft += 15 * 60 }
            TouchButton {
                objectName: "startPause"
                text: page.running ? qsTr("Pause") : qsTr("Start")
                iconName: page.running ? "mdi6.pause" : "mdi6.play"
                accent: true
                onClicked: page.running = !page.running
            }
            TouchButton {
                text: qsTr("Reset")
                iconName: "mdi6.restart"
                onClicked: { page.running = false; page.secondsLeft = 0 }
            }
        }
    }
}
