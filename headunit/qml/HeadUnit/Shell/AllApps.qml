pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Every app that can be opened, each with its icon and its name, in the dock's order; then Settings.
// The dock opens it where it cannot hold every app.
Rectangle {
    id: all

    signal appRequested(string pluginId)
    signal settingsRequested()

    readonly property int columns: Math.max(2, Math.floor((width - Theme.spacingM) / (Theme.dp(200) + Theme.spacingM)))
    readonly property real cellWidth: (width - (columns + 1) * Theme.spacingM) / columns
    // Every app on one screen where it can be (the entries shrink to 1.5 touch targets high before they scroll).
    readonly property int rows: Math.ceil((Apps.launchable.length + 1) / columns)
    readonly property real cellHeight: Math.max(Theme.touchTarget * 1.5,
                                                Math.min(Theme.touchTarget * 2, (list.height - (rows - 1) * Theme.spacingM) / rows))

    color: Theme.background

    MouseArea { anchors.fill: parent }  // holds the touch: nothing under the page sees it

    ColumnLayout {
        anchors { fill: parent; margins: Theme.spacingM }
        spacing: Theme.spacingM

        PageHeader {
            title: qsTr("All apps")
            Layout.fillWidth: true
        }

        Flickable {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: grid.height
            boundsBehavior: Flickable.StopAtBounds
            clip: true

            Grid {
                id: grid
                columns: all.columns
                spacing: Theme.spacingM

                Repeater {
                    model: Apps.launchable.concat([""])
                    delegate: Card {
                        id: entry
                        required property string modelData
                        objectName: "allApps:" + (modelData === "" ? "settings" : modelData)
                        width: all.cellWidth
                        height: all.cellHeight
                        color: Theme.surface

                        TapHandler {
                            gesturePolicy: TapHandler.ReleaseWithinBounds
                            onTapped: entry.modelData === "" ? all.settingsRequested() : all.appRequested(entry.modelData)
                        }
                        ColumnLayout {
                            anchors { fill: parent; margins: Theme.spacingS }
                            spacing: Theme.spacingS
                            Icon {
                                name: entry.modelData === "" ? "mdi6.cog-outline" : Apps.iconOf(entry.modelData)
                                color: Theme.accent
                                Layout.alignment: Qt.AlignHCenter
                            }
                            Label {
                                objectName: "allAppsName"
                                text: entry.modelData === "" ? qsTr("Settings") : Apps.names[entry.modelData] ?? ""
                                role: "secondary"
                                horizontalAlignment: Text.AlignHCenter
                                fontSizeMode: Text.HorizontalFit
                                minimumPixelSize: Theme.fontSmall
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }
        }
    }
}
