import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// Browse and "for my car": search and the categories first, then a category's products (or the search's).
// While the car is not parked the lists keep to the whole rows that fit, at most six, and say how many more
// wait for parking.
Item {
    id: page

    required property Shop shop
    readonly property bool forCar: shop.section === "forCar"
    readonly property bool listing: shop.page === "list"

    ColumnLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        // The heading: where we are, and how old the catalog is when it is not fresh.
        RowLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            IconButton {
                objectName: "storeListBack"
                visible: page.listing
                iconName: "mdi6.arrow-left"
                text: qsTr("Back")
                onClicked: page.shop.back()
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    objectName: "storeBrowseTitle"
                    text: page.listing ? page.shop.listTitle
                        : page.forCar ? (page.shop.carName !== "" ? qsTr("For your %1").arg(page.shop.carName) : qsTr("For my car"))
                        : qsTr("Accessory store")
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "storeBrowseSubtitle"
                    text: page.listing ? qsTr("%n products", "", page.shop.total)
                        : page.forCar ? (page.shop.fitCount >= 0 ? qsTr("%n parts fit or may fit", "", page.shop.fitCount) : page.shop.carSummary)
                        : page.shop.carSummary !== "" ? qsTr("Parts checked against your %1").arg(page.shop.carSummary) : ""
                    visible: text !== ""
                    role: "small"
                    muted: true
                    Layout.fillWidth: true
                }
            }
            TouchButton {
                objectName: "storeSort"
                visible: page.listing && !Restrictions.active
                iconName: "mdi6.sort"
                text: page.width >= Theme.dp(700) ? page.shop.sortLabel : ""
                Accessible.name: page.shop.sortLabel
                onClicked: page.shop.nextSort()
            }
            TouchButton {
                objectName: "storeAllForCar"
                visible: page.forCar && !page.listing
                iconName: "mdi6.format-list-bulleted"
                text: qsTr("All parts")
                onClicked: page.shop.showCategory("")
            }
        }

        Label {
            objectName: "storeCatalogNote"
            visible: text !== ""
            text: page.shop.catalogNote
            role: "small"
            color: Theme.warning
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }

        SearchEntry {
            objectName: "storeSearch"
            visible: !page.listing || page.shop.query !== ""
            placeholderText: qsTr("Search parts and accessories")
            // While driving the category tiles below are the alternatives to typing.
            alternatives: []
            onSearchRequested: (text) => page.shop.search(text)
            onAlternativeChosen: (value) => page.shop.showCategory(value)
            Layout.fillWidth: true
        }

        BrowseCategories {
            objectName: "storeCategories"
            visible: !page.listing
            model: page.shop.categories
            onChosen: (category) => page.shop.showCategory(category)
            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        BrowseList {
            objectName: "storeList"
            visible: page.listing
            shop: page.shop
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
