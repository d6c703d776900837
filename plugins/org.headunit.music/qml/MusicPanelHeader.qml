import QtQuick
import QtQuick.Layouts
import HeadUnit
import HeadUnit.Controls

// A sub-page's header: back, and what the page is. Values in, a signal out.
RowLayout {
    id: header

    property string title
    property bool canGoBack: true

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
