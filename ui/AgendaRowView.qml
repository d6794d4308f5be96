import QtQuick
import Kiosk
import "components"

// An item of the day's agenda: when, what, where. The one on now is highlighted (panel, bar and an
// "En cours" tag); those over are quieter, with a ✓ and "Terminé" — never colour alone.
Item {
    id: item
    required property AgendaRow entry
    required property real u
    required property real small
    required property real size
    required property bool wide  // one line per item (a wide agenda), else two
    objectName: "agendaItem"
    // The page's direction, read once for the whole row: every item that reads it holds an object of its own.
    readonly property bool mirrored: LayoutMirroring.enabled

    readonly property string phase: entry.phase
    readonly property bool past: entry.phase === "past"
    readonly property bool current: entry.phase === "current"
    // Cancelled: struck through, quiet, with an outlined "Annulé" tag (never the highlight of on now).
    readonly property bool cancelled: entry.phase === "cancelled"
    readonly property real pad: 0.8 * u
    readonly property real timeWidth: size * 3.3
    readonly property color ink: past || cancelled ? Theme.dim : Theme.text

    Rectangle {
        anchors.fill: parent
        visible: item.current
        color: Theme.panel
        radius: item.u * 0.6
    }
    Rectangle {
        visible: item.current
        readonly property real start: 0
        x: Theme.startX(item.mirrored, parent.width, width, start)
        width: item.u * 0.5
        height: parent.height
        radius: width / 2
        color: Theme.accent
    }
    Label {
        id: timeText
        objectName: "agendaTime"
        readonly property real start: item.pad * 1.5
        x: Theme.startX(item.mirrored, parent.width, width, start)
        y: item.pad
        width: item.timeWidth
        text: item.entry.time
        size: item.size
        color: item.past ? Theme.dim : Theme.accent
        font.weight: Font.DemiBold
        font.features: { "tnum": 1 }
    }
    TextMetrics {
        id: printedMetrics
        font: printedText.font
        text: item.entry.printedTime
    }
    // A delay: the printed time, struck through, under the new one (beside it on a wide agenda's line).
    Label {
        id: printedText
        objectName: "agendaPrinted"
        readonly property bool shown: item.entry.printedTime !== ""
        readonly property real start: item.wide ? timeText.start + item.timeWidth : timeText.start
        x: Theme.startX(item.mirrored, parent.width, width, start)
        y: item.wide ? titleText.y + titleText.baselineOffset - baselineOffset : whereRow.y
        width: item.wide ? (shown ? Math.ceil(printedMetrics.advanceWidth) + item.u : 0) : item.timeWidth
        visible: shown
        text: item.entry.printedTime
        size: item.wide ? item.size : item.small
        color: Theme.muted
        font.strikeout: true
        font.features: { "tnum": 1 }
    }
    Label {
        id: titleText
        objectName: "agendaTitle"
        anchors.left: item.wide && printedText.shown ? printedText.right : timeText.right
        anchors.right: item.wide ? whereRow.left : item.right
        anchors.rightMargin: item.wide ? item.u : item.pad
        anchors.baseline: timeText.baseline
        text: item.entry.title
        size: item.size
        color: item.ink
        font.weight: item.current ? Font.Bold : Font.Medium
        font.strikeout: item.cancelled
    }
    // Where, with the "Pour tous" tag: beside the title on a wide agenda, under it otherwise.
    // Positions are explicit (no Row): a page fading in keeps the layout it had while hidden.
    Item {
        id: whereRow
        readonly property real start: item.wide ? item.width * 0.6 : timeText.start + item.timeWidth
        x: Theme.startX(item.mirrored, parent.width, width, start)
        // On one line, the room's name sits on the title's baseline.
        y: item.wide ? titleText.y + titleText.baselineOffset - whereLabel.baselineOffset
                     : titleText.y + titleText.height
        width: phaseBox.start - start - item.u
        height: whereLabel.implicitHeight
        Label {
            id: whereLabel
            objectName: "agendaWhere"
            readonly property real start: 0
            x: Theme.startX(item.mirrored, parent.width, width, start)
            width: Math.min(implicitWidth, whereRow.width - (tagBox.shown ? tagBox.width + item.u * 0.6 : 0))
            text: item.entry.where
            size: item.small
            color: item.past ? Theme.dim : Theme.muted
        }
        Tag {
            id: tagBox
            objectName: "agendaTag"
            readonly property real start: whereLabel.width + item.u * 0.6
            x: Theme.startX(item.mirrored, parent.width, width, start)
            anchors.verticalCenter: parent.verticalCenter
            // A wide agenda is one line: the tag gives its place to the room's name there.
            text: item.wide ? "" : item.entry.tag
            size: item.small * 0.8
            filled: false
            ink: item.past ? Theme.dim : Theme.muted
            maximumWidth: whereRow.width * 0.5
        }
    }
    // On now: a filled tag. Over: ✓ and the word (on one line, the ✓ alone: it needs no room).
    Item {
        id: phaseBox
        readonly property real start: item.width - width - item.pad
        x: Theme.startX(item.mirrored, parent.width, width, start)
        y: item.wide ? (item.height - height) / 2 : whereRow.y + (whereRow.height - height) / 2
        width: item.current || item.cancelled ? nowTag.width
                            : item.past ? check.implicitWidth + (item.wide ? 0 : item.u * 0.4 + doneWord.implicitWidth) : 0
        height: item.current || item.cancelled ? nowTag.height : check.implicitHeight
        Tag {
            id: nowTag
            objectName: "agendaNow"
            text: item.current || item.cancelled ? item.entry.phaseWord : ""
            size: item.small * 0.85
            filled: !item.cancelled
            ink: item.cancelled ? Theme.muted : Theme.accentInk
        }
        Label {
            id: check
            readonly property real start: 0
            x: Theme.startX(item.mirrored, parent.width, width, start)
            visible: item.past
            text: "✓"
            size: item.small
            color: Theme.dim
        }
        Label {
            id: doneWord
            objectName: "agendaPhase"
            visible: item.past && !item.wide
            readonly property real start: check.implicitWidth + item.u * 0.4
            x: Theme.startX(item.mirrored, parent.width, width, start)
            text: item.past ? item.entry.phaseWord : ""
            size: item.small
            color: Theme.dim
        }
    }
}
