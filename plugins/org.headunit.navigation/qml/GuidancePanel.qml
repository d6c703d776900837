import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The next manoeuvre at a glance: its arrow, the distance in large type, the street and the instruction;
// then what is left and the arrival time; and the categories to find along the route. Values in, a signal out.
ColumnLayout {
    id: panel

    property string icon
    property string distance
    property string unit
    property string street
    property string instruction
    property string remaining
    property string remainingUnit
    property string arrival        // clock time
    property bool rerouting
    property string rerouteError   // "No route from here": the car left the route and no new one was found
    property var categories: []

    signal categoryChosen(string category)

    spacing: Theme.spacingS

    RowLayout {
        spacing: Theme.spacingM
        Layout.fillWidth: true
        Icon {
            objectName: "maneuverIcon"
            name: panel.icon
            size: Theme.touchTarget
            color: Theme.accent
        }
        Label {
            objectName: "maneuverDistance"
            text: panel.distance
            role: "display"
        }
        Label {
            text: panel.unit
            role: "secondary"
            muted: true
            Layout.alignment: Qt.AlignBaseline
            Layout.fillWidth: true
        }
    }
    Label {
        objectName: "maneuverStreet"
        visible: text !== ""
        text: panel.street
        role: "primary"
        // A long name gets smaller, down to the secondary size, before it is cut short.
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Theme.fontSecondary
        Layout.fillWidth: true
    }
    Label {
        objectName: "maneuverInstruction"
        visible: text !== ""
        text: panel.rerouteError !== "" ? panel.rerouteError
            : panel.rerouting ? qsTr("Rerouting…") : Restrictions.limitString(panel.instruction)
        role: "secondary"
        muted: !panel.rerouting
        color: panel.rerouteError !== "" ? Theme.danger : muted ? Theme.textMuted : Theme.text
        wrapMode: Text.Wrap
        maximumLineCount: 2
        Layout.fillWidth: true
    }
    // What is left and when the car arrives, on one line.
    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Icon {
            name: "mdi6.map-marker-distance"
            size: Theme.fontPrimary
            color: Theme.textMuted
            //: Read out for the distance still to drive
            Accessible.name: qsTr("Left")
        }
        Label {
            objectName: "remaining"
            text: panel.remaining
            role: "primary"
        }
        Label {
            text: panel.remainingUnit
            role: "secondary"
            muted: true
            Layout.alignment: Qt.AlignBaseline
        }
        Item { Layout.fillWidth: true }
        Icon {
            name: "mdi6.flag-checkered"
            size: Theme.fontPrimary
            color: Theme.textMuted
            //: Read out for the clock time the car should arrive at
            Accessible.name: qsTr("Arrival")
        }
        Label {
            objectName: "arrival"
            text: panel.arrival
            role: "primary"
        }
    }
    CategoryButtons {
        categories: panel.categories
        onChosen: (category) => panel.categoryChosen(category)
        Layout.fillWidth: true
    }
}
