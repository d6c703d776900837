import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One order: what was bought, how far it got (processing, shipped, ready at the workshop or delivered,
// fitted), where it goes, and its workshop appointment. Only reading: fine while driving.
Flickable {
    id: view

    property var service
    readonly property var order: service ? service.order : ({})
    signal back()
    signal openBooking(string bookingId)

    contentHeight: column.implicitHeight
    boundsBehavior: Flickable.StopAtBounds
    clip: true
    // While driving it does not scroll: what it shows then fits the screen.
    interactive: !Restrictions.active
    onInteractiveChanged: if (!interactive) contentY = 0

    ColumnLayout {
        id: column
        width: view.width
        spacing: Theme.spacingS

        RowLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            IconButton {
                objectName: "orderBack"
                iconName: "mdi6.arrow-left"
                text: qsTr("Back")
                onClicked: view.back()
            }
            Label {
                objectName: "orderTitle"
                text: Restrictions.limitString(view.order.title || "")
                role: "secondary"
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Layout.fillWidth: true
            }
            Label {
                text: view.order.total || ""
                role: "secondary"
                Layout.rightMargin: Theme.spacingS
            }
        }

        Label {
            objectName: "orderStatus"
            text: view.order.status || ""
            color: view.order.pending ? Theme.warning : Theme.accent
            Layout.fillWidth: true
        }
        Label {
            visible: text !== ""
            text: [view.order.placed || "", view.order.delivery || ""].filter(t => t !== "").join(" · ")
            role: "secondary"
            muted: true
            Layout.fillWidth: true
        }

        // The steps of its way, the one it is at marked.
        Repeater {
            model: view.order.steps || []
            delegate: RowLayout {
                id: step
                required property var modelData
                spacing: Theme.spacingS
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingS
                Icon {
                    name: step.modelData.done ? "mdi6.check-circle" : "mdi6.circle-outline"
                    color: step.modelData.done ? Theme.success : Theme.textMuted
                    size: Theme.fontPrimary
                }
                Label {
                    text: step.modelData.label
                    role: "secondary"
                    muted: !step.modelData.done
                    font.bold: step.modelData.current
                    Layout.fillWidth: true
                }
            }
        }

        TouchButton {
            objectName: "orderBooking"
            visible: (view.order.bookingId || "") !== ""
            text: qsTr("Workshop appointment")
            iconName: "mdi6.calendar-clock"
            Layout.fillWidth: true
            onClicked: view.openBooking(view.order.bookingId)
        }
    }
}
