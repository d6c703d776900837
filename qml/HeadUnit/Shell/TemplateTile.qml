pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// A sandboxed app's home tile, in the same grammar as the shell's own: the app's icon and name on top, then
// the template it publishes (a title, a subtitle, up to 2 actions), drawn by the shell. Until it publishes
// one, the app's name under the header says it is there.
ColumnLayout {
    id: tile

    required property string pluginId
    readonly property var template: Sandbox.tileTemplate(pluginId, Sandbox.revision)
    readonly property string appName: Apps.names[pluginId] ?? ""

    spacing: 0

    RowLayout {
        Layout.fillWidth: true
        Icon {
            name: tile.template && (tile.template.icon ?? "") !== "" ? tile.template.icon : "mdi6.puzzle"
            size: Theme.fontSecondary
            color: Theme.accent
        }
        Label { text: tile.appName; role: "secondary"; muted: true; Layout.fillWidth: true }
    }
    Label {
        text: Restrictions.limitString(tile.template ? tile.template.title : "")
        visible: !!tile.template
        wrapMode: Restrictions.active ? Text.NoWrap : Text.Wrap
        maximumLineCount: 2
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
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
