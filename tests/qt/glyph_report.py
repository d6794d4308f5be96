"""Run as a separate process (fontconfig is read once per process): every screen of a programme in every
one of its screen languages, offscreen, and the characters each shows as a box, as JSON on stdout.

    python -m tests.qt.glyph_report PROGRAMME [ROOM ...]
"""

from __future__ import annotations

import json
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtQuick import QQuickItem

from kiosk.clock import parse_when
from kiosk.programme import load_programme
from kiosk.qt.app import load_fonts
from kiosk.qt.door import DoorScreen
from kiosk.qt.overview import OverviewScreen
from kiosk.qt.window import show_screen
from tests.qt.glyphs import boxes_on
from tests.qt.scene import texts


def main() -> None:
    path, when, *rooms = sys.argv[1:]
    app = QGuiApplication(sys.argv[:1])
    load_fonts(QFontDatabase)
    programme = load_programme(path)
    at = parse_when(when, programme.event.zone)
    screens = [OverviewScreen(programme)] + [DoorScreen(programme, room) for room in rooms]
    found: dict[str, dict[str, list[str]]] = {}
    for screen in screens:
        screen.bridge.reducedMotion = True
        screen.show(at)
        view = show_screen(screen, size=(1920, 1080))
        app.processEvents()
        for index, lang in enumerate(screen.languages):
            screen.bridge.languageIndex = index
            app.processEvents()
            root: QQuickItem = view.rootObject()
            items = texts(root)
            boxes = boxes_on(items)
            if boxes:
                found[f"{screen.view} {lang}"] = boxes
        view.close()
    print(json.dumps(found, ensure_ascii=False))


if __name__ == "__main__":
    main()
