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

    // The shell's back button goes back inside the app first.
    function goBack() {
        return view.store.back()
    }

    function clock(epochSeconds) {
        if (isNaN(epochSeconds))
            return ""
        return Qt.formatTime(new Date(epochSeconds * 1000), Settings.clock24h ? "HH:mm" : "h:mm AP")
    }

    function actionsFor(state, canStart, guiding) {
        switch (state) {
        case "preview":  // the shell's back button cancels too
            return canStart ? [{ label: qsTr("Start"), icon: "mdi6.navigation-variant", value: "start" }]
                            : [{ label: qsTr("Cancel"), icon: "mdi6.close", value: "back" }]
        case "guiding":
            //: A button: end the guidance
            return [{ label: qsTr("Stop"), icon: "mdi6.close", value: "stop" }]
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

    Connections {
        target: view.store
        function onFrameRequested(points) { map.showShape(points) }
        function onStateChanged() {
            if (view.store.state === "guiding")
                map.recenter()
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
                visible: view.mode === "guiding"
                icon: view.store.progress.icon
                distance: view.store.progress.distance
                unit: view.store.progress.distanceUnit
                street: view.store.progress.street
                instruction: view.store.progress.instruction
                remaining: view.store.progress.remaining
                remainingUnit: view.store.progress.remainingUnit
                arrival: view.clock(view.store.progress.arrivalTime)
                rerouting: view.store.progress.rerouting
                rerouteError: view.store.progress.rerouteError
                categories: view.categories
                onCategoryChosen: (category) => view.store.showCategory(category)
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
