import QtQuick
import HeadUnit
import HeadUnit.Controls

// What the shell draws over everything for sandboxed apps, made with the sandbox (a head unit with only
// the shell's own apps never makes it): the banner while third-party apps run without bubblewrap, and the
// sheet for an app that stopped answering.
Item {
    id: overlays

    // The shell's content area (right of the dock, below the status bar), in this item's coordinates.
    required property Item content

    anchors.fill: parent
    z: 1000

    // The emulator runs third-party apps without bubblewrap only when told to, and says so the whole time: a
    // band above the content area, which moves down to make room for it.
    Binding {
        target: overlays.content
        property: "anchors.topMargin"
        value: banner.height
        when: banner.visible
    }
    Rectangle {
        id: banner
        objectName: "unsandboxedBanner"
        visible: Sandbox.unsandboxed
        x: overlays.content.x
        y: overlays.content.y - height
        width: overlays.content.width
        height: bannerText.implicitHeight + Theme.spacingS * 2
        color: Theme.warning
        Label {
            id: bannerText
            anchors { fill: parent; margins: Theme.spacingS }
            text: qsTr("Third-party apps run without a sandbox")
            role: "secondary"
            color: Theme.background
        }
    }

    // A sandboxed app that stopped answering: the shell asks, the app cannot hide it. "Wait" asks again
    // only if it answers and then stops answering once more.
    ConfirmSheet {
        id: notResponding
        objectName: "notRespondingSheet"
        property string pluginId: ""
        property string waitedFor: ""
        readonly property string stuck: Sandbox.revision >= 0 && Apps.currentApp !== ""
                                        && !Sandbox.isResponding(Apps.currentApp) ? Apps.currentApp : ""
        //: %1 is the app's name.
        title: qsTr("%1 is not responding").arg(Apps.names[pluginId] ?? "")
        detail: qsTr("Wait for it, or close it")
        confirmText: qsTr("Close app")
        cancelText: qsTr("Wait")
        destructive: true
        onStuckChanged: {
            if (stuck === "") { waitedFor = ""; close() }
            else if (stuck !== waitedFor) { pluginId = stuck; open() }
        }
        onAccepted: Sandbox.closeApp(pluginId)
        onRejected: waitedFor = pluginId
    }
}
