import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import HeadUnit

// The on-screen keyboard (English, German, Chinese pinyin), drawn from the palette (the "headunit" style,
// qml/QtQuick/VirtualKeyboard/Styles/headunit). It belongs to the shell, which shows it only while parked,
// whatever a plugin asks: with Restrictions.noKeyboard it stays hidden. The shell's content ends above it
// (`occupied`), so the field and what it finds stay in sight; Enter types the text and puts it away.
Item {
    id: holder

    readonly property bool shown: Qt.inputMethod.visible && !Restrictions.noKeyboard // qmllint disable missing-property
    // The pixels the keyboard takes at the bottom of the screen.
    readonly property real occupied: shown ? panel.height : 0

    InputPanel {
        id: panel
        objectName: "keyboard"
        width: holder.width
        y: holder.shown ? holder.height - height : holder.height
        visible: holder.shown
        Component.onCompleted: {
            VirtualKeyboardSettings.styleName = "headunit"
            VirtualKeyboardSettings.activeLocales = ["en_GB", "en_US", "de_DE", "zh_CN"]
        }
    }

    // Enter: the field gets it (a search runs, a form moves on), and the keyboard goes away so that the
    // results show in full.
    Connections {
        target: InputContext.inputEngine
        function onVirtualKeyClicked(key, text, modifiers, isAutoRepeat) {
            if ((key === Qt.Key_Return || key === Qt.Key_Enter) && !InputContext.preeditText)
                Qt.callLater(holder.dismiss)
        }
    }
    function dismiss() {
        Qt.inputMethod.hide() // qmllint disable missing-property
        const item = holder.Window.activeFocusItem
        if (item && "inputMethodHints" in item && !(item["inputMethodHints"] & Qt.ImhMultiLine)) // qmllint disable missing-property
            item.focus = false
    }

    // The layout the keyboard opens with follows the driver's language (the globe key reaches the others).
    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: Settings.language.startsWith("de") ? "de_DE"
             : Settings.language.startsWith("zh") ? "zh_CN"
             : Settings.language === "en_US" ? "en_US" : "en_GB"
    }
}
