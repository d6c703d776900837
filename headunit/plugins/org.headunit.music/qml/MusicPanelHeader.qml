import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// A sub-page's header: what the page is. Back is the shell's back button (and the edge swipe), as in every
// app, so the page draws none of its own unless `canGoBack` asks for one. Values in, a signal out.
RowLayout {
    id: header

    property string title
    property bool canGoBack: false

    signal backRequested()

    spacing: Theme.spacingS

    IconButton {
        objectName: "panelBack"
        visible: header.canGoBack
        text: qsTr("Back")
        iconName: "mdi6.arrow-left"
        onClicked: header.backRequested()
    }
    Label {
        text: Restrictions.limitString(header.title)
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Theme.fontSecondary
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
    }
}
