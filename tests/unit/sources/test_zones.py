"""The event's zone (issue 14.1): the person's, else the programme's declaration, else the device's own,
never silently UTC; a time written at an odd offset keeps its instant and is named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kiosk import schedule
from kiosk.sources import check_any
from kiosk.sources.zones import choose_zone, device_zone

from ...shared_testdata import real_export

CET = dt.timezone(dt.timedelta(hours=1))


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def stamps(*texts: str) -> list[dt.datetime]:
    return [at(t) for t in texts]


def test_the_persons_zone_wins_over_everything():
    assert choose_zone("Asia/Tokyo", "Europe/Paris", stamps("2024-01-01T10:00+01:00"), "UTC") == (
        "Asia/Tokyo",
        None,
    )


def test_a_declared_zone_most_times_agree_with_is_the_events():
    written = stamps(*[f"2024-01-0{d}T10:00+01:00" for d in range(1, 6)], "2024-01-06T10:00-05:00")
    assert choose_zone(None, "Europe/Amsterdam", written, "Asia/Tokyo") == ("Europe/Amsterdam", None)


def test_no_declaration_takes_the_devices_zone_and_says_so():
    zone, why = choose_zone(None, None, [], "Europe/Brussels")
    assert zone == "Europe/Brussels"
    assert "no time zone" in why and "this device's zone, Europe/Brussels" in why and "--timezone" in why


def test_a_declaration_most_times_contradict_falls_to_the_device_when_it_agrees():
    # pretalx writes time_zone_name: UTC for an event whose times are all at +01:00.
    zone, why = choose_zone(
        None, "UTC", stamps("2024-01-01T10:00+01:00", "2024-01-02T10:00+01:00"), "Europe/Paris"
    )
    assert zone == "Europe/Paris"
    assert "says its time zone is UTC" in why and "+01:00" in why


def test_nothing_to_go_on_is_utc_said_aloud():
    zone, why = choose_zone(None, None, [], None)
    assert zone == "UTC" and "this device has none" in why


def test_an_invalid_declaration_is_named():
    zone, why = choose_zone(None, "Europe", [], "Europe/Paris")
    assert zone == "Europe/Paris" and "'Europe' is not an IANA time zone" in why


# -- the device's own zone --------------------------------------------------------------------------
def test_the_device_zone_is_tz_first(monkeypatch, tmp_path):
    monkeypatch.setenv("TZ", ":Europe/Lisbon")
    assert device_zone(tmp_path) == "Europe/Lisbon"


def test_the_device_zone_follows_etc_localtime(monkeypatch, tmp_path):
    monkeypatch.delenv("TZ")
    zoneinfo = tmp_path / "usr" / "share" / "zoneinfo" / "Europe"
    zoneinfo.mkdir(parents=True)
    (zoneinfo / "Brussels").write_bytes(b"TZif")
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "localtime").symlink_to(zoneinfo / "Brussels")
    assert device_zone(tmp_path) == "Europe/Brussels"


def test_the_device_zone_falls_back_to_etc_timezone_then_none(monkeypatch, tmp_path):
    monkeypatch.setenv("TZ", "Europe")  # a folder of tzdata, not a zone
    assert device_zone(tmp_path) is None
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "timezone").write_text("Europe/Vienna\n")
    assert device_zone(tmp_path) == "Europe/Vienna"


# -- one odd offset among many (the jev22 shape) ----------------------------------------------------
def _amsterdam_with_one_odd_event() -> bytes:
    events = [
        {
            "guid": f"g{n}",
            "id": n,
            "title": f"Talk {n}",
            "date": f"2022-12-27T{10 + n}:00:00+01:00",
            "duration": "00:30",
            "type": "Talk",
        }
        for n in range(6)
    ]
    # Written by a speaker's own tool at New York's offset: 10:00-05:00 is 16:00 in Amsterdam.
    events.append(
        {
            "guid": "odd",
            "id": 99,
            "title": "Remote talk",
            "date": "2022-12-27T10:00:00-05:00",
            "duration": "00:30",
            "type": "Talk",
        }
    )
    rooms = {"Saal": events}
    conference = {
        "acronym": "jev",
        "title": "JEV",
        "time_zone_name": "Europe/Amsterdam",
        "days": [{"index": 1, "date": "2022-12-27", "rooms": rooms}],
    }
    return json.dumps({"schedule": {"version": "1", "conference": conference}}).encode()


def test_one_odd_offset_keeps_the_declared_zone_and_is_named():
    programme, problems = check_any(_amsterdam_with_one_odd_event(), "jev.json")
    assert programme.event.timezone == "Europe/Amsterdam"
    odd = programme.session("odd")
    assert odd.start == at("2022-12-27T16:00+01:00")
    named = [p for p in problems if p.warning and "odd" in p.message]
    assert len(named) == 1
    assert "Remote talk" in named[0].message and "-05:00" in named[0].message
    assert "16:00" in named[0].message and "Europe/Amsterdam" in named[0].message
    assert named[0].path.endswith("[6]")


# -- FOSDEM 2020 read directly: the issue's own check -----------------------------------------------
@pytest.mark.parametrize("how", ["device", "given"])
def test_fosdem_2020_mandos_at_16_20_in_brussels(monkeypatch, how):
    data = Path(real_export("real/fosdem-2020.xml")).read_bytes()
    if how == "device":
        monkeypatch.setenv("TZ", "Europe/Brussels")
    programme, _ = check_any(data, "fosdem-2020.xml", "Europe/Brussels" if how == "given" else None)
    room = programme.find_room("H.2215 (Ferrer)")
    state = schedule.room_state(programme, room.id, at("2020-02-01T16:20+01:00"))
    assert [(s.title.get("en"), s.start, s.end) for s in state.current] == [
        ("Mandos", at("2020-02-01T16:20+01:00"), at("2020-02-01T16:35+01:00"))
    ]
