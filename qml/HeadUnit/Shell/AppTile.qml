import QtQuick
import HeadUnit
import HeadUnit.Controls

// One home tile: the plugin's live tile when it has one and is loaded, else drawn from the manifest in the
// same layout as every tile (HomeTile): the name on top, the icon as the figure, what the app does below.
Card {
    id: tile

    property string pluginId
    property string name
    property string icon
    property string status
    property string description
    property bool hasTile: false
    property bool loaded: false
    property Item liveItem: null

    signal openRequested()

    visible: status === "ok"
    objectName: "tile:" + pluginId

    function attachLiveTile() {
        if (liveItem || !hasTile || !loaded || status !== "ok")
            return
        liveItem = Apps.createView(pluginId, "tile", liveHolder)
        if (liveItem) {
            liveItem.width = Qt.binding(() => liveHolder.width)
            liveItem.height = Qt.binding(() => liveHolder.height)
        }
    }
    onLoadedChanged: attachLiveTile()
    Component.onCompleted: attachLiveTile()

    TapHandler { onTapped: tile.openRequested() }

    // Drawn from the manifest.
    HomeTile {
        anchors { fill: parent; margins: Theme.spacingM }
        visible: !tile.liveItem
        iconName: tile.icon
        title: tile.name
        secondary: Restrictions.active ? "" : tile.description
        secondaryLines: 3
        Icon {
            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
            name: tile.icon
            size: Math.min(Theme.dp(72), parent.height)
            color: Theme.accent
        }
    }

    // The plugin's own tile, drawn inside the shell's frame.
    Item {
        id: liveHolder
        anchors { fill: parent; margins: Theme.spacingM }
        clip: true
    }
}
