import QtQuick
import HeadUnit

// A countdown: add a quarter of an hour at a time, start, reset. Only the shell's public QML API (Theme).
Rectangle {
    id: page
    color: Theme.background

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

        Text {
            objectName: "timeLeft"
            anchors.horizontalCenter: parent.horizontalCenter
            text: page.label(page.secondsLeft)
            color: page.secondsLeft > 0 && page.secondsLeft < 600 ? Theme.warning : Theme.text
            font.pixelSize: Theme.fontDisplay * 2
        }

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingM
            PadButton { label: "+15 min"; onClicked: page.secondsLeft += 15 * 60 }
            PadButton {
                objectName: "startPause"
                label: page.running ? "Pause" : "Start"
                highlighted: true
                onClicked: page.running = !page.running
            }
            PadButton { label: "Reset"; onClicked: { page.running = false; page.secondsLeft = 0 } }
        }
    }
}
