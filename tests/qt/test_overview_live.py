"""The overview's board on a day that does not go as printed, read back from the scene: sessions side
by side in one room (issue 14.3); each room's notice and a delay's printed times (issue 16); a long
agenda's pages (issue 14.8)."""

from __future__ import annotations

import pytest

from kiosk.clock import FakeClock
from kiosk.notices import parse_notices
from kiosk.programme import load_programme
from kiosk.qt.overview import OverviewScreen
from kiosk.qt.ticker import Ticker
from kiosk.sources import read_any

from ..shared_testdata import real_export
from .conftest import ROOT, SIZES, at
from .scene import scene_rect
from .test_overview import Board, check_every_text, overview


@pytest.fixture(scope="module")
def afternoon():
    return load_programme(ROOT / "tests" / "data" / "good" / "side_by_side.yaml")


def test_both_sessions_on_in_one_room_are_on_its_row(afternoon, show):
    board = Board(show(overview(afternoon, "17:10", "en")))
    row = next(r for r in board.lines() if board.text("roomName", r) == "Assembly")
    now = board.named("now", row)
    assert board.shows("slotTitle", now) == "Cooking together"
    assert board.shows("slotAlso", now) == "Also on now: A talk on fermentation"
    # The title gives the also line its place: both inside the row, one above the other.
    title, also = scene_rect(board.named("slotTitle", now)), scene_rect(board.named("slotAlso", now))
    assert title.bottom() <= also.top() + 1 and scene_rect(row).contains(also)
    other = next(r for r in board.lines() if board.text("roomName", r) == "Room IX")
    assert board.shows("slotAlso", board.named("now", other)) == ""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_the_afternoon_fits_at_every_size(afternoon, show, size, lang):
    assert check_every_text(show(overview(afternoon, "17:10", lang, ("fr", "en", "ar")), size), size) > 10


NOTICES = """\
format: 1
notices:
  - {id: late, kind: delay, room: salle-viii, minutes: 15, from: "2023-03-28T16:50"}
  - {id: full, kind: full, room: salle-ix, overflow: assembly, from: "2023-03-28T16:50"}
  - {id: move, kind: moved, session: evening, to: assembly, from: "2023-03-28T16:00"}
"""


def with_notices(programme, lang="fr", languages=None):
    screen = OverviewScreen(programme, languages)
    screen.notices = parse_notices(NOTICES, "notices.yaml", programme)
    screen.bridge.reducedMotion = True
    screen.show(at(programme, "17:10"))
    screen.bridge.languageIndex = screen.languages.index(lang)
    return screen


def row_of(board: Board, name: str):
    return next(r for r in board.lines() if board.text("roomName", r) == name)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_rows_say_each_rooms_notice_and_strike_the_printed_times(afternoon, show, size):
    board = Board(show(with_notices(afternoon), size))
    viii = row_of(board, "Salle VIII")
    now, nxt = board.named("now", viii), board.named("next", viii)
    assert board.shows("roomMark", viii) == "+15\u00a0min"
    assert (board.shows("slotTime", now), board.shows("slotPrinted", now)) == ("jusqu’à 17:30", "17:15")
    assert (board.shows("slotTime", nxt), board.shows("slotPrinted", nxt)) == ("18:00", "17:45")
    assert board.named("slotPrinted", now).property("font").strikeOut()
    # The printed time never covers the new one nor the title, and stays in the row.
    for slot in (now, nxt):
        time = board.named("slotTime", slot)
        new, old = scene_rect(time), scene_rect(board.named("slotPrinted", slot))
        title = scene_rect(board.named("slotTitle", slot))
        assert not old.intersects(title) and scene_rect(viii).contains(old)
        # Under the new time (landscape), or after its words (portrait's one line).
        assert old.top() >= new.bottom() - 1 or old.left() >= new.left() + time.property("contentWidth")
    posters = next(i for i in board.agenda() if board.text("agendaTitle", i) == "Session de posters")
    assert (board.text("agendaTime", posters), board.shows("agendaPrinted", posters)) == ("16:15", "16:00")
    assert board.named("agendaPrinted", posters).property("font").strikeOut()
    assert board.shows("roomMark", row_of(board, "Salle IX")) == "Complet"
    assert board.shows("roomMark", row_of(board, "Assemblée")) == "Déplacé"
    ix_now = board.named("now", row_of(board, "Salle IX"))
    assert board.shows("slotPrinted", ix_now) == ""
    # The mark sits under the room's name, inside its column.
    name, mark = board.named("roomName", viii), board.named("roomMark", viii)
    assert scene_rect(mark).top() >= scene_rect(name).bottom() - 1
    assert scene_rect(mark).right() <= scene_rect(now).left()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_notices_on_the_rows_fit_at_every_size(afternoon, show, size, lang):
    shown = show(with_notices(afternoon, lang, ("fr", "en", "ar")), size)
    assert check_every_text(shown, size) > 10


# -- a long agenda pages, in step with the languages (issue 14.8) ----------------------------------------


@pytest.fixture(scope="module")
def congress():
    return read_any(real_export("real/36c3-everything.schedule.json"))


def test_a_long_agenda_turns_its_pages_with_the_ticker_in_step_with_the_languages(congress, show):
    clock = FakeClock(at(congress, "2019-12-27T16:30+01:00"))
    real = [1040.0]  # 104 beats: the first language, and page 1 of four (104 // 2 % 4 == 0)
    screen = OverviewScreen(congress)
    screen.bridge.reducedMotion = True
    ticker = Ticker(clock, screen, language_period=10, realtime=lambda: real[0])
    shown = show(screen, (1920, 1080))
    ticker.tick()
    seen = []
    for _ in range(8):
        board = Board(shown)
        titles = [board.text("agendaTitle", item) for item in board.agenda()]
        seen.append(
            (board.text("agendaHeading"), board.shows("agendaPage"), board.shows("agendaMore"), titles)
        )
        real[0] += 10
        ticker.tick()
    ticker.stop()
    # EN page 1, DE page 1, EN page 2, DE page 2…: each page of the agenda read in both languages.
    assert [page for _, page, _, _ in seen] == [
        "Page 1/4",
        "Seite 1/4",
        "Page 2/4",
        "Seite 2/4",
        "Page 3/4",
        "Seite 3/4",
        "Page 4/4",
        "Seite 4/4",
    ]
    assert [heading for heading, _, _, _ in seen[:2]] == ["Today’s programme", "Heutiges Programm"]
    # Each page full and readable, no item twice in one language; "more later" only on the last page.
    english = [title for _, _, _, titles in seen[::2] for title in titles]
    assert len(english) == 4 * len(seen[0][3]) and len(seen[0][3]) >= 6
    assert len(set(english)) == len(english)
    assert [bool(more) for _, _, more, _ in seen] == [False] * 6 + [True] * 2
    assert Board(shown).shows("agendaPage") == "Page 1/4"  # and round again


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_agenda_pages_fit_at_every_size(congress, show, size, lang):
    screen = OverviewScreen(congress, (lang,))
    screen.bridge.reducedMotion = True
    screen.show(at(congress, "2019-12-27T16:30+01:00"), beat=3)
    shown = show(screen, size)
    assert check_every_text(shown, size) > 10
    assert Board(shown).shows("agendaPage").endswith("/4")
