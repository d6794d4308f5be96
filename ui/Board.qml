pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// The board: the venue-wide moment above it, the columns' headings, then a row per room (or per
// group of rooms under one umbrella block). Python pages it from how many rows fit (rowsFit).
Item {
    id: board
    required property OverviewPage page
    required property OverviewMetrics metrics
    required property real shortRows
    required property real rowsWanted  // the whole board, in room rows: a portrait board takes no more
    objectName: "board"

    // How many room rows fit under the headings.
    readonly property real rowsFit: Math.max(0, (rows.height + metrics.rowGap) / (metrics.rowHeight + metrics.rowGap))
    // The height the whole board would take.
    readonly property real needs: rows.y + rowsWanted * (metrics.rowHeight + metrics.rowGap) - metrics.rowGap + 1
    // Where a row's columns start, from its left edge: the headings sit above them.
    // With the way to each room (a sign), the room's column has room for its arrow and words too.
    readonly property real roomWidth: (metrics.portrait ? (page.boardWays ? 0.36 : 0.27)
                                                        : (page.boardWays ? 0.28 : 0.19)) * width
    readonly property real nowWidth: (width - roomWidth) * 0.52

    VenueBanner {
        id: banner
        page: board.page
        u: board.metrics.u; small: board.metrics.small; titleSize: board.metrics.titleSize
        stacked: board.metrics.portrait
        width: parent.width
        visible: board.page.hasVenue
        height: board.page.hasVenue ? implicitHeight : 0
    }
    Item {
        id: headings
        anchors.top: banner.bottom; anchors.topMargin: board.page.hasVenue ? board.metrics.gap * 0.8 : 0
        width: parent.width
        height: Theme.lineOf(board.metrics.small)
        Heading {
            objectName: "roomHeading"
            readonly property real start: board.metrics.u * 1.1
            x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
            width: Math.min(implicitWidth, board.roomWidth - start)
            text: board.page.roomHeading
            size: board.metrics.small
            u: board.metrics.u
        }
        Heading {
            objectName: "nowHeading"
            readonly property real start: board.roomWidth
            x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
            width: Math.min(implicitWidth, (board.metrics.portrait ? pageLabel.start : board.roomWidth + board.nowWidth) - start - board.metrics.u)
            text: board.page.nowHeading
            size: board.metrics.small
            u: board.metrics.u
        }
        Heading {
            objectName: "nextHeading"
            visible: !board.metrics.portrait
            readonly property real start: board.roomWidth + board.nowWidth
            x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
            width: Math.min(implicitWidth, pageLabel.start - start - board.metrics.u)
            text: board.page.nextHeading
            size: board.metrics.small
            u: board.metrics.u
        }
        Label {
            id: pageLabel
            objectName: "pageLabel"
            readonly property real start: parent.width - width
            x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
            text: board.page.pageLabel
            size: board.metrics.small
            color: Theme.text
            font.weight: Font.DemiBold
            font.features: { "tnum": 1 }
        }
    }
    Item {
        id: rows
        anchors.top: headings.bottom; anchors.topMargin: board.metrics.u * 0.8
        anchors.bottom: parent.bottom
        width: parent.width
        Column {
            width: parent.width
            spacing: board.metrics.rowGap
            Repeater {
                model: board.page.board
                BoardRowView {
                    required property BoardRow modelData
                    line: modelData
                    width: rows.width
                    u: board.metrics.u; small: board.metrics.small; titleSize: board.metrics.titleSize
                    portrait: board.metrics.portrait
                    rowHeight: board.metrics.rowHeight
                    rowGap: board.metrics.rowGap
                    shortRows: board.shortRows
                    roomWidth: board.roomWidth
                    nowWidth: board.nowWidth
                }
            }
        }
    }
}
