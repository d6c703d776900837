pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The payment sheet. Only the shell draws it, over every app, and only while the car is parked: the
// merchant, the amount or the hold, the card, and Confirm. Its `desk` (headunit/shell/payments.py) is set by
// the shell after the window loads; no singleton leads to it, so no app's page can press Confirm. A sandboxed
// app is another process's surface below this item and gets no touch while the sheet is up.
Item {
    id: sheet

    property PaymentDesk desk: null
    readonly property bool open: desk !== null && desk.shown
    readonly property bool confirming: open && desk.stage === "confirm"

    anchors.fill: parent
    visible: open

    Rectangle { anchors.fill: parent; color: Theme.scrim }
    // Every touch outside the panel stops here: a payment is answered with its buttons, never by a stray tap.
    MouseArea { anchors.fill: parent; preventStealing: true }

    Rectangle {
        id: panel
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
                Icon { name: sheet.desk ? sheet.desk.kindIcon : ""; color: Theme.accent }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        objectName: "paymentMerchant"
                        text: sheet.desk ? sheet.desk.merchant : ""
                        Layout.fillWidth: true
                    }
                    Label {
                        //: %1 is the app that asks for the payment.
                        text: qsTr("Asked by %1").arg(sheet.desk ? sheet.desk.appName : "")
                        role: "secondary"
                        muted: true
                        Layout.fillWidth: true
                    }
                }
                Label {
                    objectName: "paymentAmount"
                    text: sheet.desk ? sheet.desk.amountText : ""
                    role: "display"
                    horizontalAlignment: Text.AlignRight
                }
            }

            Label {
                visible: text !== ""
                text: sheet.desk ? sheet.desk.amountNote : ""
                role: "secondary"
                muted: true
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Layout.fillWidth: true
            }

            Repeater {
                model: sheet.desk ? sheet.desk.details : []
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
                    text: sheet.desk ? sheet.desk.cardText : ""
                    role: "secondary"
                    Layout.fillWidth: true
                }
                Repeater {
                    model: sheet.confirming && sheet.desk.cards.length > 1 ? sheet.desk.cards : []
                    delegate: TouchButton {
                        required property var modelData
                        required property int index
                        objectName: "paymentCardChoice:" + index
                        text: modelData.text.slice(-4)
                        iconName: "mdi6.credit-card-outline"
                        accent: sheet.desk.cardIndex === index
                        onClicked: sheet.desk.chooseCard(index)
                    }
                }
            }
            Label {
                visible: text !== ""
                text: sheet.desk ? sheet.desk.cardsAge : ""
                role: "small"
                muted: true
                Layout.fillWidth: true
            }

            // What became of it, in plain words: waiting to send, sent, paid, refused with the reason.
            Label {
                objectName: "paymentStatus"
                visible: sheet.open && sheet.desk.stage !== "confirm"
                text: sheet.desk ? sheet.desk.statusText : ""
                color: !sheet.desk ? Theme.text
                     : sheet.desk.statusLevel === "error" ? Theme.danger
                     : sheet.desk.statusLevel === "success" ? Theme.success
                     : sheet.desk.statusLevel === "warning" ? Theme.warning : Theme.text
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
                    visible: sheet.confirming
                    text: qsTr("Cancel")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: sheet.desk.cancel()
                }
                TouchButton {
                    objectName: "paymentConfirm"
                    visible: sheet.confirming
                    enabled: sheet.confirming && sheet.desk.cardId !== ""
                    text: sheet.desk && sheet.desk.kind === "fuel" ? qsTr("Confirm hold")
                        : sheet.desk && sheet.desk.kind === "parking" ? qsTr("Start parking") : qsTr("Confirm")
                    iconName: "mdi6.lock-check-outline"
                    accent: true
                    Layout.fillWidth: true
                    Layout.preferredWidth: 2
                    onClicked: sheet.desk.confirm()
                }
                TouchButton {
                    objectName: "paymentDone"
                    visible: sheet.open && !sheet.confirming
                    enabled: sheet.open && sheet.desk.stage !== "saving"
                    text: qsTr("Done")
                    Layout.fillWidth: true
                    onClicked: sheet.desk.cancel()
                }
            }
        }
    }
}
