import QtQuick
import HeadUnit
import HeadUnit.Controls

// The speed limit where the car is, as the road sign shows it: a figure in a round red ring. Values in.
Rectangle {
    id: sign

    property string value           // "50"; the sign hides without one

    visible: value !== ""
    implicitWidth: Theme.dp(72)
    implicitHeight: implicitWidth
    radius: width / 2
    // A road sign keeps its colours by night (the palette's text on its background would turn it into a black
    // disc), only dimmed so that it does not glare.
    color: Theme.night ? "#d9d9d9" : "#ffffff"
    border.color: Theme.night ? "#c0211a" : "#d7261e"
    border.width: width * 0.12
    Accessible.role: Accessible.StaticText
    //: Read out for the speed-limit sign: "Speed limit 50"
    Accessible.name: qsTr("Speed limit %1").arg(value)

    Label {
        objectName: "speedLimitValue"
        anchors.centerIn: parent
        text: sign.value
        color: "#1a1a1a"
        font.pixelSize: sign.width * (sign.value.length > 2 ? 0.3 : 0.38)
        font.weight: Font.Bold
    }
}
