import QtQuick
import HeadUnit
import HeadUnit.Controls

// The map card on a navigation app's wide home tile, drawn by the shell: the road ahead with the route the app
// publishes while it guides (heading-up), else the streets around the car (north-up). Looked at, not moved:
// a tap opens the app, as on any tile. Its own file, so home compiles the map only when a tile shows one.
Rectangle {
    id: card

    property bool guides: false

    radius: Theme.tileRadius / 2
    color: Theme.surfaceRaised
    clip: true

    MapView {
        anchors.fill: parent
        enabled: false
        controls: false
        followMode: card.guides ? "heading-up" : "north-up"
        zoomLevel: card.guides ? 16 : 15
        route: card.guides ? Navigation.routeShape : []
    }
    Rectangle {
        anchors { right: parent.right; bottom: parent.bottom }
        visible: Maps.attribution !== ""
        width: attribution.implicitWidth + Theme.spacingS
        height: attribution.implicitHeight
        color: Qt.alpha(Theme.surface, 0.85)
        Text {
            id: attribution
            anchors.centerIn: parent
            text: Maps.attribution
            color: Theme.textMuted
            font.pixelSize: Math.round(Theme.fontSmall * 0.6)
        }
    }
}
