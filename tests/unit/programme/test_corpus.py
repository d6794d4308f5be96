"""Every malformed programme of tests/data/bad/ is refused with its mistake at the right line and column.

Each file says on its first line what the loader must report: ``# expect: LINE:COLUMN: field: message``
(or ``# expect: message`` for a problem with the file as a whole).
"""

import re
from pathlib import Path

import pytest

from kiosk.programme import Problem, ProgrammeError, check_programme, load_programme, parse_programme
from kiosk.programme.load import MAX_BYTES

DATA = Path(__file__).resolve().parents[2] / "data"
BAD = sorted((DATA / "bad").glob("*.yaml"))
SMALL = DATA / "good" / "small.yaml"


def expectation(path: Path) -> str:
    """The problem line the file announces, with the file's name in front, as `kiosk validate` prints it."""
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8-sig").rstrip("\r")
    match = re.fullmatch(r"# expect: (.+)", first)
    assert match, f"{path.name} does not start with '# expect: '"
    said = match[1]
    return f"{path}:{said}" if re.match(r"\d+:\d+: ", said) else f"{path}: {said}"


def test_the_corpus_is_large_and_every_file_says_what_to_expect() -> None:
    assert len(BAD) >= 35
    for path in BAD:
        expectation(path)


def test_the_small_programme_the_corpus_is_made_from_is_valid() -> None:
    programme, problems = check_programme(SMALL.read_bytes(), str(SMALL))
    assert problems == []
    assert [s.id for s in programme.sessions] == ["welcome", "panel", "workshops", "workshop-a"]


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_a_malformed_programme_is_refused_at_the_place_of_its_mistake(path: Path) -> None:
    programme, problems = check_programme(path.read_bytes(), str(path))
    assert programme is None
    lines = [str(p) for p in problems]
    assert any(line.startswith(expectation(path)) for line in lines), "\n".join(lines)
    for line in lines:
        assert "\n" not in line and "\r" not in line
        assert line.startswith(f"{path}:") or line.startswith(f"{path}: ")


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_loading_a_malformed_programme_raises_only_a_programme_error(path: Path) -> None:
    with pytest.raises(ProgrammeError) as caught:
        load_programme(path)
    assert caught.value.problems
    assert all(isinstance(p, Problem) and not p.warning for p in caught.value.problems)
    assert any(str(p).startswith(expectation(path)) for p in caught.value.problems)


# -- generated here rather than committed -------------------------------------------------------
def test_a_file_of_zero_bytes_is_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_bytes(b"")
    with pytest.raises(ProgrammeError) as caught:
        load_programme(empty)
    assert [str(p) for p in caught.value.problems] == [
        f"{empty}: the file is empty: a programme starts with 'format: 1'"
    ]


def test_a_binary_file_is_not_text(tmp_path: Path) -> None:
    picture = tmp_path / "logo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ProgrammeError, match=r"^.*logo\.png: this is not a text file"):
        load_programme(picture)


def huge_programme() -> bytes:
    """The small programme with so long a description that the file passes 5 MB."""
    text = SMALL.read_text(encoding="utf-8")
    padding = "x" * 80
    lines = "".join(f"      {padding}\n" for _ in range(MAX_BYTES // 80 + 10))
    text = text.replace("    kind: panel\n", "    kind: panel\n    description: >-\n" + lines)
    data = text.encode()
    assert len(data) > MAX_BYTES
    return data


def test_a_file_over_5_mb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(huge_programme())
    with pytest.raises(ProgrammeError) as caught:
        load_programme(huge)
    assert [str(p) for p in caught.value.problems] == [f"{huge}: the file is larger than 5 MB"]


def test_text_over_5_mb_is_refused_by_check_and_parse_too() -> None:
    data = huge_programme()
    programme, problems = check_programme(data, "huge.yaml")
    assert programme is None
    assert [str(p) for p in problems] == ["huge.yaml: the file is larger than 5 MB"]
    with pytest.raises(ProgrammeError, match="larger than 5 MB"):
        parse_programme(data.decode(), "huge.yaml")


def test_a_missing_file_is_a_programme_error(tmp_path: Path) -> None:
    with pytest.raises(ProgrammeError, match="cannot read the file"):
        load_programme(tmp_path / "nowhere.yaml")


def test_a_directory_is_a_programme_error(tmp_path: Path) -> None:
    with pytest.raises(ProgrammeError, match="cannot read the file"):
        load_programme(tmp_path)


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace('end: "11:05"', 'end: "10:00"').replace("room: salle-ix", "room: salle-x")
    text = text.replace("kind: plenary", "kind: plenery")
    _, problems = check_programme(text, "p.yaml")
    assert [str(p).split(": ")[0] for p in problems] == ["p.yaml:19:11", "p.yaml:23:10", "p.yaml:34:15"]


def test_a_broken_list_of_rooms_is_not_blamed_again_on_every_session() -> None:
    path = DATA / "bad" / "type-rooms-mapping.yaml"
    _, problems = check_programme(path.read_bytes(), str(path))
    assert [str(p) for p in problems] == [f"{path}:10:3: rooms: expected a list, found a mapping"]
