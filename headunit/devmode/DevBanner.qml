import QtQuick

// Dev mode's banner over the shell: why the plugin under development failed, until a save brings it back.
Rectangle {
    id: banner
    objectName: "devBanner"

    property string pluginId
    property string failure

    anchors.left: parent ? parent.left : undefined
    anchors.right: parent ? parent.right : undefined
    anchors.bottom: parent ? parent.bottom : undefined
    height: message.implicitHeight + 24
    z: 1000
    visible: failure !== ""
    color: "#b3261e"

    Text {
        id: message
        objectName: "devFailure"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 12
        color: "white"
        font.pixelSize: 16
        wrapMode: Text.Wrap
        maximumLineCount: 6
        elide: Text.ElideRight
        text: banner.pluginId + " failed: " + banner.failure + "\nFix it and save: it starts again."
    }
}
