import QtQuick

// One of the shell's sheets (payment, phone linking, consent), made the first time its desk shows it and kept
// from then on: none is on screen at start-up, where making the three would cost 1.2 MB.
// `desk` is set by the shell (headunit/runtime.py), as on the sheet itself; the sheet gets it when it is made.
Loader {
    id: loader

    property QtObject desk: null
    // Every desk has `shown`; the sheet's own `open` says the same once the sheet is made.
    readonly property bool wanted: desk !== null && desk.shown // qmllint disable missing-property

    anchors.fill: parent
    active: false
    visible: item !== null && item.open // qmllint disable missing-property
    onWantedChanged: if (wanted) active = true
    onLoaded: item.desk = Qt.binding(() => loader.desk) // qmllint disable missing-property
}
