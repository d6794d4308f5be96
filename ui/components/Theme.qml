pragma Singleton
import QtQuick

// The one place for colours and type. Every text colour has ≥ 7:1 contrast on ground and panel
// (checked by tests/unit/test_contrast.py, which reads this file).
QtObject {
    readonly property color ground: "#0a2240"
    readonly property color panel: "#11305a"
    readonly property color line: "#2c4f80"
    readonly property color text: "#ffffff"
    readonly property color muted: "#d3deef"
    // What is over (past agenda items, rooms done for the day): quieter than muted, still ≥ 7:1.
    readonly property color dim: "#b4c4dc"
    readonly property color accent: "#ffd166"
    readonly property color accentInk: "#0a2240"
    readonly property color warning: "#ffb4a8"
    // Notices: the band's ground (its ink is accentInk), and the evacuation screen's safety green
    // (ISO 7010's green, darkened so that white text on it passes 7:1).
    readonly property color notice: "#ffd166"
    readonly property color alarm: "#ffb4a8"
    readonly property color safety: "#005c2e"
    readonly property string family: "Inter"
    // Text never shrinks below this many pixels, whatever the screen.
    readonly property int floorPixels: 14

    // A type size in whole pixels, never below the floor (what Label makes of its `size`).
    function pixels(size: real): int {
        return Math.max(floorPixels, Math.round(size))
    }
    // Han glyphs (Chinese, from Noto Sans CJK) fill their em square: at Inter's size they stand 1.2 to
    // 1.3 times as tall as its capitals, and their line (1.448 em) is taller than Inter's (1.21 em),
    // which pushed every box below a Chinese line down. A text with Han in it is drawn at 0.83 of its
    // size: a Han glyph is then as tall as a Latin capital, and its line fits inside Inter's (ascent
    // 0.963 < 0.969 em, descent 0.239 < 0.241 em), so no box moves when the language changes. Lines
    // keep their pitch, which gives wrapped Han lines their air (1.42 of their size). Latin, Cyrillic
    // and Arabic (Noto Naskh: its line is laid out inside Inter's) are drawn at their size.
    readonly property real hanScale: 0.83
    function glyphScale(text: string): real {
        return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(text) ? hanScale : 1
    }
    // The height of a line of that size, known before any text is laid out. 1.22 em: Inter's own
    // line (ascent and descent) is 1.21 em, and a shorter line would let descenders out of its box.
    // The x of an item `from` pixels after the start of its line, in a parent `span` wide: the start is
    // the left edge, or the right edge on a mirrored (right-to-left) page, where anchors turn by
    // themselves but explicit positions do not.
    function startX(mirrored: bool, span: real, size: real, from: real): real {
        return mirrored ? span - size - from : from
    }

    function lineOf(size: real): real {
        return Math.ceil(pixels(size) * 1.22)
    }
}
