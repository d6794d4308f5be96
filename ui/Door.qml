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

    Item {
        id: stage
        // Screens mounted on their side: the scene turns, the window stays.
        readonly property bool sideways: root.door.rotation === 90 || root.door.rotation === 270
        width: sideways ? root.height : root.width
        height: sideways ? root.width : root.height
        anchors.centerIn: parent
        rotation: root.door.rotation

        Repeater {
            model: root.door.pages
            DoorPageView {
                required property DoorPage modelData
                required property int index
                objectName: "page"
                page: modelData
                languageLabels: root.door.languageLabels
                languageIndex: root.door.languageIndex
                width: stage.width
                height: stage.height
                opacity: index === root.door.languageIndex ? 1 : 0
                visible: opacity > 0
                Behavior on opacity {
                    enabled: !root.door.reducedMotion
                    NumberAnimation { duration: 400; easing.type: Easing.InOutQuad }
                }
            }
        }
    }
}
