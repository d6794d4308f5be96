"""13.12: a programme's time zone is a zone of the tz database, or a located problem; never a traceback."""

import os
import zoneinfo
from pathlib import Path

import pytest
import tzdata
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.programme import Programme, ProgrammeError, check_programme, parse_programme
from kiosk.programme.check import ProgrammeChecker
from kiosk.programme.times import iana_zone

SMALL = (Path(__file__).resolve().parents[2] / "data" / "good" / "small.yaml").read_text(encoding="utf-8")
TZDATA = Path(tzdata.__file__).parent / "zoneinfo"


def every_name_in_the_tz_databases() -> list[str]:
    """Every file and folder of the tzdata package and of the system's zoneinfo, as a key."""
    names = set(zoneinfo.available_timezones())
    for root in [TZDATA, *map(Path, zoneinfo.TZPATH)]:
        if root.is_dir():
            for path in root.rglob("*"):
                names.add(path.relative_to(root).as_posix())
    return sorted(names)


NAMES = every_name_in_the_tz_databases()
FOLDERS = sorted({p.relative_to(TZDATA).as_posix() for p in TZDATA.rglob("*") if p.is_dir()})


def with_zone(name: str) -> str:
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    return SMALL.replace("timezone: Europe/Paris", f'timezone: "{quoted}"')


def test_the_tz_databases_have_folders_to_try() -> None:
    assert {"Europe", "America", "America/Argentina", "Etc"} <= set(FOLDERS)
    assert len(NAMES) > 500


def test_a_folder_of_the_tz_database_is_a_located_problem() -> None:
    with pytest.raises(ProgrammeError) as caught:
        parse_programme(with_zone("Europe"), "p.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "p.yaml:7:13: event.timezone: 'Europe' is not an IANA time zone (e.g. Europe/Paris)"
    ]


@pytest.mark.parametrize("name", ["Europe", "America/Argentina", "zone.tab", "tzdata.zi", "__init__.py", ""])
def test_iana_zone_says_none_for_what_is_not_a_zone(name: str) -> None:
    assert iana_zone(name) is None


def test_every_name_in_the_tz_database_is_a_zone_or_a_located_problem() -> None:
    for name in NAMES:
        zone = iana_zone(name)
        assert zone is None or isinstance(zone, zoneinfo.ZoneInfo)
        programme, problems = check_programme(with_zone(name), "p.yaml")
        if zone is None:
            assert programme is None, name
            assert any(p.path == "event.timezone" and p.line == 7 for p in problems), name
        else:
            assert isinstance(programme, Programme), (name, [str(p) for p in problems])


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(NAMES)
    | st.text(max_size=40)
    | st.builds(lambda a, b: f"{a}/{b}", st.sampled_from(FOLDERS), st.text(max_size=12))
    | st.sampled_from([f"{f}/" for f in FOLDERS] + [f"../{f}" for f in FOLDERS] + ["/etc/passwd", "."])
)
def test_any_zone_name_gives_a_programme_or_a_programme_error(name: str) -> None:
    assert iana_zone(name) is None or isinstance(iana_zone(name), zoneinfo.ZoneInfo)
    try:
        parse_programme(with_zone(name), "p.yaml")
    except ProgrammeError as err:
        assert err.problems


def test_a_fault_in_the_checker_is_a_programme_error_not_a_traceback(monkeypatch) -> None:
    def broken(self, node):
        raise KeyError("a fault kiosk did not foresee")

    monkeypatch.setattr(ProgrammeChecker, "_rooms", broken)
    programme, problems = check_programme(SMALL, "p.yaml")
    assert programme is None
    assert [str(p) for p in problems] == [
        "p.yaml: kiosk could not check this programme (KeyError: 'a fault kiosk did not foresee'); "
        "please report it"
    ]
    with pytest.raises(ProgrammeError, match="please report it"):
        parse_programme(SMALL, "p.yaml")


def test_a_zone_file_that_cannot_be_read_is_not_a_zone(tmp_path: Path) -> None:
    (tmp_path / "Nowhere").mkdir()
    (tmp_path / "Nowhere" / "Broken").write_bytes(b"TZif2" + os.urandom(40))
    zoneinfo.reset_tzpath([str(tmp_path)])
    try:
        zoneinfo.ZoneInfo.clear_cache()
        assert iana_zone("Nowhere/Broken") is None
        assert iana_zone("Nowhere") is None
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
