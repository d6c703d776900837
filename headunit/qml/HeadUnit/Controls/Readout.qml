import QtQuick
import QtQuick.Layouts
import HeadUnit

// A value with its unit above a caption: "42.1 km / distance". Values in, nothing out.
ColumnLayout {
    id: root

    property string value
    property string unit
    property string caption
    property string size: "display"   // display or primary

    spacing: 0

    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Label {
            text: root.value
            role: root.size
            Layout.maximumWidth: root.width - unitLabel.implicitWidth - Theme.spacingS
        }
        Label {
            id: unitLabel
            text: root.unit
            role: "secondary"
            muted: true
            Layout.alignment: Qt.AlignBaseline
        }
    }
    Label {
        visible: text !== ""
        text: root.caption
        role: "secondary"
        muted: true
        Layout.fillWidth: true
    }
}
