import QtQuick
import QtQuick.Controls.Basic as T
import QtQuick.Layouts
import HeadUnit

// One row of the list template: at least a touch target high, strings cut while driving.
T.AbstractButton {
    id: row

    property string title
    property string subtitle
    property string iconName
    // A picture (an album's cover, a station's logo) drawn where the icon goes; the icon shows until it loads.
    property url image
    property string trailing

    implicitHeight: Math.max(Theme.touchTarget, texts.implicitHeight + 2 * Theme.spacingS)
    focusPolicy: Qt.NoFocus
    Accessible.name: title

    contentItem: RowLayout {
        spacing: Theme.spacingM
        Icon {
            visible: row.iconName !== "" && thumbnail.status !== Image.Ready
            name: row.iconName
            color: Theme.accent
            Layout.leftMargin: Theme.spacingM
        }
        Image {
            id: thumbnail
            visible: status === Image.Ready
            source: row.image
            sourceSize { width: Theme.touchTarget; height: Theme.touchTarget }
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            Layout.preferredWidth: Theme.touchTarget - 2 * Theme.spacingS
            Layout.preferredHeight: Layout.preferredWidth
            Layout.leftMargin: Theme.spacingM
        }
        ColumnLayout {
            id: texts
            spacing: 0
            Layout.fillWidth: true
            Layout.leftMargin: row.iconName === "" && !thumbnail.visible ? Theme.spacingM : 0
            Label { text: Restrictions.limitString(row.title); role: "secondary"; Layout.fillWidth: true }
            Label {
                visible: row.subtitle !== ""
                text: Restrictions.limitString(row.subtitle)
                // Small type is read when parked (two lines, so "via <a long street>" is not cut short);
                // while moving the subtitle keeps to one line at the secondary size.
                role: Restrictions.active ? "secondary" : "small"
                wrapMode: Restrictions.active ? Text.NoWrap : Text.Wrap
                maximumLineCount: Restrictions.active ? 1 : 2
                muted: true
                Layout.fillWidth: true
            }
        }
        Label {
            visible: row.trailing !== ""
            text: row.trailing
            role: "secondary"
            muted: true
            Layout.rightMargin: Theme.spacingM
        }
    }

    background: Rectangle {
        color: row.down ? Theme.surfaceRaised : Theme.surface
        opacity: row.enabled ? 1 : 0.5
    }
}
