"""A QR code drawn by Qt Quick: whole-pixel modules with their quiet zone, never an image to scale.

The modules come from segno (ISO/IEC 18004; error correction M, as a screen may catch a reflection);
this item only paints them. Each module is a whole number of pixels, so a phone's camera sees sharp
edges at any screen size; the code is centred in the item, what is left over is more quiet zone.
Its side (``side``) is chosen by kiosk.present.qr from the panel's size in millimetres, where it is
known, within the most the layout gives it (``largest``).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys

from PySide6.QtCore import Property, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import QQuickItem, QQuickPaintedItem

from ..present.qr import QUIET_ZONE, pitch_of_diagonal, qr_side, reported_pitch

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

PANEL_INCHES = "panelInches"  # the application's property: the configured panel_inches, or None


def panel_pitch(window) -> float | None:
    """Millimetres per pixel of the panel ``window`` fills: from the configured diagonal, else from
    what its screen reports when that is believable (never the offscreen platform's made-up size)."""
    app = QGuiApplication.instance()
    inches = app.property(PANEL_INCHES) if app is not None else None
    if inches:
        return pitch_of_diagonal(float(inches), window.width(), window.height())
    if QGuiApplication.platformName() == "offscreen" or window.screen() is None:
        return None
    screen = window.screen()
    size, pixels = screen.physicalSize(), screen.geometry().size() * screen.devicePixelRatio()
    return reported_pitch(size.width(), size.height(), pixels.width(), pixels.height())


def modules(text: str) -> list[list[bool]]:
    """The dark (True) and light modules of ``text``'s QR code, quiet zone included."""
    code = _segno().make(text, error="m", micro=False)
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


def _segno():
    """segno (imported by a screen that shows a code, only), with its writers left unrun.

    The writers make SVG, PNG and terminal art, which kiosk never asks for, and import xml.sax.saxutils,
    hence urllib.request, http.client, ssl and OpenSSL's libcrypto: 4 MiB of a door's memory and 40 ms
    of its start whenever its session has a link, as every session of a pretalx or frab export has.
    segno's package imports them as it runs, so it is run here with them already in place as a lazy
    module (importlib's LazyLoader), which runs only if something ever uses it. (kiosk/fleet/mqtt.py spares
    paho's imports the same modules with stand-ins; segno's writers import names from them at once, so
    here the writers themselves wait.)
    """
    if "segno" in sys.modules:
        return sys.modules["segno"]
    spec = importlib.util.find_spec("segno")
    where = spec.submodule_search_locations if spec is not None else None
    writers_spec = importlib.machinery.PathFinder.find_spec("segno.writers", where) if where else None
    if spec is None or spec.loader is None or writers_spec is None or writers_spec.loader is None:
        import segno  # laid out otherwise than segno 1.6: imported as it comes

        return segno
    writers_spec.loader = importlib.util.LazyLoader(writers_spec.loader)
    writers = importlib.util.module_from_spec(writers_spec)
    writers_spec.loader.exec_module(writers)  # nothing runs yet
    segno = importlib.util.module_from_spec(spec)
    segno.writers = writers  # so that its "from . import writers" finds them without importing them
    sys.modules["segno"], sys.modules["segno.writers"] = segno, writers
    try:
        spec.loader.exec_module(segno)
    except BaseException:
        del sys.modules["segno"], sys.modules["segno.writers"]
        raise
    return segno


@QmlElement
class QrCode(QQuickPaintedItem):
    """``QrCode { text: "https://…" }``; draws nothing while the text is empty."""

    textChanged = Signal()
    largestChanged = Signal()
    sideChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._modules: list[list[bool]] = []
        self._largest = 0
        self._side = 0

    def _get_text(self) -> str:
        return self._text

    def _set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._modules = modules(text) if text else []
            self.textChanged.emit()
            self._choose_side()
            self.update()

    text = Property(str, _get_text, _set_text, notify=textChanged)

    def _get_largest(self) -> int:
        return self._largest

    def _set_largest(self, largest: int) -> None:
        if largest != self._largest:
            self._largest = largest
            self.largestChanged.emit()
            self._choose_side()

    # The most the layout gives the code (a fifth of the screen's short side); 0: no code.
    largest = Property(int, _get_largest, _set_largest, notify=largestChanged)

    def _get_side(self) -> int:
        return self._side

    # The side the code takes, quiet zone included: its width and height in the layout.
    side = Property(int, _get_side, notify=sideChanged)

    def _choose_side(self) -> None:
        window = self.window()
        pitch = panel_pitch(window) if window is not None else None
        side = qr_side(self._largest, len(self._modules), pitch) if self._modules else 0
        if side != self._side:
            self._side = side
            self.sideChanged.emit()

    def itemChange(self, change, value) -> None:
        super().itemChange(change, value)
        if change == QQuickItem.ItemChange.ItemSceneChange:
            self._choose_side()

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
