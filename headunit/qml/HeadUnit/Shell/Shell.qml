pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The shell: status bar across the top, the dock on the driver's side, and the home screen,
// an app or a shell view (settings) in the rest. Overlays: recent apps, notifications, toasts.
Item {
    id: shell
    objectName: "shell"

    // "" (home or an app, see Apps.currentApp), "settings", "recents", "allapps" or "notifications".
    property string overlay: ""

    function back() {
        if (overlay !== "") { overlay = ""; return }
        if (Apps.currentApp !== "" && appHost.goBackInApp()) return
        Apps.goHome()
    }
    function goHome() { overlay = ""; Apps.goHome() }
    // Whether `item` is part of the shell (and not, say, the emulator's control panel beside it).
    function holds(item) {
        for (let i = item; i; i = i.parent)
            if (i === shell) return true
        return false
    }

    // No Behavior here: Theme itself cross-fades every colour token when day and night switch
    // (Theme.switchDuration, ease-out), so the whole shell and every plugin fade together.
    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    StatusBar {
        id: statusBar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        title: shell.overlay === "settings" ? qsTr("Settings")
             : Apps.currentApp !== "" ? Apps.names[Apps.currentApp] ?? "" : ""
        canGoBack: shell.overlay !== "" || Apps.currentApp !== ""
        onBackRequested: shell.back()
        onNotificationsRequested: shell.overlay = shell.overlay === "notifications" ? "" : "notifications"
    }

    Dock {
        id: dock
        anchors { left: parent.left; top: statusBar.bottom; bottom: parent.bottom }
        current: shell.overlay === "settings" || shell.overlay === "recents" || shell.overlay === "allapps"
                 ? shell.overlay : Apps.currentApp
        onHomeRequested: shell.goHome()
        onAppRequested: (pluginId) => { shell.overlay = ""; Apps.openApp(pluginId) }
        onRecentsRequested: shell.overlay = shell.overlay === "recents" ? "" : "recents"
        onSettingsRequested: shell.overlay = "settings"
        onAllAppsRequested: shell.overlay = shell.overlay === "allapps" ? "" : "allapps"
    }

    Item {
        id: content
        objectName: "content"
        // While the keyboard is up the content ends above it, so what is typed and what it finds stay in sight.
        anchors { left: dock.right; right: parent.right; top: statusBar.bottom; bottom: parent.bottom
                  bottomMargin: (keyboard.item as KeyboardPanel)?.occupied ?? 0 }
        clip: true

        HomeView {
            id: homeView
            objectName: "homeView"
            anchors { fill: parent; bottomMargin: homeView.cueHeight }
            visible: Apps.currentApp === "" && shell.overlay !== "settings"
            onSettingsRequested: shell.overlay = "settings"
            onNotificationsRequested: shell.overlay = "notifications"
        }

        AppHost {
            id: appHost
            anchors.fill: parent
            visible: Apps.currentApp !== "" && shell.overlay !== "settings"
        }

        // Settings, the recent apps and the notification centre are made the first time they open, then
        // kept: made at start-up they would cost a third of the shell's QML time (30 ms) and 7 MB.
        OverlayLoader {
            anchors.fill: parent
            visible: shell.overlay === "settings"
            sourceComponent: Component { SettingsView { objectName: "settingsView" } }
        }

        // Back gesture: a swipe from the left edge of the content, the same in every app.
        Item {
            width: Theme.spacingL
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
            DragHandler {
                id: edgeSwipe
                target: null
                xAxis.enabled: true
                yAxis.enabled: false
                onActiveChanged: if (!active && centroid.scenePosition.x - centroid.scenePressPosition.x > Theme.touchTarget) shell.back()
            }
        }

        OverlayLoader {
            anchors.fill: parent
            visible: shell.overlay === "recents"
            sourceComponent: Component {
                RecentApps {
                    objectName: "recentApps"
                    host: appHost
                    onAppRequested: (pluginId) => { shell.overlay = ""; Apps.openApp(pluginId) }
                    onDismissed: shell.overlay = ""
                }
            }
        }

        OverlayLoader {
            anchors.fill: parent
            visible: shell.overlay === "allapps"
            sourceComponent: Component {
                AllApps {
                    objectName: "allApps"
                    onAppRequested: (pluginId) => { shell.overlay = ""; Apps.openApp(pluginId) }
                    onSettingsRequested: shell.overlay = "settings"
                }
            }
        }
    }

    // Behind the notification centre: the screen dims, and a tap on it closes the centre.
    Rectangle {
        objectName: "notificationScrim"
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
        visible: shell.overlay === "notifications"
        color: Theme.scrim
        MouseArea { anchors.fill: parent; onClicked: shell.overlay = "" }
    }

    OverlayLoader {
        anchors { right: parent.right; top: statusBar.bottom; bottom: parent.bottom; margins: Theme.spacingS }
        width: Math.min(parent.width - dock.width, Theme.dp(520))
        visible: shell.overlay === "notifications"
        sourceComponent: Component {
            NotificationCenter { objectName: "notificationCenter"; onDismissed: shell.overlay = "" }
        }
    }

    // Payments, phone linking and consent to install apps: the shell's own sheets over every app, parked only;
    // their desks are set by the shell (headunit/runtime.py), never reachable through a singleton. Toasts show
    // above them.
    PaymentSheet { objectName: "paymentSheet" }
    PairingSheet { objectName: "pairingSheet" }
    ConsentSheet { objectName: "consentSheet" }

    ToastLayer {
        anchors { left: dock.right; right: parent.right; bottom: parent.bottom; margins: Theme.spacingM }
    }


    Connections {
        target: Apps
        function onCurrentAppChanged() { if (Apps.currentApp !== "" && shell.overlay !== "notifications") shell.overlay = "" }
        function onShellViewRequested(view) { shell.overlay = view }
    }

    // Brightness: a dimming layer over everything the shell draws. Quadratic, so the upper steps dim
    // gently (at the night default, 0.6, every text token stays at 4.5:1 as rendered: tests/theme) and the
    // lowest step (0.1) still takes about 60 % off. It fades with the palette when day and night switch.
    Rectangle {
        objectName: "dimmer"
        anchors.fill: parent
        color: Theme.backlight
        opacity: 0.75 * Math.pow(1 - Settings.brightness, 2)
        Behavior on opacity { NumberAnimation { duration: Theme.switchDuration; easing.type: Easing.OutCubic } }
    }

    // The on-screen keyboard, created the first time a text field takes the focus: it costs ~12 MB
    // a head unit may never need.
    Loader {
        id: keyboard
        anchors.fill: parent
        active: false
        source: "KeyboardPanel.qml"
        onLoaded: Qt.inputMethod.show() // qmllint disable missing-property
    }
    Connections {
        target: shell.Window.window
        function onActiveFocusItemChanged() {
            const item = shell.Window.activeFocusItem
            // Not inside the focus change itself: the keyboard then shows for the field that has it.
            if (!keyboard.active && item && "inputMethodHints" in item && shell.holds(item))
                Qt.callLater(() => keyboard.active = true)
        }
    }

    // Driving: whatever had text focus loses it, so no keyboard is waiting when the car stops.
    Connections {
        target: Restrictions
        function onChanged() {
            if (Restrictions.noKeyboard) {
                Qt.inputMethod.hide() // qmllint disable missing-property
                if (shell.Window.activeFocusItem)
                    shell.Window.activeFocusItem.focus = false
            }
        }
    }
}
