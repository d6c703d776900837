import QtQuick
import HeadUnit.Plugins.Weather

// Wiring only.
WeatherView {
    required property WeatherStore weather
    store: weather
}
