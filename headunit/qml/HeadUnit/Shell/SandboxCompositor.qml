import QtQuick
import QtWayland.Compositor
import QtWayland.Compositor.QtShell
import HeadUnit

// The shell as a Wayland compositor over its own window. Made the first time a sandboxed app's page is
// shown (so home never loads QtWayland). A surface is kept only when its client process is one of the
// sandbox's plugin processes; any other client is disconnected.
WaylandCompositor {
    id: server

    required property Window window
    // plugin id -> its QtShellSurface; replaced (not mutated) so bindings see each change.
    property var surfaces: ({})

    function surfaceFor(pluginId) { return surfaces[pluginId] ?? null }

    function forget(pluginId, surface) {
        if (surfaces[pluginId] !== surface) return
        const next = Object.assign({}, surfaces)
        delete next[pluginId]
        surfaces = next
    }

    WaylandOutput {
        compositor: server
        window: server.window
        sizeFollowsWindow: true
    }

    // Qt's type information for QtShell names a base it does not describe (QWaylandCompositorExtensionTemplate),
    // so qmllint cannot resolve the type; it is there at run time (`make lint` lints this file apart).
    // qmllint disable unresolved-type
    QtShell {
        // qmllint enable unresolved-type
        onQtShellSurfaceCreated: (shellSurface) => {
            const client = shellSurface.surface.client
            const owner = Sandbox.ownerOf(client.processId)
            if (owner === "" || server.surfaces[owner]) {
                client.close()
                return
            }
            const next = Object.assign({}, server.surfaces)
            next[owner] = shellSurface
            server.surfaces = next
            shellSurface.surface.surfaceDestroyed.connect(() => server.forget(owner, shellSurface))
        }
    }
}
