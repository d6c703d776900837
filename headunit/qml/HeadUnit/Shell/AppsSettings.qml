pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Every app: version, status, what it may use, whether it failed, a switch (not for the essential ones), and its
// own settings.
SettingsSection {
    id: section

    //: Between the items of a list, such as "Internet, Location".
    readonly property string listSeparator: qsTr(", ")

    // Apps the head unit cannot do without: no Disable is offered for them.
    readonly property var essential: ["org.headunit.navigation"]

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
            property int packageRevision: 0  // bumped when the installed packages change
            // An app installed from a package: {version, previous_version, …}; {} for the shell's own.
            readonly property var installedPackage: packageRevision >= 0 ? Apps.packageOf(pluginId) : ({})
            readonly property bool fromPackage: (installedPackage.version ?? "") !== ""
            readonly property string previousVersion: installedPackage.previous_version ?? ""
            // Turned off after it kept stopping (the reason says so): a previous version may work.
            readonly property bool crashLooped: status === "disabled" && reason !== ""
            // Read again when a setting or the language (the titles' translations) changes.
            readonly property var pluginSettings: revision >= 0 && Settings.language !== "" && status === "ok"
                                                  ? Apps.settingsOf(pluginId) : []

            objectName: "appRow:" + pluginId
            Connections {
                target: Apps
                function onPackagesChanged() { row.packageRevision++ }
            }
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
                        objectName: "enableButton"
                        visible: row.status !== "failed" && section.essential.indexOf(row.pluginId) < 0
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
                // Why it failed, in a sentence; the technical reason is on Settings › About › Diagnostics.
                Label {
                    objectName: "reason"
                    visible: row.status === "failed"
                    text: qsTr("This app could not start. Details for support are under About › Diagnostics.")
                    role: "small"
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    Layout.fillWidth: true
                }
                // Why it was turned off, and the way back when an earlier version exists.
                Label {
                    objectName: "disabledReason"
                    visible: row.crashLooped
                    //: %1 is why the app was turned off, such as "stopped 3 times in 10 minutes".
                    text: qsTr("Turned off: %1").arg(row.reason)
                    role: "small"
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    Layout.fillWidth: true
                }
                // Apps installed from packages: uninstall (keep or delete its data) and roll back, each asked on
                // the shell's consent sheet.
                Flow {
                    visible: row.fromPackage
                    spacing: Theme.spacingS
                    Layout.fillWidth: true
                    TouchButton {
                        objectName: "rollbackButton"
                        visible: row.previousVersion !== ""
                        enabled: Driving.parked
                        //: %1 is the version it goes back to.
                        text: qsTr("Roll back to %1").arg(row.previousVersion)
                        iconName: "mdi6.backup-restore"
                        accent: row.crashLooped
                        onClicked: Apps.askPackageChange(row.pluginId, true)
                    }
                    TouchButton {
                        objectName: "uninstallButton"
                        enabled: Driving.parked
                        text: qsTr("Uninstall")
                        iconName: "mdi6.delete-outline"
                        danger: true
                        onClicked: Apps.askPackageChange(row.pluginId, false)
                    }
                }
                Repeater {
                    model: row.pluginSettings
                    delegate: ChoiceRow {
                        id: setting
                        required property var modelData
                        title: modelData.title
                        current: modelData.value
                        choices: modelData.type === "bool"
                                 ? [{ value: true, label: qsTr("On") }, { value: false, label: qsTr("Off") }]
                                 : modelData.choices.map((c, i) => ({ value: c, label: setting.modelData.choiceTitles[i] }))
                        onChosen: (value) => { Apps.setSetting(row.pluginId, setting.modelData.key, value); row.revision++ }
                    }
                }
            }
        }
    }
}
