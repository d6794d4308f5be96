"""13.14 and 13.18: what the programme loader reads, and what it lets through.

Only regular files, 5 MB at most (a FIFO or /dev/zero never hangs it nor fills memory); control
characters written as YAML escapes are left out with a warning at their place (never printed raw); a
UTF-16 file is named as such; a session
past the event's last day, or a date in the year 9999, is warned about.
"""

import os
import threading
from pathlib import Path

import pytest

from kiosk import file_bytes
from kiosk.programme import ProgrammeError, check_programme, load_programme, parse_programme

SMALL_PATH = Path(__file__).resolve().parents[2] / "data" / "good" / "small.yaml"
SMALL = SMALL_PATH.read_text(encoding="utf-8")


def finishes(call, seconds: float = 10.0):
    """``call()``'s result or exception, failing (not hanging) when it does not return in time."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = call()
        except BaseException as err:  # handed back to the test
            outcome["error"] = err

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still reading after {seconds} s"
    return outcome


# -- 13.14: regular files only, 5 MB at most ---------------------------------------------------------
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "programme.yaml"
    os.mkfifo(fifo)
    outcome = finishes(lambda: load_programme(fifo))
    assert isinstance(outcome.get("error"), ProgrammeError)
    assert str(outcome["error"]) == f"{fifo}: cannot read the file: it is a named pipe (FIFO), not a file"


@pytest.mark.parametrize("link", [False, True], ids=["itself", "through a link"])
def test_dev_zero_is_refused_without_reading_it(tmp_path: Path, link: bool) -> None:
    path = Path("/dev/zero")
    if link:
        path = tmp_path / "programme.yaml"
        path.symlink_to("/dev/zero")
    outcome = finishes(lambda: load_programme(path))
    assert str(outcome["error"]) == f"{path}: cannot read the file: it is a device, not a file"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProgrammeError) as caught:
        load_programme(tmp_path)
    assert str(caught.value) == f"{tmp_path}: cannot read the file: it is a folder, not a file"


def test_a_file_name_with_a_nul_is_a_programme_error() -> None:
    with pytest.raises(ProgrammeError, match="cannot read the file"):
        load_programme("programme\x00.yaml")


def test_the_reader_reads_a_regular_file_to_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"x" * 100)
    assert file_bytes.read_bytes(path, limit=100) == b"x" * 100
    with pytest.raises(file_bytes.Unreadable, match="larger than"):
        file_bytes.read_bytes(path, limit=99)


# -- 13.18: control characters, UTF-16, dates out of the event -----------------------------------------
@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\e]0;pwned\\a", "U+001B"),
        ("\\x07", "U+0007"),
        ("\\x9b", "U+009B"),
        ("\\0", "U+0000"),
        ("\\r", "U+000D"),
    ],
)
def test_a_control_character_written_as_an_escape_is_left_out_with_a_warning_where_it_is(
    escape: str, code: str
) -> None:
    text = SMALL.replace("title: {fr: Table ronde, en: Panel}", f'title: {{fr: "Table{escape}", en: Panel}}')
    programme, problems = check_programme(text, "p.yaml")
    line = text.splitlines().index(next(x for x in text.splitlines() if "Table" in x)) + 1
    assert [str(p) for p in problems] == [
        f"p.yaml:{line}:17: warning: sessions[1].title.fr: the control character {code} (written here as "
        "an escape) cannot be shown; it is left out"
    ]
    title = programme.session("panel").title.get("fr")
    assert title.startswith("Table") and not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in title)


def test_tabs_and_line_breaks_written_as_escapes_are_still_text() -> None:
    text = SMALL.replace(
        "title: {fr: Table ronde, en: Panel}", 'title: {fr: "Table\\tronde", en: "Pa\\nnel"}'
    )
    assert parse_programme(text, "p.yaml").session("panel").title.get("en") == "Pa\nnel"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_file_is_named_as_such(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "programme.yaml"
    path.write_bytes(SMALL.encode(encoding))
    with pytest.raises(ProgrammeError) as caught:
        load_programme(path)
    family = "UTF-32" if "32" in encoding else "UTF-16"
    assert str(caught.value) == (
        f"{path}: this file is {family} text: a programme is UTF-8 YAML; save it as UTF-8"
    )


def test_a_binary_file_is_still_not_text() -> None:
    _, problems = check_programme(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "x")
    assert [str(p) for p in problems] == [
        "x: this is not a text file (it has NUL bytes): a programme is UTF-8 YAML"
    ]


def test_a_session_after_the_last_day_is_warned_about() -> None:
    text = SMALL.replace(
        'start: "10:05"\n    end: "11:05"', 'date: 2023-03-30\n    start: "10:05"\n    end: "11:05"'
    )
    programme = parse_programme(text, "p.yaml")
    warnings = [str(w) for w in programme.warnings]
    assert any(
        w.endswith("warning: sessions[1].start: 2023-03-30 is after the event's last day 2023-03-28")
        for w in warnings
    ), warnings


def test_a_date_in_the_year_9999_is_warned_about() -> None:
    text = SMALL.replace(
        "dates: {first: 2023-03-28, last: 2023-03-28}", "dates: {first: 2023-03-28, last: 9999-03-28}"
    )
    text = text.replace(
        'start: "10:05"\n    end: "11:05"', 'start: "9999-03-28 10:05"\n    end: "9999-03-28 11:05"'
    )
    programme = parse_programme(text, "p.yaml")
    warnings = [str(w) for w in programme.warnings]
    assert any("warning: event.dates.last: the year 9999" in w for w in warnings), warnings
    assert any("warning: sessions[1].start: the year 9999" in w for w in warnings), warnings
