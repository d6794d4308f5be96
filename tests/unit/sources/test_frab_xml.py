"""frab / pentabarf schedule XML: the real 31C3 export, the FOSDEM dialect, and broken files."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.programme import ProgrammeError
from kiosk.sources import check_any, read_any
from kiosk.sources.frab_xml import read_frab_xml

from ...shared_testdata import real_export

DATA = Path(__file__).parents[2] / "data" / "sources"
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
CET = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(scope="module")
def congress():
    return read_any(real_export("31c3-frab-schedule.xml"))


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def warnings_of(problems) -> list[str]:
    return [str(p) for p in problems if p.warning]


def schedule_xml(events: str, day: str = "<day date='2024-05-02' index='1'>", conference: str = "") -> bytes:
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n<schedule>\n<conference><title>Test</title>"
        f"<acronym>test</acronym>{conference}</conference>\n{day}\n<room name='Hall A'>\n{events}\n"
        "</room>\n</day>\n</schedule>\n"
    ).encode()


def event(
    ident: str, start: str, length: str = "00:30", date: str = "", title: str = "", guid: str = ""
) -> str:
    return (
        f"<event id='{ident}'"
        + (f" guid='{guid}'" if guid else "")
        + ">"
        + (f"<date>{date}</date>" if date else "")
        + f"<start>{start}</start><duration>{length}</duration><room>Hall A</room>"
        f"<title>{title or 'Talk ' + ident}</title><type>lecture</type></event>\n"
    )


# -- the 31C3 export ---------------------------------------------------------------------------------
def test_31c3_opening_event_is_on_in_saal_1_at_11_10(congress):
    state = schedule.room_state(congress, congress.find_room("Saal 1").id, at("2014-12-27T11:10:00+01:00"))
    assert [s.title.get("en") for s in state.current] == ["31C3 Opening Event"]
    assert state.next.title.get("en") == "31C3 Keynote"


def test_31c3_has_every_event_rooms_as_slugs_and_its_talks_languages(congress):
    assert len(congress.sessions) == 138
    assert [r.id for r in congress.rooms] == ["saal-1", "saal-2", "saal-g", "saal-6"]
    assert congress.room("saal-g").name.get("de") == "Saal G"
    # 113 English talks, 25 German: German is under a fifth of the talks, so the screens speak English.
    assert congress.event.languages == ("en",)
    assert congress.event.id == "31c3"
    assert congress.event.title.get("de") == "31. Chaos Communication Congress"


def test_31c3_ids_are_unique_valid_and_sessions_sorted(congress):
    ids = [s.id for s in congress.sessions]
    assert len(set(ids)) == len(ids)
    assert all(ID.match(i) for i in ids)
    # guids such as "-n9QScyDLXMEwkqrCHASYw" cannot start an id: the leading "-" is dropped
    assert "n9QScyDLXMEwkqrCHASYw" in ids
    starts = [s.start for s in congress.sessions]
    assert starts == sorted(starts)


def test_31c3_title_fills_every_language_and_records_the_talks_language(congress):
    german = next(s for s in congress.sessions if s.title.get("de").startswith("„Wir beteiligen"))
    assert german.title.by_lang == {"en": german.title.get("de")}
    assert german.title.get("en") == "„Wir beteiligen uns aktiv an den Diskussionen“"
    assert german.language == "de"
    assert german.kind == "talk"  # frab's "lecture"
    assert [p.name for p in german.people] == ["Martin Haase/maha"]
    assert {p.role for s in congress.sessions for p in s.people} == {"speaker"}
    # the subtitle leads the description, the abstract follows
    assert german.description.get("en").startswith("Die digitale „Agenda“ der Bundesregierung")


def test_31c3_podium_is_a_panel(congress):
    assert {s.kind for s in congress.sessions} == {"talk", "panel", "other"}


def test_31c3_event_after_midnight_is_on_the_next_calendar_date(congress):
    # In day 1 (27 December) at 00:00: the congress day runs until 04:00 next morning.
    late = congress.session("77aea78c-f2d2-461a-92b3-82929a79d598")
    assert late.start == dt.datetime(2014, 12, 28, 0, 0, tzinfo=CET)
    assert late.end == dt.datetime(2014, 12, 28, 2, 15, tzinfo=CET)
    state = schedule.room_state(congress, "saal-1", at("2014-12-28T01:00:00+01:00"))
    assert [s.id for s in state.current] == [late.id]


def test_31c3_without_a_zone_name_shows_times_at_its_offset_and_says_so(congress):
    assert congress.event.timezone == "Etc/GMT-1"
    assert congress.sessions[0].start.astimezone(congress.event.zone).strftime("%H:%M") == "11:00"
    (warning,) = congress.warnings
    assert warning.warning and warning.line == 4 and "--timezone" in warning.message


def test_31c3_with_a_given_zone_keeps_every_instant(congress):
    data = real_export("31c3-frab-schedule.xml").read_bytes()
    berlin, problems = read_frab_xml(data, "31c3.xml", timezone="Europe/Berlin")
    assert problems == []
    assert berlin.event.timezone == "Europe/Berlin"
    assert [(s.id, s.start, s.end) for s in berlin.sessions] == [
        (s.id, s.start, s.end) for s in congress.sessions
    ]


# -- the FOSDEM dialect: no <date>, no time zone ----------------------------------------------------
@pytest.fixture(scope="module")
def fosdem_bytes() -> bytes:
    return (DATA / "fosdem-dialect.xml").read_bytes()


def test_fosdem_without_a_zone_reads_the_device_zone_and_warns(fosdem_bytes, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Brussels")
    programme, problems = check_any(fosdem_bytes, "fosdem.xml")
    assert programme.event.timezone == "Europe/Brussels"
    assert any(
        "no time zone" in w and "this device's zone, Europe/Brussels" in w and "--timezone" in w
        for w in warnings_of(problems)
    )
    assert programme.session("3490").start == dt.datetime(2015, 1, 31, 9, 30, tzinfo=CET)


def test_fosdem_on_a_device_in_utc_reads_utc_and_says_so(fosdem_bytes):
    programme, problems = check_any(fosdem_bytes, "fosdem.xml")
    assert programme.event.timezone == "UTC"
    assert any("this device's zone, UTC" in w for w in warnings_of(problems))
    assert programme.session("3490").start == dt.datetime(2015, 1, 31, 9, 30, tzinfo=dt.UTC)


def test_fosdem_with_a_zone_places_days_and_the_small_hours(fosdem_bytes):
    programme, problems = check_any(fosdem_bytes, "fosdem.xml", timezone="Europe/Brussels")
    assert programme.event.timezone == "Europe/Brussels"
    assert programme.session("3490").start == dt.datetime(2015, 1, 31, 9, 30, tzinfo=CET)
    # 00:30 is before the day change (09:00): it belongs to the night after 31 January
    assert programme.session("3494").start == dt.datetime(2015, 2, 1, 0, 30, tzinfo=CET)
    # 23:30 + 1 h crosses midnight
    assert programme.session("3493").end == dt.datetime(2015, 2, 1, 0, 30, tzinfo=CET)
    assert programme.session("3600").start == dt.datetime(2015, 2, 1, 17, 0, tzinfo=CET)
    assert (programme.event.first_day, programme.event.last_day) == (
        dt.date(2015, 1, 31),
        dt.date(2015, 2, 1),
    )
    assert not any("time zone" in w for w in warnings_of(problems))


def test_fosdem_skips_what_it_cannot_read_and_says_where(fosdem_bytes):
    programme, problems = check_any(fosdem_bytes, "fosdem.xml", timezone="Europe/Brussels")
    line = next(n for n, text in enumerate(fosdem_bytes.decode().splitlines(), 1) if 'id="3492"' in text)
    (skipped,) = [p for p in problems if "3492" in p.message]
    assert skipped.warning
    assert (skipped.file, skipped.line, skipped.column) == ("fosdem.xml", line, 7)
    assert skipped.path == "schedule/day[1]/room[@name='Janson']/event[3]"
    assert "duration" in skipped.message
    with pytest.raises(KeyError):
        programme.session("3492")


def test_fosdem_kinds_html_venue_and_people(fosdem_bytes):
    programme, _ = check_any(fosdem_bytes, "fosdem.xml", timezone="Europe/Brussels")
    kinds = {s.id: s.kind for s in programme.sessions}
    assert kinds == {
        "3490": "plenary",
        "3491": "talk",
        "3493": "talk",
        "3494": "other",
        "3500": "meal",
        "3600": "plenary",
    }
    assert programme.session("3490").description.get("en") == "FOSDEM welcome & opening talk."
    assert programme.session("3491").description.get("fr") == "Où en sommes-nous ?\n\nPlain text, no markup."
    assert [p.name for p in programme.session("3491").people] == ["Élise Dupont", "Jan Jansen"]
    assert programme.event.venue.name.get("en") == "ULB (Université Libre de Bruxelles)"
    assert programme.event.languages == ("en",)  # one French talk of six: under a fifth
    assert programme.room("k-1-105-la-fontaine").name.get("fr") == "K.1.105 (La Fontaine)"


# -- placing times --------------------------------------------------------------------------------
def test_day_start_and_end_place_a_time_only_event_after_midnight():
    day = (
        "<day date='2024-05-02' index='1' start='2024-05-02T11:00:00+02:00' end='2024-05-03T04:00:00+02:00'>"
    )
    data = schedule_xml(event("1", "23:00") + event("2", "01:00") + event("3", "10:00"), day)
    programme, _ = read_frab_xml(data, "t.xml", timezone="Europe/Berlin")
    starts = {s.id: s.start.isoformat() for s in programme.sessions}
    assert starts == {
        "1": "2024-05-02T23:00:00+02:00",
        "2": "2024-05-03T01:00:00+02:00",  # the small hours of the congress day
        "3": "2024-05-02T10:00:00+02:00",  # before the day's start but after its end: same date
    }


def test_a_declared_zone_that_agrees_with_the_offsets_is_used_silently():
    data = schedule_xml(
        event("1", "10:00", date="2024-05-02T10:00:00+02:00"),
        conference="<time_zone_name>Europe/Amsterdam</time_zone_name>",
    )
    programme, problems = read_frab_xml(data, "t.xml")
    assert programme.event.timezone == "Europe/Amsterdam"
    assert problems == []


def test_a_date_without_offset_is_read_in_the_events_zone():
    data = schedule_xml(
        event("1", "10:00", date="2024-05-02T10:00:00"),
        conference="<time_zone_name>Europe/Paris</time_zone_name>",
    )
    programme, _ = read_frab_xml(data, "t.xml")
    assert programme.sessions[0].start.isoformat() == "2024-05-02T10:00:00+02:00"


def test_seconds_widen_a_session_to_whole_minutes():
    data = schedule_xml(
        event("1", "10:00:30", length="00:29:10"), conference="<time_zone_name>UTC</time_zone_name>"
    )
    (session,) = read_frab_xml(data, "t.xml")[0].sessions
    assert (session.start.time(), session.end.time()) == (dt.time(10, 0), dt.time(10, 30))


# -- rooms, ids and overlaps -----------------------------------------------------------------------
def test_overlapping_events_are_all_kept_and_reported_with_both_places():
    """Issue 14.3: a long entry and the talks within it are all shown (the door's "also now")."""
    events = (
        event("1", "09:00", "08:00", title="Whole day")
        + event("2", "09:00", "01:00")
        + event("3", "10:00", "01:00")
    )
    programme, problems = read_frab_xml(schedule_xml(events), "t.xml", timezone="UTC")
    assert [s.id for s in programme.sessions] == ["1", "2", "3"]
    first, second = warnings_of(problems)
    assert "'Talk 2' overlaps event 1 'Whole day' (line 6) in room 'Hall A': both are shown" in first
    assert first.startswith("t.xml:") and "/event[2]" in first
    assert "'Talk 3' overlaps event 1 'Whole day' (line 6)" in second
    state = schedule.room_state(programme, "hall-a", dt.datetime(2024, 5, 2, 10, 30, tzinfo=dt.UTC))
    assert [s.id for s in state.current] == ["1", "3"]


def test_the_events_own_entry_spanning_its_sessions_is_left_out():
    events = event("1", "09:00", "08:00", title="Test") + event("2", "09:00", "01:00")
    programme, problems = read_frab_xml(schedule_xml(events), "t.xml", timezone="UTC")
    assert [s.id for s in programme.sessions] == ["2"]
    (dropped,) = warnings_of(problems)
    assert "is the event itself" in dropped and "skipped" in dropped


def test_ids_are_made_valid_and_unique():
    events = (
        event("7", "09:00", guid="_abc")
        + event("8", "10:00", guid="abc")
        + event("9", "11:00", guid="x y@z")
        + event("10", "12:00", guid="x y@z")
    )
    programme, _ = read_frab_xml(schedule_xml(events), "t.xml", timezone="UTC")
    assert [s.id for s in programme.sessions] == ["abc", "8", "x-y-z", "10"]


def test_an_event_without_title_or_time_is_skipped_with_its_place():
    events = (
        event("1", "09:00")
        + "<event id='2'><start>soon</start><duration>00:30</duration><title>X</title></event>"
    )
    events += "<event id='3'><start>11:00</start><duration>00:30</duration><title> </title></event>"
    programme, problems = read_frab_xml(schedule_xml(events), "t.xml", timezone="UTC")
    assert [s.id for s in programme.sessions] == ["1"]
    messages = warnings_of(problems)
    assert any("event[2]" in m and "start" in m and "skipped" in m for m in messages)
    assert any("event[3]" in m and "no title" in m for m in messages)


# -- broken files: an error with its place, never a traceback --------------------------------------
def test_xml_that_is_not_well_formed_is_an_error_with_line_and_column():
    programme, problems = check_any(b"<schedule>\n  <day>\n</schedule>\n", "bad.xml")
    assert programme is None
    (problem,) = problems
    assert (problem.line, problem.column) == (3, 3)
    assert "not well-formed" in problem.message and "mismatched tag" in problem.message


def test_entities_are_refused():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<schedule><conference><title>&lol2;</title></conference></schedule>"""
    programme, problems = check_any(bomb, "bomb.xml")
    assert programme is None
    assert "refused for safety" in problems[0].message


def test_xml_that_is_not_a_schedule_is_an_error(tmp_path):
    feed = tmp_path / "schedule"
    feed.write_bytes(b"<rss><channel/></rss>")
    with pytest.raises(ProgrammeError) as caught:
        read_any(feed)
    assert caught.value.first.message == "expected a <schedule> element, found <rss>"
    assert (caught.value.first.line, caught.value.first.column) == (1, 1)


@pytest.mark.parametrize(
    "data, named",
    [
        (b"<html><body>Not found</body></html>", "an HTML web page"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html></html>', "an HTML web page"),
        (b"%PDF-1.7\n...", "a PDF document"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (a spreadsheet or an office document?)"),
        (b'<?xml version="1.0"?><icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"/>', "xCal"),
        (b'["vcalendar", [], []]', "jCal"),
    ],
)
def test_a_format_kiosk_does_not_read_is_named(tmp_path, data, named):
    """Issue 14.2: a file in a format kiosk does not read says what it is, not a parse error."""
    path = tmp_path / "schedule"
    path.write_bytes(data)
    with pytest.raises(ProgrammeError) as caught:
        read_any(path)
    assert caught.value.first.message.startswith(f"this is {named}")
    assert "kiosk reads kiosk programme YAML, frab/pentabarf schedule XML" in caught.value.first.message


def test_a_schedule_with_no_usable_event_is_an_error():
    programme, problems = check_any(schedule_xml(event("1", "09:00", length="0:00")), "t.xml")
    assert programme is None
    assert any("lasts no time" in str(p) for p in problems)
    assert [p.message for p in problems if not p.warning] == ["no session could be imported from this file"]


def test_impossible_clock_times_and_years_are_skipped_not_a_crash():
    events = (
        event("1", "10:00:99") + event("2", "10:00", date="9999-12-31T23:00:00+00:00") + event("3", "11:00")
    )
    programme, problems = read_frab_xml(schedule_xml(events), "t.xml", timezone="UTC")
    assert [s.id for s in programme.sessions] == ["3"]
    assert [p.path.rsplit("/", 1)[1] for p in problems] == ["event[1]", "event[2]"]


def test_an_unknown_encoding_is_an_error():
    programme, problems = check_any(b"<?xml version='1.0' encoding='klingon'?>\n<schedule/>", "k.xml")
    assert programme is None
    assert "encoding" in problems[0].message and "klingon" in problems[0].message


# -- the older pentabarf layout (issue 14.2): <event> right under <day>, naming its <room> ----------
PENTABARF_2007 = b"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Old Meeting</title><city>Brussels</city><day_change>09:00:00</day_change></conference>
  <day index="1" date="2007-02-24">
  <event id="10"><start>10:00</start><duration>00:45</duration><room>Janson</room>
      <title>Welcome</title><persons><person id="1">Ann Example</person></persons></event>
  <event id="11"><start>11:00</start><duration>01:00</duration><room>H.2214</room>
      <title>Kernel</title></event>
  <event id="12"><start>11:00</start><duration>00:30</duration><room>Janson</room>
      <title>Keynote</title></event>
  </day>
  <day index="2" date="2007-02-25">
  <event id="20"><start>09:30</start><duration>00:30</duration><room>H.2214</room>
      <title>Sunday</title></event>
  </day>
</schedule>
"""


def test_the_older_pentabarf_layout_is_read():
    programme, problems = check_any(PENTABARF_2007, "old.xml", timezone="Europe/Brussels")
    assert problems == []
    assert [r.name.get("en") for r in programme.rooms] == ["Janson", "H.2214"]
    welcome = programme.session("10")
    assert (welcome.start, welcome.end, welcome.room) == (
        dt.datetime(2007, 2, 24, 10, 0, tzinfo=CET),
        dt.datetime(2007, 2, 24, 10, 45, tzinfo=CET),
        "janson",
    )
    assert [p.name for p in welcome.people] == ["Ann Example"]
    assert programme.session("20").start == dt.datetime(2007, 2, 25, 9, 30, tzinfo=CET)
    assert (programme.event.first_day, programme.event.last_day) == (
        dt.date(2007, 2, 24),
        dt.date(2007, 2, 25),
    )


def test_fosdem_2007_gives_every_event_and_room():
    programme, _ = check_any(
        real_export("real/fosdem-2007.xml").read_bytes(), "fosdem-2007.xml", "Europe/Brussels"
    )
    assert (len(programme.sessions), len(programme.rooms)) == (215, 18)


# -- cancelled sessions (issue 14.4) ----------------------------------------------------------------
def test_cancelled_marks_in_titles_and_states():
    events = (
        event("1", "09:00", title="CANCELLED Testing apps")
        + event("2", "10:00", title="[Cancelled] Old talk")
        + event("3", "11:00", title="ABGESAGT: Vortrag")
        + event("4", "12:00", title="Cancelled flights: a history")
        + event("5", "13:00").replace("<type>", "<state>canceled</state><type>")
    )
    programme, _ = read_frab_xml(schedule_xml(events), "t.xml", timezone="UTC")
    assert [(s.title.get("en"), s.cancelled) for s in programme.sessions] == [
        ("Testing apps", True),
        ("Old talk", True),
        ("Vortrag", True),
        ("Cancelled flights: a history", False),
        ("Talk 5", True),
    ]
    state = schedule.room_state(programme, "hall-a", dt.datetime(2024, 5, 2, 9, 10, tzinfo=dt.UTC))
    assert state.current == () and state.next.id == "4"


def test_fosdem_2020_cancelled_talk_is_not_on():
    programme, _ = check_any(
        real_export("real/fosdem-2020.xml").read_bytes(), "fosdem-2020.xml", "Europe/Brussels"
    )
    cancelled = [s for s in programme.sessions if s.cancelled]
    assert sorted(s.title.get("en") for s in cancelled) == [
        "A way of GPU virtualization for container",
        "Testing apps with third-party API integrations",
        "United Nations Technology and Innovation Labs",
    ]
    for session in cancelled:
        state = schedule.room_state(programme, session.room, session.start + dt.timedelta(minutes=1))
        assert session not in state.current and session in state.cancelled
