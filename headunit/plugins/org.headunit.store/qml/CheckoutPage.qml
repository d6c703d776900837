import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// Checkout, parked: delivery home (the address, typed while parked) or fitting at a partner workshop (a
// workshop and a time from the workshop picker), then the shell's payment sheet. Once confirmed the order
// stays on this page with its state, also while driving.
Item {
    id: page

    required property Shop shop
    required property ServiceDesk service
    readonly property bool ordering: ["confirm", "queued", "sent", "succeeded"].indexOf(shop.orderState) >= 0
    readonly property var order: shop.lastOrder

    // Back from a workshop's times to the list of workshops, before leaving checkout.
    function goBack() { return picker.visible && picker.goBack() }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: content.implicitHeight + 2 * Theme.spacingM
        interactive: !Restrictions.active
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        onInteractiveChanged: if (!interactive) contentY = 0

        ColumnLayout {
            id: content
            x: Theme.spacingM; y: Theme.spacingM
            width: flick.width - 2 * Theme.spacingM
            spacing: Theme.spacingM

            RowLayout {
                spacing: Theme.spacingS
                Layout.fillWidth: true
                IconButton {
                    objectName: "storeCheckoutBack"
                    iconName: "mdi6.arrow-left"
                    text: qsTr("Back")
                    onClicked: page.shop.back()
                }
                Label { text: qsTr("Checkout"); Layout.fillWidth: true }
                Label {
                    objectName: "storeCheckoutTotal"
                    visible: page.shop.basketCount > 0
                    text: page.shop.basketTotal
                    font.bold: true
                }
            }

            // The order confirmed: what it costs, where it goes, and its state from now on.
            Card {
                objectName: "storeOrderPlaced"
                visible: page.shop.orderState === "succeeded" && page.order.id !== undefined
                implicitHeight: placed.implicitHeight + 2 * Theme.spacingM
                Layout.fillWidth: true
                ColumnLayout {
                    id: placed
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacingM }
                    spacing: Theme.spacingS
                    RowLayout {
                        spacing: Theme.spacingM
                        Layout.fillWidth: true
                        Icon { name: "mdi6.check-circle"; color: Theme.success; size: Theme.dp(48) }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label { text: qsTr("Order placed: %1").arg(page.order.total || ""); Layout.fillWidth: true }
                            Label { text: page.order.state || ""; role: "secondary"; muted: true; Layout.fillWidth: true }
                        }
                    }
                    Label {
                        visible: (page.order.workshop || "") !== ""
                        text: qsTr("Fitting at %1, %2").arg(page.order.workshop || "").arg(page.order.when || "")
                        role: "secondary"
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: page.order.moved === true
                        text: qsTr("The time you chose was taken meanwhile: this is the nearest free one")
                        role: "small"
                        color: Theme.warning
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    TouchButton {
                        objectName: "storeShowOrders"
                        text: qsTr("My orders")
                        iconName: "mdi6.package-variant-closed"
                        Layout.fillWidth: true
                        onClicked: page.shop.showSection("orders")
                    }
                }
            }

            Label {
                objectName: "storeCheckoutNote"
                visible: text !== ""
                text: page.shop.checkoutNote
                role: "secondary"
                color: page.shop.orderState === "refused" || page.shop.orderState === "failed" ? Theme.danger : Theme.accent
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                Layout.fillWidth: true
            }

            // How it reaches the car.
            RowLayout {
                visible: page.shop.orderState !== "succeeded" && page.shop.basketCount > 0
                spacing: Theme.spacingS
                Layout.fillWidth: true
                TouchButton {
                    objectName: "storeDeliverHome"
                    accent: page.shop.delivery === "home"
                    enabled: !page.ordering
                    iconName: "mdi6.home-outline"
                    text: qsTr("Deliver home")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: page.shop.setDelivery("home")
                }
                TouchButton {
                    objectName: "storeFitAtWorkshop"
                    accent: page.shop.delivery === "workshop"
                    enabled: !page.ordering && page.shop.fittingMinutes > 0
                    iconName: "mdi6.car-wrench"
                    text: qsTr("Fit at a workshop")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: page.shop.setDelivery("workshop")
                }
            }

            CheckoutAddress {
                objectName: "storeAddress"
                visible: page.shop.orderState !== "succeeded" && page.shop.basketCount > 0 && page.shop.delivery === "home"
                shop: page.shop
                Layout.fillWidth: true
            }

            // Fitting: the chosen workshop and time, or the picker.
            Card {
                objectName: "storeChosenWorkshop"
                visible: page.shop.orderState !== "succeeded" && page.shop.delivery === "workshop"
                         && page.shop.workshop.id !== undefined
                implicitHeight: chosen.implicitHeight + 2 * Theme.spacingM
                Layout.fillWidth: true
                RowLayout {
                    id: chosen
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacingM }
                    spacing: Theme.spacingM
                    Icon { name: "mdi6.car-wrench"; color: Theme.accent }
                    ColumnLayout {
                        spacing: 0
                        Layout.fillWidth: true
                        Label { text: page.shop.workshop.name || ""; role: "secondary"; Layout.fillWidth: true }
                        Label {
                            text: page.shop.workshop.slot || ""
                            role: "small"
                            muted: true
                            Layout.fillWidth: true
                        }
                    }
                    TouchButton {
                        enabled: !page.ordering
                        text: qsTr("Change")
                        onClicked: page.shop.chooseWorkshop({}, "")
                    }
                }
            }
            WorkshopPicker {
                id: picker
                objectName: "storeWorkshopPicker"
                visible: page.shop.orderState !== "succeeded" && page.shop.delivery === "workshop"
                         && page.shop.workshop.id === undefined && page.shop.parked
                service: page.service
                minutes: page.shop.fittingMinutes
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(Theme.dp(360), flick.height - Theme.dp(220))
                onPicked: (workshop, slotStart) => page.shop.chooseWorkshop(workshop, slotStart)
            }

            TouchButton {
                objectName: "storePay"
                visible: page.shop.orderState !== "succeeded" && page.shop.basketCount > 0
                accent: true
                enabled: page.shop.canCheckout
                iconName: "mdi6.credit-card-outline"
                text: qsTr("Pay %1").arg(page.shop.basketTotal)
                Layout.fillWidth: true
                onClicked: page.shop.checkout()
            }
        }
    }
}
