pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit
import HeadUnit.Controls

// Home: a grid of tiles that fills the screen at every size. Navigation, the weather and music come first,
// then what comes up next (the newest reminder), then every other app, then Settings. Two rows show at
// once; on a wide screen the columns grow so that nothing scrolls, and the first tile (the map) takes any
// slot left over, so no slot is ever empty. Where home scrolls, the next row peeks in under a "More" cue.
// A plugin with a tile shows it live once loaded; until then, and for plugins without one, the tile is
// drawn from the manifest.
Flickable {
    id: home

    signal settingsRequested()
    signal notificationsRequested()

    // The apps a driver reaches most, first, in this order.
    readonly property var priority: ["org.headunit.navigation", "org.headunit.weather", "org.headunit.music"]
    readonly property var order: {
        const apps = Apps.launchable
        const first = priority.filter(id => apps.indexOf(id) >= 0)
        const rest = apps.filter(id => priority.indexOf(id) < 0)
        return first.concat(["#upnext"], rest, ["#settings"])
    }
    // On a wide screen, columns enough for every tile in two rows with the map's tile two columns wide.
    readonly property int columns: width >= Theme.dp(1400) ? Math.min(6, Math.max(4, Math.ceil((order.length + 1) / 2)))
                                 : width >= Theme.dp(900) ? 3 : 2
    // Each tile's row, column and span (1 or 2 columns). The navigation tile (while guiding, the guiding app's)
    // always takes two columns: its right half is the live map, around the car or of the route. The slots the
    // last row would leave empty go to the first tiles, which grow to two columns, so no slot is ever empty.
    readonly property string guide: Navigation.active ? Navigation.publisher : priority[0]
    readonly property var placement: {
        const cols = columns
        const wide = {}
        let slots = order.length
        if (order.indexOf(guide) >= 0 && cols > 1) { wide[guide] = true; slots++ }
        let extra = (cols - slots % cols) % cols
        const out = {}
        let row = 0, col = 0
        for (const key of order) {
            let span = 1
            if (wide[key] || (extra > 0 && cols > 1)) {
                if (col + 2 <= cols) {
                    span = 2
                    if (!wide[key]) extra--
                } else if (wide[key]) {
                    col = 0; row++   // the wide tile starts a row; the hole it leaves goes to the next tile
                    span = 2
                    extra++
                }
            }
            out[key] = { row: row, col: col, span: span }
            col += span
            if (col >= cols) { col = 0; row++ }
        }
        out["#rows"] = row + (col > 0 ? 1 : 0)
        return out
    }
    readonly property int rows: placement["#rows"]
    readonly property bool scrolls: rows > 2
    // Where home scrolls, a strip of the third row shows under the first two (not on the smallest screens,
    // where every pixel goes to the tiles; the More cue says it there).
    readonly property real peek: scrolls && height > Theme.dp(480) ? Theme.dp(28) : 0
    readonly property real cellWidth: (width - (columns + 1) * Theme.spacingM) / columns
    readonly property real cellHeight: Math.max(Theme.touchTarget * 2, (height - 3 * Theme.spacingM - peek) / 2)

    function slotRect(key) {
        const p = placement[key]
        if (!p) return Qt.rect(0, 0, 0, 0)
        return Qt.rect(Theme.spacingM + p.col * (cellWidth + Theme.spacingM),
                       Theme.spacingM + p.row * (cellHeight + Theme.spacingM),
                       p.span * cellWidth + (p.span - 1) * Theme.spacingM, cellHeight)
    }

    contentHeight: rows * (cellHeight + Theme.spacingM) + Theme.spacingM
    boundsBehavior: Flickable.StopAtBounds
    clip: true

    Repeater {
        model: Apps
        delegate: AppTile {
            required property var model
            readonly property rect slot: home.slotRect(model.pluginId)
            pluginId: model.pluginId
            name: model.name
            icon: model.icon
            status: model.status
            hasTile: model.hasTile
            loaded: model.loaded
            description: model.description
            category: model.category
            x: slot.x; y: slot.y; width: slot.width; height: slot.height
            onOpenRequested: Apps.openApp(pluginId)
        }
    }

    // What comes up next: the newest reminder or message, and how many more wait in the notifications.
    Card {
        id: upNext
        objectName: "upNextTile"
        readonly property rect slot: home.slotRect("#upnext")
        readonly property var latest: Notifications.latest
        readonly property bool hasItem: latest.title !== undefined
        x: slot.x; y: slot.y; width: slot.width; height: slot.height

        TapHandler { onTapped: home.notificationsRequested() }

        HomeTile {
            anchors { fill: parent; margins: Theme.spacingM }
            iconName: "mdi6.calendar-clock"
            title: qsTr("Up next")
            headline: upNext.hasItem ? Restrictions.limitString(upNext.latest.title) : qsTr("Nothing coming up")
            secondary: upNext.hasItem ? Restrictions.limitString(upNext.latest.body)
                                      : qsTr("Reminders show here")
            trailing: Label {
                objectName: "upNextMore"
                visible: Notifications.count > 1
                //: How many more notifications wait besides the one on the card, e.g. "+2".
                text: qsTr("+%1").arg(Notifications.count - 1)
                role: "small"
                color: Theme.accent
            }
            Icon {
                anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                readonly property string level: upNext.hasItem ? upNext.latest.level : ""
                name: level === "error" ? "mdi6.alert-octagon-outline" : level === "warning" ? "mdi6.alert-outline"
                    : level === "success" ? "mdi6.check-circle-outline" : upNext.hasItem ? "mdi6.bell-ring-outline"
                    : "mdi6.calendar-check-outline"
                size: Math.min(Theme.dp(64), parent.height)
                color: level === "error" ? Theme.danger : level === "warning" ? Theme.warning
                     : upNext.hasItem ? Theme.accent : Theme.textMuted
            }
        }
    }

    AppTile {
        objectName: "settingsTile"
        readonly property rect slot: home.slotRect("#settings")
        x: slot.x; y: slot.y; width: slot.width; height: slot.height
        pluginId: ""
        name: qsTr("Settings")
        icon: "mdi6.cog-outline"
        description: qsTr("Display, units, language, apps")
        status: "ok"
        onOpenRequested: home.settingsRequested()
    }

    // The cue where home scrolls, in a strip of its own under the tiles (the shell ends home above it): "More"
    // and a chevron while there is more below. It is a sign, not a button (a swipe scrolls): a strip a touch
    // target high would take a row's worth of the smallest screen.
    readonly property real cueHeight: scrolls ? Theme.dp(40) : 0
    Item {
        objectName: "homeMoreCue"
        parent: home.parent
        z: -1  // under the overlays (All apps, Recents) that cover home
        visible: home.visible && home.scrolls
        x: home.x
        y: home.y + home.height
        width: home.width
        height: home.cueHeight
        Rectangle {
            objectName: "homeMorePill"
            anchors.centerIn: parent
            visible: !home.atYEnd
            width: moreRow.implicitWidth + 2 * Theme.spacingL
            height: parent.height - Theme.spacingS
            radius: height / 2
            color: Theme.surfaceRaised
            Row {
                id: moreRow
                anchors.centerIn: parent
                spacing: Theme.spacingS
                Label {
                    objectName: "homeMoreText"
                    text: qsTr("More")
                    role: "secondary"
                    anchors.verticalCenter: parent.verticalCenter
                }
                Icon {
                    name: "mdi6.chevron-down"
                    size: Theme.fontPrimary
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
    }
}
