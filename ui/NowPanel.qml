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
    // Every language's page (DoorPage): the headline's lines and a delay's printed time are measured in
    // each (NowElsewhere, NowSession).
    required property var pages

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
            pages: panel.pages
        }
    }
    Loader {
        id: free
        active: !panel.page.ongoing
        anchors.fill: parent
        anchors.margins: panel.pad
        sourceComponent: NowElsewhere {
            pages: panel.pages
            page: panel.page
            u: panel.u
            small: panel.small
            pad: panel.pad
        }
    }
}
