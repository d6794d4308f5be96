"""`kiosk fleet screenshot --wall`: every screen's real frame on one labelled sheet (QPainter, offscreen)."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

TILE = 640  # the longest side of a frame on the sheet, in pixels
GAP = 24
LABEL_LINES = 3
LABEL_PX = 15
GROUND, INK, MISSING = "#0a2240", "#ffffff", "#ffb4a8"


def make_wall(out: Path, frames: Mapping[str, bytes], labels: Mapping[str, str]) -> None:
    """Write a grid of ``frames`` (PNG by device id), each above its label; a screen that sent no
    frame keeps its place, marked. ``labels`` names every screen wanted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

    from .app import load_fonts

    app = QGuiApplication.instance() or QGuiApplication(["kiosk"])
    load_fonts(QFontDatabase)
    devices = sorted(labels)
    columns = max(1, min(len(devices), math.ceil(math.sqrt(len(devices) * 16 / 9 / 1.4))))
    rows = math.ceil(len(devices) / columns)
    label_h = LABEL_LINES * (LABEL_PX + 6) + 8
    cell_w, cell_h = TILE + GAP, TILE * 9 // 16 + label_h + GAP
    # Portrait frames are as tall as landscape ones are wide: the row is as tall as its tallest frame.
    images = {d: QImage.fromData(frames[d], "PNG") for d in devices if d in frames}
    tall = any(i.height() > i.width() for i in images.values())
    if tall:
        cell_h = TILE + label_h + GAP
    sheet = QImage(GAP + columns * cell_w, GAP + rows * cell_h, QImage.Format.Format_RGB32)
    sheet.fill(QColor(GROUND))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont("Inter")
    font.setPixelSize(LABEL_PX)
    painter.setFont(font)
    for n, device in enumerate(devices):
        x, y = GAP + (n % columns) * cell_w, GAP + (n // columns) * cell_h
        box_h = cell_h - label_h - GAP
        image = images.get(device)
        if image is not None and not image.isNull():
            scaled = image.scaled(
                TILE, box_h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            painter.drawImage(x + (TILE - scaled.width()) // 2, y + box_h - scaled.height(), scaled)
        else:
            painter.setPen(QColor(MISSING))
            painter.drawRect(x, y, TILE - 1, box_h - 1)
            painter.drawText(QRect(x, y, TILE, box_h), Qt.AlignmentFlag.AlignCenter, f"{device}: no frame")
        painter.setPen(QColor(INK))
        text_rect = QRect(x, y + box_h + 6, TILE, label_h)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(text_rect, int(flags), _plain(labels[device]))  # drawText never reads markup
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not sheet.save(str(out)):
        raise OSError(f"could not write {out}")
    del app


def _plain(text: str) -> str:
    """One to three lines of printable text: what a device sent never controls the sheet."""
    return "\n".join("".join(c if c.isprintable() else " " for c in line) for line in text.split("\n")[:3])
