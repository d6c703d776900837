import QtQuick
import HeadUnit.Plugins.TripComputer

// Wiring only: the store the plugin exposed goes to the view.
TripView {
    required property TripStore store
    tripStore: store
}
