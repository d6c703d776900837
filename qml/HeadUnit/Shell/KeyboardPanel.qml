import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import HeadUnit

// The on-screen keyboard (English, German, Chinese pinyin). It belongs to the shell, which shows it
// only while parked, whatever a plugin asks: with Restrictions.noKeyboard it stays hidden.
Item {
    id: holder

    readonly property bool shown: Qt.inputMethod.visible && !Restrictions.noKeyboard

    InputPanel {
        objectName: "keyboard"
        width: holder.width
        y: holder.shown ? holder.height - height : holder.height
        visible: holder.shown
        Component.onCompleted: VirtualKeyboardSettings.activeLocales = ["en_GB", "en_US", "de_DE", "zh_CN"]
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
