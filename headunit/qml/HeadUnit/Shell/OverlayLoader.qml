import QtQuick

// A view the shell makes the first time it is shown and keeps from then on: it opens at once the next time,
// as the driver left it, and costs nothing at start-up until then. The view is its file (`view`, relative to
// where it is set) with `viewProperties`: named by its file, its QML is not even compiled until it opens.
Loader {
    property url view
    property var viewProperties: ({})

    active: false
    onVisibleChanged: if (visible && !active) { setSource(view, viewProperties); active = true }
}
