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
    objectName: "way"
    spacing: 2 * u

    WayArrow {
        id: arrow
        objectName: "wayArrow"
        arrow: line.way.arrow
        angle: line.way.angle
        // Big enough to read from across the hall: taller than the room's name beside it.
        width: 11 * line.u; height: width
    }
    Column {
        anchors.verticalCenter: arrow.verticalCenter
        width: line.width - arrow.width - line.spacing
        spacing: 0.3 * line.u
        Label {
            objectName: "wayPlace"
            width: parent.width
            text: line.way.place
            size: 3.8 * line.u
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
            size: line.small * 1.1
            color: Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 2
        }
    }
}
