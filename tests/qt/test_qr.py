"""The QR codes on the screens, read back from the rendered frame by a real decoder (zxing-cpp)."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem

from kiosk.programme import load_programme
from kiosk.qt.door import DoorScreen
from kiosk.qt.overview import OverviewScreen

from .conftest import SIZES, at

DATA = Path(__file__).resolve().parents[1] / "data" / "good"


def decoded(image: QImage) -> list[str]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    data = bytes(gray.constBits())
    rows = b"".join(data[y * stride : y * stride + width] for y in range(height))
    return [r.text for r in zxingcpp.read_barcodes(memoryview(rows).cast("B", shape=[height, width]))]


@pytest.fixture(scope="module")
def six():
    return load_programme(DATA / "six-languages.yaml")


def screen_at(screen, programme, when, lang="fr"):
    screen.bridge.reducedMotion = True
    screen.show(at(programme, when))
    screen.bridge.languageIndex = screen.languages.index(lang)
    return screen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_door_links_to_the_session_on_now(six, show, size):
    shown = show(screen_at(DoorScreen(six, "ix"), six, "10:30"), size)
    assert decoded(shown.view.grabWindow()) == ["https://example.org/programme/opening"]
    qr = shown.root.findChild(QQuickItem, "qr")
    # From 1.5 m: a fifth of the screen's short side, whole pixels for each module, inside the screen.
    assert qr.width() == round(min(size) * 0.2)
    assert qr.x() + qr.width() <= size[0] and qr.y() + qr.height() <= size[1]


def test_the_code_is_not_crossfaded(six, show):
    shown = show(screen_at(DoorScreen(six, "ix"), six, "10:30"), (1080, 1920))
    qr = shown.root.findChild(QQuickItem, "qr")
    assert qr.parentItem().objectName() != "page" and qr.opacity() == 1
    for lang in ("ar", "zh"):
        shown.screen.bridge.languageIndex = shown.screen.languages.index(lang)
        assert decoded(shown.view.grabWindow()) == ["https://example.org/programme/opening"]


def test_a_session_without_a_page_shows_no_code(six, show):
    shown = show(screen_at(DoorScreen(six, "ix"), six, "11:30"), (1920, 1080))
    assert decoded(shown.view.grabWindow()) == []
    assert not shown.root.findChild(QQuickItem, "qr").isVisible()


def test_the_unesco_day_has_no_links_and_no_code(programme, show):
    shown = show(screen_at(DoorScreen(programme, "salle-ix"), programme, "14:30"), (1080, 1920))
    assert not shown.root.findChild(QQuickItem, "qr").isVisible()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_overview_links_to_the_events_programme(six, show, size):
    shown = show(screen_at(OverviewScreen(six), six, "10:30", "ar"), size)
    assert decoded(shown.view.grabWindow()) == ["https://example.org/programme"]
