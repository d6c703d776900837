import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Looking for somewhere to go: the search field (typing when parked), the categories (always), and the list:
// home, favourites and recents, or what was found. Values in, signals out.
ColumnLayout {
    id: panel

    property var model            // rows: title, subtitle, icon, trailing
    property var categories: []
    property string category
    property string title         // over what was found; "" while browsing
    property string message
    property bool busy
    property bool showSearch: true

    signal categoryChosen(string category)
    signal searchRequested(string text)
    signal rowChosen(int index)

    spacing: Theme.spacingS

    SearchEntry {
        objectName: "navigationSearch"
        visible: panel.showSearch
        placeholderText: qsTr("Where to?")
        Layout.fillWidth: true
        Layout.minimumHeight: implicitHeight
        onSearchRequested: (text) => panel.searchRequested(text)
    }
    CategoryButtons {
        // While the keyboard is up, what is found needs the room more than the categories do.
        visible: !Qt.inputMethod.visible // qmllint disable missing-property
        categories: panel.categories
        current: panel.category
        onChosen: (category) => panel.categoryChosen(category)
        Layout.fillWidth: true
        Layout.minimumHeight: implicitHeight
    }
    Label {
        objectName: "resultsTitle"
        visible: panel.title !== ""
        text: panel.title
        role: "secondary"
        muted: true
        wrapMode: Text.Wrap
        maximumLineCount: 2
        Layout.fillWidth: true
        Layout.minimumHeight: implicitHeight
    }
    Label {
        objectName: "resultsMessage"
        visible: text !== ""
        text: panel.busy ? qsTr("Searching…") : panel.message
        role: "secondary"
        wrapMode: Text.Wrap
        maximumLineCount: 4
        Layout.fillWidth: true
        Layout.minimumHeight: implicitHeight
    }
    ItemList {
        objectName: "navigationResults"
        model: panel.model
        Layout.fillWidth: true
        Layout.fillHeight: true
        onActivated: (index) => panel.rowChosen(index)
    }
}
