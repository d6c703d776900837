import QtQuick
import HeadUnit.Plugins.Music

// Wiring only.
MusicView {
    required property MusicStore music
    store: music
}
