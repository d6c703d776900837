pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The consent sheet for installing, updating, uninstalling and rolling back apps. Only the shell draws it, over
// every app, and only while the car is parked: the app, each capability in plain words and, for an update that
// asks for more, what it may use now and after, the new ones marked. Its `desk` (headunit/host/packages_access.py)
// is set by the shell after the window loads; no singleton leads to it, so no app's page can press Install.
Item {
    id: sheet

    property PackageDesk desk: null
    readonly property bool open: desk !== null && desk.shown
    readonly property string stage: open ? desk.stage : ""
    readonly property string action: open ? desk.action : ""
    readonly property bool asking: stage === "consent"
    readonly property bool beforeAfter: open && desk.addedCount > 0
    // The buttons answer only once the sheet has been in sight a moment: a tap meant for the app below, made
    // just as the app asked, never lands on Install.
    property bool armed: false
    onAskingChanged: { armed = false; if (asking) arming.restart() }
    Timer { id: arming; interval: 300; onTriggered: sheet.armed = true }

    anchors.fill: parent
    visible: open

    Rectangle { anchors.fill: parent; color: Theme.scrim }
    // Every touch outside the panel stops here: consent is given with the sheet's buttons, never by a stray tap.
    MouseArea { anchors.fill: parent; preventStealing: true }

    // Made when the sheet opens, from its own file: a shell that never installs anything never compiles it.
    Loader {
        anchors.fill: parent
        active: sheet.open
        Component.onCompleted: setSource("ConsentPanel.qml", { sheet: sheet })
    }
}
