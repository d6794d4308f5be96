"""`kiosk import` and `kiosk state` on event tools' exports, as a technician runs them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from kiosk.cli import main
from kiosk.programme import ProgrammeError, load_programme
from kiosk.sources import read_any

from ..shared_testdata import real_export

DATA = Path(__file__).parents[1] / "data" / "sources"


def indico_like(path: Path) -> Path:
    """An Indico-style calendar: X-WR-CALNAME, times in UTC, LOCATION "room (venue)", speakers, URL."""
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//CERN//INDICO//EN")
    calendar.add("x-wr-calname", "Réunion annuelle 2023")
    start = dt.datetime(2023, 3, 28, 8, 0, tzinfo=dt.UTC)  # 10:00 in Paris
    for n, (title, minutes, room, category) in enumerate(
        [
            ("Ouverture", 30, "Salle I", "Plenary"),
            ("Table ronde : l'éducation", 60, "Salle I", "Panel"),
            ("Déjeuner", 90, "Salle des pas perdus", "Lunch"),
        ]
    ):
        event = icalendar.Event()
        event.add("uid", f"indico-contribution-{n + 1}@indico.example.org")
        event.add("dtstamp", start)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=minutes))
        event.add("summary", title)
        event.add("location", f"{room} (UNESCO)")
        url = f"https://indico.example.org/event/7/contributions/{n + 1}/"
        event.add("url", url)
        event.add("description", f"Speakers: Stefania Giannini (UNESCO)\n\n{url}")
        event.add("categories", [category])
        calendar.add_component(event)
        start += dt.timedelta(minutes=minutes)
    path.write_bytes(calendar.to_ical())
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def sources(tmp_path: Path) -> dict[str, tuple[Path, list[str]]]:
    return {
        "31c3": (real_export("31c3-frab-schedule.xml"), []),
        "camp2019": (real_export("frab-camp2019.json"), []),
        "democon": (real_export("pretalx-democon.json"), []),
        "fosdem": (DATA / "fosdem-dialect.xml", ["--timezone", "Europe/Brussels"]),
        "indico": (indico_like(tmp_path / "indico.ics"), ["--timezone", "Europe/Paris"]),
    }


# -- the "done when" ------------------------------------------------------------------------
def test_kiosk_state_names_the_31c3_opening_event():
    export = real_export("31c3-frab-schedule.xml")
    command = ["state", "--programme", str(export), "--room", "Saal 1", "--at", "2014-12-27T11:10:00+01:00"]
    out = subprocess.run(
        [sys.executable, "-m", "kiosk", *command],
        capture_output=True,
        text=True,
        check=True,
    )
    state = json.loads(out.stdout)
    assert state["status"] == "ongoing"
    assert [s["title"]["en"] for s in state["current"]] == ["31C3 Opening Event"]


@pytest.mark.parametrize(
    ("name", "room", "at", "title"),
    [
        ("camp2019", "Curie", "2019-08-21T11:10:00+02:00", "Opening Ceremony"),
        ("democon", "Gray Room", "2020-12-14T09:10:00+01:00", "Focused 5thgeneration hardware"),
        # read directly, a file naming no zone is in UTC (`kiosk import --timezone` names it)
        ("fosdem", "Janson", "2015-01-31T09:40:00+00:00", "Welcome to FOSDEM 2015"),
        ("indico", "Salle I (UNESCO)", "2023-03-28T10:10:00+02:00", "Ouverture"),
    ],
)
def test_kiosk_state_reads_each_export_directly(capsys, tmp_path, name, room, at, title):
    export, _ = sources(tmp_path)[name]
    status, out, _ = run(capsys, "state", "--programme", str(export), "--room", room, "--at", at)
    assert status == 0
    assert [s["title"]["en"] for s in json.loads(out)["current"]] == [title]


# -- kiosk import -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["31c3", "camp2019", "democon", "fosdem", "indico"])
def test_import_writes_a_valid_programme_with_the_same_sessions(capsys, tmp_path, name):
    export, options = sources(tmp_path)[name]
    target = tmp_path / f"{name}.yaml"
    status, out, err = run(capsys, "import", str(export), "-o", str(target), *options)
    assert status == 0, err
    assert out == ""
    assert "sessions imported" in err

    status, out, err = run(capsys, "validate", str(target))
    assert (status, err) == (0, "")
    assert "valid" in out

    written = load_programme(target)
    direct = read_any(export, timezone=options[1] if options else None)
    assert written.event == direct.event
    assert written.rooms == direct.rooms
    assert [(s.id, s.room, s.start, s.end) for s in written.sessions] == [
        (s.id, s.room, s.start, s.end) for s in direct.sessions
    ]
    assert [(s.title, s.description, s.people, s.kind, s.language, s.url) for s in written.sessions] == [
        (s.title, s.description, s.people, s.kind, s.language, s.url) for s in direct.sessions
    ]


def test_import_reports_each_skipped_item_with_its_place(capsys, tmp_path):
    status, _, err = run(
        capsys,
        "import",
        str(DATA / "fosdem-dialect.xml"),
        "-o",
        str(tmp_path / "f.yaml"),
        "--timezone",
        "Europe/Brussels",
    )
    assert status == 0
    assert (
        "fosdem-dialect.xml:53:7: warning: schedule/day[1]/room[@name='Janson']/event[3]: event 3492" in err
    )
    assert "1 warning above" in err


def test_import_without_a_zone_warns_and_still_writes(capsys, tmp_path):
    status, _, err = run(capsys, "import", str(DATA / "fosdem-dialect.xml"), "-o", str(tmp_path / "f.yaml"))
    assert status == 0
    assert "--timezone" in err
    assert load_programme(tmp_path / "f.yaml").event.timezone == "UTC"


def test_import_to_standard_output(capsys, tmp_path):
    status, out, _ = run(capsys, "import", str(indico_like(tmp_path / "i.ics")), "--timezone", "Europe/Paris")
    assert status == 0
    assert out.startswith("# Imported by `kiosk import` from i.ics (iCalendar).\n")
    assert 'start: "2023-03-28 10:00"' in out


def test_nothing_usable_exits_1_and_writes_nothing(capsys, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<schedule>\n<day>\n</schedule>\n")
    target = tmp_path / "out.yaml"
    status, _, err = run(capsys, "import", str(broken), "-o", str(target))
    assert status == 1
    assert f"{broken}:3:3: not well-formed XML" in err
    assert "nothing usable to import" in err
    assert not target.exists()
    status, _, err = run(capsys, "import", str(tmp_path / "missing.json"), "-o", str(target))
    assert status == 1 and "cannot read the file" in err


def test_an_unknown_timezone_is_a_usage_error(capsys, tmp_path):
    status, _, err = run(capsys, "import", str(DATA / "fosdem-dialect.xml"), "--timezone", "Europe/Brusels")
    assert status == 2
    assert "not an IANA time zone" in err


def test_import_overwrites_the_target_whole(capsys, tmp_path):
    target = tmp_path / "programme.yaml"
    target.write_text("old")
    status, _, _ = run(capsys, "import", str(indico_like(tmp_path / "i.ics")), "-o", str(target))
    assert status == 0
    assert load_programme(target).sessions[0].title.get("en") == "Ouverture"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_import_from_an_address(capsys, tmp_path, monkeypatch):
    import functools
    import http.server
    import threading

    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(DATA)))
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/fosdem-dialect.xml"
        target = tmp_path / "fosdem.yaml"
        status, _, err = run(capsys, "import", url, "-o", str(target), "--timezone", "Europe/Brussels")
        missing = run(
            capsys, "import", url.replace("fosdem-dialect", "nothing"), "-o", str(tmp_path / "x.yaml")
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert status == 0, err
    assert load_programme(target).session("3490").title.get("en") == "Welcome to FOSDEM 2015"
    assert missing[0] == 1 and "the server answered 404" in missing[2]


def test_import_never_reads_an_endless_file(capsys, tmp_path):
    status, _, err = run(capsys, "import", "/dev/zero", "-o", str(tmp_path / "z.yaml"))
    assert status == 1
    assert "/dev/zero: cannot read the file: it is a device, not a file" in err
    with pytest.raises(ProgrammeError):
        read_any("/dev/zero")
