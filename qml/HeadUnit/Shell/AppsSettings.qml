import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Every plugin: version, status, capabilities, the reason it failed, a switch, and its own settings.
SettingsSection {
    id: section

    //: Between the items of a list, such as "Internet, Location".
    readonly property string listSeparator: qsTr(", ")

    function formatBytes(n) {
        return n < 1000 ? qsTr("%1 B").arg(n)
             : n < 1e6 ? qsTr("%1 kB").arg(Number(n / 1e3).toLocaleString(Qt.locale(), "f", 1))
             : qsTr("%1 MB").arg(Number(n / 1e6).toLocaleString(Qt.locale(), "f", 1))
    }

    // What a capability lets an app do, in the driver's words.
    function capabilityLabel(capability) {
        switch (capability) {
        case "network": return qsTr("Internet")
        case "location": return qsTr("Location")
        case "payments": return qsTr("Payments")
        case "storage": return qsTr("Storage")
        case "vehicle-data": return qsTr("Vehicle data")
        case "notifications": return qsTr("Notifications")
        case "audio": return qsTr("Audio")
        case "media-library": return qsTr("Music library")
        case "install": return qsTr("Installing apps")
        }
        return capability
    }

    Repeater {
        model: Apps
        delegate: Card {
            id: row
            required property string pluginId
            required property string name
            required property string icon
            required property string version
            required property string status
            required property string reason
            required property var capabilities
            property int revision: 0  // bumped when a setting changes, to read them again
            // Read again when a setting or the language (the titles' translations) changes.
            readonly property var pluginSettings: revision >= 0 && Settings.language !== "" && status === "ok"
                                                  ? Apps.settingsOf(pluginId) : []

            objectName: "appRow:" + pluginId
            Layout.fillWidth: true
            implicitHeight: body.implicitHeight + 2 * Theme.spacingM

            ColumnLayout {
                id: body
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacingM }
                spacing: Theme.spacingS

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingM
                    Icon { name: row.icon; color: row.status === "failed" ? Theme.danger : Theme.accent }
                    ColumnLayout {
                        spacing: 0
                        Layout.fillWidth: true
                        Label { text: row.name; role: "secondary"; Layout.fillWidth: true }
                        Label {
                            text: (row.version !== "" ? row.version + " · " : "")
                                  + (row.status === "ok" ? qsTr("Running") : row.status === "disabled" ? qsTr("Disabled") : qsTr("Failed"))
                            role: "small"
                            color: row.status === "failed" ? Theme.danger : Theme.textMuted
                            Layout.fillWidth: true
                        }
                    }
                    TouchButton {
                        visible: row.status !== "failed"
                        text: row.status === "disabled" ? qsTr("Enable") : qsTr("Disable")
                        onClicked: Apps.setEnabled(row.pluginId, row.status === "disabled")
                    }
                }
                Label {
                    visible: row.capabilities.length > 0
                    //: %1 lists what the app may use, such as "Internet, Location".
                    text: qsTr("Uses: %1").arg(row.capabilities.map(section.capabilityLabel).join(section.listSeparator))
                    role: "small"
                    muted: true
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "dataUsed"
                    readonly property var bytes: Cloud.available && Cloud.pending >= 0 ? Cloud.bytesOf(row.pluginId) : [0, 0]
                    visible: row.capabilities.indexOf("network") >= 0
                    //: Data an app sent and received: %1 up, %2 down, such as "1.2 kB".
                    text: qsTr("Data: %1 sent, %2 received").arg(section.formatBytes(bytes[0])).arg(section.formatBytes(bytes[1]))
                    role: "small"
                    muted: true
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "reason"
                    visible: row.reason !== ""
                    text: row.reason
                    role: "small"
                    color: Theme.danger
                    wrapMode: Text.WrapAnywhere
                    maximumLineCount: 6
                    Layout.fillWidth: true
                }
                Repeater {
                    model: row.pluginSettings
                    delegate: ChoiceRow {
                        required property var modelData
                        title: modelData.title
                        current: modelData.value
                        choices: modelData.type === "bool"
                                 ? [{ value: true, label: qsTr("On") }, { value: false, label: qsTr("Off") }]
                                 : modelData.choices.map((c, i) => ({ value: c, label: modelData.choiceTitles[i] }))
                        onChosen: (value) => { Apps.setSetting(row.pluginId, modelData.key, value); row.revision++ }
                    }
                }
            }
        }
    }
}
