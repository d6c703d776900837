import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One icon button per category, in one row: four touch targets fit the map panel on every screen preset.
// Values in, a signal out.
RowLayout {
    id: buttons

    // [{value, label, icon}]
    property var categories: []
    property string current

    signal chosen(string category)

    spacing: 0

    Repeater {
        model: buttons.categories
        delegate: IconButton {
            required property var modelData
            objectName: "category:" + modelData.value
            iconName: modelData.icon
            text: modelData.label
            checked: buttons.current === modelData.value
            iconColor: checked ? Theme.accent : Theme.text
            onClicked: buttons.chosen(checked ? "" : modelData.value)
            Layout.fillWidth: true
        }
    }
}
