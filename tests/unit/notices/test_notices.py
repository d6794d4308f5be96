"""Notices: reading a notices file against the programme, every mistake located, and applying them."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.languages import with_catalogue
from kiosk.notices import (
    MAX_NOTICES,
    Notice,
    NoticesError,
    apply,
    dump_notices,
    load_notices,
    next_change,
    parse_notices,
    words,
)
from kiosk.programme import Text, load_programme

ROOT = Path(__file__).resolve().parents[3]
DAY = load_programme(ROOT / "programme.yaml")
PARIS = dt.timezone(dt.timedelta(hours=2))


def at(hhmm: str, seconds: int = 0) -> dt.datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return dt.datetime(2023, 3, 28, hours, minutes, seconds, tzinfo=PARIS)


def notices(body: str):
    return parse_notices("format: 1\nnotices:\n" + body, "notices.yaml", DAY)


def problems(body: str) -> list[str]:
    with pytest.raises(NoticesError) as err:
        notices(body)
    return [str(p) for p in err.value.problems]


# -- reading -----------------------------------------------------------------------------------------
def test_every_kind_reads_with_its_defaults() -> None:
    read = notices(
        """
  - {id: a, kind: full, room: Salle IX, overflow: Salle VIII, session: mission-skills-gender}
  - {id: b, kind: delay, room: salle-ix, minutes: 15, from: "15:50"}
  - {id: c, kind: moved, session: workshop-b, to: salle-i}
  - {id: d, kind: cancelled, session: cocktail, from: "2023-03-28 12:00"}
  - {id: e, kind: message, rooms: [salle-i, restaurant], level: warning,
      text: {fr: Sol glissant, en: Wet floor}}
  - {id: f, kind: emergency}
"""
    )
    full, delay, moved, cancelled, message, emergency = read
    # Room names are read as the people running the day write them; ids are kept.
    assert (full.rooms, full.overflow) == (("salle-ix",), "salle-viii")
    # A full room with its session: until that session ends; any other: to the end of its day.
    assert full.end == at("15:30") and full.start is None
    assert (delay.start, delay.end, delay.minutes) == (at("15:50"), at("00:00") + dt.timedelta(days=1), 15)
    assert moved.rooms == ("salle-viii", "salle-i") and moved.to == "salle-i"
    assert cancelled.rooms == ("salle-i-foyer",) and cancelled.start == at("12:00")
    assert message.rooms == ("salle-i", "restaurant") and message.level == "warning"
    assert emergency.venue_wide and emergency.end == at("00:00") + dt.timedelta(days=1)


def test_written_notices_read_back_the_same() -> None:
    read = notices(
        """
  - {id: a, kind: full, room: salle-ix, overflow: salle-viii, from: "14:05:30"}
  - {id: b, kind: delay, room: salle-ix, minutes: 15, from: "15:50", until: "18:00"}
  - {id: c, kind: moved, session: workshop-b, to: salle-i}
  - {id: e, kind: message, text: "Vestiaire <b>fermé</b>"}
""".replace('"14:05:30"', "2023-03-28T14:05:30+02:00")
    )
    again = parse_notices(dump_notices(read), "again.yaml", DAY)
    assert again.notices == read.notices
    assert read.get("a").start == at("14:05", 30)


def test_an_empty_file_or_a_missing_one_holds_no_notices(tmp_path) -> None:
    assert len(parse_notices(b"", "n.yaml", DAY)) == 0
    assert len(parse_notices(b"# cleared\n", "n.yaml", DAY)) == 0
    assert len(parse_notices(b"format: 1\nnotices: []\n", "n.yaml", DAY)) == 0
    assert len(load_notices(tmp_path / "none.yaml", DAY)) == 0


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "  - {id: a, kind: full, room: Salle X}\n",
            "notices.yaml:3:31: notices[0].room: unknown room 'Salle X'; rooms are: salle-i,",
        ),
        (
            "  - {id: a, kind: cancelled, session: coktail}\n",
            "notices.yaml:3:39: notices[0].session: unknown session 'coktail'; did you mean 'cocktail'?",
        ),
        (
            '  - {id: a, kind: message, text: hi, from: "15:00", until: "14:00"}\n',
            "notices.yaml:3:60: notices[0].until: the notice ends (14:00) before it starts (15:00)",
        ),
        (
            "  - {id: a, kind: full, room: salle-ix, overflow: Salle IX}\n",
            "notices.yaml:3:51: notices[0].overflow: the overflow is the full room itself",
        ),
        (
            "  - {id: a, kind: moved, session: workshop-a, to: salle-ix}\n",
            "notices.yaml:3:51: notices[0].to: 'workshop-a' is already in 'salle-ix'",
        ),
        (
            "  - {id: a, kind: moved, session: workshops, to: salle-i}\n",
            "notices.yaml:3:35: notices[0].session: 'workshops' is a block of parallel parts: move each part",
        ),
        (
            "  - {id: a, kind: message}\n",
            "notices.yaml:3:5: notices[0].text: missing: a message needs its text",
        ),
        ("  - {id: a, kind: delay, room: salle-ix, minutes: 15}\n", "notices[0].from: missing (required)"),
        (
            "  - {id: a, kind: delay, room: salle-ix, minutes: -5, from: '10:00'}\n",
            "a delay is between 1 and",
        ),
        ("  - {id: a, kind: emergency, rooms: [salle-i]}\n", "unknown field 'rooms'"),
        ("  - {id: a, kind: fire}\n", "notices.yaml:3:19: notices[0].kind: 'fire' is not known;"),
        (
            "  - {id: a, kind: emergency}\n  - {id: a, kind: emergency}\n",
            "duplicate notice id 'a' (first at line 3)",
        ),
        ("  - {id: a, kind: message, text: {fr: <p>hi</p>, it: ciao}}\n", "'it' is not one of the event's"),
    ],
)
def test_bad_notices_get_a_located_message(body: str, expected: str) -> None:
    assert any(expected in p for p in problems(body)), problems(body)


def test_a_delay_past_midnight_is_refused() -> None:
    late = dataclasses.replace(DAY.session("dtc-working-session"), end=at("23:30"))
    programme = dataclasses.replace(DAY, sessions=tuple(late if s.id == late.id else s for s in DAY.sessions))
    body = 'format: 1\nnotices:\n  - {id: a, kind: delay, room: salle-ix, minutes: 45, from: "17:00"}\n'
    with pytest.raises(NoticesError) as err:
        parse_notices(body, "notices.yaml", programme)
    assert [str(p) for p in err.value.problems] == [
        "notices.yaml:3:51: notices[0].minutes: a 45-minute delay pushes 'dtc-working-session' "
        "(17:30–23:30) past midnight"
    ]


def test_ten_thousand_notices_are_refused_whole() -> None:
    body = "".join(f"  - {{id: n{i}, kind: message, text: hi}}\n" for i in range(10_000))
    assert problems(body) == [f"notices.yaml:3:3: notices: 10000 notices; a file holds at most {MAX_NOTICES}"]


def test_a_hundred_kilobyte_text_is_refused_where_it_is() -> None:
    body = f"  - id: a\n    kind: message\n    text:\n      fr: {'x' * 100_000}\n      en: hello\n"
    assert problems(body) == [
        "notices.yaml:6:7: notices[0].text.fr: 100000 characters; a notice is read in passing: at most 400"
    ]


def test_markup_is_kept_as_plain_text() -> None:
    read = notices("  - {id: a, kind: message, text: '<b>Fermé</b> &amp;'}\n")
    assert words.text(read.get("a"), DAY, "fr") == "<b>Fermé</b> &amp;"


def test_a_broken_file_says_where() -> None:
    with pytest.raises(NoticesError) as err:
        parse_notices(b"format: 1\nnotices:\n  - {id: a, kind: full\n", "n.yaml", DAY)
    assert str(err.value.first).startswith("n.yaml:3:5: not valid YAML")


# -- applying ----------------------------------------------------------------------------------------
DAY_NOTICES = """
  - {id: late, kind: delay, room: salle-ix, minutes: 15, from: "15:50"}
  - {id: move, kind: moved, session: workshop-b, to: salle-i, from: "15:00"}
  - {id: gone, kind: cancelled, session: workshop-c, from: "15:00"}
  - {id: full, kind: full, room: salle-viii, from: "14:05", until: "14:30:20"}
"""


def test_a_delay_moves_the_rooms_sessions_from_its_start_keeping_the_printed_times() -> None:
    read = notices(DAY_NOTICES)
    applied = apply(DAY, read, at("15:55"))
    assert applied.programme.session("workshop-a").start == at("16:00")
    assert applied.printed_session("workshop-a").start == at("15:45")
    assert applied.changes["closing-remarks"].delay_minutes == 15
    # Before the delay's start, the printed times.
    assert apply(DAY, read, at("15:49")).programme.session("workshop-a").start == at("15:45")


def test_moved_and_cancelled_change_rooms_and_blocks() -> None:
    applied = apply(DAY, notices(DAY_NOTICES), at("15:55"))
    assert applied.programme.session("workshop-b").room == "salle-i"
    assert applied.changes["workshop-b"].moved
    assert applied.changes["workshop-c"].cancelled
    assert not applied.programme.session("workshop-c").is_on(at("16:00"))
    state = schedule.room_state(applied.programme, "salle-vii", at("15:55"))
    assert (state.current, state.next, [s.id for s in state.cancelled]) == ((), None, ["workshop-c"])


def test_a_notice_ends_to_the_second() -> None:
    read = notices(DAY_NOTICES)
    assert [n.id for n in apply(DAY, read, at("14:30", 19)).notices] == ["full"]
    assert [n.id for n in apply(DAY, read, at("14:30", 20)).notices] == []
    # The ticker wakes up for a notice's start and end, not only for sessions.
    assert next_change(DAY, read, at("14:10")) == at("14:30", 20)
    assert next_change(DAY, read, at("14:00", 1)) == at("14:05")


def test_the_next_change_follows_the_shifted_times() -> None:
    assert next_change(DAY, notices(DAY_NOTICES), at("17:31")) == at("17:45")  # printed 17:30


def test_a_notice_naming_what_a_new_programme_lacks_is_set_aside() -> None:
    stray = Notice("x", "cancelled", at("23:00"), rooms=("salle-z",), session="gone")
    applied = apply(DAY, [stray], at("10:00"))
    assert applied.ignored == (stray,) and applied.notices == ()


def test_a_full_room_points_to_the_overflow_and_the_rooms_of_the_same_block() -> None:
    read = notices("  - {id: a, kind: full, room: salle-ix, overflow: salle-viii}\n")
    applied = apply(DAY, read, at("14:10"))
    notice = read.get("a")
    assert words.text(notice, DAY, "en", "salle-ix") == "Follow the session in Room VIII"
    assert words.text(notice, DAY, "fr", "salle-viii") == "Retransmission de Salle IX (salle complète)"
    assert words.same_kind_now(applied, notice, "fr") == "Aussi en cours\u202f: Salle VII"


def test_generated_words_exist_in_every_screen_language() -> None:
    read = notices(
        """
  - {id: a, kind: full, room: salle-ix}
  - {id: b, kind: delay, room: salle-ix, minutes: 15, from: "15:50"}
  - {id: c, kind: moved, session: workshop-b, to: salle-i}
  - {id: d, kind: cancelled, session: cocktail}
  - {id: f, kind: emergency}
"""
    )
    english = {n.id: (words.label(n, "en"), words.text(n, DAY, "en")) for n in read}
    for notice in read:
        for lang in with_catalogue():
            said = (words.label(notice, lang), words.text(notice, DAY, lang))
            assert all(said) and (lang == "en" or said != english[notice.id]), (lang, notice.id)
    assert words.label(read.get("b"), "ar") == "تأخير 15\u00a0دقيقة"
    assert words.text(read.get("a"), DAY, "zh") == "请勿再进入本会议室"
    assert (
        words.text(read.get("d"), DAY, "en") == "“Closing reception”, planned at 17:15, will not take place"
    )
    assert notices("  - {id: x, kind: emergency, text: Fire}\n").get("x").text == Text.same(
        "Fire", ("fr", "en")
    )


def test_a_text_in_one_language_is_a_warning_and_the_notice_stays() -> None:
    read = notices("  - {id: a, kind: message, text: {fr: Vestiaire fermé}}\n")
    # Shown on the English page as what it is: French, tagged (never passed off as English).
    assert words.text(read.get("a"), DAY, "en") == "FR · Vestiaire fermé"
    assert words.text(read.get("a"), DAY, "fr") == "Vestiaire fermé"
    # A kind with words of its own says them in the page's language where the organiser wrote none.
    full = notices("  - {id: f, kind: full, room: salle-ix, text: {fr: Entrée par la porte B}}\n").get("f")
    assert words.text(full, DAY, "en") == "Please do not enter this room"
    assert words.text(full, DAY, "ar") == "يُرجى عدم دخول هذه القاعة"
    assert problems('  - {id: a, kind: message, text: {fr: x}, from: "15:00", until: "14:00"}\n') == [
        "notices.yaml:3:65: notices[0].until: the notice ends (14:00) before it starts (15:00)"
    ]
