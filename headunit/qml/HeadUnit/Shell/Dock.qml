pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The dock, always on the driver's side and always in the same place: Home, the first apps,
// recent apps and settings. It can be hit without looking. When the apps do not all fit, the last app
// slot is "All apps", which lists every one of them with its name.
Rectangle {
    id: dock

    property string current
    signal homeRequested()
    signal appRequested(string pluginId)
    signal recentsRequested()
    signal settingsRequested()
    signal allAppsRequested()

    // Five slots between Home and Settings fit the 800×480 screen.
    readonly property int appSlots: Math.max(0, Math.floor(height / Theme.touchTarget) - 3)
    readonly property bool allFit: Apps.launchable.length <= appSlots
    // The apps that have a button of their own: all of them, or all but the last slot, which lists the rest.
    readonly property var shownApps: Apps.launchable.slice(0, allFit ? appSlots : Math.max(0, appSlots - 1))

    width: Theme.dockWidth
    color: Theme.surface

    ColumnLayout {
        anchors { fill: parent; topMargin: Theme.spacingS; bottomMargin: Theme.spacingS }
        spacing: 0

        IconButton {
            objectName: "homeButton"
            text: qsTr("Home")
            iconName: "mdi6.home"
            checked: dock.current === ""
            Layout.alignment: Qt.AlignHCenter
            onClicked: dock.homeRequested()
        }

        Repeater {
            model: dock.shownApps
            delegate: IconButton {
                required property string modelData
                objectName: "dock:" + modelData
                text: Apps.names[modelData] ?? ""
                iconName: Apps.iconOf(modelData)
                checked: dock.current === modelData
                Layout.alignment: Qt.AlignHCenter
                onClicked: dock.appRequested(modelData)
            }
        }

        IconButton {
            objectName: "allAppsButton"
            visible: !dock.allFit
            text: qsTr("All apps")
            iconName: "mdi6.apps"
            checked: dock.current === "allapps"
            Layout.alignment: Qt.AlignHCenter
            onClicked: dock.allAppsRequested()
        }

        Item { Layout.fillHeight: true }

        IconButton {
            objectName: "recentsButton"
            text: qsTr("Recent apps")
            iconName: "mdi6.view-carousel-outline"
            checked: dock.current === "recents"
            Layout.alignment: Qt.AlignHCenter
            onClicked: dock.recentsRequested()
        }
        IconButton {
            objectName: "settingsButton"
            text: qsTr("Settings")
            iconName: "mdi6.cog-outline"
            checked: dock.current === "settings"
            Layout.alignment: Qt.AlignHCenter
            onClicked: dock.settingsRequested()
        }
    }

    Rectangle {
        anchors { top: parent.top; bottom: parent.bottom; right: parent.right }
        width: Theme.lineWidth
        color: Qt.alpha(Theme.outline, 0.35)
    }
}
