pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit

// A detail page for one thing (a place, a product): icon, title, subtitle, a description and up to
// four actions. Strings are cut while driving and the description waits until parked.
ColumnLayout {
    id: pane

    property string icon
    property string title
    property string subtitle
    property string description
    // [{label, icon, value}]: actions shown as large buttons.
    property var actions: []

    signal actionChosen(var value)

    spacing: Theme.spacingM

    RowLayout {
        spacing: Theme.spacingM
        Layout.fillWidth: true
        Icon { visible: pane.icon !== ""; name: pane.icon; color: Theme.accent; size: Theme.dp(56) }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Label { text: Restrictions.limitString(pane.title); Layout.fillWidth: true }
            Label {
                visible: pane.subtitle !== ""
                text: Restrictions.limitString(pane.subtitle)
                role: "secondary"; muted: true
                Layout.fillWidth: true
            }
        }
    }
    Label {
        visible: pane.description !== "" && !Restrictions.active
        text: pane.description
        role: "secondary"
        wrapMode: Text.Wrap
        maximumLineCount: 6
        Layout.fillWidth: true
    }
    Flow {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Repeater {
            model: pane.actions.slice(0, 4)
            delegate: TouchButton {
                required property var modelData
                text: modelData.label
                iconName: modelData.icon ?? ""
                onClicked: pane.actionChosen(modelData.value)
            }
        }
    }
}
