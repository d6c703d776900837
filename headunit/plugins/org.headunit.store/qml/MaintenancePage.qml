import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The car's service plan from its profile and odometer: each item ok, soon or due, most urgent first; an
// item opens with the parts that fit it and "mark as done".
Item {
    id: page

    property var service
    property var shop

    property bool showingItem: false

    function goBack() {
        if (!page.showingItem)
            return false
        page.showingItem = false
        return true
    }

    onVisibleChanged: if (visible) page.service.refreshMaintenance()

    ColumnLayout {
        objectName: "maintenanceList"
        visible: !page.showingItem
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        RowLayout {
            spacing: Theme.spacingM
            Layout.fillWidth: true
            Icon { name: "mdi6.car-wrench"; color: Theme.accent }
            Label {
                objectName: "maintenanceCar"
                text: Restrictions.limitString(page.shop && page.shop.carSummary ? page.shop.carSummary : qsTr("Your car"))
                role: "secondary"
                Layout.fillWidth: true
            }
            Label {
                objectName: "maintenanceOdometer"
                visible: text !== ""
                text: page.service.odometer
                role: "secondary"
                muted: true
            }
        }
        Label {
            objectName: "maintenanceNote"
            visible: text !== ""
            text: page.service.maintenanceNote
            role: "secondary"
            muted: true
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            Layout.fillWidth: true
        }
        ItemList {
            objectName: "maintenanceRows"
            model: page.service.maintenance
            rowsOpenLevel: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            onActivated: index => {
                page.service.openMaintenance(page.service.maintenance[index].key)
                page.showingItem = true
            }
        }
    }

    MaintenanceDetail {
        objectName: "maintenanceDetail"
        visible: page.showingItem
        anchors { fill: parent; margins: Theme.spacingM }
        service: page.service
        shop: page.shop
        onBack: page.showingItem = false
    }
}
