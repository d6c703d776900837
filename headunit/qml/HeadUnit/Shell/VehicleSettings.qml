import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// Settings › Vehicle: which car this is, for the parts that fit it and its service reminders. The VIN is typed
// (parked only; the field gives way to the reason while driving) and decoded on the car, then enriched by the
// backend when there is a link; or the car is picked make → model → generation → engine. Every change waits
// for the car to be parked (VehicleProfile.editable).
SettingsSection {
    id: page
    objectName: "vehicleSection"

    readonly property var report: VehicleProfile.vinReport
    readonly property bool miles: Settings.distanceUnit === "mi"
    readonly property string generation: VehicleProfile.generation

    readonly property var fuelNames: ({
        "petrol": qsTr("Petrol"), "diesel": qsTr("Diesel"), "electric": qsTr("Electric"),
        "hybrid": qsTr("Hybrid"), "plug-in hybrid": qsTr("Plug-in hybrid")
    })
    readonly property var bodyNames: ({
        "hatchback": qsTr("Hatchback"), "estate": qsTr("Estate"), "saloon": qsTr("Saloon"), "suv": qsTr("SUV"),
        "pickup": qsTr("Pickup")
    })
    readonly property var regionNames: ({
        "Africa": qsTr("Africa"), "Asia": qsTr("Asia"), "Europe": qsTr("Europe"),
        "North America": qsTr("North America"), "Oceania": qsTr("Oceania"), "South America": qsTr("South America")
    })

    // The on-screen keyboard covers the lower part of the screen: the field being typed in is scrolled to the top
    // of the page, with room below the last one, and the keyboard goes once its text is taken.
    property Item typingIn: null
    Connections {
        target: page.Window.window
        function onActiveFocusItemChanged() {
            const item = page.Window.activeFocusItem
            page.typingIn = [vinEntry, odometerEntry].find(entry => page.holds(entry, item)) ?? null
            if (page.typingIn)
                Qt.callLater(page.reveal)
        }
    }
    onContentHeightChanged: if (typingIn) reveal()
    function holds(parent, item) {
        for (let i = item; i; i = i.parent)
            if (i === parent) return true
        return false
    }
    function reveal() {
        if (!typingIn) return
        const y = typingIn.parent.parent.mapToItem(page.contentItem, 0, 0).y - Theme.spacingM  // with its title
        contentY = Math.max(0, Math.min(y, contentHeight - height))
    }
    function doneTyping() {
        Qt.inputMethod.hide() // qmllint disable missing-property
        page.forceActiveFocus()
    }

    function distance(km) {
        const value = miles ? km / 1.609344 : km
        return (miles ? qsTr("%1 mi") : qsTr("%1 km")).arg(Number(Math.floor(value)).toLocaleString(Qt.locale(), "f", 0))
    }
    // Why a VIN is refused, in the driver's language: from the problem's code, else the decoder's own words.
    function problemText(problem) {
        switch (problem.code) {
        case "length": return qsTr("A VIN has 17 letters and digits; this one has %1").arg(report.vin.length)
        case "character": return qsTr("Character %1 cannot be in a VIN (never I, O or Q)").arg(problem.position)
        case "check_digit": return qsTr("The check digit (character 9) does not match: a character is mistyped")
        case "model_year_code": return qsTr("Character 10 is not a model year code")
        }
        return problem.message
    }

    // The car as the profile has it.
    Rectangle {
        objectName: "vehicleSummary"
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.touchTarget, summaryRow.implicitHeight + 2 * Theme.spacingM)
        radius: Theme.tileRadius
        color: Theme.surfaceRaised
        RowLayout {
            id: summaryRow
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                      margins: Theme.spacingM }
            spacing: Theme.spacingM
            Icon {
                name: VehicleProfile.fuel === "electric" ? "mdi6.car-electric-outline" : "mdi6.car-outline"
                Layout.alignment: Qt.AlignTop
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Label {
                    objectName: "vehicleTitle"
                    text: VehicleProfile.configured ? (VehicleProfile.summary || VehicleProfile.make)
                                                    : qsTr("No vehicle chosen")
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "vehicleDetails"
                    visible: text !== ""
                    text: [page.generation,
                           page.fuelNames[VehicleProfile.fuel] ?? "",
                           page.bodyNames[VehicleProfile.body] ?? "",
                           VehicleProfile.tankLitres > 0 ? qsTr("%1 L tank").arg(Math.round(VehicleProfile.tankLitres)) : "",
                           VehicleProfile.batteryKwh > 0 ? qsTr("%1 kWh battery").arg(VehicleProfile.batteryKwh) : "",
                           VehicleProfile.tyreSize].filter(s => s !== "").join(" · ")
                    role: "secondary"
                    muted: true
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "vehicleVin"
                    visible: VehicleProfile.vin !== ""
                    text: qsTr("VIN %1").arg(VehicleProfile.vin)
                    role: "secondary"
                    muted: true
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "vehicleOdometer"
                    text: qsTr("Odometer %1").arg(page.distance(VehicleProfile.odometerKm))
                    role: "secondary"
                    muted: true
                    Layout.fillWidth: true
                }
            }
        }
    }

    // While driving nothing here changes: the one reason, once.
    RowLayout {
        objectName: "vehicleEditReason"
        visible: !VehicleProfile.editable
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Icon { name: "mdi6.car-brake-parking"; color: Theme.warning }
        Label {
            text: VehicleProfile.editReason
            role: "secondary"
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }
    }

    // The VIN: typed parked, decoded here at once.
    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Label { text: qsTr("Enter VIN"); role: "secondary"; muted: true; Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            TextEntry {
                id: vinEntry
                objectName: "vinEntry"
                iconName: "mdi6.barcode"
                placeholderText: qsTr("17 characters, as on the windscreen")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                onAccepted: (text) => { VehicleProfile.setVin(text); page.doneTyping() }
            }
            TouchButton {
                objectName: "vinDecode"
                visible: vinEntry.typingAllowed
                enabled: VehicleProfile.editable && vinEntry.text.trim() !== ""
                text: qsTr("Decode")
                accent: true
                Layout.alignment: Qt.AlignTop
                onClicked: { VehicleProfile.setVin(vinEntry.text); page.doneTyping() }
            }
        }
    }

    // What the VIN says, or why it is refused; then what the backend added.
    ColumnLayout {
        objectName: "vinResult"
        visible: page.report.vin !== undefined
        Layout.fillWidth: true
        spacing: Theme.spacingS
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Icon {
                name: page.report.valid ? "mdi6.check-circle-outline" : "mdi6.alert-circle-outline"
                color: page.report.valid ? Theme.success : Theme.danger
                Layout.alignment: Qt.AlignTop
            }
            Label {
                objectName: "vinVerdict"
                text: !page.report.valid
                      ? qsTr("%1 is refused: %2").arg(page.report.vin || "—")
                            .arg((page.report.errors ?? []).map(p => page.problemText(p)).join("; "))
                      : [page.report.manufacturer || qsTr("Unknown manufacturer"),
                         // The WMI table names countries in English only: other languages get the region alone.
                         [page.regionNames[page.report.region] ?? page.report.region,
                          Settings.language.startsWith("en") ? page.report.country : ""].filter(s => s).join(", "),
                         page.report.modelYear > 0 ? qsTr("model year %1").arg(page.report.modelYear)
                                                   : qsTr("model year not given")].join(" · ")
                role: "secondary"
                color: page.report.valid ? Theme.text : Theme.danger
                wrapMode: Text.WordWrap
                maximumLineCount: 4
                Layout.fillWidth: true
            }
        }
        Label {
            objectName: "vinLookup"
            readonly property var found: VehicleProfile.lookup
            visible: page.report.valid === true && text !== ""
            text: VehicleProfile.lookupState === "asking" ? qsTr("Asking the backend for more…")
                : VehicleProfile.lookupState === "found"
                  ? qsTr("From the backend: %1").arg([found.model, found.engine, page.fuelNames[found.fuel],
                                                       page.bodyNames[found.body]].filter(s => s).join(", "))
                : VehicleProfile.lookupState === "unknown" ? qsTr("The backend knows nothing more about this VIN")
                : VehicleProfile.lookupState === "unavailable" ? qsTr("The backend could not be asked; decoded on this car")
                : !Cloud.available ? qsTr("Decoded on this car (no backend link)") : ""
            role: "secondary"
            muted: true
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            Layout.fillWidth: true
        }
    }

    // Picking from the reference list: each choice narrows the next. Parked only.
    ColumnLayout {
        objectName: "vehiclePicker"
        visible: VehicleProfile.editable
        Layout.fillWidth: true
        spacing: Theme.spacingL

        ChoiceRow {
            objectName: "makeChoices"
            namePrefix: "make"
            title: qsTr("Make")
            current: VehicleProfile.make
            choices: VehicleProfile.makes().map(m => ({ value: m, label: m }))
            onChosen: (value) => VehicleProfile.pick(value, "", "", "")
        }
        ChoiceRow {
            objectName: "modelChoices"
            namePrefix: "model"
            visible: VehicleProfile.make !== ""
            title: qsTr("Model")
            current: VehicleProfile.model
            choices: VehicleProfile.models(VehicleProfile.make).map(m => ({ value: m, label: m }))
            onChosen: (value) => VehicleProfile.pick(VehicleProfile.make, value, "", "")
        }
        ChoiceRow {
            objectName: "generationChoices"
            namePrefix: "generation"
            visible: VehicleProfile.model !== ""
            title: qsTr("Generation")
            current: page.generation
            choices: VehicleProfile.generations(VehicleProfile.make, VehicleProfile.model)
                     .map(g => ({ value: g.name, label: g.name !== "" ? g.name + " · " + g.years : g.years }))
            onChosen: (value) => VehicleProfile.pick(VehicleProfile.make, VehicleProfile.model, value, VehicleProfile.engine)
        }
        ChoiceRow {
            objectName: "yearChoices"
            namePrefix: "year"
            visible: choices.length > 0
            title: qsTr("Model year")
            current: VehicleProfile.year
            choices: VehicleProfile.years(VehicleProfile.make, VehicleProfile.model, page.generation)
                     .map(y => ({ value: y, label: String(y) }))
            onChosen: (value) => VehicleProfile.setYear(value)
        }
        ChoiceRow {
            objectName: "engineChoices"
            namePrefix: "engine"
            visible: choices.length > 0
            title: qsTr("Engine")
            current: VehicleProfile.engine
            choices: VehicleProfile.variants(VehicleProfile.make, VehicleProfile.model, page.generation)
                     .map(v => ({ value: v.engine, label: v.engine + " · " + (page.fuelNames[v.fuel] ?? v.fuel) }))
            onChosen: (value) => VehicleProfile.pick(VehicleProfile.make, VehicleProfile.model, page.generation, value)
        }
        ChoiceRow {
            objectName: "bodyChoices"
            namePrefix: "body"
            title: qsTr("Body")
            current: VehicleProfile.body
            choices: VehicleProfile.bodies(VehicleProfile.make, VehicleProfile.model, page.generation)
                     .map(b => ({ value: b, label: page.bodyNames[b] ?? b }))
            onChosen: (value) => VehicleProfile.setBody(value)
        }
        ChoiceRow {
            objectName: "tyreChoices"
            namePrefix: "tyre"
            visible: choices.length > 0
            title: qsTr("Tyre size")
            current: VehicleProfile.tyreSize
            choices: VehicleProfile.tyreSizes(VehicleProfile.make, VehicleProfile.model, page.generation)
                     .map(s => ({ value: s, label: s }))
            onChosen: (value) => VehicleProfile.setTyreSize(value)
        }

        // The odometer as the car's own reads, in the driver's unit; from then on it counts the distance driven.
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Label {
                text: page.miles ? qsTr("Odometer (mi)") : qsTr("Odometer (km)")
                role: "secondary"; muted: true; Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                TextEntry {
                    id: odometerEntry
                    objectName: "odometerEntry"
                    iconName: "mdi6.counter"
                    placeholderText: qsTr("As the car's odometer reads")
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    onAccepted: (text) => odometerSet.set()
                }
                TouchButton {
                    id: odometerSet
                    objectName: "odometerSet"
                    readonly property real entered: Number(odometerEntry.text.replace(/[\s,.']/g, ""))
                    visible: odometerEntry.typingAllowed
                    enabled: odometerEntry.text.trim() !== "" && !isNaN(entered)
                    text: qsTr("Set")
                    accent: true
                    Layout.alignment: Qt.AlignTop
                    function set() {
                        if (enabled && VehicleProfile.setOdometer(page.miles ? entered * 1.609344 : entered)) {
                            odometerEntry.text = ""
                            page.doneTyping()
                        }
                    }
                    onClicked: set()
                }
            }
        }

        TouchButton {
            objectName: "vehicleClear"
            visible: VehicleProfile.configured || VehicleProfile.vin !== ""
            text: qsTr("Forget this vehicle")
            iconName: "mdi6.delete-outline"
            danger: true
            Layout.fillWidth: true
            onClicked: VehicleProfile.clear()
        }
    }

    // Room for the keyboard below the last field while one of them is typed in.
    Item { Layout.preferredHeight: page.typingIn ? page.height : 0 }
}
