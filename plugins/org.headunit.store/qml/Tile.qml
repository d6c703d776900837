import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// The home tile: the next workshop appointment when there is one, else how many parts fit the car.
ColumnLayout {
    id: tile

    required property Shop shop
    required property ServiceDesk service

    // The service desk lists upcoming appointments first.
    readonly property var booking: tile.service.bookings.length > 0 ? tile.service.bookings[0] : ({})
    readonly property bool hasBooking: booking.icon === "mdi6.calendar-clock" && (booking.title || "") !== ""

    spacing: 0


    RowLayout {
        Layout.fillWidth: true
        Icon { name: "mdi6.shopping-outline"; size: Theme.fontSecondary; color: Theme.accent }
        Label { text: qsTr("Accessory store"); role: "secondary"; muted: true; Layout.fillWidth: true }
        Label {
            objectName: "storeTileBasket"
            visible: tile.shop.basketCount > 0
            text: qsTr("Basket %1").arg(tile.shop.basketCount)
            role: "small"
            color: Theme.accent
        }
    }
    Item { Layout.fillHeight: true }
    Label {
        objectName: "storeTileTitle"
        text: tile.hasBooking ? tile.booking.title
            : tile.shop.fitCount > 0 && tile.shop.carName !== "" ? qsTr("For your %1").arg(tile.shop.carName)
            : qsTr("Parts that fit your car")
        Layout.fillWidth: true
    }
    Label {
        objectName: "storeTileSubtitle"
        text: tile.hasBooking ? (tile.booking.subtitle || "")
            : tile.shop.fitCount > 0 ? qsTr("%n parts", "", tile.shop.fitCount)
            : qsTr("Delivered or fitted")
        role: "secondary"
        muted: true
        Layout.fillWidth: true
    }
}
