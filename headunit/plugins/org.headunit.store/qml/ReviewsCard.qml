pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One review: stars, date, "Verified purchase", the reviewer's car, the text (when parked) and Report.
Card {
    id: card

    property var review: ({})
    signal reportRequested()

    implicitHeight: column.implicitHeight + 2 * Theme.spacingM

    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacingM }
        spacing: Theme.spacingS

        RowLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Row {
                spacing: 0
                Repeater {
                    model: 5
                    delegate: Icon {
                        required property int index
                        name: index < (card.review.rating || 0) ? "mdi6.star" : "mdi6.star-outline"
                        size: Theme.fontSecondary
                        color: Theme.warning
                    }
                }
            }
            Label { text: card.review.date || ""; role: "small"; muted: true }
            Item { Layout.fillWidth: true }
            TouchButton {
                objectName: "storeReport"
                visible: !Restrictions.active && card.review.own !== true
                enabled: !card.review.reported
                iconName: "mdi6.flag-outline"
                text: card.review.reported ? qsTr("Reported") : qsTr("Report")
                onClicked: card.reportRequested()
            }
        }
        Flow {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            ProductVerdictChip {
                objectName: "storeVerifiedPurchase"
                visible: card.review.verified === true
                kind: "fits"
                text: qsTr("Verified purchase")
            }
            Label {
                visible: text !== ""
                text: card.review.vehicle ? qsTr("Drives a %1").arg(card.review.vehicle) : ""
                role: "small"
                muted: true
            }
        }
        Label {
            visible: !Restrictions.active && text !== ""
            text: card.review.text || ""
            role: "secondary"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            visible: Restrictions.active && (card.review.text || "") !== ""
            text: qsTr("Review text shows when parked")
            role: "small"
            muted: true
            Layout.fillWidth: true
        }
    }
}
