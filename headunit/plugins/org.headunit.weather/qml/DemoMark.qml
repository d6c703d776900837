import QtQuick
import HeadUnit
import HeadUnit.Controls

// "Demo data": the forecast comes from the backend's demo provider, not the real weather.
Rectangle {
    objectName: "demoMark"
    implicitWidth: demoLabel.implicitWidth + 2 * Theme.spacingS
    implicitHeight: demoLabel.implicitHeight + Theme.spacingS / 2
    radius: height / 2
    color: "transparent"
    border.width: Theme.lineWidth
    border.color: Theme.warning
    Label {
        id: demoLabel
        anchors.centerIn: parent
        text: qsTr("Demo data")
        role: "small"
        color: Theme.warning
    }
}
