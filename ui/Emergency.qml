pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// An emergency: the whole screen, white on the safety green with the way-out sign, every screen
// language at once (no crossfade, no waiting for a language's turn), then the organiser's text in a
// language the screen does not show, tagged (FR · …), a little smaller. Large type; long texts wrap,
// then end in an ellipsis; the block shrinks its type (never below the floor) before it would be cut.
Rectangle {
    id: screen
    // One entry per part (kiosk.present.notices.EmergencyPart), all three lists the same length.
    required property list<string> headings  // "" for the organiser's text in another language
    required property list<string> texts
    required property var rightToLeft  // bool per part
    objectName: "emergency"
    color: Theme.safety
    readonly property real u: Math.min(height, width * 1.3) / 100
    // The organiser's text in a language the screen does not show (no heading) takes less room.
    readonly property real tagged: 0.6
    readonly property int taggedCount: {
        let count = 0
        for (let i = 0; i < headings.length; ++i)
            count += headings[i] === "" ? 1 : 0
        return count
    }
    readonly property int headed: texts.length - taggedCount
    // Side by side in two columns on a landscape screen with three screen languages or more: the type
    // grows with the height each part gets, and a wide screen has width to spare.
    readonly property int columns: headed >= 3 && width > height * 1.2 ? 2 : 1
    readonly property int rows: Math.ceil(texts.length / columns)
    // The height of a screen language's part; a tagged part's is `tagged` of it in one column.
    readonly property real share: {
        const free = words.height - (rows - 1) * words.rowSpacing
        if (columns > 1)
            return free / rows
        return free / Math.max(1, headed + taggedCount * tagged)
    }
    // One size for every screen language's text (a text too long for it shrinks on its own).
    readonly property real textSize: Math.min(6 * u, share * 0.22)

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
    Grid {
        id: words
        x: screen.u * 5
        anchors.top: sign.bottom; anchors.topMargin: screen.u * 4
        anchors.bottom: parent.bottom; anchors.bottomMargin: screen.u * 4
        width: screen.width - 2 * x
        columns: screen.columns
        rowSpacing: screen.u * 2.5
        columnSpacing: screen.u * 4
        Repeater {
            model: screen.texts.length
            Column {
                id: part
                required property int index
                readonly property string heading: screen.headings[index] ?? ""
                readonly property real share: screen.columns > 1 || part.heading !== ""
                                              ? screen.share : screen.share * screen.tagged
                LayoutMirroring.enabled: screen.rightToLeft[index] ?? false
                LayoutMirroring.childrenInherit: true
                width: (words.width - (screen.columns - 1) * words.columnSpacing) / screen.columns
                height: share
                spacing: screen.u
                Label {
                    id: title
                    objectName: "emergencyHeading"
                    visible: part.heading !== ""
                    width: parent.width
                    text: part.heading
                    size: Math.min(9 * screen.u, screen.share * 0.3)
                    font.weight: Font.Bold
                    font.capitalization: Font.AllUppercase
                    horizontalAlignment: Text.AlignHCenter
                }
                // The organiser's words are never cut while they can shrink: the type fits the box
                // (never below the floor), and only then would an ellipsis end them.
                Label {
                    objectName: "emergencyText"
                    width: parent.width
                    height: Math.max(Theme.lineOf(Theme.floorPixels),
                                     part.share - (title.visible ? title.height + part.spacing : 0))
                    text: screen.texts[part.index] ?? ""
                    size: part.heading === "" ? screen.textSize * 0.85 : screen.textSize
                    font.weight: Font.DemiBold
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignTop
                    wrapMode: Text.Wrap
                    fontSizeMode: Text.Fit
                    minimumPixelSize: Theme.floorPixels
                    maximumLineCount: 12
                }
            }
        }
    }
}
