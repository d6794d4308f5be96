import QtQuick
import Kiosk
import "components"

// What is on now, until when; or, when nothing is, what the room is waiting for.
// Every block has a fixed height (lines × line height), so nothing moves when the language changes.
Rectangle {
    id: panel
    required property DoorPage page
    required property real u
    required property real small
    readonly property real pad: 3 * u
    color: Theme.panel
    radius: u * 1.2

    // -- a session is on -----------------------------------------------------------------------
    Item {
        id: on
        visible: panel.page.ongoing
        anchors.fill: parent
        anchors.margins: panel.pad

        Item {
            id: head
            width: parent.width
            height: Math.max(badge.height, nowTime.height)
            Rectangle {
                id: badge
                anchors.verticalCenter: parent.verticalCenter
                width: nowLabel.implicitWidth + panel.small
                height: nowLabel.implicitHeight + panel.small * 0.35
                radius: height / 4
                color: Theme.accent
                Label {
                    id: nowLabel
                    objectName: "nowLabel"
                    anchors.centerIn: parent
                    text: panel.page.nowLabel
                    size: panel.small * 1.1
                    color: Theme.accentInk
                    font.weight: Font.Bold
                    font.capitalization: Font.AllUppercase
                }
            }
            Label {
                id: nowTime
                objectName: "nowTime"
                anchors.left: badge.right; anchors.leftMargin: panel.small
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: panel.page.nowTime
                size: 3.6 * panel.u
                font.weight: Font.DemiBold
                font.features: { "tnum": 1 }
            }
        }
        Label {
            id: nowBlock
            objectName: "nowBlock"
            anchors.top: head.bottom; anchors.topMargin: panel.u * 2
            width: parent.width
            height: text === "" ? 0 : linesHeight(2)
            text: panel.page.nowBlock
            size: panel.small
            color: Theme.muted
            wrapMode: Text.Wrap
            maximumLineCount: 2
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.round(font.pixelSize * 1.25)
            verticalAlignment: Text.AlignBottom
        }
        Label {
            id: nowTitle
            objectName: "nowTitle"
            anchors.top: nowBlock.bottom; anchors.topMargin: panel.u * 0.6
            width: parent.width
            // Room for three lines whatever the language, so nothing below moves.
            height: linesHeight(3)
            text: panel.page.nowTitle
            size: 5 * panel.u
            font.weight: Font.Bold
            wrapMode: Text.Wrap
            maximumLineCount: 3
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.round(font.pixelSize * 1.18)
            verticalAlignment: Text.AlignTop
        }
        Label {
            id: people
            objectName: "nowPeople"
            anchors.top: nowTitle.bottom; anchors.topMargin: panel.u
            width: parent.width
            height: text === "" ? 0 : linesHeight(2)
            text: panel.page.nowPeople
            size: panel.small
            color: Theme.muted
            wrapMode: Text.Wrap
            maximumLineCount: 2
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.round(font.pixelSize * 1.25)
        }
        Rectangle {
            id: interpretation
            objectName: "nowInterpretation"
            anchors.top: people.bottom; anchors.topMargin: panel.u
            visible: panel.page.nowInterpretation !== ""
            width: Math.min(parent.width, interpretationText.implicitWidth + panel.small)
            height: visible ? interpretationText.implicitHeight + panel.small * 0.3 : 0
            radius: height / 4
            color: "transparent"
            border.color: Theme.muted
            border.width: Math.max(1, panel.u * 0.15)
            Label {
                id: interpretationText
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.width - panel.small)
                text: panel.page.nowInterpretation
                size: panel.small
                color: Theme.muted
            }
        }
        Label {
            id: description
            objectName: "nowDescription"
            anchors.top: interpretation.bottom; anchors.topMargin: panel.u * 2
            anchors.bottom: also.top; anchors.bottomMargin: panel.u * 2
            width: parent.width
            text: panel.page.nowDescription
            size: panel.small
            color: Theme.muted
            wrapMode: Text.Wrap
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.round(font.pixelSize * 1.3)
            maximumLineCount: Math.max(1, Math.floor(height / lineHeight))
            // Only where there is room for two lines or more: never a lone fragment.
            visible: height >= 2 * lineHeight
        }
        Label {
            id: also
            objectName: "nowAlso"
            anchors.bottom: bar.top; anchors.bottomMargin: panel.u
            width: parent.width
            height: text === "" ? 0 : implicitHeight
            text: panel.page.nowAlso
            size: panel.small
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
                anchors.right: left.left; anchors.rightMargin: 2 * panel.u
                anchors.verticalCenter: parent.verticalCenter
                height: panel.u * 1.2
                value: panel.page.progress
            }
            Label {
                id: left
                objectName: "nowLeft"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: panel.page.nowLeft
                size: 3.6 * panel.u
                font.weight: Font.DemiBold
                color: Theme.accent
            }
        }
    }

    // -- nothing on: before, between, after ------------------------------------------------------
    Item {
        id: off
        visible: !panel.page.ongoing
        anchors.fill: parent
        anchors.margins: panel.pad

        Label {
            id: headline
            objectName: "headline"
            width: parent.width
            // Three lines on a narrow panel, two on a wide one: the same in every language.
            height: linesHeight(panel.width < panel.height ? 3 : 2)
            text: panel.page.headline
            size: 5.4 * panel.u
            font.weight: Font.Bold
            wrapMode: Text.Wrap
            maximumLineCount: Math.floor(height / lineHeight)
            lineHeightMode: Text.FixedHeight
            lineHeight: Math.round(font.pixelSize * 1.18)
        }
        // Where the day goes on: a pointer a person can follow from across the hall.
        Rectangle {
            id: pointer
            objectName: "pointer"
            visible: panel.page.elsewhereTitle !== ""
            anchors.top: headline.bottom; anchors.topMargin: 3 * panel.u
            width: parent.width
            height: pointerColumn.height + 2 * panel.pad
            radius: panel.u
            color: Theme.ground
            border.color: Theme.accent
            border.width: Math.max(2, panel.u * 0.3)
            Column {
                id: pointerColumn
                x: panel.pad; y: panel.pad
                width: parent.width - 2 * panel.pad
                spacing: panel.u
                Label {
                    objectName: "elsewhereLabel"
                    width: parent.width
                    text: panel.page.elsewhereLabel
                    size: panel.small
                    color: Theme.accent
                    font.weight: Font.DemiBold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: panel.u * 0.1
                }
                Label {
                    objectName: "elsewhere"
                    width: parent.width
                    height: linesHeight(2)
                    text: panel.page.elsewhereTitle
                    size: 4.4 * panel.u
                    font.weight: Font.Bold
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    lineHeightMode: Text.FixedHeight
                    lineHeight: Math.round(font.pixelSize * 1.18)
                }
                Row {
                    width: parent.width
                    spacing: panel.u * 1.5
                    Label {
                        id: arrow
                        text: "→"
                        size: 3.8 * panel.u
                        color: Theme.accent
                        font.weight: Font.Bold
                    }
                    Label {
                        objectName: "elsewhereRoom"
                        width: parent.width - arrow.width - parent.spacing
                        text: panel.page.elsewhereRoom
                        size: 3.8 * panel.u
                        color: Theme.accent
                        font.weight: Font.DemiBold
                    }
                }
                Label {
                    objectName: "elsewhereTime"
                    width: parent.width
                    text: panel.page.elsewhereTime
                    size: 3.4 * panel.u
                    font.features: { "tnum": 1 }
                }
            }
        }
    }
}
