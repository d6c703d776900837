import QtQuick

// A view the shell makes the first time it is shown and keeps from then on: it opens at once the next time,
// as the driver left it, and costs nothing at start-up until then.
Loader {
    active: false
    onVisibleChanged: if (visible) active = true
}
