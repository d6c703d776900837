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

    // Guiding: the next manoeuvre.
    RowLayout {
        visible: tile.guiding
        spacing: Theme.spacingM
        Layout.fillWidth: true
        Icon {
            objectName: "tileManeuverIcon"
            name: tile.store.progress.icon
            size: Theme.touchTarget
            color: Theme.accent
        }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            RowLayout {
                spacing: Theme.spacingS
                Label { objectName: "tileManeuverDistance"; text: tile.store.progress.distance; role: "display" }
                Label {
                    text: tile.store.progress.distanceUnit
                    role: "secondary"
                    muted: true
                    Layout.alignment: Qt.AlignBaseline
                    Layout.fillWidth: true
                }
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

    // Guiding: what is left, and when the car arrives.
    RowLayout {
        visible: tile.guiding
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        Icon { name: "mdi6.map-marker-distance"; size: Theme.fontSecondary; color: Theme.textMuted }
        Label { text: tile.store.progress.remaining + " " + tile.store.progress.remainingUnit; role: "secondary" }
        Item { Layout.fillWidth: true }
        Icon { name: "mdi6.flag-checkered"; size: Theme.fontSecondary; color: Theme.textMuted }
        Label {
            objectName: "tileArrival"
            text: isNaN(tile.store.progress.arrivalTime) ? ""
                : Qt.formatTime(new Date(tile.store.progress.arrivalTime * 1000), Settings.clock24h ? "HH:mm" : "h:mm AP")
            role: "secondary"
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
        visible: !tile.guiding && !tile.store.saved.hasHome && tile.store.saved.recent.count === 0
        text: qsTr("Where to?")
        role: "primary"
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
}
