import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// Search the library by typing (parked only: driving, the field offers the library's categories instead), then
// artists, albums and songs found, opened like the library's.
ColumnLayout {
    id: panel

    required property Browser finder
    property var categories: []

    signal categoryChosen(string category)

    spacing: Theme.spacingS

    SearchEntry {
        objectName: "musicSearch"
        visible: panel.finder.depth <= 1
        placeholderText: qsTr("Artists, albums, songs")
        alternatives: panel.categories.slice(0, 4)
        onSearchRequested: (text) => panel.finder.search(text)
        onAlternativeChosen: (value) => panel.categoryChosen(value)
        Layout.fillWidth: true
        Layout.minimumHeight: implicitHeight
    }
    MusicLibraryPanel {
        objectName: "searchResults"
        visible: panel.finder.depth > 0
        browser: panel.finder
        Layout.fillWidth: true
        Layout.fillHeight: true
    }
    Item { visible: panel.finder.depth === 0; Layout.fillHeight: true }
}
