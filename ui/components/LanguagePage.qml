import QtQuick

// One language's page of a screen: shown while its language is, crossfading with the others (see
// Crossfade, which they share).
//
// While they fade, the two pages are drawn from layers: each is painted once into an image, then
// only the images are blended, frame after frame. Painted directly, every frame would draw every text
// of both pages again, which Qt's software renderer cannot do 60 times a second (docs/performance.md).
// A page paints the ground, so it is opaque, as the software renderer's layers need: they start
// black, not transparent.
Item {
    id: page
    required property int index
    required property Crossfade fade
    // A right-to-left language (Arabic) mirrors the whole page: anchors, rows and text alignment turn
    // with it; times and numbers keep the order they are read in.
    property bool rightToLeft: false
    LayoutMirroring.enabled: rightToLeft
    LayoutMirroring.childrenInherit: true
    readonly property int fadeMilliseconds: fade.fadeMilliseconds
    objectName: "page"
    width: parent.width
    height: parent.height
    z: index === fade.shown ? 1 : 0
    // The page coming in starts at 0.002, not 0 (under half a step of 8-bit colour, so unseen): a page
    // at 0 is not drawn, so its layer would be painted a frame or two into the fade, a second slow frame
    // after the one that paints the page going out; both are painted in the first frame now
    // (docs/performance.md).
    opacity: index === fade.shown ? (fade.running ? Math.max(fade.mix, 0.002) : fade.mix) : index === fade.leaving ? 1 : 0
    // Hidden once gone: a page off screen costs nothing to draw.
    visible: opacity > 0
    layer.enabled: fade.running

    Rectangle {
        anchors.fill: parent
        color: Theme.ground
    }
}
