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

    Stage {
        rotation: root.door.rotation

        Crossfade {
            id: crossfade
            shown: root.door.languageIndex
            reducedMotion: root.door.reducedMotion
        }
        Repeater {
            model: root.door.pages
            LanguagePage {
                id: slot
                required property DoorPage modelData
                fade: crossfade
                rightToLeft: modelData.rightToLeft

                DoorPageView {
                    anchors.fill: parent
                    page: slot.modelData
                    languageLabels: root.door.languageLabels
                    languageIndex: root.door.languageIndex
                }
            }
        }
    }
}
