pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// What comes next in this room: title, time, and how soon.
Item {
    id: panel
    required property DoorPage page
    required property real u
    required property real small
    readonly property real pad: 3 * u
    visible: page.hasNext
    // The least it shows: its heading, time, a line of its block and one of its title.
    readonly property real least: 2 * pad + nextLabel.height + u * 0.8 + nextTime.height
                                  + (printedUnder ? printed.height : 0) + u
                                  + (page.nextBlock !== "" ? nextBlock.linesHeight(1) : 0) + u * 0.5
                                  + nextTitle.linesHeight(1)
    // A delay's printed time, struck through: its range beside the new times (2), its start alone (1)
    // or its range under them (0), as in NowSession.
    required property var pages  // every language's page (DoorPage), this one among them
    readonly property int printedWay: {
        let least = 2
        for (let i = 0; i < printedProbes.count; ++i)
            least = Math.min(least, (printedProbes.itemAt(i) as PrintedTime)?.fits ?? 2)
        return least
    }
    // A delay's printed time in each language's line (the new time, the title's language): where it
    // fits there. Built only while there is a delay.
    Repeater {
        id: printedProbes
        model: panel.page.nextTimePrinted !== "" ? panel.pages : []
        PrintedTime {
            id: probe
            required property DoorPage modelData
            visible: false
            range: probe.modelData.nextTimePrinted
            start: probe.modelData.nextStartPrinted
            size: Math.max(2.4 * panel.u, panel.small)
            // Beside the new time on this language's line, laid out as the time's own line is.
            room: inner.width - probeTime.implicitWidth - panel.small
                  - (probeLang.width > 0 ? panel.small + probeLang.width : 0)
            Label {
                id: probeTime
                text: probe.modelData.nextTime
                size: 3.6 * panel.u
                font.weight: Font.DemiBold
                font.features: { "tnum": 1 }
            }
            Tag {
                id: probeLang
                text: probe.modelData.nextTitleLang
                size: panel.small
                filled: false
            }
        }
    }
    readonly property bool printedUnder: printedWay === 0

    Rectangle {
        anchors.fill: parent
        radius: panel.u * 1.2
        color: "transparent"
        border.color: Theme.line
        border.width: Math.max(2, panel.u * 0.25)
    }
    Item {
        id: inner
        anchors.fill: parent
        anchors.margins: panel.pad

        Label {
            id: nextLabel
            objectName: "nextLabel"
            anchors.left: parent.left
            text: panel.page.nextLabel
            size: panel.small * 1.1
            font.weight: Font.Bold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: panel.u * 0.1
        }
        Label {
            id: nextIn
            objectName: "nextIn"
            anchors.left: nextLabel.right; anchors.leftMargin: panel.small
            anchors.right: parent.right
            anchors.baseline: nextLabel.baseline
            horizontalAlignment: Text.AlignRight
            text: panel.page.nextIn
            size: panel.small * 1.1
            color: Theme.accent
            font.weight: Font.DemiBold
        }
        Label {
            id: nextTime
            objectName: "nextTime"
            anchors.top: nextLabel.bottom; anchors.topMargin: panel.u * 0.8
            anchors.left: parent.left
            width: Math.min(implicitWidth, parent.width - nextTitleLang.width)
            text: panel.page.nextTime
            size: 3.6 * panel.u
            font.weight: Font.DemiBold
            font.features: { "tnum": 1 }
        }
        Tag {
            id: nextTitleLang
            objectName: "nextTitleLang"
            anchors.right: parent.right
            anchors.verticalCenter: nextTime.verticalCenter
            text: panel.page.nextTitleLang
            size: panel.small
            filled: false
        }
        // A delay: the printed time, struck through, after the new one or under it; never smaller
        // than the door's smallest text.
        PrintedTime {
            id: printed
            objectName: "nextTimePrinted"
            range: panel.page.nextTimePrinted
            start: panel.page.nextStartPrinted
            way: panel.printedWay
            anchors.left: panel.printedUnder ? nextTime.left : nextTime.right
            anchors.leftMargin: panel.printedUnder ? 0 : panel.small
            anchors.right: panel.printedUnder ? parent.right : nextTitleLang.left
            anchors.rightMargin: !panel.printedUnder && nextTitleLang.shown ? panel.small : 0
            // On the new time's baseline, or right under its line.
            y: panel.printedUnder ? nextTime.y + nextTime.height : nextTime.y + nextTime.baselineOffset - baselineOffset
            size: Math.max(2.4 * panel.u, panel.small)
        }
        Label {
            id: nextBlock
            objectName: "nextBlock"
            anchors.top: panel.printedUnder ? printed.bottom : nextTime.bottom; anchors.topMargin: panel.u
            width: parent.width
            height: text === "" ? 0 : linesHeight(panel.height > panel.width * 0.5 ? 2 : 1)
            text: panel.page.nextBlock
            size: panel.small
            color: Theme.muted
            wrapMode: Text.Wrap
            maximumLineCount: Math.max(1, Math.round(height / lineHeight))
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.round(em * 1.25)
            verticalAlignment: Text.AlignBottom
        }
        Label {
            id: nextTitle
            objectName: "nextTitle"
            anchors.top: nextBlock.bottom; anchors.topMargin: panel.u * 0.5
            width: parent.width
            // Up to three lines, fewer on a short panel; the same height in every language.
            height: linesHeight(Math.max(1, Math.min(3, Math.floor((parent.height - y - em * 0.15) / lineHeight))))
            text: panel.page.nextTitle
            size: 4 * panel.u
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.round(em * 1.18)
            maximumLineCount: Math.floor(height / lineHeight)
        }
        Label {
            objectName: "nextDescription"
            anchors.top: nextTitle.bottom; anchors.topMargin: panel.u * 2
            anchors.bottom: parent.bottom
            width: parent.width
            text: panel.page.nextDescription
            size: panel.small
            color: Theme.muted
            wrapMode: Text.Wrap
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.round(em * 1.3)
            maximumLineCount: Math.max(1, Math.floor(height / lineHeight))
            visible: height >= 2 * lineHeight
        }
    }
}
