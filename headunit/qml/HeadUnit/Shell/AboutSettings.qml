pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// About: the version, whether the car's data is in sync, licences and map data attribution, in the driver's
// words. Technical detail (addresses, folders, hardware, per-app data) is one tap further, on Diagnostics.
Item {
    id: about

    property bool diagnostics: false

    SettingsSection {
        id: page
        objectName: "aboutSection"
        anchors.fill: parent
        visible: !about.diagnostics

        readonly property var connectionRows: !Cloud.available
            ? [{ name: qsTr("Account"), value: qsTr("On this car only") }]
            : [{ name: qsTr("State"), value: !Cloud.online ? qsTr("Offline") : Cloud.pending > 0 ? qsTr("Syncing") : qsTr("Synced") },
               { name: qsTr("Last sync"), value: Cloud.lastSync > 0 ? Format.age((clock.now - Cloud.lastSync) / 1000) : qsTr("Never") }]

        Timer {
            id: clock
            property real now: Date.now()
            interval: 30000; repeat: true; running: page.visible
            onTriggered: now = Date.now()
        }

        Repeater {
            model: [{ title: qsTr("Version"), rows: [{ name: "HeadUnit", value: About.version }] },
                    { title: qsTr("Connection"), rows: page.connectionRows },
                    { title: qsTr("Licences"), rows: About.licences }]
            delegate: ColumnLayout {
                id: group
                required property var modelData
                Layout.fillWidth: true
                Label { text: group.modelData.title; role: "secondary"; muted: true; Layout.fillWidth: true }
                Repeater {
                    model: group.modelData.rows
                    delegate: RowLayout {
                        id: line
                        required property var modelData
                        Layout.fillWidth: true
                        Label {
                            text: line.modelData.name; role: "small"; wrapMode: Text.Wrap; maximumLineCount: 3
                            Layout.fillWidth: true; Layout.preferredWidth: 1
                        }
                        Label {
                            text: line.modelData.value; role: "small"; muted: true; wrapMode: Text.Wrap; maximumLineCount: 3
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
        TouchButton {
            objectName: "openDiagnostics"
            text: qsTr("Diagnostics")
            iconName: "mdi6.stethoscope"
            Layout.fillWidth: true
            onClicked: about.diagnostics = true
        }
    }

    DiagnosticsSettings {
        anchors.fill: parent
        visible: about.diagnostics
        onBack: about.diagnostics = false
    }
}
