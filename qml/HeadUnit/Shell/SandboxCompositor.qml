import QtQuick
import QtWayland.Compositor
import QtWayland.Compositor.QtShell
import HeadUnit

// The shell as a Wayland compositor over its own window. Made the first time a sandboxed app's page is
// shown (so home never loads QtWayland). A surface is kept only when its client process is one of the
// sandbox's plugin processes; any other client is disconnected.
WaylandCompositor {
    id: compositor

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
        compositor: compositor
        window: compositor.window
        sizeFollowsWindow: true
    }

    QtShell {
        onQtShellSurfaceCreated: (shellSurface) => {
            const client = shellSurface.surface.client
            const owner = Sandbox.ownerOf(client.processId)
            if (owner === "" || compositor.surfaces[owner]) {
                client.close()
                return
            }
            const next = Object.assign({}, compositor.surfaces)
            next[owner] = shellSurface
            compositor.surfaces = next
            shellSurface.surface.surfaceDestroyed.connect(() => compositor.forget(owner, shellSurface))
        }
    }
}
