"""The door's cards, in its main states, at every size and in a long and a mirrored language: each text
inside its card, each card on the screen, no two cards overlapping (the meanwhile box once ran over
the next card when a notice band took its height); a session's times whole, a delay's printed ones too
(a portrait door once showed "14:00 – 1…" struck through beside the new time)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.notices import parse_notices
from kiosk.programme import parse_programme
from kiosk.qt.door import DoorScreen

from .conftest import SIZES, at, small_programme
from .scene import scene_rect, visible_texts_fit

NOTICES = """format: 1
notices:
  - {id: full, kind: full, room: salle-ix, overflow: salle-viii, from: "08:00", until: "15:30"}
  - {id: late, kind: delay, room: salle-ix, minutes: 15, from: "15:50"}
  - {id: move, kind: moved, session: workshop-b, to: salle-i, from: "15:00"}
  - {id: gone, kind: cancelled, session: closing-remarks, from: "15:00"}
"""
# Three sessions at once in one room, with a notice band and a cancelled one above them.
SEVERAL = """\
- id: forum
  room: a
  start: '10:00'
  end: '11:00'
  title: {fr: Forum des partenaires de la Coalition mondiale pour l’éducation, en: Partners' forum}
  parts:
    - {id: corner, room: a, title: {fr: Coin des jeunes et des enseignants, en: Youth corner}}
    - {id: desk, room: a, title: {fr: Accueil des délégations, en: Delegations' desk}}
- {id: gone, room: a, start: '11:00', end: '11:30', title: {fr: Pause annulée, en: Cancelled break}}
- {id: after, room: a, start: '11:30', end: '12:30', title: {fr: Clôture, en: Closing}}
"""
SEVERAL_NOTICES = """format: 1
notices:
  - {id: full, kind: full, room: a, overflow: b, from: "2023-03-28 08:00"}
  - {id: gone, kind: cancelled, session: gone, from: "2023-03-28 08:00"}
"""
# Where the layout is tightest: a band above, a pointer or a long title below, next below that.
STATES = {
    "free, meanwhile, room full": ("salle-ix", "10:40", "salle-ix-door"),
    "on now, room full, overflow": ("salle-ix", "14:10", "salle-ix-door"),
    "on now, nothing changed": ("salle-i", "10:30", None),
    "delay and cancelled": ("salle-ix", "16:10", "salle-ix-door"),
    "moved away": ("salle-viii", "15:40", "salle-viii-door"),
    "moved here": ("salle-i", "15:50", "salle-i-door"),
    "free, no sign": ("salle-ix", "10:40", None),
}
CARDS = ("header", "notice", "cancelled", "nowCard", "nextCard", "footer")
# Built only while there is one (DoorPageView.qml): the band of a notice, the line of a cancelled session.
WHILE_SHOWN = ("notice", "cancelled")
LANGUAGES = ("fr", "ar")
EVERY_LANGUAGE = ("fr", "en", "es", "ru", "zh", "ar")
TIMES = ("nowTime", "nowTimePrinted", "nextTime", "nextTimePrinted")


def card_of(item: QQuickItem) -> QQuickItem | None:
    parent = item.parentItem()
    while parent is not None and parent.objectName() not in CARDS:
        parent = parent.parentItem()
    return parent


def check_fits(shown, size: tuple[int, int], where: str) -> int:
    page = shown.visible_page()
    window = QRectF(0, 0, *size)
    cards = {}
    for name in CARDS:
        card = page.findChild(QQuickItem, name)
        if card is None and name in WHILE_SHOWN:
            continue
        assert card is not None, f"no card {name}"
        shown.keep.append(card)
        if card.isVisible() and card.height() > 0:
            cards[name] = scene_rect(card)
    for name, box in cards.items():
        assert window.contains(box), f"{where}: {name} {box} leaves the screen"
    names = list(cards)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            overlap = cards[a].intersected(cards[b])
            assert overlap.width() < 1 or overlap.height() < 1, f"{where}: {a} and {b} overlap"
    try:
        checked = visible_texts_fit(page, size, shown.keep)
    except AssertionError as e:
        raise AssertionError(f"{where}: {e}") from None
    for item in checked:
        card = card_of(item)
        name = item.objectName() or item.property("text")[:20]
        assert card is not None, f"{where}: {name} is in no card"
        box = scene_rect(item)
        assert cards[card.objectName()].adjusted(-1, -1, 1, 1).contains(box), (
            f"{where}: {name} {box} runs out of {card.objectName()} {cards[card.objectName()]}"
        )
    # The free panel's headline says until when: never cut short ("Salle libre jusqu'à 14…").
    for item in page.findChildren(QQuickItem, "headline"):
        if item.isVisible():
            assert not item.property("truncated"), f"{where}: the headline {item.property('text')!r} is cut"
    # A session's times are read whole, a delay's printed ones struck through too.
    for name in TIMES:
        for item in page.findChildren(QQuickItem, name):
            if item.isVisible() and item.property("text"):
                assert not item.property("truncated"), f"{where}: {name} {item.property('text')!r} is cut"
    # Boxes drawn inside a card (the meanwhile pointer, a way, the badges) stay inside it too.
    for name in ("pointer", "way", "nowInterpretation", "progress"):
        for item in page.findChildren(QQuickItem, name):
            if item.isVisible() and item.height() > 0:
                assert cards["nowCard"].contains(scene_rect(item)), f"{where}: {name} runs out of now"
    return len(checked)


def each_size_and_language(show, make, where: str, languages=LANGUAGES) -> None:
    for size in [*SIZES, (720, 1280)]:
        shown = show(make(), size)
        for index, lang in enumerate(languages):
            if index:  # positioners lay out a page at the frame that first shows it
                with shown.qtbot.waitSignal(shown.view.frameSwapped, timeout=5000):
                    shown.screen.bridge.languageIndex = index
            assert check_fits(shown, size, f"{where} {lang} {size[0]}x{size[1]}") > 5


@pytest.mark.parametrize(("room", "when", "sign"), STATES.values(), ids=STATES.keys())
def test_every_door_state_fits_its_cards_at_every_size(programme, show, room, when, sign):
    def make():
        screen = DoorScreen(programme, room, LANGUAGES)
        screen.sign_id = sign
        screen.notices = parse_notices(NOTICES, "notices.yaml", programme)
        screen.bridge.reducedMotion = True
        screen.show(at(programme, when))
        return screen

    each_size_and_language(show, make, f"{room} {when} {sign}")


# A room running late: on now and next both shown at new times, the printed ones struck through.
DELAYED = {
    "free, next delayed": "14:00",
    "on now and next delayed": "14:20",
    "delay and cancelled": "16:10",
}
DELAY = """format: 1
notices:
  - {id: late, kind: delay, room: salle-ix, minutes: 15, from: "13:50"}
  - {id: gone, kind: cancelled, session: closing-remarks, from: "15:00"}
"""


@pytest.mark.parametrize("when", DELAYED.values(), ids=DELAYED.keys())
def test_a_delayed_session_shows_both_times_whole_in_every_language_at_every_size(programme, show, when):
    def make():
        screen = DoorScreen(programme, "salle-ix", EVERY_LANGUAGE)
        screen.notices = parse_notices(DELAY, "notices.yaml", programme)
        screen.bridge.reducedMotion = True
        screen.show(at(programme, when))
        assert screen.bridge.pages[0].property("nextTimePrinted") != ""
        return screen

    each_size_and_language(show, make, f"delayed {when}", EVERY_LANGUAGE)


def printed_ways(shown) -> list[tuple[str, str]]:
    """Each page's printed time on now, and whether it is on the new time's line or under it."""
    ways = []
    for page in shown.each_page():
        new, printed = shown.item("nowTime", page), shown.item("nowTimePrinted", page)
        baseline = scene_rect(new).y() + new.property("baselineOffset")
        if abs(scene_rect(printed).y() + printed.property("baselineOffset") - baseline) < 0.5:
            ways.append((printed.property("text"), "beside"))
        else:
            assert scene_rect(printed).y() >= scene_rect(new).bottom() - 0.5
            ways.append((printed.property("text"), "under"))
    return ways


def test_a_delayed_time_goes_beside_the_new_one_as_it_fits_in_every_language(programme, show):
    def make(languages):
        screen = DoorScreen(programme, "salle-ix", languages)
        screen.notices = parse_notices(DELAY, "notices.yaml", programme)
        screen.bridge.reducedMotion = True
        screen.show(at(programme, "14:20"))
        return screen

    # Landscape: the printed range beside the new one, as wide as it is.
    assert printed_ways(show(make(EVERY_LANGUAGE), (1920, 1080))) == [("14:00 – 15:30", "beside")] * 6
    # Portrait: "NOW 14:15 – 15:45" leaves room for the printed range, "EN COURS 14:15 – 15:45" for its
    # start alone, which both pages show; next has room for the range.
    portrait = show(make(("fr", "en")), (1080, 1920))
    assert printed_ways(portrait) == [("14:00", "beside")] * 2
    assert portrait.text("nextTimePrinted") == "15:45 – 17:00"
    # "СЕЙЧАС" and the FR tag (no Russian title) leave no room for that: the range goes under the new one.
    assert printed_ways(show(make(EVERY_LANGUAGE), (1080, 1920))) == [("14:00 – 15:30", "under")] * 6


def test_several_sessions_at_once_fit_their_cards_at_every_size(show):
    programme = small_programme(SEVERAL, languages="[fr, en, ar]")

    def make():
        screen = DoorScreen(programme, "a", LANGUAGES)
        screen.notices = parse_notices(SEVERAL_NOTICES, "notices.yaml", programme)
        screen.bridge.reducedMotion = True
        screen.show(at(programme, "10:30"))
        assert screen.bridge.pages[0].property("nowAlso") != ""
        assert screen.bridge.pages[0].property("cancelledText") != ""
        return screen

    each_size_and_language(show, make, "several")


def test_a_short_card_gives_up_the_headline_lines_no_language_fills_first(programme, show):
    # Salle IX is free until 14:00, under a full-room band: "Salle libre jusqu'à 14:00" / "Room free
    # until 14:00" take a line each, so the meanwhile box keeps all its lines, right under the headline.
    screen = DoorScreen(programme, "salle-ix")
    screen.notices = parse_notices(NOTICES, "notices.yaml", programme)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "10:40"))
    shown = show(screen, (1080, 1920))
    layouts = []
    for index in range(2):
        if index:
            with shown.qtbot.waitSignal(shown.view.frameSwapped, timeout=5000):
                screen.bridge.languageIndex = index
        headline = shown.item("headline")
        assert headline.height() < 2 * headline.property("lineHeight")
        assert shown.item("elsewhereTime").isVisible()
        assert shown.item("elsewhere").property("maximumLineCount") == 2
        layouts.append([scene_rect(shown.item(name)) for name in ("headline", "pointer", "nextCard")])
    assert layouts[0] == layouts[1]


# A block going on in four rooms but the door's, each a different way from its sign, under a band.
ROOMS = ("a", "b", "c", "d", "e")
SPREAD = """format: 1
event:
  id: test
  title: {fr: Essai, en: Test}
  languages: [fr, en, ar]
  timezone: Europe/Paris
  dates: {first: 2023-03-28, last: 2023-03-29}
rooms:
ROOMS
sessions:
  - id: block
    start: '10:00'
    end: '11:00'
    title: {fr: Réunions des membres des missions permanentes, en: Mission members' meetings}
    parts:
PARTS
  - {id: later, room: a, start: '11:30', end: '12:30', title: {fr: Clôture, en: Closing}}
signs:
  - id: a-door
    name: {fr: Porte A, en: Door A}
    ways:
      a: here
      b: left
      c: {arrow: right, words: {fr: "Après la Salle B, au fond du couloir", en: "Past Room B"}}
      d: down
      e: {arrow: up, words: {fr: "Ascenseurs à gauche, 7e étage", en: "Lifts on your left"}}
""".replace(
    "ROOMS",
    "\n".join(f"  - {{id: {r}, name: {{fr: Salle {r.upper()}, en: Room {r.upper()}}}}}" for r in ROOMS),
).replace(
    "PARTS",
    "\n".join(
        f"      - {{id: part-{r}, room: {r}, title: {{fr: Groupe {r.upper()}, en: Group {r.upper()}}}}}"
        for r in ROOMS[1:]
    ),
)
SPREAD_NOTICES = """format: 1
notices:
  - id: note
    kind: message
    rooms: [a]
    from: "2023-03-28 08:00"
    text: {fr: Vestiaire fermé, en: Cloakroom closed}
"""


def test_a_block_in_many_rooms_with_a_sign_fits_its_card_at_every_size(show):
    programme = parse_programme(SPREAD, "test.yaml")

    def make():
        screen = DoorScreen(programme, "a", LANGUAGES)
        screen.sign_id = "a-door"
        screen.notices = parse_notices(SPREAD_NOTICES, "notices.yaml", programme)
        screen.bridge.reducedMotion = True
        screen.show(at(programme, "10:30"))
        assert len(screen.bridge.pages[0].property("elsewhereWays")) == 4
        return screen

    each_size_and_language(show, make, "spread")
