import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Navigation

// The navigation page: the map, and on the driver's side a panel for what the app is doing now
// (looking for a place, previewing routes, guiding, arrived) with its actions underneath.
Item {
    id: view

    required property NavigationStore store

    readonly property var categories: [
        { value: "fuel", label: qsTr("Fuel"), icon: "mdi6.gas-station" },
        { value: "charging", label: qsTr("Charging"), icon: "mdi6.ev-station" },
        { value: "parking", label: qsTr("Parking"), icon: "mdi6.parking" },
        { value: "food", label: qsTr("Food"), icon: "mdi6.silverware-fork-knife" },
    ]
    readonly property string mode: store.state
    readonly property bool looking: mode === "browse" || mode === "results"
    // The panel's height less its margins and the row of actions under it.
    readonly property real panelHeight: height - 5 * Theme.spacingM - (page.actions.length > 0 ? Theme.touchTarget : 0)
    readonly property bool guidingShown: mode === "guiding"
    // MapPage's panel: its width, and what it covers of the map with its margins.
    readonly property real panelWidth: Math.min(width / 2.5, Theme.dp(420))
    readonly property bool driveGuided: store.guiding

    // The shell's back button goes back inside the app first.
    function goBack() {
        return view.store.back()
    }

    function actionsFor(state, canStart, guiding) {
        switch (state) {
        case "preview":  // the shell's back button cancels too
            return canStart ? [{ label: qsTr("Start"), icon: "mdi6.navigation-variant", value: "start" }]
                            : [{ label: qsTr("Cancel"), icon: "mdi6.close", value: "back" }]
        case "guiding":  // End is held, in the trip bar: never where Start was
            return []
        case "arrived":
            return [{ label: qsTr("Done"), icon: "mdi6.check", value: "done" }]
        default:
            //: A button: back to the turn-by-turn view of the drive under way
            return guiding ? [{ label: qsTr("Route"), icon: "mdi6.navigation-variant", value: "guidance" }] : []
        }
    }

    function act(value) {
        switch (value) {
        case "start": view.store.start(); break
        case "back": view.store.back(); break
        case "stop": view.store.stop(); break
        case "done": view.store.finish(); break
        case "guidance": view.store.showGuidance(); break
        }
    }

    Binding { target: view.store; property: "distanceUnit"; value: Settings.distanceUnit }
    Binding { target: view.store; property: "language"; value: Settings.language }

    // Guiding, the map turns with the car, which sits low on the screen looking ahead; when the drive ends
    // (arrival or End) it returns to north-up.
    onDriveGuidedChanged: map.followMode = view.driveGuided ? "heading-up" : "north-up"
    Component.onCompleted: map.followMode = view.driveGuided ? "heading-up" : "north-up"

    Connections {
        target: view.store
        function onFrameRequested(points) { map.showShape(points) }
        function onStateChanged() {
            if (view.store.state === "guiding")
                map.followMode = "heading-up"
        }
    }


    MapPage {
        id: page
        anchors.fill: parent
        attribution: Maps.attribution
        actions: view.actionsFor(view.mode, view.store.canStart, view.store.guiding)
        onActionChosen: (value) => view.act(value)

        MapView {
            id: map
            objectName: "navigationMap"
            anchors.fill: parent
            route: view.store.routeShape
            alternatives: view.store.alternativeShapes
            markers: view.store.markers
            onMarkerTapped: (index) => view.store.chooseResult(index)
            onAlternativeTapped: (index) => view.store.chooseAlternative(index)
            // The part driven is not drawn; the car is placed clear of the panel and the trip bar.
            routeDriven: view.store.guiding ? view.store.progress.routeDriven : -1
            leftInset: view.panelWidth + 2 * Theme.spacingM
            bottomInset: view.guidingShown ? tripBar.height + tripBar.anchors.bottomMargin + Theme.spacingM : 0
        }

        TripBar {
            id: tripBar
            objectName: "tripBar"
            visible: view.guidingShown
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.spacingM }
            // Clear of the attribution in the corner.
            anchors.bottomMargin: Theme.spacingM + Theme.fontSmall + Theme.spacingS
            remainingMeters: view.store.progress.remainingMeters
            remainingSeconds: view.store.progress.remainingSeconds
            arrivalTime: view.store.progress.arrivalTime
            speedLimit: view.store.progress.speedLimitText
            compact: view.width < Theme.dp(1000)
            onEndRequested: view.store.stop()
            onAlongRequested: view.store.lookAlong()
        }

        panel: [
            SearchPanel {
                objectName: "searchPanel"
                visible: view.looking
                model: view.store.results
                categories: view.categories
                category: view.store.category
                title: view.mode === "results" ? view.store.resultsTitle : ""
                message: view.store.message
                busy: view.store.busy
                // Driving, the results need the room more than a line saying typing waits until parked.
                showSearch: view.mode === "browse" || Driving.parked
                onCategoryChosen: (category) => view.store.showCategory(category)
                onSearchRequested: (text) => view.store.search(text)
                onRowChosen: (index) => view.store.chooseResult(index)
                Layout.fillWidth: true
                Layout.preferredHeight: view.panelHeight
            },
            PreviewPanel {
                objectName: "previewPanel"
                visible: view.mode === "preview"
                name: view.store.destinationName
                routes: view.store.routes
                busy: view.store.previewBusy
                errorTitle: view.store.previewErrorTitle
                error: view.store.previewError
                canSave: Driving.parked
                onRouteChosen: (index) => view.store.chooseRoute(index)
                onHomeChosen: view.store.setHome()
                onFavouriteChosen: view.store.saveFavourite()
                Layout.fillWidth: true
            },
            GuidancePanel {
                objectName: "guidancePanel"
                visible: view.guidingShown
                icon: view.store.progress.icon
                distanceMeters: view.store.progress.distanceMeters
                street: view.store.progress.street
                instruction: view.store.progress.instruction
                exitNumber: view.store.progress.exitNumber
                lanes: view.store.progress.lanes
                thenIcon: view.store.progress.thenIcon
                thenStreet: view.store.progress.thenStreet
                rerouting: view.store.progress.rerouting
                rerouteError: view.store.progress.rerouteError
                Layout.fillWidth: true
            },
            ArrivedPanel {
                objectName: "arrivedPanel"
                visible: view.mode === "arrived"
                name: view.store.destinationName
                Layout.fillWidth: true
            }
        ]
    }
}
