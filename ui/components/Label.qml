import QtQuick

// All programme and configuration text goes through here: always plain text, never markup.
Text {
    property real size: 20
    textFormat: Text.PlainText
    font.family: Theme.family
    font.pixelSize: Math.max(Theme.floorPixels, Math.round(size))
    color: Theme.text
    elide: Text.ElideRight
    wrapMode: Text.NoWrap
    maximumLineCount: 1
}
