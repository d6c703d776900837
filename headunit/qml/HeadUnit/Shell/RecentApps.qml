pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// The app switcher: the recent apps as large cards, most recent first, each a picture of the app as it
// was left, its name, and a button that closes it. With none open it says so, and how apps get here.
Rectangle {
    id: recents

    // The item that holds the apps' pages (AppHost): the cards show them.
    property AppHost host: null

    signal appRequested(string pluginId)
    signal dismissed()

    readonly property real previewAspect: host && host.height > 0 ? host.width / host.height : 16 / 9
    // Two cards side by side at most, each the app's picture over a row with its name and close.
    readonly property real cardWidth: Math.max(Theme.dp(200), Math.min((width - 3 * Theme.spacingM) / 2,
                                               (height - 2 * Theme.spacingXL - Theme.touchTarget) * previewAspect))
    readonly property real previewHeight: cardWidth / previewAspect
    readonly property real cardHeight: previewHeight + Theme.touchTarget

    color: Theme.scrim
    // A MouseArea, not a TapHandler: it takes the touch, so a tap beside the cards closes the switcher and
    // never reaches the screen under it.
    MouseArea {
        anchors.fill: parent
        onClicked: recents.dismissed()
    }

    // None open.
    Card {
        objectName: "recentsEmpty"
        visible: Apps.recentApps.length === 0
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingL, emptyColumn.implicitWidth + 2 * Theme.spacingXL)
        height: emptyColumn.implicitHeight + 2 * Theme.spacingL
        color: Theme.surfaceRaised
        ColumnLayout {
            id: emptyColumn
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacingL
            spacing: Theme.spacingS
            Icon {
                name: "mdi6.view-carousel-outline"
                size: Theme.dp(64)
                color: Theme.textMuted
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                text: qsTr("No recent apps")
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Apps you open show here, to switch back in one tap.")
                role: "secondary"
                muted: true
                wrapMode: Text.Wrap
                maximumLineCount: 3
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
        }
    }

    Flickable {
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
        height: recents.cardHeight
        contentWidth: row.width + 2 * Theme.spacingM
        boundsBehavior: Flickable.StopAtBounds

        // Beside the cards, inside the strip they flick in: a tap there closes the switcher too.
        MouseArea {
            width: Math.max(parent.width, parent.contentWidth)
            height: parent.height
            onClicked: recents.dismissed()
        }

        Row {
            id: row
            x: Theme.spacingM
            height: parent.height
            spacing: Theme.spacingM
            Repeater {
                model: Apps.recentApps
                delegate: Card {
                    id: card
                    required property string modelData
                    readonly property Item page: recents.host ? recents.host.pages[modelData] ?? null : null
                    objectName: "recentCard:" + modelData
                    width: recents.cardWidth
                    height: row.height
                    color: Theme.surfaceRaised
                    clip: true
                    TapHandler {
                        gesturePolicy: TapHandler.ReleaseWithinBounds  // holds the touch: nothing under the card sees it
                        onTapped: recents.appRequested(card.modelData)
                    }

                    // The app as it was left, drawn small; its icon when there is no page to show.
                    Rectangle {
                        id: preview
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.lineWidth }
                        height: recents.previewHeight
                        radius: Theme.tileRadius
                        color: Theme.background
                        clip: true
                        ShaderEffectSource {
                            objectName: "recentPreview"
                            anchors.fill: parent
                            visible: !!card.page
                            sourceItem: card.page
                            live: recents.visible
                            hideSource: false
                            smooth: true
                        }
                        Icon {
                            anchors.centerIn: parent
                            visible: !card.page
                            name: Apps.iconOf(card.modelData)
                            size: Theme.dp(64)
                            color: Theme.accent
                        }
                    }

                    RowLayout {
                        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; leftMargin: Theme.spacingM }
                        height: Theme.touchTarget
                        spacing: Theme.spacingS
                        Icon { name: Apps.iconOf(card.modelData); size: Theme.fontSecondary; color: Theme.accent }
                        Label {
                            text: Apps.names[card.modelData] ?? ""
                            role: "secondary"
                            Layout.fillWidth: true
                        }
                        IconButton {
                            objectName: "recentClose"
                            //: Closes one app in the recent apps; %1 is the app's name.
                            text: qsTr("Close %1").arg(Apps.names[card.modelData] ?? "")
                            iconName: "mdi6.close"
                            onClicked: Apps.closeApp(card.modelData)
                        }
                    }
                }
            }
        }
    }
}
