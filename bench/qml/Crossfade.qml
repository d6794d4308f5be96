import QtQuick

// The floor with the door's motion: two full-window plain rectangles crossfading like the door's
// language pages (400 ms, InOutQuad), so the frames and CPU time of a switch can be compared.
Rectangle {
    id: root
    property int shown: 0
    color: "#0a2240"

    Repeater {
        model: ["#0a2240", "#12365f"]
        Rectangle {
            required property string modelData
            required property int index
            anchors.fill: parent
            color: modelData
            opacity: index === root.shown ? 1 : 0
            visible: opacity > 0
            Behavior on opacity {
                NumberAnimation { duration: 400; easing.type: Easing.InOutQuad }
            }
        }
    }
}
