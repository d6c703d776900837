import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Wallet

// The home tile: the parking session running, else the last receipt.
ColumnLayout {
    id: tile

    required property WalletStore wallet

    spacing: 0

    RowLayout {
        Layout.fillWidth: true
        Icon { name: "mdi6.wallet-outline"; size: Theme.fontSecondary; color: Theme.accent }
        Label { text: qsTr("Wallet"); role: "secondary"; muted: true; Layout.fillWidth: true }
    }
    Item { Layout.fillHeight: true }
    Label {
        objectName: "walletTileTitle"
        text: tile.wallet.parkingActive ? qsTr("Parking: %1").arg(tile.wallet.parkingZone)
            : tile.wallet.lastReceipt !== "" ? qsTr("Last receipt") : qsTr("Fuel and parking")
        Layout.fillWidth: true
    }
    Label {
        text: tile.wallet.parkingActive ? qsTr("Until %1").arg(tile.wallet.parkingUntil)
            : tile.wallet.lastReceipt !== "" ? tile.wallet.lastReceipt : qsTr("Pay from the car when parked")
        role: "secondary"
        muted: true
        Layout.fillWidth: true
    }
}
