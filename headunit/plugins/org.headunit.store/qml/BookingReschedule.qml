import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// A new time for an appointment, at the same workshop: a day and a free time; parked only.
ColumnLayout {
    id: reschedule

    property var service
    readonly property var booking: service ? service.booking : ({})
    signal back()
    signal done()

    spacing: Theme.spacingS

    WorkshopHeader {
        workshop: ({ name: reschedule.booking.workshop || "",
                     address: reschedule.booking.when ? qsTr("Booked for %1").arg(reschedule.booking.when) : "" })
        Layout.fillWidth: true
        onBack: reschedule.back()
    }
    WorkshopSlots {
        objectName: "rescheduleSlots"
        visible: Driving.parked
        service: reschedule.service
        current: reschedule.booking.start || ""
        Layout.fillWidth: true
        Layout.fillHeight: true
        onPicked: start => {
            reschedule.service.rescheduleBooking(reschedule.booking.id, start)
            reschedule.done()
        }
    }
    Label {
        objectName: "rescheduleParkedOnly"
        visible: !Driving.parked
        text: qsTr("A new time needs the car parked")
        role: "secondary"
        muted: true
        wrapMode: Text.WordWrap
        maximumLineCount: 2
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
        Layout.fillHeight: true
    }
}
