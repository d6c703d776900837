import QtQuick
import HeadUnit.Plugins.Navigation

// Wiring only.
NavigationView {
    required property NavigationStore nav
    store: nav
}
