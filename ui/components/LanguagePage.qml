import QtQuick

// One language's page of a screen, in the crossfade between languages: shown while its language is
// (`index` is `shown`), fading in and out over at most 400 ms, at once with reduced motion.
Item {
    id: page
    required property int index
    required property int shown
    required property bool reducedMotion
    // A right-to-left language (Arabic) mirrors the whole page: anchors, rows and text alignment turn
    // with it; times and numbers keep the order they are read in.
    property bool rightToLeft: false
    LayoutMirroring.enabled: rightToLeft
    LayoutMirroring.childrenInherit: true
    readonly property int fadeMilliseconds: 400
    objectName: "page"
    width: parent.width
    height: parent.height
    opacity: index === shown ? 1 : 0
    // Hidden once faded out: a page off screen costs nothing to draw.
    visible: opacity > 0
    Behavior on opacity {
        enabled: !page.reducedMotion
        NumberAnimation { duration: page.fadeMilliseconds; easing.type: Easing.InOutQuad }
    }
}
