import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import HeadUnit

// The shell's keyboard style: keys drawn from the palette (day and night alike), the shell's type and
// icons, the action key in the accent colour. Flatter than Qt's own, so that more of the screen stays
// in sight above it.
// Qt's keyboard creates these panels and delegates itself and hands them their key, the keyboard and the model's
// data as context, which qmllint cannot follow.
// qmllint disable unqualified
KeyboardStyle {
    id: keyStyle

    readonly property real keyMargin: Math.round(6 * scaleHint)
    readonly property real keyRadius: Math.round(Theme.tileRadius / 2)
    readonly property real textSize: Math.round(64 * scaleHint)
    readonly property real iconSize: Math.round(72 * scaleHint)
    readonly property color keyColor: Theme.surfaceRaised
    readonly property color functionKeyColor: Qt.darker(Theme.surfaceRaised, Theme.night ? 0.8 : 1.08)

    keyboardDesignWidth: 2560
    keyboardDesignHeight: 660
    // On a wide screen no taller than this: the keys keep their shape, centred, and the page keeps its room.
    keyboardDesignMaximumHeight: Theme.dp(280)
    keyboardRelativeLeftMargin: 8 / keyboardDesignWidth
    keyboardRelativeRightMargin: 8 / keyboardDesignWidth
    keyboardRelativeTopMargin: 8 / keyboardDesignHeight
    keyboardRelativeBottomMargin: 8 / keyboardDesignHeight

    keyboardBackground: Rectangle {
        color: Theme.surface
        Rectangle {
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: Theme.lineWidth
            color: Qt.alpha(Theme.outline, 0.35)
        }
    }

    // A key with a glyph from the shell's icon font.
    component GlyphKey: KeyPanel {
        id: panel
        property string glyph
        property color fill: keyStyle.functionKeyColor
        property color ink: Theme.text
        Rectangle {
            anchors { fill: parent; margins: keyStyle.keyMargin }
            radius: keyStyle.keyRadius
            color: panel.fill
            opacity: panel.control && panel.control.pressed ? 0.7 : 1
            Text {
                anchors.centerIn: parent
                text: Icons.glyph(panel.glyph)
                font.family: Icons.fontFamily
                font.pixelSize: keyStyle.iconSize
                color: panel.ink
                opacity: panel.control && panel.control.enabled ? 1 : 0.3
            }
        }
    }

    // A key with a word on it: "&123", "ABC", the language, the action.
    component WordKey: KeyPanel {
        id: panel
        property string word: control ? control.displayText : ""
        property color fill: keyStyle.functionKeyColor
        property color ink: Theme.text
        Rectangle {
            anchors { fill: parent; margins: keyStyle.keyMargin }
            radius: keyStyle.keyRadius
            color: panel.fill
            opacity: panel.control && panel.control.pressed ? 0.7 : 1
            Text {
                anchors { fill: parent; margins: keyStyle.keyMargin }
                text: panel.word
                color: panel.ink
                font.pixelSize: Math.round(48 * keyStyle.scaleHint)
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Math.round(28 * keyStyle.scaleHint)
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                opacity: panel.control && panel.control.enabled ? 1 : 0.3
            }
        }
    }

    keyPanel: KeyPanel {
        id: keyPanel
        Rectangle {
            anchors { fill: parent; margins: keyStyle.keyMargin }
            radius: keyStyle.keyRadius
            // Highlighted keys (the punctuation beside the space bar) are drawn as function keys.
            color: keyPanel.control && keyPanel.control.highlighted ? keyStyle.functionKeyColor : keyStyle.keyColor
            opacity: keyPanel.control && keyPanel.control.pressed ? 0.7 : 1
            Text {
                visible: keyPanel.control && keyPanel.control.smallTextVisible
                anchors { right: parent.right; top: parent.top; margins: keyStyle.keyMargin }
                text: keyPanel.control ? keyPanel.control.smallText : ""
                color: Theme.textMuted
                font.pixelSize: Math.round(36 * keyStyle.scaleHint)
            }
            Text {
                anchors.fill: parent
                text: keyPanel.control ? keyPanel.control.displayText : ""
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                font.pixelSize: keyStyle.textSize
                font.capitalization: keyPanel.control && keyPanel.control.uppercased ? Font.AllUppercase : Font.MixedCase
                opacity: keyPanel.control && keyPanel.control.enabled ? 1 : 0.3
            }
        }
    }

    backspaceKeyPanel: GlyphKey { glyph: "mdi6.backspace-outline" }
    languageKeyPanel: GlyphKey { glyph: "mdi6.earth" }
    hideKeyPanel: GlyphKey { glyph: "mdi6.keyboard-close-outline" }
    handwritingKeyPanel: GlyphKey { glyph: "mdi6.draw" }
    shiftKeyPanel: GlyphKey {
        glyph: InputContext.capsLockActive ? "mdi6.apple-keyboard-caps" : "mdi6.apple-keyboard-shift"
        fill: InputContext.capsLockActive || InputContext.shiftActive ? Theme.accent : keyStyle.functionKeyColor
        ink: InputContext.capsLockActive || InputContext.shiftActive ? Theme.onAccent : Theme.text
    }
    enterKeyPanel: GlyphKey {
        // `control` is the Enter key here; KeyPanel types it as any key.
        readonly property int action: control ? control.actionId : EnterKeyAction.None // qmllint disable missing-property
        glyph: action === EnterKeyAction.Search ? "mdi6.magnify"
             : action === EnterKeyAction.Go || action === EnterKeyAction.Next ? "mdi6.arrow-right"
             : action === EnterKeyAction.Done || action === EnterKeyAction.Send ? "mdi6.check"
             : "mdi6.keyboard-return"
        fill: Theme.accent
        ink: Theme.onAccent
    }
    spaceKeyPanel: KeyPanel {
        id: spacePanel
        Rectangle {
            anchors { fill: parent; margins: keyStyle.keyMargin }
            radius: keyStyle.keyRadius
            color: keyStyle.keyColor
            opacity: spacePanel.control && spacePanel.control.pressed ? 0.7 : 1
            Text {
                anchors.centerIn: parent
                // The layout in use, so the globe key's effect shows.
                text: Qt.locale(InputContext.locale).nativeLanguageName
                color: Theme.textMuted
                font.pixelSize: Math.round(40 * keyStyle.scaleHint)
            }
        }
    }
    symbolKeyPanel: WordKey {}
    modeKeyPanel: WordKey {
        ink: control && control.mode ? Theme.accent : Theme.text // qmllint disable missing-property
    }

    characterPreviewMargin: 0
    characterPreviewDelegate: Item {
        id: preview
        property string text
        Rectangle {
            anchors.fill: parent
            radius: keyStyle.keyRadius
            color: Theme.accent
            Text {
                anchors.centerIn: parent
                text: preview.text
                color: Theme.onAccent
                font.pixelSize: Math.round(82 * keyStyle.scaleHint)
            }
        }
    }

    alternateKeysListItemWidth: 120 * scaleHint
    alternateKeysListItemHeight: 170 * scaleHint
    alternateKeysListDelegate: Item {
        id: alternateItem
        required property var model
        width: keyStyle.alternateKeysListItemWidth
        height: keyStyle.alternateKeysListItemHeight
        Text {
            anchors.centerIn: parent
            text: alternateItem.model.text
            color: alternateItem.ListView.isCurrentItem ? Theme.onAccent : Theme.text
            font.pixelSize: keyStyle.textSize
        }
    }
    alternateKeysListHighlight: Rectangle { color: Theme.accent; radius: keyStyle.keyRadius }
    alternateKeysListBackground: Rectangle {
        color: Theme.surfaceRaised
        radius: keyStyle.keyRadius
        border.width: Theme.lineWidth
        border.color: Qt.alpha(Theme.outline, 0.5)
    }

    // Word candidates (pinyin, and prediction where a language has it).
    selectionListHeight: 85 * scaleHint
    selectionListDelegate: SelectionListItem {
        id: candidate
        width: Math.round(candidateText.implicitWidth + 2 * Math.round(60 * keyStyle.scaleHint))
        Text {
            id: candidateText
            anchors.centerIn: parent
            text: display
            color: candidate.ListView.isCurrentItem ? Theme.accent : Theme.text
            font.pixelSize: Math.round(48 * keyStyle.scaleHint)
        }
    }
    selectionListBackground: Rectangle { color: Theme.surface }
    selectionListAdd: Transition {}
    selectionListRemove: Transition {}

    navigationHighlight: Rectangle {
        color: "transparent"
        border.color: Theme.accent
        border.width: Theme.lineWidth
    }

    popupListDelegate: SelectionListItem {
        id: popupItem
        property real cursorAnchor: popupText.x + popupText.width
        width: popupText.implicitWidth + popupText.implicitHeight
        height: popupText.implicitHeight * 1.6
        Text {
            id: popupText
            anchors.centerIn: parent
            text: display
            color: popupItem.ListView.isCurrentItem ? Theme.accent : Theme.text
            font.pixelSize: Math.round(44 * keyStyle.scaleHint)
        }
    }
    popupListBackground: Rectangle {
        color: Theme.surfaceRaised
        border.width: Theme.lineWidth
        border.color: Qt.alpha(Theme.outline, 0.5)
    }
    popupListAdd: Transition {}
    popupListRemove: Transition {}

    languagePopupListEnabled: true
    languageListDelegate: SelectionListItem {
        id: languageItem
        width: Math.round(600 * keyStyle.scaleHint)
        height: Math.round(100 * keyStyle.scaleHint)
        Text {
            anchors { left: parent.left; leftMargin: Math.round(30 * keyStyle.scaleHint); verticalCenter: parent.verticalCenter }
            text: displayName
            color: languageItem.ListView.isCurrentItem ? Theme.onAccent : Theme.text
            font.pixelSize: Math.round(44 * keyStyle.scaleHint)
        }
    }
    languageListHighlight: Rectangle { color: Theme.accent; radius: keyStyle.keyRadius }
    languageListBackground: Rectangle {
        color: Theme.surfaceRaised
        radius: keyStyle.keyRadius
        border.width: Theme.lineWidth
        border.color: Qt.alpha(Theme.outline, 0.5)
    }
    languageListAdd: Transition {}
    languageListRemove: Transition {}
}
