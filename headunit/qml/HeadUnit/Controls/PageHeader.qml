import QtQuick
import QtQuick.Layouts
import HeadUnit

// The header of a page inside an app, the same in every app: an optional icon or picture, the title in
// primary type, a secondary line, and the page's actions at the right. It never draws a back arrow: the
// status bar's back button (and the edge swipe) go back, in every app alike.
RowLayout {
    id: header

    property string iconName
    property string title
    property string secondary
    default property alias actions: actionRow.data

    spacing: Theme.spacingM

    Icon {
        visible: header.iconName !== ""
        name: header.iconName
        size: Theme.iconSize
        color: Theme.accent
    }
    ColumnLayout {
        spacing: 0
        Layout.fillWidth: true
        Label {
            objectName: "pageHeaderTitle"
            text: header.title
            role: "primary"
            Layout.fillWidth: true
        }
        Label {
            visible: text !== ""
            text: header.secondary
            role: "secondary"
            muted: true
            Layout.fillWidth: true
        }
    }
    RowLayout {
        id: actionRow
        spacing: Theme.spacingS
    }
}
