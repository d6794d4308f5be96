"""Whatever it is given, the loader answers with a Programme or a ProgrammeError, never anything else."""

import copy
import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.programme import Programme, ProgrammeError, parse_programme

ROOT = Path(__file__).resolve().parents[3]
SMALL = (ROOT / "tests" / "data" / "good" / "small.yaml").read_text(encoding="utf-8")
DAY = (ROOT / "programme.yaml").read_text(encoding="utf-8")

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bits of YAML and of programmes that a slip of the keyboard (or a bad merge) leaves behind.
FRAGMENTS = st.sampled_from(
    [
        "{", "}", "[", "]", ":", ": ", "- ", "-", ",", "#", "'", '"', "\t", "\n", "\r\n", "  ", "&a ", "*a",
        "<<: *a", "!!python/object/apply:os.system [ls]", "!!binary aGk=", "!x ", "? ", "|", ">-", "---\n",
        "...\n", "%YAML 1.1\n", "~", "null", "yes", "10:00", '"25:61"', "2023-03-26 02:30", "2023-02-30",
        "0001-01-01 00:00", "9999-12-31 23:59", "id: x\n", "room: nowhere", "parts: []", "kind: meal",
        "\ufeff", "\u2028", "\x85", "\\ud800", '"\\ud800"', "\x00", "\x07", "é", "ß", "\u202f",
        "[" * 100, "{a: " * 70,
    ]
)  # fmt: skip


def answers_properly(source: bytes | str) -> None:
    try:
        programme = parse_programme(source, "fuzzed.yaml")
    except ProgrammeError as err:
        assert err.problems, "a ProgrammeError names at least one problem"
        for problem in err.problems + err.warnings:
            text = str(problem)
            assert text.startswith("fuzzed.yaml")
            assert "\n" not in text and "\r" not in text
            assert problem.line >= 0 and problem.column >= 0
        return
    assert isinstance(programme, Programme)
    room_ids = {r.id for r in programme.rooms}
    for session in programme.sessions:
        assert session.start.tzinfo is not None and session.end.tzinfo is not None
        assert session.start < session.end
        assert session.room is None or session.room in room_ids
        assert session.title


@st.composite
def mutated(draw, text: str) -> str:
    """``text`` with a few characters deleted, replaced or inserted, or lines moved about."""
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "replace", "line"]))
        if how == "insert":
            text = text[:where] + draw(FRAGMENTS | st.text(max_size=5)) + text[where:]
        elif how == "delete":
            text = text[:where] + text[where + draw(st.integers(1, 40)) :]
        elif how == "replace":
            text = text[:where] + draw(st.characters()) + text[where + 1 :]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines.insert(j, lines.pop(i) if draw(st.booleans()) else lines[i])
            text = "\n".join(lines)
    return text


VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["10:00", "25:00", "2023-03-28 23:30", "0001-01-01 00:00", "9999-12-31 23:59+00:00"])
    | st.sampled_from(["salle-i", "fr", "meal", "", "2023-03-26 02:30", "2023-10-29 02:30"])
    | st.dates().map(dt.date.isoformat),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


SMALL_AS_DATA = yaml.safe_load(SMALL)


@st.composite
def with_one_value_changed(draw, programme: dict) -> str:
    """The programme read as data, one value anywhere in it replaced, written back as YAML."""
    data = copy.deepcopy(programme)
    node = data
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        if not isinstance(node[key], dict | list) or draw(st.integers(0, 3)) == 0:
            node[key] = draw(VALUES)
            break
        node = node[key]
    return yaml.safe_dump(data, allow_unicode=True, default_flow_style=None)


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    answers_properly(data)


@FAST
@given(st.text(max_size=2000))
def test_any_text(text: str) -> None:
    answers_properly(text)


@FAST
@given(mutated(SMALL))
def test_the_small_programme_with_slips(text: str) -> None:
    answers_properly(text)


@settings(FAST, max_examples=100)  # the whole day is slower to read
@given(mutated(DAY), st.booleans())
def test_the_day_with_slips(text: str, as_bytes: bool) -> None:
    answers_properly(text.encode("utf-8", "surrogatepass") if as_bytes else text)


@FAST
@given(with_one_value_changed(SMALL_AS_DATA))
def test_the_small_programme_with_a_value_of_the_wrong_kind(text: str) -> None:
    answers_properly(text)


def test_the_programmes_slips_are_made_from_are_valid() -> None:
    assert isinstance(parse_programme(SMALL), Programme)
    assert isinstance(parse_programme(DAY), Programme)
