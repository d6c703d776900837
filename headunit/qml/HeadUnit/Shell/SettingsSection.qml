import QtQuick
import QtQuick.Layouts
import HeadUnit

// A scrolling settings pane: its children stack in a column with the shell's spacing.
Flickable {
    default property alias content: column.data

    contentHeight: column.implicitHeight + 2 * Theme.spacingM
    boundsBehavior: Flickable.StopAtBounds
    clip: true

    ColumnLayout {
        id: column
        x: Theme.spacingM
        y: Theme.spacingM
        width: parent.width - 2 * Theme.spacingM
        spacing: Theme.spacingL
    }
}
