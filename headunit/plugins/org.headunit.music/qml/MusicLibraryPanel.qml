pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// The library: the categories across the top; a level's songs in a list, its albums as a grid of covers.
// Deeper levels get a back button and their name; a level of songs can be played or shuffled whole.
ColumnLayout {
    id: panel

    required property Browser browser
    // What the first level shows across the top (the library) or nothing (search results).
    property var categories: []

    spacing: Theme.spacingS

    RowLayout {
        objectName: "libraryHeader"
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget

        // The categories, each with its name under its icon; where they do not all fit, they scroll sideways.
        Flickable {
            objectName: "categoryStrip"
            visible: panel.browser.depth <= 1
            contentWidth: categoryRow.implicitWidth
            flickableDirection: Flickable.HorizontalFlick
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            Row {
                id: categoryRow
                spacing: Theme.spacingS / 2
                Repeater {
                    id: categoryButtons
                    // Each category with whether it is the one shown, so the buttons hold no bindings of their own.
                    model: panel.browser.depth <= 1
                           ? panel.categories.map(c => Object.assign({ shown: c.value === panel.browser.category }, c)) : []
                    signal chosen(string category)
                    onChosen: (category) => panel.browser.openCategory(category)
                    delegate: NavButton {
                        required property var modelData
                        objectName: "category:" + modelData.value
                        text: modelData.label
                        iconName: modelData.icon
                        checked: modelData.shown
                        onClicked: categoryButtons.chosen(modelData.value)
                    }
                }
            }
        }
        // A deeper level: its name. Back is the shell's back button (and the edge swipe), as in every app.
        Label {
            objectName: "levelTitle"
            visible: panel.browser.depth > 1
            text: Restrictions.limitString(panel.browser.title)
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontSecondary
            Layout.fillWidth: true
        }
        IconButton {
            objectName: "deletePlaylist"
            visible: panel.browser.isPlaylist && Driving.parked
            text: qsTr("Delete playlist")
            iconName: "mdi6.delete-outline"
            iconColor: Theme.danger
            onClicked: panel.browser.deletePlaylist()
        }
        IconButton {
            objectName: "shuffleAll"
            visible: panel.browser.playable
            text: qsTr("Shuffle")
            iconName: "mdi6.shuffle-variant"
            onClicked: panel.browser.shuffleAll()
        }
        IconButton {
            objectName: "playAll"
            visible: panel.browser.playable
            text: qsTr("Play all")
            iconName: "mdi6.play-circle"
            iconColor: Theme.accent
            onClicked: panel.browser.playAll()
        }
    }
    Label {
        objectName: "libraryMessage"
        visible: text !== ""
        text: panel.browser.busy ? qsTr("Loading…") : panel.browser.message
        role: "secondary"
        muted: panel.browser.busy
        wrapMode: Text.Wrap
        maximumLineCount: 3
        Layout.fillWidth: true
    }
    ItemList {
        objectName: "libraryList"
        visible: !panel.browser.grid
        model: panel.browser.rows
        depth: panel.browser.depth
        rowsOpenLevel: panel.browser.opensLevels
        Layout.fillWidth: true
        Layout.fillHeight: true
        onActivated: (index) => panel.browser.activate(index)
    }
    ItemGrid {
        objectName: "albumGrid"
        visible: panel.browser.grid
        model: panel.browser.rows
        // Taller than the template's default: the cover is what the driver recognises an album by. Parked, a
        // title may take two lines.
        cellHeight: Theme.dp(Restrictions.active ? 240 : 270)
        Layout.fillWidth: true
        Layout.fillHeight: true
        onActivated: (index) => panel.browser.activate(index)
    }
}
