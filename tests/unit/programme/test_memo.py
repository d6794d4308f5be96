"""Sessions checked before (kiosk/programme/memo.py): a second check takes the unchanged sessions as they
were, and gives exactly what a first check gives — changed sessions, moved lines and problems included."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.programme import Programme, check_programme, memo
from kiosk.sources import read_any
from kiosk.sources.write import programme_yaml

from ...shared_testdata import real_export

SMALL = (Path(__file__).resolve().parents[2] / "data" / "good" / "small.yaml").read_text(encoding="utf-8")
UNESCO = (Path(__file__).resolve().parents[3] / "programme.yaml").read_text(encoding="utf-8")


def first_check(text: str) -> tuple[Programme | None, list]:
    """A check with nothing known from before, as in a process's first."""
    memo.forget()
    return check_programme(text.encode(), "p.yaml", keep=False)


def second_check(before: str, after: str) -> tuple[Programme | None, list]:
    """``after`` checked once ``before`` was."""
    first_check(before)
    return check_programme(after.encode(), "p.yaml", keep=False)


def by_id(programme: Programme) -> dict:
    return {s.id: s for s in programme.sessions}


def test_a_second_check_takes_the_unchanged_sessions_and_reads_the_changed_one() -> None:
    first, _ = first_check(UNESCO)
    edited = UNESCO.replace('en: "Global Skills Academy and Gender Flagship"', 'en: "Global Skills Academy"')
    assert edited != UNESCO
    second, problems = check_programme(edited.encode(), "p.yaml", keep=False)
    assert problems == []
    before, after = by_id(first), by_id(second)
    changed = [i for i in after if after[i] != before[i]]
    assert len(changed) == 1 and after[changed[0]].title.get("en") == "Global Skills Academy"
    # Every other session is the very one the first check made, but for the blocks with parts and their
    # parts (read again every time): it was not read again.
    kept = [i for i in after if not after[i].parts and not after[i].parent and i not in changed]
    assert len(kept) == 11 and all(after[i] is before[i] for i in kept)
    assert second == first_check(edited)[0]


@pytest.mark.parametrize(
    "name",
    [
        "36c3-everything.schedule.json",
        "fosdem-2020.xml",
        "fosdem-2007.xml",
        "voc-hub-schedule2.json",
        "moca24-schedule.ics",
        "pyconuk2015-schedule.ics",
    ],
)
def test_real_programmes_edited_check_as_a_first_check_does(name: str) -> None:
    """A real event written as kiosk YAML; a line added at the top moves every session, an id changes."""
    text = programme_yaml(read_any(real_export(f"real/{name}"), timezone="Europe/Brussels"))
    programme, problems = first_check(text)
    assert programme is not None, problems
    line = next(
        f"\n- id: {q}{s.id}{q}\n"
        for s in programme.sessions
        for q in ("", "'")
        if f"- id: {q}{s.id}{q}\n" in text
    )
    assert text.count(line) == 1
    edited = "# moved down a line\n" + text.replace(line, line.replace("- id: ", "- id: again-"))
    again, again_problems = second_check(text, edited)
    fresh, fresh_problems = first_check(edited)
    assert again == fresh and again_problems == fresh_problems
    assert again != programme


def test_an_alias_is_read_again_when_its_anchor_changes() -> None:
    """The same text with an alias means what the anchor, elsewhere, now says."""
    text = SMALL.replace(
        "room: salle-i\n    kind: plenary", "room: &main salle-i\n    kind: plenary"
    ).replace("room: salle-i\n    kind: panel", "room: *main\n    kind: panel")
    moved = text.replace("&main salle-i", "&main salle-ix")
    programme, problems = second_check(text, moved)
    assert problems == [] and by_id(programme)["panel"].room == "salle-ix"


def test_a_room_gone_from_the_list_is_reported_at_its_sessions_lines() -> None:
    """The rooms are part of what a session is checked against: without Salle I, its sessions are wrong."""
    without = SMALL.replace("  - id: salle-i\n    name: {fr: Salle I, en: Room I}\n", "")
    programme, problems = second_check(SMALL, without)
    assert programme is None
    assert [(p.line, p.path) for p in problems] == [(16, "sessions[0].room"), (22, "sessions[1].room")]
    assert problems == first_check(without)[1]


def test_another_time_zone_moves_every_session() -> None:
    programme, _ = second_check(SMALL, SMALL.replace("Europe/Paris", "America/Montreal"))
    assert [s.start.utcoffset().total_seconds() / 3600 for s in programme.sessions] == [-4, -4, -4, -4]


def test_a_problem_across_sessions_is_reported_where_the_session_now_is() -> None:
    """Two sessions with one id: the second is reported at its line, moved down by two new lines."""
    twice = SMALL.replace("  - id: panel\n", "  - id: welcome\n")
    first_check(twice)
    _, problems = check_programme(("# a\n# b\n" + twice).encode(), "p.yaml", keep=False)
    assert [(p.line, p.column, p.path) for p in problems] == [(23, 9, "sessions[1].id")]
    assert problems == first_check("# a\n# b\n" + twice)[1]


def test_a_session_with_a_problem_or_a_warning_is_read_again_for_its_message() -> None:
    wrong = SMALL.replace('end: "10:05"', 'end: "09:05"')
    first_check(wrong)
    _, problems = check_programme(("# a\n" + wrong).encode(), "p.yaml", keep=False)
    assert [(p.line, p.path) for p in problems] == [(18, "sessions[0].end")]
    # A title without its English is shown in French, with a warning at its line, every time.
    french_only = SMALL.replace("title: {fr: Table ronde, en: Panel}", "title: {fr: Table ronde}")
    first_check(french_only)
    programme, problems = check_programme(("# a\n" + french_only).encode(), "p.yaml", keep=False)
    assert programme is not None
    assert [(p.line, p.path, p.warning) for p in problems] == [(27, "sessions[1].title", True)]


def test_a_file_with_a_directive_is_read_whole_every_time() -> None:
    """A %TAG directive can change what the same text means: nothing is taken from before."""
    first, _ = first_check(SMALL)
    directive = "%YAML 1.1\n---\n" + SMALL
    second, problems = check_programme(directive.encode(), "p.yaml", keep=False)
    assert problems == [] and second == first
    assert not any(a is b for a, b in zip(second.sessions, first.sessions, strict=True))
