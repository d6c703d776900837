import QtQuick
import HeadUnit.Plugins.Music

// Wiring only.
MusicTile {
    required property MusicStore music
    store: music
}
