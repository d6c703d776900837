import QtQuick
import HeadUnit

// Linking a phone: a short-lived, single-use link from the backend, drawn as a QR code for the phone's
// camera. Only while parked. Its `desk` (headunit/shell/payments.py) is set by the shell after the window loads.
Item {
    id: sheet

    property PairingDesk desk: null
    readonly property bool open: desk !== null && desk.shown

    anchors.fill: parent
    visible: open

    Rectangle { anchors.fill: parent; color: Theme.scrim }
    MouseArea { anchors.fill: parent; preventStealing: true; onClicked: sheet.desk.close() }

    // Made when the sheet opens, from its own file: a phone is linked now and then, not on every start.
    Loader {
        anchors.fill: parent
        active: sheet.open
        Component.onCompleted: setSource("PairingPanel.qml", { sheet: sheet })
    }
}
