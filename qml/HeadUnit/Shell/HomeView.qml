import QtQuick
import HeadUnit
import HeadUnit.Controls

// Home: a grid of tiles, one per app. A plugin with a tile shows it live once loaded; until then,
// and for plugins without one, the tile is drawn from the manifest (icon and name).
Flickable {
    id: home

    signal settingsRequested()

    readonly property int columns: width >= Theme.dp(1400) ? 4 : width >= Theme.dp(900) ? 3 : 2
    readonly property real cellWidth: (width - (columns + 1) * Theme.spacingM) / columns
    readonly property real cellHeight: Math.max(Theme.touchTarget * 2, (height - 3 * Theme.spacingM) / 2)

    contentHeight: grid.height + 2 * Theme.spacingM
    boundsBehavior: Flickable.StopAtBounds
    clip: true

    Grid {
        id: grid
        x: Theme.spacingM
        y: Theme.spacingM
        columns: home.columns
        spacing: Theme.spacingM

        Repeater {
            model: Apps
            delegate: AppTile {
                required property var model
                pluginId: model.pluginId
                name: model.name
                icon: model.icon
                status: model.status
                hasTile: model.hasTile
                loaded: model.loaded
                width: home.cellWidth
                height: home.cellHeight
                onOpenRequested: Apps.openApp(pluginId)
            }
        }

        AppTile {
            objectName: "settingsTile"
            width: home.cellWidth
            height: home.cellHeight
            pluginId: ""
            name: qsTr("Settings")
            icon: "mdi6.cog-outline"
            status: "ok"
            onOpenRequested: home.settingsRequested()
        }
    }
}
