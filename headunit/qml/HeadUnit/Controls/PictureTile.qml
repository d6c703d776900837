import QtQuick
import QtQuick.Controls.Basic as T
import QtQuick.Layouts
import HeadUnit

// A grid tile with a picture (an album cover) above its title and subtitle; the whole tile is the target.
T.AbstractButton {
    id: tile

    property url image
    property string iconName
    property string title
    property string subtitle

    focusPolicy: Qt.NoFocus
    Accessible.name: title

    contentItem: ColumnLayout {
        spacing: Theme.spacingS / 2
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Image {
                id: picture
                anchors.fill: parent
                source: tile.image
                sourceSize { width: width; height: height }
                fillMode: Image.PreserveAspectFit
                asynchronous: true
            }
            Icon {
                anchors.centerIn: parent
                visible: picture.status !== Image.Ready
                name: tile.iconName
                size: Math.min(parent.width, parent.height) / 2
                color: Theme.textMuted
            }
        }
        // Parked, a long title takes a second line rather than losing its end. Every tile keeps room for
        // the lines a title may take, so the covers of a row line up.
        Item {
            readonly property int lines: Restrictions.active ? 1 : 2
            Layout.fillWidth: true
            Layout.preferredHeight: lines * titleMetrics.lineSpacing
            Label {
                id: titleLabel
                anchors { left: parent.left; right: parent.right; top: parent.top }
                text: Restrictions.limitString(tile.title)
                role: "secondary"
                wrapMode: Text.Wrap
                maximumLineCount: parent.lines
                horizontalAlignment: Text.AlignHCenter
            }
            FontMetrics { id: titleMetrics; font: titleLabel.font }
        }
        Label {
            visible: tile.subtitle !== ""
            text: Restrictions.limitString(tile.subtitle)
            role: Restrictions.active ? "secondary" : "small"  // small type is for reading when parked
            muted: true
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
    }

    padding: Theme.spacingS
    background: Rectangle {
        radius: Theme.tileRadius
        color: Theme.surfaceRaised
        Rectangle {
            anchors.fill: parent
            radius: parent.radius
            color: Theme.text
            opacity: tile.down ? 0.12 : 0
        }
    }
}
