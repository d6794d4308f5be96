import QtQuick
import Kiosk
import "components"

// The venue-wide moment on now, or the next one today: lunch, coffee, the cocktail. Where everyone
// goes, above the board, with a "Pour tous" tag and "En cours" or how soon, in words.
// Landscape: the tag, then what and where, then the status. Stacked (portrait): tag and status on top.
Rectangle {
    id: banner
    required property OverviewPage page
    required property real u
    required property real small
    required property real titleSize
    property bool stacked: false
    objectName: "venue"

    readonly property real pad: 1.2 * u
    readonly property real topLine: stacked ? Theme.lineOf(small * 1.1) + u * 0.6 : 0
    // Where the texts start and end on their line (before mirroring: see Theme.startX).
    readonly property real textLeft: stacked ? pad : labelTag.start + labelTag.width + u * 1.5
    readonly property real textRight: stacked ? width - pad : statusBox.start - u * 1.5

    radius: u * 0.8
    color: Theme.panel
    border.color: Theme.accent
    border.width: Math.max(2, u * 0.25)
    implicitHeight: pad * 2 + topLine + Theme.lineOf(titleSize * 1.25) + u * 0.3 + Theme.lineOf(titleSize)

    Tag {
        id: labelTag
        objectName: "venueLabel"
        readonly property real start: banner.pad
        x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
        y: banner.stacked ? banner.pad + (Theme.lineOf(banner.small * 1.1) - height) / 2
                          : (banner.height - height) / 2
        text: banner.page.venueLabel
        size: banner.small
        maximumWidth: banner.width * (banner.stacked ? 0.6 : 0.25)
    }
    Label {
        id: titleText
        objectName: "venueTitle"
        readonly property real start: banner.textLeft
        x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
        y: banner.pad + banner.topLine
        width: banner.textRight - start
        height: Theme.lineOf(size)
        verticalAlignment: Text.AlignVCenter
        text: banner.page.venueTitle
        size: banner.titleSize * 1.25
        font.weight: Font.Bold
    }
    Item {
        id: whereRow
        readonly property real start: banner.textLeft
        x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
        y: titleText.y + titleText.height + banner.u * 0.3
        width: banner.textRight - start
        height: Theme.lineOf(banner.titleSize)
        Label {
            id: venueWhere
            objectName: "venueWhere"
            readonly property real start: 0
            x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
            width: Math.min(implicitWidth, whereRow.width - venueTime.width - banner.u * 1.5)
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            text: banner.page.venueWhere
            size: banner.titleSize
            font.weight: Font.DemiBold
        }
        Label {
            id: venueTime
            objectName: "venueTime"
            readonly property real start: venueWhere.width + banner.u * 1.5
            x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
            width: Math.min(implicitWidth, whereRow.width * 0.5)
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            text: banner.page.venueTime
            size: banner.titleSize
            color: Theme.accent
            font.weight: Font.DemiBold
            font.features: { "tnum": 1 }
        }
    }
    Item {
        id: statusBox
        readonly property real start: banner.width - width - banner.pad
        x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
        y: banner.stacked ? labelTag.y + (labelTag.height - height) / 2 : (banner.height - height) / 2
        width: banner.page.venueOngoing ? nowTag.width
                                        : Math.min(Math.ceil(soonWidth.advanceWidth) + 1, banner.width * 0.3)
        height: banner.page.venueOngoing ? nowTag.height : soon.height
        Tag {
            id: nowTag
            objectName: "venueNow"
            visible: banner.page.venueOngoing
            text: banner.page.venueOngoing ? banner.page.venueStatus : ""
            size: banner.small
        }
        TextMetrics {
            id: soonWidth
            font: soon.font
            text: soon.text
        }
        Label {
            id: soon
            objectName: "venueSoon"
            visible: !banner.page.venueOngoing
            width: parent.width
            height: Theme.lineOf(size)
            verticalAlignment: Text.AlignVCenter
            text: banner.page.venueOngoing ? "" : banner.page.venueStatus
            size: banner.small * 1.1
            color: Theme.accent
            font.weight: Font.DemiBold
        }
    }
}
