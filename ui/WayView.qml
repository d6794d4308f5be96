import QtQuick
import Kiosk
import "components"

// One way on a door's pointer: the arrow from where the screen hangs, the room it leads to, and the
// sign's words ("Lifts on your left, 7th floor"). The Row puts the arrow at the start of the line,
// which is the right on a mirrored (Arabic) page; the arrow itself keeps its direction.
Row {
    id: line
    required property Way way
    required property real u
    required property real small
    // Smaller when a box has many ways to show (NowElsewhere); words never below the smallest text.
    property real k: 1
    objectName: "way"
    spacing: 2 * u * k

    WayArrow {
        id: arrow
        objectName: "wayArrow"
        arrow: line.way.arrow
        angle: line.way.angle
        // Big enough to read from across the hall: taller than the room's name beside it.
        width: 11 * line.u * line.k; height: width
    }
    Column {
        anchors.verticalCenter: arrow.verticalCenter
        width: line.width - arrow.width - line.spacing
        spacing: 0.3 * line.u * line.k
        Label {
            objectName: "wayPlace"
            width: parent.width
            text: line.way.place
            size: Math.max(line.small, 3.8 * line.u * line.k)
            color: Theme.accent
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            maximumLineCount: 2
        }
        Label {
            objectName: "wayWords"
            visible: text !== ""
            width: parent.width
            text: line.way.words
            size: Math.max(line.small, line.small * 1.1 * line.k)
            color: Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 2
        }
    }
}
