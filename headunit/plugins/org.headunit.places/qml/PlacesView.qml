pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Places

// Categories always; text search when parked; the results nearest first.
Item {
    id: view

    required property PlacesStore placesStore
    readonly property var categories: [
        { value: "fuel", label: qsTr("Fuel"), icon: "mdi6.gas-station" },
        { value: "parking", label: qsTr("Parking"), icon: "mdi6.parking" },
        { value: "food", label: qsTr("Food"), icon: "mdi6.silverware-fork-knife" },
    ]

    ColumnLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingS

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            SearchEntry {
                objectName: "placesSearch"
                placeholderText: qsTr("Search places")
                alternatives: []
                Layout.fillWidth: true
                onSearchRequested: (text) => view.placesStore.search(text)
            }
            Repeater {
                model: view.categories
                delegate: TouchButton {
                    required property var modelData
                    iconName: modelData.icon
                    text: view.width > Theme.dp(1000) ? modelData.label : ""
                    Accessible.name: modelData.label
                    checkable: true
                    checked: view.placesStore.category === modelData.value
                    accent: checked
                    onClicked: view.placesStore.showCategory(checked ? modelData.value : "")
                    Layout.alignment: Qt.AlignTop
                }
            }
        }

        ItemList {
            objectName: "placesList"
            model: view.placesStore.results
            Layout.fillWidth: true
            Layout.fillHeight: true
            onActivated: (index) => view.placesStore.choose(index)
        }
    }
}
