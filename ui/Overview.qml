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

    Stage {
        rotation: root.overview.rotation

        Crossfade {
            id: crossfade
            shown: root.overview.languageIndex
            reducedMotion: root.overview.reducedMotion
        }
        Repeater {
            model: root.overview.pages
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
    }
}
