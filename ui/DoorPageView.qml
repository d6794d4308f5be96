pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// One language's page of the door screen. Zones have fixed sizes (fractions of the screen), so the
// layout does not move when the language changes; long text wraps, then ends in an ellipsis.
Item {
    id: view
    required property DoorPage page
    required property list<string> languageLabels
    required property int languageIndex
    // The QR code's side (0: none): it sits in the screen's bottom right corner, outside this page.
    property real qrSide: 0
    // Every language's page of this door (DoorPage), this one among them: what all pages show alike is
    // measured here in each language (the headline's lines, the notice's, a delay's printed times).
    required property var pages

    readonly property bool portrait: height > width
    // Type scale: one unit is 1 % of the screen height, narrowed on portrait screens so that a title
    // still has a dozen words per line. The smallest text is 2 % of the height, never below the floor.
    readonly property real u: Math.min(height, width * 1.3) / 100
    readonly property real small: Math.max(0.02 * height, Theme.floorPixels)
    readonly property real margin: 4 * u

    // -- header: emblem, room, clock and date ---------------------------------------------------
    Item {
        id: header
        objectName: "header"
        x: view.margin; y: view.margin * 0.8
        width: view.width - 2 * view.margin
        height: view.portrait ? roomName.height + clock.height + view.u : Math.max(roomName.height, clock.height + date.height)

        Emblem {
            id: emblem
            width: roomName.em * 0.95
            height: width
            anchors.left: parent.left
            anchors.verticalCenter: roomName.verticalCenter
        }
        Label {
            id: roomName
            objectName: "roomName"
            anchors.left: emblem.right; anchors.leftMargin: view.u * 1.5
            anchors.right: view.portrait ? parent.right : clock.left
            anchors.rightMargin: view.portrait ? 0 : 2 * view.u
            y: view.portrait ? 0 : (parent.height - height) / 2
            // The room's name is the first thing read: a long one ("Restaurant 7ème étage") shrinks
            // a little to stay whole, within a fixed box, rather than losing its end.
            height: Math.round(7 * view.u * 1.25)
            text: view.page.roomName
            size: 7 * view.u
            fontSizeMode: Text.Fit
            minimumPixelSize: Math.round(4.5 * view.u)
            verticalAlignment: Text.AlignVCenter
            font.weight: Font.Bold
        }
        Label {
            id: clock
            objectName: "clock"
            anchors.right: parent.right
            y: view.portrait ? roomName.height + view.u : 0
            text: view.page.clock
            size: 5.5 * view.u
            font.weight: Font.DemiBold
            font.features: { "tnum": 1 }
        }
        Label {
            id: date
            objectName: "date"
            anchors.left: view.portrait ? parent.left : undefined
            anchors.right: view.portrait ? clock.left : parent.right
            anchors.rightMargin: view.portrait ? 2 * view.u : 0
            y: view.portrait ? clock.y + clock.height - height - clock.height * 0.1 : clock.height
            horizontalAlignment: view.portrait ? Text.AlignLeft : Text.AlignRight
            width: view.portrait ? undefined : Math.min(implicitWidth, parent.width * 0.4)
            text: view.page.date
            size: view.small * 1.1
            color: Theme.muted
        }
    }
    Rectangle {
        id: rule
        x: view.margin; width: view.width - 2 * view.margin
        anchors.top: header.bottom; anchors.topMargin: 1.5 * view.u
        height: Math.max(2, view.u * 0.25)
        color: Theme.line
    }

    // The notice band and the cancelled line are built only while there is one: most of a day has
    // neither, and each page built them both (25 items; docs/performance.md). No band, no line: no
    // height, as before.
    Loader {
        id: notice
        active: view.page.noticeKind !== ""
        x: view.margin; width: view.width - 2 * view.margin
        anchors.top: rule.bottom; anchors.topMargin: active ? 2 * view.u : 0
        height: (item as NoticeBand)?.implicitHeight ?? 0
        sourceComponent: NoticeBand {
            id: band
            kind: view.page.noticeKind
            label: view.page.noticeLabel
            text: view.page.noticeText
            more: view.page.noticeMore
            arrow: view.page.noticeArrow
            angle: view.page.noticeAngle
            words: view.page.noticeWords
            texts: view.pages.map(page => page.noticeText)
            lines: band.textWords
            u: view.u
            small: view.small
        }
    }

    Loader {
        id: cancelled
        active: view.page.cancelledText !== ""
        x: view.margin; width: view.width - 2 * view.margin
        anchors.top: notice.bottom; anchors.topMargin: active ? 2 * view.u : 0
        height: (item as CancelledLine)?.implicitHeight ?? 0
        sourceComponent: CancelledLine {
            label: view.page.cancelledLabel
            text: view.page.cancelledText
            u: view.u
            size: 3.2 * view.u  // between a session's time (3.6) and the smallest text: read in passing
            lines: view.portrait ? 2 : 1
        }
    }

    // -- body: now, then next (beside it on landscape, below it on portrait) --------------------
    Item {
        id: body
        x: view.margin
        anchors.top: cancelled.bottom; anchors.topMargin: 3 * view.u
        anchors.bottom: footer.top; anchors.bottomMargin: 3 * view.u
        width: view.width - 2 * view.margin

        NowPanel {
            id: now
            objectName: "nowCard"
            pages: view.pages
            anchors.left: parent.left
            page: view.page
            u: view.u
            small: view.small
            // Full size when nothing follows; otherwise next gets a third of the room.
            width: view.portrait || !view.page.hasNext ? parent.width : parent.width * 0.62
            // A notice band above takes its room from now, not from next (whose title needs a line);
            // the cancelled line takes its room from next, which has lines to spare. Now gets more when
            // its lines need it, as long as next keeps its least; what still does not fit, now drops.
            height: view.portrait && view.page.hasNext
                    ? Math.min(Math.max(parent.height * ((notice.active ? 0.6 : 0.66) + (cancelled.active ? 0.05 : 0)),
                                        needed),
                               parent.height - 3 * view.u - next.least)
                    : parent.height
        }
        NextPanel {
            id: next
            objectName: "nextCard"
            pages: view.pages
            page: view.page
            u: view.u
            small: view.small
            // Beside now on landscape: at the end of the line, which is the left on a mirrored page.
            x: view.portrait || LayoutMirroring.enabled ? 0 : now.width + 3 * view.u
            y: view.portrait ? now.height + 3 * view.u : 0
            width: view.portrait ? parent.width : parent.width - now.width - 3 * view.u
            height: view.portrait ? parent.height - now.height - 3 * view.u : parent.height
        }
    }

    // -- footer: the event, the marks, the languages --------------------------------------------
    Item {
        id: footer
        objectName: "footer"
        // Left of the QR code on every page: an explicit x is never mirrored, the footer's words are.
        x: view.margin; width: view.width - 2 * view.margin - (view.qrSide > 0 ? view.qrSide + 2 * view.u : 0)
        height: Math.max(footerTitle.height, view.qrSide)
        anchors.bottom: parent.bottom; anchors.bottomMargin: view.margin * 0.6

        Label {
            id: footerTitle
            objectName: "eventTitle"
            anchors.left: parent.left
            anchors.right: marks.left; anchors.rightMargin: view.u * 2
            anchors.verticalCenter: parent.verticalCenter
            height: linesHeight(2)  // two lines' room in every language
            verticalAlignment: Text.AlignVCenter
            text: view.portrait ? view.page.eventShort : view.page.eventTitle
            size: view.small
            color: Theme.muted
            wrapMode: Text.Wrap
            maximumLineCount: 2
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.round(em * 1.25)
        }
        Marks {
            id: marks
            anchors.right: dots.left; anchors.rightMargin: view.u * 2
            anchors.verticalCenter: parent.verticalCenter
            programmeError: view.page.programmeError
            rehearsal: view.page.rehearsal
            clockUnsynced: view.page.clockUnsynced
            size: view.small
        }
        LanguageDots {
            id: dots
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            labels: view.languageLabels
            current: view.languageIndex
            size: view.small
        }
    }
}
