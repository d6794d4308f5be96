import QtQuick
import "components"

// The overview's type scale and the sizes of its rows, from the size of its page: every part of the
// page reads them here. Heights come from type sizes, never read back from laid-out text, so how
// many rows fit is known as soon as the page is built, before the first frame.
QtObject {
    required property real width
    required property real height

    readonly property bool portrait: height > width
    // One unit is 1 % of the screen height. On a portrait screen it follows the width (nearly): the
    // same panel turned keeps about the same letters, read from the same distance, and a title keeps a
    // useful number of words per line. Nothing is smaller than `small`, nor the floor.
    readonly property real u: Math.min(height, width * 1.15) / 100
    readonly property real small: Math.max(2 * u, Theme.floorPixels)
    readonly property real titleSize: Math.max((portrait ? 2.3 : 2.5) * u, small)
    readonly property real margin: 3.5 * u
    readonly property real gap: 2.5 * u

    // A room's row holds two lines of title side by side (landscape) or three stacked (portrait).
    readonly property real rowHeight: (portrait ? 3 : 2) * Theme.lineOf(titleSize) + (portrait ? 0.6 * u : 0) + 2.2 * u
    readonly property real rowGap: 0.7 * u
    readonly property real agendaSize: Math.max(2.2 * u, small)
    readonly property real agendaHeight: portrait ? Theme.lineOf(agendaSize) + 1.2 * u
                                                  : Theme.lineOf(agendaSize) + Theme.lineOf(small) + 2 * u
    readonly property real agendaGap: 0.4 * u
}
