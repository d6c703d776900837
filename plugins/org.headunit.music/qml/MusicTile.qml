import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// The home tile: the cover, the song and its artist, play/pause and next. Nothing queued: the way in.
ColumnLayout {
    id: tile

    required property MusicStore store
    readonly property Player player: store.player

    spacing: Theme.spacingS

    Binding { target: tile.store; property: "language"; value: Settings.language }

    RowLayout {
        id: header
        Layout.fillWidth: true
        Icon { name: "mdi6.music"; size: Theme.fontSecondary; color: Theme.accent }
        Label {
            text: qsTr("Music")
            role: "secondary"
            muted: true
            Layout.fillWidth: true
        }
    }

    RowLayout {
        spacing: Theme.spacingM
        Layout.fillWidth: true
        Layout.fillHeight: true

        Rectangle {
            id: coverFrame
            objectName: "tileCover"
            visible: tile.player.hasMedia
            readonly property real side: Math.max(0, Math.min(parent.height, tile.width * 0.4))
            Layout.preferredWidth: side
            Layout.preferredHeight: side
            Layout.alignment: Qt.AlignVCenter
            radius: Theme.tileRadius
            color: Theme.surfaceRaised
            clip: true
            Image {
                id: coverImage
                anchors.fill: parent
                source: tile.player.cover
                sourceSize: Qt.size(coverFrame.side, coverFrame.side)
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
                visible: status === Image.Ready
            }
            Icon {
                anchors.centerIn: parent
                visible: coverImage.status !== Image.Ready
                name: tile.player.kind === "track" ? "mdi6.music-note" : "mdi6.radio"
                size: parent.width / 2.5
                color: Theme.textMuted
            }
        }

        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            Item { Layout.fillHeight: true }
            Label {
                objectName: "tileTitle"
                text: tile.player.hasMedia ? Restrictions.limitString(tile.player.title) : qsTr("Nothing is playing")
                role: tile.player.hasMedia ? "secondary" : "primary"
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Theme.fontSmall
                wrapMode: tile.player.hasMedia ? Text.NoWrap : Text.Wrap
                maximumLineCount: tile.player.hasMedia ? 1 : 2
                Layout.fillWidth: true
            }
            Label {
                objectName: "tileArtist"
                // Small type is for reading when parked: while moving the tile keeps to the title.
                visible: text !== "" && !Restrictions.active
                text: !tile.player.hasMedia ? "" : tile.player.waiting ? qsTr("Waiting for its USB drive")
                                                                     : Restrictions.limitString(tile.player.artist)
                role: "small"
                muted: true
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Math.round(Theme.fontSmall * 0.8)
                Layout.fillWidth: true
            }
            RowLayout {
                visible: tile.player.hasMedia
                spacing: 0
                IconButton {
                    objectName: "tilePlayPause"
                    text: tile.player.playing ? qsTr("Pause") : qsTr("Play")
                    iconName: tile.player.playing ? "mdi6.pause-circle" : "mdi6.play-circle"
                    iconColor: Theme.accent
                    onClicked: tile.player.playPause()
                }
                IconButton {
                    objectName: "tileNext"
                    text: qsTr("Next")
                    iconName: "mdi6.skip-next"
                    onClicked: tile.player.next()
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
