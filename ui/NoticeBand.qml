import QtQuick
import Kiosk
import "components"

// A notice in force, above the sessions: "SALLE COMPLÈTE" and where to go instead, a delay, a move,
// a cancellation, a message. Dark ink on a light band (≥ 7:1), the kind said in words, not by colour
// alone. Its height is fixed by its line counts, so it does not jump between languages; long texts
// wrap and end in an ellipsis. No notice: no height.
Rectangle {
    id: band
    required property string kind
    required property string label
    required property string text
    required property string more
    required property real u
    required property real small
    readonly property real pad: 1.4 * u
    readonly property real textSize: 3 * u
    readonly property bool shown: kind !== ""
    objectName: "notice"
    visible: shown
    radius: u * 0.8
    color: kind === "full" || kind === "cancelled" || kind === "message-warning" ? Theme.alarm : Theme.notice
    implicitHeight: shown ? pad * 2 + Theme.lineOf(small * 1.2) + u * 0.4 + 2 * Theme.lineOf(textSize)
                            + (more !== "" ? u * 0.4 + Theme.lineOf(small) : 0) : 0

    Label {
        id: heading
        objectName: "noticeLabel"
        x: band.pad; y: band.pad
        width: band.width - 2 * band.pad
        text: band.label
        size: band.small * 1.2
        color: Theme.accentInk
        font.weight: Font.Bold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: band.u * 0.08
    }
    Label {
        id: body
        objectName: "noticeText"
        x: band.pad
        anchors.top: heading.bottom; anchors.topMargin: band.u * 0.4
        width: band.width - 2 * band.pad
        height: linesHeight(2)
        text: band.text
        size: band.textSize
        color: Theme.accentInk
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        maximumLineCount: 2
        lineHeightMode: Text.FixedHeight
        lineHeight: Theme.lineOf(band.textSize)
    }
    Label {
        objectName: "noticeMore"
        x: band.pad
        anchors.top: body.bottom; anchors.topMargin: band.u * 0.4
        width: band.width - 2 * band.pad
        visible: band.more !== ""
        text: band.more
        size: band.small
        color: Theme.accentInk
    }
}
