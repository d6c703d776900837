pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.AppMall

// The app mall: its sections down the driver's side (browse, updates, installed) and the list or an app's page
// beside them. Lists keep to the driving limits; typing and every install wait until parked, and the shell's own
// sheet asks the driver's consent.
Item {
    id: main

    required property Mall mall

    readonly property bool wide: width >= Theme.dp(900)
    readonly property var sections: [
        { value: "browse", label: qsTr("Browse"), icon: "mdi6.storefront-outline" },
        { value: "updates", label: qsTr("Updates"), icon: "mdi6.update" },
        { value: "installed", label: qsTr("Installed"), icon: "mdi6.check-decagram-outline" },
    ]

    // The shell's back button goes from an app's page to the list first.
    function goBack() { return main.mall.back() }

    // Opened or shown again: a catalog older than a few minutes is read again.
    onVisibleChanged: if (visible) main.mall.refreshIfOld()
    Component.onCompleted: main.mall.refreshIfOld()

    // Online again (or linked for the first time): the catalog is read again.
    property bool wasOnline: Cloud.online
    Connections {
        target: Cloud
        function onChanged() {
            // The first time the link is up (its address known), or online again after a gap.
            if (Cloud.online && !main.wasOnline) main.mall.refresh()
            else if (Cloud.online && Cloud.url !== "") main.mall.refreshIfOld()
            main.wasOnline = Cloud.online
        }
    }

    // Texts from Python are translated when read: a new language reads them again.
    Connections {
        target: Settings
        function onChanged() { main.mall.refresh() }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            objectName: "mallSections"
            Layout.fillHeight: true
            Layout.preferredWidth: main.wide ? Theme.dp(280) : Theme.touchTarget + Theme.spacingM
            color: Theme.surface
            Column {
                anchors { fill: parent; margins: Theme.spacingS }
                spacing: Theme.spacingS
                Repeater {
                    model: main.sections
                    delegate: Item {
                        id: sectionButton
                        required property var modelData
                        readonly property int badge: modelData.value === "updates" ? main.mall.updatesCount : 0
                        width: parent ? parent.width : 0
                        height: Theme.touchTarget
                        TouchButton {
                            objectName: "mallSection:" + sectionButton.modelData.value
                            anchors.fill: parent
                            text: main.wide ? sectionButton.modelData.label : ""
                            iconName: sectionButton.modelData.icon
                            accent: main.mall.section === sectionButton.modelData.value && main.mall.appId === ""
                            Accessible.name: sectionButton.modelData.label
                            onClicked: main.mall.showSection(sectionButton.modelData.value)
                        }
                        Rectangle {
                            visible: sectionButton.badge > 0
                            anchors { right: parent.right; top: parent.top; margins: Theme.spacingS / 2 }
                            width: Math.max(height, badgeText.implicitWidth + Theme.spacingS)
                            height: badgeText.implicitHeight
                            radius: height / 2
                            color: Theme.warning
                            Label {
                                id: badgeText
                                anchors.centerIn: parent
                                text: sectionButton.badge
                                role: "small"
                                color: Theme.onAccent
                            }
                        }
                    }
                }
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            AppList {
                objectName: "mallList"
                anchors { fill: parent; margins: Theme.spacingM }
                visible: main.mall.appId === ""
                mall: main.mall
            }
            AppPage {
                objectName: "mallAppPage"
                anchors { fill: parent; margins: Theme.spacingM }
                visible: main.mall.appId !== ""
                mall: main.mall
            }
        }
    }
}
