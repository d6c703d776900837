import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// What plays: the cover, title, artist and album, the seek bar (a live stream has none), the transport with
// shuffle and repeat, the volume, and the way to the queue and the playlists.
Item {
    id: panel

    required property MusicStore store
    readonly property Player player: store.player

    signal queueRequested()
    signal playlistRequested()
    signal sectionRequested(string section)

    function clock(seconds) {
        const total = Math.max(0, Math.round(seconds))
        const h = Math.floor(total / 3600), m = Math.floor(total % 3600 / 60), s = total % 60
        const mm = h > 0 && m < 10 ? "0" + m : "" + m
        return (h > 0 ? h + ":" : "") + mm + ":" + (s < 10 ? "0" + s : s)
    }

    // Nothing queued yet.
    ColumnLayout {
        objectName: "nothingPlaying"
        anchors.centerIn: parent
        width: Math.min(parent.width, Theme.dp(560))
        visible: !panel.player.hasMedia
        spacing: Theme.spacingM
        Icon {
            name: "mdi6.music-circle"
            size: Theme.touchTarget
            color: Theme.textMuted
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: qsTr("Nothing is playing")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: Theme.spacingM
            Layout.alignment: Qt.AlignHCenter
            TouchButton {
                text: qsTr("Library")
                iconName: "mdi6.music-box-multiple"
                onClicked: panel.sectionRequested("library")
            }
            TouchButton {
                text: qsTr("Radio")
                iconName: "mdi6.radio"
                onClicked: panel.sectionRequested("radio")
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        visible: panel.player.hasMedia
        spacing: Theme.spacingL

        Rectangle {
            id: coverFrame
            objectName: "nowPlayingCover"
            readonly property real side: Math.min(panel.height, panel.width * 0.4)
            Layout.preferredWidth: side
            Layout.preferredHeight: side
            Layout.alignment: Qt.AlignVCenter
            radius: Theme.tileRadius
            color: Theme.surfaceRaised
            clip: true
            Image {
                id: coverImage
                anchors.fill: parent
                source: panel.player.cover
                sourceSize: Qt.size(coverFrame.side, coverFrame.side)
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
                visible: status === Image.Ready
            }
            Icon {
                anchors.centerIn: parent
                visible: coverImage.status !== Image.Ready
                name: panel.player.kind === "track" ? "mdi6.music-note" : "mdi6.radio"
                size: parent.width / 3
                color: Theme.textMuted
            }
        }

        ColumnLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Layout.fillHeight: true

            Item { Layout.fillHeight: true }
            RowLayout {
                spacing: Theme.spacingS
                Layout.fillWidth: true
                Label {
                    objectName: "nowPlayingTitle"
                    text: Restrictions.limitString(panel.player.title)
                    // A long title gets smaller, down to the secondary size, before it is cut short.
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.fontSecondary
                    Layout.fillWidth: true
                }
                IconButton {
                    objectName: "favouriteButton"
                    text: panel.store.favourite ? qsTr("Remove from favourites") : qsTr("Add to favourites")
                    iconName: panel.store.favourite ? "mdi6.star" : "mdi6.star-outline"
                    iconColor: panel.store.favourite ? Theme.accent : Theme.text
                    onClicked: panel.store.toggleFavourite()
                }
            }
            Label {
                objectName: "nowPlayingArtist"
                visible: text !== ""
                text: Restrictions.limitString(panel.player.artist)
                role: "secondary"
                Layout.fillWidth: true
            }
            Label {
                objectName: "nowPlayingAlbum"
                visible: text !== ""
                text: Restrictions.limitString(panel.player.album)
                role: "secondary"
                muted: true
                Layout.fillWidth: true
            }
            Label {
                objectName: "nowPlayingWaiting"
                visible: panel.player.waiting
                text: qsTr("Plays when its USB drive is connected")
                role: "secondary"
                color: Theme.accent
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            // Where in the song: drag or tap to go there. A live stream says it is live instead.
            RowLayout {
                spacing: Theme.spacingS
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingS
                Label {
                    objectName: "positionText"
                    visible: !panel.player.live
                    text: panel.clock(seek.dragging ? seek.shown * panel.player.duration : panel.player.position)
                    role: Restrictions.active ? "secondary" : "small"  // small type is for reading when parked
                    muted: true
                    font.features: { "tnum": 1 }
                }
                MusicSlider {
                    id: seek
                    objectName: "seekBar"
                    visible: !panel.player.live
                    live: panel.player.duration > 0
                    value: panel.player.duration > 0 ? panel.player.position / panel.player.duration : 0
                    Accessible.name: qsTr("Position in the song")
                    onChosen: (value) => panel.player.seek(value * panel.player.duration)
                    Layout.fillWidth: true
                }
                Label {
                    visible: !panel.player.live
                    text: panel.player.duration > 0 ? panel.clock(panel.player.duration) : ""
                    role: Restrictions.active ? "secondary" : "small"
                    muted: true
                    font.features: { "tnum": 1 }
                }
                Icon {
                    visible: panel.player.live
                    name: "mdi6.access-point"
                    color: Theme.danger
                    size: Theme.fontPrimary
                }
                Label {
                    objectName: "liveLabel"
                    visible: panel.player.live
                    //: A radio stream or broadcast, as it happens (no seeking)
                    text: qsTr("Live")
                    role: "secondary"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                }
            }

            // The transport.
            RowLayout {
                spacing: Theme.spacingS
                Layout.fillWidth: true
                IconButton {
                    objectName: "shuffleButton"
                    visible: !panel.player.live
                    text: panel.player.shuffle ? qsTr("Shuffle on") : qsTr("Shuffle off")
                    iconName: panel.player.shuffle ? "mdi6.shuffle-variant" : "mdi6.shuffle-disabled"
                    iconColor: panel.player.shuffle ? Theme.accent : Theme.textMuted
                    checked: panel.player.shuffle
                    onClicked: panel.player.toggleShuffle()
                }
                Item { Layout.fillWidth: true }
                IconButton {
                    objectName: "previousButton"
                    text: qsTr("Previous")
                    iconName: "mdi6.skip-previous"
                    onClicked: panel.player.previous()
                }
                IconButton {
                    objectName: "playPauseButton"
                    text: panel.player.playing ? qsTr("Pause") : qsTr("Play")
                    iconName: panel.player.playing ? "mdi6.pause-circle" : "mdi6.play-circle"
                    iconColor: Theme.accent
                    onClicked: panel.player.playPause()
                }
                IconButton {
                    objectName: "nextButton"
                    text: qsTr("Next")
                    iconName: "mdi6.skip-next"
                    onClicked: panel.player.next()
                }
                Item { Layout.fillWidth: true }
                IconButton {
                    objectName: "repeatButton"
                    visible: !panel.player.live
                    text: panel.player.repeat === "one" ? qsTr("Repeat this song")
                        : panel.player.repeat === "all" ? qsTr("Repeat all") : qsTr("Repeat off")
                    iconName: panel.player.repeat === "one" ? "mdi6.repeat-once"
                            : panel.player.repeat === "all" ? "mdi6.repeat" : "mdi6.repeat-off"
                    iconColor: panel.player.repeat === "off" ? Theme.textMuted : Theme.accent
                    checked: panel.player.repeat !== "off"
                    onClicked: panel.player.cycleRepeat()
                }
            }

            // Volume, the playlists and the queue.
            RowLayout {
                spacing: Theme.spacingS
                Layout.fillWidth: true
                IconButton {
                    objectName: "volumeDown"
                    text: qsTr("Quieter")
                    iconName: "mdi6.volume-minus"
                    onClicked: panel.player.setVolume(panel.player.volume - 0.1)
                }
                MusicSlider {
                    objectName: "volumeBar"
                    value: panel.player.volume
                    Accessible.name: qsTr("Volume")
                    onMoved: (value) => panel.player.setVolume(value)
                    onChosen: (value) => panel.player.setVolume(value)
                    Layout.fillWidth: true
                    Layout.minimumWidth: Theme.touchTarget
                }
                IconButton {
                    objectName: "volumeUp"
                    text: qsTr("Louder")
                    iconName: "mdi6.volume-plus"
                    onClicked: panel.player.setVolume(panel.player.volume + 0.1)
                }
                IconButton {
                    objectName: "addToPlaylist"
                    visible: panel.player.kind === "track"
                    text: qsTr("Add to a playlist")
                    iconName: "mdi6.playlist-plus"
                    onClicked: panel.playlistRequested()
                }
                IconButton {
                    objectName: "queueButton"
                    text: qsTr("Up next")
                    iconName: "mdi6.playlist-play"
                    onClicked: panel.queueRequested()
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
