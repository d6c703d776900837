pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// A product's reviews: the rating histogram, each review with its stars, whether the reviewer bought it
// here and their car, and "Report". Review texts are read when parked; writing one too.
Item {
    id: page

    required property Shop shop
    property string reporting: ""   // the review being reported: its reasons are asked for
    readonly property bool writing: shop.page === "review"

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
                    objectName: "storeReviewsBack"
                    iconName: "mdi6.arrow-left"
                    text: qsTr("Back")
                    onClicked: page.shop.back()
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label { text: page.writing ? qsTr("Your review") : qsTr("Reviews"); Layout.fillWidth: true }
                    Label {
                        text: Restrictions.limitString(page.shop.product.name || "")
                        role: "small"
                        muted: true
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        Layout.fillWidth: true
                    }
                }
                TouchButton {
                    objectName: "storeWriteReview"
                    visible: !page.writing && page.shop.parked
                    iconName: "mdi6.pencil-outline"
                    text: qsTr("Write a review")
                    onClicked: page.shop.writeReview()
                }
            }

            Label {
                objectName: "storeReviewNote"
                visible: text !== ""
                text: page.shop.reviewNote !== "" ? page.shop.reviewNote : page.shop.productNote
                role: "secondary"
                color: Theme.accent
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Layout.fillWidth: true
            }

            ReviewsWrite {
                visible: page.writing
                shop: page.shop
                Layout.fillWidth: true
            }

            ReviewsHistogram {
                objectName: "storeHistogram"
                visible: !page.writing
                bars: page.shop.histogram
                rating: page.shop.product.ratingText || ""
                count: page.shop.product.reviews || 0
                Layout.fillWidth: true
            }

            // Why report it: one of the backend's four reasons.
            ColumnLayout {
                objectName: "storeReportReasons"
                visible: page.reporting !== "" && !page.writing
                spacing: Theme.spacingS
                Layout.fillWidth: true
                Label { text: qsTr("Why report this review?"); role: "secondary"; Layout.fillWidth: true }
                GridLayout {
                    columns: 2
                    columnSpacing: Theme.spacingS
                    rowSpacing: Theme.spacingS
                    Layout.fillWidth: true
                    Repeater {
                        model: page.shop.reportReasons
                        delegate: TouchButton {
                            required property var modelData
                            objectName: "storeReportReason:" + modelData.value
                            text: modelData.label
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            onClicked: { page.shop.reportReview(page.reporting, modelData.value); page.reporting = "" }
                        }
                    }
                }
                TouchButton { text: qsTr("Cancel"); Layout.fillWidth: true; onClicked: page.reporting = "" }
            }

            Label {
                visible: !page.writing && page.shop.reviews.length === 0 && page.shop.productNote === ""
                text: qsTr("No reviews yet")
                role: "secondary"
                muted: true
                Layout.fillWidth: true
            }

            Repeater {
                model: page.writing || page.reporting !== "" ? [] : page.shop.reviews.slice(0, Restrictions.active ? 2 : 20)
                delegate: ReviewsCard {
                    required property var modelData
                    review: modelData
                    Layout.fillWidth: true
                    onReportRequested: page.reporting = modelData.id
                }
            }
        }
    }
}
