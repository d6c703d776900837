import QtQuick
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// The home tile, in the layout every tile shares (HomeTile): the cover as its figure, the song and its
// artist, play/pause and next at the bottom right. Nothing queued: the way in.
HomeTile {
    id: tile

    required property MusicStore store
    readonly property Player player: store.player

    iconName: "mdi6.music"
    title: qsTr("Music")
    headline: tile.player.hasMedia ? Restrictions.limitString(tile.player.title) : qsTr("Nothing is playing")
    headlineLines: 1
    headlineObjectName: "tileTitle"
    // Small type is for reading when parked: while moving the tile keeps to the title.
    secondary: !tile.player.hasMedia || Restrictions.active ? ""
             : tile.player.waiting ? qsTr("Waiting for its USB drive") : Restrictions.limitString(tile.player.artist)
    secondaryObjectName: "tileArtist"

    Binding { target: tile.store; property: "language"; value: Settings.language }

    Rectangle {
        id: coverFrame
        objectName: "tileCover"
        readonly property real side: Math.max(0, Math.min(parent.height, parent.width))
        anchors { left: parent.left; verticalCenter: parent.verticalCenter }
        width: side
        height: side
        radius: Theme.tileRadius
        color: Theme.surfaceRaised
        clip: true
        Image {
            id: coverImage
            anchors.fill: parent
            source: tile.player.hasMedia ? tile.player.cover : ""
            sourceSize: Qt.size(coverFrame.side, coverFrame.side)
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            visible: status === Image.Ready
        }
        Icon {
            anchors.centerIn: parent
            visible: coverImage.status !== Image.Ready
            name: !tile.player.hasMedia || tile.player.kind === "track" ? "mdi6.music-note" : "mdi6.radio"
            size: parent.width / 2
            color: Theme.textMuted
        }
    }

    actions: [
        IconButton {
            objectName: "tilePlayPause"
            visible: tile.player.hasMedia
            text: tile.player.playing ? qsTr("Pause") : qsTr("Play")
            iconName: tile.player.playing ? "mdi6.pause-circle" : "mdi6.play-circle"
            iconColor: Theme.accent
            onClicked: tile.player.playPause()
        },
        IconButton {
            objectName: "tileNext"
            visible: tile.player.hasMedia
            text: qsTr("Next")
            iconName: "mdi6.skip-next"
            onClicked: tile.player.next()
        }
    ]
}
