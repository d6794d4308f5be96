import QtQuick

// How far through the session we are: a track and a filled part, with no animation between ticks.
Item {
    id: bar
    property real value: 0
    Rectangle {
        anchors.fill: parent
        radius: height / 2
        color: Theme.line
    }
    Rectangle {
        anchors.left: parent.left  // the start of the line: the right on a mirrored (Arabic) page
        width: Math.max(height, parent.width * Math.min(1, Math.max(0, bar.value)))
        height: parent.height
        radius: height / 2
        color: Theme.accent
    }
}
