import QtQuick
import Kiosk
import "components"

// What is on now, until when (NowSession); or, when nothing is, what the room waits for (NowElsewhere).
// Both keep their layout whatever the language: the panel never changes size.
Rectangle {
    id: panel
    required property DoorPage page
    required property real u
    required property real small
    readonly property real pad: 3 * u
    color: Theme.panel
    radius: u * 1.2
    // The height that shows every line of what is on (DoorPageView gives it when it can).
    readonly property real needed: 2 * pad + (page.ongoing ? session.needed : free.needed)
    // The headline's lines in this language, and the most in any (NowElsewhere).
    readonly property int headlineWords: free.headlineWords
    property int headlineShared: 0
    // Where a delay's printed time fits in this language, and where it goes in all (NowSession).
    readonly property int printedFits: session.printedFits
    property int printedWay: 2

    NowSession {
        id: session
        visible: panel.page.ongoing
        anchors.fill: parent
        anchors.margins: panel.pad
        page: panel.page
        u: panel.u
        small: panel.small
        pad: panel.pad
        printedWay: panel.printedWay
    }
    NowElsewhere {
        id: free
        visible: !panel.page.ongoing
        headlineShared: panel.headlineShared
        anchors.fill: parent
        anchors.margins: panel.pad
        page: panel.page
        u: panel.u
        small: panel.small
        pad: panel.pad
    }
}
