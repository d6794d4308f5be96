"""Finding box glyphs: text that no available font can draw, as Qt itself would lay it out."""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtQuick import QQuickItem

_INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf"}


def missing_glyphs(text: str, font: QFont) -> list[str]:
    """The characters of ``text`` that come out as the .notdef box in ``font`` with Qt's fallbacks."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    while layout.createLine().isValid():
        pass
    layout.endLayout()
    if not any(g == 0 for run in layout.glyphRuns() for g in run.glyphIndexes()):
        return []
    # Some glyph is a box: find which characters, one at a time, so the message can name them.
    return [c for c in dict.fromkeys(text) if unicodedata.category(c) not in _INVISIBLE and _boxed(c, font)]


def _boxed(char: str, font: QFont) -> bool:
    layout = QTextLayout(char, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return any(g == 0 for run in layout.glyphRuns() for g in run.glyphIndexes())


def boxes_on(items: list[QQuickItem]) -> dict[str, list[str]]:
    """Text on screen → the characters drawn as boxes, for every visible text item that has any."""
    found = {}
    for item in items:
        text = item.property("text")
        if not item.isVisible() or not text:
            continue
        missing = missing_glyphs(text, item.property("font"))
        if missing:
            found[text] = [f"{c} U+{ord(c):04X}" for c in missing]
    return found
