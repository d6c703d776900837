pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The routes to one place: each one's duration, main road and distance; the chosen one is ticked. When parked,
// the place can be made home or a favourite. Values in, signals out.
ColumnLayout {
    id: panel

    property string name
    property var routes            // rows: title (duration), subtitle (via …), icon, trailing (distance)
    property bool busy
    property string errorTitle     // "No route to …"
    property string error          // the router's reason
    property bool canSave

    signal routeChosen(int index)
    signal homeChosen()
    signal favouriteChosen()

    spacing: Theme.spacingS

    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Label {
            objectName: "previewName"
            text: panel.name
            role: "primary"
            wrapMode: Text.Wrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }
        IconButton {
            objectName: "setHome"
            visible: panel.canSave
            iconName: "mdi6.home-outline"
            text: qsTr("Set as home")
            onClicked: panel.homeChosen()
        }
        IconButton {
            objectName: "saveFavourite"
            visible: panel.canSave
            iconName: "mdi6.star-outline"
            text: qsTr("Save as favourite")
            onClicked: panel.favouriteChosen()
        }
    }
    Label {
        visible: panel.busy
        text: qsTr("Finding routes…")
        role: "secondary"
        muted: true
        Layout.fillWidth: true
    }
    Label {
        objectName: "noRouteTitle"
        visible: text !== ""
        text: panel.errorTitle
        role: "secondary"
        color: Theme.danger
        wrapMode: Text.Wrap
        maximumLineCount: 2
        Layout.fillWidth: true
    }
    Label {
        objectName: "noRouteReason"
        visible: text !== ""
        text: Restrictions.limitString(panel.error)
        role: "secondary"
        muted: true
        wrapMode: Text.Wrap
        maximumLineCount: 5
        Layout.fillWidth: true
    }
    // At most three routes, so all of them show at once, moving or not.
    ColumnLayout {
        objectName: "navigationRoutes"
        visible: routeRows.count > 0
        spacing: Theme.lineWidth
        Layout.fillWidth: true
        Repeater {
            id: routeRows
            model: panel.routes
            delegate: ItemRow {
                required property int index
                required property var model
                objectName: "routeOption"
                title: model.title
                subtitle: model.subtitle
                iconName: model.icon
                trailing: model.trailing
                onClicked: panel.routeChosen(index)
                Layout.fillWidth: true
            }
        }
    }
}
