pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic as T
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The categories as large tiles: icon, name and how many parts (for the car, in "for my car"). Parked the
// grid scrolls; while the car is not parked it shows the whole tiles that fit, at most six, and says how
// many more wait for parking.
Item {
    id: grid

    property var model: []     // [{id, title, icon, subtitle}]
    signal chosen(string category)

    readonly property int columns: Math.max(2, Math.floor(width / Theme.dp(230)))
    readonly property real cellWidth: (width - (columns - 1) * Theme.spacingS) / columns
    readonly property real cellHeight: Theme.dp(112)
    readonly property int tilesThatFit: columns * Math.max(1, Math.floor((height - Theme.touchTarget + Theme.spacingS) / (cellHeight + Theme.spacingS)))
    readonly property int shown: Restrictions.active ? Math.min(model.length, tilesThatFit, Restrictions.maxItemsPerScreen)
                                                     : model.length

    Flickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: moreHint.visible ? moreHint.top : parent.bottom }
        contentHeight: tiles.implicitHeight
        interactive: !Restrictions.active
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        onInteractiveChanged: if (!interactive) contentY = 0

        Grid {
            id: tiles
            width: flick.width
            columns: grid.columns
            spacing: Theme.spacingS
            Repeater {
                model: grid.model.slice(0, grid.shown)
                delegate: T.AbstractButton {
                    id: tile
                    required property var modelData
                    objectName: "storeCategory:" + modelData.id
                    width: grid.cellWidth
                    height: grid.cellHeight
                    focusPolicy: Qt.NoFocus
                    Accessible.name: modelData.title
                    onClicked: grid.chosen(modelData.id)
                    background: Rectangle {
                        radius: Theme.tileRadius
                        color: tile.down ? Theme.surfaceRaised : Theme.surface
                        border.width: Theme.lineWidth
                        border.color: Qt.rgba(Theme.outline.r, Theme.outline.g, Theme.outline.b, 0.35)
                    }
                    contentItem: RowLayout {
                        spacing: Theme.spacingM
                        Icon {
                            name: tile.modelData.icon
                            color: Theme.accent
                            Layout.leftMargin: Theme.spacingM
                        }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label {
                                text: Restrictions.limitString(tile.modelData.title)
                                role: "secondary"
                                wrapMode: Text.WordWrap
                                maximumLineCount: 2
                                Layout.fillWidth: true
                            }
                            Label {
                                text: tile.modelData.subtitle || ""
                                role: "small"
                                muted: true
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }
        }
    }

    Label {
        id: moreHint
        objectName: "storeCategoriesMore"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        visible: grid.model.length > grid.shown
        height: visible ? Theme.touchTarget : 0
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        role: "secondary"
        muted: true
        text: qsTr("%n more when parked", "", grid.model.length - grid.shown)
    }
}
