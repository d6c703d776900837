import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One workshop appointment: where and when, whether the workshop moved it, and what is under way. Navigate
// works at any time; a new time or a cancellation needs the car parked, and says so.
Item {
    id: view

    property var service
    readonly property var booking: service ? service.booking : ({})
    readonly property bool parked: Driving.parked
    signal back()
    signal changeTime()

    Flickable {
        anchors { fill: parent; margins: Theme.spacingM }
        contentHeight: column.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        // While driving it does not scroll: what it shows then fits the screen.
        interactive: !Restrictions.active
        onInteractiveChanged: if (!interactive) contentY = 0

        ColumnLayout {
            id: column
            width: parent.width
            spacing: Theme.spacingS

            WorkshopHeader {
                workshop: ({ name: view.booking.workshop || "", address: view.booking.address || "" })
                Layout.fillWidth: true
                onBack: view.back()
            }
            Label {
                objectName: "bookingWhen"
                text: view.booking.when || ""
                color: view.booking.cancelled ? Theme.textMuted : Theme.accent
                font.strikeout: view.booking.cancelled === true
                Layout.fillWidth: true
            }
            Label {
                objectName: "bookingWhat"
                visible: text !== ""
                text: Restrictions.limitString(view.booking.what || "")
                role: "secondary"
                Layout.fillWidth: true
            }
            Label {
                objectName: "bookingStatus"
                text: Restrictions.limitString(view.booking.status || "")
                role: "secondary"
                muted: true
                wrapMode: Text.WordWrap
                maximumLineCount: Restrictions.active ? 1 : 2
                Layout.fillWidth: true
            }
            Label {
                objectName: "bookingMoved"
                visible: text !== ""
                text: Restrictions.limitString(view.booking.movedFrom || "")
                role: "secondary"
                color: Theme.warning
                wrapMode: Text.WordWrap
                maximumLineCount: Restrictions.active ? 1 : 2
                Layout.fillWidth: true
            }
            Label {
                objectName: "bookingNote"
                visible: text !== ""
                text: Restrictions.limitString(view.booking.note || "")
                role: "secondary"
                color: Theme.accent
                wrapMode: Text.WordWrap
                maximumLineCount: Restrictions.active ? 1 : 2
                Layout.fillWidth: true
            }

            TouchButton {
                objectName: "bookingNavigate"
                visible: !view.booking.cancelled
                text: qsTr("Navigate")
                iconName: "mdi6.navigation-variant"
                accent: true
                Layout.fillWidth: true
                onClicked: view.service.navigateToBooking(view.booking.id)
            }
            RowLayout {
                visible: view.booking.changeable === true
                spacing: Theme.spacingS
                Layout.fillWidth: true
                TouchButton {
                    objectName: "bookingChange"
                    text: qsTr("New time")
                    iconName: "mdi6.calendar-edit"
                    enabled: view.parked
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: view.changeTime()
                }
                TouchButton {
                    objectName: "bookingCancel"
                    text: qsTr("Cancel")
                    iconName: "mdi6.calendar-remove"
                    danger: true
                    enabled: view.parked
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: cancelSheet.open()
                }
            }
            Label {
                objectName: "bookingParkedOnly"
                visible: view.booking.changeable === true && !view.parked
                text: qsTr("A new time or cancelling needs the car parked")
                role: "secondary"
                muted: true
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Layout.fillWidth: true
            }
        }
    }

    ConfirmSheet {
        id: cancelSheet
        objectName: "bookingCancelSheet"
        title: qsTr("Cancel the appointment?")
        detail: qsTr("The parts wait at the workshop for collection")
        confirmText: qsTr("Cancel appointment")
        cancelText: qsTr("Keep it")
        destructive: true
        onAccepted: view.service.cancelBooking(view.booking.id)
    }
    // The car drove off with the question open: no answer while moving.
    Connections {
        target: Driving
        function onStateChanged() { if (!Driving.parked) cancelSheet.close() }
    }
}
