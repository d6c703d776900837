pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The grid template: tiles of icon and title (categories, apps, stations), or of a picture with a title and
// subtitle under it (albums with their covers), from a model with those roles. While driving it shows at
// most Restrictions.maxItemsPerScreen whole tiles and stops scrolling.
Item {
    id: grid

    // A ListModel, a QAbstractListModel or a JS array of {title, icon} or {title, subtitle, image, icon}:
    // with an `image` role the icon stands in until the picture loads (or when it has none).
    property var model
    property real cellWidth: Theme.dp(200)
    property real cellHeight: Theme.dp(160)

    signal activated(int index)

    readonly property int count: view.count
    readonly property int columns: Math.max(1, Math.floor(width / cellWidth))
    readonly property int tilesThatFit: columns * Math.max(1, Math.floor((height - Theme.touchTarget) / cellHeight))
    readonly property int tileLimit: Restrictions.maxItemsPerScreen > 0 ? Math.min(Restrictions.maxItemsPerScreen, tilesThatFit) : 0
    readonly property int hiddenTiles: tileLimit > 0 ? Math.max(0, count - tileLimit) : 0

    GridView {
        id: view
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: moreHint.visible ? moreHint.top : parent.bottom }
        clip: true
        model: grid.model
        cellWidth: width / grid.columns
        cellHeight: grid.cellHeight
        interactive: grid.tileLimit === 0
        boundsBehavior: Flickable.StopAtBounds
        onInteractiveChanged: if (!interactive) positionViewAtBeginning()

        delegate: Item {
            id: cell
            required property var model
            required property int index
            readonly property var tile: model.modelData !== undefined ? model.modelData : model
            width: GridView.view.cellWidth
            height: GridView.view.cellHeight
            visible: grid.tileLimit === 0 || index < grid.tileLimit

            TouchButton {
                visible: cell.tile.image === undefined
                anchors { fill: parent; margins: Theme.spacingS / 2 }
                iconName: cell.tile.icon ?? ""
                text: Restrictions.limitString(cell.tile.title ?? "")
                onClicked: grid.activated(cell.index)
            }
            PictureTile {
                visible: cell.tile.image !== undefined
                anchors { fill: parent; margins: Theme.spacingS / 2 }
                image: cell.tile.image ?? ""
                iconName: cell.tile.icon ?? ""
                title: cell.tile.title ?? ""
                subtitle: cell.tile.subtitle ?? ""
                onClicked: grid.activated(cell.index)
            }
        }
    }

    Label {
        id: moreHint
        objectName: "moreWhenParked"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        visible: grid.hiddenTiles > 0
        height: visible ? Theme.touchTarget : 0
        horizontalAlignment: Text.AlignHCenter
        role: "secondary"
        muted: true
        text: qsTr("%n more when parked", "", grid.hiddenTiles)
    }
}
