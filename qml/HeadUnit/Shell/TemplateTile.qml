import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// A sandboxed app's home tile: the template it publishes (title, subtitle, icon, up to 2 actions), drawn
// by the shell; until it publishes one, its manifest's icon and name.
ColumnLayout {
    id: tile

    required property string pluginId
    readonly property var template: Sandbox.tileTemplate(pluginId, Sandbox.revision)

    spacing: Theme.spacingS

    RowLayout {
        spacing: Theme.spacingM
        Layout.fillWidth: true
        Icon { visible: !!tile.template && (tile.template.icon ?? "") !== ""; name: tile.template ? tile.template.icon ?? "" : ""
               color: Theme.accent }
        Label { text: Restrictions.limitString(tile.template ? tile.template.title : (Apps.names[tile.pluginId] ?? ""))
                Layout.fillWidth: true }
    }
    Label {
        visible: !!tile.template && (tile.template.subtitle ?? "") !== ""
        text: Restrictions.limitString(tile.template ? tile.template.subtitle ?? "" : "")
        role: "secondary"; muted: true
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
    RowLayout {
        spacing: Theme.spacingS
        Repeater {
            model: tile.template ? (tile.template.actions ?? []).slice(0, 2) : []
            delegate: TouchButton {
                required property var modelData
                text: Restrictions.limitString(modelData.text)
                iconName: modelData.icon ?? ""
                onClicked: Sandbox.activate(tile.pluginId, "tile", modelData.id, -1)
            }
        }
    }
}
