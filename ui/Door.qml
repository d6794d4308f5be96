pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// The room-door screen: one room, now and next, one page per language crossfading in turn.
// Layout only: every string comes ready from kiosk.present through the DoorSign bridge.
Rectangle {
    id: root
    required property DoorSign door
    color: Theme.ground
    // The session's page as a QR code, for a phone up to 2 m away, in the bottom corner the footer
    // leaves it: modules of 2.9 mm where the panel's size is known, at most a fifth of the screen's
    // short side (kiosk.present.qr); 0 when there is no link.
    readonly property real qrSide: qr?.side ?? 0  // (qr goes first when the screen is taken down)

    // A language's page, saying how many lines its headline's and its notice's words take and how a
    // delay's printed times fit beside the new ones (NowSession).
    component DoorSlot: LanguagePage {
        property int headlineWords: 0
        property int noticeWords: 0
        property int nowPrintedFits: 2
        property int nextPrintedFits: 2
    }

    Stage {
        rotation: root.door.rotation

        Crossfade {
            id: crossfade
            shown: root.door.languageIndex
            reducedMotion: root.door.reducedMotion
        }
        Repeater {
            id: pages
            model: root.door.emergency ? [] : root.door.pages
            // What every page shows the same, from what each page says of itself: the most of
            // `name` over the pages, or the least (`least`), from `start`.
            function across(name: string, start: int, least: bool): int {
                let value = start
                for (let i = 0; i < count; ++i) {
                    const page = (itemAt(i) as DoorSlot)?.[name] ?? start
                    value = least ? Math.min(value, page) : Math.max(value, page)
                }
                return value
            }
            // The headline gets as many lines on every page as the longest language's needs.
            readonly property int headlineLines: across("headlineWords", 0, false)
            // So does the notice band's text (1 or 2 lines): the band is as tall on every page.
            readonly property int noticeLines: across("noticeWords", 1, false)
            // A delay's printed times go on every page as they fit on the page with the least room.
            readonly property int nowPrintedWay: across("nowPrintedFits", 2, true)
            readonly property int nextPrintedWay: across("nextPrintedFits", 2, true)
            DoorSlot {
                id: slot
                required property DoorPage modelData
                headlineWords: pageView.headlineWords
                noticeWords: pageView.noticeWords
                nowPrintedFits: pageView.nowPrintedFits
                nextPrintedFits: pageView.nextPrintedFits
                fade: crossfade
                rightToLeft: modelData.rightToLeft

                DoorPageView {
                    id: pageView
                    anchors.fill: parent
                    headlineShared: pages.headlineLines
                    noticeShared: pages.noticeLines
                    nowPrintedWay: pages.nowPrintedWay
                    nextPrintedWay: pages.nextPrintedWay
                    qrSide: root.qrSide
                    page: slot.modelData
                    languageLabels: root.door.languageLabels
                    languageIndex: root.door.languageIndex
                }
            }
        }
        // Outside the language pages: the same link in every language, so it never fades.
        QrCode {
            id: qr
            objectName: "qr"
            z: 2  // over the language pages, which paint the ground
            visible: root.qrSide > 0
            text: root.door.qrUrl
            largest: Math.round(Math.min(root.width, root.height) * 0.2)
            width: root.qrSide
            height: root.qrSide
            x: parent.width - width - Math.round(Math.min(parent.height, parent.width * 1.3) * 0.04)
            y: parent.height - height - Math.round(Math.min(parent.height, parent.width * 1.3) * 0.024)
        }
        // Over everything, at once: no page, no crossfade. Built only while there is one: its way-out
        // sign would otherwise load Qt's image plugins (SVG among them) into every screen, all day.
        Loader {
            z: 3  // over the pages and the QR code
            anchors.fill: parent
            active: root.door.emergency
            sourceComponent: Emergency {
                headings: root.door.emergencyHeadings
                texts: root.door.emergencyTexts
                rightToLeft: root.door.emergencyRightToLeft
            }
        }
    }
}
