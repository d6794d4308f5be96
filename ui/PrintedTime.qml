import QtQuick
import "components"

// A delay's printed time on the door, struck through: its range, or its start alone (way 1) where
// only that fits beside the new times. `fits` says which fits in `room` pixels: 2 the range, 1 the
// start, 0 neither (the panel then puts the range on a line of its own). The panels measure `fits` with
// hidden ones, one per language (printedProbes); the one shown only follows the `way` they agree on.
Label {
    id: printed
    property string range
    property string start
    property real room
    property int way: 2
    // Measured in its font before its text is chosen (the font follows the text: Theme.glyphScale).
    readonly property int fits: Math.ceil(rangeMetrics.advanceWidth) <= room ? 2
                                : Math.ceil(startMetrics.advanceWidth) <= room ? 1 : 0
    text: way === 1 ? start : range
    color: Theme.muted
    font.strikeout: true
    font.features: { "tnum": 1 }

    TextMetrics {
        id: rangeMetrics
        font.family: Theme.family
        font.pixelSize: printed.em
        font.features: { "tnum": 1 }
        text: printed.range
    }
    TextMetrics {
        id: startMetrics
        font.family: Theme.family
        font.pixelSize: printed.em
        font.features: { "tnum": 1 }
        text: printed.start
    }
}
