import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import HeadUnit

// The simulated car. A developer tool, drawn with the desktop's controls and pixel sizes rather than
// the shell's theme, so it never looks like part of the head unit. Shortcuts are in the tooltips.
Pane {
    id: panel

    padding: 12

    property date now: new Date()
    Timer { interval: 1000; running: true; repeat: true; onTriggered: panel.now = new Date() }

    Shortcut { sequence: "P"; onActivated: Simulator.applyDrive("parked") }
    Shortcut { sequence: "D"; onActivated: Simulator.applyDrive("moving") }
    Shortcut { sequence: "I"; onActivated: Simulator.applyDrive("idling") }
    Shortcut { sequence: "B"; onActivated: Simulator.setParkingBrake(!Vehicle.parkingBrake) }
    Shortcut { sequence: "L"; onActivated: Simulator.setHeadlights(!Vehicle.headlights) }
    Shortcut { sequence: "N"; onActivated: Simulator.setNetwork(!Connectivity.online) }
    Shortcut { sequence: "S"; onActivated: Simulator.setSignalLost(!Simulator.signalLost) }
    Shortcut { sequence: "Up"; onActivated: Simulator.setSpeed(Vehicle.speed + 10) }
    Shortcut { sequence: "Down"; onActivated: Simulator.setSpeed(Vehicle.speed - 10) }
    Shortcut { sequence: "T"; onActivated: Simulator.trackName === "" ? Simulator.playTrack("") : Simulator.stopTrack() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label { text: qsTr("Simulated car"); font.bold: true; font.pixelSize: 18 }
        Label {
            text: qsTr("Driving state: %1%2").arg(Driving.state).arg(Driving.stale ? qsTr(" (signal lost)") : "")
        }

        Label { text: qsTr("Drive  [P] parked  [I] idling  [D] moving") ; opacity: 0.7 }
        RowLayout {
            Repeater {
                model: ["P", "R", "N", "D"]
                delegate: Button {
                    required property string modelData
                    text: modelData
                    checkable: true
                    checked: Vehicle.gear === modelData
                    onClicked: Simulator.setGear(modelData)
                    Layout.preferredWidth: 56
                }
            }
        }

        Label { text: qsTr("Speed: %1 km/h  [↑/↓]").arg(Math.round(Vehicle.speed)) }
        Slider {
            from: 0; to: 180; stepSize: 1
            value: Vehicle.speed
            onMoved: Simulator.setSpeed(value)
            Layout.fillWidth: true
        }

        Switch { text: qsTr("Parking brake  [B]"); checked: Vehicle.parkingBrake; onToggled: Simulator.setParkingBrake(checked) }
        Switch { text: qsTr("Headlights  [L]"); checked: Vehicle.headlights; onToggled: Simulator.setHeadlights(checked) }
        Switch { text: qsTr("Network  [N]"); checked: Connectivity.online; onToggled: Simulator.setNetwork(checked) }
        Switch { text: qsTr("Vehicle signal lost  [S]"); checked: Simulator.signalLost; onToggled: Simulator.setSignalLost(checked) }

        Switch {
            text: qsTr("Ambient light sensor")
            checked: Simulator.ambientSensor
            onToggled: Simulator.setAmbientSensor(checked)
        }
        Label {
            text: qsTr("Ambient light: %1 lx").arg(Math.round(Vehicle.ambientLight))
            enabled: Simulator.ambientSensor
        }
        Slider {
            from: 0; to: 4; value: Math.log10(Math.max(1, Vehicle.ambientLight))  // 1 lx to 10,000 lx
            enabled: Simulator.ambientSensor
            onMoved: Simulator.setAmbientLight(Math.pow(10, value))
            Layout.fillWidth: true
        }
        // The sun: shift the simulated time of day (turn the light sensor off, or the sensor decides).
        Label {
            readonly property string time: new Date(panel.now.getTime() + Simulator.clockOffset * 3600000)
                                           .toISOString().substring(11, 16)
            text: qsTr("Time %1 UTC (%2 h)  sun %3°").arg(time)
                  .arg((Simulator.clockOffset >= 0 ? "+" : "") + Simulator.clockOffset.toFixed(1))
                  .arg(isNaN(DayNight.sunElevation) ? "–" : DayNight.sunElevation.toFixed(1))
        }
        Slider {
            from: -12; to: 12; stepSize: 0.5
            value: Simulator.clockOffset
            onMoved: Simulator.setClockOffset(value)
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Theme: %1 (%2)%3").arg(DayNight.night ? qsTr("night") : qsTr("day"))
                  .arg(DayNight.reason === "" ? qsTr("no evidence") : DayNight.reason)
                  .arg(DayNight.switchIn > 0 ? qsTr(", switching in %1 s").arg(DayNight.switchIn) : "")
            opacity: 0.7
        }

        Label { text: qsTr("Position") ; font.bold: true }
        Label {
            text: qsTr("%1, %2  heading %3°").arg(Vehicle.latitude.toFixed(5)).arg(Vehicle.longitude.toFixed(5))
                  .arg(Math.round(Vehicle.heading))
        }
        RowLayout {
            TextField { id: lat; placeholderText: qsTr("latitude"); Layout.fillWidth: true }
            TextField { id: lon; placeholderText: qsTr("longitude"); Layout.fillWidth: true }
            Button {
                text: qsTr("Set")
                enabled: !isNaN(parseFloat(lat.text)) && !isNaN(parseFloat(lon.text))
                onClicked: Simulator.setPosition(parseFloat(lat.text), parseFloat(lon.text))
            }
        }
        Button {
            text: Simulator.trackName === "" ? qsTr("Play the demo track  [T]") : qsTr("Stop “%1”  [T]").arg(Simulator.trackName)
            onClicked: Simulator.trackName === "" ? Simulator.playTrack("") : Simulator.stopTrack()
            Layout.fillWidth: true
        }
        // The steering wheel's media buttons: they reach the app playing music, as a keyboard's media keys do.
        Label { text: qsTr("Steering wheel"); font.bold: true }
        RowLayout {
            Button { text: qsTr("⏮ Previous"); onClicked: AudioFocus.pressMediaKey("previous"); Layout.fillWidth: true }
            Button { text: qsTr("⏯ Play/Pause"); onClicked: AudioFocus.pressMediaKey("play-pause"); Layout.fillWidth: true }
            Button { text: qsTr("⏭ Next"); onClicked: AudioFocus.pressMediaKey("next"); Layout.fillWidth: true }
        }
        // The route the navigation app is guiding: drive it, or miss a turn to see guidance reroute.
        RowLayout {
            Button {
                text: qsTr("Drive the route")
                enabled: Navigation.active
                onClicked: Simulator.driveRoute(Navigation.routeShape)
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Leave the route")
                enabled: Simulator.routeDriving
                onClicked: Simulator.leaveRoute()
                Layout.fillWidth: true
            }
        }

        // The sandbox fuel station's pump: dispenses into the last fuel hold the driver confirmed; the backend
        // captures litres × price and releases the rest of the hold.
        Label { text: qsTr("Fuel pump"); font.bold: true }
        Label {
            text: FuelPump.session === "" ? qsTr("No fuel hold waiting") : FuelPump.label
            opacity: 0.7
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        RowLayout {
            SpinBox {
                id: litres
                from: 1; to: 120; value: 32
                editable: true
                enabled: FuelPump.session !== ""
            }
            Button {
                text: qsTr("Dispense %1 L").arg(litres.value)
                enabled: FuelPump.session !== ""
                onClicked: FuelPump.dispense(litres.value)
                Layout.fillWidth: true
            }
        }

        Item { Layout.fillHeight: true }
    }
}
