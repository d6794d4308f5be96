pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// A line of the board: a room (what is on now, until when; what is next, at what time) or the header
// of a group of rooms taken by one umbrella block. Rooms of a group are joined to their header by a
// bar on the left. Landscape: room | now | next side by side. Portrait: now above next, beside the room.
Item {
    id: row
    required property BoardRow line
    required property real u
    required property real small
    required property bool portrait
    required property real rowHeight
    required property real rowGap
    required property real shortRows
    required property real titleSize
    // Where the columns start, from the row's left edge (the board's, under its headings), so they
    // line up with the headings whether or not a row is indented by its group's bar.
    required property real roomWidth
    required property real nowWidth

    readonly property bool group: line.kind === "group"
    readonly property bool grouped: line.grouped  // a room of a group, joined to its header
    readonly property bool shortLine: line.short
    readonly property bool done: line.phase === "done"
    // A room with nothing more to come is one short line: its name, and the word that says so.
    readonly property bool shortRoom: line.short && !group
    readonly property real bar: line.grouped ? 1.6 * u : 0
    readonly property real pad: 1.1 * u
    // The page's direction, read once for the whole row: every item that reads it holds an object of its own.
    readonly property bool mirrored: LayoutMirroring.enabled
    readonly property real timeWidth: 8.8 * u
    // A notice of this room (full, delay, moved, cancelled, a message): its word under the room's name,
    // or after it on a short row.
    readonly property bool marked: line.markLabel !== "" && !group
    // Whether the room's name fits on one line beside its way's arrow in every language: then the
    // way's words go under it (the same layout on every page); else the name keeps its two lines whole.
    readonly property bool wordsFit: Math.ceil(namesOnOneLine.implicitWidth)
                                     <= roomWidth - bar - 2 * pad - (line.arrow !== "" ? Math.min(titleSize * 2.4, rowHeight - pad) + u : 0)
    // Never drawn: the room's name in every language, one a line, to measure the widest (for the way's
    // words above, and for a short row's name). At the name's type size, not the font of the name shown
    // (Han is drawn smaller: Theme.glyphScale), so the measure is the same on every page; a Chinese name
    // is measured a little wide.
    Text {
        id: namesOnOneLine
        visible: false
        textFormat: Text.PlainText
        font.family: Theme.family
        font.pixelSize: Theme.pixels(row.titleSize * (row.portrait ? 1 : 1.12))
        font.weight: Font.Bold
        text: row.line.roomNames
    }

    objectName: group ? "boardGroup" : "boardRow"
    height: line.short ? (rowHeight + rowGap) * shortRows - rowGap : rowHeight

    // The group's bar: from its header down to its last room, across the gaps between rows.
    Rectangle {
        visible: row.line.grouped
        readonly property real start: 0
        x: Theme.startX(row.mirrored, parent.width, width, start)
        y: row.group ? row.height / 2 : -row.rowGap
        width: 0.5 * row.u
        height: row.group ? row.height / 2 + row.rowGap
                          : row.rowGap + (row.line.lastInGroup ? row.height : row.height + row.rowGap)
        radius: width / 2
        color: Theme.accent
    }

    // A group's header or a room, whichever the line is: only that one is built.
    Loader {
        readonly property real start: row.bar
        x: Theme.startX(row.mirrored, parent.width, width, start); width: row.width - row.bar
        height: row.height
        sourceComponent: row.group ? groupHeader : roomPart
    }

    // -- a group's header ------------------------------------------------------------------------
    Component {
        id: groupHeader
        Item {
            Heading {
                id: groupLabel
                objectName: "groupLabel"
                readonly property real start: 0
                x: Theme.startX(row.mirrored, parent.width, width, start)
                anchors.verticalCenter: parent.verticalCenter
                width: Math.min(implicitWidth, parent.width * 0.25)
                text: row.line.groupLabel
                size: row.small
                u: row.u
            }
            Label {
                objectName: "groupTitle"
                anchors.left: groupLabel.right; anchors.leftMargin: row.u * 1.2
                anchors.right: groupTime.left; anchors.rightMargin: row.u * 1.2
                anchors.verticalCenter: parent.verticalCenter
                text: row.line.groupTitle
                size: row.titleSize
                font.weight: Font.Bold
            }
            Label {
                id: groupTime
                objectName: "groupTime"
                // Portrait leaves the block's name the room: its rooms say until when, the tag says when.
                visible: !row.portrait
                width: row.portrait ? 0 : implicitWidth
                anchors.right: groupStatus.left; anchors.rightMargin: row.portrait ? 0 : row.u
                anchors.verticalCenter: parent.verticalCenter
                text: row.line.groupTime
                size: row.small
                color: Theme.muted
                font.features: { "tnum": 1 }
            }
            Tag {
                id: groupStatus
                objectName: "groupStatus"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: row.line.groupStatus
                size: row.small
                filled: row.line.groupOngoing
            }
        }
    }

    // -- a room ----------------------------------------------------------------------------------
    Component {
        id: roomPart
        Rectangle {
            radius: row.u * 0.8
            // Rooms done for the day step back: no panel behind them, quieter words ("Terminé").
            color: row.done ? "transparent" : Theme.panel
            border.color: Theme.line
            border.width: row.done ? Math.max(1, row.u * 0.12) : 0

            // The way to the room from where this screen hangs (its sign), before the name: none without one.
            WayArrow {
                id: roomArrow
                objectName: "roomArrow"
                readonly property real start: row.pad
                arrow: row.line.arrow
                angle: row.line.angle
                x: Theme.startX(row.mirrored, parent.width, width, start)
                anchors.verticalCenter: parent.verticalCenter
                width: visible ? Math.min(row.titleSize * 2.4, parent.height - row.pad) : 0
                height: width
            }
            Label {
                id: roomName
                objectName: "roomName"
                readonly property bool hasWords: row.line.wayWords !== "" && !row.shortRoom && row.wordsFit
                readonly property real start: row.pad + (roomArrow.visible ? roomArrow.width + row.u : 0)
                x: Theme.startX(row.mirrored, parent.width, width, start)
                // A short row's name takes the room its longest language needs, so the word after it stays
                // put when the language changes (measured: a wrapping text's natural width depends on its width).
                width: row.shortRoom ? Math.min(Math.ceil(namesOnOneLine.implicitWidth) + 1, parent.width * 0.6)
                                     : row.roomWidth - row.bar - row.pad - start
                height: lineHeight * (row.shortRoom || hasWords || row.marked ? 1 : 2)
                anchors.verticalCenter: parent.verticalCenter
                // The name, the way's words and the notice's mark, centred together.
                anchors.verticalCenterOffset: row.shortRoom ? 0 : -((hasWords ? wayWords.height : 0) + (row.marked ? mark.height + 0.5 * row.u : 0)) / 2
                verticalAlignment: Text.AlignVCenter
                text: row.line.roomName
                size: row.titleSize * (row.portrait ? 1 : 1.12)
                color: row.done ? Theme.dim : Theme.text
                font.weight: Font.Bold
                wrapMode: row.shortRoom || row.marked ? Text.NoWrap : Text.Wrap
                maximumLineCount: row.shortRoom || row.marked ? 1 : 2
                lineHeightMode: Text.FixedHeight
                lineHeight: Math.ceil(em * 1.22)
            }
            // The sign's words for the way there ("Stairs on your right, level −1"), under the name.
            Label {
                id: wayWords
                objectName: "wayWords"
                x: Theme.startX(row.mirrored, parent.width, width, roomName.start)
                anchors.top: roomName.bottom
                width: roomName.width
                height: roomName.hasWords ? implicitHeight : 0
                text: roomName.hasWords ? row.line.wayWords : ""
                size: row.small
                color: Theme.muted
                wrapMode: Text.Wrap
                maximumLineCount: row.marked ? 1 : 2  // the mark takes the second line's place
            }
            Tag {
                id: mark
                objectName: "roomMark"
                readonly property real start: row.shortRoom ? roomName.start + roomName.width + row.u : roomName.start
                x: Theme.startX(row.mirrored, parent.width, width, start)
                y: row.shortRoom ? (parent.height - height) / 2 : roomName.y + roomName.height + (roomName.hasWords ? wayWords.height : 0) + 0.5 * row.u
                text: row.marked ? row.line.markLabel : ""
                size: row.small * 0.85
                maximumWidth: row.shortRoom ? parent.width * 0.3 : roomName.width
                // The notice band's colours: what sends people away (full, cancelled, a warning) in the alarm's.
                readonly property bool alarm: ["full", "cancelled", "message-warning"].indexOf(row.line.markKind) >= 0
                color: alarm ? Theme.alarm : Theme.notice
                edge: mark.color
                ink: Theme.accentInk
            }
            BoardSlot {
                objectName: "now"
                // A short row's name may be longer than its column: the word then follows it (and the mark).
                readonly property real start: row.shortRoom ? Math.max(row.roomWidth - row.bar, roomName.start + roomName.width + 2 * row.u
                                                                       + (mark.shown ? mark.width + row.u : 0))
                                                            : row.roomWidth - row.bar
                x: Theme.startX(row.mirrored, parent.width, width, start)
                // Portrait: now above next; alone in the middle when nothing follows (a room done for the day).
                readonly property bool alone: row.line.nextTitle === "" && row.line.nextNote === ""
                y: row.portrait && !alone ? row.pad : (parent.height - height) / 2
                width: row.portrait || row.shortRoom ? parent.width - start - row.pad
                                                     : row.nowWidth - row.u
                lines: row.shortRoom ? 1 : 2
                u: row.u; small: row.small; size: row.titleSize
                timeWidth: row.timeWidth
                time: row.line.nowUntil
                title: row.line.nowTitle
                tag: row.line.nowTag
                also: row.line.nowAlso
                printed: row.line.nowPrinted
                printedBelow: !row.portrait
                note: row.line.nowNote
                noteInk: row.done ? Theme.dim : Theme.muted
            }
            BoardSlot {
                objectName: "next"
                visible: !row.shortRoom
                readonly property real start: (row.portrait ? row.roomWidth : row.roomWidth + row.nowWidth) - row.bar
                x: Theme.startX(row.mirrored, parent.width, width, start)
                y: row.portrait ? parent.height - row.pad - height : (parent.height - height) / 2
                width: parent.width - start - row.pad
                lines: row.portrait ? 1 : 2
                u: row.u; small: row.small; size: row.titleSize
                timeWidth: row.timeWidth
                strong: false
                ink: row.portrait ? Theme.muted : Theme.text
                time: row.line.nextAt
                title: row.line.nextTitle
                tag: row.line.nextTag
                printed: row.line.nextPrinted
                note: row.line.nextNote
                noteInk: Theme.dim
            }
        }
    }
}
