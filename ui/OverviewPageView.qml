import QtQuick
import Kiosk
import "components"

// One language's page of the overview. Landscape: the board of rooms, the day's agenda beside it.
// Portrait: the agenda below the board. Zones and rows have fixed sizes (fractions of the screen), so
// nothing moves when the language changes; a board longer than the screen is paged by Python from
// the number of rows this page says fit (boardRowsFit), never shrunk.
Item {
    id: view
    required property OverviewPage page
    required property list<string> languageLabels
    required property int languageIndex
    // The notice band's text in every screen language (the other pages are not built to measure).
    required property list<string> noticeTexts
    // The QR code's side (0: none): it sits in the screen's bottom right corner, outside this page.
    property real qrSide: 0
    required property real shortRows
    required property real rowsWanted  // the whole board, in room rows: a portrait board takes no more

    readonly property real boardRowsFit: board.rowsFit
    readonly property int agendaRowsFit: agenda.rowsFit
    // Reported once the page is built, not from the half-evaluated bindings on the way there.
    property bool built: false
    Component.onCompleted: built = true

    OverviewMetrics {
        id: metrics
        width: view.width
        height: view.height
    }

    OverviewHeader {
        id: header
        page: view.page
        metrics: metrics
        x: metrics.margin; y: metrics.margin * 0.8
        width: view.width - 2 * metrics.margin
    }
    Rectangle {
        id: rule
        x: metrics.margin; width: view.width - 2 * metrics.margin
        anchors.top: header.bottom; anchors.topMargin: 1.5 * metrics.u
        height: Math.max(2, metrics.u * 0.25)
        color: Theme.line
    }

    NoticeBand {
        id: notice
        x: metrics.margin; width: view.width - 2 * metrics.margin
        anchors.top: rule.bottom; anchors.topMargin: shown ? metrics.gap : 0
        height: implicitHeight
        kind: view.page.noticeKind
        label: view.page.noticeLabel
        text: view.page.noticeText
        more: view.page.noticeMore
        arrow: view.page.noticeArrow
        angle: view.page.noticeAngle
        words: view.page.noticeWords
        texts: view.noticeTexts
        lines: notice.textWords
        u: metrics.u
        small: metrics.small
    }

    // -- body: the board, and the agenda beside it (landscape) or below it (portrait) -------------
    Item {
        id: body
        x: metrics.margin
        anchors.top: notice.bottom; anchors.topMargin: metrics.gap
        anchors.bottom: footer.top; anchors.bottomMargin: metrics.u * 1.5
        width: view.width - 2 * metrics.margin

        Board {
            id: board
            page: view.page
            metrics: metrics
            shortRows: view.shortRows
            rowsWanted: view.rowsWanted
            readonly property real start: 0
            x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
            width: metrics.portrait ? parent.width : parent.width * 0.64
            // Portrait: as tall as the whole board needs, up to 78 %; the agenda gets the rest.
            height: metrics.portrait ? Math.min(parent.height * 0.78, board.needs) : parent.height
        }
        Agenda {
            id: agenda
            page: view.page
            metrics: metrics
            readonly property real start: metrics.portrait ? 0 : board.width + metrics.gap
            x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
            y: metrics.portrait ? board.height + metrics.gap : 0
            width: parent.width - start
            height: parent.height - y
        }
    }

    // -- footer: marks and languages ---------------------------------------------------------------
    Item {
        id: footer
        // Left of the QR code on every page: an explicit x is never mirrored, the footer's words are.
        x: metrics.margin; width: view.width - 2 * metrics.margin - (view.qrSide > 0 ? view.qrSide + 2 * metrics.u : 0)
        height: Math.max(metrics.small * 2, view.qrSide)
        anchors.bottom: parent.bottom; anchors.bottomMargin: metrics.margin * 0.5

        Marks {
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            programmeError: view.page.programmeError
            rehearsal: view.page.rehearsal
            clockUnsynced: view.page.clockUnsynced
            size: metrics.small
        }
        LanguageDots {
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            labels: view.languageLabels
            current: view.languageIndex
            size: metrics.small
        }
    }
}
