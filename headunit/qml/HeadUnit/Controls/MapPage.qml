pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit

// The map page template: the map fills the page; a panel on the driver's side carries what is read
// at a glance (the next turn, an ETA) and at most three actions; the data's attribution always shows.
Item {
    id: page

    // The map item (a QtLocation Map, a rendered view).
    default property alias map: mapHolder.data
    // Glanceable items for the panel; it hides when empty.
    property alias panel: panelColumn.data
    property string attribution
    // [{label, icon, value}]: at most three large buttons under the panel.
    property var actions: []

    // How much of the page's left the panel covers (0 when it is hidden): a MapView's leftInset, so the car
    // is placed in the part of the map the driver sees.
    readonly property real panelInset: panelCard.visible ? panelCard.x + panelCard.width : 0

    signal actionChosen(var value)

    Item {
        id: mapHolder
        anchors.fill: parent
    }

    Card {
        id: panelCard
        anchors { left: parent.left; top: parent.top; margins: Theme.spacingM }
        width: Math.min(parent.width / 2.5, Theme.dp(420))
        height: Math.min(parent.height - 2 * Theme.spacingM, panelColumn.implicitHeight + actionRow.implicitHeight
                         + 3 * Theme.spacingM)
        visible: panelColumn.children.length > 0 || page.actions.length > 0
        ColumnLayout {
            anchors { fill: parent; margins: Theme.spacingM }
            spacing: Theme.spacingM
            ColumnLayout {
                id: panelColumn
                spacing: Theme.spacingS
                Layout.fillWidth: true
            }
            Flow {
                id: actionRow
                spacing: Theme.spacingS
                Layout.fillWidth: true
                Repeater {
                    model: page.actions.slice(0, 3)
                    delegate: TouchButton {
                        required property var modelData
                        text: modelData.label
                        iconName: modelData.icon ?? ""
                        onClicked: page.actionChosen(modelData.value)
                    }
                }
            }
        }
    }

    Rectangle {
        objectName: "mapAttribution"
        anchors { right: parent.right; bottom: parent.bottom }
        visible: page.attribution !== ""
        width: attributionText.implicitWidth + 2 * Theme.spacingS
        height: attributionText.implicitHeight + Theme.spacingS
        color: Qt.alpha(Theme.surface, 0.85)
        Label {
            id: attributionText
            anchors.centerIn: parent
            text: page.attribution
            role: "small"
            muted: true
        }
    }
}
