pragma ComponentBehavior: Bound
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
    required property real shortRows
    required property real rowsWanted  // the whole board, in room rows: a portrait board takes no more

    readonly property bool portrait: height > width
    // Type scale: one unit is 1 % of the screen height. On a portrait screen it follows the width
    // (nearly): the same panel turned keeps about the same letters, read from the same distance, and a
    // title keeps a useful number of words per line. Nothing is smaller than `small`, nor the floor.
    readonly property real u: Math.min(height, width * 1.15) / 100
    readonly property real small: Math.max(2 * u, Theme.floorPixels)
    readonly property real titleSize: Math.max((portrait ? 2.3 : 2.5) * u, small)
    readonly property real margin: 3.5 * u
    readonly property real gap: 2.5 * u

    // Heights are computed from type sizes, never read back from laid-out text: how many rows fit is
    // then known as soon as the page is built, before the first frame.
    // A line is 1.22 em: Inter's own line (ascent and descent) is 1.21 em, and a shorter fixed line
    // would let the last line's descenders out of its box.
    function pixels(size) { return Math.max(Theme.floorPixels, Math.round(size)) }
    function lineOf(size) { return Math.ceil(pixels(size) * 1.22) }

    // A room's row holds two lines of title side by side (landscape) or three stacked (portrait).
    readonly property real rowHeight: (portrait ? 3 : 2) * lineOf(titleSize) + (portrait ? 0.6 * u : 0) + 2.2 * u
    readonly property real rowGap: 0.7 * u
    readonly property real boardRowsFit: Math.max(0, (rows.height + rowGap) / (rowHeight + rowGap))
    readonly property real agendaSize: Math.max(2.2 * u, small)
    readonly property real agendaHeight: portrait ? lineOf(agendaSize) + 1.2 * u : lineOf(agendaSize) + lineOf(small) + 2 * u
    readonly property real agendaGap: 0.4 * u
    // Reported once the page is built, not from the half-evaluated bindings on the way there.
    property bool built: false
    Component.onCompleted: built = true
    readonly property int agendaRowsFit: Math.max(0, Math.floor((agendaList.height + agendaGap) / (agendaHeight + agendaGap)))

    // -- header: the event, the date and venue, the time -------------------------------------------
    // The event's name has two lines on portrait (a narrow screen), one on landscape, in every language.
    Item {
        id: header
        x: view.margin; y: view.margin * 0.8
        width: view.width - 2 * view.margin
        height: Math.max(eventTitle.height + view.u * 0.4 + subtitle.height, clock.height)

        Emblem {
            id: emblem
            width: view.u * 5.2
            height: width
            anchors.verticalCenter: parent.verticalCenter
        }
        Label {
            id: eventTitle
            objectName: "eventTitle"
            anchors.left: emblem.right; anchors.leftMargin: view.u * 1.5
            anchors.right: clock.left; anchors.rightMargin: view.u * 2
            height: lineHeight * (view.portrait ? 2 : 1)
            text: view.page.eventTitle
            size: (view.portrait ? 3 : 3.4) * view.u
            font.weight: Font.Bold
            wrapMode: Text.Wrap
            maximumLineCount: view.portrait ? 2 : 1
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.ceil(font.pixelSize * 1.22)
        }
        Label {
            id: subtitle
            objectName: "subtitle"
            anchors.left: eventTitle.left
            anchors.right: eventTitle.right
            anchors.top: eventTitle.bottom; anchors.topMargin: view.u * 0.4
            height: view.lineOf(size)
            text: view.page.subtitle
            size: view.small * 1.1
            color: Theme.muted
        }
        Label {
            id: clock
            objectName: "clock"
            anchors.right: parent.right
            y: (parent.height - height) / 2
            height: view.lineOf(size)
            verticalAlignment: Text.AlignVCenter
            text: view.page.clock
            size: 6 * view.u
            font.weight: Font.DemiBold
            font.features: { "tnum": 1 }
        }
    }
    Rectangle {
        id: rule
        x: view.margin; width: view.width - 2 * view.margin
        anchors.top: header.bottom; anchors.topMargin: 1.5 * view.u
        height: Math.max(2, view.u * 0.25)
        color: Theme.line
    }

    // -- body: the board, and the agenda beside it (landscape) or below it (portrait) -------------
    Item {
        id: body
        x: view.margin
        anchors.top: rule.bottom; anchors.topMargin: view.gap
        anchors.bottom: footer.top; anchors.bottomMargin: view.u * 1.5
        width: view.width - 2 * view.margin

        Item {
            id: board
            objectName: "board"
            width: view.portrait ? parent.width : parent.width * 0.64
            // Portrait: as tall as the whole board needs, up to 78 %; the agenda gets the rest.
            readonly property real needs: rows.y + view.rowsWanted * (view.rowHeight + view.rowGap) - view.rowGap + 1
            height: view.portrait ? Math.min(parent.height * 0.78, needs) : parent.height

            OverviewBanner {
                id: banner
                page: view.page
                u: view.u; small: view.small; titleSize: view.titleSize
                stacked: view.portrait
                width: parent.width
                visible: view.page.hasVenue
                height: view.page.hasVenue ? implicitHeight : 0
            }
            Item {
                id: headings
                anchors.top: banner.bottom; anchors.topMargin: view.page.hasVenue ? view.gap * 0.8 : 0
                width: parent.width
                height: view.lineOf(view.small)
                // Where the row's columns start (see OverviewBoardRow): the headings sit above them.
                readonly property real roomWidth: (view.portrait ? 0.27 : 0.19) * width
                readonly property real nextX: roomWidth + (width - roomWidth) * 0.52
                Label {
                    id: roomHeading
                    objectName: "roomHeading"
                    x: view.u * 1.1
                    width: Math.min(implicitWidth, headings.roomWidth - x)
                    text: view.page.roomHeading
                    size: view.small
                    color: Theme.muted
                    font.weight: Font.DemiBold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: view.u * 0.08
                }
                Label {
                    objectName: "nowHeading"
                    x: headings.roomWidth
                    width: Math.min(implicitWidth, (view.portrait ? pageLabel.x : headings.nextX) - x - view.u)
                    text: view.page.nowHeading
                    size: view.small
                    color: Theme.muted
                    font.weight: Font.DemiBold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: view.u * 0.08
                }
                Label {
                    objectName: "nextHeading"
                    visible: !view.portrait
                    x: headings.nextX
                    width: Math.min(implicitWidth, pageLabel.x - x - view.u)
                    text: view.page.nextHeading
                    size: view.small
                    color: Theme.muted
                    font.weight: Font.DemiBold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: view.u * 0.08
                }
                Label {
                    id: pageLabel
                    objectName: "pageLabel"
                    x: parent.width - width
                    text: view.page.pageLabel
                    size: view.small
                    color: Theme.text
                    font.weight: Font.DemiBold
                    font.features: { "tnum": 1 }
                }
            }
            Item {
                id: rows
                anchors.top: headings.bottom; anchors.topMargin: view.u * 0.8
                anchors.bottom: parent.bottom
                width: parent.width
                Column {
                    width: parent.width
                    spacing: view.rowGap
                    Repeater {
                        model: view.page.board
                        OverviewBoardRow {
                            required property BoardRow modelData
                            line: modelData
                            width: rows.width
                            u: view.u; small: view.small; titleSize: view.titleSize
                            portrait: view.portrait
                            rowHeight: view.rowHeight
                            rowGap: view.rowGap
                            shortRows: view.shortRows
                        }
                    }
                }
            }
        }

        Item {
            id: agenda
            objectName: "agenda"
            x: view.portrait ? 0 : board.width + view.gap
            y: view.portrait ? board.height + view.gap : 0
            width: parent.width - x
            height: parent.height - y

            Label {
                id: agendaHeading
                objectName: "agendaHeading"
                width: parent.width
                height: view.lineOf(size)
                text: view.page.agendaHeading
                size: view.small
                color: Theme.muted
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: view.u * 0.08
            }
            Item {
                id: agendaList
                anchors.top: agendaHeading.bottom; anchors.topMargin: view.u * 0.8
                anchors.bottom: more.top; anchors.bottomMargin: view.u * 0.4
                width: parent.width
                Column {
                    width: parent.width
                    spacing: view.agendaGap
                    Repeater {
                        model: view.page.agenda
                        OverviewAgendaItem {
                            required property AgendaRow modelData
                            entry: modelData
                            width: agendaList.width
                            height: view.agendaHeight
                            u: view.u; small: view.small; size: view.agendaSize
                            wide: view.portrait
                        }
                    }
                }
            }
            Label {
                id: more
                objectName: "agendaMore"
                anchors.bottom: parent.bottom
                x: view.u * 1.2
                width: parent.width - x
                // Its line is kept even when empty, so the number of items that fit does not change.
                height: Math.round(font.pixelSize * 1.3)
                text: view.page.agendaMore
                size: view.small
                color: Theme.muted
            }
        }
    }

    // -- footer: marks and languages ---------------------------------------------------------------
    Item {
        id: footer
        x: view.margin; width: view.width - 2 * view.margin
        height: view.small * 2
        anchors.bottom: parent.bottom; anchors.bottomMargin: view.margin * 0.5

        Marks {
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            programmeError: view.page.programmeError
            rehearsal: view.page.rehearsal
            size: view.small
        }
        LanguageDots {
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            labels: view.languageLabels
            current: view.languageIndex
            size: view.small
        }
    }
}
