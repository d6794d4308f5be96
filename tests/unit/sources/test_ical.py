"""iCalendar: an Indico-like export, TZID / UTC / floating times, and what cannot be imported."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from kiosk import schedule
from kiosk.sources import check_any
from kiosk.sources.ical import read_icalendar

from ...shared_testdata import real_export

CEST = dt.timezone(dt.timedelta(hours=2))
UTC = dt.UTC


def indico_calendar() -> bytes:
    """A calendar written the way Indico writes one (with the icalendar library, times in UTC)."""
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//CERN//INDICO//EN")
    calendar.add("x-wr-calname", "Detector Physics Workshop 2024")

    def entry(uid, title, start, minutes, room, speakers=(), text="", categories=()):
        component = icalendar.Event()
        component.add("dtstamp", dt.datetime(2024, 5, 1, tzinfo=UTC))
        component.add("dtstart", start)
        component.add("dtend", start + dt.timedelta(minutes=minutes))
        component.add("summary", title)
        component.add("uid", uid)
        url = f"https://indico.example.org/event/42/contributions/{uid.split('-')[-1].split('@')[0]}/"
        component.add("url", url)
        component.add("location", f"{room} (CERN)")
        description = [f"Speakers: {', '.join(speakers)}"] if speakers else []
        description += [text] if text else []
        component.add("description", "\n\n".join([*description, url]))
        if categories:
            component.add("categories", list(categories))
        calendar.add_component(component)

    day = dt.datetime(2024, 6, 10, 7, 0, tzinfo=UTC)  # 09:00 in Geneva
    # Indico's whole-event entry spans the day in the main room: it is the one left out.
    entry(
        "indico-event-42@indico.example.org", "Detector Physics Workshop 2024", day, 9 * 60, "Main Auditorium"
    )
    entry(
        "indico-contribution-1@indico.example.org",
        "Welcome and introduction",
        day,
        15,
        "Main Auditorium",
        ["Fabiola Gianotti (CERN)"],
        "Opening of the workshop.",
    )
    entry(
        "indico-contribution-2@indico.example.org",
        "Silicon trackers: status and outlook",
        day + dt.timedelta(minutes=15),
        45,
        "Main Auditorium",
        ["Jane Doe (University of Geneva, DPNC)", "John Smith"],
    )
    entry(
        "indico-contribution-3@indico.example.org",
        "Coffee break",
        day + dt.timedelta(hours=1),
        30,
        "Main Auditorium",
        categories=["Break"],
    )
    entry(
        "indico-contribution-4@indico.example.org",
        "Calorimetry for the next collider",
        day + dt.timedelta(minutes=90),
        60,
        "Council Chamber",
        ["Marie Curie (ESPCI)"],
        "Why granularity matters.\n\nAnd what it costs.",
        categories=["Talk"],
    )
    return calendar.to_ical()


def ics(*events: str, head: str = "") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kiosk tests//EN", *head.splitlines()]
    for n, body in enumerate(events, 1):
        lines += ["BEGIN:VEVENT", "DTSTAMP:20230101T000000Z", *body.strip().splitlines()]
        if not any(line.startswith("UID") for line in body.splitlines()):
            lines.append(f"UID:event-{n}@example.org")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def vevent(summary: str, start: str, end: str = "", location: str = "Salle I", extra: str = "") -> str:
    return "\n".join(
        line
        for line in (f"SUMMARY:{summary}", start, end, f"LOCATION:{location}" if location else "", extra)
        if line
    )


# -- an Indico-style calendar ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def indico():
    return check_any(indico_calendar(), "indico.ics", timezone="Europe/Zurich")


def test_indico_welcome_is_on_in_the_main_auditorium(indico):
    programme, _ = indico
    room = programme.find_room("Main Auditorium (CERN)")
    state = schedule.room_state(programme, room.id, dt.datetime(2024, 6, 10, 9, 10, tzinfo=CEST))
    assert [s.title.get("en") for s in state.current] == ["Welcome and introduction"]
    assert state.next.title.get("en") == "Silicon trackers: status and outlook"


def test_indico_calendar_name_rooms_zone_ids(indico):
    programme, _ = indico
    assert programme.event.title.get("en") == "Detector Physics Workshop 2024"
    assert programme.event.id == "detector-physics-workshop-2024"
    assert programme.event.timezone == "Europe/Zurich"
    assert [r.id for r in programme.rooms] == ["main-auditorium-cern", "council-chamber-cern"]
    assert [s.id for s in programme.sessions] == [
        "indico-contribution-1-indico.example.org",
        "indico-contribution-2-indico.example.org",
        "indico-contribution-3-indico.example.org",
        "indico-contribution-4-indico.example.org",
    ]


def test_indico_speakers_description_url_and_categories(indico):
    programme, _ = indico
    trackers = programme.session("indico-contribution-2-indico.example.org")
    assert [(p.name, p.role, p.affiliation.get("en")) for p in trackers.people] == [
        ("Jane Doe", "speaker", "University of Geneva, DPNC"),
        ("John Smith", "speaker", ""),
    ]
    assert not trackers.description  # Indico wrote only the speakers and the address
    calorimetry = programme.session("indico-contribution-4-indico.example.org")
    assert calorimetry.description.get("en") == "Why granularity matters.\n\nAnd what it costs."
    assert calorimetry.url == "https://indico.example.org/event/42/contributions/4/"
    assert calorimetry.kind == "talk"
    assert programme.session("indico-contribution-3-indico.example.org").kind == "break"
    assert programme.session("indico-contribution-1-indico.example.org").kind == "other"


def test_indico_whole_event_entry_is_left_out_with_its_place(indico):
    _, problems = indico
    (dropped,) = [p for p in problems if "indico-event-42" in p.message]
    assert dropped.warning and dropped.path == "VEVENT[1]" and "is the event itself" in dropped.message
    text = indico_calendar().decode()
    assert dropped.line == text.splitlines().index("BEGIN:VEVENT") + 1


def test_utc_calendar_without_a_zone_warns_and_keeps_instants():
    programme, problems = check_any(indico_calendar(), "indico.ics")
    assert programme.event.timezone == "UTC"
    assert any("names no time zone" in p.message and "--timezone" in p.message for p in problems)
    assert programme.sessions[0].start == dt.datetime(2024, 6, 10, 7, 0, tzinfo=UTC)


# -- times -----------------------------------------------------------------------------------------
MIXED = ics(
    vevent(
        "Named zone", "DTSTART;TZID=Europe/Paris:20230328T100000", "DTEND;TZID=Europe/Paris:20230328T103000"
    ),
    vevent("In UTC", "DTSTART:20230328T083000Z", "DTEND:20230328T090000Z"),
    vevent("Floating", "DTSTART:20230328T110000", "DURATION:PT45M"),
)


def test_tzid_utc_and_floating_times():
    programme, problems = read_icalendar(MIXED, "mixed.ics")
    assert problems == []
    assert programme.event.timezone == "Europe/Paris"  # the zone its times name
    starts = {s.title.get("en"): s.start.isoformat() for s in programme.sessions}
    assert starts == {
        "Named zone": "2023-03-28T10:00:00+02:00",
        "In UTC": "2023-03-28T10:30:00+02:00",
        "Floating": "2023-03-28T11:00:00+02:00",  # read in the event's zone
    }
    assert programme.session("event-3-example.org").end.isoformat() == "2023-03-28T11:45:00+02:00"


def test_floating_times_follow_the_given_zone_and_x_wr_timezone():
    given, _ = read_icalendar(MIXED, "mixed.ics", timezone="America/New_York")
    assert given.session("event-3-example.org").start.isoformat() == "2023-03-28T11:00:00-04:00"
    assert given.session("event-1-example.org").start.isoformat() == "2023-03-28T04:00:00-04:00"
    named, _ = read_icalendar(
        ics(vevent("F", "DTSTART:20230328T110000", "DTEND:20230328T120000"), head="X-WR-TIMEZONE:Asia/Tokyo"),
        "f.ics",
    )
    assert named.event.timezone == "Asia/Tokyo"
    assert named.sessions[0].start.isoformat() == "2023-03-28T11:00:00+09:00"


def test_floating_times_without_any_zone_are_utc_with_a_warning():
    programme, problems = read_icalendar(
        ics(vevent("F", "DTSTART:20230328T110000", "DTEND:20230328T120000")), "f.ics"
    )
    assert programme.sessions[0].start == dt.datetime(2023, 3, 28, 11, 0, tzinfo=UTC)
    assert any("--timezone" in p.message for p in problems)


def test_a_session_across_the_spring_forward_night_lasts_its_real_time():
    night = ics(
        vevent(
            "Night", "DTSTART;TZID=Europe/Paris:20230326T013000", "DTEND;TZID=Europe/Paris:20230326T033000"
        )
    )
    (session,) = read_icalendar(night, "n.ics")[0].sessions
    assert session.end - session.start == dt.timedelta(hours=1)


def test_a_windows_zone_name_is_understood():
    windows = ics(
        vevent(
            "W",
            "DTSTART;TZID=W. Europe Standard Time:20230328T100000",
            "DTEND;TZID=W. Europe Standard Time:20230328T110000",
        ),
        head="""BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE""",
    )
    programme, problems = read_icalendar(windows, "w.ics")
    assert programme.event.timezone == "Europe/Berlin"
    assert programme.sessions[0].start.isoformat() == "2023-03-28T10:00:00+02:00"
    assert problems == []


# -- what cannot be imported -----------------------------------------------------------------------
def test_skipped_events_are_reported_with_uid_index_and_line():
    data = ics(
        vevent(
            "Kept", "DTSTART;TZID=Europe/Paris:20230328T100000", "DTEND;TZID=Europe/Paris:20230328T110000"
        ),
        vevent("All day", "DTSTART;VALUE=DATE:20230328"),
        vevent("Cancelled", "DTSTART:20230328T120000Z", "DTEND:20230328T130000Z", extra="STATUS:CANCELLED"),
        vevent("No end", "DTSTART:20230328T140000Z"),
        vevent("Broken start", "DTSTART:2023-03-28 soon", "DTEND:20230328T150000Z"),
    )
    programme, problems = read_icalendar(data, "s.ics")
    # A cancelled entry is kept as a cancelled session (issue 14.4), never as what is on.
    assert [(s.title.get("en"), s.cancelled) for s in programme.sessions] == [
        ("Kept", False),
        ("Cancelled", True),
    ]
    lines = [n for n, line in enumerate(data.decode().splitlines(), 1) if line == "BEGIN:VEVENT"]
    found = {p.path: (p.line, p.message) for p in problems}
    assert set(found) == {"VEVENT[2]", "VEVENT[4]", "VEVENT[5]"}
    assert all(p.warning for p in problems)
    assert found["VEVENT[2]"][0] == lines[1]
    assert found["VEVENT[2]"][1].startswith(
        "event event-2@example.org 'All day' is an all-day entry; skipped"
    )
    assert "no usable DTEND or DURATION" in found["VEVENT[4]"][1]
    assert "no usable DTSTART" in found["VEVENT[5]"][1] and found["VEVENT[5]"][0] == lines[4]


def test_categories_chairs_language_repeats_and_rooms():
    data = ics(
        vevent(
            "Lunch",
            "DTSTART;TZID=Europe/Paris:20230328T120000",
            "DTEND;TZID=Europe/Paris:20230328T130000",
            location="",
            extra="CATEGORIES:Food,Lunch",
        ),
        vevent(
            "Table ronde",
            "DTSTART;TZID=Europe/Paris:20230328T140000",
            "DTEND;TZID=Europe/Paris:20230328T150000",
            extra="ATTENDEE;ROLE=CHAIR;CN=Jeanne Martin:mailto:j@example.org\n"
            "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Someone:mailto:s@example.org\nLANGUAGE:fr\nRRULE:FREQ=DAILY;COUNT=3",
        ),
        head="X-WR-CALNAME:Salle des Actes",
    )
    programme, problems = read_icalendar(data, "c.ics")
    lunch = programme.sessions[0]
    assert (lunch.kind, lunch.room) == ("meal", "salle-des-actes")  # no LOCATION: the calendar's name
    table = programme.sessions[1]
    assert [(p.name, p.role) for p in table.people] == [("Jeanne Martin", "moderator")]
    assert (table.language, table.room, table.kind) == ("fr", "salle-i", "other")
    messages = [p.message for p in problems]
    assert not any("RRULE" in m for m in messages)
    assert len(programme.sessions) == 4  # the lunch, and the round table on three days (COUNT=3)
    assert any("1 event without LOCATION put in the room 'Salle des Actes'" in m for m in messages)


def test_repeated_uids_get_unique_ids():
    data = ics(
        vevent("A", "DTSTART:20230328T080000Z", "DTEND:20230328T090000Z", extra="UID:same@x"),
        vevent(
            "B",
            "DTSTART:20230328T090000Z",
            "DTEND:20230328T100000Z",
            extra="UID:same@x\nRECURRENCE-ID:20230328T090000Z",
        ),
    )
    programme, _ = read_icalendar(data, "r.ics", timezone="UTC")
    # A RECURRENCE-ID makes them occurrences of one event: each id says which (issue 13.19).
    assert [s.id for s in programme.sessions] == ["same-x-20230328T0800", "same-x-20230328T0900"]


def test_a_broken_calendar_is_an_error_not_a_traceback():
    programme, problems = check_any(b"BEGIN:VCALENDAR\r\nthis is not a content line\r\n", "b.ics")
    assert programme is None
    assert problems[0].message.startswith("not a valid iCalendar file")
    programme, problems = check_any(ics(), "empty.ics")
    assert programme is None
    assert [p.message for p in problems if not p.warning] == ["no session could be imported from this file"]


def test_implausible_years_and_lengths_are_skipped_not_a_crash():
    data = ics(
        vevent("Typo year", "DTSTART:99991231T230000Z", "DURATION:PT2H"),
        vevent("Forever", "DTSTART:20240101T100000Z", "DURATION:P9999999D"),
        vevent("Kept", "DTSTART:20240101T100000Z", "DURATION:PT1H", location="Other"),
    )
    programme, problems = read_icalendar(data, "y.ics", timezone="UTC")
    assert [s.title.get("en") for s in programme.sessions] == ["Kept"]
    assert [p.path for p in problems] == ["VEVENT[1]", "VEVENT[2]"]


# -- speakers from calendars (issue 14.5) -----------------------------------------------------------
def test_organizer_and_chair_attendees_become_people():
    owner = "ORGANIZER;CN=Camp Team:mailto:team@example.org"
    talks = [
        vevent(
            f"Talk {n}",
            f"DTSTART:2024091{n}T090000Z",
            f"DTEND:2024091{n}T093000Z",
            extra=owner,
        )
        for n in range(1, 6)
    ]
    data = ics(
        vevent(
            "Forensics",
            "DTSTART:20240915T110000Z",
            "DTEND:20240915T113000Z",
            extra="ORGANIZER;CN=Luca Example:MAILTO:info@example.org\n"
            "ATTENDEE;ROLE=CHAIR;CN=Jeanne Martin:mailto:j@example.org",
        ),
        *talks,
        head="X-WR-TIMEZONE:Europe/Rome",
    )
    programme, _ = read_icalendar(data, "c.ics")
    forensics = next(s for s in programme.sessions if s.title.get("en") == "Forensics")
    assert [(p.name, p.role) for p in forensics.people] == [
        ("Luca Example", "speaker"),
        ("Jeanne Martin", "moderator"),
    ]
    # The name organising most of the calendar is its owner, not every talk's speaker.
    assert all(not s.people for s in programme.sessions if s.title.get("en").startswith("Talk"))


def test_moca24_speakers_and_zone():
    programme, _ = read_icalendar(real_export("real/moca24-schedule.ics").read_bytes(), "moca24.ics")
    assert programme.event.timezone == "Europe/Rome"  # its own "VTIMEZONE: Europe/Rome" line
    forensics = next(s for s in programme.sessions if s.title.get("en").startswith("Digital Forensics"))
    assert [(p.name, p.role) for p in forensics.people] == [("Luca Mercatanti", "speaker")]
    assert forensics.start == dt.datetime.fromisoformat("2024-09-15T13:00+02:00")


# -- repeating events (issue 13.19) -----------------------------------------------------------------
def test_repeats_are_expanded_with_their_exceptions_and_moves():
    data = ics(
        vevent(
            "Morning stand-up",
            "DTSTART;TZID=Europe/Paris:20230327T100000",
            "DTEND;TZID=Europe/Paris:20230327T103000",
            extra="UID:standup@example.org\nRRULE:FREQ=DAILY;COUNT=4\n"
            "EXDATE;TZID=Europe/Paris:20230328T100000",
        ),
        # The third day's stand-up moved to the afternoon, in another room.
        vevent(
            "Morning stand-up (moved)",
            "DTSTART;TZID=Europe/Paris:20230329T150000",
            "DTEND;TZID=Europe/Paris:20230329T153000",
            location="Salle IX",
            extra="UID:standup@example.org\nRECURRENCE-ID;TZID=Europe/Paris:20230329T100000",
        ),
    )
    programme, problems = read_icalendar(data, "r.ics")
    assert problems == []
    assert [(s.start.isoformat(), s.room, s.title.get("en")) for s in programme.sessions] == [
        ("2023-03-27T10:00:00+02:00", "salle-i", "Morning stand-up"),
        ("2023-03-29T15:00:00+02:00", "salle-ix", "Morning stand-up (moved)"),
        ("2023-03-30T10:00:00+02:00", "salle-i", "Morning stand-up"),
    ]
    assert len({s.id for s in programme.sessions}) == 3
    # The excluded morning is free, and the moved one is not shown twice.
    assert schedule.on_now(programme, "salle-i", dt.datetime.fromisoformat("2023-03-28T10:10+02:00")) == ()
    assert schedule.on_now(programme, "salle-i", dt.datetime.fromisoformat("2023-03-29T10:10+02:00")) == ()
