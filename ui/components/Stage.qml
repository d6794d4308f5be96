import QtQuick

// The scene of a screen, centred in its window. A screen mounted on its side turns the scene
// (`rotation`: 0, 90, 180 or 270); the window stays as the system gives it.
Item {
    readonly property bool sideways: rotation === 90 || rotation === 270
    width: sideways ? parent.height : parent.width
    height: sideways ? parent.width : parent.height
    anchors.centerIn: parent
}
