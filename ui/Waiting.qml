pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// Before the first programme arrives (a first start without network): which screen this device is,
// where its programme comes from and when the next try is, in every screen language at once.
// Layout only: WaitingSign carries every word.
Rectangle {
    id: root
    required property WaitingSign sign
    color: Theme.ground

    Stage {
        id: stage
        // One unit is 1 % of the screen height, narrowed on portrait screens (as on the door screen).
        readonly property real u: Math.min(height, width * 1.3) / 100
        readonly property real margin: 6 * u
        readonly property real small: Math.max(2.6 * u, 0.02 * height, Theme.floorPixels)
        rotation: root.sign.rotation

        Column {
            id: content
            x: stage.margin
            width: stage.width - 2 * stage.margin
            anchors.verticalCenter: parent.verticalCenter
            spacing: 4 * stage.u

            Emblem {
                width: 9 * stage.u
                height: width
            }
            Repeater {
                model: root.sign.titles.length
                delegate: Column {
                    id: block
                    required property int index
                    // A right-to-left language's block reads from the right (its text, its rule).
                    LayoutMirroring.enabled: root.sign.rightToLeft[index] ?? false
                    LayoutMirroring.childrenInherit: true
                    width: content.width
                    spacing: 1.2 * stage.u

                    Rectangle {
                        visible: block.index > 0
                        width: parent.width
                        height: Math.max(2, stage.u * 0.25)
                        color: Theme.line
                    }
                    Label {
                        objectName: "title"
                        width: parent.width
                        text: root.sign.titles[block.index]
                        size: 6 * stage.u
                        font.weight: Font.Bold
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                    }
                    Label {
                        objectName: "screen"
                        width: parent.width
                        text: root.sign.screens[block.index] ?? ""
                        size: 3.6 * stage.u
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                    }
                    Label {
                        objectName: "source"
                        width: parent.width
                        text: root.sign.sources[block.index] ?? ""
                        size: stage.small
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                    }
                    Label {
                        objectName: "attempt"
                        width: parent.width
                        text: root.sign.attempts[block.index] ?? ""
                        size: stage.small
                        color: Theme.accent
                    }
                }
            }
        }
    }
}
