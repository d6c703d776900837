import QtQuick
import HeadUnit

// Put video (a VideoOutput, a camera) inside this: while driving the content is hidden and the
// surface says why. The map is not video and needs no surface.
Rectangle {
    id: surface

    default property alias content: holder.data

    color: Theme.backlight

    Item {
        id: holder
        anchors.fill: parent
        visible: !Restrictions.noVideo
    }

    Label {
        objectName: "videoPausedHint"
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacingL
        visible: Restrictions.noVideo
        horizontalAlignment: Text.AlignHCenter
        color: Theme.onAccent
        text: qsTr("Video shows when parked")
    }
}
