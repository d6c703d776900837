import QtQuick
import HeadUnit

// Text in one of the shell's type roles: "display" (48 dp), "primary" (32 dp), "secondary" (24 dp)
// or "small" (20 dp, only for what is read when parked). Muted text uses Theme.textMuted.
Text {
    property string role: "primary"
    property bool muted: false

    color: muted ? Theme.textMuted : Theme.text
    font.pixelSize: role === "display" ? Theme.fontDisplay
                  : role === "secondary" ? Theme.fontSecondary
                  : role === "small" ? Theme.fontSmall : Theme.fontPrimary
    font.weight: role === "display" ? Font.DemiBold : Font.Normal
    elide: Text.ElideRight
    maximumLineCount: 1
    verticalAlignment: Text.AlignVCenter
}
