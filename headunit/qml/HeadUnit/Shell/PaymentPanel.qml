pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The payment sheet's panel, made when the sheet opens (PaymentSheet.qml): the merchant, the amount or
// the hold, the card, and Confirm.
Rectangle {
    id: panel
    required property PaymentSheet sheet

    objectName: "paymentPanel"
    anchors.centerIn: parent
    width: Math.min(parent.width - 2 * Theme.spacingM, Theme.dp(880))
    height: Math.min(parent.height - 2 * Theme.spacingM, column.implicitHeight + 2 * Theme.spacingL)
    color: Theme.surface
    radius: Theme.tileRadius
    clip: true

    ColumnLayout {
        id: column
        anchors { fill: parent; margins: Theme.spacingL }
        spacing: Theme.spacingM

        RowLayout {
            spacing: Theme.spacingM
            Layout.fillWidth: true
            Icon { name: panel.sheet.desk ? panel.sheet.desk.kindIcon : ""; color: Theme.accent }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    objectName: "paymentMerchant"
                    text: panel.sheet.desk ? panel.sheet.desk.merchant : ""
                    Layout.fillWidth: true
                }
                Label {
                    //: %1 is the app that asks for the payment.
                    text: qsTr("Asked by %1").arg(panel.sheet.desk ? panel.sheet.desk.appName : "")
                    role: "secondary"
                    muted: true
                    Layout.fillWidth: true
                }
            }
            Label {
                objectName: "paymentAmount"
                text: panel.sheet.desk ? panel.sheet.desk.amountText : ""
                role: "display"
                horizontalAlignment: Text.AlignRight
            }
        }

        Label {
            visible: text !== ""
            text: panel.sheet.desk ? panel.sheet.desk.amountNote : ""
            role: "secondary"
            muted: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }

        Repeater {
            model: panel.sheet.desk ? panel.sheet.desk.details : []
            delegate: RowLayout {
                id: detail
                required property var modelData
                spacing: Theme.spacingM
                Layout.fillWidth: true
                Label { text: detail.modelData.label; role: "secondary"; muted: true; Layout.preferredWidth: Theme.dp(200) }
                Label { text: detail.modelData.value; role: "secondary"; Layout.fillWidth: true }
            }
        }

        Rectangle { color: Theme.outline; opacity: 0.4; Layout.fillWidth: true; Layout.preferredHeight: Theme.lineWidth }

        // The card: brand and last four digits only; the saved cards to choose from while confirming.
        RowLayout {
            spacing: Theme.spacingM
            Layout.fillWidth: true
            Icon { name: "mdi6.credit-card-outline" }
            Label {
                objectName: "paymentCard"
                text: panel.sheet.desk ? panel.sheet.desk.cardText : ""
                role: "secondary"
                Layout.fillWidth: true
            }
            Repeater {
                model: panel.sheet.confirming && panel.sheet.desk.cards.length > 1 ? panel.sheet.desk.cards : []
                delegate: TouchButton {
                    required property var modelData
                    required property int index
                    objectName: "paymentCardChoice:" + index
                    text: modelData.text.slice(-4)
                    iconName: "mdi6.credit-card-outline"
                    accent: panel.sheet.desk.cardIndex === index
                    onClicked: panel.sheet.desk.chooseCard(index)
                }
            }
        }
        Label {
            visible: text !== ""
            text: panel.sheet.desk ? panel.sheet.desk.cardsAge : ""
            role: "small"
            muted: true
            Layout.fillWidth: true
        }

        // What became of it, in plain words: waiting to send, sent, paid, refused with the reason.
        Label {
            objectName: "paymentStatus"
            visible: panel.sheet.open && panel.sheet.desk.stage !== "confirm"
            text: panel.sheet.desk ? panel.sheet.desk.statusText : ""
            color: !panel.sheet.desk ? Theme.text
                 : panel.sheet.desk.statusLevel === "error" ? Theme.danger
                 : panel.sheet.desk.statusLevel === "success" ? Theme.success
                 : panel.sheet.desk.statusLevel === "warning" ? Theme.warning : Theme.text
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Theme.spacingM
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            TouchButton {
                objectName: "paymentCancel"
                visible: panel.sheet.confirming
                text: qsTr("Cancel")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: panel.sheet.desk.cancel()
            }
            TouchButton {
                objectName: "paymentConfirm"
                visible: panel.sheet.confirming
                enabled: panel.sheet.confirming && panel.sheet.desk.cardId !== ""
                text: panel.sheet.desk && panel.sheet.desk.kind === "fuel" ? qsTr("Confirm hold")
                    : panel.sheet.desk && panel.sheet.desk.kind === "parking" ? qsTr("Start parking") : qsTr("Confirm")
                iconName: "mdi6.lock-check-outline"
                accent: true
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                onClicked: panel.sheet.desk.confirm()
            }
            TouchButton {
                objectName: "paymentDone"
                visible: panel.sheet.open && !panel.sheet.confirming
                enabled: panel.sheet.open && panel.sheet.desk.stage !== "saving"
                text: qsTr("Done")
                Layout.fillWidth: true
                onClicked: panel.sheet.desk.cancel()
            }
        }
    }
}
