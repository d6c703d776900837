import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Versions, the backend link, licences and map data attribution.
SettingsSection {
    // The backend link, for the driver and for support: where, how far behind, what was refused.
    readonly property var backendRows: !Cloud.available
        ? [{ name: qsTr("Backend"), value: Cloud.error !== "" ? Cloud.error : qsTr("None") }]
        : [{ name: qsTr("Backend"), value: Cloud.url },
           { name: qsTr("State"), value: !Cloud.online ? qsTr("Offline") : Cloud.pending > 0 ? qsTr("Syncing") : qsTr("Synced") },
           { name: qsTr("Last sync"), value: Cloud.lastSync > 0 ? new Date(Cloud.lastSync).toLocaleString(Qt.locale(), Locale.ShortFormat) : qsTr("Never") },
           //: Writes (orders, favourites…) waiting to reach the backend, and those it refused.
           { name: qsTr("Waiting / refused"), value: Cloud.pending + " / " + Cloud.rejected }]

    Repeater {
        model: [{ title: qsTr("Versions"), rows: About.versions }, { title: qsTr("Connection"), rows: backendRows },
                { title: qsTr("Licences"), rows: About.licences }]
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
