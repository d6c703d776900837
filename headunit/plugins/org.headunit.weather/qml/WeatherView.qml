pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Weather

// The weather page: now, then (while a route is active) the route's weather, the next 24 hours and 7 days.
// Nothing on it moves by itself: no animation, whether parked or driving. While driving the page does not
// scroll and shows six hours (every fourth, and the hour the weather changes, which the home tile names) and six
// days, as many as the driving limits allow on a screen.
Item {
    id: view

    required property WeatherStore store
    readonly property RouteSection route: store.route as RouteSection
    readonly property int limit: Restrictions.maxItemsPerScreen
    readonly property var hours: limit > 0 ? store.hours.filter((h, i) => i % 4 === 0 || h.change).slice(0, limit)
                                           : store.hours
    readonly property var days: limit > 0 ? store.days.slice(0, limit) : store.days
    // While a route is active the page answers "what is the weather on the way" first; one tap shows here.
    property bool hereChosen: false
    readonly property bool routeActive: route.active
    onRouteActiveChanged: if (routeActive) hereChosen = false
    readonly property bool showRoute: route.active && !hereChosen
    // Rows the route part may use while driving: the destination, then warnings, then places.
    // While driving the page does not scroll, so only whole rows that fit the screen as well.
    readonly property real roomForRows: height - 4 * Theme.spacingM - Theme.touchTarget
    readonly property int rowsThatFit: Math.floor(roomForRows / (Theme.touchTarget + Theme.spacingS))
    readonly property int pointSlots: limit > 0 ? Math.max(0, Math.min(limit, rowsThatFit) - 1 - route.warnings.length)
                                                : route.points.length
    // Places left out say so, under the last row shown; when the screen (not the limit) is what leaves them
    // out and the note does not fit under it, the note takes the last row's place.
    readonly property bool noteFitsUnderRows: roomForRows - rowsThatFit * (Theme.touchTarget + Theme.spacingS)
                                              >= Theme.fontSecondary * 1.5 + Theme.spacingS
    readonly property int pointRows: pointSlots < route.points.length && rowsThatFit <= limit && !noteFitsUnderRows
                                     ? Math.max(0, pointSlots - 1) : pointSlots
    readonly property int pointsHidden: Math.max(0, route.points.length - pointRows)

    function goBack() {
        return view.store.back()
    }

    WeatherUnits { store: view.store }
    Component.onCompleted: view.store.refresh()

    MessageView {
        objectName: "weatherMessage"
        visible: !view.store.available
        anchors.centerIn: parent
        width: parent.width * 0.7
        sender: view.store.busy ? qsTr("Reading the weather…") : view.store.message
    }

    Flickable {
        id: page
        objectName: "weatherPage"
        visible: view.store.available
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        contentHeight: column.implicitHeight
        interactive: view.limit === 0 && contentHeight > height
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ColumnLayout {
            id: column
            width: page.width
            spacing: Theme.spacingM

            // Where and how fresh: the demo mark and the data's age.
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingM
                Label {
                    visible: !view.route.active
                    text: view.store.elsewhere ? qsTr("At the place sent") : qsTr("Here")
                    role: "secondary"
                    muted: true
                }
                TouchButton {
                    objectName: "showRoute"
                    visible: view.route.active
                    text: qsTr("On the route")
                    iconName: "mdi6.map-marker-path"
                    accent: view.showRoute
                    onClicked: view.hereChosen = false
                }
                TouchButton {
                    objectName: "showHere"
                    visible: view.route.active
                    text: qsTr("Here")
                    iconName: "mdi6.crosshairs-gps"
                    accent: !view.showRoute
                    onClicked: view.hereChosen = true
                }
                DemoMark { visible: view.store.demo }
                Item { Layout.fillWidth: true }
                Icon {
                    visible: view.store.offline
                    name: "mdi6.cloud-off-outline"
                    size: Theme.fontSecondary
                    color: Theme.warning
                }
                Label {
                    objectName: "weatherAge"
                    visible: text !== ""
                    text: view.store.ageText
                    role: "secondary"
                    color: view.store.offline ? Theme.warning : Theme.textMuted
                }
            }

            // Now.
            Card {
                objectName: "currentCard"
                visible: !view.showRoute
                Layout.fillWidth: true
                implicitHeight: now.implicitHeight + 2 * Theme.spacingM
                RowLayout {
                    id: now
                    anchors { fill: parent; margins: Theme.spacingM }
                    spacing: Theme.spacingL
                    Icon {
                        objectName: "currentIcon"
                        name: view.store.icon
                        size: Theme.touchTarget * 1.4
                        color: Theme.accent
                    }
                    ColumnLayout {
                        spacing: 0
                        Readout {
                            objectName: "currentTemperature"
                            value: view.store.temperatureValue
                            unit: view.store.unitSymbol
                            caption: view.store.conditionText
                        }
                    }
                    Item { Layout.fillWidth: true }
                    GridLayout {
                        columns: 2
                        columnSpacing: Theme.spacingXL
                        rowSpacing: Theme.spacingS
                        Readout { objectName: "feelsLike"; size: "primary"; value: view.store.feelsLike; caption: qsTr("Feels like") }
                        Readout { objectName: "currentWind"; size: "primary"; value: view.store.wind; caption: qsTr("Wind") }
                        // While moving the page cannot scroll, and a glance needs less: temperature, feel and wind.
                        Readout { objectName: "currentHumidity"; visible: view.limit === 0; size: "primary"; value: view.store.humidity; caption: qsTr("Humidity") }
                        Readout { objectName: "currentVisibility"; visible: view.limit === 0; size: "primary"; value: view.store.visibility; caption: qsTr("Visibility") }
                    }
                }
            }

            // The route: the destination at the arrival time, hazards ahead, the places the car passes.
            Card {
                objectName: "routeWeather"
                visible: view.showRoute
                Layout.fillWidth: true
                implicitHeight: routeColumn.implicitHeight + 2 * Theme.spacingM
                ColumnLayout {
                    id: routeColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacingM }
                    spacing: Theme.spacingS
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget
                        spacing: Theme.spacingM
                        Icon { name: "mdi6.flag-checkered"; size: Theme.iconSize; color: Theme.accent }
                        Label {
                            objectName: "routeDestination"
                            text: Restrictions.limitString(view.route.destinationTitle)
                            Layout.fillWidth: true
                        }
                        Icon { name: view.route.destinationIcon; size: Theme.iconSize; color: Theme.text }
                        Label { objectName: "routeDestinationTemperature"; text: view.route.destinationTemperature }
                    }
                    Repeater {
                        model: view.route.warnings
                        delegate: Rectangle {
                            id: warning
                            required property string modelData
                            objectName: "routeWarning"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            radius: Theme.tileRadius / 2
                            color: Qt.alpha(Theme.warning, 0.14)
                            border.width: Theme.lineWidth
                            border.color: Theme.warning
                            RowLayout {
                                anchors { fill: parent; leftMargin: Theme.spacingM; rightMargin: Theme.spacingM }
                                spacing: Theme.spacingM
                                Icon { name: "mdi6.alert"; size: Theme.iconSize; color: Theme.warning }
                                Label {
                                    objectName: "routeWarningText"
                                    text: warning.modelData
                                    Layout.fillWidth: true
                                }
                            }
                        }
                    }
                    Repeater {
                        model: view.route.points.slice(0, view.pointRows)
                        delegate: RowLayout {
                            id: point
                            required property var modelData
                            objectName: "routePoint"
                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touchTarget
                            spacing: Theme.spacingM
                            Icon {
                                name: point.modelData.icon
                                size: Theme.iconSize
                                color: point.modelData.hazard ? Theme.warning : Theme.textMuted
                            }
                            Label { text: point.modelData.title; role: "secondary"; Layout.fillWidth: true }
                            Label { text: point.modelData.subtitle; role: "secondary"; muted: true }
                            Label { text: point.modelData.trailing; role: "secondary"; Layout.preferredWidth: Theme.touchTarget * 1.2; horizontalAlignment: Text.AlignRight }
                        }
                    }
                    Label {
                        objectName: "routeMoreWhenParked"
                        visible: view.pointsHidden > 0
                        role: "secondary"
                        muted: true
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        //: Places along the route whose weather is left out while driving.
                        text: qsTr("%n more when parked", "", view.pointsHidden)
                    }
                }
            }

            // The next 24 hours.
            Card {
                visible: !view.showRoute
                Layout.fillWidth: true
                implicitHeight: hourRow.height + 2 * Theme.spacingM
                ListView {
                    id: hourRow
                    objectName: "hourRow"
                    x: Theme.spacingM; y: Theme.spacingM
                    width: parent.width - 2 * Theme.spacingM
                    height: Math.round(Theme.fontSecondary * 2.8 + Theme.iconSize
                                       + (view.limit > 0 ? Theme.fontSecondary : Theme.fontSmall) * 1.4 + 2 * Theme.spacingS)
                    orientation: ListView.Horizontal
                    interactive: view.limit === 0
                    boundsBehavior: Flickable.StopAtBounds
                    clip: true
                    model: view.hours
                    delegate: ColumnLayout {
                        id: hour
                        required property var modelData
                        objectName: "hourCell"
                        width: Math.max(Theme.touchTarget * 1.2, hourRow.width / Math.min(8, Math.max(1, hourRow.count)))
                        spacing: Theme.spacingS / 2
                        Label { objectName: "hourTime"; text: hour.modelData.time; role: "secondary"; muted: true; Layout.alignment: Qt.AlignHCenter }
                        Icon { name: hour.modelData.icon; size: Theme.iconSize; color: Theme.accent; Layout.alignment: Qt.AlignHCenter }
                        Label { objectName: "hourTemperature"; text: hour.modelData.temperature; role: "secondary"; Layout.alignment: Qt.AlignHCenter }
                        // The chance of rain, with an umbrella so it is not read as humidity; small type when parked.
                        RowLayout {
                            visible: hour.modelData.rain !== ""
                            spacing: Theme.spacingS / 2
                            Layout.alignment: Qt.AlignHCenter
                            Icon { name: "mdi6.umbrella-outline"; size: rain.font.pixelSize; color: Theme.textMuted }
                            Label { id: rain; objectName: "hourRain"; text: hour.modelData.rain; role: view.limit > 0 ? "secondary" : "small"; muted: true }
                        }
                    }
                }
            }

            // 7 days.
            Card {
                objectName: "dayCard"
                visible: !view.showRoute
                Layout.fillWidth: true
                implicitHeight: dayRow.implicitHeight + 2 * Theme.spacingM
                RowLayout {
                    id: dayRow
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacingM }
                    spacing: 0
                    Repeater {
                        model: view.days
                        delegate: ColumnLayout {
                            id: day
                            required property var modelData
                            objectName: "dayCell"
                            Layout.fillWidth: true
                            Layout.preferredWidth: dayRow.width / Math.max(1, view.days.length)
                            spacing: Theme.spacingS / 2
                            Label { text: day.modelData.day; role: "secondary"; muted: true; Layout.alignment: Qt.AlignHCenter }
                            Icon { name: day.modelData.icon; size: Theme.iconSize; color: Theme.accent; Layout.alignment: Qt.AlignHCenter }
                            Label { objectName: "dayHigh"; text: day.modelData.high; role: "secondary"; Layout.alignment: Qt.AlignHCenter }
                            Label { text: day.modelData.low; role: "secondary"; muted: true; Layout.alignment: Qt.AlignHCenter }
                        }
                    }
                }
            }
        }
    }
}
