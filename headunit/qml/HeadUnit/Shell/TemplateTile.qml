pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit
import HeadUnit.Controls

// A sandboxed app's home tile, in the layout every tile shares (HomeTile): the app's icon and name on top,
// then the template it publishes (its picture or icon as the figure, a title, a subtitle, up to 2 actions at the
// bottom right), drawn by the shell. Until it publishes one, the title row alone says the app is there.
HomeTile {
    id: tile

    required property string pluginId
    readonly property var template: Sandbox.tileTemplate(pluginId, Sandbox.revision)
    readonly property string appName: Apps.names[pluginId] ?? ""
    readonly property string templateIcon: tile.template && (tile.template.icon ?? "") !== "" ? tile.template.icon
                                                                                              : "mdi6.puzzle"

    iconName: tile.templateIcon
    title: tile.appName
    headline: Restrictions.limitString(tile.template ? tile.template.title ?? "" : "")
    secondary: Restrictions.limitString(tile.template ? tile.template.subtitle ?? "" : "")

    // The picture the app names (the shell checked the file: headunit/sandbox/templates.py), read on a worker and
    // scaled as it is read; its icon stands in until it has loaded, and if it never does.
    Image {
        id: picture
        objectName: "templateTileImage"
        anchors { left: parent.left; verticalCenter: parent.verticalCenter }
        width: Math.min(Theme.dp(96), parent.height)
        height: width
        source: tile.template ? tile.template.image ?? "" : ""
        sourceSize { width: picture.width; height: picture.height }
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
        visible: status === Image.Ready
    }

    Icon {
        anchors { left: parent.left; verticalCenter: parent.verticalCenter }
        visible: !!tile.template && !picture.visible
        name: tile.templateIcon
        size: Math.min(Theme.dp(64), parent.height)
        color: Theme.accent
    }

    actions: Repeater {
        model: tile.template ? (tile.template.actions ?? []).slice(0, 2) : []
        delegate: TouchButton {
            required property var modelData
            text: Restrictions.limitString(modelData.text)
            iconName: modelData.icon ?? ""
            onClicked: Sandbox.activate(tile.pluginId, "tile", modelData.id, -1)
        }
    }
}
