pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit
import HeadUnit.Controls

// Toasts: short messages at the bottom that fade by themselves, at most two at a time.
Column {
    id: toastLayer

    spacing: Theme.spacingS

    ListModel { id: toasts }

    Connections {
        target: Notifications
        function onToast(text, level) {
            toasts.append({ text: text, level: level })
            if (toasts.count > 2)
                toasts.remove(0)
        }
    }

    Repeater {
        model: toasts
        delegate: Rectangle {
            id: toast
            required property string text
            required property string level
            required property int index
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(toastLayer.width, toastText.implicitWidth + 2 * Theme.spacingL)
            height: Theme.touchTarget
            radius: Theme.tileRadius
            color: level === "error" ? Theme.danger : Theme.text
            Label {
                id: toastText
                anchors { fill: parent; leftMargin: Theme.spacingL; rightMargin: Theme.spacingL }
                horizontalAlignment: Text.AlignHCenter
                text: parent.text
                role: "secondary"
                color: Theme.background
            }
            Timer { interval: 4000; running: true; onTriggered: toasts.remove(toast.index) }
        }
    }
}
