pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// The foyer overview: every room now and next, the venue-wide moment, the day's agenda; one page per
// language crossfading in turn, as on the door. Layout only: every string comes ready from
// kiosk.present.overview through the OverviewSign bridge.
Rectangle {
    id: root
    required property OverviewSign overview
    color: Theme.ground
    // The event's online programme as a QR code, in the bottom corner the footer leaves it (see Door.qml).
    readonly property real qrSide: qr?.side ?? 0  // (qr goes first when the screen is taken down)

    Stage {
        rotation: root.overview.rotation

        Crossfade {
            id: crossfade
            shown: root.overview.languageIndex
            reducedMotion: root.overview.reducedMotion
        }
        Repeater {
            model: root.overview.emergency ? [] : root.overview.pages
            LanguagePage {
                id: slot
                required property OverviewPage modelData
                fade: crossfade
                rightToLeft: modelData.rightToLeft
                // A language's page exists only while it is seen (shown, or fading in or out): the
                // board of a language off screen would hold hundreds of items for nothing.
                Loader {
                    anchors.fill: parent
                    active: slot.visible
                    sourceComponent: OverviewPageView {
                        id: pageView
                        page: slot.modelData
                        languageLabels: root.overview.languageLabels
                        languageIndex: root.overview.languageIndex
                        noticeTexts: root.overview.noticeTexts
                        qrSide: root.qrSide
                        shortRows: root.overview.shortRows
                        rowsWanted: root.overview.boardRowsWanted
                        // How much fits is the same on every language's page: the one on screen tells
                        // Python, which cuts the board into pages of that many rows.
                        Binding {
                            when: slot.index === root.overview.languageIndex && pageView.built
                            target: root.overview
                            property: "boardRows"
                            value: pageView.boardRowsFit
                            restoreMode: Binding.RestoreNone
                        }
                        Binding {
                            when: slot.index === root.overview.languageIndex && pageView.built
                            target: root.overview
                            property: "agendaRows"
                            value: pageView.agendaRowsFit
                            restoreMode: Binding.RestoreNone
                        }
                    }
                }
            }
        }
        // Outside the language pages: the same link in every language, so it never fades.
        QrCode {
            id: qr
            objectName: "qr"
            z: 2  // over the language pages, which paint the ground
            visible: root.qrSide > 0
            text: root.overview.qrUrl
            largest: Math.round(Math.min(root.width, root.height) * 0.2)
            width: root.qrSide
            height: root.qrSide
            // The page's margins (OverviewMetrics: 3.5 units at the side, half that below).
            readonly property real unit: Math.min(parent.height, parent.width * 1.15) / 100
            x: parent.width - width - Math.round(3.5 * unit)
            y: parent.height - height - Math.round(1.75 * unit)
        }
        // Over everything, at once: no page, no crossfade. Built only while there is one: its way-out
        // sign would otherwise load Qt's image plugins (SVG among them) into every screen, all day.
        Loader {
            z: 3  // over the pages and the QR code
            anchors.fill: parent
            active: root.overview.emergency
            sourceComponent: Emergency {
                headings: root.overview.emergencyHeadings
                texts: root.overview.emergencyTexts
                rightToLeft: root.overview.emergencyRightToLeft
            }
        }
    }
}
