pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes

// The way from where this screen hangs: a drawn arrow (never a font's glyph, which a font may lack),
// turned by `angle` (clockwise from ahead, an arrow pointing up); stairs with an arrow for another
// floor; a dot in a ring for "here". Drawn on a 100 × 100 grid, scaled to the item. The direction is
// the corridor's: a mirrored (Arabic) page moves the arrow with its line but never turns it.
// Only the drawing the arrow needs is built, and none without one: the board's rows and the notice
// band hold an arrow each, most of them empty all day.
Item {
    id: way
    required property string arrow  // kiosk.programme.ARROWS; "" draws nothing
    property real angle: 0
    property color color: Theme.accent
    readonly property bool stairs: arrow === "up" || arrow === "down"
    objectName: "wayArrow"
    visible: arrow !== ""
    implicitWidth: 48
    implicitHeight: 48

    Loader {
        anchors.fill: parent
        sourceComponent: way.arrow === "" ? null
                         : way.arrow === "here" ? hereDrawing : way.stairs ? stairsDrawing : directionDrawing
    }
    Component {
        id: directionDrawing
        Shape {
            rotation: way.angle
            preferredRendererType: Shape.CurveRenderer
            ShapePath {
                scale: Qt.size(way.width / 100, way.height / 100)
                fillColor: way.color
                strokeColor: "transparent"
                PathSvg { path: "M 39 90 L 39 46 L 13 46 L 50 10 L 87 46 L 61 46 L 61 90 Z" }
            }
        }
    }
    // Another floor: a flight of stairs, and an arrow up or down beside it.
    Component {
        id: stairsDrawing
        Shape {
            preferredRendererType: Shape.CurveRenderer
            ShapePath {
                scale: Qt.size(way.width / 100, way.height / 100)
                fillColor: way.color
                strokeColor: "transparent"
                PathSvg { path: "M 40 92 L 40 76 L 54 76 L 54 60 L 68 60 L 68 44 L 82 44 L 82 28 L 96 28 L 96 92 Z" }
            }
            ShapePath {
                scale: Qt.size(way.width / 100, way.height / 100)
                fillColor: way.color
                strokeColor: "transparent"
                PathSvg {
                    path: way.arrow === "down" ? "M 12 8 L 12 62 L 2 62 L 18 88 L 34 62 L 24 62 L 24 8 Z"
                                               : "M 12 92 L 12 38 L 2 38 L 18 12 L 34 38 L 24 38 L 24 92 Z"
                }
            }
        }
    }
    // Here: a dot in a ring.
    Component {
        id: hereDrawing
        Item {
            Rectangle {
                anchors.centerIn: parent
                width: parent.width * 0.84; height: width
                radius: width / 2
                color: "transparent"
                border.color: way.color
                border.width: parent.width * 0.1
                Rectangle {
                    anchors.centerIn: parent
                    width: parent.width * 0.4; height: width
                    radius: width / 2
                    color: way.color
                }
            }
        }
    }
}
