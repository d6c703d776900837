import QtQuick
import HeadUnit
import HeadUnit.Controls

// Pick a conversion, step the value up or down; the other unit follows. Built from the shell's public controls.
Item {
    id: page

    readonly property var conversions: [
        {from: "km", to: "mi", convert: v => v * 0.621371, step: 10},
        {from: "l", to: "US gal", convert: v => v * 0.264172, step: 5},
        {from: "°C", to: "°F", convert: v => v * 9 / 5 + 32, step: 1},
        {from: "l/100 km", to: "mpg (US)", convert: v => v > 0 ? 235.215 / v : 0, step: 0.5}
    ]
    property int chosen: 0
    property real value: 100

    component ConversionButton: TouchButton {
        required property int index
        text: page.conversions[index].from + " → " + page.conversions[index].to
        accent: page.chosen === index
        onClicked: page.chosen = index
    }

    Column {
        anchors.centerIn: parent
        spacing: Theme.spacingL

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingS
            ConversionButton { index: 0 }
            ConversionButton { index: 1 }
            ConversionButton { index: 2 }
            ConversionButton { index: 3 }
        }

        Label {
            objectName: "result"
            anchors.horizontalCenter: parent.horizontalCenter
            readonly property var conversion: page.conversions[page.chosen]
            text: page.value.toLocaleString(Qt.locale(), "f", 1) + " " + conversion.from + " = "
                  + conversion.convert(page.value).toLocaleString(Qt.locale(), "f", 1) + " " + conversion.to
        }

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingM
            TouchButton {
                text: qsTr("Less")
                iconName: "mdi6.minus"
                onClicked: page.value = Math.max(0, page.value - page.conversions[page.chosen].step)
            }
            TouchButton {
                text: qsTr("More")
                iconName: "mdi6.plus"
                onClicked: page.value += page.conversions[page.chosen].step
            }
        }
    }
}
