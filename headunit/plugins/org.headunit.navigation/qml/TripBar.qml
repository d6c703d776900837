import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as T
import HeadUnit
import HeadUnit.Controls

// Along the bottom while guiding: the speed limit, the arrival time, the time and distance left; a search
// along the route; and End, which ends the guidance only when held (a tap says so), far from where Start was.
// Values in, signals out.
Card {
    id: bar

    property real remainingMeters: NaN
    property real remainingSeconds: NaN
    property real arrivalTime: NaN
    property string speedLimit       // the figure on the sign, "" where the map has none
    property bool compact            // too narrow for the labels on the buttons

    // How long End must be held to end the guidance.
    readonly property int holdMs: 800

    signal endRequested()
    signal alongRequested()

    implicitHeight: Theme.touchTarget + 2 * Theme.spacingS

    RowLayout {
        anchors { fill: parent; leftMargin: Theme.spacingM; rightMargin: Theme.spacingS }
        spacing: Theme.spacingL

        SpeedLimitSign {
            objectName: "speedLimitSign"
            value: bar.speedLimit
            implicitWidth: Theme.touchTarget * 0.82
        }
        // The arrival time first: the figure a driver asks for most.
        Column {
            Label {
                objectName: "arrival"
                text: isNaN(bar.arrivalTime) ? "" : Format.clock(bar.arrivalTime)
                role: "primary"
                font.weight: Font.DemiBold
            }
            Label {
                //: Under the clock time the car should arrive at
                text: qsTr("Arrival")
                role: "small"
                muted: true
            }
        }
        Column {
            Label {
                objectName: "remainingTime"
                text: isNaN(bar.remainingSeconds) ? "" : Format.duration(bar.remainingSeconds)
                role: "primary"
            }
            Label {
                //: Under the time still to drive
                text: qsTr("Time left")
                role: "small"
                muted: true
            }
        }
        Column {
            Label {
                objectName: "remaining"
                text: isNaN(bar.remainingMeters) ? "" : Format.distance(bar.remainingMeters)
                role: "primary"
            }
            Label {
                //: Under the distance still to drive
                text: qsTr("Distance left")
                role: "small"
                muted: true
            }
        }
        Item { Layout.fillWidth: true }

        // Looking for a stop on the way: the icon with its name beside it, or under it where room is short.
        T.AbstractButton {
            id: along
            objectName: "searchAlongRoute"
            //: A button: look for fuel, charging, parking or food along the route
            text: qsTr("Along the route")
            focusPolicy: Qt.NoFocus
            Accessible.name: text
            implicitHeight: Theme.touchTarget
            implicitWidth: Math.max(Theme.touchTarget, alongContent.implicitWidth + 2 * (bar.compact ? Theme.spacingS
                                                                                                      : Theme.spacingL))
            onClicked: bar.alongRequested()
            background: Rectangle {
                radius: Theme.tileRadius
                color: Theme.surfaceRaised
                Rectangle {
                    anchors.fill: parent
                    radius: parent.radius
                    color: Theme.text
                    opacity: along.down ? 0.12 : 0
                }
            }
            contentItem: Item {
                GridLayout {
                    id: alongContent
                    anchors.centerIn: parent
                    flow: bar.compact ? GridLayout.TopToBottom : GridLayout.LeftToRight
                    rowSpacing: 0
                    columnSpacing: Theme.spacingS
                    Icon {
                        name: "mdi6.magnify"
                        size: bar.compact ? Theme.iconSize * 0.8 : Theme.iconSize
                        Layout.alignment: Qt.AlignHCenter
                    }
                    Label {
                        text: along.text
                        role: bar.compact ? "small" : "secondary"
                        Layout.alignment: Qt.AlignHCenter
                    }
                }
            }
        }
        // End: held, not tapped. The fill shows the hold; letting go early leaves the drive as it was.
        T.AbstractButton {
            id: end
            objectName: "endRoute"
            property real held: 0
            property bool hinted
            focusPolicy: Qt.NoFocus
            text: end.hinted ? qsTr("Hold to end") : qsTr("End")
            Accessible.name: qsTr("End route")
            implicitHeight: Theme.touchTarget
            implicitWidth: Math.max(Theme.touchTarget, endRow.implicitWidth + 2 * Theme.spacingL)

            onPressed: { held = 0; holdAnimation.restart() }
            onReleased: holdAnimation.stop()
            onCanceled: holdAnimation.stop()
            onClicked: { if (held < 1) { hinted = true; hintTimer.restart() } }
            onHeldChanged: if (held >= 1) { holdAnimation.stop(); hinted = false; held = 0; bar.endRequested() }

            NumberAnimation {
                id: holdAnimation
                target: end
                property: "held"
                from: 0
                to: 1
                duration: bar.holdMs
                onStopped: if (end.held < 1) end.held = 0
            }
            Timer {
                id: hintTimer
                interval: 3000
                onTriggered: end.hinted = false
            }
            background: Rectangle {
                radius: Theme.tileRadius
                color: Theme.surfaceRaised
                border.width: Theme.lineWidth
                border.color: Theme.danger
                clip: true
                Rectangle {
                    objectName: "endRouteFill"
                    anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
                    width: parent.width * end.held
                    radius: parent.radius
                    color: Qt.alpha(Theme.danger, 0.35)
                }
            }
            contentItem: Item {
                RowLayout {
                    id: endRow
                    anchors.centerIn: parent
                    spacing: Theme.spacingS
                    Icon { name: "mdi6.close"; color: Theme.danger; size: Theme.iconSize }
                    Label {
                        text: end.text
                        role: "secondary"
                        color: Theme.danger
                    }
                }
            }
        }
    }
}
