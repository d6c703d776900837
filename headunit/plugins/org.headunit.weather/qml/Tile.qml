import QtQuick
import HeadUnit.Plugins.Weather

// Wiring only.
WeatherTile {
    required property WeatherStore weather
    store: weather
}
