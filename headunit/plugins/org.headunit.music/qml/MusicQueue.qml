import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// Up next: the queue in playing order, from the song playing now; a tap plays that one.
ColumnLayout {
    id: panel

    required property Player player

    signal closeRequested()

    spacing: Theme.spacingS

    MusicPanelHeader {
        title: qsTr("Up next")
        onBackRequested: panel.closeRequested()
        Layout.fillWidth: true
    }
    ItemList {
        objectName: "queueList"
        model: panel.player.queue
        Layout.fillWidth: true
        Layout.fillHeight: true
        onActivated: (index) => panel.player.playQueueIndex(index)
    }
}
