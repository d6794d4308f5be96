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

    // Every language's page (DoorPage): the headline gets as many lines on every page as the longest
    // language's needs, measured here (`others`), so that no language moves the layout.
    required property var pages
    readonly property int headlineShared: {
        let most = probe.lineCount
        for (let i = 0; i < others.count; ++i)
            most = Math.max(most, (others.itemAt(i) as Label)?.lineCount ?? 0)
        return most
    }
    // This language's headline, in lines.
    readonly property int headlineWords: probe.lineCount

    // Everything shown: three headline lines on a narrow panel, two on a wide one, the same in every
    // language; the pointer with its title's two lines and its time. What the door gives this panel
    // when it can (DoorPageView); a shorter panel first gives up the headline lines no language
    // fills, then drops lines, least important first: the time, the title's second, a headline line.
    // The lines counted are the same on every page, so no language shows a different layout.
    readonly property int headlineLines: free.width < free.height ? 3 : 2
    readonly property int headlineFilled: Math.min(headlineLines, headlineShared)
    readonly property real pointerFixed: 2 * free.pad + elsewhereLabel.height + 2 * free.u + waysNeed
    readonly property real pointerNeeds: pointer.visible ? 3 * free.u + pointerFixed + elsewhere.linesHeight(2)
                                                           + free.u + elsewhereTime.implicitHeight : 0
    // What to ask for (a panel tall enough for a third headline line is narrow, not short).
    readonly property real needed: headline.linesHeight(Math.min(2, headlineFilled)) + pointerNeeds
    readonly property bool tight: headline.linesHeight(headlineLines) + pointerNeeds - height > 0.5
    readonly property int headlineKept: tight ? headlineFilled : headlineLines
    readonly property real lacking: headline.linesHeight(headlineKept) + pointerNeeds - height
    readonly property bool dropTime: lacking > 0.5
    readonly property real lacking1: lacking - (free.u + elsewhereTime.implicitHeight)
    readonly property bool dropTitle2: lacking1 > 0.5
    readonly property int headlineDropped: Math.max(0, Math.ceil((lacking1 - elsewhere.lineHeight - 0.5) / headline.lineHeight))

    // The way lines (a block in several rooms, from a sign) get what is left once every other line
    // gave up: they shrink, arrow and words, down to where the room's name is the smallest text,
    // then the last line shown says how many more rooms there are ("+ 3"). Never past the card.
    readonly property int wayCount: page.elsewhereWays.length
    readonly property real wayLine: 11 * u  // a way's line at full size: its arrow
    readonly property real waysRoom: height - headline.linesHeight(1) - 3 * u - 2 * pad
                                     - elsewhereLabel.height - 2 * u - elsewhere.lineHeight
    readonly property real wayFloor: Math.min(1, small / (3.8 * u))
    readonly property real wayScale: wayCount === 0 ? 1 : Math.max(wayFloor, Math.min(1,
        (waysRoom - (wayCount - 1) * u) / (wayCount * wayLine)))
    readonly property int wayLines: wayCount === 0 ? 0 : Math.max(1, Math.min(wayCount,
        Math.floor((waysRoom + u) / (wayLine * wayScale + u) + 0.001)))
    readonly property int waysHidden: wayLines < wayCount ? wayCount - wayLines + 1 : 0
    // What the ways ask for: every line at full size (the panel asks for it; not what they got).
    readonly property real waysNeed: wayCount > 0 ? wayCount * wayLine + (wayCount - 1) * u : ways.height

    // The headline as it wraps at this width, unbounded by the box: how many lines its words take.
    Label {
        id: probe
        visible: false
        width: parent.width
        text: free.page.headline
        size: headline.size
        font.weight: Font.Bold
        wrapMode: Text.Wrap
        maximumLineCount: free.headlineLines
        lineHeightMode: Text.FixedHeight
        lineHeight: headline.lineHeight
    }
    Repeater {
        id: others
        model: free.pages.map(page => page.headline)
        Label {
            required property string modelData
            visible: false
            width: probe.width
            text: modelData
            size: probe.size
            font.weight: probe.font.weight
            wrapMode: Text.Wrap
            maximumLineCount: probe.maximumLineCount
            lineHeightMode: Text.FixedHeight
            lineHeight: probe.lineHeight
        }
    }
    Label {
        id: headline
        objectName: "headline"
        width: parent.width
        height: linesHeight(shown)
        text: free.page.headline
        size: 5.4 * free.u
        font.weight: Font.Bold
        // Cut to one line while its words need more: the whole line smaller (down to the smallest
        // text), not its end elided: "Room free until 14:15" must keep its time.
        readonly property int shown: Math.max(1, free.headlineKept - free.headlineDropped)
        readonly property bool squeezed: shown === 1 && free.headlineWords > 1
        wrapMode: squeezed ? Text.NoWrap : Text.Wrap
        fontSizeMode: squeezed ? Text.HorizontalFit : Text.FixedSize
        minimumPixelSize: Theme.pixels(free.small)
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
                id: elsewhereLabel
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
                id: elsewhere
                objectName: "elsewhere"
                width: parent.width
                height: linesHeight(maximumLineCount)
                text: free.page.elsewhereTitle
                size: 4.4 * free.u
                font.weight: Font.Bold
                wrapMode: Text.Wrap
                maximumLineCount: free.dropTitle2 ? 1 : 2
                lineHeightMode: Text.FixedHeight
                lineHeight: Math.round(em * 1.18)
            }
            Column {
                id: ways
                width: parent.width
                spacing: free.u
                // The way there from where this screen hangs, a line per way (the rooms of a block).
                Repeater {
                    model: free.page.elsewhereWays.slice(0, free.wayLines - (free.waysHidden > 0 ? 1 : 0))
                    WayView {
                        required property Way modelData
                        width: pointerColumn.width
                        way: modelData
                        u: free.u
                        small: free.small
                        k: free.wayScale
                    }
                }
                Label {
                    objectName: "waysMore"
                    visible: free.waysHidden > 0
                    height: free.wayLine * free.wayScale
                    verticalAlignment: Text.AlignVCenter
                    text: "+ " + free.waysHidden
                    size: Math.max(free.small, 3.8 * free.u * free.wayScale)
                    color: Theme.accent
                    font.weight: Font.DemiBold
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
            }
            Label {
                id: elsewhereTime
                objectName: "elsewhereTime"
                visible: !free.dropTime
                width: parent.width
                text: free.page.elsewhereTime
                size: 3.4 * free.u
                font.features: { "tnum": 1 }
            }
        }
    }
}
