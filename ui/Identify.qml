import QtQuick
import Kiosk
import "components"

// Over any screen for a few seconds when a technician asks "which box is this?" on the fleet bus:
// the device id, the room, the address and the version, as large as the screen allows.
Rectangle {
    id: root
    required property IdentifySign sign
    // On the window's content item, which has no size of its own: the window's size.
    width: Window.width
    height: Window.height
    z: 1000
    color: Theme.accent

    Stage {
        id: stage
        readonly property real unit: Math.min(width, height) / 12
        rotation: root.sign.rotation

        Column {
            anchors.centerIn: parent
            width: stage.width * 0.9
            spacing: stage.unit * 0.4

            Label {
                objectName: "device"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: root.sign.device
                size: stage.unit * 2.2
                font.weight: Font.Bold
                color: Theme.accentInk
            }
            Label {
                objectName: "room"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: root.sign.room
                size: stage.unit * 1.1
                color: Theme.accentInk
            }
            Label {
                objectName: "address"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: root.sign.address
                size: stage.unit * 0.9
                color: Theme.accentInk
            }
            Label {
                objectName: "version"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: root.sign.version
                size: stage.unit * 0.7
                color: Theme.accentInk
            }
        }
    }
}
