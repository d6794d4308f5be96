import QtQuick

// All programme and configuration text goes through here: always plain text, never markup.
Text {
    property real size: 20
    textFormat: Text.PlainText
    font.family: Theme.family
    font.pixelSize: Theme.pixels(size)
    color: Theme.text
    elide: Text.ElideRight
    wrapMode: Text.NoWrap
    maximumLineCount: 1

    // The height of n lines of this text: with a fixed line height, Qt still gives the last line
    // its descent, so a box of exactly n × lineHeight would be a few pixels short.
    function linesHeight(n: int): real {
        return n * lineHeight + Math.ceil(font.pixelSize * 0.15)
    }
}
