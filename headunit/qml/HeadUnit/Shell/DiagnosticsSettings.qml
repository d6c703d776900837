pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Settings › About › Diagnostics: what support asks for and a driver never needs to read: versions, the
// backend's address and queue, the data each app sent, where HeadUnit keeps its files, the radio hardware
// and how the shell was started.
SettingsSection {
    id: page
    objectName: "diagnosticsSection"

    signal back()

    // Read again each time the page is shown: the radio stick may have been plugged in since, a source come or gone.
    property string radio: ""
    property var sources: []
    onVisibleChanged: if (visible) { radio = About.radioHardware(); sources = About.vehicleSources() }

    function bytes(n) {
        return n < 1000 ? qsTr("%1 B").arg(n)
             : n < 1e6 ? qsTr("%1 kB").arg(Format.number(n / 1e3, 1))
             : qsTr("%1 MB").arg(Format.number(n / 1e6, 1))
    }

    readonly property var backendRows: !Cloud.available
        ? [{ name: qsTr("Address"), value: qsTr("None") }, { name: qsTr("Error"), value: Cloud.error || "–" }]
        : [{ name: qsTr("Address"), value: Cloud.url }, { name: qsTr("Error"), value: Cloud.error || "–" },
           { name: qsTr("Last sync"), value: Cloud.lastSync > 0 ? new Date(Cloud.lastSync).toLocaleString(Qt.locale(), Locale.ShortFormat) : qsTr("Never") },
           //: Writes (orders, favourites…) waiting to reach the backend, and those it refused.
           { name: qsTr("Waiting / refused"), value: Cloud.pending + " / " + Cloud.rejected }]
    readonly property var startRows: [
        { name: qsTr("Palette"), value: DayNight.reason === "forced" ? (DayNight.night ? "--night" : "--day")
                                                                      : qsTr("As set (%1)").arg(DayNight.mode) },
        { name: qsTr("Radio hardware"), value: page.radio }
    ]
    // The car's own sources (docs/vehicle-sources.md): each spec, alive or why not.
    readonly property var sourceRows: page.sources.length === 0
        //: Diagnostics, "Vehicle sources" when none is configured (the emulator's simulated car, a car without vehicle.toml): "Sources: None".
        ? [{ name: qsTr("Sources"), value: qsTr("None") }]
        : page.sources.map(source => ({ name: source.spec, value: source.alive ? qsTr("Alive") : source.error }))

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        IconButton {
            objectName: "diagnosticsBack"
            text: qsTr("Back to About")
            iconName: "mdi6.arrow-left"
            onClicked: page.back()
        }
        Label { text: qsTr("Diagnostics"); role: "primary"; Layout.fillWidth: true }
    }

    Repeater {
        model: [{ title: qsTr("Versions"), rows: About.versions }, { title: qsTr("Backend"), rows: page.backendRows },
                { title: qsTr("This run"), rows: page.startRows }, { title: qsTr("Vehicle sources"), rows: page.sourceRows },
                { title: qsTr("Folders"), rows: About.folders }]
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
                        text: line.modelData.value; role: "small"; muted: true; wrapMode: Text.WrapAnywhere; maximumLineCount: 4
                        Layout.fillWidth: true; Layout.preferredWidth: 2
                    }
                }
            }
        }
    }

    // Per app: the data it exchanged with the backend, and why it failed to start.
    ColumnLayout {
        Layout.fillWidth: true
        Label { text: qsTr("Apps"); role: "secondary"; muted: true; Layout.fillWidth: true }
        Repeater {
            model: Apps
            delegate: ColumnLayout {
                id: appRow
                required property string pluginId
                required property string name
                required property string status
                required property string reason
                required property var capabilities
                readonly property var sent: Cloud.available && Cloud.pending >= 0 ? Cloud.bytesOf(pluginId) : [0, 0]
                objectName: "diagnosticsApp:" + pluginId
                visible: capabilities.indexOf("network") >= 0 || reason !== ""
                Layout.fillWidth: true
                spacing: 0
                RowLayout {
                    Layout.fillWidth: true
                    Label { text: appRow.name; role: "small"; Layout.fillWidth: true; Layout.preferredWidth: 1 }
                    Label {
                        objectName: "dataUsed"
                        //: Data an app sent and received: %1 up, %2 down, such as "1.2 kB".
                        text: qsTr("%1 sent, %2 received").arg(page.bytes(appRow.sent[0])).arg(page.bytes(appRow.sent[1]))
                        role: "small"; muted: true; wrapMode: Text.Wrap; maximumLineCount: 2
                        Layout.fillWidth: true; Layout.preferredWidth: 2
                    }
                }
                Label {
                    objectName: "reason"
                    visible: appRow.reason !== ""
                    text: appRow.reason
                    role: "small"
                    color: Theme.danger
                    wrapMode: Text.WrapAnywhere
                    maximumLineCount: 8
                    Layout.fillWidth: true
                }
            }
        }
    }
}
