pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.AppMall

// One app: name, rating and version, what it may use in plain words, its description and screenshots, and
// Install / Update / Open / Uninstall / Roll back. Those ask the shell, which asks the driver on its own sheet;
// while the car is not parked they are disabled and say why, and the description waits.
Flickable {
    id: page

    required property Mall mall
    readonly property var app: mall.app
    readonly property bool installed: (app.installed_version ?? "") !== ""
    readonly property bool actionsAllowed: mall.actionNote === ""

    contentHeight: body.implicitHeight
    interactive: !Restrictions.active
    boundsBehavior: Flickable.StopAtBounds
    clip: true
    onInteractiveChanged: if (!interactive) contentY = 0

    ColumnLayout {
        id: body
        width: page.width
        spacing: Theme.spacingM

        PageHeader {
            iconName: page.app.icon ?? ""
            title: page.app.name ?? ""
            secondary: page.app.developer ?? ""
            Layout.fillWidth: true
            Label {
                objectName: "mallAppBadge"
                visible: text !== ""
                text: page.app.badge ?? ""
                role: "secondary"
                color: page.app.update ? Theme.warning : page.app.revoked ? Theme.danger : Theme.success
            }
        }

        Label {
            objectName: "mallAppFacts"
            text: (page.app.ratingText ?? "") + "  ·  " + (page.app.versionText ?? "")
            role: "secondary"
            muted: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }

        Flow {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            TouchButton {
                objectName: "mallInstall"
                visible: !page.installed || page.app.update === true
                enabled: page.actionsAllowed
                text: page.installed ? qsTr("Update") : qsTr("Install")
                iconName: page.installed ? "mdi6.update" : "mdi6.download-outline"
                accent: true
                onClicked: page.mall.install()
            }
            TouchButton {
                objectName: "mallOpen"
                visible: page.installed && !page.app.revoked
                text: qsTr("Open")
                iconName: "mdi6.open-in-app"
                onClicked: page.mall.openInstalled()
            }
            TouchButton {
                objectName: "mallRollback"
                visible: page.installed && (page.app.previous_version ?? "") !== ""
                enabled: page.actionsAllowed
                //: %1 is the version it goes back to.
                text: qsTr("Roll back to %1").arg(page.app.previous_version ?? "")
                iconName: "mdi6.backup-restore"
                onClicked: page.mall.rollback()
            }
            TouchButton {
                objectName: "mallUninstall"
                visible: page.installed
                enabled: page.actionsAllowed
                text: qsTr("Uninstall")
                iconName: "mdi6.delete-outline"
                danger: true
                onClicked: page.mall.uninstall()
            }
        }

        // Why the buttons cannot be pressed now, or how the last request went.
        Label {
            objectName: "mallActionNote"
            visible: text !== ""
            text: page.mall.statusText !== "" ? page.mall.statusText : page.mall.actionNote
            role: "secondary"
            color: page.mall.statusLevel === "error" ? Theme.danger
                 : page.mall.statusLevel === "success" ? Theme.success
                 : page.mall.statusLevel === "warning" || page.mall.actionNote !== "" ? Theme.warning : Theme.text
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("What it may use")
            role: "secondary"
            font.weight: Font.DemiBold
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
        }
        Label {
            visible: (page.app.capability_words ?? []).length === 0
            text: qsTr("Nothing on the head unit")
            role: "secondary"
            muted: true
        }
        Repeater {
            model: page.app.capability_words ?? []
            delegate: RowLayout {
                id: capability
                required property var modelData
                spacing: Theme.spacingM
                Layout.fillWidth: true
                Icon {
                    name: capability.modelData.icon
                    color: capability.modelData.added ? Theme.warning : Theme.accent
                    size: Theme.iconSize * 0.8
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        objectName: "mallCapability:" + capability.modelData.capability
                        //: Marks what an update would add; %1 is the capability, such as Location.
                        text: capability.modelData.added ? qsTr("%1 (new in the update)").arg(capability.modelData.title)
                                                         : capability.modelData.title
                        role: "secondary"
                        color: capability.modelData.added ? Theme.warning : Theme.text
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: !Restrictions.active
                        text: capability.modelData.detail
                        role: "small"
                        muted: true
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        Layout.fillWidth: true
                    }
                }
            }
        }

        Label {
            objectName: "mallAppDescription"
            visible: !Restrictions.active && text !== ""
            text: page.app.description ?? ""
            role: "secondary"
            wrapMode: Text.WordWrap
            maximumLineCount: 8
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
        }

        ListView {
            objectName: "mallScreenshots"
            visible: !Restrictions.active && count > 0
            orientation: ListView.Horizontal
            spacing: Theme.spacingS
            model: page.app.screenshots ?? []
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.dp(200)
            delegate: Rectangle {
                id: shot
                required property string modelData
                width: Theme.dp(200) * 16 / 9
                height: Theme.dp(200)
                radius: Theme.tileRadius / 2
                color: Theme.surfaceRaised
                clip: true
                Image {
                    anchors.fill: parent
                    source: shot.modelData
                    fillMode: Image.PreserveAspectFit
                    asynchronous: true
                }
            }
        }
    }
}
