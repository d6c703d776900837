import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One home tile: the plugin's live tile when it has one and is loaded, else its icon and name.
Card {
    id: tile

    property string pluginId
    property string name
    property string icon
    property string status
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
    ColumnLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        visible: !tile.liveItem
        spacing: Theme.spacingS
        Icon {
            name: tile.icon
            size: Math.min(Theme.dp(72), tile.height / 2.5)
            color: Theme.accent
            Layout.alignment: Qt.AlignHCenter
            Layout.fillHeight: true
        }
        Label {
            text: tile.name
            role: "secondary"
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
    }

    // The plugin's own tile, drawn inside the shell's frame.
    Item {
        id: liveHolder
        anchors { fill: parent; margins: Theme.spacingM }
        clip: true
    }
}
