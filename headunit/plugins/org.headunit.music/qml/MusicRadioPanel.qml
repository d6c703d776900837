import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls
import HeadUnit.Plugins.Music

// Radio: internet stations from the directory (the last list and its age when offline), or FM from the
// car's tuner — or, without one, why there is none.
ColumnLayout {
    id: panel

    required property Radio radio
    property string band: "internet"   // or "fm"

    spacing: Theme.spacingS

    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        TouchButton {
            objectName: "band:internet"
            text: qsTr("Internet")
            iconName: "mdi6.web"
            accent: panel.band === "internet"
            onClicked: panel.band = "internet"
        }
        TouchButton {
            objectName: "band:fm"
            //: The FM radio band
            text: qsTr("FM")
            iconName: "mdi6.radio-fm"
            accent: panel.band === "fm"
            onClicked: {
                panel.band = "fm"
                panel.radio.lookForTuner()  // a stick plugged in since the last look is found now
            }
        }
        Item { Layout.fillWidth: true }
        IconButton {
            objectName: "refreshStations"
            visible: panel.band === "internet"
            text: qsTr("Refresh the stations")
            iconName: "mdi6.refresh"
            onClicked: panel.radio.refresh()
        }
    }

    // Offline, the list is the last one the car saw: read it again when the network comes and goes.
    Connections {
        target: Connectivity
        function onOnlineChanged() {
            if (panel.visible)
                panel.radio.refresh()
        }
    }

    // Internet radio.
    Label {
        objectName: "stationsAge"
        visible: panel.band === "internet" && text !== "" && (panel.radio.stale || !Connectivity.online)
        text: panel.radio.ageText
        role: "secondary"
        color: Theme.warning
        wrapMode: Text.Wrap
        maximumLineCount: 2
        Layout.fillWidth: true
    }
    Label {
        objectName: "stationsMessage"
        visible: panel.band === "internet" && text !== ""
        text: panel.radio.busy && panel.radio.stations.count === 0 ? qsTr("Loading…") : panel.radio.message
        role: "secondary"
        muted: true
        wrapMode: Text.Wrap
        maximumLineCount: 3
        Layout.fillWidth: true
    }
    ItemList {
        objectName: "stationList"
        visible: panel.band === "internet"
        model: panel.radio.stations
        Layout.fillWidth: true
        Layout.fillHeight: true
        onActivated: (index) => panel.radio.playStation(index)
    }

    // FM.
    ColumnLayout {
        objectName: "fmPanel"
        visible: panel.band === "fm"
        spacing: Theme.spacingM
        Layout.fillWidth: true
        Layout.fillHeight: true

        Item { Layout.fillHeight: true }
        RowLayout {
            visible: panel.radio.fmAvailable
            spacing: Theme.spacingM
            Layout.alignment: Qt.AlignHCenter
            IconButton {
                objectName: "tuneDown"
                text: qsTr("Lower frequency")
                iconName: "mdi6.chevron-left"
                onClicked: panel.radio.tuneDown()
            }
            Readout {
                objectName: "fmFrequency"
                value: panel.radio.frequencyText
                unit: qsTr("MHz")
            }
            IconButton {
                objectName: "tuneUp"
                text: qsTr("Higher frequency")
                iconName: "mdi6.chevron-right"
                onClicked: panel.radio.tuneUp()
            }
        }
        TouchButton {
            objectName: "fmPlay"
            visible: panel.radio.fmAvailable
            text: panel.radio.fmPlaying ? qsTr("Stop") : qsTr("Listen")
            iconName: panel.radio.fmPlaying ? "mdi6.stop" : "mdi6.play"
            accent: !panel.radio.fmPlaying
            onClicked: panel.radio.playFm()
            Layout.alignment: Qt.AlignHCenter
        }
        Icon {
            visible: !panel.radio.fmAvailable
            name: "mdi6.radio-off"
            size: Theme.touchTarget
            color: Theme.textMuted
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "noTuner"
            visible: !panel.radio.fmAvailable
            text: panel.radio.fmReason
            role: "secondary"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            maximumLineCount: 3
            Layout.fillWidth: true
        }
        Item { Layout.fillHeight: true }
    }
}
