pragma ComponentBehavior: Bound
import QtQuick
import QtLocation
import QtPositioning
import HeadUnit

// The shell's map: the region on the device, drawn by the shell in the theme's day or night style, with the
// car where the vehicle says it is. One finger pans, two pinch to zoom and turn, a double tap zooms in.
// Any gesture leaves follow mode; `recenter()` returns to it. Apps add routes and markers; the map's
// attribution is drawn by MapPage.
//
// Street and place names are a layer of their own over the map (MapLabels), never turned: heading-up, the
// map turns under them. Heading-up, the car sits low on the screen (75 % down what the app's panels leave
// free) so the driver sees the road ahead; north-up it sits in the middle of that free part. The route is
// drawn cased, under the names, from the car on: the part driven (`routeDriven`) is trimmed.
Item {
    id: view

    // Routes as [[lat, lon], …]: the chosen one and up to two alternatives (drawn thinner, tappable).
    property var route: []
    // Index into `route` of the last point the car has passed; the route before the car is not drawn.
    // -1: nothing driven yet.
    property int routeDriven: -1
    property var alternatives: []
    // [{lat, lon, icon, label}]: places to show; a tap emits markerTapped(index).
    property var markers: []
    // "heading-up" (the car's heading points up), "north-up", or "free" (the driver moved the map).
    property string followMode: "heading-up"
    property real zoomLevel: 16
    // Pixels at the bottom and on the left covered by the app's own panels: the car is placed in the rest.
    property real bottomInset: 0
    property real leftInset: 0
    readonly property alias map: mapSlot.map
    // The map's bearing now (0 north-up; the car's heading, heading-up).
    readonly property real bearing: mapSlot.map ? mapSlot.map.bearing : 0
    // Where the car is kept on screen while following (in this item's coordinates).
    readonly property point carPoint: Qt.point(leftInset + (width - leftInset) / 2,
                                               (height - bottomInset) * (followMode === "heading-up" ? 0.75 : 0.5))
    readonly property bool ready: Maps.available
    // Whether the follow-mode button shows: false for a map that is only looked at (home's map card).
    property bool controls: true

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

    // Where a place is on screen, in this item's coordinates (NaN without a map).
    function pointOf(lat, lon) {
        if (!mapSlot.map)
            return Qt.point(NaN, NaN)
        return mapSlot.map.fromCoordinate(QtPositioning.coordinate(lat, lon), false)
    }

    onFollowModeChanged: {
        if (followMode !== "free")
            _lastFollowMode = followMode
        _follow()
    }
    onCarPointChanged: _follow()

    // Follow the car: turn the map (heading-up) or keep north up, and put the car at carPoint.
    function _follow() {
        const m = mapSlot.map
        if (!m || followMode === "free")
            return
        const heading = followMode === "heading-up" && !isNaN(Vehicle.heading) ? Vehicle.heading : 0
        if (m.bearing !== heading)
            m.bearing = heading
        if (!_hasCar)
            return
        // The centre that puts the car at carPoint, in Web Mercator world units (0..1, y growing south): the
        // car's screen offset from the middle, turned back by the bearing and scaled to the zoom.
        const s = Math.sin(Math.max(-85.05112878, Math.min(85.05112878, Vehicle.latitude)) * Math.PI / 180)
        const carX = (Vehicle.longitude + 180) / 360, carY = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)
        const b = heading * Math.PI / 180, scale = 256 * Math.pow(2, m.zoomLevel)
        const sx = carPoint.x - width / 2, sy = carPoint.y - height / 2
        const x = carX - (sx * Math.cos(b) - sy * Math.sin(b)) / scale
        const y = carY - (sx * Math.sin(b) + sy * Math.cos(b)) / scale
        m.center = QtPositioning.coordinate(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180 / Math.PI, x * 360 - 180)
    }
    // A reading changes latitude, longitude and heading together: the map follows once for all three.
    Connections {
        target: Vehicle
        function onLatitudeChanged() { Qt.callLater(view._follow) }
        function onLongitudeChanged() { Qt.callLater(view._follow) }
        function onHeadingChanged() { Qt.callLater(view._follow) }
    }

    // The route from the car on: the driven part is left out, and the segment the car is on starts where the
    // car is along it.
    readonly property var _routeAhead: routeDriven < 0 ? route : route.slice(routeDriven + 1)
    readonly property var _routePath: _toPath(_routeAhead)
    readonly property var _routeHead: {
        if (routeDriven < 0 || routeDriven + 1 >= route.length)
            return []
        const a = route[routeDriven], b = route[routeDriven + 1]
        let t = 0
        if (_hasCar) {
            // Project the car onto a→b on a local flat plane (metres are not needed, only the ratio).
            const k = Math.cos(a[0] * Math.PI / 180)
            const bx = (b[1] - a[1]) * k, by = b[0] - a[0]
            const cx = (Vehicle.longitude - a[1]) * k, cy = Vehicle.latitude - a[0]
            const len2 = bx * bx + by * by
            t = len2 > 0 ? Math.max(0, Math.min(1, (cx * bx + cy * by) / len2)) : 0
        }
        return [QtPositioning.coordinate(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t),
                QtPositioning.coordinate(b[0], b[1])]
    }

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
                objectName: "mapSurface"
                anchors.fill: parent
                plugin: Plugin {
                    name: "osm"
                    PluginParameter { name: "osm.mapping.custom.host"; value: map.modelData }
                    PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
                    PluginParameter { name: "osm.mapping.cache.directory"; value: Maps.cacheDirectory(Theme.night) }
                    PluginParameter { name: "osm.mapping.cache.disk.size"; value: Maps.tileCacheBytes }
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

                Component.onCompleted: {
                    mapSlot.map = map
                    view._follow()
                }
                Component.onDestruction: {
                    mapSlot.lastCenter = map.center
                    mapSlot.lastZoom = map.zoomLevel
                    mapSlot.lastBearing = map.bearing
                }
                onZoomLevelChanged: {
                    view.zoomLevel = map.zoomLevel
                    view._follow()
                }

                // An alternative is drawn thin, so it hides little map; the finger gets a line a full touch
                // target wide, drawn transparent underneath it.
                MapItemView {
                    model: view.alternatives
                    delegate: MapPolyline {
                        id: alternativeLine
                        required property var modelData
                        required property int index
                        objectName: "alternativeTarget"
                        line.width: Theme.touchTarget
                        line.color: "transparent"
                        path: view._toPath(modelData)
                        TapHandler { onTapped: view.alternativeTapped(alternativeLine.index) }
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
                // The route: a wide dark casing under a bright line, both casings first so the two pieces (the
                // segment the car is on, and the rest) join without a seam.
                MapPolyline {
                    objectName: "routeCasingHead"
                    line.width: Theme.dp(16)
                    line.color: view._routeCasing
                    path: view._routeHead
                }
                MapPolyline {
                    objectName: "routeCasing"
                    line.width: Theme.dp(16)
                    line.color: view._routeCasing
                    path: view._routePath
                }
                MapPolyline {
                    objectName: "routeLineHead"
                    line.width: Theme.dp(10)
                    line.color: view._routeFill
                    path: view._routeHead
                }
                MapPolyline {
                    objectName: "routeLine"
                    line.width: Theme.dp(10)
                    line.color: view._routeFill
                    path: view._routePath
                }
                MapItemView {
                    model: view.markers
                    delegate: MapQuickItem {
                        id: marker
                        required property var modelData
                        required property int index
                        coordinate: QtPositioning.coordinate(modelData.lat, modelData.lon)
                        anchorPoint.x: hitArea.width / 2
                        anchorPoint.y: hitArea.height / 2
                        // The pin is drawn small, so it hides little map; the finger gets a full touch target.
                        sourceItem: Item {
                            id: hitArea
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
                                    name: marker.modelData.icon ?? "mdi6.map-marker"
                                    size: Theme.dp(26)
                                    color: Theme.accent
                                }
                            }
                            TapHandler { onTapped: view.markerTapped(marker.index) }
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

    readonly property color _routeFill: Theme.accent
    readonly property color _routeCasing: Theme.night ? Qt.darker(Theme.accent, 2.6) : Qt.darker(Theme.accent, 1.7)

    // The names, upright over the turning map and the route, clear of the car and the places shown.
    MapLabels {
        id: labels
        anchors.fill: parent
        map: mapSlot.map
        visible: view.ready
        // While following, the car stays at carPoint: kept clear as a fixed spot on screen, so a new reading
        // does not place every name again (they slide with the map); otherwise where it is on the map.
        readonly property bool _carFixed: view.followMode !== "free" && view._hasCar
        keepClear: (view._hasCar && !_carFixed ? [view._car] : []).concat(
                       view.markers.map(m => QtPositioning.coordinate(m.lat, m.lon)))
        keepClearRadius: Theme.dp(30)
        // Nothing half hidden under the app's panels or the buttons.
        avoid: [Qt.rect(followCard.x, followCard.y, followCard.width, followCard.height),
                Qt.rect(0, 0, view.leftInset, view.height),
                Qt.rect(0, view.height - view.bottomInset, view.width, view.bottomInset)].concat(
                   _carFixed ? [Qt.rect(view.carPoint.x - keepClearRadius, view.carPoint.y - keepClearRadius,
                                        2 * keepClearRadius, 2 * keepClearRadius)] : [])
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

    // Follow-mode switch and recentre: a big target on the passenger side, away from the app's panel. It
    // stands out from the map by day and night: a raised disc with a clear edge, filled with the accent
    // colour while the map has left the car (then a tap brings it back).
    Rectangle {
        id: followCard
        objectName: "followModeCard"
        anchors { right: parent.right; top: parent.top; margins: Theme.spacingM }
        width: followButton.width
        height: followButton.height
        radius: width / 2
        visible: view.ready && view.controls
        color: view.followMode === "free" ? Theme.accent : Theme.surfaceRaised
        border.width: Theme.dp(3)
        border.color: view.followMode === "free" ? Qt.lighter(Theme.accent, 1.3) : Theme.outline
        IconButton {
            id: followButton
            objectName: "followModeButton"
            iconName: view.followMode === "heading-up" ? "mdi6.navigation-variant"
                    : view.followMode === "north-up" ? "mdi6.compass-outline" : "mdi6.crosshairs-gps"
            iconColor: view.followMode === "free" ? Theme.onAccent : Theme.text
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
