"""A word that is not a time zone (issue 13.12, the importers' side): `Europe` is a folder of tzdata,
and ZoneInfo("Europe") raises IsADirectoryError on Python 3.11. In a frab <time_zone_name>, a schedule
JSON's time_zone_name, an iCalendar TZID or X-WR-TIMEZONE it is a located "not an IANA time zone"
warning (the file is still read), never "please report it"; given by the person it is refused."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from kiosk.sources import check_any
from kiosk.sources.zones import valid_zone

from .test_ical import ics, vevent


def _tzdata_folders() -> list[str]:
    try:
        root = resources.files("tzdata") / "zoneinfo"
    except ModuleNotFoundError:
        return ["Europe", "America", "Etc"]
    return sorted(p.name for p in root.iterdir() if p.is_dir())


@pytest.mark.parametrize("name", [*_tzdata_folders(), "", " ", "Europe/", "../etc", "Europe/Nowhere", "\x00"])
def test_no_folder_or_odd_word_is_a_zone(name):
    assert valid_zone(name) is None


def _frab(zone: str) -> bytes:
    return (
        "<?xml version='1.0'?>\n<schedule>\n<conference><title>T</title>"
        f"<time_zone_name>{zone}</time_zone_name></conference>\n<day date='2024-05-02' index='1'>\n"
        "<room name='Hall'><event id='1'><date>2024-05-02T10:00:00+02:00</date><duration>00:30</duration>"
        "<title>Talk</title></event></room>\n</day>\n</schedule>\n"
    ).encode()


def _json(zone: str) -> bytes:
    event = {"guid": "g", "id": 1, "title": "Talk", "date": "2024-05-02T10:00:00+02:00", "duration": "00:30"}
    day = {"index": 1, "date": "2024-05-02", "rooms": {"Hall": [event]}}
    return json.dumps(
        {"schedule": {"conference": {"title": "T", "time_zone_name": zone, "days": [day]}}}
    ).encode()


@pytest.mark.parametrize("name", [*_tzdata_folders()[:5], "Europe"])
@pytest.mark.parametrize("build", [_frab, _json])
def test_a_folder_as_a_schedules_zone_is_a_located_warning(build, name, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Paris")
    programme, problems = check_any(build(name), "s")
    assert programme is not None and programme.event.timezone == "Europe/Paris"
    (said,) = [p for p in problems if "not an IANA time zone" in p.message]
    assert said.warning and f"{name!r}" in said.message and (said.line or said.path)
    assert not any("please report it" in p.message for p in problems)


def test_a_folder_as_a_calendars_zone_is_located():
    declared = ics(
        vevent(
            "Talk", "DTSTART;TZID=Europe/Paris:20230328T100000", "DTEND;TZID=Europe/Paris:20230328T110000"
        ),
        head="X-WR-TIMEZONE:Europe",
    )
    programme, problems = check_any(declared, "c.ics")
    assert programme is not None and programme.event.timezone == "Europe/Paris"
    assert [str(p) for p in problems] == [
        "c.ics:4:1: warning: X-WR-TIMEZONE: 'Europe' is not an IANA time zone; ignored"
    ]
    # A TZID the calendar library cannot even read: the file is refused at that line, with the reason.
    tzid = ics(vevent("Talk", "DTSTART;TZID=Europe:20230328T100000", "DTEND;TZID=Europe:20230328T110000"))
    programme, problems = check_any(tzid, "t.ics")
    assert programme is None
    assert [str(p) for p in problems] == [
        "t.ics:7:1: TZID: 'Europe' is not an IANA time zone (e.g. Europe/Paris)"
    ]


def test_a_folder_given_by_the_person_is_refused():
    programme, problems = check_any(_json("Europe/Paris"), "s", timezone="Europe")
    assert (
        programme is None and problems[0].message == "'Europe' is not an IANA time zone (e.g. Europe/Paris)"
    )
