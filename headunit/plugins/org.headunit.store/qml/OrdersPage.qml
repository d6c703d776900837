import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Orders and workshop appointments, from the cache with its age when offline, and the orders confirmed on
// this car that have not reached the shop yet. Readable while driving (six rows a screen); changing or
// cancelling an appointment waits until parked.
Item {
    id: page

    property var service
    property var shop

    // "orders" or "bookings"
    property string tab: "orders"
    // "" (the list), "order", "booking" or "reschedule"
    property string view: ""
    // Where "booking" goes back to: the order it was opened from, or the list.
    property bool bookingFromOrder: false

    // Back inside the page first; false at the list (the store then goes back itself).
    function goBack() {
        switch (page.view) {
        case "reschedule": page.view = "booking"; return true
        case "booking": page.view = page.bookingFromOrder ? "order" : ""; return true
        case "order": page.view = ""; return true
        }
        return false
    }
    function openOrder(orderId) { page.service.openOrder(orderId); page.view = "order" }
    function openBooking(bookingId, fromOrder) {
        page.service.openBooking(bookingId)
        page.bookingFromOrder = fromOrder
        page.view = "booking"
    }

    onVisibleChanged: if (visible) page.service.refreshOrders()
    // While the page shows, orders move on (shipped, ready, fitted): read again every minute, and at once when
    // the car is back online.
    Timer {
        running: page.visible
        interval: 60000
        repeat: true
        onTriggered: page.service.refreshOrders()
    }
    property bool wasOnline: Cloud.online
    Connections {
        target: Cloud
        function onChanged() {
            if (Cloud.online && !page.wasOnline && page.visible)
                page.service.refreshOrders()
            page.wasOnline = Cloud.online
        }
    }

    ColumnLayout {
        objectName: "ordersList"
        visible: page.view === ""
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        RowLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            TouchButton {
                objectName: "ordersTab:orders"
                text: qsTr("Orders")
                iconName: "mdi6.package-variant-closed"
                accent: page.tab === "orders"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: page.tab = "orders"
            }
            TouchButton {
                objectName: "ordersTab:bookings"
                text: qsTr("Appointments")
                iconName: "mdi6.calendar-clock"
                accent: page.tab === "bookings"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: page.tab = "bookings"
            }
        }
        RowLayout {
            visible: page.service.ordersNote !== ""
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Icon { name: "mdi6.cloud-off-outline"; color: Theme.textMuted; size: Theme.fontSecondary }
            Label {
                objectName: "ordersNote"
                text: page.service.ordersNote
                role: "secondary"
                muted: true
                Layout.fillWidth: true
            }
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            ItemList {
                objectName: "ordersRows"
                anchors.fill: parent
                rowsOpenLevel: true
                model: page.tab === "orders" ? page.service.orders : page.service.bookings
                onActivated: index => {
                    if (page.tab === "orders")
                        page.openOrder(page.service.orders[index].id)
                    else
                        page.openBooking(page.service.bookings[index].id, false)
                }
            }
            Label {
                anchors.centerIn: parent
                visible: (page.tab === "orders" ? page.service.orders : page.service.bookings).length === 0
                text: page.tab === "orders" ? qsTr("No orders yet") : qsTr("No workshop appointments")
                role: "secondary"
                muted: true
            }
        }
    }

    OrdersDetail {
        objectName: "orderDetail"
        visible: page.view === "order"
        anchors { fill: parent; margins: Theme.spacingM }
        service: page.service
        onBack: page.view = ""
        onOpenBooking: bookingId => page.openBooking(bookingId, true)
    }

    BookingDetail {
        objectName: "bookingDetail"
        visible: page.view === "booking"
        anchors.fill: parent
        service: page.service
        onBack: page.goBack()
        onChangeTime: {
            const b = page.service.booking
            page.service.openSlots({ id: b.workshopId, name: b.workshop, address: b.address, lat: b.lat, lon: b.lon },
                                   b.minutes)
            page.view = "reschedule"
        }
    }

    BookingReschedule {
        objectName: "bookingReschedule"
        visible: page.view === "reschedule"
        anchors { fill: parent; margins: Theme.spacingM }
        service: page.service
        onBack: page.view = "booking"
        onDone: page.view = "booking"
    }
}
