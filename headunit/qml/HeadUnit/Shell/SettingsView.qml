pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Settings: display, units, language, apps, about, account and vehicle, one section at a time.
Item {
    id: settings

    property int section: 0
    // `page` is the name the open-settings intent takes (Apps.openSettings; headunit/host/apps.py SETTINGS_PAGES).
    readonly property var sections: [
        { page: "display", icon: "mdi6.brightness-6", label: qsTr("Display") },
        { page: "units", icon: "mdi6.ruler", label: qsTr("Units") },
        { page: "language", icon: "mdi6.translate", label: qsTr("Language") },
        { page: "apps", icon: "mdi6.apps", label: qsTr("Apps") },
        { page: "about", icon: "mdi6.information-outline", label: qsTr("About") },
        { page: "account", icon: "mdi6.account-circle-outline", label: qsTr("Account") },
        { page: "vehicle", icon: "mdi6.car-info", label: qsTr("Vehicle") },
    ]

    function openPage(name) {
        // Diagnostics is a page of About (Settings › About › Diagnostics).
        section = Math.max(0, sections.findIndex(s => s.page === (name === "diagnostics" ? "about" : name)))
        aboutPage.diagnostics = name === "diagnostics"
    }
    Component.onCompleted: if (Apps.settingsPage !== "") openPage(Apps.settingsPage)
    Connections {
        target: Apps
        function onSettingsPageRequested(page) { settings.openPage(page) }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Section list: icons only on narrow screens; it scrolls where the screen is too short for every section.
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: settings.width >= Theme.dp(900) ? Theme.dp(260) : Theme.touchTarget + Theme.spacingM
            color: Theme.surface
            Flickable {
                id: sectionList
                objectName: "sectionList"
                anchors { fill: parent; margins: Theme.spacingS }
                contentHeight: sectionColumn.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                // The chosen section in view (opened at a page by the open-settings intent).
                function reveal() {
                    const button = sectionRepeater.itemAt(settings.section)
                    if (!button) return
                    if (button.y < contentY) contentY = button.y
                    else if (button.y + button.height > contentY + height)
                        contentY = Math.min(contentHeight - height, button.y + button.height - height)
                }
                Connections {
                    target: settings
                    function onSectionChanged() { Qt.callLater(sectionList.reveal) }
                }
                onHeightChanged: Qt.callLater(reveal)
                onContentHeightChanged: Qt.callLater(reveal)
                Column {
                    id: sectionColumn
                    width: sectionList.width
                    spacing: Theme.spacingS
                    Repeater {
                        id: sectionRepeater
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
        }

        StackLayout {
            currentIndex: settings.section
            Layout.fillWidth: true
            Layout.fillHeight: true

            SettingsSection {
                ChoiceRow {
                    title: qsTr("Theme")
                    namePrefix: "theme"
                    // What is in force, a palette fixed at start-up included; choosing ends that.
                    current: DayNight.mode
                    choices: [{ value: "auto", label: qsTr("Automatic") }, { value: "day", label: qsTr("Day") },
                              { value: "night", label: qsTr("Night") }]
                    onChosen: (value) => DayNight.choose(value)
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
                          ? (DayNight.night ? qsTr("Night until the next start") : qsTr("Day until the next start"))
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
                        // The level: a track, its filled part and a handle the driver can drag or tap along.
                        Item {
                            id: brightnessSlider
                            objectName: "brightnessSlider"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            readonly property real handleSize: Theme.dp(32)
                            readonly property real span: width - handleSize
                            function setFrom(x) {
                                const level = 0.1 + 0.9 * Math.max(0, Math.min(1, (x - handleSize / 2) / span))
                                Settings.brightness = Math.round(level * 20) / 20
                            }
                            Accessible.role: Accessible.Slider
                            Accessible.name: qsTr("Brightness")
                            Rectangle {
                                x: brightnessSlider.handleSize / 2
                                width: brightnessSlider.span
                                anchors.verticalCenter: parent.verticalCenter
                                height: Theme.spacingS
                                radius: height / 2
                                color: Theme.surfaceRaised
                                border.width: 1
                                border.color: Theme.outline
                                Rectangle {
                                    width: brightnessHandle.x + brightnessHandle.width / 2 - parent.x
                                    height: parent.height
                                    radius: parent.radius
                                    color: Theme.accent
                                }
                            }
                            Rectangle {
                                id: brightnessHandle
                                objectName: "brightnessHandle"
                                width: brightnessSlider.handleSize
                                height: width
                                radius: width / 2
                                anchors.verticalCenter: parent.verticalCenter
                                x: brightnessSlider.span * (Settings.brightness - 0.1) / 0.9
                                color: Theme.accent
                                border.width: Theme.lineWidth
                                border.color: Theme.onAccent
                            }
                            MouseArea {
                                anchors.fill: parent
                                onPressed: (mouse) => brightnessSlider.setFrom(mouse.x)
                                onPositionChanged: (mouse) => { if (pressed) brightnessSlider.setFrom(mouse.x) }
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

            AboutSettings { id: aboutPage }

            // Account: where the car's data lives, honestly, and the one next step (a phone, parked only: the QR
            // sheet refuses while moving, nothing is typed here).
            SettingsSection {
                id: account
                objectName: "accountSection"
                // "opening", "error", "local", "pending", "revoked", "connecting" or "linked".
                readonly property string linkState: !Cloud.localProfile ? (Cloud.error !== "" ? "error" : "opening")
                    : !Cloud.available ? "local"
                    : Cloud.revoked ? "revoked"  // final until linked again, whatever approval it waited for
                    : Cloud.approvalPending ? "pending"
                    : Cloud.linked ? "linked" : "connecting"
                readonly property var look: ({
                    opening: { icon: "mdi6.cloud-sync-outline", color: Theme.textMuted,
                               title: qsTr("Opening this car's data…"), hint: "" },
                    error: { icon: "mdi6.alert-circle-outline", color: Theme.danger,
                             title: qsTr("This car's data could not be opened"),
                             // The technical reason (a file, an error) is for support: About › Diagnostics.
                             hint: qsTr("Details for support are under About › Diagnostics.") },
                    local: { icon: "mdi6.car-outline", color: Theme.text,
                             title: qsTr("On this car only (no account)"),
                             hint: qsTr("Favourites, destinations, playlists and settings are kept on this car. "
                                        + "Link a phone to keep them on your account too.") },
                    pending: { icon: "mdi6.account-clock-outline", color: Theme.warning,
                               title: qsTr("Waiting for approval on your phone"),
                               hint: qsTr("Open the companion page on a device already on your account and "
                                          + "approve this car there. Its data stays here meanwhile.") },
                    revoked: { icon: "mdi6.account-remove-outline", color: Theme.danger,
                               title: qsTr("Removed from the account: %1").arg(Cloud.linkReason),
                               hint: qsTr("Its data and unsent changes stay on this car. Link a phone to "
                                          + "add it to an account again.") },
                    connecting: { icon: "mdi6.cloud-sync-outline", color: Theme.textMuted,
                                  title: qsTr("Reaching your account…"),
                                  hint: Cloud.linkReason !== "" ? Cloud.linkReason
                                      : qsTr("Changes are kept on this car until the account answers.") },
                    linked: { icon: "mdi6.cloud-check-outline", color: Theme.success,
                              title: qsTr("Linked to your account"),
                              hint: Cloud.host !== "" ? qsTr("Kept on %1 and on this car").arg(Cloud.host) : "" }
                })
                readonly property var shown: look[linkState]

                Label { text: qsTr("Where this car's data is"); role: "secondary"; muted: true; Layout.fillWidth: true }
                Rectangle {
                    objectName: "accountState"
                    Layout.fillWidth: true
                    implicitHeight: Math.max(Theme.touchTarget, stateRow.implicitHeight + 2 * Theme.spacingM)
                    radius: Theme.tileRadius
                    color: Theme.surfaceRaised
                    border.width: Theme.lineWidth
                    border.color: account.shown.color === Theme.text || account.shown.color === Theme.textMuted
                                  ? Theme.surfaceRaised : account.shown.color
                    RowLayout {
                        id: stateRow
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                  margins: Theme.spacingM }
                        spacing: Theme.spacingM
                        Icon {
                            name: account.shown.icon
                            color: account.shown.color
                            Layout.alignment: Qt.AlignTop
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            Label {
                                objectName: "accountTitle"
                                text: account.shown.title
                                wrapMode: Text.WordWrap
                                maximumLineCount: 3
                                Layout.fillWidth: true
                            }
                            Label {
                                objectName: "accountHint"
                                visible: text !== ""
                                text: account.shown.hint
                                role: "secondary"
                                muted: true
                                wrapMode: Text.WordWrap
                                maximumLineCount: 4
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: Cloud.localProfile && Cloud.pending > 0 && account.linkState !== "linked"
                                //: Writes made on the car that the account has not received yet.
                                text: qsTr("Changes waiting to be sent: %1").arg(Cloud.pending)
                                role: "secondary"
                                muted: true
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
                Label {
                    visible: account.linkState === "linked"
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
                    Layout.fillWidth: true
                    onClicked: Pairing.open()
                }
            }

            VehicleSettings {}
        }
    }
}
