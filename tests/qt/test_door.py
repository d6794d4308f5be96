"""The door screen as a passer-by sees it: what the QML items show, read back from the scene."""

from __future__ import annotations

import pytest
from PySide6.QtQml import QQmlProperty
from PySide6.QtQuick import QQuickItem

from kiosk.clock import FakeClock
from kiosk.qt.door import DoorScreen
from kiosk.qt.overview import OverviewScreen
from kiosk.qt.ticker import Ticker

from .conftest import SIZES, at, small_programme
from .scene import plain, scene_rect, texts, visible_texts_fit


def door(programme, room, when, lang="fr"):
    screen = DoorScreen(programme, room)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, when))
    screen.bridge.languageIndex = screen.languages.index(lang)
    return screen


def test_panel_in_salle_i_shows_now_and_next_in_french(programme, show):
    shown = show(door(programme, "salle-i", "10:30"))
    assert shown.text("roomName") == "Salle I"
    assert shown.text("clock") == "10:30"
    assert shown.text("date") == "mardi 28 mars 2023"
    assert shown.text("nowTitle") == "Table ronde sur la Coalition\u202f: passé, présent, futur"
    assert shown.text("nowTime") == "10:05 – 11:05"
    assert shown.text("nowLeft") == "encore 35\u00a0min"
    assert "Firmin Édouard Matoko" in shown.text("nowPeople")
    assert shown.text("nextTitle").startswith("Introduction et réalisations")
    assert shown.text("nextIn") == "dans 35\u00a0min"
    assert shown.item("progress").property("value") == pytest.approx(25 / 60, abs=0.001)


def test_same_moment_in_english(programme, show):
    shown = show(door(programme, "salle-i", "10:30", "en"))
    assert shown.text("roomName") == "Room I"
    assert shown.text("date") == "Tuesday, 28 March 2023"
    assert shown.text("nowTitle") == "Panel on the Coalition: past, present, future"
    assert shown.text("nowLeft") == "35\u00a0min left"
    assert shown.text("nextIn") == "in 35\u00a0min"


def test_a_part_of_an_umbrella_block_shows_the_block_above_its_title(programme, show):
    shown = show(door(programme, "salle-ix", "14:30", "en"))
    assert shown.text("nowBlock") == "Mission members' meetings"
    assert shown.text("nowTitle").startswith("Global Skills Academy")


@pytest.mark.parametrize(
    ("room", "when", "headline", "elsewhere"),
    [
        ("salle-ix", "08:30", "Première session à 09:00", ""),
        ("salle-ix", "12:00", "Salle libre jusqu’à 14:00", "Déjeuner"),
        ("salle-i", "12:20", "Plus de session dans cette salle aujourd’hui", "Déjeuner"),
        ("salle-vii", "17:20", "Plus de session dans cette salle aujourd’hui", "Cocktail"),
    ],
)
def test_every_state_has_its_own_message(programme, show, room, when, headline, elsewhere):
    shown = show(door(programme, room, when))
    assert shown.text("headline") == headline
    assert shown.text("elsewhere").startswith(elsewhere)
    # The session's panel is not even built (NowPanel builds only the part it shows).
    assert shown.visible_page().findChild(QQuickItem, "nowTitle") is None


def test_outside_the_event_days(programme, show):
    before = show(door(programme, "salle-i", "2023-03-27T10:00", "en"))
    assert before.text("headline") == "The event begins on Tuesday, 28 March 2023"
    after = show(door(programme, "salle-i", "2023-03-30T10:00", "en"))
    assert after.text("headline") == "The event is over"


def test_a_room_without_sessions_says_so(show):
    programme = small_programme(
        "- {id: s, room: a, start: '10:00', end: '11:00', title: {fr: Un, en: One}}\n"
    )
    shown = show(door(programme, "b", "10:30"))
    assert shown.text("headline") == "Aucune session prévue dans cette salle"


def test_several_sessions_at_once_are_all_named(show):
    # Side by side in one room: a block held in the room, with one of its parts in the same room.
    programme = small_programme(
        """\
        - id: forum
          room: a
          start: '10:00'
          end: '11:00'
          title: {fr: Forum, en: Forum}
          parts:
            - {id: corner, room: a, title: {fr: Coin des jeunes, en: Youth corner}}
            - {id: elsewhere, room: b, title: {fr: Atelier, en: Workshop}}
        """
    )
    shown = show(door(programme, "a", "10:30", "en"))
    assert shown.text("nowTitle") == "Forum"
    assert shown.text("nowAlso") == "Also on now: Youth corner"


def test_a_session_crossing_midnight(show):
    programme = small_programme(
        "- {id: night, room: a, start: '2023-03-28 23:00', end: '2023-03-29 01:00',\n"
        "   title: {fr: Nuit, en: Night}}\n"
    )
    shown = show(door(programme, "a", "2023-03-29T00:30", "en"))
    assert shown.text("nowTitle") == "Night"
    assert shown.text("nowTime") == "23:00 – 01:00"
    assert shown.text("nowLeft") == "30\u00a0min left"


def test_programme_text_is_shown_as_plain_text(show):
    programme = small_programme(
        "- {id: s, room: a, start: '10:00', end: '11:00',\n"
        "   title: {fr: '<img src=x> <b>Hi</b>', en: '<i>x</i>'}}\n"
    )
    shown = show(door(programme, "a", "10:30"))
    assert shown.text("nowTitle") == "<img src=x> <b>Hi</b>"
    for item in texts(shown.root):
        assert plain(item), f"{item.objectName() or item.property('text')} is not Text.PlainText"


def test_languages_alternate_with_the_ticker_not_with_waiting(programme, show):
    clock = FakeClock(at(programme, "10:30"))
    real = [1000.0]
    screen = DoorScreen(programme, "salle-i")
    screen.bridge.reducedMotion = True
    ticker = Ticker(clock, screen, language_period=10, realtime=lambda: real[0])
    shown = show(screen)
    ticker.tick()
    assert shown.text("roomName") == "Salle I"
    real[0] += 10
    ticker.tick()
    shown.next_frame()  # the page of the language shown is built when it first shows, and laid out
    assert shown.text("roomName") == "Room I"
    real[0] += 10
    clock.advance(minutes=35)
    ticker.tick()
    shown.next_frame()
    assert shown.text("roomName") == "Salle I"
    assert shown.text("nowTitle").startswith("Introduction et réalisations")
    ticker.stop()


def layered(page: QQuickItem) -> bool:
    return QQmlProperty(page, "layer.enabled").read()


def test_the_new_language_fades_in_over_the_old_from_layers_then_alone(programme, show, qtbot):
    screen = DoorScreen(programme, "salle-ix")
    screen.show(at(programme, "14:40"))
    shown = show(screen)
    french, english = shown.pages()
    assert (french.opacity(), english.isVisible()) == (1, False)
    assert not layered(french)  # at rest a page is drawn directly
    seen_as_french_went = []
    french.visibleChanged.connect(lambda: seen_as_french_went.append(english.opacity()))

    screen.bridge.languageIndex = 1
    # English fades in above French, which stays whole beneath it: no dip to the ground between them.
    assert english.z() > french.z()
    assert english.opacity() < 1 and french.opacity() == 1
    # Both are painted once into images, then blended frame after frame; both in the first frame:
    # English is drawn from the start, too faint to see (a page at 0 is not drawn, nor its layer).
    assert layered(french) and layered(english)
    assert english.isVisible() and english.opacity() < 0.01

    qtbot.waitUntil(lambda: not french.isVisible(), timeout=2000)
    assert seen_as_french_went == [1]  # French went in the frame English was whole
    assert english.opacity() == 1
    assert not layered(english) and not layered(french)
    assert shown.text("roomName", english) == "Room IX"


def test_the_ticker_sleeps_until_the_next_thing_that_changes(programme):
    clock = FakeClock(at(programme, "11:04:30"))
    screen = DoorScreen(programme, "salle-i", languages=("fr",))
    ticker = Ticker(clock, screen, language_period=10, realtime=lambda: 0.0)
    ticker.tick()
    assert ticker.next_wake_seconds == pytest.approx(30)  # the next minute and the end of the panel
    clock.set(at(programme, "11:05:00"))
    ticker.tick()
    assert ticker.next_wake_seconds == pytest.approx(30)  # capped: a clock step is noticed soon
    ticker.stop()


def test_a_tick_that_changes_nothing_changes_no_property(programme, qtbot):
    clock = FakeClock(at(programme, "10:30:05"))
    screen = DoorScreen(programme, "salle-i")
    ticker = Ticker(clock, screen, realtime=lambda: 0.0)
    ticker.tick()
    page = screen.bridge.pages[0]
    signals = [getattr(page, f"{name}Changed") for name in ("clock", "nowLeft", "progress", "nowTitle")]
    clock.advance(seconds=20)
    for signal in signals:
        with qtbot.assertNotEmitted(signal, wait=0):
            ticker.tick()
    ticker.stop()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("room", "when"),
    [
        ("salle-i", "10:30"),
        ("salle-viii", "16:00"),
        ("salle-ix", "14:30"),
        ("salle-i", "12:20"),
        ("salle-ix", "17:40"),
    ],
)
def test_no_text_runs_outside_its_container(programme, show, size, lang, room, when):
    shown = show(door(programme, room, when, lang), size)
    checked = visible_texts_fit(shown.visible_page(), size, shown.keep)
    assert len(checked) > 8
    for item in checked:
        name = item.objectName() or item.property("text")[:20]
        assert item.property("font").pixelSize() >= min(14, 0.02 * size[1]), f"{name} is too small"


STATES = [
    ("salle-i", "10:30"),
    ("salle-ix", "14:30"),
    ("salle-vii", "12:20"),
    ("salle-i", "12:20"),
    ("salle-ix", "08:30"),
    ("salle-viii", "16:00"),
]


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("room", "when"), STATES)
def test_the_layout_does_not_move_when_the_language_changes(programme, show, size, room, when):
    shown = show(door(programme, room, when), size)

    def layout() -> dict[str, tuple[float, float, bool]]:
        page = shown.visible_page()
        return {
            item.objectName(): (scene_rect(item).top(), scene_rect(item).height(), item.isVisible())
            for item in page.findChildren(QQuickItem)
            if item.objectName()
        }

    french = layout()
    shown.show_language(1)
    english = layout()
    assert len(french) > 10
    assert french == english


def test_a_language_s_page_is_built_when_first_shown_then_kept(programme, show):
    """A start builds the page on screen only (a door of six languages built six); a page is built when
    its language first shows, and kept, so switching back builds nothing."""
    screen = DoorScreen(programme, "salle-ix", ("fr", "en", "es", "ru", "zh", "ar"))
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "14:40"))
    shown = show(screen)

    def built() -> list[bool]:
        return [page.findChild(QQuickItem, "nowCard") is not None for page in shown.pages()]

    assert built() == [True, False, False, False, False, False]
    shown.show_language(4)
    assert built() == [True, False, False, False, True, False]
    first = shown.item("nowCard", shown.show_language(0))
    assert built() == [True, False, False, False, True, False]
    assert shown.item("nowCard") is first  # the same page, not built again


def test_nothing_is_drawn_again_until_something_changes(programme, show, qtbot):
    clock = FakeClock(at(programme, "10:30:05"))
    screen = DoorScreen(programme, "salle-i")
    ticker = Ticker(clock, screen, realtime=lambda: 0.0)
    ticker.tick()
    shown = show(screen)
    frames = []
    shown.view.frameSwapped.connect(lambda: frames.append(1))
    shown.view.update()
    qtbot.waitUntil(lambda: len(frames) > 0)
    frames.clear()
    clock.advance(seconds=20)  # same minute, same language: nothing to show anew
    ticker.tick()
    with qtbot.assertNotEmitted(shown.view.frameSwapped, wait=300):
        pass
    clock.advance(seconds=40)  # 10:31: the clock and the minutes left change
    ticker.tick()
    qtbot.waitUntil(lambda: len(frames) > 0)
    ticker.stop()


@pytest.mark.parametrize(
    "make", [lambda programme: DoorScreen(programme, "salle-ix"), OverviewScreen], ids=["door", "overview"]
)
def test_a_screen_starts_on_its_language_whole_without_a_fade(programme, show, make):
    """The ticker chooses the language before the QML is built: the first frame shows that page whole."""
    screen = make(programme)
    assert not screen.bridge.reducedMotion  # fades as on a device
    screen.show(at(programme, "14:40"))
    screen.bridge.languageIndex = 1
    shown = show(screen)
    page = shown.visible_page()  # exactly one page whole, right after the first frame
    assert page.property("index") == 1
    assert all(other.opacity() == 0 for other in shown.pages() if other is not page)
