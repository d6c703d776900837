import QtQuick
import QtQuick.Controls.Basic as T
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// One product in a list: its picture, name and brand, the verdict for the car as a coloured chip, the price
// and the rating. The whole row is the touch target.
T.AbstractButton {
    id: row

    // {id, title, brand, image, verdict, verdictTitle, price, ratingText, reviews, stock, inStock}
    property var item: ({})

    // Two lines for a long name rather than losing its end; the row grows to hold them.
    implicitHeight: Math.max(Theme.dp(96), contentItem.implicitHeight + 2 * Theme.spacingS)
    focusPolicy: Qt.NoFocus
    Accessible.name: item.title || ""

    background: Rectangle {
        radius: Theme.tileRadius / 2
        color: row.down ? Theme.surfaceRaised : Theme.surface
    }

    contentItem: RowLayout {
        spacing: Theme.spacingM
        ProductImage {
            productId: row.item.id || ""
            icon: "mdi6.package-variant"
            Layout.preferredWidth: Theme.dp(96) - 2 * Theme.spacingS
            Layout.preferredHeight: Theme.dp(96) - 2 * Theme.spacingS
            Layout.leftMargin: Theme.spacingS
        }
        ColumnLayout {
            spacing: Theme.spacingS / 2
            Layout.fillWidth: true
            Label {
                text: Restrictions.limitString(row.item.title || "")
                role: "secondary"
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.spacingS
                Layout.fillWidth: true
                ProductVerdictChip { kind: row.item.verdict || "unknown"; text: row.item.verdictTitle || "" }
                Label {
                    visible: !Restrictions.active && text !== ""
                    text: row.item.brand || ""
                    role: "small"
                    muted: true
                    Layout.fillWidth: true
                }
                Item { visible: Restrictions.active; Layout.fillWidth: true }
            }
        }
        ColumnLayout {
            spacing: Theme.spacingS / 2
            Layout.rightMargin: Theme.spacingM
            Label {
                text: row.item.price || ""
                role: "secondary"
                font.bold: true
                Layout.alignment: Qt.AlignRight
            }
            RowLayout {
                visible: (row.item.reviews || 0) > 0
                spacing: Theme.spacingS / 2
                Layout.alignment: Qt.AlignRight
                Icon { name: "mdi6.star"; size: Theme.fontSmall; color: Theme.warning }
                Label { text: row.item.ratingText || ""; role: "small"; muted: true }
            }
        }
    }
}
