import QtQuick
import HeadUnit

// Shows the open app's page full screen. Pages stay alive while the app is in the recent apps,
// so switching back finds it as it was.
Item {
    id: host

    property var pages: ({})

    // Let the page go back inside itself first: a page may define `function goBack(): bool`.
    function goBackInApp() {
        const page = pages[Apps.currentApp]
        return !!page && typeof page.goBack === "function" && page.goBack()
    }

    function show(pluginId) {
        for (const id in pages) {
            if (pages[id])
                pages[id].visible = id === pluginId
        }
        if (pluginId === "" || pages[pluginId])
            return
        const page = Apps.createView(pluginId, "page", host)
        if (!page) {
            Apps.goHome()
            return
        }
        page.width = Qt.binding(() => host.width)
        page.height = Qt.binding(() => host.height)
        // A new object, so that what reads `pages` (the recent apps' previews) sees the change.
        const next = Object.assign({}, pages)
        next[pluginId] = page
        pages = next
    }

    Connections {
        target: Apps
        function onCurrentAppChanged() { host.show(Apps.currentApp) }
        function onRecentAppsChanged() {
            // Let go of pages of apps no longer in the recents (failed, disabled or closed).
            const next = Object.assign({}, host.pages)
            let changed = false
            for (const id in next) {
                if (Apps.recentApps.indexOf(id) < 0) {
                    if (next[id]) next[id].destroy()
                    delete next[id]
                    changed = true
                }
            }
            if (changed) host.pages = next
        }
    }
    Component.onCompleted: show(Apps.currentApp)
}
