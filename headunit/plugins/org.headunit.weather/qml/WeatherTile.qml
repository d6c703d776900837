import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Weather

// The home tile, in the layout every tile shares (HomeTile): the temperature and the condition as its
// figure; under it a warning when a hazard lies ahead on the route, the next change, and the data's age.
// The demo mark in the title row.
HomeTile {
    id: tile

    required property WeatherStore store
    readonly property RouteSection route: store.route as RouteSection

    iconName: "mdi6.weather-partly-cloudy"
    title: qsTr("Weather")
    trailing: DemoMark { visible: tile.store.demo }

    WeatherUnits { store: tile.store }

    heroMinimumHeight: figure.implicitHeight
    ColumnLayout {
        id: figure
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
        spacing: 0
        Label {
            visible: !tile.store.available
            text: tile.store.busy ? qsTr("Reading the weather…") : tile.store.message
            role: "secondary"
            muted: true
            wrapMode: Text.Wrap
            maximumLineCount: 3
            Layout.fillWidth: true
        }
        RowLayout {
            visible: tile.store.available
            spacing: Theme.spacingM
            Layout.fillWidth: true
            Icon {
                objectName: "tileIcon"
                name: tile.store.icon
                size: Theme.touchTarget
                color: Theme.accent
            }
            Label {
                objectName: "tileTemperature"
                text: tile.store.temperatureText
                role: "display"
            }
            Label {
                objectName: "tileCondition"
                text: tile.store.conditionText
                role: "secondary"
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Theme.fontSmall
                Layout.fillWidth: true
            }
        }
    }

    lines: [
        // A hazard ahead on the route comes before the next change here.
        RowLayout {
            objectName: "tileWarning"
            visible: tile.route.tileWarning !== ""
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Icon { name: "mdi6.alert"; size: Theme.fontSecondary; color: Theme.warning }
            Label {
                objectName: "tileWarningText"
                text: tile.route.tileWarning
                role: "secondary"
                color: Theme.warning
                Layout.fillWidth: true
            }
        },
        Label {
            objectName: "tileNextChange"
            visible: tile.store.available && text !== ""
            text: tile.store.nextChange
            role: "secondary"
            muted: true
            Layout.fillWidth: true
        },
        Label {
            objectName: "tileAge"
            // Offline only: then the age is news (the forecast may be stale); online it is noise on a tile.
            visible: text !== "" && tile.store.offline
            text: tile.store.ageText
            role: "secondary"
            color: tile.store.offline ? Theme.warning : Theme.textMuted
            Layout.fillWidth: true
        }
    ]
}
