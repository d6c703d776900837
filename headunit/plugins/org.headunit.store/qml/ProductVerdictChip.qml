import QtQuick
import HeadUnit
import HeadUnit.Controls

// The fitment verdict as a chip: green fits, amber fits if, red does not fit, grey unknown.
Rectangle {
    id: chip

    property string kind: "unknown"
    property alias text: label.text

    readonly property color tone: kind === "fits" ? Theme.success : kind === "fits_if" ? Theme.warning
                                : kind === "does_not_fit" ? Theme.danger : Theme.textMuted

    implicitWidth: row.implicitWidth + 2 * Theme.spacingS
    implicitHeight: Math.max(Theme.dp(32), row.implicitHeight + Theme.spacingS / 2)
    radius: height / 2
    color: Qt.rgba(tone.r, tone.g, tone.b, Theme.night ? 0.25 : 0.15)
    border.width: Theme.lineWidth / 2
    border.color: tone

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spacingS / 2
        Icon {
            anchors.verticalCenter: parent.verticalCenter
            name: chip.kind === "fits" ? "mdi6.check-circle" : chip.kind === "fits_if" ? "mdi6.help-circle"
                : chip.kind === "does_not_fit" ? "mdi6.close-circle" : "mdi6.car-off"
            size: Theme.fontSmall
            color: chip.tone
        }
        Label {
            id: label
            anchors.verticalCenter: parent.verticalCenter
            role: "small"
            color: Theme.text
        }
    }
}
