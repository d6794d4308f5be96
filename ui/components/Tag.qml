pragma ComponentBehavior: Bound
import QtQuick

// A word in a box: "Pour tous", "En cours". Filled for what needs attention, outlined otherwise;
// the word itself carries the meaning, the colour only supports it.
// The box and its word are built only while there is a word: most of a board's and an agenda's tags
// are empty all day, and an empty box with its word and its measure held some 16 KB each.
Item {
    id: tag
    property string text
    property real size: 20
    property bool filled: true
    property color ink: filled ? Theme.accentInk : Theme.text
    property color color: filled ? Theme.accent : "transparent"  // the box's
    property color edge: filled ? Theme.accent : ink  // the box's outline
    // Never wider than this (the word is cut with an ellipsis rather than leaving its place).
    property real maximumWidth: 100000
    // Sizes follow the word, not `visible`: a page fading in must not change its layout as it shows.
    readonly property bool shown: text !== ""
    visible: shown
    // The box is sized from the word measured, not from the label inside it (whose width it sets).
    implicitWidth: shown ? Math.min(maximumWidth, box.implicitWidth) : 0
    implicitHeight: shown ? Math.ceil(Theme.pixels(size) * 1.22 + size * 0.25) : 0
    width: implicitWidth
    height: implicitHeight

    Loader {
        id: box
        anchors.fill: parent
        active: tag.shown
        sourceComponent: Rectangle {
            implicitWidth: Math.ceil(measure.advanceWidth) + 2 + tag.size * 0.9
            radius: height / 4
            color: tag.color
            border.color: tag.edge
            border.width: Math.max(1, tag.size * 0.08)
            TextMetrics {
                id: measure
                font: word.font
                text: tag.text
            }
            Label {
                id: word
                anchors.centerIn: parent
                width: tag.width - tag.size * 0.9
                horizontalAlignment: Text.AlignHCenter
                text: tag.text
                size: tag.size
                color: tag.ink
                font.weight: Font.Bold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: tag.size * 0.04
            }
        }
    }
}
