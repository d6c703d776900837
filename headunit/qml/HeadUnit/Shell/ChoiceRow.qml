pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// A setting with a few exclusive choices, shown as a row of large buttons. Values in, `chosen` out.
ColumnLayout {
    id: row

    property string title
    property var choices: []      // [{value, label}]
    property var current
    property string namePrefix    // each button is called "<namePrefix>:<value>" (tests, --tap), if set
    signal chosen(var value)

    spacing: Theme.spacingS
    Layout.fillWidth: true

    Label { text: row.title; role: "secondary"; muted: true; Layout.fillWidth: true }
    Flow {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Repeater {
            model: row.choices
            delegate: TouchButton {
                required property var modelData
                objectName: row.namePrefix !== "" ? row.namePrefix + ":" + modelData.value : ""
                text: modelData.label
                checkable: true
                checked: modelData.value === row.current
                accent: checked
                onClicked: row.chosen(modelData.value)
            }
        }
    }
}
