import QtQuick
import HeadUnit.Plugins.Navigation

// Wiring only.
NavigationTile {
    required property NavigationStore nav
    store: nav
}
