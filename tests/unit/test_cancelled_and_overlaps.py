"""Cancelled is not running (issue 14.4) and overlaps are shown, not dropped (issue 14.3): the
programme format, the schedule's answers and `kiosk state`'s JSON, on a small hand-written day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk import schedule
from kiosk.programme import check_programme, parse_programme
from kiosk.schedule_json import state_json
from kiosk.sources.write import programme_yaml

SMALL = (Path(__file__).resolve().parents[1] / "data" / "good" / "small.yaml").read_text(encoding="utf-8")


def paris(hhmm: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"2023-03-28T{hhmm}:00+02:00")


def cancelled_panel() -> str:
    return SMALL.replace("    kind: panel\n", "    kind: panel\n    cancelled: true\n", 1)


def test_a_cancelled_session_is_read_and_never_on():
    programme = parse_programme(cancelled_panel())
    panel = programme.session("panel")
    assert panel.cancelled and not panel.is_on(paris("10:30"))
    state = schedule.room_state(programme, "salle-i", paris("10:30"))
    assert state.current == () and state.status != schedule.ONGOING
    assert [s.id for s in state.cancelled] == ["panel"]
    # Before it: the welcome is on, and the next session is not the cancelled one.
    before = schedule.room_state(programme, "salle-i", paris("10:01"))
    assert [s.id for s in before.current] == ["welcome"] and before.next is None
    assert [s.id for s in before.cancelled] == ["panel"]
    assert state_json(state)["cancelled"][0] == {
        "id": "panel",
        "title": {"fr": "Table ronde", "en": "Panel"},
        "start": "2023-03-28T10:05:00+02:00",
        "end": "2023-03-28T11:05:00+02:00",
        "cancelled": True,
    }


def test_a_cancelled_session_is_not_where_the_day_goes_on():
    programme = parse_programme(cancelled_panel())
    assert schedule.where_the_day_goes_on(programme, "salle-ix", paris("10:30")) is None


def test_cancelled_takes_true_or_false_only():
    _, problems = check_programme(
        SMALL.replace("    kind: panel\n", "    kind: panel\n    cancelled: maybe\n"), "p"
    )
    assert [p.message for p in problems] == ["expected true or false, found 'maybe'"]


def test_a_cancelled_block_cancels_its_parts_and_the_import_writes_it_back():
    text = SMALL.replace("    kind: workshop\n", "    kind: workshop\n    cancelled: true\n", 1)
    programme = parse_programme(text)
    assert programme.session("workshop-a").cancelled
    again = parse_programme(programme_yaml(programme))
    assert [(s.id, s.cancelled) for s in again.sessions] == [(s.id, s.cancelled) for s in programme.sessions]


def test_overlapping_sessions_are_a_warning_and_both_are_on():
    text = SMALL.replace('    start: "10:05"\n', '    start: "10:00"\n', 1)
    programme, problems = check_programme(text, "p.yaml")
    assert [str(p) for p in problems] == [
        "p.yaml:22:12: warning: sessions[1].start: 'panel' overlaps 'welcome' (10:00–10:05, line 15) "
        "in room 'salle-i': both are shown"
    ]
    state = schedule.room_state(programme, "salle-i", paris("10:02"))
    assert [s.id for s in state.current] == ["welcome", "panel"]


def test_a_cancelled_session_does_not_overlap_its_replacement():
    text = cancelled_panel().replace('    start: "10:05"\n', '    start: "10:00"\n', 1)
    _, problems = check_programme(text, "p.yaml")
    assert problems == []


def test_the_overview_agenda_shows_a_cancelled_session_as_such_in_each_language():
    from kiosk.present.overview import agenda_row

    programme = parse_programme(cancelled_panel())
    state = schedule.overview_state(programme, paris("10:30"))
    (item,) = [i for i in state.agenda if i.session.id == "panel"]
    assert (agenda_row(programme, item, "fr").phase, agenda_row(programme, item, "fr").phaseWord) == (
        "cancelled",
        "Annulé",
    )
    assert agenda_row(programme, item, "en").phaseWord == "Cancelled"
