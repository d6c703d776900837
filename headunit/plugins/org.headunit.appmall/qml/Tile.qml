import QtQuick
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.AppMall

// The home tile, in the layout every tile shares (HomeTile): the updates waiting, else how many apps there are.
HomeTile {
    id: tile

    required property Mall mall

    iconName: "mdi6.storefront-outline"
    title: qsTr("App mall")
    headline: tile.mall.updatesCount > 0 ? qsTr("%n updates", "", tile.mall.updatesCount) : qsTr("Apps for your car")
    headlineObjectName: "mallTileTitle"
    secondary: tile.mall.total > 0 ? qsTr("%n apps", "", tile.mall.total) : ""

    Icon {
        anchors { left: parent.left; verticalCenter: parent.verticalCenter }
        name: tile.mall.updatesCount > 0 ? "mdi6.update" : "mdi6.apps"
        size: Math.min(Theme.dp(64), parent.height)
        color: Theme.accent
    }
}
