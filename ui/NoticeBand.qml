pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// A notice in force, above the sessions: "SALLE COMPLÈTE" and where to go instead, a delay, a move,
// a cancellation, a message. Dark ink on a light band (≥ 7:1), the kind said in words, not by colour
// alone. Its height is fixed by its line counts, so it does not jump between languages: its text gets
// `lines` lines (1 or 2), as many as the longest of the screen's languages needs (measured here, in
// `texts`: a door and the overview build a language's page only when it shows); longer texts wrap and
// end in an ellipsis. No notice: no height.
Rectangle {
    id: band
    required property string kind
    required property string label
    required property string text
    required property string more
    required property real u
    required property real small
    // The way to where the notice sends people (a full room's overflow, a moved session's room), from
    // where this screen hangs: none without a sign.
    property string arrow: ""
    property real angle: 0
    property string words: ""
    // The text's lines on every page, and how many this language's words take: with `texts` (every
    // screen language's text, where the other pages are not built), the most any of them takes.
    property int lines: 2
    property list<string> texts: []
    readonly property int textWords: {
        let most = probe.lineCount
        for (let i = 0; i < others.count; ++i)
            most = Math.max(most, (others.itemAt(i) as Label)?.lineCount ?? 0)
        return most
    }
    readonly property real pad: 1.4 * u
    readonly property real textSize: 3 * u
    readonly property bool shown: kind !== ""
    // The arrow at the start of the band, as tall as its heading and text; the words follow the text.
    readonly property real headingStep: Theme.lineOf(small * 1.2) + u * 0.4
    readonly property real arrowSide: arrow !== "" ? headingStep + lines * Theme.lineOf(textSize) : 0
    readonly property real textStart: pad + (arrow !== "" ? arrowSide + 1.6 * u : 0)
    objectName: "notice"
    visible: shown
    radius: u * 0.8
    color: kind === "full" || kind === "cancelled" || kind === "message-warning" ? Theme.alarm : Theme.notice
    implicitHeight: shown ? pad * 2 + headingStep + lines * Theme.lineOf(textSize)
                            + (words !== "" ? u * 0.4 + Theme.lineOf(small * 1.1) : 0)
                            + (more !== "" ? u * 0.4 + Theme.lineOf(small) : 0) : 0

    WayArrow {
        objectName: "noticeArrow"
        arrow: band.arrow
        angle: band.angle
        color: Theme.accentInk
        x: Theme.startX(LayoutMirroring.enabled, band.width, width, band.pad); y: band.pad
        width: band.arrowSide; height: width
    }

    Label {
        id: heading
        objectName: "noticeLabel"
        x: Theme.startX(LayoutMirroring.enabled, band.width, width, band.textStart); y: band.pad
        width: band.width - band.pad - band.textStart
        text: band.label
        size: band.small * 1.2
        color: Theme.accentInk
        font.weight: Font.Bold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: band.u * 0.08
    }
    // The text as it wraps, unbounded by the box: how many lines its words take. Measured beside a
    // two-line arrow (the narrowest the text gets), so that the lines never change the width measured.
    Label {
        id: probe
        visible: false
        width: band.width - 2 * band.pad
               - (band.arrow !== "" ? band.headingStep + 2 * Theme.lineOf(band.textSize) + 1.6 * band.u : 0)
        text: band.text
        size: body.size
        font.weight: body.font.weight
        wrapMode: Text.Wrap
        maximumLineCount: 2
    }
    Repeater {
        id: others
        model: band.texts
        Label {
            required property string modelData
            visible: false
            width: probe.width
            text: modelData
            size: probe.size
            font.weight: probe.font.weight
            wrapMode: Text.Wrap
            maximumLineCount: 2
        }
    }
    Label {
        id: body
        objectName: "noticeText"
        x: Theme.startX(LayoutMirroring.enabled, band.width, width, band.textStart)
        anchors.top: heading.bottom; anchors.topMargin: band.u * 0.4
        width: band.width - band.pad - band.textStart
        height: linesHeight(band.lines)
        text: band.text
        size: band.textSize
        color: Theme.accentInk
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        maximumLineCount: band.lines
        lineHeightMode: Text.FixedHeight
        lineHeight: Theme.lineOf(band.textSize)
    }
    Label {
        id: wayWords
        objectName: "noticeWords"
        x: Theme.startX(LayoutMirroring.enabled, band.width, width, band.textStart)
        anchors.top: body.bottom; anchors.topMargin: visible ? band.u * 0.4 : 0
        width: band.width - band.pad - band.textStart
        height: visible ? Theme.lineOf(band.small * 1.1) : 0  // as the band counts it (implicitHeight loops)
        visible: band.words !== ""
        text: band.words
        size: band.small * 1.1
        color: Theme.accentInk
        font.weight: Font.DemiBold
        elide: Text.ElideRight
    }
    Label {
        objectName: "noticeMore"
        x: band.pad
        anchors.top: wayWords.bottom; anchors.topMargin: band.u * 0.4
        width: band.width - 2 * band.pad
        visible: band.more !== ""
        text: band.more
        size: band.small
        color: Theme.accentInk
    }
}
