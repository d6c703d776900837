import QtQuick
import HeadUnit
import HeadUnit.Controls

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
        pages[pluginId] = page
    }

    Connections {
        target: Apps
        function onCurrentAppChanged() { host.show(Apps.currentApp) }
        function onRecentAppsChanged() {
            // Let go of pages of apps no longer in the recents (failed or disabled).
            for (const id in host.pages) {
                if (Apps.recentApps.indexOf(id) < 0) {
                    if (host.pages[id]) host.pages[id].destroy()
                    delete host.pages[id]
                }
            }
        }
    }
    Component.onCompleted: show(Apps.currentApp)
}
