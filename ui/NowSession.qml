pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// The door's panel while a session is on: what, until when, who, in which languages, how far through.
// Every block has a fixed height (lines × line height), so nothing moves when the language changes.
Item {
    id: session
    required property DoorPage page
    required property real u
    required property real small
    required property real pad

    // Every block with its lines: what the door gives this panel when it can (DoorPageView); the
    // description only fills what is left, so a gap of 2u stands for it. A shorter panel drops lines,
    // least important first: the title's third, the people's second, the title's second (fixed line
    // counts, so no language shows a different layout).
    readonly property real fixedNeeds: head.height + 2 * u + nowBlock.height + 0.6 * u + u
                                       + (page.nowPeople !== "" ? people.linesHeight(2) : 0) + u
                                       + interpretation.height + 2 * u + also.height + u + bar.height
    readonly property real needed: fixedNeeds + nowTitle.linesHeight(3)
    readonly property real lacking: needed - height
    readonly property int titleLines: lacking > 0.5 ? (lacking - nowTitle.lineHeight - (page.nowPeople !== "" ? people.lineHeight : 0) > 0.5 ? 1 : 2) : 3
    readonly property int peopleLines: lacking - nowTitle.lineHeight > 0.5 ? 1 : 2

    // A delay's printed time, struck through, where it is read whole in every language of the screen:
    // 2, its range beside the new times; 1, its start alone beside them; 0, its range on a line of its
    // own under them. Every page shows the least that fits in any language (printedWay, measured in each
    // by printedProbes), so that no language moves it.
    required property var pages  // every language's page (DoorPage), this one among them
    readonly property int printedWay: {
        let least = 2
        for (let i = 0; i < printedProbes.count; ++i)
            least = Math.min(least, (printedProbes.itemAt(i) as PrintedTime)?.fits ?? 2)
        return least
    }
    // A delay's printed time in each language's line (the badge, the new time, the title's language):
    // where it fits there. Built only while there is a delay.
    Repeater {
        id: printedProbes
        model: session.page.nowTimePrinted !== "" ? session.pages : []
        PrintedTime {
            id: probe
            required property DoorPage modelData
            visible: false
            range: probe.modelData.nowTimePrinted
            start: probe.modelData.nowStartPrinted
            size: Math.max(2.4 * session.u, session.small)
            // Beside the new time on this language's line, laid out as `head` lays out its own.
            room: head.width - probeLabel.implicitWidth - session.small - session.small - probeTime.implicitWidth
                  - session.small - (probeLang.width > 0 ? session.small + probeLang.width : 0)
            Label {
                id: probeLabel
                text: probe.modelData.nowLabel
                size: session.small * 1.1
                font.weight: Font.Bold
                font.capitalization: Font.AllUppercase
            }
            Label {
                id: probeTime
                text: probe.modelData.nowTime
                size: 3.6 * session.u
                font.weight: Font.DemiBold
                font.features: { "tnum": 1 }
            }
            Tag {
                id: probeLang
                text: probe.modelData.nowTitleLang
                size: session.small
                filled: false
            }
        }
    }
    readonly property bool printedUnder: printedWay === 0

    Item {
        id: head
        width: parent.width
        height: line.height + (session.printedUnder ? printed.height : 0)
        // The line of the badge, the time and the title's language; the printed time may go under it.
        Item {
            id: line
            width: parent.width
            height: Math.max(badge.height, nowTime.height)
        }
        Rectangle {
            id: badge
            anchors.left: parent.left
            anchors.verticalCenter: line.verticalCenter
            width: nowLabel.implicitWidth + session.small
            height: nowLabel.implicitHeight + session.small * 0.35
            radius: height / 4
            color: Theme.accent
            Label {
                id: nowLabel
                objectName: "nowLabel"
                anchors.centerIn: parent
                text: session.page.nowLabel
                size: session.small * 1.1
                color: Theme.accentInk
                font.weight: Font.Bold
                font.capitalization: Font.AllUppercase
            }
        }
        Label {
            id: nowTime
            objectName: "nowTime"
            anchors.left: badge.right; anchors.leftMargin: session.small
            // As wide as its words (the struck-through printed time follows them), within the line.
            width: Math.min(implicitWidth, parent.width - badge.width - session.small - nowTitleLang.width)
            anchors.verticalCenter: line.verticalCenter
            text: session.page.nowTime
            size: 3.6 * session.u
            font.weight: Font.DemiBold
            font.features: { "tnum": 1 }
        }
        // FR: the organisers wrote no title in this page's language; it shows in theirs, and says so.
        Tag {
            id: nowTitleLang
            objectName: "nowTitleLang"
            anchors.right: parent.right
            anchors.verticalCenter: line.verticalCenter
            text: session.page.nowTitleLang
            size: session.small
            filled: false
        }
        // A delay: the printed time, struck through, after the new one or under it; never smaller
        // than the door's smallest text.
        PrintedTime {
            id: printed
            objectName: "nowTimePrinted"
            range: session.page.nowTimePrinted
            start: session.page.nowStartPrinted
            way: session.printedWay
            anchors.left: session.printedUnder ? nowTime.left : nowTime.right
            anchors.leftMargin: session.printedUnder ? 0 : session.small
            anchors.right: session.printedUnder ? parent.right : nowTitleLang.left
            anchors.rightMargin: !session.printedUnder && nowTitleLang.shown ? session.small : 0
            // On the new time's baseline, or right under its line.
            y: session.printedUnder ? nowTime.y + nowTime.height : nowTime.y + nowTime.baselineOffset - baselineOffset
            size: Math.max(2.4 * session.u, session.small)
        }
    }
    Label {
        id: nowBlock
        objectName: "nowBlock"
        anchors.top: head.bottom; anchors.topMargin: session.u * 2
        width: parent.width
        height: text === "" ? 0 : linesHeight(2)
        text: session.page.nowBlock
        size: session.small
        color: Theme.muted
        wrapMode: Text.Wrap
        maximumLineCount: 2
        lineHeightMode: Text.FixedHeight
        lineHeight: Math.round(em * 1.25)
        verticalAlignment: Text.AlignBottom
    }
    Label {
        id: nowTitle
        objectName: "nowTitle"
        anchors.top: nowBlock.bottom; anchors.topMargin: session.u * 0.6
        width: parent.width
        // Room for three lines whatever the language, so nothing below moves.
        height: linesHeight(session.titleLines)
        text: session.page.nowTitle
        size: 5 * session.u
        font.weight: Font.Bold
        wrapMode: Text.Wrap
        maximumLineCount: session.titleLines
        lineHeightMode: Text.FixedHeight
        lineHeight: Math.round(em * 1.18)
        verticalAlignment: Text.AlignTop
    }
    Label {
        id: people
        objectName: "nowPeople"
        anchors.top: nowTitle.bottom; anchors.topMargin: session.u
        width: parent.width
        height: text === "" ? 0 : linesHeight(session.peopleLines)
        text: session.page.nowPeople
        size: session.small
        color: Theme.muted
        wrapMode: Text.Wrap
        maximumLineCount: session.peopleLines
        lineHeightMode: Text.FixedHeight
        lineHeight: Math.round(em * 1.25)
    }
    Rectangle {
        id: interpretation
        objectName: "nowInterpretation"
        anchors.top: people.bottom; anchors.topMargin: session.u
        visible: session.page.nowInterpretation !== ""
        width: Math.min(parent.width, interpretationText.implicitWidth + session.small)
        height: visible ? interpretationText.implicitHeight + session.small * 0.3 : 0
        radius: height / 4
        color: "transparent"
        border.color: Theme.muted
        border.width: Math.max(1, session.u * 0.15)
        Label {
            id: interpretationText
            anchors.centerIn: parent
            width: Math.min(implicitWidth, parent.width - session.small)
            text: session.page.nowInterpretation
            size: session.small
            color: Theme.muted
        }
    }
    Label {
        id: description
        objectName: "nowDescription"
        anchors.top: interpretation.bottom; anchors.topMargin: session.u * 2
        anchors.bottom: also.top; anchors.bottomMargin: session.u * 2
        width: parent.width
        text: session.page.nowDescription
        size: session.small
        color: Theme.muted
        wrapMode: Text.Wrap
        lineHeightMode: Text.FixedHeight
        lineHeight: Math.round(em * 1.3)
        maximumLineCount: Math.max(1, Math.floor(height / lineHeight))
        // Only where there is room for two lines or more: never a lone fragment.
        visible: height >= 2 * lineHeight
    }
    Label {
        id: also
        objectName: "nowAlso"
        anchors.bottom: bar.top; anchors.bottomMargin: session.u
        width: parent.width
        height: text === "" ? 0 : implicitHeight
        text: session.page.nowAlso
        size: session.small
        color: Theme.accent
    }
    Item {
        id: bar
        anchors.left: parent.left; anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: left.implicitHeight
        ProgressLine {
            objectName: "progress"
            anchors.left: parent.left
            anchors.right: left.left; anchors.rightMargin: 2 * session.u
            anchors.verticalCenter: parent.verticalCenter
            height: session.u * 1.2
            value: session.page.progress
        }
        Label {
            id: left
            objectName: "nowLeft"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            text: session.page.nowLeft
            size: 3.6 * session.u
            font.weight: Font.DemiBold
            color: Theme.accent
        }
    }
}
