pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// The basket: kept on the car (a restart keeps it), quantities, the total, and checkout when parked.
Item {
    id: page

    required property Shop shop
    readonly property real rowHeight: Theme.dp(96)
    readonly property int rowsThatFit: Math.max(1, Math.floor((flick.height) / (rowHeight + Theme.spacingS)))
    readonly property int shownRows: Restrictions.active ? Math.min(shop.basket.length, rowsThatFit,
                                                                    Restrictions.maxItemsPerScreen) : shop.basket.length

    ColumnLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        RowLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Label { text: qsTr("Basket"); Layout.fillWidth: true }
            Label {
                objectName: "storeBasketTotal"
                visible: page.shop.basketCount > 0
                text: page.shop.basketTotal
                font.bold: true
            }
        }

        Flickable {
            id: flick
            contentHeight: lines.implicitHeight
            interactive: !Restrictions.active
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            onInteractiveChanged: if (!interactive) contentY = 0

            ColumnLayout {
                id: lines
                width: flick.width
                spacing: Theme.spacingS
                Repeater {
                    model: page.shop.basket.slice(0, page.shownRows)
                    delegate: BasketLine {
                        required property var modelData
                        line: modelData
                        Layout.fillWidth: true
                        onOpen: page.shop.openProduct(modelData.id)
                        onQuantityChosen: (quantity) => page.shop.setQuantity(modelData.id, quantity)
                    }
                }
                ColumnLayout {
                    visible: page.shop.basketCount === 0
                    spacing: Theme.spacingM
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingXL
                    Icon { name: "mdi6.cart-outline"; size: Theme.dp(64); color: Theme.textMuted; Layout.alignment: Qt.AlignHCenter }
                    Label {
                        text: qsTr("Your basket is empty")
                        role: "secondary"
                        muted: true
                        Layout.alignment: Qt.AlignHCenter
                    }
                    TouchButton {
                        text: qsTr("Parts for my car")
                        iconName: "mdi6.car-cog"
                        Layout.alignment: Qt.AlignHCenter
                        onClicked: page.shop.showSection("forCar")
                    }
                }
            }
        }

        Label {
            visible: Restrictions.active && page.shop.basket.length > page.shownRows
            text: qsTr("%n more when parked", "", page.shop.basket.length - page.shownRows)
            role: "secondary"
            muted: true
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }

        TouchButton {
            objectName: "storeCheckout"
            visible: page.shop.basketCount > 0
            accent: page.shop.parked
            enabled: page.shop.parked
            iconName: page.shop.parked ? "mdi6.cash-register" : "mdi6.car-brake-parking"
            text: page.shop.parked ? qsTr("Checkout · %1").arg(page.shop.basketTotal) : qsTr("Checkout needs the car parked")
            Layout.fillWidth: true
            onClicked: page.shop.startCheckout()
        }
    }
}
