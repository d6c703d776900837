import QtQuick
import QtQuick.Layouts
import HeadUnit

// The one layout of a home tile, the same in every app, so a glance finds the same thing in the same place:
//
//   [icon] Title .............. [trailing]     the app, and a mark of its state (a badge, "Demo data")
//   hero                                       the figure: a temperature, a distance, a cover, a map
//   Headline                      [actions]    what it is about, in primary type; up to two actions,
//   secondary line                             always at the bottom right
//
// Put the figure in the tile as its children (they fill the hero area; a figure that is a row of
// items anchors to its left and centres vertically). Every part is optional and leaves no gap when empty.
Item {
    id: tile

    property string iconName
    property string title
    property string headline
    property string secondary
    property color secondaryColor: Theme.textMuted
    // Up to two lines of headline when there is room (parked and a tall tile); else one, shrunk to fit.
    property int headlineLines: Restrictions.active ? 1 : 2
    // The secondary line wraps to this many lines rather than cut a word (parked only).
    property int secondaryLines: 2
    // Names for the two lines, so that an app's tests find them as before.
    property string headlineObjectName: "homeTileHeadline"
    property string secondaryObjectName: "homeTileSecondary"

    // The figure: children of the tile go here.
    default property alias hero: heroArea.data
    property alias trailing: trailingRow.data
    property alias actions: actionRow.data
    // Lines of their own under the secondary line (an icon, a colour): items with Layout.fillWidth.
    property alias lines: linesColumn.data
    readonly property alias heroArea: heroArea
    // The height the figure needs (a figure of fixed size sets it; one that scales to the room leaves 0).
    property real heroMinimumHeight: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingS / 2

        RowLayout {
            objectName: "homeTileTitleRow"
            visible: tile.title !== "" || tile.iconName !== ""
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Layout.fillHeight: false
            Icon {
                visible: tile.iconName !== ""
                name: tile.iconName
                size: Theme.fontSecondary
                color: Theme.accent
            }
            Label {
                objectName: "homeTileTitle"
                text: tile.title
                role: "secondary"
                muted: true
                Layout.fillWidth: true
            }
            RowLayout {
                id: trailingRow
                spacing: Theme.spacingS
                Layout.fillHeight: false
            }
        }

        Item {
            id: heroArea
            objectName: "homeTileHero"
            clip: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: tile.heroMinimumHeight
        }

        RowLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Layout.fillHeight: false

            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Layout.fillHeight: false
                Layout.alignment: Qt.AlignBottom
                Label {
                    objectName: tile.headlineObjectName
                    visible: text !== ""
                    text: tile.headline
                    role: "primary"
                    verticalAlignment: Text.AlignTop
                    wrapMode: tile.headlineLines > 1 ? Text.Wrap : Text.NoWrap
                    maximumLineCount: tile.headlineLines
                    // One line: shrunk to fit rather than cut; two: wrapped.
                    fontSizeMode: tile.headlineLines > 1 ? Text.FixedSize : Text.HorizontalFit
                    minimumPixelSize: Theme.fontSecondary
                    Layout.fillWidth: true
                }
                Label {
                    objectName: tile.secondaryObjectName
                    visible: text !== ""
                    text: tile.secondary
                    role: "secondary"
                    wrapMode: tile.secondaryLines > 1 && !Restrictions.active ? Text.Wrap : Text.NoWrap
                    maximumLineCount: Restrictions.active ? 1 : tile.secondaryLines
                    verticalAlignment: Text.AlignTop
                    // A long line shrinks a little before it is cut.
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.fontSmall
                    color: tile.secondaryColor
                    Layout.fillWidth: true
                }
                ColumnLayout {
                    id: linesColumn
                    spacing: 0
                    Layout.fillWidth: true
                    Layout.fillHeight: false
                }
            }
            RowLayout {
                id: actionRow
                objectName: "homeTileActions"
                spacing: 0
                Layout.fillHeight: false
                Layout.alignment: Qt.AlignBottom | Qt.AlignRight
            }
        }
    }
}
