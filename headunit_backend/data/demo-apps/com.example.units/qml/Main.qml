import QtQuick
import HeadUnit

// Pick a conversion, step the value up or down; the other unit follows. Only the shell's public QML API (Theme).
Rectangle {
    id: page
    color: Theme.background

    readonly property var conversions: [
        {from: "km", to: "mi", convert: v => v * 0.621371, step: 10},
        {from: "l", to: "US gal", convert: v => v * 0.264172, step: 5},
        {from: "°C", to: "°F", convert: v => v * 9 / 5 + 32, step: 1},
        {from: "l/100 km", to: "mpg (US)", convert: v => v > 0 ? 235.215 / v : 0, step: 0.5}
    ]
    property int chosen: 0
    property real value: 100

    Column {
        anchors.centerIn: parent
        spacing: Theme.spacingL

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingS
            PadButton {
                label: page.conversions[0].from + " → " + page.conversions[0].to
                highlighted: page.chosen === 0
                onClicked: page.chosen = 0
            }
            PadButton {
                label: page.conversions[1].from + " → " + page.conversions[1].to
                highlighted: page.chosen === 1
                onClicked: page.chosen = 1
            }
            PadButton {
                label: page.conversions[2].from + " → " + page.conversions[2].to
                highlighted: page.chosen === 2
                onClicked: page.chosen = 2
            }
            PadButton {
                label: page.conversions[3].from + " → " + page.conversions[3].to
                highlighted: page.chosen === 3
                onClicked: page.chosen = 3
            }
        }

        Text {
            objectName: "result"
            anchors.horizontalCenter: parent.horizontalCenter
            readonly property var conversion: page.conversions[page.chosen]
            text: page.value.toLocaleString(Qt.locale(), "f", 1) + " " + conversion.from + " = "
                  + conversion.convert(page.value).toLocaleString(Qt.locale(), "f", 1) + " " + conversion.to
            color: Theme.text
            font.pixelSize: Theme.fontPrimary
        }

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingM
            PadButton { label: "−"; onClicked: page.value = Math.max(0, page.value - page.conversions[page.chosen].step) }
            PadButton { label: "+"; onClicked: page.value += page.conversions[page.chosen].step }
        }
    }
}
