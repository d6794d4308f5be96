"""The one YAML reader: libyaml and the pure-Python parser make the same nodes and say the same things."""

from pathlib import Path

import pytest
import yaml

from kiosk import yaml_reader
from kiosk.programme import check_programme

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]
BAD = sorted((DATA / "bad").glob("*.yaml"))
GOOD = [*sorted((DATA / "good").glob("*.yaml")), ROOT / "programme.yaml"]

needs_libyaml = pytest.mark.skipif(
    not yaml_reader.LIBYAML, reason="PyYAML without libyaml (pip builds it with libyaml-dev installed)"
)


def tree(node: yaml.Node | None) -> object:
    """Everything a node holds that the checkers read, its marks included."""
    if node is None:
        return None
    start, end = node.start_mark, node.end_mark
    marks = (start.line, start.column, start.index, end.line, end.column, end.index)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("list", node.tag, node.flow_style, marks, [tree(n) for n in node.value])
    return ("map", node.tag, node.flow_style, marks, [(tree(k), tree(v)) for k, v in node.value])


def composed(text: str, libyaml: bool) -> object:
    try:
        return tree(yaml_reader.compose(text, "a programme", libyaml=libyaml))
    except yaml_reader.YamlProblem as err:
        return ("problem", err.line, err.column, err.message)


EDGES = {
    "empty": "",
    "comment only": "# nothing\n",
    "anchors": "a: &x [1, {b: 2}]\nc: *x\nd: &y hello\ne: *y\n",
    "styles": "a: 'one'\nb: \"two\"\nc: |\n  three\nd: >-\n  four\ne: ~\nf: null\ng:\nh: [ ]\ni: { }\n",
    "tags": "a: !!str 1\nb: !custom x\nc: !!python/name:os.system x\n",
    "non-ascii columns": "titre: « Salle I »\nnom: 東京 ✓\nx: [é, ü, 🎉]\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "duplicate anchor": "a: &x 1\nb: &x 2\n",
    "undefined alias": "a: *nowhere\n",
    "recursive alias": "a: &x [*x]\n",
    "deep": "[" * 70 + "]" * 70 + "\n",
    "alias bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcdef", "bcdefg", strict=True)),
    "tab": "a:\n\tb: 1\n",
    "unclosed flow": "a: [1, 2\nb: 3\n",
    "control character": "a: \x1b[31m\n",
    "escaped control character": 'a: "\\e]0;x\\a"\n',
    "lone surrogate escape": 'a: "\\ud800"\n',
}


def text_of(path: Path) -> str | None:
    try:
        return yaml_reader.decode(path.read_bytes(), "a programme")
    except yaml_reader.YamlProblem:
        return None  # not text: refused before any parser sees it


TEXTS = [p for p in GOOD + BAD if text_of(p) is not None]


@needs_libyaml
@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_both_parsers_compose_the_same_nodes_from_every_file(path: Path) -> None:
    text = text_of(path)
    assert composed(text, libyaml=True) == composed(text, libyaml=False)


@needs_libyaml
@pytest.mark.parametrize("text", EDGES.values(), ids=EDGES.keys())
def test_both_parsers_agree_on_edge_cases(text: str) -> None:
    assert composed(text, libyaml=True) == composed(text, libyaml=False)


@needs_libyaml
def test_the_limits_hold_on_both_parsers() -> None:
    for libyaml in (True, False):
        assert composed(EDGES["deep"], libyaml)[:3] == ("problem", 1, 65)
        bomb = composed(EDGES["alias bomb"], libyaml)
        assert bomb[0] == "problem" and "expands to more than" in bomb[3]


@needs_libyaml
@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_the_bad_corpus_gets_the_same_messages_from_both_parsers(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = {}
    for libyaml in (True, False):
        monkeypatch.setattr(yaml_reader, "LIBYAML", libyaml)
        programme, problems = check_programme(path.read_bytes(), str(path))
        assert programme is None
        said[libyaml] = [str(p) for p in problems]
    assert said[True] == said[False]


@needs_libyaml
def test_libyaml_is_what_reads_a_programme_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pure_python(*args: object) -> None:
        raise AssertionError("the pure-Python parser was used for a valid file")

    monkeypatch.setattr(yaml_reader, "_Composer", no_pure_python)
    programme, problems = check_programme((DATA / "good" / "small.yaml").read_bytes(), "small.yaml")
    assert programme is not None and problems == []


def test_a_deeply_nested_file_is_refused_not_crashed() -> None:
    text = "[" * 200_000 + "]" * 200_000
    problem = composed(text, libyaml=yaml_reader.LIBYAML)
    assert problem[:3] == ("problem", 1, 65)
    assert "nested more than 64 deep" in problem[3]
