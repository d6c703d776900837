pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// Writing a review, parked: the stars and a few words; the reviewer's car goes with it.
ColumnLayout {
    id: form

    required property Shop shop
    property int rating: 0

    spacing: Theme.spacingM

    Row {
        objectName: "storeReviewStars"
        spacing: Theme.spacingS
        Repeater {
            model: 5
            delegate: IconButton {
                required property int index
                objectName: "storeReviewStar:" + (index + 1)
                iconName: index < form.rating ? "mdi6.star" : "mdi6.star-outline"
                iconColor: Theme.warning
                text: qsTr("%n stars", "", index + 1)
                onClicked: form.rating = index + 1
            }
        }
    }
    TextEntry {
        id: reviewText
        objectName: "storeReviewText"
        placeholderText: qsTr("What was it like to fit and use?")
        Layout.fillWidth: true
    }
    Label {
        visible: form.shop.carSummary !== ""
        text: qsTr("Shown with your car: %1").arg(form.shop.carSummary)
        role: "small"
        muted: true
        Layout.fillWidth: true
    }
    TouchButton {
        objectName: "storeSendReview"
        accent: true
        enabled: form.rating > 0 && form.shop.parked
        iconName: "mdi6.send"
        text: qsTr("Publish review")
        Layout.fillWidth: true
        onClicked: { form.shop.submitReview(form.rating, reviewText.text); form.rating = 0; reviewText.text = "" }
    }
}
