import QtQuick
import Kiosk
import "components"

// One half of a room's row: a time ("jusqu'à 11:05", "à 14:00") and a title, or a word when there is
// nothing ("Libre", "Plus rien aujourd'hui"). The title has a fixed number of lines whatever the
// language, so rows keep their height. A venue-wide session carries a "Pour tous" tag: on a line of its
// own above the title when there are two lines, before the title on one. Sessions on side by side in
// the room ("Aussi en cours : …") take the last line, the title gives it up.
Item {
    id: slot
    property string time
    property string title
    property string tag
    property string note
    property string also  // the other sessions on now in this room: "Aussi en cours : …"
    property string printed  // a delay: the printed time, struck through, under the new one (beside it on one line)
    property int lines: 2
    property real u: 10
    property real small: 20
    property real size: 24  // the title's type size
    property real timeWidth: 10 * u
    property bool strong: true
    property color ink: Theme.text
    property color noteInk: Theme.muted
    // The page's direction, read once for the whole slot: every item that reads it holds an object of its own.
    readonly property bool mirrored: LayoutMirroring.enabled

    readonly property int alsoLines: note === "" && also !== "" && lines >= 2 ? 1 : 0
    readonly property bool withTag: note === "" && tag !== ""
    readonly property bool tagAbove: withTag && lines - alsoLines >= 2
    readonly property int titleLines: tagAbove ? lines - alsoLines - 1 : withTag ? 1 : lines - alsoLines
    readonly property bool withPrinted: note === "" && printed !== ""
    // The printed time under the new one where the slot's row has the room (landscape), else beside it.
    property bool printedBelow: true
    readonly property bool printedUnder: withPrinted && printedBelow && lines > 1
    // On one line the time cannot wrap: its column widens when it holds a day as well ("28 mars 10:00").
    readonly property real timeBox: lines > 1 ? timeWidth : Math.max(timeWidth, Math.ceil(timeMetrics.advanceWidth) + u)
    // The printed time beside the new one widens the column by its own width.
    readonly property real timeColumn: withPrinted && !printedUnder
        ? Math.max(timeBox, Math.ceil(timeText.contentWidth) + 1.6 * u + Math.ceil(printedMetrics.advanceWidth))
        : timeBox
    readonly property real lineStep: Theme.lineOf(size)
    // The new time's lines and the printed one under it may take more than the title's lines: the
    // slot grows to hold them, its title lines centred in it (`titleTop`).
    implicitHeight: Math.max(lines * lineStep, printedUnder ? timeText.lineCount * timeText.lineHeight + printedText.lineHeight : 0)
    readonly property real titleTop: (implicitHeight - lines * lineStep) / 2

    TextMetrics {
        id: timeMetrics
        font: timeText.font
        text: slot.time
    }
    TextMetrics {
        id: printedMetrics
        font: printedText.font
        text: slot.printed
    }
    Label {
        id: timeText
        objectName: "slotTime"
        readonly property real start: 0
        x: Theme.startX(slot.mirrored, parent.width, width, start)
        width: slot.timeBox
        // With the printed time under it, the two are centred on the slot together.
        anchors.baseline: slot.tagAbove || slot.printedUnder ? undefined : titleText.baseline
        y: slot.printedUnder ? (slot.implicitHeight - lineCount * lineHeight - printedText.lineHeight) / 2
                             : (slot.lineStep - lineHeight) / 2
        visible: slot.note === ""
        text: slot.time
        size: slot.small
        color: Theme.accent
        font.weight: Font.DemiBold
        font.features: { "tnum": 1 }
        wrapMode: slot.lines > 1 ? Text.Wrap : Text.NoWrap
        maximumLineCount: Math.min(2, slot.lines)
        lineHeightMode: Text.FixedHeight
        lineHeight: Math.ceil(em * 1.22)
    }
    Label {
        id: printedText
        objectName: "slotPrinted"
        // Under the new time, or after its last line (same size and line height: the same baseline).
        readonly property real start: slot.printedUnder ? 0 : Math.ceil(timeText.contentWidth) + 0.6 * slot.u
        x: Theme.startX(slot.mirrored, parent.width, width, start)
        y: timeText.y + (slot.printedUnder ? timeText.lineCount : timeText.lineCount - 1) * timeText.lineHeight
        width: slot.printedUnder ? slot.timeColumn : Math.ceil(printedMetrics.advanceWidth) + 1
        visible: slot.withPrinted
        text: slot.printed
        size: slot.small
        color: Theme.muted
        font.strikeout: true
        font.features: { "tnum": 1 }
        lineHeightMode: Text.FixedHeight
        lineHeight: Math.ceil(font.pixelSize * 1.22)
    }
    Tag {
        id: tagBox
        objectName: "slotTag"
        readonly property real start: slot.timeColumn + slot.u
        x: Theme.startX(slot.mirrored, parent.width, width, start)
        y: slot.titleTop + (slot.lineStep - height) / 2
        visible: slot.withTag
        text: slot.tag
        size: slot.small * 0.85
        maximumWidth: (slot.width - start) * 0.5
    }
    Label {
        id: titleText
        objectName: "slotTitle"
        readonly property real start: slot.timeColumn + slot.u + (slot.withTag && !slot.tagAbove ? tagBox.width + slot.u : 0)
        x: Theme.startX(slot.mirrored, parent.width, width, start)
        y: slot.titleTop + (slot.tagAbove ? slot.lineStep : 0)
        width: slot.width - start
        height: lineHeight * slot.titleLines
        visible: slot.note === ""
        text: slot.title
        size: slot.size
        color: slot.ink
        font.weight: slot.strong ? Font.Bold : Font.DemiBold
        wrapMode: Text.Wrap
        maximumLineCount: slot.titleLines
        lineHeightMode: Text.FixedHeight
        lineHeight: slot.lineStep
    }
    Label {
        objectName: "slotAlso"
        readonly property real start: slot.timeColumn + slot.u
        x: Theme.startX(slot.mirrored, parent.width, width, start)
        y: slot.titleTop + (slot.lines - 1) * slot.lineStep
        width: slot.width - start
        height: slot.lineStep
        verticalAlignment: Text.AlignVCenter
        visible: slot.alsoLines > 0
        text: slot.also
        size: slot.small
        color: Theme.accent
        font.weight: Font.DemiBold
    }
    Label {
        objectName: "slotNote"
        width: slot.width
        anchors.verticalCenter: parent.verticalCenter
        visible: slot.note !== ""
        text: slot.note
        size: slot.size
        color: slot.noteInk
    }
}
