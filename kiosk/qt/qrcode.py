"""A QR code drawn by Qt Quick: whole-pixel modules with their quiet zone, never an image to scale.

The modules come from segno (ISO/IEC 18004; error correction M, as a screen may catch a reflection);
this item only paints them. Each module is a whole number of pixels, so a phone's camera sees sharp
edges at any screen size; the code is centred in the item, what is left over is more quiet zone.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import QQuickPaintedItem

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def modules(text: str) -> list[list[bool]]:
    """The dark (True) and light modules of ``text``'s QR code, quiet zone included."""
    import segno  # imported by a screen that shows a code, only

    code = segno.make(text, error="m", micro=False)
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


@QmlElement
class QrCode(QQuickPaintedItem):
    """``QrCode { text: "https://…" }``; draws nothing while the text is empty."""

    textChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._modules: list[list[bool]] = []

    def _get_text(self) -> str:
        return self._text

    def _set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._modules = modules(text) if text else []
            self.textChanged.emit()
            self.update()

    text = Property(str, _get_text, _set_text, notify=textChanged)

    def paint(self, painter: QPainter) -> None:
        count = len(self._modules)
        unit = int(min(self.width(), self.height()) // count) if count else 0
        if unit < 1:
            return
        left = int(self.width() - unit * count) // 2
        top = int(self.height() - unit * count) // 2
        painter.fillRect(QRectF(0, 0, self.width(), self.height()), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self._modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(left + x * unit, top + y * unit, unit, unit))
