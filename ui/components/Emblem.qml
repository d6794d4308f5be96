import QtQuick

// kiosk's own emblem: a door with a lit panel above it — "what is on behind this door".
Item {
    id: emblem
    implicitWidth: 48
    implicitHeight: 48
    Rectangle {
        x: emblem.width * 0.18; y: emblem.height * 0.08
        width: emblem.width * 0.64; height: emblem.height * 0.84
        radius: emblem.width * 0.08
        color: "transparent"
        border.color: Theme.text
        border.width: Math.max(2, emblem.width * 0.07)
    }
    Rectangle {
        x: emblem.width * 0.3; y: emblem.height * 0.2
        width: emblem.width * 0.4; height: emblem.height * 0.16
        radius: height / 2
        color: Theme.accent
    }
    Rectangle {
        x: emblem.width * 0.56; y: emblem.height * 0.52
        width: emblem.width * 0.07; height: width
        radius: width / 2
        color: Theme.text
    }
}
