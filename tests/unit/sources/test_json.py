"""The frab / pretalx / c3voc schedule JSON: the real camp2019 and pretalx-democon exports, broken files."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kiosk import schedule
from kiosk.sources import check_any, read_any
from kiosk.sources.schedule_json import read_schedule_json

from ...shared_testdata import real_export

CEST = dt.timezone(dt.timedelta(hours=2))
CET = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(scope="module")
def camp():
    return read_any(real_export("frab-camp2019.json"))


@pytest.fixture(scope="module")
def democon():
    return read_any(real_export("pretalx-democon.json"))


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def document(rooms: dict, zone: str | None = "Europe/Berlin", wrap: bool = True) -> bytes:
    conference = {
        "acronym": "democamp",
        "title": "Demo Camp",
        "days": [
            {"index": 1, "date": "2024-08-01", "day_start": "2024-08-01T09:00:00+02:00", "rooms": rooms}
        ],
    }
    if zone:
        conference["time_zone_name"] = zone
    return json.dumps(
        {"schedule": {"version": "1", "conference": conference}} if wrap else {"conference": conference}
    ).encode()


def talk(ident: int, date: str | None, **extra) -> dict:
    out = {"guid": f"g-{ident}", "id": ident, "title": f"Talk {ident}", "duration": "00:30", "type": "Talk"}
    if date:
        out["date"] = date
    return out | extra


# -- camp2019 --------------------------------------------------------------------------------------
def test_camp2019_opening_ceremony_is_on_in_curie(camp):
    state = schedule.room_state(camp, camp.find_room("Curie").id, at("2019-08-21T11:10:00+02:00"))
    assert [s.title.get("en") for s in state.current] == ["Opening Ceremony"]
    assert state.current[0].url == "https://fahrplan.events.ccc.de/camp/2019/Fahrplan/events/10386.html"


def test_camp2019_zone_rooms_languages_and_no_warning(camp):
    assert camp.event.timezone == "Europe/Berlin"
    assert camp.warnings == ()
    assert [r.id for r in camp.rooms] == ["curie", "meitner"]
    assert camp.event.languages == ("en", "de")
    assert len(camp.sessions) == 79
    assert camp.sessions[0].start == dt.datetime(2019, 8, 21, 11, 0, tzinfo=CEST)
    assert {s.kind for s in camp.sessions} == {"talk", "activity"}  # lecture, performance


def test_camp2019_stray_spaces_and_crlf_are_cleaned(camp):
    titles = [s.title.get("en") for s in camp.sessions]
    assert "Hacking Containers and Kubernetes" in titles
    assert "Die 5G-Überwachungsstandards" in titles
    assert all(t == t.strip() and "  " not in t for t in titles)
    texts = [s.description.get("de") for s in camp.sessions if s.description]
    assert texts and not any("\r" in t for t in texts)


# -- pretalx democon --------------------------------------------------------------------------------
def test_democon_trusts_each_events_offset_over_its_utc_claim(democon):
    first = democon.sessions[0]
    assert first.start == dt.datetime(2020, 12, 14, 9, 0, tzinfo=CET)
    assert democon.event.timezone == "Etc/GMT-1"  # screens show 09:00, as the times are written
    (warning,) = democon.warnings
    assert "UTC" in warning.message and "+01:00" in warning.message
    assert warning.path == "schedule.conference.time_zone_name"


def test_democon_rooms_sharing_a_guid_keep_unique_ids(democon):
    assert [r.id for r in democon.rooms] == ["gray-room", "tan-room"]
    state = schedule.room_state(democon, democon.find_room("Tan Room").id, at("2020-12-14T09:10:00+01:00"))
    assert [s.title.get("en") for s in state.current] == ["Managed stable function"]
    assert {s.kind for s in democon.sessions} == {"talk", "workshop"}


# -- reading events --------------------------------------------------------------------------------
def test_an_unusable_event_is_skipped_with_its_json_path():
    rooms = {"Saal 1": [talk(1, "2024-08-01T10:00:00+02:00"), talk(2, None), talk(3, "tomorrow")]}
    programme, problems = read_schedule_json(document(rooms), "s.json")
    assert [s.id for s in programme.sessions] == ["g-1"]
    paths = [p.path for p in problems if p.warning]
    assert paths == [
        'schedule.conference.days[0].rooms["Saal 1"][1]',
        'schedule.conference.days[0].rooms["Saal 1"][2]',
    ]
    assert all(p.line == 0 for p in problems)


def test_a_start_without_date_uses_the_day_and_its_small_hours():
    rooms = {"Saal 1": [talk(1, None, start="23:30"), talk(2, None, start="01:00")]}
    programme, _ = read_schedule_json(document(rooms), "s.json")
    assert [s.start.isoformat() for s in programme.sessions] == [
        "2024-08-01T23:30:00+02:00",
        "2024-08-02T01:00:00+02:00",
    ]


def test_end_is_preferred_to_duration_and_persons_and_language_are_read():
    event = talk(
        1,
        "2024-08-01T10:00:00+02:00",
        end="2024-08-01T11:15:00+02:00",
        language="DE",
        persons=[{"public_name": " Ada  Lovelace "}, {"name": "Grace Hopper"}, {"id": 3}],
        subtitle="  Sub ",
        abstract="One\r\nTwo",
    )
    programme, _ = read_schedule_json(document({"Saal 1": [event]}), "s.json")
    (session,) = programme.sessions
    assert session.end == dt.datetime(2024, 8, 1, 11, 15, tzinfo=CEST)
    assert session.language == "de"
    assert [p.name for p in session.people] == ["Ada Lovelace", "Grace Hopper"]
    assert session.description.get("de") == "Sub\n\nOne Two"  # a paragraph's lines joined (issue 14.6)
    assert programme.event.languages == ("de",)


def test_a_conference_without_the_schedule_wrapper_is_read():
    programme, _ = check_any(
        document({"Saal 1": [talk(1, "2024-08-01T10:00:00+02:00")]}, wrap=False), "c.json"
    )
    assert programme is not None and programme.sessions[0].id == "g-1"


def test_no_zone_name_and_no_offset_reads_utc_with_a_warning():
    programme, problems = read_schedule_json(
        document({"A": [talk(1, "2024-08-01T10:00:00")]}, zone=None), "s.json"
    )
    assert programme.event.timezone == "UTC"
    assert any("--timezone" in p.message for p in problems)
    given, problems = read_schedule_json(
        document({"A": [talk(1, "2024-08-01T10:00:00")]}, zone=None), "s.json", "Europe/Rome"
    )
    assert given.sessions[0].start.isoformat() == "2024-08-01T10:00:00+02:00"
    assert problems == []


# -- broken files ----------------------------------------------------------------------------------
def test_broken_json_is_an_error_with_line_and_column():
    programme, problems = check_any(b'{"schedule": {\n  "conference": [1, 2,,]\n}}', "bad.json")
    assert programme is None
    assert (problems[0].line, problems[0].column) == (2, 23)
    assert problems[0].message.startswith("not valid JSON")


def test_a_schedule_without_conference_or_days_is_an_error():
    programme, problems = check_any(b'{"schedule": {"version": "1"}}', "s.json")
    assert programme is None
    assert problems[0].path == "schedule.conference"
    programme, problems = check_any(b'{"schedule": {"conference": {"title": "X", "days": 3}}}', "s.json")
    assert programme is None
    assert [p.message for p in problems if not p.warning] == ["no session could be imported from this file"]


def test_wrong_types_are_skipped_not_a_traceback():
    rooms = {
        "A": [17, {"date": 5, "title": ["x"]}, talk(1, "2024-08-01T10:00:00+02:00", persons="nobody")],
        "B": "x",
    }
    programme, problems = read_schedule_json(document(rooms), "s.json")
    assert [s.id for s in programme.sessions] == ["g-1"]
    assert programme.sessions[0].people == ()
    assert sum(p.warning for p in problems) == 3


def test_a_given_zone_names_the_events_zone_but_never_moves_a_written_offset():
    data = real_export("pretalx-democon.json").read_bytes()
    programme, problems = read_schedule_json(data, "democon.json", timezone="America/New_York")
    assert problems == []
    assert programme.event.timezone == "America/New_York"
    assert programme.sessions[0].start == dt.datetime(2020, 12, 14, 9, 0, tzinfo=CET)
    assert programme.sessions[0].start.isoformat() == "2020-12-14T03:00:00-05:00"


# -- schedule JSON version 2 (issue 14.2): one flat list of events -----------------------------------
def version_2(events: list) -> bytes:
    conference = {
        "acronym": "hub",
        "title": "Hub",
        "time_zone_name": "Europe/Berlin",
        "rooms": [{"name": "Saal 1", "guid": "r1"}, {"name": "Stage", "guid": "r2"}],
        "days": [{"index": 1, "date": "2024-12-27"}, {"index": 2, "date": "2024-12-28"}],
    }
    return json.dumps({"schedule": {"version": "2", "conference": conference, "events": events}}).encode()


def test_schedule_json_version_2_is_read():
    events = [
        {
            "guid": "a",
            "type": "TALK",
            "title": "Opening",
            "start": "2024-12-27T10:30:00+01:00",
            "end": "2024-12-27T11:00:00+01:00",
            "room": {"name": "Saal 1", "guid": "r1"},
            "language": "en",
            "participants": [
                {"name": "Ada", "role": "SPEAKER"},
                {"name": "Bob", "role": "CONTRIBUTOR"},
                {"name": "Cy", "role": "MODERATOR"},
            ],
        },
        {
            "guid": "b",
            "type": "OTHER",
            "title": "Night",
            "start": "2024-12-28T00:15:00+01:00",
            "end": "2024-12-28T00:55:00+01:00",
            "room": "Stage",
        },
    ]
    programme, problems = check_any(version_2(events), "hub.json")
    assert problems == []
    assert programme.event.timezone == "Europe/Berlin"
    opening = programme.session("a")
    assert (opening.start, opening.end, opening.room) == (
        at("2024-12-27T10:30+01:00"),
        at("2024-12-27T11:00+01:00"),
        "saal-1",
    )
    assert [(p.name, p.role) for p in opening.people] == [("Ada", "speaker"), ("Cy", "moderator")]
    assert programme.session("b").room == "stage"
    assert (programme.event.first_day, programme.event.last_day) == (
        dt.date(2024, 12, 27),
        dt.date(2024, 12, 28),
    )


def test_a_schedule_json_in_neither_layout_says_so():
    data = json.dumps(
        {"schedule": {"version": "x", "conference": {"title": "T", "days": [{"date": "2024-01-01"}]}}}
    )
    programme, problems = check_any(data.encode(), "odd.json")
    assert programme is None
    assert "layout kiosk does not read" in problems[0].message and "version 2" in problems[0].message
