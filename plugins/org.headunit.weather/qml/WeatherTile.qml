import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Weather

// The home tile: the temperature, the condition, the next change, and a warning when a hazard lies ahead on
// the route. The demo mark and, offline, the data's age.
ColumnLayout {
    id: tile

    required property WeatherStore store
    readonly property RouteSection route: store.route

    spacing: Theme.spacingS

    WeatherUnits { store: tile.store }

    RowLayout {
        Layout.fillWidth: true
        Icon { name: "mdi6.weather-partly-cloudy"; size: Theme.fontSecondary; color: Theme.accent }
        Label {
            text: qsTr("Weather")
            role: "secondary"
            muted: true
            Layout.fillWidth: true
        }
        DemoMark { visible: tile.store.demo }
    }
    // The figure and its lines sit at the bottom, as on every home tile.
    Item { Layout.fillHeight: true }

    Label {
        visible: !tile.store.available
        text: tile.store.busy ? qsTr("Reading the weather…") : tile.store.message
        role: "secondary"
        muted: true
        wrapMode: Text.Wrap
        maximumLineCount: 2
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
    }
    Label {
        objectName: "tileNextChange"
        visible: tile.store.available && text !== ""
        text: tile.store.nextChange
        role: "secondary"
        muted: true
        Layout.fillWidth: true
    }
    Label {
        id: tileAge
        objectName: "tileAge"
        visible: text !== ""
        text: tile.store.ageText
        role: "secondary"
        color: tile.store.offline ? Theme.warning : Theme.textMuted
        Layout.fillWidth: true
    }
}
