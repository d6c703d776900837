import QtQuick
import HeadUnit

// Hands the driver's units and language to the store (the page and the tile both carry one).
QtObject {
    required property var store
    property Binding temperature: Binding { target: store; property: "temperatureUnit"; value: Settings.temperatureUnit }
    property Binding distance: Binding { target: store; property: "distanceUnit"; value: Settings.distanceUnit }
    property Binding clock: Binding { target: store; property: "clock24h"; value: Settings.clock24h }
    property Binding online: Binding { target: store; property: "online"; value: Cloud.online }
    property Binding language: Binding { target: store; property: "language"; value: Settings.language }
}
