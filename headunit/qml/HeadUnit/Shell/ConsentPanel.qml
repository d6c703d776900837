pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The consent sheet's panel, made when the sheet opens (ConsentSheet.qml): the app, each capability in
// plain words, and the buttons.
Rectangle {
    id: panel
    required property ConsentSheet sheet

    component CapabilityRow: RowLayout {
        id: capabilityRow
        required property var modelData
        property bool showDetail: true
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Icon {
            name: capabilityRow.modelData.icon
            color: capabilityRow.modelData.added ? Theme.warning : Theme.accent
            size: Theme.iconSize * 0.8
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Label {
                objectName: "consentCapability:" + capabilityRow.modelData.capability
                //: Marks a capability an update adds; %1 is the capability, such as Location.
                text: capabilityRow.modelData.added ? qsTr("%1 (new)").arg(capabilityRow.modelData.title)
                                                    : capabilityRow.modelData.title
                role: "secondary"
                font.weight: capabilityRow.modelData.added ? Font.DemiBold : Font.Normal
                color: capabilityRow.modelData.added ? Theme.warning : Theme.text
                Layout.fillWidth: true
            }
            Label {
                visible: capabilityRow.showDetail
                text: capabilityRow.modelData.detail
                role: "small"
                muted: true
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                Layout.fillWidth: true
            }
        }
    }

    objectName: "consentPanel"
    anchors.centerIn: parent
    width: Math.min(parent.width - 2 * Theme.spacingM, Theme.dp(960))
    height: Math.min(parent.height - 2 * Theme.spacingM, column.implicitHeight + 2 * Theme.spacingL)
    color: Theme.surface
    radius: Theme.tileRadius
    clip: true

    ColumnLayout {
        id: column
        anchors { fill: parent; margins: Theme.spacingL }
        spacing: Theme.spacingM

        RowLayout {
            spacing: Theme.spacingM
            Layout.fillWidth: true
            Icon { name: panel.sheet.open ? panel.sheet.desk.appIcon : ""; color: Theme.accent }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    objectName: "consentTitle"
                    text: !panel.sheet.open ? ""
                        : panel.sheet.stage === "done" || panel.sheet.stage === "failed" ? panel.sheet.desk.appName
                        //: %1 is the app's name.
                        : panel.sheet.action === "update" ? qsTr("Update %1?").arg(panel.sheet.desk.appName)
                        : panel.sheet.action === "uninstall" ? qsTr("Uninstall %1?").arg(panel.sheet.desk.appName)
                        : panel.sheet.action === "rollback" ? qsTr("Roll back %1?").arg(panel.sheet.desk.appName)
                        : qsTr("Install %1?").arg(panel.sheet.desk.appName)
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "consentVersion"
                    text: !panel.sheet.open ? ""
                        : panel.sheet.desk.oldVersion !== "" && panel.sheet.desk.newVersion !== ""
                          //: From one version to another: %1 the installed one, %2 the new one.
                          ? qsTr("Version %1 → %2").arg(panel.sheet.desk.oldVersion).arg(panel.sheet.desk.newVersion)
                        : panel.sheet.desk.newVersion !== "" ? qsTr("Version %1").arg(panel.sheet.desk.newVersion)
                        : panel.sheet.desk.oldVersion !== "" ? qsTr("Version %1").arg(panel.sheet.desk.oldVersion) : ""
                    role: "secondary"
                    muted: true
                    Layout.fillWidth: true
                }
            }
        }

        Label {
            objectName: "consentAskedBy"
            visible: panel.sheet.open && panel.sheet.desk.askedBy !== "" && panel.sheet.stage !== "done"
            //: %1 is the app that asked, such as App mall.
            text: panel.sheet.open ? qsTr("Asked by %1. Only you can allow it.").arg(panel.sheet.desk.askedBy) : ""
            role: "small"
            muted: true
            Layout.fillWidth: true
        }

        // What the app may use: the list, or (an update that asks for more) now and after, side by side.
        Flickable {
            id: capabilityView
            objectName: "consentCapabilities"
            visible: panel.sheet.asking && (panel.sheet.action === "install" || panel.sheet.action === "update")
            clip: true
            contentHeight: capabilityContent.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: visible ? contentHeight : 0
            Layout.minimumHeight: visible ? Math.min(contentHeight, 2 * Theme.touchTarget) : 0

            ColumnLayout {
                id: capabilityContent
                width: capabilityView.width
                spacing: Theme.spacingS

                Label {
                    objectName: "consentLead"
                    text: !panel.sheet.open ? ""
                        : panel.sheet.beforeAfter ? qsTr("This update asks for more. It waits until you allow it.")
                        : panel.sheet.desk.capabilities.length === 0 ? qsTr("This app asks for nothing on the head unit.")
                        : qsTr("It will be allowed to:")
                    role: "secondary"
                    color: panel.sheet.beforeAfter ? Theme.warning : Theme.text
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    Layout.fillWidth: true
                }

                // A new app, or an update that adds nothing: one list.
                Repeater {
                    model: panel.sheet.open && !panel.sheet.beforeAfter ? panel.sheet.desk.capabilities : []
                    delegate: CapabilityRow {}
                }

                RowLayout {
                    visible: panel.sheet.beforeAfter
                    spacing: Theme.spacingL
                    Layout.fillWidth: true
                    ColumnLayout {
                        objectName: "consentBefore"
                        spacing: Theme.spacingS
                        Layout.fillWidth: true
                        Layout.preferredWidth: 2
                        Layout.alignment: Qt.AlignTop
                        Label { text: qsTr("Now"); role: "small"; muted: true; font.capitalization: Font.AllUppercase }
                        Repeater {
                            model: panel.sheet.beforeAfter ? panel.sheet.desk.previousCapabilities : []
                            delegate: CapabilityRow { showDetail: false }
                        }
                        Label {
                            visible: panel.sheet.beforeAfter && panel.sheet.desk.previousCapabilities.length === 0
                            text: qsTr("Nothing")
                            role: "secondary"
                            muted: true
                        }
                    }
                    Rectangle { color: Theme.outline; opacity: 0.4; Layout.fillHeight: true; Layout.preferredWidth: Theme.lineWidth }
                    ColumnLayout {
                        objectName: "consentAfter"
                        spacing: Theme.spacingS
                        Layout.fillWidth: true
                        Layout.preferredWidth: 3
                        Layout.alignment: Qt.AlignTop
                        Label { text: qsTr("After the update"); role: "small"; muted: true; font.capitalization: Font.AllUppercase }
                        Repeater {
                            model: panel.sheet.beforeAfter ? panel.sheet.desk.capabilities : []
                            delegate: CapabilityRow {}
                        }
                    }
                }
            }
        }

        Label {
            objectName: "consentExplain"
            visible: text !== ""
            text: !panel.sheet.asking ? ""
                : panel.sheet.action === "uninstall" ? qsTr("Keep its data to find everything again if you install it later, or delete it now.")
                //: %1 is the previous version.
                : panel.sheet.action === "rollback" ? qsTr("Version %1 comes back with the data it had then; what the app saved since is lost.").arg(panel.sheet.desk.newVersion)
                : ""
            role: "secondary"
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            Layout.fillWidth: true
        }

        // What became of it, in plain words.
        Label {
            objectName: "consentStatus"
            visible: panel.sheet.open && !panel.sheet.asking
            text: !panel.sheet.open ? ""
                : panel.sheet.stage === "preparing" ? qsTr("Downloading and checking the package…")
                : panel.sheet.stage === "working" ? (panel.sheet.action === "uninstall" ? qsTr("Uninstalling…")
                                              : panel.sheet.action === "rollback" ? qsTr("Rolling back…") : qsTr("Installing…"))
                : panel.sheet.stage === "done" ? (panel.sheet.action === "uninstall" ? qsTr("Uninstalled")
                                           : panel.sheet.action === "rollback" ? qsTr("Rolled back to version %1").arg(panel.sheet.desk.newVersion)
                                           : panel.sheet.action === "update" ? qsTr("Updated to version %1").arg(panel.sheet.desk.newVersion)
                                           : qsTr("Installed"))
                //: %1 is why, as the installer says it (a bad signature, a changed file).
                : panel.sheet.stage === "failed" ? qsTr("Not installed: %1").arg(panel.sheet.desk.reason) : ""
            color: panel.sheet.stage === "failed" ? Theme.danger : panel.sheet.stage === "done" ? Theme.success : Theme.text
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Theme.spacingM
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            TouchButton {
                objectName: "consentCancel"
                visible: panel.sheet.asking || panel.sheet.stage === "preparing"
                text: qsTr("Cancel")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: panel.sheet.desk.cancel()
            }
            TouchButton {
                objectName: "consentKeepData"
                visible: panel.sheet.asking && panel.sheet.action === "uninstall"
                text: qsTr("Keep data")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                enabled: panel.sheet.armed
                onClicked: panel.sheet.desk.confirmUninstall(true)
            }
            TouchButton {
                objectName: "consentDeleteData"
                visible: panel.sheet.asking && panel.sheet.action === "uninstall"
                text: qsTr("Delete data")
                iconName: "mdi6.delete-forever-outline"
                danger: true
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                enabled: panel.sheet.armed
                onClicked: panel.sheet.desk.confirmUninstall(false)
            }
            TouchButton {
                objectName: "consentConfirm"
                visible: panel.sheet.asking && panel.sheet.action !== "uninstall"
                enabled: panel.sheet.asking && panel.sheet.armed && Driving.parked
                text: panel.sheet.action === "update" ? qsTr("Update")
                    : panel.sheet.action === "rollback" ? qsTr("Roll back") : qsTr("Install")
                iconName: panel.sheet.action === "rollback" ? "mdi6.backup-restore" : "mdi6.shield-check-outline"
                accent: true
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                onClicked: panel.sheet.desk.confirm()
            }
            TouchButton {
                objectName: "consentDone"
                visible: panel.sheet.stage === "done" || panel.sheet.stage === "failed" || panel.sheet.stage === "working"
                enabled: panel.sheet.stage !== "working"
                text: qsTr("Done")
                Layout.fillWidth: true
                onClicked: panel.sheet.desk.cancel()
            }
        }
    }
}
