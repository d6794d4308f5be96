"""Notices on the door and the overview, read back from the QML scene; the notices file followed live."""

from __future__ import annotations

import pytest
from PySide6.QtQuick import QQuickItem

from kiosk.notices import parse_notices
from kiosk.qt.door import DoorScreen
from kiosk.qt.overview import OverviewScreen

from .conftest import SIZES, at
from .scene import plain, qml, scene_rect, texts, visible_texts_fit

KINDS = """format: 1
notices:
  - {id: full, kind: full, room: salle-ix, overflow: salle-viii, from: "14:05", until: "15:30"}
  - {id: late, kind: delay, room: salle-ix, minutes: 15, from: "15:50"}
  - {id: move, kind: moved, session: workshop-b, to: salle-i, from: "15:00"}
  - {id: gone, kind: cancelled, session: closing-remarks, from: "15:00"}
  - {id: nococktail, kind: cancelled, session: cocktail, from: "15:00"}
  - {id: note, kind: message, rooms: [restaurant], text: {fr: "<b>Vestiaire</b> fermé", en: Cloakroom closed}}
  - {id: fire, kind: emergency, from: "16:30", until: "16:45"}
"""


def screen_with(programme, kind: str, room: str | None, when: str, lang: str = "fr"):
    screen = OverviewScreen(programme) if room is None else DoorScreen(programme, room)
    screen.notices = parse_notices(KINDS, "notices.yaml", programme)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, when))
    screen.bridge.languageIndex = screen.languages.index(lang)
    return screen


def test_a_full_room_says_where_to_go_and_which_rooms_have_the_same_kind_of_session(programme, show):
    shown = show(screen_with(programme, "full", "salle-ix", "14:10"))
    assert shown.text("noticeLabel") == "Salle complète"
    assert shown.item("noticeLabel").property("font").capitalization().name == "AllUppercase"
    assert shown.text("noticeText") == "Suivez la session en Salle VIII"
    assert shown.text("noticeMore") == "Aussi en cours\u202f: Salle VII"
    overflow = show(screen_with(programme, "full", "salle-viii", "14:10", "en"))
    assert overflow.text("noticeText") == "Live from Room IX (room full)"


def test_a_delayed_room_shows_new_and_printed_times_struck_through(programme, show):
    shown = show(screen_with(programme, "delay", "salle-ix", "16:10", "en"))
    assert shown.text("noticeLabel") == "Running 15\u00a0min late"
    # The cancelled closing remarks are struck through above the panels, not said again in the band.
    assert shown.text("noticeMore") == ""
    assert shown.text("cancelledText") == "17:00 – 17:15 · Closing remarks and next steps"
    assert shown.text("nowTime") == "16:00 – 17:15"
    printed = shown.item("nowTimePrinted")
    assert printed.property("text") == "15:45 – 17:00" and printed.property("font").strikeOut()
    # Closing remarks are cancelled: what comes next is the working session, moved 15 minutes too.
    assert shown.text("nextTime") == "17:45 – 18:45"
    assert shown.text("nextTimePrinted") == "17:30 – 18:30"


def test_a_moved_session_points_the_way_and_is_shown_in_its_new_room(programme, show):
    old = show(screen_with(programme, "moved", "salle-viii", "15:40", "en"))
    assert old.text("noticeLabel") == "Room change →"
    # The room first: a long title is what the band's ellipsis cuts, never the way to go.
    assert old.text("noticeText").startswith("Now in Room I: “Parallel session B")
    new = show(screen_with(programme, "moved", "salle-i", "15:50", "en"))
    assert new.text("nowTitle").startswith("Parallel session B")
    assert new.text("noticeText").startswith("Here now (printed: Room VIII): “Parallel session B")


def test_a_message_is_plain_text(programme, show):
    shown = show(screen_with(programme, "message", "restaurant", "13:00"))
    assert shown.text("noticeText") == "<b>Vestiaire</b> fermé"
    assert all(plain(t) for t in texts(shown.visible_page()))


@pytest.mark.parametrize("room", ["salle-ix", None])
def test_an_emergency_covers_every_screen_in_every_language_at_once(programme, show, room):
    shown = show(screen_with(programme, "emergency", room, "16:31"))
    assert shown.pages() == []  # no page under it, no crossfade to wait for
    emergency = shown.root.findChild(QQuickItem, "emergency")
    shown.keep.append(emergency)
    assert emergency.isVisible()
    words = [t.property("text") for t in texts(emergency) if t.property("text")]
    assert words[:2] == [
        "Évacuation",
        "Quittez le bâtiment par la sortie la plus proche. N’utilisez pas les ascenseurs.",
    ]
    assert words[2:] == ["Evacuation", "Leave the building by the nearest exit. Do not use the lifts."]
    sign = emergency.findChild(QQuickItem, "evacuationSign")
    shown.keep.append(sign)
    assert qml(sign, "status === Image.Ready")  # the SVG of assets/ is found and drawn


@pytest.mark.parametrize("room", ["salle-ix", None])
def test_the_emergency_is_built_when_it_comes_and_gone_when_it_ends(programme, show, qtbot, room):
    """Not built all day: its way-out sign would load Qt's image plugins into every screen."""
    shown = show(screen_with(programme, "emergency", room, "16:29"))
    assert shown.root.findChild(QQuickItem, "emergency") is None
    assert len(shown.pages()) == len(shown.screen.languages)
    shown.screen.show(at(programme, "16:31"))
    qtbot.waitUntil(lambda: shown.root.findChild(QQuickItem, "emergency") is not None)
    emergency = shown.root.findChild(QQuickItem, "emergency")
    shown.keep.append(emergency)
    assert emergency.isVisible() and (emergency.width(), emergency.height()) == (1920, 1080)
    assert shown.pages() == []
    shown.screen.show(at(programme, "16:46"))
    qtbot.waitUntil(lambda: shown.root.findChild(QQuickItem, "emergency") is None)
    assert len(shown.pages()) == len(shown.screen.languages)


EVACUATE = """format: 1
notices:
  - {id: fire, kind: emergency, text: {fr: "Sortez par l’escalier B", en: "Leave by staircase B"}}
"""


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_an_arabic_screen_shows_the_emergency_in_arabic_and_the_organisers_words_tagged(
    programme, show, size
):
    """Issue 16: an Arabic page showed the French message. Now: the evacuation in Arabic, mirrored,
    then what the organiser wrote in French and English, each tagged with its language."""
    screen = DoorScreen(programme, "salle-ix", ("ar",))
    screen.notices = parse_notices(EVACUATE, "notices.yaml", programme)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "16:31"))
    shown = show(screen, size)
    emergency = shown.root.findChild(QQuickItem, "emergency")
    shown.keep.append(emergency)
    said = [t.property("text") for t in texts(emergency) if t.isVisible() and t.property("text")]
    assert said == [
        "إخلاء",
        "غادروا المبنى من أقرب مخرج. لا تستخدموا المصاعد.",
        "FR · Sortez par l’escalier B",
        "EN · Leave by staircase B",
    ]
    assert emergency.property("rightToLeft") == [True, False, False]
    visible_texts_fit(emergency, size, shown.keep)  # nothing cut, nothing outside the screen


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("room", ["salle-ix", None])
def test_an_emergency_in_four_screen_languages_fits_every_size(programme, show, size, room):
    languages = ("fr", "en", "ar", "zh")
    screen = OverviewScreen(programme, languages) if room is None else DoorScreen(programme, room, languages)
    screen.notices = parse_notices(EVACUATE, "notices.yaml", programme)
    screen.show(at(programme, "16:31"))
    shown = show(screen, size)
    emergency = shown.root.findChild(QQuickItem, "emergency")
    shown.keep.append(emergency)
    headings = [t.property("text") for t in texts(emergency) if t.objectName() == "emergencyHeading"]
    assert headings == ["Évacuation", "Evacuation", "إخلاء", "紧急疏散"]
    checked = visible_texts_fit(emergency, size, shown.keep)
    assert len(checked) == 8
    # Readable from metres away: no screen language's text below 3 % of the screen's height.
    smallest = min(qml(t, "fontInfo.pixelSize") for t in checked)
    assert smallest >= 0.03 * min(size[1], size[0] * 1.3), smallest


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("room", "when"), [("salle-ix", "14:10"), ("salle-ix", "16:10"), (None, "14:10")])
def test_notice_texts_stay_in_their_boxes(programme, show, size, room, when):
    shown = show(screen_with(programme, "", room, when, "fr"), size)
    page = shown.visible_page()
    checked = visible_texts_fit(page, size, shown.keep)
    assert any(item.objectName() == "noticeText" for item in checked)


def test_a_cancelled_venue_moment_is_not_announced_on_the_overview(programme, show):
    shown = show(screen_with(programme, "cancelled", None, "16:10", "en"))
    assert shown.text("venueTitle") != "Closing reception"


# A notice one line long in every language, and one that wraps in French only.
SHORT = "{fr: Sol glissant, en: Wet floor, ar: أرضية زلقة, zh: 地面湿滑}"
WRAPS = (
    "{fr: 'Le vestiaire du rez-de-chaussée est fermé pour la journée : déposez vos manteaux et vos"
    " bagages au vestiaire du premier étage, près des ascenseurs', en: Wet floor}"
)


def assert_one_line_and_no_more(band, text) -> None:
    """The band's text takes one line, and the band has no room left for another under it."""
    assert text.property("lineCount") == 1
    line = text.property("lineHeight")
    under = band.height() - (text.y() + line)  # the band below the text's one line: its padding
    assert under < line, f"{text.property('text')}: {under:.0f} px under one line of {line:.0f} px"


def band_texts(programme, show, text: str, size, languages=("fr", "en")):
    """The door of Salle IX with a message of ``text`` (YAML); each page in turn (a page is built when
    its language first shows), with its band and the band's text."""
    screen = DoorScreen(programme, "salle-ix", languages)
    notices = f"format: 1\nnotices:\n  - {{id: note, kind: message, rooms: [salle-ix], text: {text}}}\n"
    screen.notices = parse_notices(notices, "notices.yaml", programme)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "14:20"))
    shown = show(screen, size)
    for page in shown.each_page():
        yield shown, page, shown.item("notice", page), shown.item("noticeText", page)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1080, 1920)])
def test_a_short_notice_leaves_no_empty_line_in_the_band(programme, show, size):
    """A landscape door's band kept room for a second line its text did not take, in any language."""
    seen = 0
    for _, _, band, text in band_texts(programme, show, SHORT, size, ("fr", "en", "ar", "zh")):
        assert_one_line_and_no_more(band, text)
        seen += 1
    assert seen == 4


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_a_notice_two_lines_long_in_one_language_has_two_lines_on_every_page(programme, show, size):
    pages = [
        (text.property("lineCount"), text.height(), qml(text, "linesHeight(2)"), band.height(),
         scene_rect(shown.item("nowCard", page)))
        for shown, page, band, text in band_texts(programme, show, WRAPS, size)
    ]  # fmt: skip
    (fr_lines, fr_text, _, fr_band, fr_now), (en_lines, en_text, two_lines, en_band, en_now) = pages
    assert (fr_lines, en_lines) == (2, 1)
    assert fr_text == en_text == two_lines
    assert fr_band == en_band
    # Nothing under the band moves when the language changes.
    assert fr_now == en_now


def overview_bands(programme, show, text: str, size, languages=("fr", "en")):
    """The overview with a message of ``text`` (YAML) for the whole venue, and its band, the band's
    text and the board's top on each language's page, turned to in turn (only the page on screen is
    built)."""
    screen = OverviewScreen(programme, languages)
    notices = f"format: 1\nnotices:\n  - {{id: note, kind: message, text: {text}}}\n"
    screen.notices = parse_notices(notices, "notices.yaml", programme)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "14:20"))
    shown = show(screen, size)
    bands = []
    for index in range(len(languages)):
        screen.bridge.languageIndex = index
        page = shown.visible_page()
        band, text, board = (shown.item(name, page) for name in ("notice", "noticeText", "board"))
        shown.keep.extend((band, text, board))
        bands.append((band, text, scene_rect(board).top()))
    return bands


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_a_short_notice_leaves_no_empty_line_in_the_overviews_band(programme, show, size):
    """The overview gave the band's text two lines whatever it took: a one-line notice left one empty."""
    bands = overview_bands(programme, show, SHORT, size, ("fr", "en", "ar", "zh"))
    for band, text, _ in bands:
        assert_one_line_and_no_more(band, text)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_an_overview_notice_two_lines_long_in_one_language_has_two_lines_on_every_page(programme, show, size):
    (fr_band, fr_text, fr_board), (en_band, en_text, en_board) = overview_bands(programme, show, WRAPS, size)
    assert (fr_text.property("lineCount"), en_text.property("lineCount")) == (2, 1)
    assert fr_text.height() == en_text.height() == qml(en_text, "linesHeight(2)")
    assert fr_band.height() == en_band.height()
    assert fr_board == en_board  # nothing under the band moves when the language changes
