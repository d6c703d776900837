pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Navigation

// The home tile. Guiding: the next manoeuvre. Otherwise: the drive home and the latest destinations, as
// many as fit; tapping one previews the routes there (the shell opens the app with the same tap).
ColumnLayout {
    id: tile

    required property NavigationStore store
    readonly property bool guiding: store.guiding
    // Whole rows only: the tile is clipped, and a row cut in half is no touch target.
    readonly property real roomForRecents: height - header.height - spacing - (home.visible ? home.height + spacing : 0)
    readonly property int recentsThatFit: Math.max(0, Math.floor(roomForRecents / (Theme.touchTarget + spacing)))

    // Rows as close as in the list template, so a small tile still fits a destination.
    spacing: Theme.lineWidth

    Binding { target: tile.store; property: "distanceUnit"; value: Settings.distanceUnit }
    Binding { target: tile.store; property: "language"; value: Settings.language }
    Component.onCompleted: tile.store.saved.refreshHomeEta()

    RowLayout {
        id: header
        Layout.fillWidth: true
        Icon { name: "mdi6.navigation-variant"; size: Theme.fontSecondary; color: Theme.accent }
        Label {
            text: tile.guiding ? tile.store.destinationName : qsTr("Navigation")
            role: "secondary"
            muted: true
            Layout.fillWidth: true
        }
    }

    // Guiding: the next manoeuvre, as the app's card shows it.
    RowLayout {
        visible: tile.guiding
        spacing: Theme.spacingM
        Layout.fillWidth: true
        Rectangle {
            color: Theme.accent
            radius: Theme.tileRadius
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            Icon {
                objectName: "tileManeuverIcon"
                anchors.centerIn: parent
                name: tile.store.progress.icon
                size: parent.width * 0.86
                color: Theme.onAccent
            }
        }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Label {
                objectName: "tileManeuverDistance"
                text: isNaN(tile.store.progress.distanceMeters) ? "" : Format.distance(tile.store.progress.distanceMeters)
                role: "display"
                Layout.fillWidth: true
            }
            Label {
                objectName: "tileManeuverStreet"
                visible: text !== ""
                text: tile.store.progress.street
                role: "secondary"
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Theme.fontSmall
                Layout.fillWidth: true
            }
        }
    }

    // Guiding: when the car arrives, and what is left.
    RowLayout {
        visible: tile.guiding
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        Icon { name: "mdi6.flag-checkered"; size: Theme.fontSecondary; color: Theme.textMuted }
        Label {
            objectName: "tileArrival"
            text: isNaN(tile.store.progress.arrivalTime) ? "" : Format.clock(tile.store.progress.arrivalTime)
            role: "secondary"
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "tileRemaining"
            text: isNaN(tile.store.progress.remainingMeters) ? ""
                : Format.duration(tile.store.progress.remainingSeconds) + " · "
                  + Format.distance(tile.store.progress.remainingMeters)
            role: "secondary"
            muted: true
        }
    }

    // Not guiding: home, then the latest destinations.
    ItemRow {
        id: home
        objectName: "tileHome"
        visible: !tile.guiding && tile.store.saved.hasHome
        title: qsTr("Home")
        iconName: "mdi6.home"
        trailing: tile.store.saved.homeEta
        onClicked: tile.store.saved.previewHome()
        Layout.fillWidth: true
    }
    Repeater {
        model: tile.store.saved.recent
        delegate: ItemRow {
            required property int index
            required property var model
            objectName: "tileRecent"
            visible: !tile.guiding && index < tile.recentsThatFit
            title: model.title
            iconName: model.icon
            trailing: model.trailing
            onClicked: tile.store.saved.previewRecent(index)
            Layout.fillWidth: true
        }
    }
    Label {
        objectName: "tileWhereTo"
        visible: !tile.guiding && !tile.store.saved.hasHome && !tile.store.saved.hasRecent
        text: qsTr("Where to?")
        role: "primary"
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
}
