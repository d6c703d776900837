import QtQuick
import HeadUnit.Plugins.Places

// Wiring only.
PlacesView {
    required property PlacesStore store
    placesStore: store
}
