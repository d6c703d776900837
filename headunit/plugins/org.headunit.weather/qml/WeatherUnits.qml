import QtQuick
import HeadUnit

// Hands the driver's units and language to the store (the page and the tile both carry one).
QtObject {
    id: units
    required property var store
    property Binding temperature: Binding { target: units.store; property: "temperatureUnit"; value: Settings.temperatureUnit }
    property Binding distance: Binding { target: units.store; property: "distanceUnit"; value: Settings.distanceUnit }
    property Binding clock: Binding { target: units.store; property: "clock24h"; value: Settings.clock24h }
    property Binding online: Binding { target: units.store; property: "online"; value: Cloud.online }
    property Binding language: Binding { target: units.store; property: "language"; value: Settings.language }
}
