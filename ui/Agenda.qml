pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// The day's agenda: a heading, as many items as fit (rowsFit, which Python fills, in pages when there
// are more), and "n more" below the last page.
Item {
    id: agenda
    required property OverviewPage page
    required property OverviewMetrics metrics
    objectName: "agenda"

    readonly property int rowsFit: Math.max(0, Math.floor((list.height + metrics.agendaGap) / (metrics.agendaHeight + metrics.agendaGap)))

    Heading {
        id: heading
        objectName: "agendaHeading"
        readonly property real start: 0
        x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
        width: parent.width - (pageLabel.text === "" ? 0 : pageLabel.width + agenda.metrics.u)
        height: Theme.lineOf(size)
        text: agenda.page.agendaHeading
        size: agenda.metrics.small
        u: agenda.metrics.u
    }
    // A long agenda pages, in step with the languages (like the board): which page, in words.
    Label {
        id: pageLabel
        objectName: "agendaPage"
        readonly property real start: parent.width - width
        x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
        anchors.baseline: heading.baseline
        text: agenda.page.agendaPage
        size: agenda.metrics.small
        color: Theme.text
        font.weight: Font.DemiBold
        font.features: { "tnum": 1 }
    }
    Item {
        id: list
        anchors.top: heading.bottom; anchors.topMargin: agenda.metrics.u * 0.8
        anchors.bottom: more.top; anchors.bottomMargin: agenda.metrics.u * 0.4
        width: parent.width
        Column {
            width: parent.width
            spacing: agenda.metrics.agendaGap
            Repeater {
                model: agenda.page.agenda
                AgendaRowView {
                    required property AgendaRow modelData
                    entry: modelData
                    width: list.width
                    height: agenda.metrics.agendaHeight
                    u: agenda.metrics.u; small: agenda.metrics.small; size: agenda.metrics.agendaSize
                    wide: agenda.metrics.portrait
                }
            }
        }
    }
    Label {
        id: more
        objectName: "agendaMore"
        anchors.bottom: parent.bottom
        readonly property real start: agenda.metrics.u * 1.2
        x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
        width: parent.width - start
        // Its line is kept even when empty, so the number of items that fit does not change.
        height: Math.round(em * 1.3)
        text: agenda.page.agendaMore
        size: agenda.metrics.small
        color: Theme.muted
    }
}
