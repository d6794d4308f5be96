"""The foyer overview as a newcomer sees it: what the QML items show, read back from the scene."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem

from kiosk.clock import FakeClock
from kiosk.programme import parse_programme
from kiosk.qt.overview import OverviewScreen
from kiosk.qt.ticker import Ticker

from ..large_programme import large_programme
from .conftest import ROOT, SIZES, at, small_programme
from .scene import qml, scene_rect, texts, visible_texts_fit, walk

TIMES = ["10:30", "12:30", "14:30", "15:35", "16:00", "17:20"]
FLOOR = 14  # Theme.floorPixels
DIM = "#b4c4dc"  # Theme.dim: what is over


def overview(programme, when, lang="fr", languages=None):
    screen = OverviewScreen(programme, languages)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, when))
    screen.bridge.languageIndex = screen.languages.index(lang)
    return screen


@pytest.fixture(scope="module")
def big():
    return large_programme()


# -- reading the scene back ---------------------------------------------------------------------------


class Board:
    """The visible page of an overview, read as a passer-by reads it."""

    def __init__(self, shown):
        self.shown = shown
        settle(shown)
        self.page = shown.visible_page()
        self.items = list(walk(self.page))
        shown.keep.extend(self.items)  # PySide drops children's wrappers with their parent's

    def named(self, name: str, under: QQuickItem | None = None) -> QQuickItem:
        found = [i for i in (walk(under) if under else self.items) if i.objectName() == name]
        assert found, f"no item {name!r}"
        return found[0]

    def text(self, name: str, under: QQuickItem | None = None) -> str:
        return self.named(name, under).property("text")

    def shows(self, name: str, under: QQuickItem | None = None) -> str:
        """The text of ``name`` if it is on screen, else ""."""
        item = self.named(name, under)
        return item.property("text") if item.isVisible() else ""

    def lines(self) -> list[QQuickItem]:
        found = [i for i in self.items if i.objectName() in ("boardRow", "boardGroup")]
        return sorted(found, key=lambda i: i.mapToScene(i.position()).y())

    def rows(self) -> dict[str, dict[str, str]]:
        """Each room's row by room name: what its now and next halves say."""
        rows = {}
        for line in self.lines():
            if line.objectName() != "boardRow":
                continue
            now, nxt = self.named("now", line), self.named("next", line)
            rows[self.text("roomName", line)] = {
                "now": self.shows("slotTitle", now),
                "until": self.shows("slotTime", now),
                "nowTag": self.shows("slotTag", now) and self.text("slotTag", now),
                "nowNote": self.shows("slotNote", now),
                "next": self.shows("slotTitle", nxt) if nxt.isVisible() else "",
                "at": self.shows("slotTime", nxt) if nxt.isVisible() else "",
                "nextTag": self.shows("slotTag", nxt) and self.text("slotTag", nxt)
                if nxt.isVisible()
                else "",
                "nextNote": self.shows("slotNote", nxt) if nxt.isVisible() else "",
            }
        return rows

    def sequence(self) -> list[str]:
        """The board top to bottom: a group's header as "[title]", its rooms indented."""
        out = []
        for line in self.lines():
            if line.objectName() == "boardGroup":
                out.append(f"[{self.text('groupTitle', line)}]")
            else:
                grouped = line.property("grouped")
                out.append(("  " if grouped else "") + self.text("roomName", line))
        return out

    def agenda(self) -> list[QQuickItem]:
        found = [i for i in self.items if i.objectName() == "agendaItem"]
        return sorted(found, key=lambda i: i.mapToScene(i.position()).y())


def settle(shown) -> None:
    """Draw a frame: positioners (Row, Column) lay out their children when a frame is prepared, so
    geometry read before the next frame can be a step behind the properties."""
    shown.view.grabWindow()


# -- what the board says ------------------------------------------------------------------------------


def test_at_1030_every_room_has_its_row_with_now_and_next(programme, show):
    board = Board(show(overview(programme, "10:30")))
    rows = board.rows()
    assert list(rows) == [
        "Salle I",
        "Salle IX",
        "Salle VIII",
        "Salle VII",
        "Restaurant 7ème étage",
        "Salle I Foyer",
    ]
    assert rows["Salle I"]["now"] == "Table ronde sur la Coalition\u202f: passé, présent, futur"
    assert rows["Salle I"]["until"] == "jusqu’à 11:05"
    assert rows["Salle I"]["next"] == "Introduction et réalisations de la Coalition mondiale pour l’éducation"
    assert rows["Salle I"]["at"] == "11:05"
    assert rows["Salle IX"]["nowNote"] == "Libre"
    assert rows["Salle IX"]["next"].startswith("Académie mondiale des compétences")
    assert rows["Salle VIII"]["next"] == "Campus mondial des enseignants (Global Teacher Campus)"
    assert rows["Salle VII"]["at"] == "14:00"
    assert (rows["Restaurant 7ème étage"]["next"], rows["Restaurant 7ème étage"]["nextTag"]) == (
        "Déjeuner",
        "Pour tous",
    )
    assert rows["Salle I Foyer"]["next"] == "Pause café"
    assert board.text("clock") == "10:30"
    assert board.text("eventTitle") == "Coalition mondiale pour l’éducation — Troisième réunion annuelle"
    assert board.text("subtitle") == "mardi 28 mars 2023 · Siège de l’UNESCO"
    # Lunch is the next moment for everyone: the banner says where and how soon.
    assert (board.text("venueTitle"), board.text("venueWhere"), board.shows("venueSoon")) == (
        "Déjeuner",
        "Restaurant 7ème étage",
        "dans 1\u00a0h\u00a045",
    )


def test_at_1430_the_mission_meetings_are_one_group_with_three_parts_and_rooms(programme, show):
    board = Board(show(overview(programme, "14:30", "en")))
    assert board.sequence() == [
        "Room I",
        "[Mission members' meetings]",
        "  Room IX",
        "  Room VIII",
        "  Room VII",
        "Restaurant (7th floor)",
        "Room I foyer",
    ]
    group = board.lines()[1]
    assert board.text("groupStatus", group) == "Now"
    assert board.text("groupTime", group) == "14:00 – 15:30"
    assert board.text("groupLabel", group) == "In parallel"
    rows = board.rows()
    assert [(rows[r]["now"], rows[r]["until"]) for r in ("Room IX", "Room VIII", "Room VII")] == [
        ("Global Skills Academy and Gender Flagship", "until 15:30"),
        ("Global Teacher Campus", "until 15:30"),
        ("Global Learning House", "until 15:30"),
    ]
    assert rows["Room IX"]["next"].startswith("Parallel session A")
    assert rows["Room I"]["nowNote"] == "Done for today"


def test_at_1535_the_coffee_break_is_for_everyone(programme, show):
    board = Board(show(overview(programme, "15:35")))
    assert board.text("venueLabel") == "Pour tous"
    assert (board.text("venueTitle"), board.text("venueWhere"), board.text("venueTime")) == (
        "Pause café",
        "Salle I Foyer",
        "jusqu’à 15:45",
    )
    assert board.shows("venueNow") == "En cours"
    foyer = board.rows()["Salle I Foyer"]
    assert (foyer["now"], foyer["nowTag"], foyer["next"]) == (
        "Pause café",
        "Pour tous",
        "Cocktail de clôture",
    )
    # The rooms wait together for the workshops, at 15:45.
    assert board.sequence()[1] == "[Ateliers de transformation de l’éducation]"
    assert board.text("groupStatus", board.lines()[1]) == "à 15:45"


def test_at_1720_the_cocktail_and_the_rooms_done_for_the_day(programme, show):
    board = Board(show(overview(programme, "17:20", "en")))
    assert (board.text("venueTitle"), board.text("venueWhere"), board.shows("venueNow")) == (
        "Closing reception",
        "Room I foyer",
        "Now",
    )
    rows = board.rows()
    assert [r for r, row in rows.items() if row["nowNote"] == "Done for today"] == [
        "Room I",
        "Room VII",
        "Room VIII",
        "Restaurant (7th floor)",
    ]
    assert (rows["Room IX"]["nowNote"], rows["Room IX"]["at"]) == ("Free", "17:30")
    assert rows["Room I foyer"]["now"] == "Closing reception"
    assert rows["Room I foyer"]["nextNote"] == "Nothing more today"
    assert "[" not in "".join(board.sequence())  # no block on now or next: no group


def test_the_agenda_highlights_what_is_on_and_dims_what_is_over(programme, show):
    board = Board(show(overview(programme, "14:30")))
    items = board.agenda()
    titles = [board.text("agendaTitle", i) for i in items]
    assert "Réunions des membres des missions" in titles and "Pause café" in titles
    for item, title in zip(items, titles, strict=True):
        phase = item.property("phase")
        now, done = board.named("agendaNow", item), board.named("agendaPhase", item)
        if title == "Réunions des membres des missions":
            assert phase == "current"
            assert (now.isVisible(), now.property("text")) == (True, "En cours")
        elif phase == "past":
            assert (done.isVisible(), done.property("text")) == (True, "Terminé")
            assert board.named("agendaTitle", item).property("color").name() == DIM
        else:
            assert phase == "future"
            assert not now.isVisible() and not done.isVisible()
    assert [i.property("phase") for i in items].count("current") == 1
    assert (
        titles.index("Déjeuner")
        < titles.index("Réunions des membres des missions")
        < titles.index("Pause café")
    )


def test_the_agenda_is_beside_the_board_on_landscape_and_below_it_on_portrait(programme, show):
    for size, beside in (((1920, 1080), True), ((1080, 1920), False)):
        board = Board(show(overview(programme, "10:30"), size))
        rooms, agenda = scene_rect(board.named("board")), scene_rect(board.named("agenda"))
        if beside:
            assert agenda.left() >= rooms.right() and agenda.top() == pytest.approx(rooms.top())
        else:
            assert agenda.top() >= rooms.bottom() and agenda.left() == pytest.approx(rooms.left())
        assert len(board.agenda()) >= 5, size


# -- every size, every moment: legible and uncut --------------------------------------------------------


def check_every_text(shown, size):
    settle(shown)
    checked = 0
    for item in visible_texts_fit(shown.visible_page(), size, shown.keep):
        name = item.objectName() or item.property("text")[:20]
        assert item.property("font").pixelSize() >= FLOOR, f"{name} is below the floor"
        # Nothing smaller than 1.3 % of the screen's height (landscape) or width (portrait).
        assert item.property("font").pixelSize() >= 0.013 * min(size), f"{name} is too small"
        checked += 1
    return checked


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("when", TIMES)
def test_no_text_runs_outside_its_container_nor_below_the_floor(programme, show, size, lang, when):
    shown = show(overview(programme, when, lang), size)
    assert check_every_text(shown, size) > 40
    assert shown.screen.bridge.boardPages == 1, "the day's six rooms fit on one page"


@pytest.mark.parametrize("size", [(1080, 1920), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("when", ["2023-03-27T10:00", "08:00", "19:00", "2023-03-30T10:00"])
def test_before_and_after_the_day_nothing_is_cut(programme, show, size, when):
    shown = show(overview(programme, when, "fr"), size)
    assert check_every_text(shown, size) > 20


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("when", ["09:10", "14:00", "16:40"])
def test_a_larger_programme_pages_rather_than_shrinks(big, show, size, when):
    shown = show(overview(big, when, "en"), size)
    check_every_text(shown, size)
    assert shown.screen.bridge.boardPages >= 2
    board = Board(shown)
    assert board.text("pageLabel") == f"Page 1/{shown.screen.bridge.boardPages}"
    # What is shown fits: the last line ends above the agenda (portrait) or the footer.
    bottom = scene_rect(board.lines()[-1]).bottom()
    assert bottom <= scene_rect(board.named("board")).bottom() + 1


def test_programme_text_is_shown_as_plain_text(show):
    programme = small_programme(
        "- {id: s, room: a, start: '10:00', end: '11:00', kind: meal,\n"
        "   title: {fr: '<img src=x> <b>Hi</b>', en: '<i>x</i>'}}\n"
        "- {id: t, room: b, start: '11:00', end: '12:00', title: {fr: '&amp; <br/>', en: '<u>u</u>'}}\n"
    )
    shown = show(overview(programme, "10:30"))
    board = Board(shown)
    assert board.rows()["Salle A"]["now"] == "<img src=x> <b>Hi</b>"
    assert board.rows()["Salle B"]["next"] == "&amp; <br/>"
    assert board.text("venueTitle") == "<img src=x> <b>Hi</b>"
    for item in texts(shown.root):
        assert qml(item, "textFormat === Text.PlainText"), f"{item.objectName()} is not Text.PlainText"


def test_nothing_moves_when_the_language_changes(programme, show):
    def geometry(lang):
        board = Board(show(overview(programme, "17:20", lang)))
        return [
            (round(scene_rect(board.named(name, line)).x()), round(scene_rect(line).height()))
            for line in board.lines()
            for name in ("roomName", "now")
        ]

    assert geometry("fr") == geometry("en")  # "Restaurant 7ème étage" and "Restaurant (7th floor)"


def test_rooms_without_sessions_and_a_single_language(show):
    programme = parse_programme(
        "format: 1\n"
        "event: {id: t, title: Test, languages: [en], timezone: Europe/Paris,\n"
        "        dates: {first: 2023-03-28, last: 2023-03-28}}\n"
        "rooms: [{id: a, name: Room A}, {id: b, name: Room B}]\n"
        "sessions: []\n",
        "empty.yaml",
    )
    board = Board(show(overview(programme, "10:30", "en"), (1280, 720)))
    assert {room: row["nowNote"] for room, row in board.rows().items()} == {
        "Room A": "No sessions",
        "Room B": "No sessions",
    }
    assert board.agenda() == [] and not board.named("venue").isVisible()


# -- time: languages and pages turn with the ticker ----------------------------------------------------


def test_languages_and_board_pages_turn_with_the_ticker_not_with_waiting(big, show):
    clock = FakeClock(at(big, "14:00"))
    real = [1000.0]  # a multiple of 20 s: French, page 1
    screen = OverviewScreen(big)
    screen.bridge.reducedMotion = True
    ticker = Ticker(clock, screen, language_period=10, realtime=lambda: real[0])
    shown = show(screen, (1920, 1080))
    ticker.tick()
    pages = screen.bridge.boardPages
    assert pages == 2

    seen = []
    for _ in range(2 * pages):
        board = Board(shown)
        seen.append((board.text("pageLabel"), board.text("roomHeading"), list(board.rows())))
        real[0] += 10
        ticker.tick()
    # FR page 1, EN page 1, FR page 2, EN page 2: each page of rows read in both languages.
    assert [label for label, _, _ in seen] == ["Page 1/2", "Page 1/2", "Page 2/2", "Page 2/2"]
    assert [heading for _, heading, _ in seen] == ["Salle", "Room", "Salle", "Room"]
    fr_rooms = seen[0][2] + seen[2][2]
    assert sorted(fr_rooms) == sorted(r.name.get("fr") for r in big.rooms)
    assert [r.removeprefix("Salle ") for r in seen[0][2][:4]] == [
        r.removeprefix("Room ") for r in seen[1][2][:4]
    ]
    # And round again.
    assert Board(shown).text("pageLabel") == "Page 1/2"
    ticker.stop()


def test_a_page_of_rows_changes_only_as_it_comes_on_screen(big, show):
    clock = FakeClock(at(big, "14:00"))
    real = [1010.0]  # English showing, page 1
    screen = OverviewScreen(big)
    screen.bridge.reducedMotion = True
    ticker = Ticker(clock, screen, language_period=10, realtime=lambda: real[0])
    show(screen)
    ticker.tick()
    fr, en = screen.bridge.pages
    assert (fr.pageLabel, en.pageLabel) == ("Page 1/2", "Page 1/2")
    real[0] += 10  # French comes back on screen with page 2; English, fading out, keeps page 1
    ticker.tick()
    assert (screen.bridge.languageIndex, fr.pageLabel, en.pageLabel) == (0, "Page 2/2", "Page 1/2")
    ticker.stop()


def test_one_language_still_turns_its_pages(big):
    clock = FakeClock(at(big, "14:00"))
    screen = OverviewScreen(big, languages=("en",))
    ticker = Ticker(clock, screen, language_period=10, realtime=lambda: 1004.0)
    screen.bridge.boardRows = 6.0  # as the screen would say
    ticker.tick()
    assert screen.bridge.boardPages >= 2
    assert ticker.next_wake_seconds == pytest.approx(6.0)  # the next page, before the next minute
    ticker.stop()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_whole_day_through_the_ticker_draws_without_a_warning(programme, show, size):
    # Every text changes under the layout in turn (times, titles, tags, short lines, pages of the
    # agenda); a binding loop or a null would be a Qt warning, and warnings fail the test.
    clock = FakeClock(at(programme, "08:00"))
    real = [1000.0]
    screen = OverviewScreen(programme)
    ticker = Ticker(clock, screen, language_period=10, realtime=lambda: real[0])
    ticker.tick()  # as `kiosk run` does: the ticker starts, then the view is built
    shown = show(screen, size)
    while clock.now() < at(programme, "19:00"):
        ticker.tick()
        settle(shown)
        clock.advance(minutes=7)
        real[0] += 10
    assert Board(shown).text("clock") == "18:58"
    ticker.stop()


@pytest.mark.parametrize("start", ["13:59:55", "15:44:55"])
def test_the_banner_turns_from_on_now_to_later_without_a_warning(programme, show, start):
    # Built while a moment for everyone is on (lunch, coffee), then the next one is later: the status
    # box once took its width from a label that took its width from the box (a binding loop).
    clock = FakeClock(at(programme, start))
    screen = OverviewScreen(programme)
    ticker = Ticker(clock, screen, language_period=10, realtime=lambda: 1000.0)
    ticker.tick()
    shown = show(screen)
    clock.advance(seconds=5)
    ticker.tick()
    assert Board(shown).shows("venueSoon").startswith("dans")
    ticker.stop()


def test_a_new_programme_replaces_the_board_at_the_next_tick(programme, show):
    clock = FakeClock(at(programme, "14:30"))
    screen = OverviewScreen(programme)
    ticker = Ticker(clock, screen, language_period=10, realtime=lambda: 1000.0)
    ticker.tick()
    shown = show(screen)
    assert len(Board(shown).rows()) == 6
    screen.replace_programme(
        small_programme("- {id: s, room: b, start: '14:00', end: '15:00', title: {fr: Nouveau, en: New}}\n")
    )
    ticker.tick()
    rows = Board(shown).rows()
    assert list(rows) == ["Salle A", "Salle B"]
    assert (rows["Salle A"]["nowNote"], rows["Salle B"]["now"]) == ("Aucune session", "Nouveau")
    ticker.stop()


def test_a_tick_that_changes_nothing_changes_no_property(programme, qtbot):
    clock = FakeClock(at(programme, "14:30:05"))
    screen = OverviewScreen(programme)
    screen.bridge.set(boardRows=8.0, agendaRows=6)  # what fits, as the page's QML says it
    ticker = Ticker(clock, screen, realtime=lambda: 0.0)
    ticker.tick()
    page = screen.bridge.pages[0]
    row = page.board[2]
    signals = [page.boardChanged, page.agendaChanged, page.clockChanged, row.nowTitleChanged]
    clock.advance(seconds=20)
    for signal in signals:
        with qtbot.assertNotEmitted(signal, wait=0):
            ticker.tick()
    clock.advance(minutes=1)
    with qtbot.waitSignal(page.clockChanged, timeout=0):
        ticker.tick()
    ticker.stop()


def test_languages_crossfade_unless_motion_is_reduced(programme, show):
    for reduced in (True, False):
        screen = overview(programme, "10:30")
        screen.bridge.reducedMotion = reduced
        shown = show(screen)
        fr, en = shown.pages()
        assert fr.property("fadeMilliseconds") <= 400
        screen.bridge.languageIndex = 1
        if reduced:
            assert (fr.opacity(), en.opacity()) == (0, 1)
        else:
            assert fr.opacity() > 0 and en.opacity() < 1  # on their way, not switched


def test_the_screen_reports_how_many_rows_fit_and_python_pages_on_it(big, show):
    screen = overview(big, "14:00")
    shown = show(screen, (1280, 720))
    fit = screen.bridge.boardRows
    assert 4 < fit < 12
    rows_shown = sum(0.55 if line.property("shortLine") else 1 for line in Board(shown).lines())
    assert rows_shown <= fit


# -- the command ----------------------------------------------------------------------------------------


def test_kiosk_render_overview_writes_the_picture(tmp_path):
    out = tmp_path / "overview.png"
    when = ["--at", "2023-03-28T14:30", "--lang", "en", "--size", "1280x720"]
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "render", "--overview", *when, "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "QML" not in result.stderr, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
