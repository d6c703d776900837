pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Wallet

// The wallet: fuel, parking, cards and receipts when parked; while driving only the parking session or the
// last receipt. Every payment is confirmed on the shell's own sheet, never here.
Item {
    id: view

    required property WalletStore store
    readonly property bool wide: width >= Theme.dp(900)
    readonly property var tabs: [
        { value: "fuel", label: qsTr("Fuel"), icon: "mdi6.gas-station" },
        { value: "parking", label: qsTr("Parking"), icon: "mdi6.parking" },
        { value: "cards", label: qsTr("Cards"), icon: "mdi6.credit-card-outline" },
        { value: "receipts", label: qsTr("Receipts"), icon: "mdi6.receipt-text-outline" },
    ]

    // The account answers again (or for the first time): prices, zones and cards are read afresh.
    property bool wasOnline: false
    Connections {
        target: Cloud
        function onChanged() {
            if (Cloud.online && !view.wasOnline) view.store.refresh()
            view.wasOnline = Cloud.online
        }
    }

    // Driving: what is going on, nothing to pay.
    ColumnLayout {
        objectName: "walletDriving"
        visible: !view.store.parked
        anchors { fill: parent; margins: Theme.spacingL }
        spacing: Theme.spacingM
        DetailPane {
            icon: view.store.parkingActive ? "mdi6.parking" : "mdi6.receipt-text-outline"
            title: view.store.parkingActive ? qsTr("Parking: %1").arg(view.store.parkingZone)
                 : view.store.lastReceipt !== "" ? qsTr("Last receipt") : qsTr("Wallet")
            subtitle: view.store.parkingActive ? qsTr("Until %1").arg(view.store.parkingUntil) : view.store.lastReceipt
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Payments are available when parked")
            role: "secondary"
            muted: true
            Layout.fillWidth: true
        }
        Item { Layout.fillHeight: true }
    }

    RowLayout {
        visible: view.store.parked
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: view.wide ? Theme.dp(290) : Theme.touchTarget + Theme.spacingM
            color: Theme.surface
            Column {
                anchors { fill: parent; margins: Theme.spacingS }
                spacing: Theme.spacingS
                Repeater {
                    model: view.tabs
                    delegate: TouchButton {
                        required property var modelData
                        objectName: "walletTab:" + modelData.value
                        width: parent ? parent.width : 0
                        iconName: modelData.icon
                        text: view.wide ? modelData.label : ""
                        Accessible.name: modelData.label
                        accent: view.store.tab === modelData.value
                        onClicked: view.store.setTab(modelData.value)
                    }
                }
            }
        }

        StackLayout {
            currentIndex: ["fuel", "parking", "cards", "receipts"].indexOf(view.store.tab)
            Layout.fillWidth: true
            Layout.fillHeight: true

            // Fuel: the station the car stands at, the pump, the fuel, the hold.
            Flickable {
                contentHeight: fuel.implicitHeight + 2 * Theme.spacingM
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                ColumnLayout {
                    id: fuel
                    x: Theme.spacingM; y: Theme.spacingM
                    width: parent.width - 2 * Theme.spacingM
                    spacing: Theme.spacingM
                    RowLayout {
                        spacing: Theme.spacingM
                        Layout.fillWidth: true
                        Icon { name: "mdi6.gas-station"; color: Theme.accent }
                        Label {
                            objectName: "walletStation"
                            text: view.store.stationName !== "" ? view.store.stationName : qsTr("Fuel")
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        visible: text !== ""
                        text: view.store.stationNote
                        role: "secondary"
                        muted: true
                        wrapMode: Text.WordWrap
                        maximumLineCount: 3
                        Layout.fillWidth: true
                    }
                    GridLayout {
                        visible: view.store.stationName !== ""
                        columns: Math.max(4, Math.min(8, Math.floor(width / (Theme.touchTarget + Theme.spacingS))))
                        columnSpacing: Theme.spacingS
                        rowSpacing: Theme.spacingS
                        Layout.fillWidth: true
                        Repeater {
                            model: 8
                            delegate: TouchButton {
                                required property int index
                                objectName: "walletPump:" + (index + 1)
                                text: String(index + 1)
                                accent: view.store.pump === index + 1
                                enabled: !view.store.fuelling
                                Layout.fillWidth: true
                                onClicked: view.store.choosePump(index + 1)
                            }
                        }
                    }
                    RowLayout {
                        visible: view.store.stationName !== ""
                        spacing: Theme.spacingS
                        Layout.fillWidth: true
                        Repeater {
                            model: view.store.fuels
                            delegate: TouchButton {
                                required property var modelData
                                objectName: "walletFuel:" + modelData.id
                                text: modelData.name + "  " + modelData.price
                                accent: view.store.fuel === modelData.id
                                enabled: !view.store.fuelling
                                Layout.fillWidth: true
                                onClicked: view.store.chooseFuel(modelData.id)
                            }
                        }
                    }
                    Label {
                        visible: text !== ""
                        text: view.store.holdText
                        role: "secondary"
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "walletFuelNote"
                        visible: text !== ""
                        text: view.store.fuelNote
                        role: "secondary"
                        color: Theme.accent
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: Theme.spacingS
                        Layout.fillWidth: true
                        TouchButton {
                            objectName: "walletPayFuel"
                            visible: !view.store.fuelling
                            enabled: view.store.canPayFuel
                            text: view.store.pump > 0 ? qsTr("Pay at pump %1").arg(view.store.pump) : qsTr("Choose your pump")
                            iconName: "mdi6.gas-station"
                            accent: true
                            Layout.fillWidth: true
                            onClicked: view.store.payFuel()
                        }
                        TouchButton {
                            visible: view.store.fuelling
                            text: qsTr("Cancel fuelling")
                            danger: true
                            Layout.fillWidth: true
                            onClicked: view.store.cancelFuel()
                        }
                    }
                }
            }

            // Parking: the zone, a few durations, the session running.
            Flickable {
                contentHeight: parking.implicitHeight + 2 * Theme.spacingM
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                ColumnLayout {
                    id: parking
                    x: Theme.spacingM; y: Theme.spacingM
                    width: parent.width - 2 * Theme.spacingM
                    spacing: Theme.spacingM
                    DetailPane {
                        visible: view.store.parkingActive
                        icon: "mdi6.parking"
                        title: view.store.parkingZone
                        subtitle: qsTr("Until %1").arg(view.store.parkingUntil)
                        Layout.fillWidth: true
                    }
                    TouchButton {
                        objectName: "walletEndParking"
                        visible: view.store.parkingActive
                        text: qsTr("End parking")
                        iconName: "mdi6.stop-circle-outline"
                        danger: true
                        Layout.fillWidth: true
                        onClicked: view.store.endParking()
                    }
                    // Asked once, remembered.
                    ColumnLayout {
                        visible: view.store.askEndOnDriveAway
                        spacing: Theme.spacingS
                        Layout.fillWidth: true
                        Label {
                            text: qsTr("End parking automatically when the car drives away?")
                            role: "secondary"
                            wrapMode: Text.WordWrap
                            maximumLineCount: 2
                            Layout.fillWidth: true
                        }
                        RowLayout {
                            spacing: Theme.spacingS
                            Layout.fillWidth: true
                            TouchButton { text: qsTr("No"); Layout.fillWidth: true; onClicked: view.store.setEndOnDriveAway(false) }
                            TouchButton { text: qsTr("Yes"); accent: true; Layout.fillWidth: true; onClicked: view.store.setEndOnDriveAway(true) }
                        }
                    }
                    // The session just ended: its receipt, until the next one starts.
                    DetailPane {
                        objectName: "walletParkingReceipt"
                        visible: !view.store.parkingActive && view.store.parkingReceipt.title !== undefined
                        icon: "mdi6.receipt-text-outline"
                        title: view.store.parkingReceipt.title || ""
                        subtitle: view.store.parkingReceipt.subtitle || ""
                        Layout.fillWidth: true
                    }
                    // The zone: the nearest first; the others near the car one tap away each.
                    RowLayout {
                        visible: !view.store.parkingActive && view.store.zones.length > 0
                        spacing: Theme.spacingM
                        Layout.fillWidth: true
                        Icon { name: "mdi6.map-marker-outline"; color: Theme.accent }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label {
                                objectName: "walletZone"
                                text: view.store.zones.length > 0 ? view.store.zones[view.store.zoneIndex].name : ""
                                wrapMode: Text.WordWrap
                                maximumLineCount: 2
                                Layout.fillWidth: true
                            }
                            Label {
                                text: view.store.zones.length > 0 ? view.store.zones[view.store.zoneIndex].rate : ""
                                role: "secondary"
                                muted: true
                                Layout.fillWidth: true
                            }
                        }
                        TouchButton {
                            objectName: "walletNextZone"
                            visible: view.store.zones.length > 1
                            //: Shows the next parking zone near the car; %1 of %2 counts them.
                            text: qsTr("Zone %1 of %2").arg(view.store.zoneIndex + 1).arg(view.store.zones.length)
                            iconName: "mdi6.swap-horizontal"
                            onClicked: view.store.chooseZone((view.store.zoneIndex + 1) % view.store.zones.length)
                        }
                    }
                    GridLayout {
                        visible: !view.store.parkingActive && view.store.zones.length > 0
                        columns: 2  // four across would cut "30 min  €1.80" short even at 1280 px
                        columnSpacing: Theme.spacingS
                        rowSpacing: Theme.spacingS
                        Layout.fillWidth: true
                        Repeater {
                            model: view.store.durations
                            delegate: TouchButton {
                                required property var modelData
                                objectName: "walletPark:" + modelData.minutes
                                text: modelData.label + "  " + modelData.price
                                iconName: "mdi6.timer-outline"
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                onClicked: view.store.startParking(modelData.minutes)
                            }
                        }
                    }
                    Label {
                        objectName: "walletParkingNote"
                        visible: text !== ""
                        text: view.store.parkingNote
                        role: "secondary"
                        muted: true
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        Layout.fillWidth: true
                    }
                }
            }

            // Cards on file: brand and last four digits; added on the phone, through the shell's QR code.
            Flickable {
                contentHeight: cards.implicitHeight + 2 * Theme.spacingM
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                ColumnLayout {
                    id: cards
                    x: Theme.spacingM; y: Theme.spacingM
                    width: parent.width - 2 * Theme.spacingM
                    spacing: Theme.spacingS
                    Repeater {
                        model: view.store.cards
                        delegate: RowLayout {
                            id: card
                            required property var modelData
                            spacing: Theme.spacingS
                            Layout.fillWidth: true
                            Icon { name: "mdi6.credit-card-outline" }
                            ColumnLayout {
                                spacing: 0
                                Layout.fillWidth: true
                                Label { text: card.modelData.text; Layout.fillWidth: true }
                                Label {
                                    visible: card.modelData.isDefault
                                    text: qsTr("Default card")
                                    role: "small"
                                    muted: true
                                }
                            }
                            TouchButton {
                                visible: !card.modelData.isDefault
                                text: view.wide ? qsTr("Make default") : ""
                                iconName: "mdi6.star-outline"
                                Accessible.name: qsTr("Make default")
                                onClicked: view.store.makeDefault(card.modelData.id)
                            }
                            TouchButton {
                                iconName: "mdi6.delete-outline"
                                Accessible.name: qsTr("Remove")
                                danger: true
                                onClicked: removeSheet.ask(card.modelData.id, card.modelData.text)
                            }
                        }
                    }
                    Label {
                        visible: text !== ""
                        text: view.store.cardsNote
                        role: "secondary"
                        muted: true
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        Layout.fillWidth: true
                    }
                    TouchButton {
                        objectName: "walletAddCard"
                        text: qsTr("Add a card")
                        iconName: "mdi6.cellphone-link"
                        accent: true
                        Layout.fillWidth: true
                        onClicked: view.store.addCard()
                    }
                }
            }

            // Receipts: on the car, offline too, with their age.
            Item {
                ItemList {
                    objectName: "walletReceipts"
                    anchors { fill: parent; margins: Theme.spacingM }
                    model: view.store.receipts.map(r => ({ title: r.title, subtitle: r.subtitle, icon: r.icon,
                                                           trailing: r.amount }))
                }
                Label {
                    anchors.centerIn: parent
                    visible: view.store.receipts.length === 0
                    text: qsTr("No receipts yet")
                    role: "secondary"
                    muted: true
                }
            }
        }
    }

    ConfirmSheet {
        id: removeSheet
        property string cardId
        function ask(id, text) { cardId = id; title = qsTr("Remove %1?").arg(text); open() }
        detail: qsTr("Past receipts keep it")
        confirmText: qsTr("Remove")
        destructive: true
        onAccepted: view.store.removeCard(cardId)
    }
}
