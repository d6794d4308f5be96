pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// The door's panel when nothing is on (before the first session, between two, after the last): what
// the room is waiting for, and where the day goes on meanwhile. Fixed heights, as for a session.
Item {
    id: free
    required property DoorPage page
    required property real u
    required property real small
    required property real pad

    Label {
        id: headline
        objectName: "headline"
        width: parent.width
        // Three lines on a narrow panel, two on a wide one: the same in every language.
        height: linesHeight(free.width < free.height ? 3 : 2)
        text: free.page.headline
        size: 5.4 * free.u
        font.weight: Font.Bold
        wrapMode: Text.Wrap
        maximumLineCount: Math.floor(height / lineHeight)
        lineHeightMode: Text.FixedHeight
        lineHeight: Math.round(em * 1.18)
    }
    // Where the day goes on: a pointer a person can follow from across the hall.
    Rectangle {
        id: pointer
        objectName: "pointer"
        visible: free.page.elsewhereTitle !== ""
        anchors.top: headline.bottom; anchors.topMargin: 3 * free.u
        width: parent.width
        height: pointerColumn.height + 2 * free.pad
        radius: free.u
        color: Theme.ground
        border.color: Theme.accent
        border.width: Math.max(2, free.u * 0.3)
        Column {
            id: pointerColumn
            x: free.pad; y: free.pad
            width: parent.width - 2 * free.pad
            spacing: free.u
            Label {
                objectName: "elsewhereLabel"
                width: parent.width
                text: free.page.elsewhereLabel
                size: free.small
                color: Theme.accent
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: free.u * 0.1
            }
            Label {
                objectName: "elsewhere"
                width: parent.width
                height: linesHeight(2)
                text: free.page.elsewhereTitle
                size: 4.4 * free.u
                font.weight: Font.Bold
                wrapMode: Text.Wrap
                maximumLineCount: 2
                lineHeightMode: Text.FixedHeight
                lineHeight: Math.round(em * 1.18)
            }
            // The way there from where this screen hangs, a line per way (the rooms of a block).
            Repeater {
                model: free.page.elsewhereWays
                WayView {
                    required property Way modelData
                    width: pointerColumn.width
                    way: modelData
                    u: free.u
                    small: free.small
                }
            }
            // Without a sign: the rooms' names after a plain arrow, as always.
            Row {
                visible: free.page.elsewhereWays.length === 0
                width: parent.width
                spacing: free.u * 1.5
                Label {
                    id: arrow
                    text: "→"
                    size: 3.8 * free.u
                    color: Theme.accent
                    font.weight: Font.Bold
                }
                Label {
                    objectName: "elsewhereRoom"
                    width: parent.width - arrow.width - parent.spacing
                    text: free.page.elsewhereRoom
                    size: 3.8 * free.u
                    color: Theme.accent
                    font.weight: Font.DemiBold
                }
            }
            Label {
                objectName: "elsewhereTime"
                width: parent.width
                text: free.page.elsewhereTime
                size: 3.4 * free.u
                font.features: { "tnum": 1 }
            }
        }
    }
}
