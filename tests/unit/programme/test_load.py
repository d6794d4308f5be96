"""Reading valid programmes: times, texts in several languages, blocks and parts, warnings."""

import datetime as dt
from pathlib import Path

import pytest

from kiosk.programme import Problem, ProgrammeError, Text, check_programme, load_programme, parse_programme

ROOT = Path(__file__).resolve().parents[3]
SMALL = (ROOT / "tests" / "data" / "good" / "small.yaml").read_text(encoding="utf-8")
UTC = dt.UTC


def small(*changes: tuple[str, str]) -> str:
    text = SMALL
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def at_utc(session) -> tuple[dt.datetime, dt.datetime]:
    return session.start.astimezone(UTC), session.end.astimezone(UTC)


# -- the programme of the day --------------------------------------------------------------------
def test_the_day_reads_without_a_warning() -> None:
    day = load_programme(ROOT / "programme.yaml")
    assert day.warnings == ()
    assert day.event.languages == ("fr", "en")
    assert day.event.timezone == "Europe/Paris"
    assert (day.event.first_day, day.event.last_day) == (dt.date(2023, 3, 28), dt.date(2023, 3, 28))
    assert day.event.venue.address.get("fr") == "7 place de Fontenoy, 75007 Paris"
    assert len(day.sessions) == 19


def test_the_day_in_french_and_english() -> None:
    day = load_programme(ROOT / "programme.yaml")
    for session in day.sessions:
        assert session.title.get("fr") and session.title.get("en"), session.id
        assert session.title.get("fr") != session.title.get("en"), session.id
    for room in day.rooms:
        # French and English, and UNESCO's four other official languages for screens set to show them.
        assert set(room.name.by_lang) == {"fr", "en", "ar", "zh", "ru", "es"}
    assert day.session("welcome").interpretation == ("fr", "en")
    assert day.session("lunch").kind == "meal" and day.session("lunch").venue_wide


def test_sessions_come_in_order_of_start() -> None:
    day = load_programme(ROOT / "programme.yaml")
    starts = [s.start for s in day.sessions]
    assert starts == sorted(starts)


# -- times ---------------------------------------------------------------------------------------
def test_an_unquoted_time_is_read_as_written_not_as_sexagesimal() -> None:
    programme = parse_programme(small(('start: "10:00"', "start: 10:00")))
    assert at_utc(programme.session("welcome"))[0] == dt.datetime(2023, 3, 28, 8, 0, tzinfo=UTC)


def test_an_iso_time_with_an_offset_is_that_instant_shown_in_local_time() -> None:
    programme = parse_programme(small(('start: "10:00"', 'start: "2023-03-28T08:00Z"')))
    welcome = programme.session("welcome")
    assert welcome.start.astimezone(UTC) == dt.datetime(2023, 3, 28, 8, 0, tzinfo=UTC)
    assert welcome.start.isoformat() == "2023-03-28T10:00:00+02:00"


def test_a_date_and_time_and_a_date_field() -> None:
    programme = parse_programme(
        small(
            ('start: "10:00"', 'start: "2023-03-28 09:30"'),
            ('    start: "14:00"', '    date: 2023-03-28\n    start: "14:00"'),
        )
    )
    assert programme.session("welcome").start.isoformat() == "2023-03-28T09:30:00+02:00"
    assert programme.session("workshops").start.isoformat() == "2023-03-28T14:00:00+02:00"


def test_a_session_crossing_midnight_gives_its_end_with_a_date() -> None:
    programme = parse_programme(
        small(('start: "14:00"', 'start: "23:00"'), ('end: "15:30"', 'end: "2023-03-29 01:00"'))
    )
    block = programme.session("workshops")
    assert block.end - block.start == dt.timedelta(hours=2)
    assert programme.session("workshop-a").end == block.end


def test_an_hour_that_happens_twice_is_read_as_the_first() -> None:
    # 29 October 2023: 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
    programme = parse_programme(
        small(
            ("last: 2023-03-28", "last: 2023-10-29"),
            ('start: "10:00"', 'start: "2023-10-29 02:30"'),
            ('end: "10:05"', 'end: "2023-10-29 02:45"'),
        )
    )
    assert at_utc(programme.session("welcome"))[0] == dt.datetime(2023, 10, 29, 0, 30, tzinfo=UTC)


def test_a_session_before_the_first_day_is_a_warning() -> None:
    programme, problems = check_programme(
        small(('start: "10:00"', 'start: "2023-03-27 10:00"'), ('end: "10:05"', 'end: "2023-03-27 10:05"')),
        "p.yaml",
    )
    assert programme is not None
    assert [str(p) for p in problems] == [
        "p.yaml:16:12: warning: sessions[0].start: 2023-03-27 is before the event's first day 2023-03-28"
    ]


# -- texts ---------------------------------------------------------------------------------------
def test_a_missing_translation_is_a_warning_and_falls_back() -> None:
    programme, problems = check_programme(
        small(("{fr: Table ronde, en: Panel}", "{fr: Table ronde}")), "p.yaml"
    )
    assert [str(p) for p in problems] == [
        "p.yaml:26:12: warning: sessions[1].title: no en text; showing fr instead"
    ]
    assert problems[0].warning
    panel = programme.session("panel")
    assert panel.title.get("en", programme.event.languages) == "Table ronde"
    again = parse_programme(small(("{fr: Table ronde, en: Panel}", "{fr: Table ronde}")), "p.yaml")
    assert again.warnings == tuple(problems)


def test_a_plain_string_is_the_same_text_in_every_language() -> None:
    programme = parse_programme(small(("{fr: Table ronde, en: Panel}", "UNESCO")))
    assert programme.session("panel").title.by_lang == {"fr": "UNESCO", "en": "UNESCO"}


def test_french_narrow_no_break_spaces_are_kept_and_ascii_white_space_folded() -> None:
    day = load_programme(ROOT / "programme.yaml")
    assert day.session("panel-past-present-future").title.get("fr") == (
        "Table ronde sur la Coalition\u202f: passé, présent, futur"
    )
    programme = parse_programme(
        small(("{fr: Table ronde, en: Panel}", '{fr: "Table \t  ronde\u00a0!", en: Panel}'))
    )
    assert programme.session("panel").title.get("fr") == "Table ronde\u00a0!"


def test_markup_in_a_title_is_kept_as_characters() -> None:
    programme = parse_programme(
        small(("{fr: Table ronde, en: Panel}", '{fr: "<b>Table</b> ronde", en: "<i>Panel"}'))
    )
    assert programme.session("panel").title.get("fr") == "<b>Table</b> ronde"


def test_a_programme_in_six_languages_right_to_left_included() -> None:
    programme = parse_programme(
        small(
            ("languages: [fr, en]", "languages: [ar, zh, en, fr, ru, es]"),
            (
                "{fr: Table ronde, en: Panel}",
                "{ar: حلقة نقاش, zh: 小组讨论, en: Panel, fr: Table ronde, ru: Панель, es: Mesa redonda}",
            ),
        )
    )
    assert programme.event.languages == ("ar", "zh", "en", "fr", "ru", "es")
    assert programme.session("panel").title.get("ar") == "حلقة نقاش"
    # every other text has fr and en only: a warning each, never an error
    assert programme.warnings and all(p.warning for p in programme.warnings)


def test_text_get_falls_back_in_order() -> None:
    text = Text({"fr": "Salle I"})
    assert text.get("en", ("fr",)) == "Salle I"
    assert text.get("fr") == "Salle I"
    assert Text({"en": "Room I", "fr": "Salle I"}).get("ar", ("fr", "en")) == "Salle I"
    assert Text().get("fr") == ""
    assert not Text() and Text({"fr": "x"})


# -- blocks and parts ----------------------------------------------------------------------------
def test_a_part_takes_the_blocks_hours_and_kind_unless_it_says_otherwise() -> None:
    programme = parse_programme(
        small(
            (
                "        room: salle-ix\n",
                '        room: salle-ix\n        start: "14:30"\n        kind: talk\n',
            )
        )
    )
    part, block = programme.session("workshop-a"), programme.session("workshops")
    assert (part.start.isoformat(), part.end, part.kind, part.parent) == (
        "2023-03-28T14:30:00+02:00",
        block.end,
        "talk",
        "workshops",
    )
    assert block.parts == ("workshop-a",) and block.room is None


def test_a_block_overlaps_its_own_parts_but_not_other_sessions() -> None:
    text = small(("    kind: workshop\n", "    kind: workshop\n    room: salle-i\n"))
    assert parse_programme(text).session("workshops").room == "salle-i"
    _, problems = check_programme(text.replace('start: "14:00"', 'start: "11:00"'), "p.yaml")
    assert [str(p) for p in problems] == [
        "p.yaml:28:12: warning: sessions[2].start: 'workshops' overlaps 'panel' (10:05–11:05, line 21) "
        "in room 'salle-i': both are shown"
    ]


# -- problems and errors -------------------------------------------------------------------------
def test_a_problem_reads_as_file_line_column_field_message() -> None:
    assert str(Problem("p.yaml", 42, 12, "sessions[7].end", "10:05 is before start 10:10")) == (
        "p.yaml:42:12: sessions[7].end: 10:05 is before start 10:10"
    )
    assert str(Problem("p.yaml", 0, 0, "", "the file is empty")) == "p.yaml: the file is empty"
    assert str(Problem("p.yaml", 3, 1, "x", "y", warning=True)) == "p.yaml:3:1: warning: x: y"


def test_a_problem_is_always_one_line() -> None:
    assert str(Problem("p.yaml", 3, 1, "a\nb", "c\rd\u2028e\x00")) == "p.yaml:3:1: a\\nb: c\\rd\\u2028e\\x00"
    assert str(Problem("p.yaml", 3, 1, "salle", "« Salle\u202fI »")) == "p.yaml:3:1: salle: « Salle\u202fI »"


def test_a_programme_error_keeps_errors_and_warnings_apart() -> None:
    text = small(("{fr: Table ronde, en: Panel}", "{fr: Table ronde}"), ('end: "10:05"', 'end: "09:00"'))
    with pytest.raises(ProgrammeError) as caught:
        parse_programme(text, "p.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "p.yaml:17:10: sessions[0].end: 09:00 is before start 10:00"
    ]
    assert [p.warning for p in caught.value.warnings] == [True]
    assert caught.value.first is caught.value.problems[0]
    assert str(caught.value) == "p.yaml:17:10: sessions[0].end: 09:00 is before start 10:00"


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_read_the_same(line_end: str) -> None:
    programme = parse_programme(SMALL.replace("\n", line_end).encode())
    assert [s.id for s in programme.sessions] == ["welcome", "panel", "workshops", "workshop-a"]


def test_a_utf8_bom_is_harmless() -> None:
    programme = parse_programme(b"\xef\xbb\xbf" + SMALL.encode())
    assert programme.event.title.get("fr") == "Petite journée"


# -- rooms ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "room"),
    [
        ("salle-i", "salle-i"),
        ("Salle I", "salle-i"),
        ("  salle i  ", "salle-i"),
        ("ROOM I FOYER", "salle-i-foyer"),
        ("Salle IX", "salle-ix"),
        ("Salle", None),
        ("Salle I F", None),
        ("salle-i-", None),
    ],
)
def test_find_room_by_id_or_name_whole(query: str, room: str | None) -> None:
    day = load_programme(ROOT / "programme.yaml")
    found = day.find_room(query)
    assert (found.id if found else None) == room
