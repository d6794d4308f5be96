pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// An emergency: the whole screen, white on the safety green with the way-out sign, every language
// at once (no crossfade, no waiting for a language's turn). Large type; long texts wrap, then end in
// an ellipsis; the block shrinks its type (never below the floor) before it would be cut.
Rectangle {
    id: screen
    required property list<string> lines  // heading, text, for each language in turn
    objectName: "emergency"
    color: Theme.safety
    readonly property real u: Math.min(height, width * 1.3) / 100
    readonly property int languages: Math.max(1, lines.length / 2)

    Image {
        id: sign
        objectName: "evacuationSign"
        source: Qt.resolvedUrl("../assets/evacuation.svg")
        x: (screen.width - width) / 2
        y: screen.u * 5
        width: Math.min(screen.width * 0.6, screen.height * 0.36)
        height: width / 2
        sourceSize.width: width
        sourceSize.height: height
        fillMode: Image.PreserveAspectFit
    }
    Column {
        id: words
        x: screen.u * 5
        anchors.top: sign.bottom; anchors.topMargin: screen.u * 4
        anchors.bottom: parent.bottom; anchors.bottomMargin: screen.u * 4
        width: screen.width - 2 * x
        spacing: screen.u * 2.5
        Repeater {
            model: screen.languages
            Column {
                id: language
                required property int index
                width: words.width
                spacing: screen.u
                readonly property real share: (words.height - (screen.languages - 1) * words.spacing) / screen.languages
                Label {
                    objectName: "emergencyHeading"
                    width: parent.width
                    text: screen.lines[2 * language.index] ?? ""
                    size: Math.min(8 * screen.u, language.share * 0.3)
                    font.weight: Font.Bold
                    font.capitalization: Font.AllUppercase
                    horizontalAlignment: Text.AlignHCenter
                }
                Label {
                    objectName: "emergencyText"
                    width: parent.width
                    height: Math.max(lineHeight, language.share * 0.62)
                    text: screen.lines[2 * language.index + 1] ?? ""
                    size: Math.min(5 * screen.u, language.share * 0.2)
                    font.weight: Font.DemiBold
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    lineHeightMode: Text.FixedHeight
                    lineHeight: Theme.lineOf(size)
                    maximumLineCount: Math.max(1, Math.floor(height / lineHeight))
                }
            }
        }
    }
}
