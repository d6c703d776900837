import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// The library as the scanner sees it: what is there, a scan under way, and the files it could not read, each
// with the reason.
ColumnLayout {
    id: panel

    required property LibraryStatus status

    spacing: Theme.spacingS

    RowLayout {
        spacing: Theme.spacingM
        Layout.fillWidth: true
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Label {
                objectName: "librarySummary"
                text: panel.status.summary
                role: "primary"
                wrapMode: Text.Wrap
                maximumLineCount: 2
                Layout.fillWidth: true
            }
            Label {
                objectName: "scanProgress"
                visible: text !== ""
                text: panel.status.progress
                role: "secondary"
                color: Theme.accent
                Layout.fillWidth: true
            }
        }
        TouchButton {
            objectName: "rescan"
            visible: panel.status.available
            enabled: !panel.status.scanning
            text: qsTr("Scan again")
            iconName: "mdi6.refresh"
            onClicked: panel.status.rescan()
        }
    }
    Label {
        objectName: "skippedTitle"
        visible: text !== ""
        text: panel.status.skippedTitle
        role: "secondary"
        color: panel.status.skipped.count > 0 ? Theme.warning : Theme.textMuted
        wrapMode: Text.Wrap
        maximumLineCount: 2
        Layout.fillWidth: true
    }
    ItemList {
        objectName: "skippedList"
        model: panel.status.skipped
        Layout.fillWidth: true
        Layout.fillHeight: true
    }
}
