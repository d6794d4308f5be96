"""Recognition by content, the rules every importer shares, and the core staying Qt-free."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from kiosk.programme import KINDS, ProgrammeError, load_programme
from kiosk.resources import bundled_programme
from kiosk.sources import (
    FRAB_XML,
    ICALENDAR,
    KIOSK_YAML,
    MAX_BYTES,
    SCHEDULE_JSON,
    check_any,
    fields,
    format_of,
    ids,
    kinds,
    read_any,
    zones,
)
from kiosk.sources import draft as rules


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<?xml version='1.0'?>\n<schedule>", FRAB_XML),
        (b"\xef\xbb\xbf  \n<schedule>", FRAB_XML),
        (b"<html>", "an HTML web page"),  # named, never read as YAML
        (b"<rss>", FRAB_XML),  # refused later as "not a schedule", never read as YAML
        (b'{"$schema": "https://c3voc.de/schedule/schema.json", "schedule": {}}', SCHEDULE_JSON),
        (b'{\n  "schedule": {', SCHEDULE_JSON),
        (b'{"conference": {"title": "x"}}', SCHEDULE_JSON),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ICALENDAR),
        (b"\r\nbegin:vcalendar\r\n", ICALENDAR),
        (b"format: 1\nevent:\n", KIOSK_YAML),
        (b'{"format": 1, "event": {}}', KIOSK_YAML),  # a kiosk programme written as JSON is YAML too
        (b"", KIOSK_YAML),
    ],
)
def test_format_is_recognised_by_content(head, expected):
    assert format_of(head) == expected


def test_kiosk_yaml_reads_exactly_as_before():
    path = bundled_programme()
    assert read_any(path) == load_programme(path)
    programme, problems = check_any(path.read_bytes(), str(path))
    assert programme is not None and not any(not p.warning for p in problems)


def test_read_any_reports_unreadable_and_oversized_files(tmp_path):
    with pytest.raises(ProgrammeError) as missing:
        read_any(tmp_path / "nowhere.xml")
    assert "cannot read the file" in missing.value.first.message
    big = tmp_path / "big.ics"
    big.write_bytes(b"BEGIN:VCALENDAR\r\n" + b"X" * MAX_BYTES)
    with pytest.raises(ProgrammeError) as oversized:
        read_any(big)
    assert "larger than 5 MB" in oversized.value.first.message
    assert check_any(big.read_bytes(), "big.ics")[0] is None


def test_an_importer_bug_is_a_problem_not_a_traceback(monkeypatch):
    import kiosk.sources.ical as ical

    def broken(data, name, timezone=None):
        raise AttributeError("'NoneType' object has no attribute 'params'")

    monkeypatch.setattr(ical, "read_icalendar", broken)
    programme, problems = check_any(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "x.ics")
    assert programme is None
    assert "kiosk could not read this iCalendar (AttributeError" in problems[0].message


def test_read_any_passes_the_timezone_to_imports(tmp_path):
    path = tmp_path / "f.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:F\r\nDTSTART:20240502T100000\r\n"
        b"DTEND:20240502T110000\r\nLOCATION:Hall\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    programme = read_any(path, timezone="Europe/Lisbon")
    assert programme.sessions[0].start.isoformat() == "2024-05-02T10:00:00+01:00"
    assert programme.warnings == ()
    assert read_any(path).warnings[0].warning  # UTC, with a warning


# -- the shared rules ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Saal 1", "saal-1"),
        ("Großer Saal", "grosser-saal"),
        ("  Salle  Émile-Durkheim ", "salle-emile-durkheim"),
        ("K.1.105 (La Fontaine)", "k-1-105-la-fontaine"),
        ("会议室", ""),
    ],
)
def test_room_slugs(name, expected):
    assert ids.slug(name) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("-n9QScyDLXMEwkqrCHASYw", "n9QScyDLXMEwkqrCHASYw"),
        ("indico-contribution-1@indico.cern.ch", "indico-contribution-1-indico.cern.ch"),
        (6561, "6561"),
        ("a b/c", "a-b-c"),
        ("@@@", ""),
        (None, ""),
        (True, ""),
    ],
)
def test_identifiers(raw, expected):
    assert ids.identifier(raw) == expected


def test_rooms_without_a_usable_name_get_their_guid_or_a_number():
    draft = rules.Draft("t")
    start = dt.datetime(2024, 5, 2, 10, tzinfo=dt.UTC)
    for n, (name, guid) in enumerate(
        [("会议室", "0d6c-guid"), ("讲堂", None), ("Hall", None), ("hall", None)]
    ):
        draft.room(name, guid)
        draft.sessions.append(
            rules.DraftSession(
                rules.Place(), f"s{n}", (f"s{n}",), "T", start, start + dt.timedelta(hours=1), name
            )
        )
    programme, _ = rules.finish(draft)
    assert [r.id for r in programme.rooms] == ["0d6c-guid", "room", "hall", "hall-2"]


@pytest.mark.parametrize(
    ("source_type", "expected"),
    [
        ("lecture", "talk"),
        ("Talk", "talk"),
        ("Lightning_Talk", "talk"),
        ("podium", "panel"),
        ("Hands-On", "workshop"),
        ("Coffee break", "break"),
        ("Lunch talk", "talk"),
        ("Networking lunch", "social"),
        ("lunch", "meal"),
        ("performance", "activity"),
        ("maintrack", "talk"),
        ("", "talk"),
        (None, "talk"),
    ],
)
def test_kinds(source_type, expected):
    assert kinds.kind(source_type, "talk") == expected


def test_every_mapped_kind_is_a_kiosk_kind():
    assert set(kinds._KIND_WORDS.values()) <= set(KINDS)


@pytest.mark.parametrize("hours", [-10, -5, 0, 1, 2, 5, 9, 12, 14])
def test_a_fixed_offset_zone_has_that_offset(hours):
    name = zones.fixed_zone(dt.timedelta(hours=hours))
    assert ZoneInfo(name).utcoffset(dt.datetime(2024, 1, 1)) == dt.timedelta(hours=hours)


def test_a_half_hour_offset_has_no_fixed_zone_name():
    assert zones.fixed_zone(dt.timedelta(hours=5, minutes=30)) is None


def test_texts_are_cleaned_as_the_kiosk_reads_them():
    assert fields.one_line("  A\r\n  title\t ") == "A title"
    assert fields.paragraphs("One\r\nTwo  \r\n\r\n\r\n\r\nThree\r\n") == "One Two\n\nThree"
    assert fields.paragraphs("  single   line ") == "single line"
    assert fields.plain("<p>A &amp; B</p><p>C<br>D</p>") == "A & B\n\nC\nD"
    assert fields.plain("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2"
    assert (
        fields.language("pt-BR") == "pt-BR"
        and fields.language("EN") == "en"
        and fields.language("English?") is None
    )


def test_event_languages_a_fifth_of_the_talks_most_used_first_then_alphabetical():
    draft = rules.Draft("t")
    start = dt.datetime(2024, 5, 2, 10, tzinfo=dt.UTC)
    for n, lang in enumerate(["fr", "de", "de", "fr", "en", None]):
        begins = start + dt.timedelta(hours=n)
        draft.sessions.append(
            rules.DraftSession(
                rules.Place(), f"s{n}", (), "T", begins, begins + dt.timedelta(hours=1), "Hall", language=lang
            )
        )
    programme, _ = rules.finish(draft)
    assert programme.event.languages == ("de", "fr")  # English: one talk of six, under a fifth
    assert [s.id for s in programme.sessions] == [f"session-{n}" for n in range(1, 7)]


def test_importing_and_fetching_never_load_qt():
    code = (
        "import sys\n"
        "from kiosk.sources import read_any, check_any\n"
        "import kiosk.sources.frab_xml, kiosk.sources.schedule_json, kiosk.sources.ical\n"
        "import kiosk.sources.remote, kiosk.sources.write, kiosk.cli.import_command\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_unknown_timezone_for_an_import_is_a_problem():
    programme, problems = check_any(b"<schedule/>", "s.xml", timezone="Mars/Olympus")
    assert programme is None
    assert problems[0].message == "'Mars/Olympus' is not an IANA time zone (e.g. Europe/Paris)"
