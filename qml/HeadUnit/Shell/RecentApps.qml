import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The app switcher: the recent apps as large cards, most recent first.
Rectangle {
    id: recents

    signal appRequested(string pluginId)
    signal dismissed()

    color: Theme.scrim
    // A MouseArea, not a TapHandler: it takes the touch, so a tap beside the cards closes the switcher and
    // never reaches the screen under it.
    MouseArea {
        anchors.fill: parent
        onClicked: recents.dismissed()
    }

    Flickable {
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
        height: Math.min(parent.height - 2 * Theme.spacingM, Theme.dp(220))
        contentWidth: row.width + 2 * Theme.spacingM
        boundsBehavior: Flickable.StopAtBounds

        Row {
            id: row
            x: Theme.spacingM
            height: parent.height
            spacing: Theme.spacingM
            Repeater {
                model: Apps.recentApps
                delegate: Card {
                    required property string modelData
                    width: Theme.dp(220)
                    height: row.height
                    color: Theme.surfaceRaised
                    TapHandler {
                        gesturePolicy: TapHandler.ReleaseWithinBounds  // holds the touch: nothing under the card sees it
                        onTapped: recents.appRequested(modelData)
                    }
                    ColumnLayout {
                        anchors { fill: parent; margins: Theme.spacingM }
                        Icon {
                            name: Apps.iconOf(modelData)
                            size: Theme.dp(64)
                            color: Theme.accent
                            Layout.alignment: Qt.AlignHCenter
                            Layout.fillHeight: true
                        }
                        Label {
                            text: Apps.names[modelData] ?? ""
                            role: "secondary"
                            horizontalAlignment: Text.AlignHCenter
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }
    }
}
