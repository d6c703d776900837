pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One workshop's day of fitting times: the day (today, tomorrow, the days after) and its slots as buttons,
// taken ones greyed. The service desk holds which workshop and how long (service.openSlots); a tap on a free
// time sends `picked` with its start.
ColumnLayout {
    id: slotsView

    property var service
    // The time booked now, if any: marked among the day's times.
    property string current: ""
    signal picked(string slotStart)

    spacing: Theme.spacingS

    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        IconButton {
            objectName: "slotsPreviousDay"
            iconName: "mdi6.chevron-left"
            text: qsTr("Previous day")
            enabled: slotsView.service.slotDay > 0
            opacity: enabled ? 1 : 0.4
            onClicked: slotsView.service.chooseSlotDay(slotsView.service.slotDay - 1)
        }
        Label {
            objectName: "slotsDay"
            text: slotsView.service.slotDays.length > 0 ? slotsView.service.slotDays[slotsView.service.slotDay].label : ""
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        IconButton {
            objectName: "slotsNextDay"
            iconName: "mdi6.chevron-right"
            text: qsTr("Next day")
            enabled: slotsView.service.slotDay < slotsView.service.slotDays.length - 1
            opacity: enabled ? 1 : 0.4
            onClicked: slotsView.service.chooseSlotDay(slotsView.service.slotDay + 1)
        }
    }

    Label {
        objectName: "slotsNote"
        visible: text !== ""
        text: slotsView.service.slotsNote
        role: "secondary"
        muted: true
        wrapMode: Text.WordWrap
        maximumLineCount: 2
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }

    Flickable {
        objectName: "slotsGrid"
        contentHeight: grid.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        // While driving it does not scroll: what it shows then fits the screen.
        interactive: !Restrictions.active
        onInteractiveChanged: if (!interactive) contentY = 0
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.touchTarget

        GridLayout {
            id: grid
            width: parent.width
            columns: Math.max(2, Math.floor(width / (Theme.touchTarget * 1.7)))
            columnSpacing: Theme.spacingS
            rowSpacing: Theme.spacingS
            Repeater {
                model: slotsView.service.slots
                delegate: TouchButton {
                    required property var modelData
                    objectName: "slot:" + modelData.label
                    text: modelData.label
                    accent: modelData.start === slotsView.current
                    enabled: modelData.free && !accent
                    Accessible.name: modelData.free ? modelData.label : qsTr("%1, taken").arg(modelData.label)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: slotsView.picked(modelData.start)
                }
            }
        }
    }
}
