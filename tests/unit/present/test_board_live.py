"""The board's rows as the day really goes, without a screen: sessions side by side in one room
(issue 14.3), on a hand-written afternoon and on the real 36c3 export; each room's notice and a
delay's printed times (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.clock import parse_when
from kiosk.notices import apply, parse_notices
from kiosk.present.board import board_plan
from kiosk.present.overview import BoardRow, OverviewText, overview_text
from kiosk.programme import Programme, load_programme
from kiosk.sources import read_any
from tests.shared_testdata import real_export

DATA = Path(__file__).resolve().parents[2] / "data" / "good"
NNBSP = "\u202f"


@pytest.fixture(scope="module")
def afternoon() -> Programme:
    return load_programme(DATA / "side_by_side.yaml")


def overview(programme: Programme, when: str, lang: str = "fr", notices: str = "") -> OverviewText:
    """The whole overview in ``lang`` (every page of the board), with ``notices`` (YAML)."""
    at = parse_when(when, programme.event.zone)
    applied = apply(programme, parse_notices(f"format: 1\nnotices:\n{notices or '  []'}", "n", programme), at)
    shown = applied.programme
    state = schedule.overview_state(shown, at)
    return overview_text(shown, state, lang, board=board_plan(shown, state), applied=applied)


def rows(programme: Programme, when: str, lang: str = "fr", notices: str = "") -> dict[str, BoardRow]:
    """The board's room rows in ``lang`` by room name, every page of it, with ``notices`` (YAML)."""
    text = overview(programme, when, lang, notices)
    return {row.roomName: row for row in text.board if row.kind == "room"}


def test_two_sessions_side_by_side_are_both_on_the_row(afternoon):
    assembly = rows(afternoon, "2023-03-28T17:10")["Assemblée"]
    assert (assembly.nowTitle, assembly.nowUntil) == ("Cuisine collective", "jusqu’à 18:00")
    assert assembly.nowAlso == f"Aussi en cours{NNBSP}: Conférence sur les fermentations"
    english = rows(afternoon, "2023-03-28T17:10", "en")["Assembly"]
    assert english.nowAlso == "Also on now: A talk on fermentation"


def test_one_session_on_has_no_also_line(afternoon):
    assembly = rows(afternoon, "2023-03-28T16:30")["Assemblée"]
    assert assembly.nowTitle == "Cuisine collective" and assembly.nowAlso == ""
    assert assembly.nextTitle == "Conférence sur les fermentations"


def test_36c3_the_assembly_shows_both_sessions_on():
    programme = read_any(real_export("real/36c3-everything.schedule.json"))
    palace = rows(programme, "2019-12-27T16:59+01:00", "en")["Assembly:Hackers Beauty Palace"]
    assert palace.nowTitle == "REBOOT THAI STYLE: Learn how to thai massage your nerdy cramps away"
    assert palace.nowUntil == "until 17:00"
    assert palace.nowAlso == "Also on now: CV DAZZLE: Facial Treatment against Facial Recognition"
    # The export's README case: a 16:00–18:00 cooking session and the 17:00 talk at one assembly.
    food = rows(programme, "2019-12-27T17:10+01:00", "en")["Assembly:Foodhackingbase"]
    assert (food.nowTitle, food.nowUntil) == ("Detox Seaweed Bibimbab", "until 18:00")
    assert food.nowAlso == "Also on now: Mead making presentation"
    assert (food.nextAt, food.nextTitle) == ("19:00", "Cidre Making")
    # Three at once: every other one on the line.
    earlier = rows(programme, "2019-12-27T16:30+01:00", "en")["Assembly:Foodhackingbase"]
    assert earlier.nowAlso == (
        "Also on now: Detox Seaweed Bibimbab · Introduction to Beef Jerky Drying Boxes"
    )
    # Every room with two sessions on says so, and only those.
    at = parse_when("2019-12-27T16:59+01:00", programme.event.zone)
    doubled = {
        rs.room.name.get("en", programme.event.languages)
        for rs in schedule.overview_state(programme, at).rooms
        if len(rs.current) > 1
    }
    said = {name for name, row in rows(programme, "2019-12-27T16:59+01:00", "en").items() if row.nowAlso}
    assert said == doubled and "Assembly:Hackers Beauty Palace" in said


# -- notices on the rows (issue 16) -----------------------------------------------------------------

DELAY = """\
- {id: late, kind: delay, room: salle-viii, minutes: 15, from: "2023-03-28T16:50"}
"""


def test_a_delayed_room_shows_new_times_with_the_printed_ones_and_its_marker(afternoon):
    viii = rows(afternoon, "2023-03-28T17:10", "fr", DELAY)["Salle VIII"]
    assert (viii.nowUntil, viii.nowPrinted) == ("jusqu’à 17:30", "17:15")
    assert (viii.nextAt, viii.nextPrinted, viii.nextTitle) == ("18:00", "17:45", "Atelier du soir")
    assert (viii.markKind, viii.markLabel) == ("delay", "+15\u00a0min")
    assert rows(afternoon, "2023-03-28T17:10", "ar", DELAY)["Salle VIII"].markLabel == "تأخير 15\u00a0دقيقة"
    # The other rooms: no marker, their times as printed.
    ix = rows(afternoon, "2023-03-28T17:10", "fr", DELAY)["Salle IX"]
    assert (ix.markLabel, ix.nowPrinted, ix.nextPrinted, ix.nowUntil) == ("", "", "", "jusqu’à 17:30")
    # The agenda too: the delayed items at their new times, the printed ones beside them.
    agenda = {
        row.title: (row.time, row.printedTime)
        for row in overview(afternoon, "2023-03-28T17:10", "fr", DELAY).agenda
    }
    assert agenda["Session de posters"] == ("16:15", "16:00")
    assert agenda["Atelier du soir"] == ("18:00", "17:45")
    assert agenda["Cuisine collective"] == ("16:00", "")
    # Before the delay starts, nothing changes.
    early = rows(afternoon, "2023-03-28T16:40", "fr", DELAY)["Salle VIII"]
    assert (early.markLabel, early.nowPrinted, early.nowUntil) == ("", "", "jusqu’à 17:15")


@pytest.mark.parametrize(
    ("notice", "room", "kind", "fr", "en"),
    [
        ("{id: f, kind: full, room: salle-ix, overflow: assembly}", "Salle IX", "full", "Complet", "Full"),
        ("{id: m, kind: moved, session: evening, to: assembly}", "Salle IX", "moved", "Déplacé", "Moved"),
        ("{id: m, kind: moved, session: evening, to: assembly}", "Assemblée", "moved", "Déplacé", "Moved"),
        ("{id: c, kind: cancelled, session: evening}", "Salle IX", "cancelled", "Annulé", "Cancelled"),
        (
            "{id: i, kind: message, room: salle-ix, text: {fr: Vestiaire, en: Cloakroom}}",
            "Salle IX",
            "message-info",
            "Info",
            "Info",
        ),
        (
            "{id: w, kind: message, level: warning, room: salle-ix, text: {fr: Sol, en: Floor}}",
            "Salle IX",
            "message-warning",
            "Attention",
            "Warning",
        ),
    ],
)
def test_each_kind_of_notice_marks_the_rooms_it_concerns(afternoon, notice, room, kind, fr, en):
    notices = f"- {notice}\n"
    row = rows(afternoon, "2023-03-28T17:10", "fr", notices)[room]
    assert (row.markKind, row.markLabel) == (kind, fr)
    english = {"Salle IX": "Room IX", "Assemblée": "Assembly"}[room]
    assert rows(afternoon, "2023-03-28T17:10", "en", notices)[english].markLabel == en
    # A room the notice does not name has no marker.
    assert rows(afternoon, "2023-03-28T17:10", "fr", notices)["Salle VIII"].markLabel == ""


def test_a_moved_session_is_next_in_its_new_room_and_gone_from_the_old(afternoon):
    moved = rows(
        afternoon, "2023-03-28T17:10", "fr", "- {id: m, kind: moved, session: evening, to: assembly}\n"
    )
    assert moved["Assemblée"].nextTitle == "Rencontre du soir"
    assert moved["Salle IX"].nextTitle == "" and moved["Salle IX"].nextPrinted == ""


def test_a_venue_wide_message_marks_no_row_it_is_in_the_band(afternoon):
    notices = "- {id: v, kind: message, text: {fr: Bienvenue, en: Welcome}}\n"
    assert {r.markLabel for r in rows(afternoon, "2023-03-28T17:10", "fr", notices).values()} == {""}


def test_the_first_notice_of_a_room_marks_it_the_one_that_sends_people_elsewhere_first(afternoon):
    notices = (
        DELAY + "- {id: w, kind: message, level: warning, room: salle-viii, text: {fr: Sol, en: Floor}}\n"
    )
    notices += "- {id: f, kind: full, room: salle-viii}\n"
    assert rows(afternoon, "2023-03-28T17:10", "fr", notices)["Salle VIII"].markKind == "full"


def test_the_agenda_names_each_room_of_a_block_once_when_a_part_moves_into_anothers_room():
    unesco = load_programme(Path(__file__).resolve().parents[3] / "programme.yaml")
    notices = "- {id: m, kind: moved, session: workshop-a, to: salle-vii}\n"
    agenda = {row.title: row.where for row in overview(unesco, "2023-03-28T14:05", "fr", notices).agenda}
    assert agenda["Ateliers de transformation de l’éducation"] == "Salle VII · Salle VIII"
