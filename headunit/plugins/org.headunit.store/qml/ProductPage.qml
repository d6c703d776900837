import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// One product: its picture, the verdict for this car with the reason in words, price, stock and rating, and
// the basket. The description and the reviews' texts are read when parked.
Item {
    id: page

    required property Shop shop
    readonly property var product: shop.product
    readonly property bool wide: width >= Theme.dp(760)

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: content.implicitHeight + 2 * Theme.spacingM
        interactive: !Restrictions.active
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        onInteractiveChanged: if (!interactive) contentY = 0

        ColumnLayout {
            id: content
            x: Theme.spacingM; y: Theme.spacingM
            width: flick.width - 2 * Theme.spacingM
            spacing: Theme.spacingM

            RowLayout {
                spacing: Theme.spacingS
                Layout.fillWidth: true
                IconButton {
                    objectName: "storeProductBack"
                    iconName: "mdi6.arrow-left"
                    text: qsTr("Back")
                    onClicked: page.shop.back()
                }
                Label {
                    objectName: "storeProductName"
                    text: Restrictions.limitString(page.product.name || (page.product.loading ? qsTr("Loading…") : ""))
                    wrapMode: Restrictions.active ? Text.NoWrap : Text.WordWrap
                    maximumLineCount: 2
                    Layout.fillWidth: true
                }
            }

            GridLayout {
                visible: page.product.name !== undefined
                columns: 2
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingM
                Layout.fillWidth: true

                ProductImage {
                    objectName: "storeProductImage"
                    productId: page.product.id || ""
                    Layout.preferredWidth: page.wide ? Theme.dp(260) : Theme.dp(170)
                    Layout.preferredHeight: Layout.preferredWidth
                    Layout.alignment: Qt.AlignTop
                }

                ColumnLayout {
                    spacing: Theme.spacingS
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop

                    Label {
                        visible: text !== "" && !Restrictions.active
                        text: [page.product.brand || "", page.product.partNumber ? qsTr("Part %1").arg(page.product.partNumber) : ""]
                              .filter(t => t !== "").join(" · ")
                        role: "small"
                        muted: true
                        Layout.fillWidth: true
                    }
                    // The verdict for this car, and why.
                    ProductVerdictChip {
                        objectName: "storeProductVerdict"
                        kind: page.product.verdict || "unknown"
                        text: page.product.verdictTitle || ""
                    }
                    Label {
                        objectName: "storeProductVerdictText"
                        text: page.product.verdictText || ""
                        role: "secondary"
                        wrapMode: Text.WordWrap
                        maximumLineCount: Restrictions.active ? 2 : 4
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: Theme.spacingM
                        Layout.fillWidth: true
                        Label {
                            objectName: "storeProductPrice"
                            text: page.product.price || ""
                            role: "display"
                        }
                        Label {
                            text: page.product.stock || ""
                            role: "small"
                            color: page.product.inStock ? Theme.success : Theme.danger
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        visible: text !== "" && !Restrictions.active
                        text: page.product.fitting || ""
                        role: "small"
                        muted: true
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }

            Flow {
                visible: page.product.name !== undefined
                spacing: Theme.spacingS
                Layout.fillWidth: true
                TouchButton {
                    objectName: "storeAddToBasket"
                    accent: true
                    enabled: page.product.inStock === true
                    iconName: "mdi6.cart-plus"
                    text: (page.product.inBasket || 0) > 0 ? qsTr("Add another (%1 in basket)").arg(page.product.inBasket)
                                                          : qsTr("Add to basket")
                    onClicked: page.shop.addToBasket(page.product.id)
                }
                TouchButton {
                    objectName: "storeShowReviews"
                    iconName: "mdi6.star-outline"
                    text: (page.product.reviews || 0) > 0
                          ? qsTr("%1 ★ · %n reviews", "", page.product.reviews).arg(page.product.ratingText)
                          : qsTr("Reviews")
                    onClicked: page.shop.showReviews()
                }
            }

            Label {
                objectName: "storeProductNote"
                visible: text !== ""
                text: page.shop.productNote
                role: "small"
                muted: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "storeProductDescription"
                visible: text !== "" && !Restrictions.active
                text: page.product.description || ""
                role: "secondary"
                wrapMode: Text.WordWrap
                elide: Text.ElideNone
                Layout.fillWidth: true
            }
        }
    }
}
