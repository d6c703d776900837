pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The payment sheet. Only the shell draws it, over every app, and only while the car is parked: the
// merchant, the amount or the hold, the card, and Confirm. Its `desk` (headunit/shell/payments.py) is set by
// the shell after the window loads; no singleton leads to it, so no app's page can press Confirm. A sandboxed
// app is another process's surface below this item and gets no touch while the sheet is up.
Item {
    id: sheet

    property PaymentDesk desk: null
    readonly property bool open: desk !== null && desk.shown
    readonly property bool confirming: open && desk.stage === "confirm"

    anchors.fill: parent
    visible: open

    Rectangle { anchors.fill: parent; color: Theme.scrim }
    // Every touch outside the panel stops here: a payment is answered with its buttons, never by a stray tap.
    MouseArea { anchors.fill: parent; preventStealing: true }

    // Made when the sheet opens, from its own file: a shell that never takes a payment never compiles it.
    Loader {
        anchors.fill: parent
        active: sheet.open
        Component.onCompleted: setSource("PaymentPanel.qml", { sheet: sheet })
    }
}
