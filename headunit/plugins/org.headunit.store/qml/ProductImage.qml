import QtQuick
import HeadUnit
import HeadUnit.Controls

// A product's picture from the catalog, fetched by the shell (the token stays there);
// an icon stands in until it loads, and offline when it was never seen.
Rectangle {
    id: picture

    property string productId
    property string icon: "mdi6.package-variant"

    radius: Theme.tileRadius / 2
    color: Theme.surfaceRaised
    clip: true

    Image {
        id: image
        anchors.fill: parent
        source: picture.productId !== "" ? Cloud.imageUrl("v1/catalog/images/" + picture.productId + ".svg") : ""
        sourceSize { width: Math.max(1, picture.width); height: Math.max(1, picture.height) }
        fillMode: Image.PreserveAspectFit
        asynchronous: true
    }
    Icon {
        anchors.centerIn: parent
        visible: image.status !== Image.Ready
        name: picture.icon
        size: Math.min(picture.width, picture.height) / 2
        color: Theme.textMuted
    }
}
