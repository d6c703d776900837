pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic as T
import QtQuick.Layouts
import HeadUnit

// The text field template. Parked: a field the shell's on-screen keyboard types into. Driving: no
// keyboard; it says typing waits until parked and offers the app's alternatives instead
// (categories, recents, favourites) as large buttons.
ColumnLayout {
    id: entry

    property alias text: field.text
    property string placeholderText
    property string iconName
    // [{label, value, icon}]: what the driver can pick instead of typing.
    property var alternatives: []

    signal accepted(string text)
    signal alternativeChosen(var value)

    readonly property bool typingAllowed: !Restrictions.noKeyboard

    spacing: Theme.spacingS

    T.TextField {
        id: field
        objectName: "textEntryField"
        visible: entry.typingAllowed
        enabled: entry.typingAllowed
        Layout.fillWidth: true
        implicitHeight: Theme.touchTarget
        leftPadding: entry.iconName !== "" ? Theme.touchTarget : Theme.spacingM
        rightPadding: Theme.spacingM
        color: Theme.text
        placeholderText: entry.placeholderText
        placeholderTextColor: Theme.textMuted
        font.pixelSize: Theme.fontSecondary
        verticalAlignment: TextInput.AlignVCenter
        inputMethodHints: Qt.ImhNoPredictiveText
        onAccepted: entry.accepted(text)
        background: Rectangle {
            radius: Theme.tileRadius
            color: Theme.surface
            border.width: field.activeFocus ? Theme.lineWidth * 2 : Theme.lineWidth
            border.color: field.activeFocus ? Theme.accent : Theme.outline
            Icon {
                visible: entry.iconName !== ""
                name: entry.iconName
                color: Theme.textMuted
                anchors { left: parent.left; leftMargin: Theme.spacingM; verticalCenter: parent.verticalCenter }
            }
        }
    }

    RowLayout {
        objectName: "typingWhenParked"
        visible: !entry.typingAllowed
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        spacing: Theme.spacingS
        Icon { name: "mdi6.keyboard-off-outline"; color: Theme.textMuted }
        Label {
            objectName: "typingWhenParkedText"
            text: qsTr("Typing is available when parked")
            role: "secondary"
            muted: true
            // Never cut: a narrow panel (the map's search at 800x480) wraps it onto a second line.
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }
    }

    Flow {
        visible: !entry.typingAllowed && entry.alternatives.length > 0
        spacing: Theme.spacingS
        Layout.fillWidth: true
        Repeater {
            model: entry.typingAllowed ? [] : entry.alternatives.slice(0, Restrictions.maxItemsPerScreen || entry.alternatives.length)
            delegate: TouchButton {
                required property var modelData
                text: modelData.label
                iconName: modelData.icon ?? ""
                onClicked: entry.alternativeChosen(modelData.value)
            }
        }
    }
}
