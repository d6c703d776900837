import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Versions, licences and map data attribution.
SettingsSection {
    Repeater {
        model: [{ title: qsTr("Versions"), rows: About.versions }, { title: qsTr("Licences"), rows: About.licences }]
        delegate: ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            Label { text: modelData.title; role: "secondary"; muted: true; Layout.fillWidth: true }
            Repeater {
                model: modelData.rows
                delegate: RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    Label {
                        text: modelData.name; role: "small"; wrapMode: Text.Wrap; maximumLineCount: 3
                        Layout.fillWidth: true; Layout.preferredWidth: 1
                    }
                    Label {
                        text: modelData.value; role: "small"; muted: true; wrapMode: Text.Wrap; maximumLineCount: 3
                        Layout.fillWidth: true; Layout.preferredWidth: 1
                    }
                }
            }
        }
    }
    ColumnLayout {
        Layout.fillWidth: true
        Label { text: qsTr("Map data"); role: "secondary"; muted: true; Layout.fillWidth: true }
        Label {
            objectName: "mapAttribution"
            text: About.mapAttribution
            role: "small"
            wrapMode: Text.Wrap
            maximumLineCount: 3
            Layout.fillWidth: true
        }
    }
}
