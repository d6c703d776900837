import QtQuick
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Wallet

// The home tile, in the layout every tile shares (HomeTile): the parking session running, else the last
// receipt.
HomeTile {
    id: tile

    required property WalletStore wallet

    iconName: "mdi6.wallet-outline"
    title: qsTr("Wallet")
    headline: tile.wallet.parkingActive ? qsTr("Parking: %1").arg(tile.wallet.parkingZone)
        : tile.wallet.lastReceipt !== "" ? qsTr("Last receipt") : qsTr("Fuel and parking")
    headlineObjectName: "walletTileTitle"
    secondary: tile.wallet.parkingActive ? qsTr("Until %1").arg(tile.wallet.parkingUntil)
        : tile.wallet.lastReceipt !== "" ? tile.wallet.lastReceipt : qsTr("Pay from the car when parked")

    Icon {
        anchors { left: parent.left; verticalCenter: parent.verticalCenter }
        name: tile.wallet.parkingActive ? "mdi6.parking" : tile.wallet.lastReceipt !== "" ? "mdi6.receipt-text-outline"
            : "mdi6.gas-station-outline"
        size: Math.min(Theme.dp(64), parent.height)
        color: Theme.accent
    }
}
