import QtQuick
import Kiosk
import "components"

// Cancelled sessions that would have been on now or next in this room, as the agenda shows a
// cancelled item: the outlined "Annulé" tag, then the time and title struck through, quiet (never the
// highlight of what is on). A cancellation notice without words of its own is said here, not in the
// band. Nothing cancelled: no height.
Item {
    id: line
    required property string label
    required property string text
    required property real u
    required property real size
    property int lines: 1  // two on a narrow screen: a title then wraps rather than losing its end
    readonly property bool shown: text !== ""
    objectName: "cancelled"
    visible: shown
    implicitHeight: shown ? lines * Theme.lineOf(size) : 0

    Tag {
        id: tag
        objectName: "cancelledLabel"
        readonly property real start: 0
        x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
        y: (Theme.lineOf(line.size) - height) / 2
        text: line.label
        size: line.size * 0.8
        filled: false
        ink: Theme.muted
        maximumWidth: line.width * 0.4
    }
    Label {
        objectName: "cancelledText"
        readonly property real start: tag.width + line.u * 1.5
        x: Theme.startX(LayoutMirroring.enabled, parent.width, width, start)
        width: parent.width - start
        height: parent.height
        wrapMode: Text.Wrap
        maximumLineCount: line.lines
        lineHeightMode: Text.FixedHeight
        lineHeight: Theme.lineOf(line.size)
        text: line.text
        size: line.size
        color: Theme.dim
        font.weight: Font.Medium
        font.strikeout: true
        font.features: { "tnum": 1 }
    }
}
