pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The consent sheet for installing, updating, uninstalling and rolling back apps. Only the shell draws it, over
// every app, and only while the car is parked: the app, each capability in plain words and, for an update that
// asks for more, what it may use now and after, the new ones marked. Its `desk` (headunit/host/packages_access.py)
// is set by the shell after the window loads; no singleton leads to it, so no app's page can press Install.
Item {
    id: sheet

    property PackageDesk desk: null
    readonly property bool open: desk !== null && desk.shown
    readonly property string stage: open ? desk.stage : ""
    readonly property string action: open ? desk.action : ""
    readonly property bool asking: stage === "consent"
    readonly property bool beforeAfter: open && desk.addedCount > 0
    // The buttons answer only once the sheet has been in sight a moment: a tap meant for the app below, made
    // just as the app asked, never lands on Install.
    property bool armed: false
    onAskingChanged: { armed = false; if (asking) arming.restart() }
    Timer { id: arming; interval: 300; onTriggered: sheet.armed = true }

    anchors.fill: parent
    visible: open

    Rectangle { anchors.fill: parent; color: Theme.scrim }
    // Every touch outside the panel stops here: consent is given with the sheet's buttons, never by a stray tap.
    MouseArea { anchors.fill: parent; preventStealing: true }

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

    // Made when the sheet opens: a shell that never installs anything never builds it.
    Loader {
        anchors.fill: parent
        active: sheet.open
        sourceComponent: Component {
            Rectangle {
                id: panel
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
                        Icon { name: sheet.open ? sheet.desk.appIcon : ""; color: Theme.accent }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label {
                                objectName: "consentTitle"
                                text: !sheet.open ? ""
                                    : sheet.stage === "done" || sheet.stage === "failed" ? sheet.desk.appName
                                    //: %1 is the app's name.
                                    : sheet.action === "update" ? qsTr("Update %1?").arg(sheet.desk.appName)
                                    : sheet.action === "uninstall" ? qsTr("Uninstall %1?").arg(sheet.desk.appName)
                                    : sheet.action === "rollback" ? qsTr("Roll back %1?").arg(sheet.desk.appName)
                                    : qsTr("Install %1?").arg(sheet.desk.appName)
                                Layout.fillWidth: true
                            }
                            Label {
                                objectName: "consentVersion"
                                text: !sheet.open ? ""
                                    : sheet.desk.oldVersion !== "" && sheet.desk.newVersion !== ""
                                      //: From one version to another: %1 the installed one, %2 the new one.
                                      ? qsTr("Version %1 → %2").arg(sheet.desk.oldVersion).arg(sheet.desk.newVersion)
                                    : sheet.desk.newVersion !== "" ? qsTr("Version %1").arg(sheet.desk.newVersion)
                                    : sheet.desk.oldVersion !== "" ? qsTr("Version %1").arg(sheet.desk.oldVersion) : ""
                                role: "secondary"
                                muted: true
                                Layout.fillWidth: true
                            }
                        }
                    }

                    Label {
                        objectName: "consentAskedBy"
                        visible: sheet.open && sheet.desk.askedBy !== "" && sheet.stage !== "done"
                        //: %1 is the app that asked, such as App mall.
                        text: sheet.open ? qsTr("Asked by %1. Only you can allow it.").arg(sheet.desk.askedBy) : ""
                        role: "small"
                        muted: true
                        Layout.fillWidth: true
                    }

                    // What the app may use: the list, or (an update that asks for more) now and after, side by side.
                    Flickable {
                        id: capabilityView
                        objectName: "consentCapabilities"
                        visible: sheet.asking && (sheet.action === "install" || sheet.action === "update")
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
                                text: !sheet.open ? ""
                                    : sheet.beforeAfter ? qsTr("This update asks for more. It waits until you allow it.")
                                    : sheet.desk.capabilities.length === 0 ? qsTr("This app asks for nothing on the head unit.")
                                    : qsTr("It will be allowed to:")
                                role: "secondary"
                                color: sheet.beforeAfter ? Theme.warning : Theme.text
                                wrapMode: Text.WordWrap
                                maximumLineCount: 2
                                Layout.fillWidth: true
                            }

                            // A new app, or an update that adds nothing: one list.
                            Repeater {
                                model: sheet.open && !sheet.beforeAfter ? sheet.desk.capabilities : []
                                delegate: CapabilityRow {}
                            }

                            RowLayout {
                                visible: sheet.beforeAfter
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
                                        model: sheet.beforeAfter ? sheet.desk.previousCapabilities : []
                                        delegate: CapabilityRow { showDetail: false }
                                    }
                                    Label {
                                        visible: sheet.beforeAfter && sheet.desk.previousCapabilities.length === 0
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
                                        model: sheet.beforeAfter ? sheet.desk.capabilities : []
                                        delegate: CapabilityRow {}
                                    }
                                }
                            }
                        }
                    }

                    Label {
                        objectName: "consentExplain"
                        visible: text !== ""
                        text: !sheet.asking ? ""
                            : sheet.action === "uninstall" ? qsTr("Keep its data to find everything again if you install it later, or delete it now.")
                            //: %1 is the previous version.
                            : sheet.action === "rollback" ? qsTr("Version %1 comes back with the data it had then; what the app saved since is lost.").arg(sheet.desk.newVersion)
                            : ""
                        role: "secondary"
                        wrapMode: Text.WordWrap
                        maximumLineCount: 3
                        Layout.fillWidth: true
                    }

                    // What became of it, in plain words.
                    Label {
                        objectName: "consentStatus"
                        visible: sheet.open && !sheet.asking
                        text: !sheet.open ? ""
                            : sheet.stage === "preparing" ? qsTr("Downloading and checking the package…")
                            : sheet.stage === "working" ? (sheet.action === "uninstall" ? qsTr("Uninstalling…")
                                                          : sheet.action === "rollback" ? qsTr("Rolling back…") : qsTr("Installing…"))
                            : sheet.stage === "done" ? (sheet.action === "uninstall" ? qsTr("Uninstalled")
                                                       : sheet.action === "rollback" ? qsTr("Rolled back to version %1").arg(sheet.desk.newVersion)
                                                       : sheet.action === "update" ? qsTr("Updated to version %1").arg(sheet.desk.newVersion)
                                                       : qsTr("Installed"))
                            //: %1 is why, as the installer says it (a bad signature, a changed file).
                            : sheet.stage === "failed" ? qsTr("Not installed: %1").arg(sheet.desk.reason) : ""
                        color: sheet.stage === "failed" ? Theme.danger : sheet.stage === "done" ? Theme.success : Theme.text
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
                            visible: sheet.asking || sheet.stage === "preparing"
                            text: qsTr("Cancel")
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            onClicked: sheet.desk.cancel()
                        }
                        TouchButton {
                            objectName: "consentKeepData"
                            visible: sheet.asking && sheet.action === "uninstall"
                            text: qsTr("Keep data")
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            enabled: sheet.armed
                            onClicked: sheet.desk.confirmUninstall(true)
                        }
                        TouchButton {
                            objectName: "consentDeleteData"
                            visible: sheet.asking && sheet.action === "uninstall"
                            text: qsTr("Delete data")
                            iconName: "mdi6.delete-forever-outline"
                            danger: true
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            enabled: sheet.armed
                            onClicked: sheet.desk.confirmUninstall(false)
                        }
                        TouchButton {
                            objectName: "consentConfirm"
                            visible: sheet.asking && sheet.action !== "uninstall"
                            enabled: sheet.asking && sheet.armed && Driving.parked
                            text: sheet.action === "update" ? qsTr("Update")
                                : sheet.action === "rollback" ? qsTr("Roll back") : qsTr("Install")
                            iconName: sheet.action === "rollback" ? "mdi6.backup-restore" : "mdi6.shield-check-outline"
                            accent: true
                            Layout.fillWidth: true
                            Layout.preferredWidth: 2
                            onClicked: sheet.desk.confirm()
                        }
                        TouchButton {
                            objectName: "consentDone"
                            visible: sheet.stage === "done" || sheet.stage === "failed" || sheet.stage === "working"
                            enabled: sheet.stage !== "working"
                            text: qsTr("Done")
                            Layout.fillWidth: true
                            onClicked: sheet.desk.cancel()
                        }
                    }
                }
            }
        }
    }
}
