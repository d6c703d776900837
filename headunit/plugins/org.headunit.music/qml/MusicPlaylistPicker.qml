import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// Adding what plays to a playlist: a new one (named when parked, numbered while driving) or one of the driver's.
ColumnLayout {
    id: panel

    required property MusicStore store

    signal closeRequested()

    spacing: Theme.spacingS

    MusicPanelHeader {
        title: qsTr("Add to a playlist")
        onBackRequested: panel.closeRequested()
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        TextEntry {
            id: name
            objectName: "playlistName"
            visible: typingAllowed
            placeholderText: qsTr("Name of the new playlist")
            iconName: "mdi6.playlist-music"
            Layout.fillWidth: true
            onAccepted: (text) => { panel.store.createPlaylist(text); name.text = ""; panel.closeRequested() }
        }
        TouchButton {
            objectName: "newPlaylist"
            text: qsTr("New playlist")
            iconName: "mdi6.plus"
            onClicked: { panel.store.createPlaylist(name.text); name.text = ""; panel.closeRequested() }
            Layout.alignment: Qt.AlignTop
        }
    }
    ItemList {
        objectName: "playlistChoices"
        model: panel.store.playlists
        Layout.fillWidth: true
        Layout.fillHeight: true
        onActivated: (index) => { panel.store.addToPlaylist(index); panel.closeRequested() }
    }
}
