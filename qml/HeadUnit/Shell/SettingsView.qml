import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Settings: display, units, language, apps and about, one section at a time.
Item {
    id: settings

    property int section: 0
    readonly property var sections: [
        { icon: "mdi6.brightness-6", label: qsTr("Display") },
        { icon: "mdi6.ruler", label: qsTr("Units") },
        { icon: "mdi6.translate", label: qsTr("Language") },
        { icon: "mdi6.apps", label: qsTr("Apps") },
        { icon: "mdi6.information-outline", label: qsTr("About") },
        { icon: "mdi6.account-circle-outline", label: qsTr("Account") },
    ]

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Section list: icons only on narrow screens.
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: settings.width >= Theme.dp(900) ? Theme.dp(260) : Theme.touchTarget + Theme.spacingM
            color: Theme.surface
            Column {
                anchors { fill: parent; margins: Theme.spacingS }
                spacing: Theme.spacingS
                Repeater {
                    model: settings.sections
                    delegate: TouchButton {
                        required property var modelData
                        required property int index
                        objectName: "section:" + index
                        width: parent.width
                        iconName: modelData.icon
                        text: settings.width >= Theme.dp(900) ? modelData.label : ""
                        Accessible.name: modelData.label
                        checked: settings.section === index
                        accent: checked
                        onClicked: settings.section = index
                    }
                }
            }
        }

        StackLayout {
            currentIndex: settings.section
            Layout.fillWidth: true
            Layout.fillHeight: true

            SettingsSection {
                ChoiceRow {
                    title: qsTr("Theme")
                    current: Settings.themeMode
                    choices: [{ value: "auto", label: qsTr("Automatic") }, { value: "day", label: qsTr("Day") },
                              { value: "night", label: qsTr("Night") }]
                    onChosen: (value) => Settings.themeMode = value
                }
                // Why the palette is what it is: "Automatic (now night: headlights on)".
                Label {
                    objectName: "themeReason"
                    readonly property var because: ({
                        "ambient light": DayNight.night ? qsTr("low ambient light") : qsTr("bright ambient light"),
                        "headlights": DayNight.night ? qsTr("headlights on") : qsTr("headlights off"),
                        "sun": DayNight.night ? qsTr("sun below the horizon") : qsTr("sun above the horizon"),
                        "": qsTr("no light sensor, headlights or position yet")
                    })
                    visible: DayNight.reason === "forced" || Settings.themeMode === "auto"
                    text: DayNight.reason === "forced"
                          ? (DayNight.night ? qsTr("Night for this run (--night)") : qsTr("Day for this run"))
                          : (DayNight.night ? qsTr("Automatic (now night: %1)") : qsTr("Automatic (now day: %1)"))
                            .arg(because[DayNight.reason] ?? "")
                    role: "secondary"
                    muted: true
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    Layout.fillWidth: true
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    // Remembered per palette (Settings.dayBrightness, Settings.nightBrightness).
                    Label {
                        text: DayNight.night ? qsTr("Brightness at night") : qsTr("Brightness by day")
                        role: "secondary"; muted: true; Layout.fillWidth: true
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        IconButton {
                            text: qsTr("Dimmer"); iconName: "mdi6.brightness-5"
                            onClicked: Settings.brightness = Math.max(0.1, Settings.brightness - 0.1)
                        }
                        Rectangle {
                            Layout.fillWidth: true
                            height: Theme.spacingS
                            radius: height / 2
                            color: Theme.surfaceRaised
                            Rectangle {
                                width: parent.width * Settings.brightness
                                height: parent.height
                                radius: parent.radius
                                color: Theme.accent
                            }
                        }
                        IconButton {
                            text: qsTr("Brighter"); iconName: "mdi6.brightness-7"
                            onClicked: Settings.brightness = Math.min(1.0, Settings.brightness + 0.1)
                        }
                    }
                }
            }

            SettingsSection {
                ChoiceRow {
                    title: qsTr("Distance")
                    current: Settings.distanceUnit
                    choices: [{ value: "km", label: qsTr("Kilometres") }, { value: "mi", label: qsTr("Miles") }]
                    onChosen: (value) => Settings.distanceUnit = value
                }
                ChoiceRow {
                    title: qsTr("Temperature")
                    current: Settings.temperatureUnit
                    choices: [{ value: "C", label: "°C" }, { value: "F", label: "°F" }]
                    onChosen: (value) => Settings.temperatureUnit = value
                }
                ChoiceRow {
                    title: qsTr("Clock")
                    current: Settings.clock24h
                    choices: [{ value: true, label: qsTr("24-hour") }, { value: false, label: qsTr("12-hour") }]
                    onChosen: (value) => Settings.clock24h = value
                }
            }

            SettingsSection {
                ChoiceRow {
                    title: qsTr("Language")
                    current: Settings.language
                    choices: Settings.languages.map(l => ({ value: l.code, label: l.name }))
                    onChosen: (value) => Settings.language = value
                }
            }

            AppsSettings {}

            AboutSettings {}

            // Account: link a phone (to add cards there) with a QR code the shell shows, parked only.
            SettingsSection {
                Label { text: qsTr("Phone"); Layout.fillWidth: true }
                Label {
                    text: qsTr("Link a phone to this car's account to add and manage payment cards")
                    role: "secondary"
                    muted: true
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    Layout.fillWidth: true
                }
                TouchButton {
                    objectName: "linkPhone"
                    text: qsTr("Link a phone")
                    iconName: "mdi6.qrcode"
                    accent: true
                    enabled: !Restrictions.noSetup
                    onClicked: Pairing.open()
                }
            }
        }
    }
}
