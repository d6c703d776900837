pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// A list of products: picture, name, the verdict for the car, price and rating. Parked it scrolls and pages
// ("Show more"); while the car is not parked it shows only the whole rows that fit (the shop hands at most
// Restrictions.maxItemsPerScreen) and says how many wait for parking.
Item {
    id: list

    required property Shop shop
    // The tallest row seen: while driving only whole rows show, since the list cannot scroll.
    property real rowHeight: Theme.dp(96)
    readonly property int rowsThatFit: Math.max(1, Math.floor((height - Theme.touchTarget) / (rowHeight + Theme.spacingS)))
    readonly property int shownRows: Restrictions.active ? Math.min(shop.items.length, rowsThatFit) : shop.items.length
    readonly property int waiting: Restrictions.active ? Math.max(0, shop.total - shownRows) : 0

    Flickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: moreHint.visible ? moreHint.top : parent.bottom }
        contentHeight: rows.implicitHeight
        interactive: !Restrictions.active
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        onInteractiveChanged: if (!interactive) contentY = 0

        ColumnLayout {
            id: rows
            width: flick.width
            spacing: Theme.spacingS
            Repeater {
                model: list.shop.items.slice(0, list.shownRows)
                delegate: BrowseRow {
                    required property var modelData
                    required property int index
                    objectName: "storeRow:" + index
                    item: modelData
                    Layout.fillWidth: true
                    onImplicitHeightChanged: list.rowHeight = Math.max(list.rowHeight, implicitHeight)
                    Component.onCompleted: list.rowHeight = Math.max(list.rowHeight, implicitHeight)
                    onClicked: list.shop.openProduct(modelData.id)
                }
            }
            TouchButton {
                objectName: "storeShowMore"
                visible: list.shop.hasMore
                text: qsTr("Show more")
                iconName: "mdi6.chevron-down"
                Layout.fillWidth: true
                onClicked: list.shop.loadMore()
            }
            Label {
                visible: list.shop.total === 0
                text: list.shop.query !== "" ? qsTr("Nothing found") : qsTr("Nothing here yet")
                role: "secondary"
                muted: true
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingXL
            }
        }
    }

    Label {
        id: moreHint
        objectName: "storeMoreWhenParked"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        visible: list.waiting > 0
        height: visible ? Theme.touchTarget : 0
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        role: "secondary"
        muted: true
        text: qsTr("%n more when parked", "", list.waiting)
    }
}
