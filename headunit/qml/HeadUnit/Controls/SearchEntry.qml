import QtQuick

// The search field template: a TextEntry with a search icon that asks for a search on every change
// (debounced) and on Enter. Driving, it offers the app's alternatives instead of a keyboard.
TextEntry {
    id: search

    signal searchRequested(string text)

    iconName: "mdi6.magnify"
    placeholderText: qsTr("Search")
    onTextChanged: debounce.restart()
    onAccepted: (text) => { debounce.stop(); search.searchRequested(text) }

    Timer { id: debounce; interval: 250; onTriggered: search.searchRequested(search.text) }
}
