import QtQuick
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// The home tile, in the layout every tile shares (HomeTile): the next workshop appointment when there is
// one, else how many parts fit the car.
HomeTile {
    id: tile

    required property Shop shop
    required property ServiceDesk service

    // The service desk lists upcoming appointments first.
    readonly property var booking: tile.service.bookings.length > 0 ? tile.service.bookings[0] : ({})
    readonly property bool hasBooking: booking.icon === "mdi6.calendar-clock" && (booking.title || "") !== ""

    iconName: "mdi6.shopping-outline"
    title: qsTr("Accessory store")
    trailing: Label {
        objectName: "storeTileBasket"
        visible: tile.shop.basketCount > 0
        text: qsTr("Basket %1").arg(tile.shop.basketCount)
        role: "small"
        color: Theme.accent
    }
    headline: tile.hasBooking ? tile.booking.title
        : tile.shop.fitCount > 0 && tile.shop.carName !== "" ? qsTr("For your %1").arg(tile.shop.carName)
        : qsTr("Parts that fit your car")
    headlineObjectName: "storeTileTitle"
    secondary: tile.hasBooking ? (tile.booking.subtitle || "")
        : tile.shop.fitCount > 0 ? qsTr("%n parts", "", tile.shop.fitCount)
        : qsTr("Delivered or fitted")
    secondaryObjectName: "storeTileSubtitle"

    Icon {
        anchors { left: parent.left; verticalCenter: parent.verticalCenter }
        name: tile.hasBooking ? "mdi6.calendar-clock" : "mdi6.car-wrench"
        size: Math.min(Theme.dp(64), parent.height)
        color: Theme.accent
    }
}
