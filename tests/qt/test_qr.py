"""The QR codes on the screens, read back from the rendered frame by a real decoder (zxing-cpp)."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem

from kiosk.programme import load_programme
from kiosk.qt.door import DoorScreen
from kiosk.qt.overview import OverviewScreen
from kiosk.qt.qrcode import PANEL_INCHES

from .conftest import SIZES, at
from .scene import scene_rect

DATA = Path(__file__).resolve().parents[1] / "data" / "good"
SMOOTH = Qt.TransformationMode.SmoothTransformation


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


@pytest.fixture
def panel_inches(qapp):
    def set_to(inches: float | None) -> None:
        qapp.setProperty(PANEL_INCHES, inches)

    yield set_to
    set_to(None)


@pytest.mark.parametrize(
    ("inches", "size", "side"),
    [
        (85, (3840, 2160), 6 * 37),  # 6 pixels a module (2.9 mm): 8.5 cm, where a fifth was 15.6 cm
        (55, (1920, 1080), 5 * 37),  # 5 pixels (3.2 mm), as a fifth gave, without its spare quiet zone
        (65, (1080, 1920), 4 * 37),
        (10.1, (1280, 800), 160),  # a tablet: its modules cannot be 2.9 mm within a fifth of the screen
    ],
    ids=["85in-3840x2160", "55in-1920x1080", "65in-1080x1920", "10in-1280x800"],
)
def test_on_a_panel_of_known_size_the_modules_are_made_for_2_m(six, show, panel_inches, inches, size, side):
    panel_inches(inches)
    shown = show(screen_at(DoorScreen(six, "ix"), six, "10:30"), size)
    assert decoded(shown.view.grabWindow()) == ["https://example.org/programme/opening"]
    qr = shown.root.findChild(QQuickItem, "qr")
    assert qr.width() == qr.height() == side  # a version 3 code: 29 modules and 8 of quiet zone
    # The footer leaves it its corner, as it is drawn.
    assert scene_rect(shown.item("eventTitle")).right() <= qr.x()


def test_a_phone_2_m_away_reads_the_code_and_one_farther_would_not(six, show, panel_inches):
    """The camera's preview, 1920 pixels across a 70° field, sees the panel's pixels this much smaller."""
    panel_inches(85)
    shown = show(screen_at(DoorScreen(six, "ix"), six, "10:30"), (3840, 2160))
    frame = shown.view.grabWindow()
    pitch = 85 * 25.4 / (3840**2 + 2160**2) ** 0.5

    def seen_from(metres: float) -> QImage:
        f = 1920 / (2 * metres * 1000 * math.tan(math.radians(35))) * pitch
        return frame.scaled(round(frame.width() * f), round(frame.height() * f), mode=SMOOTH)

    assert decoded(seen_from(2.0)) == ["https://example.org/programme/opening"]  # 2 preview pixels a module
    assert decoded(seen_from(4.0)) == []  # 1 pixel a module: too few, so the check above means something


# A fresh interpreter draws a code's modules, then says which of the modules segno's writers would
# have brought are there, then uses a writer (which runs them then) and says again.
WRITERS_LEFT_UNRUN = """
import sys
from kiosk.qt.qrcode import modules
link = "https://example.org/programme/opening"
heavy = ("segno", "ssl", "http.client", "urllib.request", "xml.sax.saxutils", "_hashlib", "email", "gzip")
drawn = modules(link)
print([name for name in heavy if name in sys.modules])
import segno
png = segno.make(link, error="m", micro=False).png_data_uri()
print(drawn == [[bool(m) for m in row] for row in segno.make(link, error="m").matrix_iter(border=4)])
print(png.startswith("data:image/png;base64,"), "http.client" in sys.modules)
"""


def test_a_code_is_drawn_without_what_segno_needs_to_write_files():
    # segno's writers (SVG, PNG) import urllib.request, hence http.client, ssl and OpenSSL's libcrypto:
    # 4 MiB and 40 ms of every door whose session has a link. They are there, unrun, if ever used.
    done = subprocess.run([sys.executable, "-c", WRITERS_LEFT_UNRUN], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["['segno']", "True", "True True"]
