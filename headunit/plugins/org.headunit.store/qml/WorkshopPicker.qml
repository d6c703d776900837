import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Choosing where and when a part is fitted: partner workshops near the car or along the route being guided
// (in the order the car reaches them), then a free time on a day. Used by the checkout:
//   WorkshopPicker { service: ...; minutes: shop.fittingMinutes; onPicked: (workshop, start) => ... }
Item {
    id: picker

    property var service
    // How long the fitting takes: the slots asked for are this long (the basket's fitting time by default).
    property int minutes: picker.service ? picker.service.fittingMinutes : 60
    signal picked(var workshop, string slotStart)

    // The workshop whose times are shown, or null for the list.
    property var chosen: null

    function goBack() {
        if (!picker.chosen)
            return false
        picker.chosen = null
        return true
    }

    readonly property bool miles: Settings.distanceUnit === "mi"
    function distanceText(metres) {
        const locale = Qt.locale(Qt.uiLanguage)
        const value = miles ? metres / 1609.344 : metres / 1000
        return qsTr("%1 %2").arg(value.toLocaleString(locale, "f", value < 10 ? 1 : 0)).arg(miles ? qsTr("mi") : qsTr("km"))
    }
    function choose(index) {
        picker.chosen = picker.service.workshops[index]
        picker.service.openSlots(picker.chosen, Math.max(30, picker.minutes))
    }

    // Shown again (another workshop wanted): the list, read afresh.
    onVisibleChanged: if (visible) { picker.chosen = null; picker.service.refreshWorkshops() }
    Component.onCompleted: if (visible && picker.service) picker.service.refreshWorkshops()

    // The workshops.
    ColumnLayout {
        objectName: "workshopList"
        visible: !picker.chosen
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        RowLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            TouchButton {
                objectName: "workshopsNear"
                text: qsTr("Near the car")
                iconName: "mdi6.map-marker-radius"
                accent: picker.service.workshopMode === "near"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: picker.service.setWorkshopMode("near")
            }
            TouchButton {
                objectName: "workshopsOnRoute"
                text: qsTr("On the route")
                iconName: "mdi6.map-marker-path"
                accent: picker.service.workshopMode === "route"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: picker.service.setWorkshopMode("route")
            }
        }
        Label {
            objectName: "workshopsNote"
            visible: text !== ""
            text: picker.service.workshopsNote
            role: "secondary"
            muted: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }
        ItemList {
            objectName: "workshops"
            model: picker.service.workshops.map(w => ({
                title: w.name,
                // While driving one line: how far, how good, whether open; parked the hours too.
                subtitle: [picker.distanceText(w.distanceM), w.rating, w.openNow].concat(Restrictions.active ? [] : [w.opening])
                          .filter(t => t !== "").join(" · "),
                icon: "mdi6.car-wrench" }))
            Layout.fillWidth: true
            Layout.fillHeight: true
            onActivated: index => picker.choose(index)
        }
    }

    // One workshop's times.
    ColumnLayout {
        objectName: "workshopTimes"
        visible: !!picker.chosen
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        WorkshopHeader {
            workshop: picker.chosen
            Layout.fillWidth: true
            onBack: picker.chosen = null
        }
        WorkshopSlots {
            service: picker.service
            Layout.fillWidth: true
            Layout.fillHeight: true
            onPicked: start => picker.picked(picker.chosen, start)
        }
    }
}
