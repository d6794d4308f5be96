"""What the foyer overview says, without a screen: the board's shape, its pages, the agenda, the words."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.clock import parse_when
from kiosk.present.board import SHORT_ROWS, BoardEntry, board_pages, board_plan
from kiosk.present.overview import agenda_window, overview_text, venue_moment
from kiosk.programme import Programme, load_programme, parse_programme
from tests.large_programme import large_programme

ROOT = Path(__file__).resolve().parents[3]
NNBSP = "\u202f"


@pytest.fixture(scope="module")
def day() -> Programme:
    return load_programme(ROOT / "programme.yaml")


def state_at(programme: Programme, when: str) -> schedule.OverviewState:
    at = parse_when(when if "-" in when else f"2023-03-28T{when}", programme.event.zone)
    return schedule.overview_state(programme, at)


def shape(programme: Programme, when: str) -> list[str]:
    """The board as ids: a group's header as "[block]", a room of a group as "  room"."""
    return [
        f"[{e.block.id}]" if e.kind == "group" else ("  " if e.block else "") + e.room.room.id
        for e in board_plan(programme, state_at(programme, when))
    ]


# -- the board's shape ------------------------------------------------------------------------------


def test_the_mission_meetings_are_one_group_with_their_rooms_in_the_blocks_order(day):
    assert shape(day, "14:30") == [
        "salle-i",
        "[mission-meetings]",
        "  salle-ix",
        "  salle-viii",
        "  salle-vii",
        "restaurant",
        "salle-i-foyer",
    ]


def test_free_rooms_are_grouped_under_the_block_they_wait_for(day):
    # 10:30: nothing in IX, VIII, VII yet, but all three wait for the 14:00 mission meetings.
    assert shape(day, "10:30")[1:5] == ["[mission-meetings]", "  salle-ix", "  salle-viii", "  salle-vii"]
    # 15:35: the coffee break; the same rooms now wait for the workshops.
    assert shape(day, "15:35")[1] == "[workshops]"


def test_no_group_when_no_block_is_on_or_next(day):
    assert shape(day, "17:20") == [
        "salle-i",
        "salle-vii",
        "salle-viii",
        "salle-ix",
        "restaurant",
        "salle-i-foyer",
    ]


def test_a_room_with_nothing_more_to_come_is_a_short_line(day):
    plan = {e.room.room.id: e for e in board_plan(day, state_at(day, "17:20")) if e.room}
    assert [rid for rid, e in plan.items() if e.short] == ["salle-i", "salle-vii", "salle-viii", "restaurant"]
    assert plan["salle-i"].rows == SHORT_ROWS
    assert plan["salle-ix"].rows == 1.0  # free until 17:30
    assert plan["salle-i-foyer"].rows == 1.0  # the cocktail is on


# -- pages of the board -------------------------------------------------------------------------------


def room(rid: str, block: str | None = None) -> BoardEntry:
    return BoardEntry("room", block=_Block(block) if block else None, room=_Room(rid))


def header(block: str) -> BoardEntry:
    return BoardEntry("group", block=_Block(block))


class _Block:
    """Enough of a Session for the pager, which only looks at whether an entry has a block."""

    def __init__(self, bid: str):
        self.id = bid


class _Room:
    def __init__(self, rid: str):
        self.room = _Named(rid)
        self.current = (rid,)  # on now: a full row
        self.next = None


class _Named:
    def __init__(self, rid: str):
        self.id = rid


def names(pages) -> list[list[str]]:
    return [
        [
            ("+" if e.continued else "") + f"[{e.block.id}]" if e.kind == "group" else e.room.room.id
            for e in page
        ]
        for page in pages
    ]


def test_unknown_room_on_screen_is_one_page():
    plan = [room("a"), room("b")]
    assert names(board_pages(plan, 0)) == [["a", "b"]]


def test_rows_fill_pages_in_order():
    plan = [room(c) for c in "abcde"]
    assert names(board_pages(plan, 2.4)) == [["a", "b"], ["c", "d"], ["e"]]


def test_a_group_moves_whole_to_the_next_page_when_it_fits_there():
    plan = [room("a"), room("b"), header("g"), room("x", "g"), room("y", "g"), room("c")]
    assert names(board_pages(plan, 3.0)) == [["a", "b"], ["[g]", "x", "y"], ["c"]]


def test_a_group_longer_than_a_page_repeats_its_header():
    plan = [header("g"), *(room(c, "g") for c in "vwxyz")]
    assert names(board_pages(plan, 3.0)) == [["[g]", "v", "w"], ["+[g]", "x", "y"], ["+[g]", "z"]]


def test_a_header_never_ends_a_page():
    plan = [room("a"), room("b"), header("g"), *(room(c, "g") for c in "wxyz")]
    pages = board_pages(plan, 2.7)
    assert all(page[-1].kind != "group" for page in pages)
    assert names(pages)[0] == ["a", "b"]


def test_every_room_is_on_exactly_one_page_whatever_the_room(day):
    big = large_programme()
    plan = board_plan(big, state_at(big, "14:00"))
    for capacity in (0.5, 1.0, 1.6, 2.2, 3.0, 4.5, 6.2, 9.9, 40.0):
        pages = board_pages(plan, capacity)
        shown = [e.room.room.id for page in pages for e in page if e.room]
        assert sorted(shown) == sorted(r.id for r in big.rooms), capacity
        for page in pages:
            assert any(e.room for e in page), f"a page without a room at {capacity}"
            # A page holds what fits, unless one group header and one room are more than a page.
            assert sum(e.rows for e in page) <= max(capacity, SHORT_ROWS + 1) + 1e-6, capacity


# -- the agenda ---------------------------------------------------------------------------------------


def test_the_agenda_is_whole_when_it_fits(day):
    agenda = state_at(day, "14:30").agenda
    assert agenda_window(agenda, 0) == tuple(range(len(agenda))) == agenda_window(agenda, 40)


def test_the_agenda_shows_the_rest_of_the_day_from_the_last_item_over(day):
    agenda = state_at(day, "10:30").agenda  # icebreaker, welcome over; the panel on
    assert [agenda[i].session.id for i in agenda_window(agenda, 5)] == [
        "welcome",
        "panel-past-present-future",
        "gec-video",
        "dtc-dialogue",
        "afternoon-logistics",
    ]


def test_late_in_the_day_earlier_items_fill_the_list(day):
    agenda = state_at(day, "17:20").agenda
    shown = agenda_window(agenda, 5)
    assert shown == tuple(range(len(agenda) - 5, len(agenda)))
    assert [agenda[i].phase for i in shown][-2:] == ["current", "future"]


def test_a_day_long_item_does_not_hold_a_big_days_agenda_in_the_morning():
    """38c3 at 14:20: a 10:00-20:00 item is on, and so are the 14:00 talks; the list shows the latest
    of what is on, briefly, then what comes next (not 10:00 items and "+ 284 more later")."""
    sessions = "  - {id: all-day, start: '10:00', end: '20:00', room: a, title: Hackcenter}\n" + "".join(
        f"  - {{id: t{h}{m}, start: '{h:02d}:{m:02d}', end: '{h:02d}:{m + 25:02d}', room: b, "
        f"title: Talk {h}{m}}}\n"
        for h in range(10, 19)
        for m in (0, 30)
    )
    programme = parse_programme(
        textwrap.dedent("""\
            format: 1
            event: {id: c, title: Congress, languages: [en], timezone: Europe/Berlin,
                    dates: {first: 2024-12-28}}
            rooms: [{id: a, name: Hall A}, {id: b, name: Hall B}]
            sessions:
            """)
        + sessions,
        "congress.yaml",
    )
    agenda = schedule.overview_state(programme, parse_when("2024-12-28T14:20", programme.event.zone)).agenda
    shown = [agenda[i].session.id for i in agenda_window(agenda, 8)]
    # What is on (the day-long item and the 14:00 talk), the talk just over, then what comes next.
    assert shown == ["all-day", "t1330", "t140", "t1430", "t150", "t1530", "t160", "t1630"]
    text = overview_text(programme, schedule.overview_state(programme, agenda[0].session.start), "en")
    assert text.agenda  # the whole list when no capacity is given


# -- the words ----------------------------------------------------------------------------------------


def test_the_venue_wide_moment_on_now_or_next(day):
    assert venue_moment(day, state_at(day, "10:30").at).id == "lunch"
    assert venue_moment(day, state_at(day, "15:35").at).id == "coffee-break"
    assert venue_moment(day, state_at(day, "16:00").at).id == "cocktail"
    assert venue_moment(day, state_at(day, "18:10").at) is None


def test_the_banner_says_how_soon_then_until_when(day):
    soon = overview_text(day, state_at(day, "10:30"), "fr")
    assert (soon.venueLabel, soon.venueTitle, soon.venueWhere) == (
        "Pour tous",
        "Déjeuner",
        "Restaurant 7ème étage",
    )
    assert (soon.venueTime, soon.venueStatus, soon.venueOngoing) == (
        "12:15 – 14:00",
        "dans 1\u00a0h\u00a045",
        False,
    )
    on = overview_text(day, state_at(day, "15:35"), "en")
    assert (on.venueTitle, on.venueWhere, on.venueTime, on.venueStatus) == (
        "Coffee break",
        "Room I foyer",
        "until 15:45",
        "Now",
    )
    assert on.venueOngoing
    assert not overview_text(day, state_at(day, "18:10"), "en").hasVenue


def test_rows_in_words_at_1430(day):
    text = overview_text(day, state_at(day, "14:30"), "en")
    lines = {(line.kind, line.roomName or line.groupTitle): line for line in text.board}
    group = lines["group", "Mission members' meetings"]
    assert (group.groupLabel, group.groupTime, group.groupStatus, group.groupOngoing) == (
        "In parallel",
        "14:00 – 15:30",
        "Now",
        True,
    )
    ix = lines["room", "Room IX"]
    assert ix.grouped and ix.phase == "ongoing"
    assert (ix.nowTitle, ix.nowUntil) == ("Global Skills Academy and Gender Flagship", "until 15:30")
    assert (ix.nextAt, ix.nextTitle) == (
        "15:45",
        "Parallel session A: Digital readiness and digital solutions in education",
    )
    assert lines["room", "Room VII"].lastInGroup and not ix.lastInGroup
    done = lines["room", "Room I"]
    assert (done.phase, done.short, done.nowNote, done.nextNote) == ("done", True, "Done for today", "")
    foyer = lines["room", "Room I foyer"]
    assert (foyer.phase, foyer.nowNote, foyer.nextAt, foyer.nextTitle, foyer.nextTag) == (
        "free",
        "Free",
        "15:30",
        "Coffee break",
        "For everyone",
    )


def test_a_room_on_now_with_nothing_after_says_so(day):
    text = overview_text(day, state_at(day, "16:00"), "fr")
    viii = next(line for line in text.board if line.roomName == "Salle VIII")
    assert viii.nowTitle.startswith("Session parallèle B")
    assert viii.nextNote == "Plus rien aujourd’hui"


def test_the_group_waiting_says_when(day):
    text = overview_text(day, state_at(day, "10:30"), "fr")
    group = next(line for line in text.board if line.kind == "group")
    assert (group.groupTitle, group.groupStatus, group.groupOngoing) == (
        "Réunions des membres des missions",
        "à 14:00",
        False,
    )


def test_agenda_items_say_their_phase_in_words(day):
    text = overview_text(day, state_at(day, "14:30"), "fr")
    phases = {item.title: (item.phase, item.phaseWord) for item in text.agenda}
    assert phases["Déjeuner"] == ("past", "Terminé")
    assert phases["Réunions des membres des missions"] == ("current", "En cours")
    assert phases["Pause café"] == ("future", "")
    missions = next(item for item in text.agenda if item.phase == "current")
    assert (missions.time, missions.where) == ("14:00", "Salle IX · Salle VIII · Salle VII")
    lunch = next(item for item in text.agenda if item.title == "Déjeuner")
    assert (lunch.where, lunch.tag) == ("Restaurant 7ème étage", "Pour tous")


def test_header_words_in_both_languages(day):
    fr = overview_text(day, state_at(day, "14:30"), "fr")
    assert (fr.clock, fr.subtitle) == ("14:30", "mardi 28 mars 2023 · Siège de l’UNESCO")
    assert (fr.roomHeading, fr.nowHeading, fr.nextHeading, fr.agendaHeading) == (
        "Salle",
        "En cours",
        "Ensuite",
        "Programme de la journée",
    )
    en = overview_text(day, state_at(day, "14:30"), "en")
    assert en.eventTitle == "Global Education Coalition — Third annual meeting"
    assert en.subtitle == "Tuesday, 28 March 2023 · UNESCO Headquarters"


def test_outside_the_event_the_agenda_names_its_day(day):
    before = overview_text(day, state_at(day, "2023-03-27T10:00"), "en")
    assert before.agendaHeading == "Tuesday, 28 March 2023"
    assert [line.nowNote for line in before.board] == ["Free"] * 6
    assert before.board[0].nextAt == "28\u00a0Mar 10:00"
    assert not before.hasVenue
    after = overview_text(day, state_at(day, "2023-03-30T10:00"), "fr")
    assert after.agendaHeading == "mardi 28 mars 2023"
    assert {item.phase for item in after.agenda} == {"past"}


def test_page_and_more_labels_only_when_needed(day):
    state = state_at(day, "10:30")
    whole = overview_text(day, state, "fr")
    assert whole.pageLabel == "" and whole.agendaMore == ""
    cut = overview_text(day, state, "fr", page=(2, 3), agenda_capacity=5)
    assert cut.pageLabel == "Page 2/3"
    # Five items a page: from the welcome (just over) to the day's end, twelve items on three pages.
    assert (cut.agendaPage, cut.agendaMore) == ("Page 1/3", "")
    # Two a page: four pages, and the last says how many come after it (issue 14.8).
    last = overview_text(day, state, "en", agenda_capacity=2, agenda_page=3)
    assert (last.agendaPage, last.agendaMore) == ("Page 4/4", "+\u00a04 more later")
    french = overview_text(day, state, "fr", agenda_capacity=2, agenda_page=3)
    assert french.agendaMore == "+\u00a04 plus tard"


def test_a_group_continued_on_the_next_page_says_so(day):
    state = state_at(day, "14:30")
    pages = board_pages(board_plan(day, state), 3.0)
    assert names(pages) == [
        ["salle-i", "[mission-meetings]", "salle-ix"],
        ["+[mission-meetings]", "salle-viii", "salle-vii"],
        ["restaurant", "salle-i-foyer"],
    ]
    text = overview_text(day, state, "fr", board=pages[1])
    assert text.board[0].groupTitle == "Réunions des membres des missions (suite)"
    assert [line.roomName for line in text.board[1:]] == ["Salle VIII", "Salle VII"]


def test_next_on_another_day_carries_its_date():
    programme = parse_programme(
        textwrap.dedent(
            """\
            format: 1
            event:
              id: two-days
              title: {fr: Deux jours, en: Two days}
              languages: [fr, en]
              timezone: Europe/Paris
              dates: {first: 2023-03-28, last: 2023-03-29}
            rooms:
              - {id: a, name: {fr: Salle A, en: Room A}}
            sessions:
              - {id: one, room: a, start: '2023-03-28 10:00', end: '2023-03-28 11:00', title: Un}
              - {id: two, room: a, start: '2023-03-29 09:00', end: '2023-03-29 10:00', title: Deux}
            """
        ),
        "two-days.yaml",
    )
    line = overview_text(programme, state_at(programme, "2023-03-28T18:00"), "fr").board[0]
    assert (line.phase, line.short, line.nowNote) == ("done", False, "Terminé pour aujourd’hui")
    assert (line.nextAt, line.nextTitle) == ("29\u00a0mars 09:00", "Deux")


def test_present_overview_imports_no_qt():
    code = "import sys; sys.modules['PySide6'] = None; import kiosk.present.overview"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
