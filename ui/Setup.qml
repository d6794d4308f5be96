import QtQuick
import Kiosk
import "components"

// The technician's setup: which room (or the overview) this screen shows, behind a PIN when one is set.
// Layout only: DeviceSetup carries every word and the state; taps go back as the bridge's signals.
// Read from a metre or two, with a keyboard, a mouse or a finger: large rows, large keys.
Rectangle {
    id: root
    required property DeviceSetup setup
    color: Theme.ground

    Stage {
        id: stage
        readonly property bool portrait: height > width
        // One unit is 1 % of the screen height, narrowed on portrait screens (as on the door screen).
        readonly property real u: Math.min(height, width * 1.3) / 100
        readonly property real margin: 4 * u
        // The smallest text: 2 % of the height, as on the door screen, never below the floor.
        readonly property real small: Math.max(2.6 * u, 0.02 * height, Theme.floorPixels)
        rotation: root.setup.rotation

        Emblem {
            id: emblem
            x: stage.margin
            width: title.em * 0.95
            height: width
            y: title.y + (title.em * 1.2 - height) / 2
        }
        SetupText {
            id: title
            objectName: "title"
            anchors.left: emblem.right; anchors.leftMargin: stage.u * 1.5
            anchors.right: parent.right; anchors.rightMargin: stage.margin
            y: stage.margin * 0.8
            line: root.setup.title
            lines: root.setup.titleLines
            size: 5 * stage.u
            font.weight: Font.Bold
        }
        Rectangle {
            id: rule
            x: stage.margin; width: stage.width - 2 * stage.margin
            anchors.top: title.bottom; anchors.topMargin: 1.5 * stage.u
            height: Math.max(2, stage.u * 0.25)
            color: Theme.line
        }

        Item {
            id: body
            x: stage.margin; width: stage.width - 2 * stage.margin
            anchors.top: rule.bottom; anchors.topMargin: 3 * stage.u
            anchors.bottom: footer.top; anchors.bottomMargin: 3 * stage.u

            SetupChoices {
                objectName: "choices"
                anchors.fill: parent
                visible: root.setup.stage === "choose"
                setup: root.setup
                u: stage.u
                small: stage.small
            }
            SetupPin {
                objectName: "pin"
                anchors.fill: parent
                visible: root.setup.stage === "pin"
                setup: root.setup
                u: stage.u
                small: stage.small
            }
        }

        // The keys to use, and a Cancel button for touch screens, where there is no Escape key:
        // beside each other on landscape screens, the button above the keys on portrait ones.
        Item {
            id: footer
            readonly property bool stacked: stage.portrait && cancel.visible
            x: stage.margin; width: stage.width - 2 * stage.margin
            anchors.bottom: parent.bottom; anchors.bottomMargin: stage.margin * 0.8
            height: stacked ? cancel.height + 2 * stage.u + keysHelp.height
                            : Math.max(cancel.visible ? cancel.height : 0, keysHelp.height)

            SetupText {
                id: keysHelp
                objectName: "keysHelp"
                anchors.left: parent.left
                anchors.bottom: parent.bottom
                anchors.bottomMargin: footer.stacked || !cancel.visible ? 0 : (footer.height - height) / 2
                width: footer.stacked || !cancel.visible ? parent.width : parent.width - cancel.width - 3 * stage.u
                line: root.setup.keysHelp
                lines: root.setup.keysHelpLines
                size: stage.small
                color: Theme.muted
            }
            Rectangle {
                id: cancel
                objectName: "cancel"
                visible: root.setup.cancelLabel !== ""
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.topMargin: footer.stacked ? 0 : (footer.height - height) / 2
                width: cancelText.implicitWidth + 4 * stage.u
                height: 7 * stage.u
                radius: stage.u
                color: Theme.panel
                border.color: Theme.line
                border.width: Math.max(2, stage.u * 0.25)
                Label {
                    id: cancelText
                    objectName: "cancelLabel"
                    anchors.centerIn: parent
                    text: root.setup.cancelLabel
                    size: 3 * stage.u
                }
                TapHandler { onTapped: root.setup.cancelRequested() }
            }
        }
    }
}
