import QtQuick
import HeadUnit.Plugins.Wallet

// Wiring only.
WalletView {
    required property WalletStore wallet
    store: wallet
}
