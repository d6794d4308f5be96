"""The board's rows as the day really goes, without a screen: sessions side by side in one room
(issue 14.3), on a hand-written afternoon and on the real 36c3 export."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.clock import parse_when
from kiosk.present.board import board_plan
from kiosk.present.overview import BoardRow, overview_text
from kiosk.programme import Programme, load_programme
from kiosk.sources import read_any
from tests.shared_testdata import real_export

DATA = Path(__file__).resolve().parents[2] / "data" / "good"
NNBSP = "\u202f"


@pytest.fixture(scope="module")
def afternoon() -> Programme:
    return load_programme(DATA / "side_by_side.yaml")


def rows(programme: Programme, when: str, lang: str = "fr") -> dict[str, BoardRow]:
    """The board's room rows in ``lang`` by room name, every page of it."""
    at = parse_when(when, programme.event.zone)
    state = schedule.overview_state(programme, at)
    text = overview_text(programme, state, lang, board=board_plan(programme, state))
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
    # Every room with two sessions on says so, and only those.
    at = parse_when("2019-12-27T16:59+01:00", programme.event.zone)
    doubled = {
        rs.room.name.get("en", programme.event.languages)
        for rs in schedule.overview_state(programme, at).rooms
        if len(rs.current) > 1
    }
    said = {name for name, row in rows(programme, "2019-12-27T16:59+01:00", "en").items() if row.nowAlso}
    assert said == doubled and "Assembly:Hackers Beauty Palace" in said
