import QtQuick
import HeadUnit

// A surface with the tile radius: the background of tiles and panels.
Rectangle {
    color: Theme.surface
    radius: Theme.tileRadius
    border.width: Theme.lineWidth
    border.color: Qt.alpha(Theme.outline, 0.35)
}
