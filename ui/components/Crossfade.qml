import QtQuick

// The crossfade between a screen's language pages, one for all of them: when `shown` changes, the
// page coming in fades in over the one going out (`leaving`), which stays whole beneath it and goes
// in the same frame as the new page is whole. On screen: new × mix + old × (1 − mix), with no dip to
// the ground between them. At most 400 ms; at once with reduced motion. (Each page fading on its
// own would end a frame apart: a frame drawn for nothing, after the change is over.)
Item {
    id: fade
    required property int shown
    required property bool reducedMotion
    readonly property int fadeMilliseconds: 400
    readonly property alias running: animation.running
    // The page going out while `mix` goes from 0 to 1, else -1.
    property int leaving: -1
    property real mix: 1
    property int previous: -1  // the page shown before; -1 while the screen is built

    Component.onCompleted: previous = shown
    onShownChanged: {
        // The language the screen starts on is shown at once: its first value comes while the screen
        // is built (the ticker has already chosen it), and a fade then would start on an empty page.
        if (previous < 0)
            return
        leaving = reducedMotion ? -1 : previous
        previous = shown
        if (reducedMotion)
            animation.stop()
        else
            animation.restart()
    }
    NumberAnimation {
        id: animation
        target: fade
        property: "mix"
        from: 0
        to: 1
        duration: fade.fadeMilliseconds
        easing.type: Easing.InOutQuad
        onFinished: fade.leaving = -1
    }
}
