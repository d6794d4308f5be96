"""The way from where a screen hangs, as drawn: arrows that point where the sign says, in every language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem

from kiosk.notices import Notice, Notices
from kiosk.qt.door import DoorScreen
from kiosk.qt.overview import OverviewScreen

from .conftest import SIZES, at
from .scene import scene_rect, visible_texts_fit, walk

ACCENT = QColor("#ffd166")


def door(programme, room, when, lang, sign=None, notices=()):
    screen = DoorScreen(programme, room, languages=("fr", "en", "ar"))
    screen.sign_id = sign
    screen.notices = Notices(tuple(notices))
    screen.bridge.reducedMotion = True
    screen.show(at(programme, when))
    screen.bridge.languageIndex = screen.languages.index(lang)
    return screen


def arrows(shown, name="wayArrow") -> list[QQuickItem]:
    page = shown.visible_page()
    found = [i for i in walk(page) if i.objectName() == name and i.isVisible() and i.width() > 0]
    shown.keep.extend(found)
    return found


def named(shown, name: str) -> QQuickItem:
    """An item by name, Repeater's content included."""
    (item,) = arrows(shown, name)
    return item


def ink(shown, item: QQuickItem, color: QColor = ACCENT) -> dict[str, int]:
    """How many pixels of the arrow's colour each quarter of its box holds, as drawn on the screen."""
    image = shown.view.grabWindow()
    box = scene_rect(item).toRect()
    counts = {"upper-left": 0, "upper-right": 0, "lower-left": 0, "lower-right": 0}
    for y in range(box.top(), box.bottom()):
        for x in range(box.left(), box.right()):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - color.red())
                + abs(pixel.green() - color.green())
                + abs(pixel.blue() - color.blue())
                < 40
            ):
                vertical = "upper" if y < box.center().y() else "lower"
                horizontal = "left" if x < box.center().x() else "right"
                counts[f"{vertical}-{horizontal}"] += 1
    return counts


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_door_points_back_left_to_lunch_on_every_page(programme, show, lang, size):
    """From Salle IX's door the lifts to the restaurant are behind on the left, Arabic page or not."""
    shown = show(door(programme, "salle-ix", "12:00", lang, "salle-ix-door"), size)
    (arrow,) = arrows(shown)
    assert arrow.property("arrow") == "back-left" and arrow.property("angle") == 225
    quarters = ink(shown, arrow)
    # The head (the heavier end) lower left, the shaft towards the upper right; mirrored, the lower
    # right would be full and the lower left nearly empty.
    assert max(quarters, key=quarters.get) == "lower-left", quarters
    assert quarters["lower-right"] < quarters["lower-left"] / 2, quarters
    # Big enough to read across a hall: taller than the room's name beside it.
    assert arrow.height() > named(shown, "wayPlace").height()
    # Its place turns with the page: at the start of the line, the right on an Arabic page.
    place = scene_rect(named(shown, "wayPlace"))
    box = scene_rect(arrow)
    assert (box.right() < place.left()) if lang == "fr" else (box.left() > place.right())
    assert (
        named(shown, "wayWords").property("text")
        == {"fr": "Ascenseurs à gauche, 7e étage", "ar": "المصاعد على يسارك، الطابق السابع"}[lang]
    )
    assert len(visible_texts_fit(shown.visible_page(), size, shown.keep)) > 8


def test_without_a_sign_the_door_draws_no_arrow(programme, show):
    shown = show(door(programme, "salle-ix", "12:00", "fr"), (1080, 1920))
    assert arrows(shown) == [] and arrows(shown, "noticeArrow") == []
    assert shown.text("elsewhereRoom") == "Restaurant 7ème étage"


def test_a_full_rooms_band_draws_the_way_to_its_overflow(programme, show):
    full = Notice("f", "full", at(programme, "15:30"), rooms=("salle-ix",), overflow="salle-viii")
    size = (1920, 1080)
    shown = show(door(programme, "salle-ix", "14:30", "fr", "salle-ix-door", [full]), size)
    (arrow,) = arrows(shown, "noticeArrow")
    assert arrow.property("arrow") == "left"
    quarters = ink(shown, arrow, QColor("#0a2240"))  # dark ink on the band
    left, right = (
        quarters["upper-left"] + quarters["lower-left"],
        quarters["upper-right"] + quarters["lower-right"],
    )
    assert left > 1.2 * right, quarters  # the head is on the left
    assert scene_rect(arrow).right() < scene_rect(shown.item("noticeText")).left()
    assert len(visible_texts_fit(shown.visible_page(), size, shown.keep)) > 8


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_room_of_the_board_has_its_arrow(programme, show, size):
    screen = OverviewScreen(programme, ("en", "ar"))
    screen.sign_id = "entrance-hall"
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "14:30"))
    shown = show(screen, size)
    drawn = arrows(shown, "roomArrow")
    assert {a.property("arrow") for a in drawn} >= {"ahead-left", "down", "up"}
    for row in drawn:
        assert scene_rect(row).intersects(QRectF(QPointF(0, 0), QPointF(*size)))
    assert len(visible_texts_fit(shown.visible_page(), size, shown.keep)) > 8
