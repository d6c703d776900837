import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The rating histogram: the average large, and a bar for each number of stars.
RowLayout {
    id: histogram

    property var bars: []     // [{stars, count, fraction}], five stars first
    property string rating
    property int count

    spacing: Theme.spacingL

    ColumnLayout {
        spacing: 0
        Layout.alignment: Qt.AlignTop
        Label { text: histogram.rating !== "" ? histogram.rating : "–"; role: "display"; Layout.alignment: Qt.AlignHCenter }
        Label { text: qsTr("%n reviews", "", histogram.count); role: "small"; muted: true; Layout.alignment: Qt.AlignHCenter }
    }
    ColumnLayout {
        spacing: Theme.spacingS / 2
        Layout.fillWidth: true
        Repeater {
            model: histogram.bars
            delegate: RowLayout {
                id: bar
                required property var modelData
                spacing: Theme.spacingS
                Layout.fillWidth: true
                Label { text: bar.modelData.stars + " ★"; role: "small"; muted: true; Layout.preferredWidth: Theme.dp(48) }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.dp(14)
                    radius: height / 2
                    color: Theme.surfaceRaised
                    Rectangle {
                        width: parent.width * bar.modelData.fraction
                        height: parent.height
                        radius: height / 2
                        color: Theme.warning
                    }
                }
                Label {
                    text: String(bar.modelData.count)
                    role: "small"
                    muted: true
                    horizontalAlignment: Text.AlignRight
                    Layout.preferredWidth: Theme.dp(56)
                }
            }
        }
    }
}
