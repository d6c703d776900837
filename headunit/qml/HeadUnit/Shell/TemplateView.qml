pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// A third-party app's driving template, drawn with the shell's own controls and restrictions: a list,
// a grid, a pane, a message, now playing or a manoeuvre. Without one: "Available when parked".
Item {
    id: view

    required property string pluginId
    property string name
    property var template: null
    // Parked and the app's own page not there yet: a quiet wait instead of "Available when parked".
    property bool waiting: false
    readonly property string kind: template ? template.kind : ""

    function act(action, index) { Sandbox.activate(pluginId, "page", action, index) }

    Label {
        id: heading
        anchors { left: parent.left; right: parent.right; top: parent.top }
        visible: view.kind !== "" && (view.template.title ?? "") !== ""
        text: Restrictions.limitString(view.template ? view.template.title ?? "" : "")
        role: "primary"
    }

    Item {
        anchors { left: parent.left; right: parent.right; top: heading.visible ? heading.bottom : parent.top
                  bottom: parent.bottom; topMargin: heading.visible ? Theme.spacingM : 0 }

        ItemList {
            anchors.fill: parent
            visible: view.kind === "list"
            model: view.kind === "list" ? view.template.rows : []
            onActivated: (index) => view.act("row", index)
        }
        ItemGrid {
            anchors.fill: parent
            visible: view.kind === "grid"
            model: view.kind === "grid" ? view.template.items : []
            onActivated: (index) => view.act("row", index)
        }
        ColumnLayout {
            anchors.fill: parent
            visible: view.kind === "pane"
            spacing: Theme.spacingM
            DetailPane {
                Layout.fillWidth: true
                icon: view.kind === "pane" ? view.template.icon ?? "" : ""
                title: view.kind === "pane" ? view.template.title : ""
                subtitle: view.kind === "pane" ? view.template.subtitle ?? "" : ""
                actions: view.kind === "pane" ? (view.template.actions ?? []).slice(0, 2).map(
                             a => ({label: a.text, icon: a.icon ?? "", value: a.id})) : []
                onActionChosen: (value) => view.act(value, -1)
            }
            Repeater {
                model: view.kind === "pane" ? (view.template.rows ?? []).slice(0, 4) : []
                delegate: RowLayout {
                    id: row
                    required property var modelData
                    Layout.fillWidth: true
                    Label { text: Restrictions.limitString(row.modelData.label); role: "secondary"; muted: true }
                    Label { text: Restrictions.limitString(row.modelData.value); role: "secondary"; Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight }
                }
            }
            Item { Layout.fillHeight: true }
        }
        RowLayout {
            anchors { left: parent.left; right: parent.right; top: parent.top }
            visible: view.kind === "message"
            spacing: Theme.spacingM
            Icon {
                visible: view.kind === "message" && (view.template.icon ?? "") !== ""
                name: view.kind === "message" ? view.template.icon ?? "" : ""
                color: Theme.accent
                Layout.alignment: Qt.AlignTop
            }
            MessageView {
                Layout.fillWidth: true
                sender: view.kind === "message" ? view.template.title : ""
                body: view.kind === "message" ? view.template.text ?? "" : ""
            }
        }
        NowPlaying {
            anchors.fill: parent
            visible: view.kind === "nowPlaying"
            title: view.kind === "nowPlaying" ? view.template.title : ""
            artist: view.kind === "nowPlaying" ? view.template.artist ?? "" : ""
            playing: view.kind === "nowPlaying" && !!view.template.playing
            position: view.kind === "nowPlaying" ? view.template.position ?? 0 : 0
            duration: view.kind === "nowPlaying" ? view.template.duration ?? 0 : 0
            onPlayPauseRequested: view.act("play-pause", -1)
            onPreviousRequested: view.act("previous", -1)
            onNextRequested: view.act("next", -1)
        }
        // The shell's own map, following the car, with the route the app sent, and its next manoeuvre.
        Loader {
            anchors.fill: parent
            active: view.kind === "navigation"
            sourceComponent: MapPage {
                attribution: Maps.attribution
                MapView {
                    anchors.fill: parent
                    route: view.template.route ?? []
                }
                panel: [
                    RowLayout {
                        spacing: Theme.spacingM
                        Icon {
                            name: "mdi6.arrow-" + ({"turn-left": "left-top", "turn-right": "right-top", "straight": "up",
                                                    "u-turn": "u-left-top", "arrive": "down"}[view.template.maneuver] ?? "up")
                            size: Theme.dp(72); color: Theme.accent
                        }
                        ColumnLayout {
                            spacing: 0
                            Label { text: view.template.distance; role: "display" }
                            Label { text: Restrictions.limitString(view.template.street ?? ""); Layout.fillWidth: true }
                        }
                    },
                    Label { text: view.template.remaining ?? ""; role: "secondary"; muted: true; visible: text !== "" }
                ]
            }
        }
    }

    ColumnLayout {
        objectName: "availableWhenParked"
        anchors.centerIn: parent
        width: Math.min(parent.width, Theme.dp(560))
        visible: view.kind === "" && !view.waiting
        spacing: Theme.spacingM
        Icon { name: "mdi6.car-brake-parking"; size: Theme.dp(72); color: Theme.textMuted; Layout.alignment: Qt.AlignHCenter }
        Label { text: Restrictions.limitString(view.name); Layout.alignment: Qt.AlignHCenter }
        Label {
            text: qsTr("Available when parked")
            role: "secondary"; muted: true
            Layout.alignment: Qt.AlignHCenter
        }
    }
}
