import QtQuick
import Kiosk
import "components"

// The overview's header: the emblem, the event, its date and venue, the time. The event's name has
// two lines on portrait (a narrow screen), one on landscape, in every language.
Item {
    id: header
    required property OverviewPage page
    required property OverviewMetrics metrics
    height: Math.max(eventTitle.height + metrics.u * 0.4 + subtitle.height, clock.height)

    Emblem {
        id: emblem
        width: header.metrics.u * 5.2
        height: width
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
    }
    Label {
        id: eventTitle
        objectName: "eventTitle"
        anchors.left: emblem.right; anchors.leftMargin: header.metrics.u * 1.5
        anchors.right: clock.left; anchors.rightMargin: header.metrics.u * 2
        height: lineHeight * (header.metrics.portrait ? 2 : 1)
        text: header.page.eventTitle
        size: (header.metrics.portrait ? 3 : 3.4) * header.metrics.u
        font.weight: Font.Bold
        wrapMode: Text.Wrap
        maximumLineCount: header.metrics.portrait ? 2 : 1
        lineHeightMode: Text.FixedHeight
        lineHeight: Math.ceil(em * 1.22)
    }
    Label {
        id: subtitle
        objectName: "subtitle"
        anchors.left: eventTitle.left
        anchors.right: eventTitle.right
        anchors.top: eventTitle.bottom; anchors.topMargin: header.metrics.u * 0.4
        height: Theme.lineOf(size)
        text: header.page.subtitle
        size: header.metrics.small * 1.1
        color: Theme.muted
    }
    Label {
        id: clock
        objectName: "clock"
        anchors.right: parent.right
        y: (parent.height - height) / 2
        height: Theme.lineOf(size)
        verticalAlignment: Text.AlignVCenter
        text: header.page.clock
        size: 6 * header.metrics.u
        font.weight: Font.DemiBold
        font.features: { "tnum": 1 }
    }
}
