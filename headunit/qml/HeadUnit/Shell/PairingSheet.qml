import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Linking a phone: a short-lived, single-use link from the backend, drawn as a QR code for the phone's
// camera. Only while parked. Its `desk` (headunit/shell/payments.py) is set by the shell after the window loads.
Item {
    id: sheet

    property PairingDesk desk: null
    readonly property bool open: desk !== null && desk.shown

    anchors.fill: parent
    visible: open

    Rectangle { anchors.fill: parent; color: Theme.scrim }
    MouseArea { anchors.fill: parent; preventStealing: true; onClicked: sheet.desk.close() }

    Rectangle {
        objectName: "pairingPanel"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingM, Theme.dp(900))
        height: Math.min(parent.height - 2 * Theme.spacingM, Theme.dp(460))
        color: Theme.surface
        radius: Theme.tileRadius
        MouseArea { anchors.fill: parent }  // taps on the panel do not close it

        RowLayout {
            anchors { fill: parent; margins: Theme.spacingL }
            spacing: Theme.spacingL

            // A QR code is read as dark on light, whatever the palette: a white square with its quiet zone.
            Rectangle {
                id: code
                objectName: "pairingCode"
                readonly property int modules: sheet.desk ? sheet.desk.modules : 0
                Layout.fillHeight: true
                Layout.preferredWidth: height
                color: "white"
                radius: Theme.dp(8)
                Canvas {
                    id: canvas
                    anchors.fill: parent
                    visible: code.modules > 0
                    onPaint: {
                        const ctx = getContext("2d")
                        ctx.reset()
                        const rows = sheet.desk ? sheet.desk.matrix : []
                        const n = rows.length
                        if (n === 0) return
                        const cell = Math.floor(Math.min(width, height) / n)
                        const offset = Math.floor((Math.min(width, height) - cell * n) / 2)
                        ctx.fillStyle = "black"
                        for (let y = 0; y < n; ++y)
                            for (let x = 0; x < n; ++x)
                                if (rows[y][x] === "1") ctx.fillRect(offset + x * cell, offset + y * cell, cell, cell)
                    }
                    Connections {
                        target: sheet.desk
                        function onChanged() { canvas.requestPaint() }
                    }
                    onWidthChanged: requestPaint()
                }
                Icon {
                    anchors.centerIn: parent
                    visible: code.modules === 0
                    name: "mdi6.qrcode"
                    color: Theme.outline
                    size: Theme.dp(96)
                }
            }

            ColumnLayout {
                spacing: Theme.spacingM
                Layout.fillWidth: true
                Layout.fillHeight: true
                Label { text: qsTr("Link your phone"); Layout.fillWidth: true }
                Label {
                    objectName: "pairingText"
                    text: !sheet.desk ? ""
                        : sheet.desk.stage === "loading" ? qsTr("Getting a code…")
                        : sheet.desk.stage === "error" ? sheet.desk.error
                        : qsTr("Scan with your phone to add a card. The code works once, for 10 minutes.")
                    color: sheet.desk && sheet.desk.stage === "error" ? Theme.danger : Theme.text
                    role: "secondary"
                    wrapMode: Text.WordWrap
                    maximumLineCount: 5
                    Layout.fillWidth: true
                }
                Item { Layout.fillHeight: true }
                TouchButton {
                    objectName: "pairingClose"
                    text: qsTr("Done")
                    Layout.fillWidth: true
                    onClicked: sheet.desk.close()
                }
            }
        }
    }
}
