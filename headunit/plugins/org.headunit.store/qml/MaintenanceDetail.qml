import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One service item: its state and when it is due, when it was last done, "mark as done" (parked), and the
// parts of the catalog that fit it, each opening its product page. Side by side on wide screens.
Item {
    id: view

    property var service
    property var shop
    readonly property var item: service ? service.maintenanceItem : ({})
    readonly property bool wide: width >= Theme.dp(1400)
    signal back()

    function stateColor(state) {
        return state === "due" ? Theme.danger : state === "soon" ? Theme.warning
             : state === "unknown" ? Theme.textMuted : Theme.success
    }

    GridLayout {
        anchors.fill: parent
        columns: view.wide ? 2 : 1
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingS

        ColumnLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop

            RowLayout {
                spacing: Theme.spacingS
                Layout.fillWidth: true
                IconButton {
                    objectName: "maintenanceBack"
                    iconName: "mdi6.arrow-left"
                    text: qsTr("Back")
                    onClicked: view.back()
                }
                Icon { name: view.item.icon || ""; color: Theme.accent }
                Label {
                    objectName: "maintenanceTitle"
                    text: view.item.title || ""
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "maintenanceState"
                    text: view.item.stateText || ""
                    role: "secondary"
                    color: view.stateColor(view.item.state)
                    Layout.rightMargin: Theme.spacingS
                }
            }
            Label {
                objectName: "maintenanceDue"
                visible: text !== ""
                text: view.item.due || ""
                role: "secondary"
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Layout.fillWidth: true
            }
            Label {
                objectName: "maintenanceLastDone"
                visible: text !== ""
                text: view.item.lastDone || ""
                role: "secondary"
                muted: true
                Layout.fillWidth: true
            }
            TouchButton {
                objectName: "maintenanceDone"
                text: qsTr("Mark as done")
                iconName: "mdi6.check"
                enabled: Driving.parked
                Layout.fillWidth: true
                onClicked: doneSheet.open()
            }
            Label {
                visible: !Driving.parked
                text: qsTr("Marking as done needs the car parked")
                role: "secondary"
                muted: true
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Layout.fillWidth: true
            }
        }

        ColumnLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            Label {
                text: (view.item.parts || []).length > 0 ? qsTr("Parts that fit your car") : qsTr("No part in the catalog fits yet")
                role: "secondary"
                muted: true
                Layout.fillWidth: true
            }
            ItemList {
                objectName: "maintenanceParts"
                model: view.item.parts || []
                depth: 2
                rowsOpenLevel: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: Theme.touchTarget * 2
                onActivated: index => view.shop.openProduct(view.item.parts[index].id)
            }
        }
    }

    ConfirmSheet {
        id: doneSheet
        objectName: "maintenanceDoneSheet"
        title: qsTr("%1: mark as done?").arg(view.item.title || "")
        detail: view.service ? view.service.odometer : ""
        confirmText: qsTr("Mark as done")
        onAccepted: view.service.markDone(view.item.key)
    }
    Connections {
        target: Driving
        function onStateChanged() { if (!Driving.parked) doneSheet.close() }
    }
}
