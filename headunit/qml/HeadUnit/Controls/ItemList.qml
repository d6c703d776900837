pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The list template: rows of icon, title, subtitle and an optional trailing text, from a model with
// those roles. While driving it shows at most Restrictions.maxItemsPerScreen whole rows, stops scrolling,
// cuts strings to Restrictions.maxStringLength, and past Restrictions.maxDepth levels it refuses to
// open deeper ones; each time it says what more there is when parked.
Item {
    id: list

    // A ListModel, a QAbstractListModel or a JS array of {title, subtitle, icon, trailing, image}.
    property var model
    // The drill-down level of this list: 1 for an app's first list.
    property int depth: 1
    // Whether activating a row opens a deeper level (a folder, an album) rather than doing something.
    property bool rowsOpenLevel: false

    signal activated(int index)

    readonly property int count: view.count
    // The tallest row seen: while driving only whole rows are shown, since the list cannot scroll.
    property real rowHeight: Theme.touchTarget
    readonly property int rowsThatFit: Math.max(1, Math.floor((height - Theme.touchTarget) / (rowHeight + view.spacing)))
    readonly property int rowLimit: Restrictions.maxItemsPerScreen > 0 ? Math.min(Restrictions.maxItemsPerScreen, rowsThatFit) : 0
    readonly property bool depthLimited: rowsOpenLevel && Restrictions.maxDepth > 0 && depth >= Restrictions.maxDepth
    readonly property int hiddenRows: rowLimit > 0 ? Math.max(0, count - rowLimit) : 0

    ListView {
        id: view
        objectName: "itemListView"
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: moreHint.visible ? moreHint.top : parent.bottom }
        clip: true
        model: list.model
        interactive: list.rowLimit === 0
        boundsBehavior: Flickable.StopAtBounds
        spacing: Theme.lineWidth
        onInteractiveChanged: if (!interactive) positionViewAtBeginning()

        delegate: ItemRow {
            required property var model
            required property int index
            // A JS array hands each element as modelData; a list model hands its roles.
            readonly property var row: model.modelData !== undefined ? model.modelData : model
            width: ListView.view.width
            visible: list.rowLimit === 0 || index < list.rowLimit
            height: visible ? implicitHeight : 0
            title: row.title ?? ""
            subtitle: row.subtitle ?? ""
            iconName: row.icon ?? ""
            image: row.image ?? ""
            trailing: row.trailing ?? ""
            enabled: !list.depthLimited
            onClicked: list.activated(index)
            onImplicitHeightChanged: list.rowHeight = Math.max(list.rowHeight, implicitHeight)
            Component.onCompleted: list.rowHeight = Math.max(list.rowHeight, implicitHeight)
        }
    }

    Label {
        id: moreHint
        objectName: "moreWhenParked"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        visible: list.hiddenRows > 0 || list.depthLimited
        height: visible ? Theme.touchTarget : 0
        horizontalAlignment: Text.AlignHCenter
        role: "secondary"
        muted: true
        text: list.depthLimited ? qsTr("Go deeper when parked")
                                : qsTr("%n more when parked", "", list.hiddenRows)
    }
}
