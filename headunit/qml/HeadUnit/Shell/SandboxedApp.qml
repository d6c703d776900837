import QtQuick
import QtWayland.Compositor
import HeadUnit

// A sandboxed app in the app area. Parked: its own page, a surface of its process, which alone then
// receives touch and keys. Not parked: never its pixels, only its driving template drawn by the shell.
Item {
    id: app
    objectName: "sandboxedApp"

    required property string pluginId
    readonly property var surface: Sandbox.compositor ? (Sandbox.compositor as SandboxCompositor).surfaceFor(pluginId) : null
    readonly property bool showsOwnPage: Driving.parked && surface !== null
    // Whether the app shows what it is going to show (its page, its template or why not): screenshots wait for it.
    readonly property bool settled: Driving.parked ? showsOwnPage && surfaceItem.hasContent
                                                   : Sandbox.isReady(pluginId, Sandbox.revision)

    function goBack() { return Sandbox.back(pluginId) }
    function openPage() {
        if (width > 0 && height > 0) Sandbox.openPage(pluginId, width, height)
    }

    // Opened again (its process may have ended meanwhile, asked to or not).
    Connections {
        target: Apps
        function onCurrentAppChanged() { if (Apps.currentApp === app.pluginId) app.openPage() }
    }
    onWidthChanged: openPage()
    onHeightChanged: openPage()
    Component.onCompleted: openPage()
    onSurfaceChanged: if (surface) surface.requestWindowGeometry(0, Qt.rect(0, 0, width, height))

    ShellSurfaceItem {
        id: surfaceItem
        readonly property bool hasContent: app.surface !== null && app.surface.surface.hasContent
        anchors.fill: parent
        shellSurface: app.surface
        visible: app.showsOwnPage
        inputEventsEnabled: app.showsOwnPage
        autoCreatePopupItems: false
        moveItem: app
        onVisibleChanged: if (!visible) app.forceActiveFocus()
    }

    TemplateView {
        id: templateView
        anchors.fill: parent
        anchors.margins: kind === "navigation" ? 0 : Theme.spacingL  // the map runs to the edges
        visible: !app.showsOwnPage
        pluginId: app.pluginId
        name: Apps.names[app.pluginId] ?? ""
        template: Driving.parked ? null : Sandbox.pageTemplate(app.pluginId, Sandbox.revision)
        waiting: Driving.parked
    }
}
