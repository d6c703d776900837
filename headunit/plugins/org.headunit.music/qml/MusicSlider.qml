import QtQuick
import HeadUnit

// A bar the driver drags or taps along, a whole touch target high: the seek bar and the volume.
// Values in (0 to 1), `moved` out while dragging and `chosen` when the finger lifts.
Item {
    id: slider

    property real value: 0
    property bool live: true       // false: shown, not draggable (a live stream has no place to seek to)
    readonly property bool dragging: area.pressed
    readonly property real shown: dragging ? area.dragValue : Math.max(0, Math.min(1, value))

    signal moved(real value)
    signal chosen(real value)

    implicitHeight: Theme.touchTarget
    implicitWidth: Theme.touchTarget * 3
    Accessible.role: Accessible.Slider

    Rectangle {
        id: track
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: knob.width / 2; rightMargin: knob.width / 2 }
        height: Theme.spacingS
        radius: height / 2
        color: Theme.surfaceRaised
        border.width: Theme.lineWidth / 2
        border.color: Qt.alpha(Theme.outline, 0.5)
        Rectangle {
            width: parent.width * slider.shown
            height: parent.height
            radius: parent.radius
            color: slider.live ? Theme.accent : Theme.textMuted
        }
    }
    Rectangle {
        id: knob
        visible: slider.live
        width: Theme.spacingL
        height: width
        radius: width / 2
        color: Theme.accent
        border.width: Theme.lineWidth
        border.color: Theme.surface
        x: track.x + track.width * slider.shown - width / 2
        anchors.verticalCenter: parent.verticalCenter
    }
    MouseArea {
        id: area
        property real dragValue: 0
        anchors.fill: parent
        enabled: slider.live
        preventStealing: true
        function valueAt(x) { return Math.max(0, Math.min(1, (x - track.x) / Math.max(1, track.width))) }
        onPressed: (mouse) => { dragValue = valueAt(mouse.x); slider.moved(dragValue) }
        onPositionChanged: (mouse) => { dragValue = valueAt(mouse.x); slider.moved(dragValue) }
        onReleased: (mouse) => slider.chosen(valueAt(mouse.x))
    }
}
