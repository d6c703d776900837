pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.AppMall

// The apps of a section: the search (parked), and a row per app with its icon, name, rating and a badge
// (Installed, Update). While the car moves the list keeps to the whole rows that fit, six at most.
ColumnLayout {
    id: list

    required property Mall mall

    spacing: Theme.spacingS

    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        SearchEntry {
            objectName: "mallSearch"
            placeholderText: qsTr("Search apps")
            // While driving the sections are the alternatives to typing.
            alternatives: []
            onSearchRequested: (text) => list.mall.search(text)
            Layout.fillWidth: true
        }
        TouchButton {
            objectName: "mallRefresh"
            iconName: "mdi6.refresh"
            enabled: !list.mall.refreshing
            Accessible.name: qsTr("Refresh")
            onClicked: list.mall.refresh()
        }
    }

    Label {
        objectName: "mallError"
        visible: text !== ""
        text: list.mall.errorText
        role: "small"
        color: Theme.warning
        Layout.fillWidth: true
    }

    // The rows: parked they scroll; otherwise only the whole rows that fit, six at most, and how many wait.
    Item {
        id: rowsArea
        // The tallest row seen: while driving only whole rows show, since the list cannot scroll.
        property real rowHeight: Theme.touchTarget
        readonly property int rowsThatFit: Math.max(1, Math.floor((height - Theme.touchTarget) / (rowHeight + Theme.lineWidth)))
        readonly property int shownRows: Restrictions.maxItemsPerScreen > 0
                                         ? Math.min(list.mall.rows.length, rowsThatFit, Restrictions.maxItemsPerScreen)
                                         : list.mall.rows.length
        readonly property int waiting: list.mall.rows.length - shownRows
        Layout.fillWidth: true
        Layout.fillHeight: true

        Flickable {
            id: flick
            anchors { left: parent.left; right: parent.right; top: parent.top; bottom: moreHint.visible ? moreHint.top : parent.bottom }
            contentHeight: rowsColumn.implicitHeight
            interactive: !Restrictions.active
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            onInteractiveChanged: if (!interactive) contentY = 0

            Column {
                id: rowsColumn
                width: flick.width
                spacing: Theme.lineWidth
                Repeater {
                    model: list.mall.rows.slice(0, rowsArea.shownRows)
                    delegate: ItemRow {
                        required property var modelData
                        objectName: "mallApp:" + modelData.id
                        width: rowsColumn.width
                        title: modelData.title
                        subtitle: modelData.subtitle
                        iconName: modelData.icon
                        trailing: modelData.trailing
                        onClicked: list.mall.openApp(modelData.id)
                        onImplicitHeightChanged: rowsArea.rowHeight = Math.max(rowsArea.rowHeight, implicitHeight)
                        Component.onCompleted: rowsArea.rowHeight = Math.max(rowsArea.rowHeight, implicitHeight)
                    }
                }
            }
        }

        Label {
            id: moreHint
            objectName: "mallMoreWhenParked"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            visible: rowsArea.waiting > 0
            height: visible ? Theme.touchTarget : 0
            horizontalAlignment: Text.AlignHCenter
            role: "secondary"
            muted: true
            text: qsTr("%n more when parked", "", rowsArea.waiting)
        }
    }

    Label {
        objectName: "mallEmpty"
        visible: list.mall.rows.length === 0
        text: list.mall.refreshing && list.mall.total === 0 ? qsTr("Loading the apps…")
            : list.mall.query !== "" ? qsTr("No app found")
            : list.mall.section === "updates" ? qsTr("Every app is up to date")
            : list.mall.section === "installed" ? qsTr("No app installed from the mall yet")
            : qsTr("No apps yet")
        role: "secondary"
        muted: true
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
        Layout.bottomMargin: Theme.spacingXL
    }
}
