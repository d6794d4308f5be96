import QtQuick

// All programme and configuration text goes through here: always plain text, never markup.
Text {
    property real size: 20
    textFormat: Text.PlainText
    font.family: Theme.family
    // The type size this text's boxes and lines are made for, in whole pixels, never below the floor:
    // the same in every language. Its glyphs may be drawn smaller inside it (Han: see
    // Theme.glyphScale), even at the floor, where a Han glyph is still taller than a Latin capital.
    readonly property int em: Theme.pixels(size)
    font.pixelSize: Math.round(em * Theme.glyphScale(text))
    color: Theme.text
    // Said, not implied: a mirrored (right-to-left) page then aligns every text to its right edge,
    // a French title included; an implied alignment would follow each text's own direction.
    horizontalAlignment: Text.AlignLeft
    elide: Text.ElideRight
    wrapMode: Text.NoWrap
    maximumLineCount: 1

    // The height of n lines of this text: with a fixed line height, Qt still gives the last line
    // its descent, so a box of exactly n × lineHeight would be a few pixels short.
    function linesHeight(n: int): real {
        return n * lineHeight + Math.ceil(em * 0.15)
    }
}
