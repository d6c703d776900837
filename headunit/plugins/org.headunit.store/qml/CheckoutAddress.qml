pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Store

// The delivery address, typed while parked and kept on the car for the next order. While driving the
// fields give way to "Typing is available when parked" and the address so far.
ColumnLayout {
    id: form

    required property Shop shop
    readonly property var fields: [
        { key: "name", label: qsTr("Name") },
        { key: "street", label: qsTr("Street and number") },
        { key: "postcode", label: qsTr("Postcode") },
        { key: "city", label: qsTr("City") },
        { key: "country", label: qsTr("Country code (MC, FR, DE…)") },
    ]

    spacing: Theme.spacingS

    Label { text: qsTr("Delivery address"); role: "secondary"; Layout.fillWidth: true }

    Label {
        visible: Restrictions.noKeyboard
        text: [form.shop.address.name, form.shop.address.street,
               [form.shop.address.postcode, form.shop.address.city].filter(t => t).join(" "), form.shop.address.country]
              .filter(t => t).join(", ") || qsTr("No address yet")
        role: "secondary"
        muted: true
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    GridLayout {
        columns: form.width >= Theme.dp(640) ? 2 : 1
        columnSpacing: Theme.spacingS
        rowSpacing: Theme.spacingS
        Layout.fillWidth: true
        Repeater {
            model: form.fields
            delegate: TextEntry {
                required property var modelData
                required property int index
                objectName: "storeAddress:" + modelData.key
                visible: !Restrictions.noKeyboard || index === 0
                placeholderText: modelData.label
                text: form.shop.address[modelData.key] || ""
                Layout.fillWidth: true
                Layout.columnSpan: modelData.key === "street" && form.width >= Theme.dp(640) ? 2 : 1
                onTextChanged: form.shop.setAddressField(modelData.key, text)
            }
        }
    }
}
