import QtQuick
import QtQuick.Layouts
import HeadUnit

// The now-playing template: cover art, title, artist, progress and the three transport buttons.
// Values in, requests out; the app's store does the playing.
Item {
    id: player

    property string title
    property string artist
    property url cover
    property bool playing: false
    property real position: 0     // seconds
    property real duration: 0     // seconds; 0 for a live stream

    signal playPauseRequested()
    signal previousRequested()
    signal nextRequested()

    RowLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingL

        Rectangle {
            Layout.preferredWidth: Math.min(player.height - 2 * Theme.spacingM, player.width / 3)
            Layout.preferredHeight: Layout.preferredWidth
            radius: Theme.tileRadius
            color: Theme.surfaceRaised
            clip: true
            Image {
                anchors.fill: parent
                source: player.cover
                fillMode: Image.PreserveAspectCrop
                visible: status === Image.Ready
            }
            Icon {
                anchors.centerIn: parent
                visible: player.cover.toString() === ""
                name: "mdi6.music-note"
                size: parent.width / 3
                color: Theme.textMuted
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Label { text: Restrictions.limitString(player.title); Layout.fillWidth: true }
            Label { text: Restrictions.limitString(player.artist); role: "secondary"; muted: true; Layout.fillWidth: true }
            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingS
                height: Theme.spacingS
                radius: height / 2
                color: Theme.surfaceRaised
                visible: player.duration > 0
                Rectangle {
                    width: parent.width * Math.min(1, player.position / Math.max(1, player.duration))
                    height: parent.height
                    radius: parent.radius
                    color: Theme.accent
                }
            }
            RowLayout {
                spacing: Theme.spacingM
                Layout.topMargin: Theme.spacingS
                IconButton { text: qsTr("Previous"); iconName: "mdi6.skip-previous"; onClicked: player.previousRequested() }
                IconButton {
                    text: player.playing ? qsTr("Pause") : qsTr("Play")
                    iconName: player.playing ? "mdi6.pause" : "mdi6.play"
                    iconColor: Theme.accent
                    onClicked: player.playPauseRequested()
                }
                IconButton { text: qsTr("Next"); iconName: "mdi6.skip-next"; onClicked: player.nextRequested() }
            }
        }
    }
}
