import QtQuick

// A word in a box: "Pour tous", "En cours". Filled for what needs attention, outlined otherwise;
// the word itself carries the meaning, the colour only supports it.
Rectangle {
    id: tag
    property string text
    property real size: 20
    property bool filled: true
    property color ink: filled ? Theme.accentInk : Theme.text
    // Never wider than this (the word is cut with an ellipsis rather than leaving its place).
    property real maximumWidth: 100000
    // Sizes follow the word, not `visible`: a page fading in must not change its layout as it shows.
    readonly property bool shown: text !== ""
    visible: shown
    // The box is sized from the word measured, not from the label inside it (whose width it sets).
    implicitWidth: shown ? Math.min(maximumWidth, Math.ceil(measure.advanceWidth) + 2 + size * 0.9) : 0
    implicitHeight: shown ? Math.ceil(word.em * 1.22 + size * 0.25) : 0
    width: implicitWidth
    height: implicitHeight
    radius: height / 4
    color: filled ? Theme.accent : "transparent"
    border.color: filled ? Theme.accent : tag.ink
    border.width: Math.max(1, size * 0.08)
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
