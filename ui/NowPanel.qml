pragma ComponentBehavior: Bound
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
    readonly property real needed: 2 * pad + ((session.item as NowSession)?.needed
                                              ?? (free.item as NowElsewhere)?.needed ?? 0)
    // The headline's lines in this language, and the most in any (NowElsewhere).
    readonly property int headlineWords: (free.item as NowElsewhere)?.headlineWords ?? 0
    property int headlineShared: 0
    // Where a delay's printed time fits in this language, and where it goes in all (NowSession).
    readonly property int printedFits: (session.item as NowSession)?.printedFits ?? 2
    property int printedWay: 2

    // Only the one shown is built: a door spends most of the day with a session on, and the other
    // would be built, hidden, on every language page.
    Loader {
        id: session
        active: panel.page.ongoing
        anchors.fill: parent
        anchors.margins: panel.pad
        sourceComponent: NowSession {
            page: panel.page
            u: panel.u
            small: panel.small
            pad: panel.pad
            printedWay: panel.printedWay
        }
    }
    Loader {
        id: free
        active: !panel.page.ongoing
        anchors.fill: parent
        anchors.margins: panel.pad
        sourceComponent: NowElsewhere {
            headlineShared: panel.headlineShared
            page: panel.page
            u: panel.u
            small: panel.small
            pad: panel.pad
        }
    }
}
