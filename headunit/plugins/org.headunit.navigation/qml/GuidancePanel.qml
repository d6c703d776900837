pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The next manoeuvre, for a glance: a large arrow, the distance to it, the street it leads onto (named once),
// the lanes to take where the map has them, then the manoeuvre after it. Values in.
ColumnLayout {
    id: panel

    property string icon
    property real distanceMeters: NaN
    property string street          // where the manoeuvre leads (the destination's name for the arrival)
    property string instruction     // the router's sentence: shown only where the street says nothing
    property int exitNumber         // the roundabout's exit, 0 for none
    property var lanes: []          // [{icon, recommended}], left to right
    property string thenIcon
    property string thenStreet
    property bool rerouting
    property string rerouteError    // "No route from here": the car left the route and no new one was found

    readonly property real arrowSize: Theme.dp(112)

    spacing: Theme.spacingS

    RowLayout {
        spacing: Theme.spacingM
        Layout.fillWidth: true

        Rectangle {
            objectName: "maneuverArrow"
            color: Theme.accent
            radius: Theme.tileRadius
            Layout.preferredWidth: panel.arrowSize
            Layout.preferredHeight: panel.arrowSize
            Icon {
                objectName: "maneuverIcon"
                anchors.centerIn: parent
                name: panel.icon
                size: panel.arrowSize * 0.86
                color: Theme.onAccent
            }
            // Which exit of the roundabout, in the arrow's corner.
            Rectangle {
                visible: panel.exitNumber > 0
                anchors { right: parent.right; bottom: parent.bottom; margins: Theme.spacingS / 2 }
                width: Math.max(height, exitLabel.implicitWidth + Theme.spacingS)
                height: Theme.fontSecondary + Theme.spacingS
                radius: height / 2
                color: Theme.onAccent
                Label {
                    id: exitLabel
                    objectName: "maneuverExit"
                    anchors.centerIn: parent
                    text: panel.exitNumber
                    role: "secondary"
                    color: Theme.accent
                    font.weight: Font.Bold
                }
            }
        }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            RowLayout {
                spacing: Theme.spacingS
                Label {
                    objectName: "maneuverDistance"
                    text: isNaN(panel.distanceMeters) ? "" : Format.distanceValue(panel.distanceMeters)
                    role: "display"
                    font.pixelSize: Theme.fontDisplay * 1.15
                    font.weight: Font.Bold
                }
                Label {
                    objectName: "maneuverDistanceUnit"
                    text: isNaN(panel.distanceMeters) ? "" : Format.distanceUnit(panel.distanceMeters)
                    role: "primary"
                    muted: true
                    Layout.alignment: Qt.AlignBaseline
                    Layout.fillWidth: true
                }
            }
        }
    }
    Label {
        objectName: "maneuverStreet"
        visible: text !== ""
        text: panel.street
        role: "primary"
        font.weight: Font.DemiBold
        // A long name gets smaller, down to the secondary size, before it is cut short.
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Theme.fontSecondary
        Layout.fillWidth: true
    }
    Label {
        objectName: "maneuverInstruction"
        visible: text !== ""
        text: panel.rerouteError !== "" ? panel.rerouteError
            : panel.rerouting ? qsTr("Rerouting…")
            : panel.street === "" ? Restrictions.limitString(panel.instruction) : ""
        role: "secondary"
        muted: !panel.rerouting && panel.rerouteError === ""
        color: panel.rerouteError !== "" ? Theme.danger : muted ? Theme.textMuted : Theme.text
        wrapMode: Text.Wrap
        maximumLineCount: 2
        Layout.fillWidth: true
    }
    // The lanes, left to right: the ones to take in the accent colour.
    Row {
        objectName: "laneGuidance"
        visible: panel.lanes.length > 0
        spacing: Theme.lineWidth
        Layout.topMargin: Theme.spacingS
        Repeater {
            model: panel.lanes
            delegate: Rectangle {
                id: laneCell
                required property var modelData
                objectName: modelData.recommended ? "laneRecommended" : "lane"
                width: Theme.dp(44)
                height: Theme.dp(52)
                radius: Theme.spacingS / 2
                color: modelData.recommended ? Theme.accent : Theme.surfaceRaised
                Icon {
                    anchors.centerIn: parent
                    name: laneCell.modelData.icon
                    size: Theme.dp(36)
                    color: laneCell.modelData.recommended ? Theme.onAccent : Theme.textMuted
                }
            }
        }
    }
    // Then the manoeuvre after it.
    RowLayout {
        objectName: "maneuverThen"
        visible: panel.thenStreet !== "" && panel.rerouteError === "" && !panel.rerouting
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        Label {
            //: Before the manoeuvre after the next one: "Then ↱ Avenue de la Costa"
            text: qsTr("Then")
            role: "secondary"
            muted: true
        }
        Icon {
            name: panel.thenIcon
            size: Theme.fontPrimary
            color: Theme.text
        }
        Label {
            objectName: "maneuverThenStreet"
            text: panel.thenStreet
            role: "secondary"
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontSmall
            Layout.fillWidth: true
        }
    }
}
