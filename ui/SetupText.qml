import QtQuick
import "components"

// A text in several languages: on one line ("Salle IX · Room IX") where that fits, else one language
// per line, so that a narrow screen never breaks a line in the middle of one language's words.
Label {
    id: label
    property string line
    property string lines
    text: metrics.advanceWidth <= label.width ? line : lines
    wrapMode: Text.Wrap
    maximumLineCount: 4

    // The one line as it would be drawn (not label.font, whose size follows the text shown: a loop).
    TextMetrics {
        id: metrics
        font.family: label.font.family
        font.weight: label.font.weight
        font.pixelSize: Math.round(label.em * Theme.glyphScale(label.line))
        text: label.line
    }
}
