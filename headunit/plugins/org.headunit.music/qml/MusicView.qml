pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// The music page: the sections down the driver's side (now playing, library, radio, search, the library's
// status), and the section chosen beside them.
Item {
    id: view

    required property MusicStore store
    property bool showingQueue: false
    property bool choosingPlaylist: false

    readonly property var sections: [
        { value: "playing", label: qsTr("Now playing"), icon: "mdi6.play-circle" },
        { value: "library", label: qsTr("Library"), icon: "mdi6.music-box-multiple" },
        { value: "radio", label: qsTr("Radio"), icon: "mdi6.radio" },
        { value: "search", label: qsTr("Search"), icon: "mdi6.magnify" },
        { value: "status", label: qsTr("Library status"), icon: "mdi6.information-outline" },
    ]
    readonly property var categories: [
        { value: "albums", label: qsTr("Albums"), icon: "mdi6.album" },
        { value: "artists", label: qsTr("Artists"), icon: "mdi6.account-music" },
        { value: "playlists", label: qsTr("Playlists"), icon: "mdi6.playlist-music" },
        { value: "favourites", label: qsTr("Favourites"), icon: "mdi6.star" },
        { value: "recent", label: qsTr("Recently played"), icon: "mdi6.history" },
        { value: "genres", label: qsTr("Genres"), icon: "mdi6.guitar-electric" },
        { value: "folders", label: qsTr("Folders"), icon: "mdi6.folder-music" },
    ]
    readonly property string section: store.section

    // The shell's back button goes back inside the app first.
    function goBack() {
        if (view.choosingPlaylist) {
            view.choosingPlaylist = false
            return true
        }
        if (view.showingQueue) {
            view.showingQueue = false
            return true
        }
        return view.store.back()
    }

    function show(section) {
        view.showingQueue = false
        view.choosingPlaylist = false
        view.store.showSection(section)
    }

    Binding { target: view.store; property: "language"; value: Settings.language }

    Connections {
        target: view.store
        function onPlayStarted() { view.show("playing") }
    }

    RowLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingM

        // Each section with its name under its icon: the driver reads where a button goes.
        ColumnLayout {
            objectName: "musicSections"
            spacing: Theme.spacingS
            Layout.fillHeight: true
            Layout.fillWidth: false
            Layout.preferredWidth: Theme.dp(112)
            Repeater {
                model: view.sections
                delegate: NavButton {
                    required property var modelData
                    objectName: "section:" + modelData.value
                    text: modelData.label
                    iconName: modelData.icon
                    checked: view.section === modelData.value
                    Layout.fillWidth: true
                    onClicked: view.show(modelData.value)
                }
            }
            Item { Layout.fillHeight: true }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            MusicNowPlaying {
                objectName: "nowPlaying"
                anchors.fill: parent
                visible: view.section === "playing" && !view.showingQueue && !view.choosingPlaylist
                store: view.store
                onQueueRequested: view.showingQueue = true
                onPlaylistRequested: view.choosingPlaylist = true
                onSectionRequested: (section) => view.show(section)
            }
            MusicQueue {
                objectName: "queuePanel"
                anchors.fill: parent
                visible: view.section === "playing" && view.showingQueue
                player: view.store.player
                onCloseRequested: view.showingQueue = false
            }
            MusicPlaylistPicker {
                objectName: "playlistPicker"
                anchors.fill: parent
                visible: view.section === "playing" && view.choosingPlaylist
                store: view.store
                onCloseRequested: view.choosingPlaylist = false
            }
            MusicLibraryPanel {
                objectName: "libraryPanel"
                anchors.fill: parent
                visible: view.section === "library"
                browser: view.store.library
                categories: view.categories
            }
            MusicRadioPanel {
                objectName: "radioPanel"
                anchors.fill: parent
                visible: view.section === "radio"
                radio: view.store.radio
            }
            MusicSearchPanel {
                objectName: "searchPanel"
                anchors.fill: parent
                visible: view.section === "search"
                finder: view.store.finder
                categories: view.categories
                onCategoryChosen: (category) => { view.store.library.openCategory(category); view.show("library") }
            }
            MusicStatusPanel {
                objectName: "statusPanel"
                anchors.fill: parent
                visible: view.section === "status"
                status: view.store.status
            }
        }
    }
}
