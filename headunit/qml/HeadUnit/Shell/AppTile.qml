pragma ComponentBehavior: Bound
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

    property string category
    // A navigation app's tile, when wide, has a live map in its right half, drawn by the shell: the road ahead
    // with the route the app publishes while it guides (heading-up), else the streets around the car
    // (north-up). The app's own tile keeps the left half.
    readonly property bool guides: Navigation.active && Navigation.publisher === pluginId && pluginId !== ""
    readonly property bool showsRoute: (guides || category === "navigation") && Maps.available && !!liveItem
                                       && width > height * 1.6

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
        anchors { fill: parent; margins: Theme.spacingM; rightMargin: tile.showsRoute ? tile.width / 2 : Theme.spacingM }
        clip: true
    }

    Loader {
        id: routeMap
        objectName: "tileRouteMap"
        active: tile.showsRoute
        asynchronous: true  // home's first frame does not wait for the map
        visible: active
        anchors { left: liveHolder.right; right: parent.right; top: parent.top; bottom: parent.bottom
                  margins: Theme.spacingM }
        source: active ? "TileMap.qml" : ""
        onLoaded: (item as TileMap).guides = Qt.binding(() => tile.guides)
    }
}
