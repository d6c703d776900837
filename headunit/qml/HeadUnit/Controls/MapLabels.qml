pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// Street and place names over the map, drawn apart from its tiles (which carry no text), so they stay
// upright and readable whatever the map's bearing. The names come from Maps.labels() for a box around the
// view, in the driver's language where the map data has it; each is placed where its point is on screen,
// most important first, and one that would overlap a name already placed, or what `avoid` covers (the car,
// the buttons), is left out for this frame.
Item {
    id: labelLayer
    objectName: "mapLabels"

    // The QtLocation Map the names belong to.
    property var map: null
    property string language: Settings.language
    // Screen rectangles no name may cover: [Qt.rect(…)]; and places on the map (the car, markers) with room
    // of keepClearRadius around them.
    property var avoid: []
    property var keepClear: []
    property real keepClearRadius: 0
    // How many names are on screen now (tests and diagnostics).
    readonly property int shownCount: _shown

    property var _labels: []
    property var _fetched: null
    property int _shown: 0
    // The map's centre (world units), zoom and bearing when the names were last placed; while only the
    // centre moves, by less than _slide on screen, the placed names slide with the map instead.
    property var _placedFor: null
    property bool _dirty: true
    readonly property real _slide: Theme.dp(96)

    readonly property color _halo: Theme.night ? Theme.background : Theme.surface
    readonly property real _pad: Theme.dp(4)
    readonly property real _sameNameGap: Theme.dp(360)

    function _fontPx(kind) {
        return kind === 1 ? Theme.dp(26) : kind === 2 ? Theme.dp(21) : kind === 3 ? Theme.dp(18) : Theme.dp(17)
    }

    function invalidate() {
        _fetched = null
        replace()
    }

    // Place every name again on the next layout (not only slide them with the map).
    function replace() {
        _dirty = true
        relayout()
    }

    function relayout() {
        Qt.callLater(labelLayer.layout)
    }

    // The names for a box half a view larger on each side than what the map shows, fetched again when the
    // view leaves it, the whole zoom level changes, or the language or the region does.
    function _fetch() {
        const m = labelLayer.map
        const corners = [Qt.point(0, 0), Qt.point(width, 0), Qt.point(0, height), Qt.point(width, height)]
            .map(p => m.toCoordinate(p, false))
        if (corners.some(c => !c.isValid))
            return false
        let south = Math.min(...corners.map(c => c.latitude)), north = Math.max(...corners.map(c => c.latitude))
        let west = Math.min(...corners.map(c => c.longitude)), east = Math.max(...corners.map(c => c.longitude))
        const zoom = Math.floor(m.zoomLevel)
        const f = labelLayer._fetched
        if (f && f.zoom === zoom && f.language === labelLayer.language && f.region === Maps.region
                && south >= f.south && north <= f.north && west >= f.west && east <= f.east)
            return true
        const dLat = (north - south) / 2, dLon = (east - west) / 2
        south -= dLat; north += dLat; west -= dLon; east += dLon
        const found = Maps.labels(south, west, north, east, zoom, labelLayer.language)
        labelLayer._labels = found.map(l => {
            const w = labelLayer._world(l.lat, l.lon)
            return { name: l.name, kind: l.kind, x: w.x, y: w.y }
        })
        labelLayer._fetched = { south: south, west: west, north: north, east: east, zoom: zoom,
                           language: labelLayer.language, region: Maps.region }
        return true
    }

    // Web Mercator in world units (0..1, y growing south), the projection QtLocation draws the map in.
    function _world(lat, lon) {
        const s = Math.sin(Math.max(-85.05112878, Math.min(85.05112878, lat)) * Math.PI / 180)
        return Qt.point((lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI))
    }

    // Each name's screen point is worked out here from the map's centre, zoom and bearing (the map is never
    // tilted), rather than asked of the map name by name: it runs on every frame the map moves.
    function layout() {
        const m = labelLayer.map
        if (!m || width <= 0 || height <= 0 || !visible) {
            _shown = 0
            return
        }
        if (!_fetch())
            return
        const centre = _world(m.center.latitude, m.center.longitude)
        const scale = 256 * Math.pow(2, m.zoomLevel)
        const b = m.bearing * Math.PI / 180
        const cos = Math.cos(b), sin = Math.sin(b)
        const cx = width / 2, cy = height / 2
        const last = labelLayer._placedFor
        if (last && !_dirty && last.zoom === m.zoomLevel && last.bearing === m.bearing) {
            const dx = (centre.x - last.x) * scale, dy = (centre.y - last.y) * scale
            const sx = dx * cos + dy * sin, sy = -dx * sin + dy * cos
            if (Math.abs(sx) < _slide && Math.abs(sy) < _slide) {
                plane.x = -sx
                plane.y = -sy
                return
            }
        }
        plane.x = 0
        plane.y = 0
        labelLayer._placedFor = { x: centre.x, y: centre.y, zoom: m.zoomLevel, bearing: m.bearing }
        _dirty = false
        const placed = labelLayer.avoid.slice()
        const r = labelLayer.keepClearRadius
        for (const c of labelLayer.keepClear) {
            const p = m.fromCoordinate(c, false)
            if (!isNaN(p.x))
                placed.push(Qt.rect(p.x - r, p.y - r, 2 * r, 2 * r))
        }
        let shown = 0
        const seen = {}  // name -> screen points: a street of many ways is named once in _sameNameGap
        for (let i = 0; i < repeater.count; ++i) {
            const item = repeater.itemAt(i)
            if (!item)
                continue
            const label = labelLayer._labels[i]
            const dx = (label.x - centre.x) * scale, dy = (label.y - centre.y) * scale
            const p = Qt.point(cx + dx * cos + dy * sin, cy - dx * sin + dy * cos)
            const w = item.implicitWidth, h = item.implicitHeight
            const box = Qt.rect(p.x - w / 2 - _pad, p.y - h / 2 - _pad, w + 2 * _pad, h + 2 * _pad)
            let ok = !isNaN(p.x) && box.x >= 0 && box.y >= 0 && box.x + box.width <= width
                     && box.y + box.height <= height
            const same = seen[label.name]
            for (let j = 0; ok && same && j < same.length; ++j) {
                if (Math.abs(same[j].x - p.x) < _sameNameGap && Math.abs(same[j].y - p.y) < _sameNameGap)
                    ok = false
            }
            for (let j = 0; ok && j < placed.length; ++j) {
                const o = placed[j]
                if (box.x < o.x + o.width && o.x < box.x + box.width && box.y < o.y + o.height
                        && o.y < box.y + box.height)
                    ok = false
            }
            if (ok) {
                placed.push(box)
                if (same)
                    same.push(p)
                else
                    seen[label.name] = [p]
                item.x = Math.round(p.x - w / 2)
                item.y = Math.round(p.y - h / 2)
                shown++
            }
            if (item.visible !== ok)
                item.visible = ok
        }
        _shown = shown
    }

    onLanguageChanged: replace()
    onWidthChanged: replace()
    onHeightChanged: replace()
    onAvoidChanged: replace()
    onKeepClearChanged: replace()
    onMapChanged: invalidate()
    on_LabelsChanged: replace()

    Connections {
        target: labelLayer.map
        function onCenterChanged() { labelLayer.relayout() }
        function onZoomLevelChanged() { labelLayer.relayout() }
        function onBearingChanged() { labelLayer.relayout() }
        function onTiltChanged() { labelLayer.relayout() }
    }
    Connections {
        target: Maps
        function onRegionChanged() { labelLayer.invalidate() }
    }

    // The names are drawn once into a layer of their own, redrawn only when they are placed again: while
    // they slide with the map each frame moves one picture, not every glyph (4 ms a frame at 1280x720 on a
    // software renderer, in benchmarks/map_frames.py).
    Item {
        id: plane
        width: labelLayer.width
        height: labelLayer.height
        layer.enabled: true
        Repeater {
            id: repeater
            model: labelLayer._labels
            delegate: Text {
                required property var modelData
                objectName: "mapLabel"
                visible: false
                text: modelData.name
                font.pixelSize: labelLayer._fontPx(modelData.kind)
                font.weight: modelData.kind <= 2 ? Font.DemiBold : Font.Medium
                color: modelData.kind === 4 ? Theme.textMuted : Theme.text
                style: Text.Outline
                styleColor: labelLayer._halo
            }
        }
    }
}
