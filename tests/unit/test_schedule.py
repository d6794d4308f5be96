"""What is on in each room at each instant, checked against the day as the seed programme gives it."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import schedule
from kiosk.programme import load_programme, parse_programme

ROOT = Path(__file__).resolve().parents[2]
PARIS = ZoneInfo("Europe/Paris")
UTC = dt.UTC
MINUTE = dt.timedelta(minutes=1)
ROOMS = ("salle-i", "salle-vii", "salle-viii", "salle-ix", "restaurant", "salle-i-foyer")


def paris(hhmm: str, day: str = "2023-03-28") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=PARIS)


def read_the_day() -> list[tuple[str, str | None, dt.datetime, dt.datetime, str | None]]:
    rows = []
    for line in (ROOT / "tests/data/the-day.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sid, room, start, end, block = line.split("\t")
            rows.append(
                (
                    sid,
                    None if room == "-" else room,
                    paris(start),
                    paris(end),
                    None if block == "-" else block,
                )
            )
    return rows


THE_DAY = read_the_day()
IN_ROOMS = [row for row in THE_DAY if row[1]]


def expected(room: str, at: dt.datetime) -> tuple[str, list[str], str | None]:
    """Status, ids on now and id of the next session in ``room``, from the hand-written table."""
    here = [row for row in IN_ROOMS if row[1] == room]
    current = [sid for sid, _, start, end, _ in sorted(here, key=lambda r: r[2]) if start <= at < end]
    later = sorted((start, sid) for sid, _, start, _, _ in here if start > at)
    upcoming = later[0][1] if later else None
    status = "ongoing" if current else "upcoming" if upcoming else "finished"
    return status, current, upcoming


def observed(state: schedule.RoomState) -> tuple[str, list[str], str | None]:
    return state.status, [s.id for s in state.current], state.next.id if state.next else None


@pytest.fixture(scope="module")
def day():
    return load_programme(ROOT / "programme.yaml")


def test_the_table_and_the_programme_have_the_same_sessions(day) -> None:
    assert sorted(s.id for s in day.sessions) == sorted(row[0] for row in THE_DAY)
    assert [r.id for r in day.rooms] == list(ROOMS)


@pytest.mark.parametrize(
    ("sid", "room", "at"),
    [
        pytest.param(sid, room, at, id=f"{sid}@{label}")
        for sid, room, start, end, _ in IN_ROOMS
        for label, at in (
            ("start-1min", start - MINUTE),
            ("start", start),
            ("end-1min", end - MINUTE),
            ("end", end),
        )
    ],
)
def test_each_session_at_its_boundaries_in_its_room(day, sid: str, room: str, at: dt.datetime) -> None:
    assert observed(schedule.room_state(day, room, at)) == expected(room, at)


def test_every_room_at_every_boundary_of_the_day(day) -> None:
    instants = sorted(
        {t for _, _, start, end, _ in THE_DAY for t in (start - MINUTE, start, end - MINUTE, end)}
    )
    for at in instants:
        for room in ROOMS:
            assert observed(schedule.room_state(day, room, at)) == expected(room, at), (room, at)


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(
        min_value=dt.datetime(2023, 3, 27, 12),
        max_value=dt.datetime(2023, 3, 29, 12),
        timezones=st.sampled_from(
            [UTC, PARIS, ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo"), ZoneInfo("Asia/Kolkata")]
        ),
    )
)
def test_any_instant_told_in_any_zone(day, at: dt.datetime) -> None:
    for room in ROOMS:
        assert observed(schedule.room_state(day, room, at)) == expected(room, at), (room, at)


def test_a_session_is_on_from_its_start_and_over_at_its_end(day) -> None:
    at_1005 = schedule.room_state(day, "salle-i", paris("10:05"))
    assert [s.id for s in at_1005.current] == ["panel-past-present-future"]
    assert at_1005.next.id == "gec-video"
    at_1004 = schedule.room_state(day, "salle-i", paris("10:04:59.999999"))
    assert [s.id for s in at_1004.current] == ["welcome"]


def test_an_instant_given_in_utc_is_the_welcome_address_in_salle_i(day) -> None:
    at = dt.datetime.fromisoformat("2023-03-28T08:02:00Z")
    state = schedule.room_state(day, "salle-i", at)
    assert state.status == "ongoing"
    assert [s.id for s in state.current] == ["welcome"]
    assert state.current[0].title.get("en") == "Welcome address"
    assert state.next.id == "panel-past-present-future"
    # 08:02 in Paris would be before the day: an hour too early for anything in Salle I.
    assert schedule.room_state(day, "salle-i", paris("08:02")).status == "upcoming"


def test_seed_times_are_paris_summer_time(day) -> None:
    welcome = day.session("welcome")
    assert welcome.start.astimezone(UTC) == dt.datetime(2023, 3, 28, 8, 0, tzinfo=UTC)
    assert welcome.start.isoformat() == "2023-03-28T10:00:00+02:00"
    assert day.session("dtc-working-session").end.astimezone(UTC) == dt.datetime(
        2023, 3, 28, 16, 30, tzinfo=UTC
    )


# -- umbrella blocks and their parts -------------------------------------------------------------
def test_an_umbrella_block_is_in_no_room_and_its_parts_are_in_theirs(day) -> None:
    block = day.session("mission-meetings")
    assert block.room is None
    assert block.parts == ("mission-skills-gender", "mission-teacher-campus", "mission-learning-house")
    for part_id, room in [
        ("mission-skills-gender", "salle-ix"),
        ("mission-teacher-campus", "salle-viii"),
        ("mission-learning-house", "salle-vii"),
    ]:
        part = day.session(part_id)
        assert (part.room, part.parent, part.kind) == (room, "mission-meetings", "meeting")
        assert (part.start, part.end) == (block.start, block.end)  # the block's hours by default
    for room in ROOMS:
        assert block not in day.in_room(room)


def test_a_door_shows_the_part_with_its_block(day) -> None:
    state = schedule.room_state(day, "salle-viii", paris("14:30"))
    assert [s.id for s in state.current] == ["mission-teacher-campus"]
    assert state.blocks["mission-teacher-campus"].id == "mission-meetings"
    assert state.next.id == "workshop-b"
    assert state.blocks["workshop-b"].id == "workshops"
    assert state.blocks["workshop-b"].title.get("en") == "Education transformation workshops"


def test_the_overview_lists_blocks_with_their_parts_not_parts_alone(day) -> None:
    overview = schedule.overview_state(day, paris("14:30"))
    assert overview.day == dt.date(2023, 3, 28)
    assert [r.room.id for r in overview.rooms] == list(ROOMS)
    items = {item.session.id: item for item in overview.agenda}
    assert list(items) == [row[0] for row in THE_DAY if row[4] is None]
    assert [p.id for p in items["workshops"].parts] == ["workshop-a", "workshop-b", "workshop-c"]
    assert items["lunch"].phase == "past"
    assert items["mission-meetings"].phase == "current"
    assert items["coffee-break"].phase == "future"


def test_the_overview_before_and_after_the_event_shows_its_day(day) -> None:
    assert schedule.overview_state(day, paris("09:00", "2023-03-20")).day == dt.date(2023, 3, 28)
    assert schedule.overview_state(day, paris("09:00", "2023-04-02")).day == dt.date(2023, 3, 28)


# -- phases and where the day goes on ------------------------------------------------------------
@pytest.mark.parametrize(
    ("room", "when", "phase"),
    [
        ("salle-i", "2023-03-27T10:00", "before_event"),
        ("salle-i", "2023-03-28T08:00", "before_first"),
        ("salle-i", "2023-03-28T10:02", "ongoing"),
        ("salle-i", "2023-03-28T12:14", "ongoing"),
        ("salle-i", "2023-03-28T12:15", "after_last"),
        ("salle-ix", "2023-03-28T09:45", "between"),  # icebreaker over, mission meeting at 14:00
        ("salle-ix", "2023-03-28T17:15", "between"),  # closing remarks over, working session at 17:30
        ("salle-ix", "2023-03-28T18:30", "after_last"),
        ("salle-i-foyer", "2023-03-28T15:45", "between"),
        ("restaurant", "2023-03-28T12:14", "before_first"),
        ("restaurant", "2023-03-28T14:00", "after_last"),
        ("salle-i", "2023-03-28T23:59", "after_last"),
        ("salle-i", "2023-03-29T00:00", "after_event"),
        ("salle-ix", "2023-04-02T10:00", "after_event"),
    ],
)
def test_the_phase_of_a_door(day, room: str, when: str, phase: str) -> None:
    assert (
        schedule.room_state(day, room, dt.datetime.fromisoformat(when).replace(tzinfo=PARIS)).phase == phase
    )


def test_a_room_with_nothing_in_the_whole_programme(day) -> None:
    programme = parse_programme(SPARE_ROOM)
    state = schedule.room_state(programme, "salle-x", paris("10:00"))
    assert (state.status, state.phase, state.current, state.next) == ("finished", "no_sessions", (), None)
    assert state.elsewhere.id == "welcome"


def test_after_salle_i_the_day_goes_on_at_lunch_in_the_restaurant(day) -> None:
    state = schedule.room_state(day, "salle-i", paris("12:15"))
    assert state.status == "finished"
    assert state.elsewhere.id == "lunch"
    assert state.elsewhere.room == "restaurant"


def test_after_the_closing_remarks_salle_ix_points_at_the_cocktail(day) -> None:
    state = schedule.room_state(day, "salle-ix", paris("17:15"))
    assert state.status == "upcoming"
    assert state.next.id == "dtc-working-session"
    assert state.elsewhere.id == "cocktail"
    assert state.elsewhere.room == "salle-i-foyer"


def test_after_lunch_the_restaurant_points_at_the_meetings_under_way_not_the_coffee(day) -> None:
    assert schedule.room_state(day, "restaurant", paris("14:00")).elsewhere.parent == "mission-meetings"


def test_after_the_last_session_of_the_day_there_is_nowhere_else(day) -> None:
    assert schedule.room_state(day, "salle-ix", paris("18:30")).elsewhere is None
    assert schedule.room_state(day, "salle-i", paris("18:00")).elsewhere.id == "dtc-working-session"


@pytest.mark.parametrize(
    ("room", "when", "elsewhere"),
    [
        ("salle-i", "08:00", "icebreaker"),  # not lunch: that is long after Salle I's own first session
        ("salle-ix", "08:30", None),  # nothing elsewhere before the icebreaker here at 09:00
        ("salle-ix", "12:00", "lunch"),  # free until 14:00; lunch at 12:15
        (
            "restaurant",
            "10:00",
            "panel-past-present-future",
        ),  # the 5-min welcome is ending; the panel follows
        ("restaurant", "10:30", "panel-past-present-future"),  # on now in Salle I, long before lunch here
        ("salle-ix", "10:02", "panel-past-present-future"),  # not lunch, two hours away
        ("salle-i-foyer", "15:45", "workshop-a"),  # free until the cocktail; the workshops are on
    ],
)
def test_meanwhile_a_free_room_points_at_what_starts_before_its_own_next_session(
    day, room: str, when: str, elsewhere: str | None
) -> None:
    state = schedule.room_state(day, room, paris(when))
    assert state.status == "upcoming"
    assert (state.elsewhere.id if state.elsewhere else None) == elsewhere


def test_a_busy_room_points_nowhere_else(day) -> None:
    assert schedule.room_state(day, "salle-i", paris("10:02")).elsewhere is None


# -- next_change ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("when", "change"),
    [
        ("07:00", "09:00"),
        ("09:00", "09:45"),  # strictly after
        ("09:44:59", "09:45"),
        ("10:02", "10:05"),
        ("12:20", "14:00"),
        ("17:20", "17:30"),
        ("18:00", "18:30"),
    ],
)
def test_next_change(day, when: str, change: str) -> None:
    assert schedule.next_change(day, paris(when)) == paris(change)


def test_no_change_after_the_last_session(day) -> None:
    assert schedule.next_change(day, paris("18:30")) is None


def test_every_change_of_the_day_is_a_session_start_or_end(day) -> None:
    boundaries = sorted({t for _, _, start, end, _ in THE_DAY for t in (start, end)})
    at, seen = paris("00:00"), []
    while (at := schedule.next_change(day, at)) is not None:
        seen.append(at)
    assert seen == boundaries


# -- daylight saving and midnight ----------------------------------------------------------------
def two_day_programme(first: str, last: str, extra: str = "") -> str:
    return f"""\
format: 1
event:
  id: night-shift
  title: {{fr: Nuit, en: Night}}
  languages: [fr, en]
  timezone: Europe/Paris
  dates: {{first: {first}, last: {last}}}
rooms:
  - id: salle-i
    name: {{fr: Salle I, en: Room I}}
  - id: salle-ix
    name: {{fr: Salle IX, en: Room IX}}
sessions:
  - id: evening
    start: "{first} 20:00"
    end: "{first} 21:00"
    room: salle-i
    title: {{fr: Soirée, en: Evening}}
  - id: night
    date: {last}
    start: "01:30"
    end: "03:30"
    room: salle-i
    title: {{fr: Nuit, en: Night}}
  - id: dawn
    date: {last}
    start: "03:30"
    end: "04:00"
    room: salle-i
    title: {{fr: Aube, en: Dawn}}
{extra}"""


def test_across_the_spring_change_a_night_session_lasts_one_hour() -> None:
    programme = parse_programme(two_day_programme("2023-03-25", "2023-03-26"))
    night = programme.session("night")
    assert night.start.astimezone(UTC) == dt.datetime(2023, 3, 26, 0, 30, tzinfo=UTC)  # 01:30 CET
    assert night.end.astimezone(UTC) == dt.datetime(2023, 3, 26, 1, 30, tzinfo=UTC)  # 03:30 CEST
    assert night.end - night.start == dt.timedelta(hours=1)
    assert night.start.isoformat() == "2023-03-26T01:30:00+01:00"
    assert night.end.isoformat() == "2023-03-26T03:30:00+02:00"


def test_across_the_autumn_change_a_night_session_lasts_three_hours() -> None:
    programme = parse_programme(two_day_programme("2023-10-28", "2023-10-29"))
    night = programme.session("night")
    assert night.start.astimezone(UTC) == dt.datetime(2023, 10, 28, 23, 30, tzinfo=UTC)  # 01:30 CEST
    assert night.end.astimezone(UTC) == dt.datetime(2023, 10, 29, 2, 30, tzinfo=UTC)  # 03:30 CET
    assert night.end - night.start == dt.timedelta(hours=3)
    assert night.start.isoformat() == "2023-10-29T01:30:00+02:00"
    assert night.end.isoformat() == "2023-10-29T03:30:00+01:00"


@pytest.mark.parametrize(
    ("utc_time", "status", "current", "upcoming"),
    [
        ("2023-10-28T23:29", "upcoming", [], "night"),
        ("2023-10-28T23:30", "ongoing", ["night"], "dawn"),  # 01:30 CEST
        ("2023-10-29T00:30", "ongoing", ["night"], "dawn"),  # 02:30 CEST, the first time
        ("2023-10-29T01:30", "ongoing", ["night"], "dawn"),  # 02:30 CET, the second time
        ("2023-10-29T02:29", "ongoing", ["night"], "dawn"),  # 03:29 CET
        ("2023-10-29T02:30", "ongoing", ["dawn"], None),  # 03:30 CET
        ("2023-10-29T03:00", "finished", [], None),
    ],
)
def test_a_door_through_the_autumn_night(utc_time: str, status: str, current: list, upcoming) -> None:
    programme = parse_programme(two_day_programme("2023-10-28", "2023-10-29"))
    at_utc = dt.datetime.fromisoformat(utc_time).replace(tzinfo=UTC)
    # The same instant told in UTC and in Paris time (fold=1 in the repeated hour) gets the same answer.
    for at in (at_utc, at_utc.astimezone(PARIS)):
        state = schedule.room_state(programme, "salle-i", at)
        assert observed(state) == (status, current, upcoming), at


def test_a_door_in_the_second_0230_of_the_autumn_night() -> None:
    extra = """\
  - id: first-0230
    date: 2023-10-29
    start: "02:00"
    end: "02:45"
    room: salle-ix
    title: {fr: Première, en: First}
"""
    programme = parse_programme(two_day_programme("2023-10-28", "2023-10-29", extra))
    first = programme.session("first-0230")
    assert first.start.astimezone(UTC) == dt.datetime(2023, 10, 29, 0, 0, tzinfo=UTC)  # 02:00 CEST
    second_0230 = dt.datetime(2023, 10, 29, 2, 30, fold=1, tzinfo=PARIS)  # 01:30 UTC: first-0230 is over
    assert schedule.room_state(programme, "salle-ix", second_0230).status == "finished"
    first_0230 = dt.datetime(2023, 10, 29, 2, 30, fold=0, tzinfo=PARIS)
    assert schedule.room_state(programme, "salle-ix", first_0230).status == "ongoing"


@pytest.mark.parametrize(
    ("utc_time", "status", "current", "upcoming"),
    [
        ("2023-03-26T00:29", "upcoming", [], "night"),
        ("2023-03-26T00:30", "ongoing", ["night"], "dawn"),  # 01:30 CET
        ("2023-03-26T00:59", "ongoing", ["night"], "dawn"),  # 01:59 CET
        ("2023-03-26T01:00", "ongoing", ["night"], "dawn"),  # 03:00 CEST
        ("2023-03-26T01:30", "ongoing", ["dawn"], None),  # 03:30 CEST
    ],
)
def test_a_door_through_the_spring_night(utc_time: str, status: str, current: list, upcoming) -> None:
    programme = parse_programme(two_day_programme("2023-03-25", "2023-03-26"))
    at_utc = dt.datetime.fromisoformat(utc_time).replace(tzinfo=UTC)
    for at in (at_utc, at_utc.astimezone(PARIS)):
        assert observed(schedule.room_state(programme, "salle-i", at)) == (status, current, upcoming), at


def test_phases_of_a_two_day_event() -> None:
    programme = parse_programme(two_day_programme("2023-03-25", "2023-03-26"))

    def phase(when: str) -> str:
        return schedule.room_state(
            programme, "salle-i", dt.datetime.fromisoformat(when).replace(tzinfo=PARIS)
        ).phase

    assert phase("2023-03-24T20:00") == "before_event"
    assert phase("2023-03-25T19:00") == "before_first"
    assert phase("2023-03-25T21:00") == "after_last"  # nothing more today; the night is tomorrow
    assert phase("2023-03-26T00:30") == "before_first"
    assert phase("2023-03-26T05:00") == "after_last"
    assert phase("2023-03-27T05:00") == "after_event"
    assert schedule.room_state(programme, "salle-ix", paris("10:00", "2023-03-25")).phase == "no_sessions"


def test_a_session_crossing_midnight() -> None:
    extra = """\
  - id: late-party
    start: "2023-10-28 23:00"
    end: "2023-10-29 00:30"
    room: salle-ix
    kind: social
    title: {fr: Fête, en: Party}
"""
    programme = parse_programme(two_day_programme("2023-10-28", "2023-10-29", extra))
    party = programme.session("late-party")
    assert party.end - party.start == dt.timedelta(minutes=90)
    for when, status in [
        ("2023-10-28T22:59", "upcoming"),
        ("2023-10-28T23:00", "ongoing"),
        ("2023-10-29T00:00", "ongoing"),
        ("2023-10-29T00:29", "ongoing"),
        ("2023-10-29T00:30", "finished"),
    ]:
        state = schedule.room_state(
            programme, "salle-ix", dt.datetime.fromisoformat(when).replace(tzinfo=PARIS)
        )
        assert state.status == status, when
    past_midnight = schedule.room_state(programme, "salle-ix", paris("00:10", "2023-10-29"))
    assert past_midnight.phase == "ongoing"
    assert [s.id for s in past_midnight.current] == ["late-party"]


SPARE_ROOM = """\
format: 1
event:
  id: spare
  title: {fr: Salle libre, en: Spare room}
  languages: [fr, en]
  timezone: Europe/Paris
  dates: {first: 2023-03-28}
rooms:
  - id: salle-i
    name: {fr: Salle I, en: Room I}
  - id: salle-x
    name: {fr: Salle X, en: Room X}
sessions:
  - id: welcome
    start: "10:00"
    end: "10:05"
    room: salle-i
    title: {fr: Bienvenue, en: Welcome}
"""
