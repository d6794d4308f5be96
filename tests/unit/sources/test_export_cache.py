"""A programme read from an event tool's export (frab XML, schedule JSON, iCalendar) is cached as kiosk's
YAML is: the next start, `kiosk state` or `validate` of the same bytes, read the same way, skips the
importer (a FOSDEM XML's `kiosk state`: 0.51 s, then 0.19 s)."""

import datetime as dt
from pathlib import Path

import pytest

from kiosk import sources
from kiosk.sources import FRAB_XML, check_any, remember

FOSDEM = Path(__file__).resolve().parents[2] / "data" / "sources" / "fosdem-dialect.xml"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The zone each export was really read in by its importer (not taken from the cache)."""
    seen: list[str] = []
    importer = sources._importer

    def counted(found: str):
        read = importer(found)

        def counting(data: bytes, name: str, timezone: str | None):
            seen.append(timezone or "the device's")
            return read(data, name, timezone)

        return counting

    monkeypatch.setattr(sources, "_importer", counted)
    return seen


def test_the_same_export_read_the_same_way_comes_from_the_cache(
    programme_cache: Path, reads: list[str]
) -> None:
    data = FOSDEM.read_bytes()
    first, problems = check_any(data, "fosdem.xml", "Europe/Brussels")
    second, again = check_any(data, "fosdem.xml", "Europe/Brussels")
    assert reads == ["Europe/Brussels"]
    assert first is not None and second == first and again == problems  # its warnings with it
    assert second.sessions[0].start.isoformat() == "2015-01-31T09:30:00+01:00"
    changed, _ = check_any(data.replace(b"Janson", b"Janson (K)"), "fosdem.xml", "Europe/Brussels")
    assert reads == ["Europe/Brussels"] * 2 and changed != first


def test_another_zone_given_is_another_reading(programme_cache: Path, reads: list[str]) -> None:
    data = FOSDEM.read_bytes()
    brussels, _ = check_any(data, "fosdem.xml", "Europe/Brussels")
    london, _ = check_any(data, "fosdem.xml", "Europe/London")
    assert reads == ["Europe/Brussels", "Europe/London"]
    assert london.sessions[0].start - brussels.sessions[0].start == dt.timedelta(hours=1)  # 09:30 in each


def test_an_export_that_names_no_zone_is_read_again_in_another_device_zone(
    programme_cache: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = FOSDEM.read_bytes()
    monkeypatch.setenv("TZ", "Europe/Brussels")
    brussels, _ = check_any(data, "fosdem.xml")
    check_any(data, "fosdem.xml")
    monkeypatch.setenv("TZ", "America/New_York")
    new_york, _ = check_any(data, "fosdem.xml")
    assert reads == ["the device's"] * 2
    assert (brussels.event.timezone, new_york.event.timezone) == ("Europe/Brussels", "America/New_York")


def test_a_screen_keeps_an_export_once_shown(programme_cache: Path, reads: list[str]) -> None:
    data = FOSDEM.read_bytes()
    shown, _ = check_any(data, "fosdem.xml", "Europe/Brussels", keep=False)
    assert not programme_cache.exists() or not list(programme_cache.iterdir())
    remember(data, "fosdem.xml", shown, timezone="Europe/Brussels")  # on the worker thread, after the frame
    again, _ = check_any(data, "fosdem.xml", "Europe/Brussels")
    assert reads == ["Europe/Brussels"] and again == shown


def test_another_installation_of_the_importers_libraries_is_another_reading(
    programme_cache: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = FOSDEM.read_bytes()
    check_any(data, "fosdem.xml", "Europe/Brussels")
    # What each library is stamped with (its size and time on disk) is part of the entry's key.
    libraries = {FRAB_XML: ("defusedxml", "json")}
    monkeypatch.setattr(sources, "_IMPORTER_LIBRARIES", libraries)
    check_any(data, "fosdem.xml", "Europe/Brussels")
    check_any(data, "fosdem.xml", "Europe/Brussels")
    assert reads == ["Europe/Brussels"] * 2
