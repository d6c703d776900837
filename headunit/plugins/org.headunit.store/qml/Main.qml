pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// The store: its sections down the driver's side (browse, for my car, basket, orders, maintenance) and the
// section chosen beside them. Lists keep to the driving limits; checkout and typing wait until parked.
Item {
    id: main

    required property Shop shop
    required property ServiceDesk service

    readonly property bool wide: width >= Theme.dp(900)
    readonly property var sections: [
        { value: "browse", label: qsTr("Browse"), icon: "mdi6.store-search-outline" },
        { value: "forCar", label: qsTr("For my car"), icon: "mdi6.car-cog" },
        { value: "basket", label: qsTr("Basket"), icon: "mdi6.cart-outline" },
        { value: "orders", label: qsTr("Orders"), icon: "mdi6.package-variant-closed" },
        { value: "maintenance", label: qsTr("Maintenance"), icon: "mdi6.wrench-clock" },
    ]

    // The shell's back button goes back inside the store first: inside the page shown, then up a level.
    function goBack() {
        for (const page of [orders, maintenance, checkout]) {
            if (page.visible && typeof page.goBack === "function" && page.goBack())
                return true
        }
        return main.shop.back()
    }

    // Opened, shown again, or online again while open: a catalog older than a few minutes is brought up to date.
    onVisibleChanged: if (visible) main.shop.syncIfOld()
    Component.onCompleted: main.shop.syncIfOld()
    property bool wasOnline: Cloud.online
    Connections {
        target: Cloud
        function onChanged() {
            if (Cloud.online && !main.wasOnline && main.visible) main.shop.syncIfOld()
            main.wasOnline = Cloud.online
        }
    }

    // Texts from Python are translated when read: a new language reads them again.
    Connections {
        target: Settings
        function onChanged() { main.shop.retranslate() }
    }

    Connections {
        target: main.shop
        // An order placed with a workshop booking: its state is followed on the orders page.
        function onOrderConfirmed(order) { if (main.shop.page !== "checkout") main.shop.showSection("orders") }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            objectName: "storeSections"
            Layout.fillHeight: true
            Layout.preferredWidth: main.wide ? Theme.dp(300) : Theme.touchTarget + Theme.spacingM
            color: Theme.surface
            Column {
                anchors { fill: parent; margins: Theme.spacingS }
                spacing: Theme.spacingS
                Repeater {
                    model: main.sections
                    delegate: Item {
                        id: sectionButton
                        required property var modelData
                        readonly property int badge: modelData.value === "basket" ? main.shop.basketCount
                                                   : modelData.value === "maintenance" ? (main.service.dueCount || 0) : 0
                        width: parent ? parent.width : 0
                        height: Theme.touchTarget
                        TouchButton {
                            objectName: "storeSection:" + sectionButton.modelData.value
                            anchors.fill: parent
                            iconName: sectionButton.modelData.icon
                            text: main.wide ? sectionButton.modelData.label : ""
                            Accessible.name: sectionButton.modelData.label
                            accent: main.shop.section === sectionButton.modelData.value
                            onClicked: main.shop.showSection(sectionButton.modelData.value)
                        }
                        Rectangle {
                            visible: sectionButton.badge > 0
                            // Above the icon's corner, clear of the icon itself.
                            anchors { right: parent.right; top: parent.top; rightMargin: -Theme.spacingS / 2; topMargin: -Theme.dp(10) }
                            width: Math.max(height, badgeText.implicitWidth + Theme.spacingS)
                            height: Theme.dp(24)
                            radius: height / 2
                            color: Theme.danger
                            Text {
                                id: badgeText
                                anchors.centerIn: parent
                                text: sectionButton.badge > 99 ? "99+" : String(sectionButton.badge)
                                color: Theme.onAccent
                                font.pixelSize: Theme.dp(16)
                                font.bold: true
                            }
                        }
                    }
                }
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            BrowsePage {
                objectName: "storeBrowse"
                anchors.fill: parent
                visible: (main.shop.section === "browse" || main.shop.section === "forCar")
                         && (main.shop.page === "" || main.shop.page === "list")
                shop: main.shop
            }
            ProductPage {
                objectName: "storeProduct"
                anchors.fill: parent
                visible: main.shop.page === "product"
                shop: main.shop
            }
            ReviewsPage {
                objectName: "storeReviews"
                anchors.fill: parent
                visible: main.shop.page === "reviews" || main.shop.page === "review"
                shop: main.shop
            }
            BasketPage {
                objectName: "storeBasket"
                anchors.fill: parent
                visible: main.shop.section === "basket" && main.shop.page === ""
                shop: main.shop
            }
            CheckoutPage {
                id: checkout
                objectName: "storeCheckout"
                anchors.fill: parent
                visible: main.shop.page === "checkout"
                shop: main.shop
                service: main.service
            }
            OrdersPage {
                id: orders
                objectName: "storeOrders"
                anchors.fill: parent
                visible: main.shop.section === "orders"
                shop: main.shop
                service: main.service
            }
            MaintenancePage {
                id: maintenance
                objectName: "storeMaintenance"
                anchors.fill: parent
                visible: main.shop.section === "maintenance"
                shop: main.shop
                service: main.service
            }
        }
    }
}
