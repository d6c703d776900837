import QtQuick
import QtLocation
import QtPositioning
import HeadUnit

// The shell's map: the region on the device, drawn by the shell in the theme's day or night style, with the
// car where the vehicle says it is. One finger pans, two pinch to zoom and turn, a double tap zooms in.
// Any gesture leaves follow mode; `recenter()` returns to it. Apps add routes and markers; the map's
// attribution is drawn by MapPage.
Item {
    id: view

    // Routes as [[lat, lon], …]: the chosen one and up to two alternatives (drawn thinner, tappable).
    property var route: []
    property var alternatives: []
    // [{lat, lon, icon, label}]: places to show; a tap emits markerTapped(index).
    property var markers: []
    // "heading-up" (the car's heading points up), "north-up", or "free" (the driver moved the map).
    property string followMode: "heading-up"
    property real zoomLevel: 16
    readonly property alias map: mapSlot.map
    readonly property bool ready: Maps.available

    signal markerTapped(int index)
    signal alternativeTapped(int index)

    property string _lastFollowMode: "heading-up"
    readonly property var _car: QtPositioning.coordinate(Vehicle.latitude, Vehicle.longitude)
    readonly property bool _hasCar: !isNaN(Vehicle.latitude) && !isNaN(Vehicle.longitude)

    function recenter() {
        followMode = _lastFollowMode
    }

    // Show the whole of `shape` ([[lat, lon], …]) and stop following the car.
    function showShape(shape) {
        if (!mapSlot.map || shape.length < 2)
            return
        let path = shape.map(p => QtPositioning.coordinate(p[0], p[1]))
        followMode = "free"
        mapSlot.map.bearing = 0
        mapSlot.map.visibleRegion = QtPositioning.path(path)
        mapSlot.map.zoomLevel = Math.min(mapSlot.map.zoomLevel - 0.3, 17)
    }

    onFollowModeChanged: if (followMode !== "free") _lastFollowMode = followMode

    function _toPath(shape) {
        return shape.map(p => QtPositioning.coordinate(p[0], p[1]))
    }

    function _leaveFollow() {
        if (followMode !== "free")
            followMode = "free"
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    // One Map per tile style: QtLocation fixes a plugin's parameters when it is created, so the day/night
    // switch makes a new Map at the same place.
    Item {
        id: mapSlot
        anchors.fill: parent
        property Map map: null
        property var lastCenter: view._hasCar ? view._car
                                             : QtPositioning.coordinate(Maps.regionCenter[0], Maps.regionCenter[1])
        property real lastZoom: view.zoomLevel
        property real lastBearing: 0

        Repeater {
            model: view.ready ? [Maps.tileHost(Theme.night)] : []
            delegate: Map {
                id: map
                required property string modelData
                anchors.fill: parent
                plugin: Plugin {
                    name: "osm"
                    PluginParameter { name: "osm.mapping.custom.host"; value: map.modelData }
                    PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
                    PluginParameter { name: "osm.mapping.cache.directory"; value: Maps.cacheDirectory(Theme.night) }
                    PluginParameter { name: "osm.mapping.custom.mapcopyright"; value: Maps.attribution }
                    PluginParameter { name: "osm.mapping.custom.datacopyright"; value: "" }
                }
                activeMapType: supportedMapTypes[supportedMapTypes.length - 1]
                copyrightsVisible: false
                color: Theme.background
                center: mapSlot.lastCenter
                zoomLevel: mapSlot.lastZoom
                bearing: mapSlot.lastBearing
                minimumZoomLevel: 10
                maximumZoomLevel: 19

                Component.onCompleted: mapSlot.map = map
                Component.onDestruction: {
                    mapSlot.lastCenter = map.center
                    mapSlot.lastZoom = map.zoomLevel
                    mapSlot.lastBearing = map.bearing
                }
                onZoomLevelChanged: view.zoomLevel = map.zoomLevel

                // An alternative is drawn thin, so it hides little map; the finger gets a line a full touch
                // target wide, drawn transparent underneath it.
                MapItemView {
                    model: view.alternatives
                    delegate: MapPolyline {
                        required property var modelData
                        required property int index
                        objectName: "alternativeTarget"
                        line.width: Theme.touchTarget
                        line.color: "transparent"
                        path: view._toPath(modelData)
                        TapHandler { onTapped: view.alternativeTapped(index) }
                    }
                }
                MapItemView {
                    model: view.alternatives
                    delegate: MapPolyline {
                        required property var modelData
                        objectName: "alternativeLine"
                        line.width: Theme.dp(7)
                        line.color: Qt.alpha(Theme.textMuted, 0.8)
                        path: view._toPath(modelData)
                    }
                }
                MapPolyline {
                    objectName: "routeCasing"
                    line.width: Theme.dp(12)
                    line.color: Theme.surface
                    path: view._toPath(view.route)
                }
                MapPolyline {
                    objectName: "routeLine"
                    line.width: Theme.dp(8)
                    line.color: Theme.accent
                    path: view._toPath(view.route)
                }
                MapItemView {
                    model: view.markers
                    delegate: MapQuickItem {
                        required property var modelData
                        required property int index
                        coordinate: QtPositioning.coordinate(modelData.lat, modelData.lon)
                        anchorPoint.x: target.width / 2
                        anchorPoint.y: target.height / 2
                        // The pin is drawn small, so it hides little map; the finger gets a full touch target.
                        sourceItem: Item {
                            id: target
                            width: Theme.touchTarget
                            height: Theme.touchTarget
                            Rectangle {
                                id: pin
                                anchors.centerIn: parent
                                width: Theme.dp(44)
                                height: width
                                radius: width / 2
                                color: Theme.surface
                                border { width: Theme.dp(3); color: Theme.accent }
                                Icon {
                                    anchors.centerIn: parent
                                    name: modelData.icon ?? "mdi6.map-marker"
                                    size: Theme.dp(26)
                                    color: Theme.accent
                                }
                            }
                            TapHandler { onTapped: view.markerTapped(index) }
                        }
                    }
                }
                MapQuickItem {
                    objectName: "carMarker"
                    visible: view._hasCar
                    coordinate: view._car
                    anchorPoint.x: car.width / 2
                    anchorPoint.y: car.height / 2
                    sourceItem: Item {
                        id: car
                        width: Theme.dp(56)
                        height: width
                        Rectangle {
                            anchors.fill: parent
                            radius: width / 2
                            color: Qt.alpha(Theme.accent, 0.2)
                        }
                        Icon {
                            anchors.centerIn: parent
                            name: "mdi6.navigation"
                            size: Theme.dp(40)
                            color: Theme.accent
                            // The arrow points where the car heads, on a map that may itself be turned.
                            rotation: Vehicle.heading - map.bearing
                        }
                    }
                }
            }
        }
    }

    // Follow the car: centre on it and, heading-up, turn the map so the car heads up the screen.
    Binding {
        when: view.followMode !== "free" && view._hasCar && mapSlot.map !== null
        target: mapSlot.map
        property: "center"
        value: view._car
        restoreMode: Binding.RestoreNone
    }
    Binding {
        when: mapSlot.map !== null && view.followMode !== "free"
        target: mapSlot.map
        property: "bearing"
        value: view.followMode === "heading-up" ? Vehicle.heading : 0
        restoreMode: Binding.RestoreNone
    }

    DragHandler {
        id: drag
        target: null
        enabled: mapSlot.map !== null
        property point last
        onActiveChanged: if (active) { last = centroid.position; view._leaveFollow() }
        onCentroidChanged: {
            if (!active)
                return
            mapSlot.map.pan(last.x - centroid.position.x, last.y - centroid.position.y)
            last = centroid.position
        }
    }
    PinchHandler {
        id: pinch
        target: null
        enabled: mapSlot.map !== null
        property real startZoom
        property real startBearing
        onActiveChanged: if (active) { startZoom = mapSlot.map.zoomLevel; startBearing = mapSlot.map.bearing; view._leaveFollow() }
        onActiveScaleChanged: if (active) mapSlot.map.zoomLevel = startZoom + Math.log2(activeScale)
        onRotationChanged: if (active) mapSlot.map.bearing = startBearing - rotation
    }
    WheelHandler {
        enabled: mapSlot.map !== null
        acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
        onWheel: (event) => {
            mapSlot.map.zoomLevel = Math.max(mapSlot.map.minimumZoomLevel,
                                             Math.min(mapSlot.map.maximumZoomLevel,
                                                      mapSlot.map.zoomLevel + event.angleDelta.y / 240))
        }
    }
    TapHandler {
        enabled: mapSlot.map !== null
        onDoubleTapped: mapSlot.map.zoomLevel = Math.min(mapSlot.map.maximumZoomLevel, mapSlot.map.zoomLevel + 1)
    }

    Label {
        anchors.centerIn: parent
        visible: !view.ready
        width: parent.width * 0.7
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("No map is installed. Import one with: headunit maps import FILE.osm.pbf")
        muted: true
    }

    // Follow-mode switch and recentre: a big target on the passenger side, away from the app's panel.
    Card {
        anchors { right: parent.right; top: parent.top; margins: Theme.spacingM }
        width: followButton.width
        height: followButton.height
        radius: width / 2
        visible: view.ready
        IconButton {
            id: followButton
            objectName: "followModeButton"
            iconName: view.followMode === "heading-up" ? "mdi6.navigation-variant"
                    : view.followMode === "north-up" ? "mdi6.compass-outline" : "mdi6.crosshairs-gps"
            iconColor: view.followMode === "free" ? Theme.accent : Theme.text
            text: view.followMode === "free" ? qsTr("Follow the car")
                : view.followMode === "heading-up" ? qsTr("Heading up") : qsTr("North up")
            onClicked: {
                if (view.followMode === "free")
                    view.recenter()
                else
                    view.followMode = view.followMode === "heading-up" ? "north-up" : "heading-up"
            }
        }
    }
}
